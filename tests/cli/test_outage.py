"""A broker outage is a state of the hub, not its end: a real Mosquitto killed and restarted.

`orbithub serve` runs against a Mosquitto this test starts on a free port. The broker is
killed while a device streams its state; commands during the outage are refused at once with
503 "broker unreachable", the device is shown as unavailable, and when the broker is started
again the device is available and commanded as before. The hub never stops.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from orbithub.adapters.mqtt.client import MqttClient
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.cli.control import ControlError

from .hubprocess import answers, ask, free_port, start, stop, wait_until

pytestmark = pytest.mark.slow

_PLUG = "mqtt:outage"
_CONFIG = {
    "name": "Outage plug",
    "uniq_id": "outage_plug",
    "cmd_t": "outage/plug/set",
    "stat_t": "outage/plug/state",
    "dev": {"ids": "outage", "name": "Outage plug"},
}


class Mosquitto:
    """A Mosquitto of the test's own on a free loopback port, to kill and start again."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._listening, "Mosquitto to listen", timeout=10)

    def _listening(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        except OSError:
            return False
        return True

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


@pytest.fixture
def mosquitto() -> Iterator[Mosquitto]:
    binary = shutil.which("mosquitto")
    if binary is None:
        pytest.skip("the broker outage test starts its own broker and needs `mosquitto` on PATH")
    broker = Mosquitto(binary)
    broker.start()
    try:
        yield broker
    finally:
        broker.kill()


async def _publish(port: int, messages: list[tuple[str, bytes, bool]]) -> None:
    client = MqttClient(parse_broker_url(f"mqtt://127.0.0.1:{port}"), print)
    runner = asyncio.create_task(client.run())
    try:
        async with asyncio.timeout(20):
            await client.connected.wait()
            for topic, payload, retain in messages:
                await client.publish(topic, payload, retain=retain)
    finally:
        await client.close()
        await runner


def _state(port: int, on: bool) -> None:
    asyncio.run(_publish(port, [("outage/plug/state", b"ON" if on else b"OFF", False)]))


def _plug_known(data: Path) -> bool:
    try:
        ask(data, {"op": "get", "device": _PLUG})
    except ControlError:
        return False
    return True


def _online(base: str, auth: dict[str, str]) -> object:
    reply = httpx.get(f"{base}/api/devices/{_PLUG}", headers=auth, timeout=10)
    assert reply.status_code == 200, reply.text
    return reply.json()["online"]


def _switch(base: str, auth: dict[str, str], on: bool) -> httpx.Response:
    return httpx.put(
        f"{base}/api/devices/{_PLUG}/properties/switch.on",
        headers=auth,
        json={"value": on},
        timeout=30,
    )


def test_the_hub_rides_out_a_broker_outage(tmp_path: Path, mosquitto: Mosquitto) -> None:
    data, log, http_port = tmp_path / "data", tmp_path / "serve.log", free_port()
    hub = start(
        [
            "serve",
            "--no-live",
            "--mqtt-url",
            f"mqtt://127.0.0.1:{mosquitto.port}",
            "--http-port",
            str(http_port),
            "--data-dir",
            str(data),
        ],
        log,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until(lambda: answers(data) or hub.poll() is not None, "the hub to answer")
        assert hub.poll() is None, log.read_text(encoding="utf-8")
        config = json.dumps(_CONFIG).encode()
        asyncio.run(
            _publish(mosquitto.port, [("homeassistant/switch/outage/plug/config", config, True)])
        )
        wait_until(lambda: _plug_known(data), "the plug to be discovered")
        # The control socket opens with the hub, the web app and API a moment later.
        wait_until(lambda: "Web app and API" in log.read_text(encoding="utf-8"), "the API")
        owner = httpx.post(
            f"{base}/api/onboarding",
            json={"username": "owner", "password": "a long enough password"},
            timeout=30,
        )
        assert owner.status_code == 200, owner.text
        auth = {"Authorization": f"Bearer {owner.json()['access_token']}"}
        _state(mosquitto.port, on=False)
        wait_until(lambda: _reported_on(data) is False, "the plug's first state")
        assert _switch(base, auth, on=True).status_code == 200
        assert _online(base, auth) is True

        mosquitto.kill()
        asked = time.monotonic()
        refused = _switch(base, auth, on=False)
        took = time.monotonic() - asked
        assert refused.status_code == 503, refused.text
        assert "broker unreachable" in refused.json()["message"]
        assert took < 2.0  # at once, not after the command timeout
        wait_until(lambda: _online(base, auth) is False, "the plug to be shown unavailable", 30)
        assert _switch(base, auth, on=False).status_code == 503
        assert hub.poll() is None, log.read_text(encoding="utf-8")

        mosquitto.start()
        wait_until(lambda: _online(base, auth) is True, "the plug to be available again", 60)
        again = _switch(base, auth, on=False)
        assert again.status_code == 200, again.text
        _state(mosquitto.port, on=True)
        wait_until(lambda: _reported_on(data) is True, "the plug's state after the outage")
        stop(hub, signal.SIGTERM, log)
    finally:
        if hub.poll() is None:
            hub.kill()
            hub.wait()
    output = log.read_text(encoding="utf-8")
    assert hub.returncode == 0, output
    assert "Traceback" not in output
    assert "unreachable" in output


def _reported_on(data: Path) -> object:
    reply = ask(data, {"op": "get", "device": _PLUG, "property": "switch.on"})
    current = reply.get("switch.on") if isinstance(reply, dict) else None
    return current.get("value") if isinstance(current, dict) else None
