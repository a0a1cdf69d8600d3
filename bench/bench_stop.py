"""Time from SIGTERM to exit of `orbithub serve` and `orbithub demo`, and history kept.

Each round starts a real process on a scratch data directory. For ``serve``, ten discovered
sensors receive a burst of ``--burst`` readings over MQTT between them (each stays under the
hub's per-device flood limit); the moment the hub holds the last ones, SIGTERM is sent, and
the rows found in the database afterwards are counted (all of them must be there). For
``demo``, SIGTERM is sent once the demo answers on its control socket (its 27 devices,
automations, assistant and web app running). Prints the median and the worst stop time of
``--rounds`` rounds per command. The time runs to the process's exit, which waits for work
already running in worker threads (the assistant compiling its sentences just after start).

Usage: python bench/bench_stop.py [--rounds 5] [--burst 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.client import MqttClient
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.cli.control import ControlError, request, socket_path

_SENSORS = 10
_PATH = "environment.temperature"


def _config(n: int) -> dict[str, object]:
    return {
        "name": f"Bench temperature {n}",
        "uniq_id": f"bench{n}_t",
        "stat_t": f"bench{n}/temperature",
        "dev_cla": "temperature",
        "unit_of_meas": "°C",
        "dev": {"ids": f"bench{n}", "name": f"Bench sensor {n}"},
    }


def _sensor(n: int) -> str:
    return f"mqtt:bench{n}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _ask(data: Path, body: dict[str, object]) -> object:
    return asyncio.run(request(socket_path(data), body, timeout=5))


def _wait(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        time.sleep(0.02)


def _answers(data: Path, body: dict[str, object]) -> bool:
    try:
        _ask(data, body)
    except ControlError:
        return False
    return True


async def _publish(data: Path, port: int, messages: list[tuple[str, bytes]]) -> None:
    # The embedded broker lets in only logins; these discovery messages go in as the hub.
    hub = BrokerAccounts.in_data_dir(data)
    login = f"{hub.hub_username}:{quote(hub.hub_password, safe='')}"
    url = f"mqtt://{login}@127.0.0.1:{port}?version=3.1.1"
    client = MqttClient(parse_broker_url(url), print)
    runner = asyncio.create_task(client.run())
    try:
        await client.connected.wait()
        await asyncio.gather(*(client.publish(t, p) for t, p in messages))
    finally:
        await client.close()
        await runner


def _last_reading(data: Path, device_id: str) -> object:
    reply = _ask(data, {"op": "get", "device": device_id, "property": _PATH})
    current = reply.get(_PATH) if isinstance(reply, dict) else None
    return current.get("value") if isinstance(current, dict) else None


def _start(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own command with fixed arguments
        [sys.executable, "-m", "orbithub", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _sigterm(proc: subprocess.Popen[bytes]) -> float:
    sent = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    took = time.monotonic() - sent
    if proc.returncode != 0:
        raise SystemExit(f"exit status {proc.returncode} after SIGTERM")
    return took


def _serve_round(burst: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as scratch:
        data, port = Path(scratch), _free_port()
        args = ["serve", "--no-live", "--mqtt-port", str(port), "--http-port", "0"]
        proc = _start([*args, "--data-dir", str(data)])
        _wait(lambda: _answers(data, {"op": "ping"}))
        configs = [
            (f"homeassistant/sensor/bench{n}/temperature/config", json.dumps(_config(n)).encode())
            for n in range(_SENSORS)
        ]
        asyncio.run(_publish(data, port, configs))
        _wait(
            lambda: all(
                _answers(data, {"op": "get", "device": _sensor(n)}) for n in range(_SENSORS)
            )
        )
        per_sensor = burst // _SENSORS
        messages = [
            (f"bench{n}/temperature", f"{i / 10:.1f}".encode())
            for i in range(per_sensor)
            for n in range(_SENSORS)
        ]
        asyncio.run(_publish(data, port, messages))
        last = (per_sensor - 1) / 10
        _wait(lambda: all(_last_reading(data, _sensor(n)) == last for n in range(_SENSORS)))
        took = _sigterm(proc)
        with sqlite3.connect(data / "orbithub.db") as db:
            (rows,) = db.execute(
                "SELECT count(*) FROM history WHERE device_id LIKE 'mqtt:bench%'"
            ).fetchone()
        return took, int(rows)


def _demo_round() -> float:
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch)
        args = ["demo", "--speed", "120", "--mqtt-port", "0", "--http-port", "0"]
        proc = _start([*args, "--data-dir", str(data)])
        _wait(lambda: _answers(data, {"op": "ping"}))
        return _sigterm(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--burst", type=int, default=200)
    opts = parser.parse_args()
    serve = [_serve_round(opts.burst) for _ in range(opts.rounds)]
    demo = [_demo_round() for _ in range(opts.rounds)]
    serve_s = [t for t, _ in serve]
    print(
        f"serve: SIGTERM to exit median {statistics.median(serve_s):.2f} s, "
        f"worst {max(serve_s):.2f} s ({opts.rounds} rounds)"
    )
    print(
        f"serve: history rows stored after a burst of {opts.burst}: "
        + ", ".join(str(rows) for _, rows in serve)
    )
    print(
        f"demo:  SIGTERM to exit median {statistics.median(demo):.2f} s, "
        f"worst {max(demo):.2f} s ({opts.rounds} rounds)"
    )


if __name__ == "__main__":
    main()
