"""Stopping a running hub as service managers, terminals and scripts do, through real processes.

SIGTERM (``systemctl stop``, ``docker stop``) and Ctrl-C must stop `serve` and `demo` within
5 s, writing the history they hold; a second signal ends the process at once; all of it also
when the process was started with SIGINT ignored.
"""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import quote

import pytest

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.client import MqttClient
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.cli.control import ControlError

from .hubprocess import (
    STOP_LIMIT_S,
    Terminal,
    answers,
    ask,
    free_port,
    history_rows,
    start,
    stop,
    wait_until,
)

pytestmark = pytest.mark.slow

BURST = 200
SENSORS = 10
"""The burst comes from ten sensors, 20 readings each: under the hub's per-device flood limit."""
_TEMPERATURE = "environment.temperature"


def _config(n: int) -> dict[str, object]:
    return {
        "name": f"Burst temperature {n}",
        "uniq_id": f"burst{n}_t",
        "stat_t": f"burst{n}/temperature",
        "dev_cla": "temperature",
        "unit_of_meas": "°C",
        "dev": {"ids": f"burst{n}", "name": f"Burst sensor {n}"},
    }


def _sensor(n: int) -> str:
    return f"mqtt:burst{n}"


def _serve_args(data: Path, mqtt_port: int | str = 0) -> list[str]:
    return [
        "serve",
        "--no-live",
        "--mqtt-port",
        str(mqtt_port),
        "--http-port",
        "0",
        "--data-dir",
        str(data),
    ]


async def _publish(data: Path, port: int, messages: list[tuple[str, bytes]]) -> None:
    """Publish in order with QoS 1; returns once the broker has acknowledged every one."""
    # The embedded broker lets in only logins; these discovery messages go in as the hub.
    hub = BrokerAccounts.in_data_dir(data)
    login = f"{hub.hub_username}:{quote(hub.hub_password, safe='')}"
    url = f"mqtt://{login}@127.0.0.1:{port}?version=3.1.1"
    client = MqttClient(parse_broker_url(url), print)
    runner = asyncio.create_task(client.run())
    try:
        async with asyncio.timeout(30):
            await client.connected.wait()
            await asyncio.gather(*(client.publish(t, p) for t, p in messages))
    finally:
        await client.close()
        await runner


def _temperature(data: Path, device_id: str) -> object:
    reply = ask(data, {"op": "get", "device": device_id, "property": _TEMPERATURE})
    assert isinstance(reply, dict)
    current = reply.get(_TEMPERATURE)
    return current.get("value") if isinstance(current, dict) else None


def test_sigterm_right_after_a_burst_stores_every_reading(tmp_path: Path) -> None:
    data, log, port = tmp_path / "data", tmp_path / "serve.log", free_port()
    proc = start(_serve_args(data, port), log)
    try:
        wait_until(lambda: answers(data) or proc.poll() is not None, "the hub to answer")
        configs = [
            (f"homeassistant/sensor/burst{n}/temperature/config", json.dumps(_config(n)).encode())
            for n in range(SENSORS)
        ]
        asyncio.run(_publish(data, port, configs))
        wait_until(
            lambda: all(_has_sensor(data, _sensor(n)) for n in range(SENSORS)),
            "the sensors to be discovered",
        )
        per_sensor = BURST // SENSORS
        burst = [
            (f"burst{n}/temperature", f"{i / 10:.1f}".encode())
            for i in range(per_sensor)
            for n in range(SENSORS)
        ]
        asyncio.run(_publish(data, port, burst))
        last = (per_sensor - 1) / 10
        wait_until(
            lambda: all(_temperature(data, _sensor(n)) == last for n in range(SENSORS)),
            "the hub to take the last readings",
        )
        # The recorder holds the burst in its batch (up to a second): SIGTERM now.
        took = stop(proc, signal.SIGTERM, log)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = log.read_text(encoding="utf-8")
    assert proc.returncode == 0, output
    assert "Traceback" not in output
    assert took < STOP_LIMIT_S
    assert sum(history_rows(data, _sensor(n)) for n in range(SENSORS)) == BURST


def _has_sensor(data: Path, device_id: str) -> bool:
    try:
        ask(data, {"op": "get", "device": device_id})
    except ControlError:  # not discovered yet: the hub refuses the unknown id
        return False
    return True


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_hub_started_with_sigint_ignored_still_stops(tmp_path: Path, signum: int) -> None:
    data, log = tmp_path / "data", tmp_path / "serve.log"
    proc = start(_serve_args(data), log, sigint_ignored=True)
    try:
        wait_until(lambda: answers(data) or proc.poll() is not None, "the hub to answer")
        assert proc.poll() is None, log.read_text(encoding="utf-8")
        stop(proc, signum, log)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, log.read_text(encoding="utf-8")
    assert not (data / "orbithub.sock").exists()  # it stopped cleanly, not killed


@pytest.mark.parametrize("moment", ["starting", "running", "settled"])
def test_ctrl_c_in_a_terminal_stops_the_demo(tmp_path: Path, moment: str) -> None:
    data = tmp_path / "data"
    term = Terminal(
        ["demo", "--speed", "120", "--mqtt-port", "0", "--http-port", "0", "--data-dir", str(data)]
    )
    try:
        if moment == "starting":
            wait_until(lambda: "OrbitHub demo" in term.output, "the demo to start")
        else:
            wait_until(lambda: answers(data), "the demo to answer")
        if moment == "settled":
            wait_until(lambda: term.output.count("history rows") >= 3, "the live table to redraw")
        term.ctrl_c()
        try:
            term.proc.wait(timeout=STOP_LIMIT_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"Ctrl-C did not stop the demo within {STOP_LIMIT_S:g} s:\n{term.output}")
    finally:
        term.close()
    assert term.proc.returncode == 0, term.output
    assert "stopped" in term.output
    assert "Traceback" not in term.output


def test_ctrl_c_in_a_terminal_stops_the_demo_again_and_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    args = ["demo", "--speed", "600", "--mqtt-port", "0", "--http-port", "0"]
    for _ in range(3):
        term = Terminal([*args, "--data-dir", str(data)])
        try:
            wait_until(lambda: answers(data), "the demo to answer")
            term.ctrl_c()
            term.proc.wait(timeout=STOP_LIMIT_S)
        finally:
            term.close()
        assert term.proc.returncode == 0, term.output


_STUCK = textwrap.dedent(
    """
    import asyncio, sys
    from orbithub.cli.signals import run_until_signalled

    async def main() -> None:
        try:
            print("running", flush=True)
            await asyncio.Event().wait()
        finally:
            print("stopping", flush=True)
            await asyncio.Event().wait()  # a stop that never finishes

    run_until_signalled(main(), deadline=float(sys.argv[1]))
    """
)


def _stuck(tmp_path: Path, deadline: float) -> subprocess.Popen[str]:
    script = tmp_path / "stuck.py"
    script.write_text(_STUCK, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(deadline)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "running\n"
    return proc


def test_a_second_signal_exits_at_once(tmp_path: Path) -> None:
    proc = _stuck(tmp_path, deadline=60)
    assert proc.stdout is not None
    proc.send_signal(signal.SIGTERM)
    assert proc.stdout.readline() == "stopping\n"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=2)
    assert proc.returncode == 128 + signal.SIGINT
    assert "SIGINT again: exiting now" in err


def test_a_stop_that_hangs_ends_at_the_deadline(tmp_path: Path) -> None:
    proc = _stuck(tmp_path, deadline=1.0)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=STOP_LIMIT_S)
    assert proc.returncode == 128 + signal.SIGTERM
    assert "not stopped within 1 s" in err
