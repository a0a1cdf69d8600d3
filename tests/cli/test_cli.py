"""The `orbithub` command as a user runs it: a real process, a real data directory."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.client import MqttClient
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.cli.queries import BadDurationError, parse_since

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def orbithub(
    *args: str, timeout: float = 60, columns: int = 200
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orbithub", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "COLUMNS": str(columns)},
    )


def _wait_for(condition: object, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def demo_port() -> int:
    return _free_port()


@pytest.fixture
def demo_flags() -> list[str]:
    return []


@pytest.fixture
def running_demo(tmp_path: Path, demo_port: int, demo_flags: list[str]) -> Iterator[Path]:
    """`orbithub demo` running in the background on its own data directory and broker port."""
    data = tmp_path / "data"
    log = tmp_path / "demo.log"
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "orbithub",
                "demo",
                "--speed",
                "120",
                "--seed",
                "7",
                "--mqtt-port",
                str(demo_port),
                "--http-port",
                "0",
                *demo_flags,
                "--data-dir",
                str(data),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        _wait_for(
            lambda: (
                orbithub("get", "living-room-ac", "--data-dir", str(data)).returncode == 0
                or proc.poll() is not None
            ),
            "the demo to answer",
        )
        assert proc.poll() is None, log.read_text(encoding="utf-8")
        yield data
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise
    assert proc.returncode == 0, log.read_text(encoding="utf-8")


def test_demo_runs_records_history_and_stops_by_itself(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    run = orbithub("demo", "--duration", "6", "--speed", "600", "--data-dir", str(data), timeout=90)
    assert run.returncode == 0, run.stderr
    assert "history rows" in run.stdout
    devices = orbithub("devices", "--data-dir", str(data))
    assert devices.returncode == 0, devices.stderr
    for expected in ("living-room-ac", "front-door-lock", "phone-alex", "car", "office-ac"):
        assert expected in devices.stdout
    # In an 80-column terminal the ids, which the next command needs, are printed whole.
    narrow = orbithub("devices", "--data-dir", str(data), columns=80)
    assert narrow.returncode == 0, narrow.stderr
    for expected in ("living-room-purifier", "living-room-curtain", "office-desk-lamp"):
        assert expected in narrow.stdout
    hist = orbithub(
        "history",
        "living-room-sensor",
        "temperature-humidity-sensor.temperature",
        "--since",
        "7d",
        "--data-dir",
        str(data),
    )
    assert hist.returncode == 0, hist.stderr
    assert "°C" in hist.stdout
    stored = orbithub("get", "living-room-sensor", "--data-dir", str(data))
    assert stored.returncode == 0, stored.stderr
    assert "stored" in stored.stdout
    # The same data directory runs under `serve`: the stored world comes back, still simulated.
    served = orbithub(
        "serve",
        "--duration",
        "3",
        "--no-live",
        "--mqtt-port",
        "0",
        "--http-port",
        "0",
        "--data-dir",
        str(data),
    )
    assert served.returncode == 0, served.stderr
    assert "no devices stored" not in served.stdout
    assert "refused 0" in served.stdout


def test_the_demo_serves_the_web_app_and_its_api(running_demo: Path) -> None:
    log = (running_demo.parent / "demo.log").read_text(encoding="utf-8")
    found = re.search(r"Web app and API: (http://\S+)", log)
    assert found, log
    base = found.group(1)
    page = httpx.get(base + "/", timeout=10)
    assert page.status_code == 200
    assert "<html" in page.text.lower()
    assert httpx.get(base + "/api/onboarding", timeout=10).json() == {"needed": False}
    # The demo's people can sign in and see their home, with the demo's scenes loaded.
    login = httpx.post(
        base + "/api/auth/login", json={"username": "alex", "password": "orbithub-alex"}, timeout=10
    )
    assert login.status_code == 200, login.text
    auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
    spaces = httpx.get(base + "/api/spaces", headers=auth, timeout=10).json()
    assert {s["id"] for s in spaces} >= {"home", "office", "car"}
    automations = httpx.get(base + "/api/automations", headers=auth, timeout=10)
    assert automations.status_code == 200, automations.text
    assert len(automations.json()) >= 4
    # Without a token the API says so, instead of showing anything.
    assert httpx.get(base + "/api/devices", timeout=10).status_code == 401


def test_set_and_call_reach_the_running_hub(running_demo: Path) -> None:
    data = str(running_demo)
    done = orbithub("set", "living-room-light", "light.brightness", "42", "--data-dir", data)
    assert done.returncode == 0, done.stderr
    assert "confirmed" in done.stdout
    now = orbithub("get", "living-room-light", "light.brightness", "--data-dir", data)
    assert "42%" in now.stdout
    assert "live" in now.stdout
    refused = orbithub(
        "set", "living-room-ac", "air-conditioner.target-temperature", "40", "--data-dir", data
    )
    assert refused.returncode == 1
    assert "31" in refused.stderr  # the spec's maximum is named
    unknown = orbithub("set", "no-such-device", "light.on", "true", "--data-dir", data)
    assert unknown.returncode == 1
    assert "no-such-device" in unknown.stderr
    swept = orbithub("call", "robot-vacuum", "vacuum.start-sweep", "--data-dir", data)
    assert swept.returncode == 0, swept.stderr


def test_sdk_example_device_joins_the_running_demo(
    running_demo: Path, demo_port: int, tmp_path: Path
) -> None:
    data = str(running_demo)
    example = REPO / "examples" / "smart_plug.py"
    log = tmp_path / "plug.log"
    made = orbithub("devices", "credentials", "maker-plug", "--data-dir", data)
    assert made.returncode == 0, made.stderr
    password = re.search(r"password: (\S+)", made.stdout)
    assert password is not None, made.stdout
    with log.open("w", encoding="utf-8") as out:
        plug = subprocess.Popen(
            [
                sys.executable,
                str(example),
                "--broker",
                f"mqtt://127.0.0.1:{demo_port}",
                "--space",
                "home",
                "--id",
                "maker-plug",
                "--interval",
                "0.5",
                "--username",
                "maker-plug",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "ORBITHUB_DEVICE_PASSWORD": password[1]},
        )
    try:
        _wait_for(
            lambda: (
                "W"
                in orbithub(
                    "get", "maker-plug", "power-meter.electric-power", "--data-dir", data
                ).stdout
            ),
            "the maker's plug to report its power",
        )
        off = orbithub("set", "maker-plug", "switch.on", "false", "--data-dir", data)
        assert off.returncode == 0, off.stderr
        assert "confirmed" in off.stdout
        _wait_for(
            lambda: (
                " 0 W"
                in orbithub(
                    "get", "maker-plug", "power-meter.electric-power", "--data-dir", data
                ).stdout
            ),
            "the switched-off plug to report no power",
        )
        listed = orbithub("devices", "--data-dir", data)
        assert "Desk plug" in listed.stdout
    finally:
        plug.send_signal(signal.SIGINT)
        try:
            plug.wait(timeout=20)
        except subprocess.TimeoutExpired:
            plug.kill()
            plug.wait()
    assert "Traceback" not in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("demo_flags", [["--publish-ha"]])
def test_demo_publishes_to_home_assistant_without_importing_itself_back(
    running_demo: Path, demo_port: int
) -> None:
    hub = BrokerAccounts.in_data_dir(running_demo)
    login = f"{hub.hub_username}:{quote(hub.hub_password, safe='')}"
    configs = asyncio.run(_retained_configs(f"mqtt://{login}@127.0.0.1:{demo_port}?version=3.1.1"))
    lights = [t for t in configs if t.startswith("homeassistant/light/")]
    assert any("living_room_light" in t or "living-room-light" in t for t in lights), configs
    assert all(json.loads(p).get("origin", {}).get("name") == "OrbitHub" for p in configs.values())
    listed = orbithub("devices", "--data-dir", str(running_demo))
    assert "mqtt:" not in listed.stdout  # its own entities were not discovered as new devices


async def _retained_configs(url: str) -> dict[str, bytes]:
    seen: dict[str, bytes] = {}
    got = asyncio.Event()

    def on_message(topic: str, payload: bytes, _props: object) -> None:
        if topic.endswith("/config") and payload:
            seen[topic] = payload
            got.set()

    client = MqttClient(parse_broker_url(url), on_message)
    runner = asyncio.create_task(client.run())
    try:
        async with asyncio.timeout(20):
            await client.connected.wait()
            client.subscribe(["homeassistant/#"], qos=1)
            await got.wait()
            await asyncio.sleep(0.5)  # retained configs arrive in one burst; let it finish
    finally:
        await client.close()
        await runner
    return seen


def test_commands_without_a_running_hub_say_how_to_start_one(tmp_path: Path) -> None:
    run = orbithub("set", "lamp", "light.on", "true", "--data-dir", str(tmp_path))
    assert run.returncode == 1
    assert "orbithub serve" in run.stderr


def test_spec_validate_reports_every_issue_with_its_path(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    bad = tmp_path / "bad.json"
    good.write_text(
        json.dumps(
            {
                "type": "urn:miot-spec-v2:device:light:0000A001:acme-l1:1",
                "description": "Lamp",
                "services": [
                    {
                        "iid": 2,
                        "type": "urn:miot-spec-v2:service:light:00007802:acme-l1:1",
                        "description": "Light",
                        "properties": [
                            {
                                "iid": 1,
                                "type": "urn:miot-spec-v2:property:on:00000006:acme-l1:1",
                                "description": "On",
                                "format": "bool",
                                "access": ["read", "write", "notify"],
                            }
                        ],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    broken = json.loads(good.read_text(encoding="utf-8"))
    broken["services"][0]["properties"][0]["format"] = "boolean"
    broken["services"][0]["properties"][0]["access"] = ["read", "fly"]
    bad.write_text(json.dumps(broken), encoding="utf-8")
    run = orbithub("spec", "validate", str(good), str(bad))
    assert run.returncode == 1
    assert "ok" in run.stdout
    assert "$.services[0].properties[0].format" in run.stdout
    assert "$.services[0].properties[0].access" in run.stdout
    assert orbithub("spec", "validate", str(good)).returncode == 0


def test_serve_on_a_taken_port_says_what_to_do(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = orbithub(
            "serve",
            "--duration",
            "1",
            "--no-live",
            "--mqtt-port",
            str(port),
            "--data-dir",
            str(tmp_path),
        )
    assert run.returncode == 1
    assert f"port {port}" in run.stderr
    assert "--mqtt-url" in run.stderr


def test_serve_with_the_web_port_taken_says_what_to_do(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = orbithub(
            "serve",
            "--duration",
            "1",
            "--no-live",
            "--mqtt-port",
            "0",
            "--http-port",
            str(port),
            "--data-dir",
            str(tmp_path),
        )
    assert run.returncode == 1
    assert f"port {port}" in run.stderr
    assert "--http-port" in run.stderr


def test_serve_refuses_a_proxy_that_is_not_an_address(tmp_path: Path) -> None:
    run = orbithub("serve", "--trusted-proxies", "proxy.lan", "--data-dir", str(tmp_path))
    assert run.returncode == 2
    assert "'proxy.lan' is not an IP address or network" in run.stderr
    # Refused before anything starts: no database was created.
    assert not any(tmp_path.iterdir())


def test_a_fresh_hub_says_where_to_create_the_owner(tmp_path: Path) -> None:
    run = orbithub(
        "serve",
        "--duration",
        "2",
        "--no-live",
        "--mqtt-port",
        "0",
        "--http-port",
        "0",
        "--data-dir",
        str(tmp_path),
    )
    assert run.returncode == 0, run.stderr
    assert "create the owner's account" in run.stdout
    assert "orbithub users add" in run.stdout


def test_parse_since() -> None:
    assert parse_since("90s") == 90
    assert parse_since("6h") == 6 * 3600
    with pytest.raises(BadDurationError, match="30m"):
        parse_since("yesterday")
