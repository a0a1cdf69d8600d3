"""Requests per second of the HTTP API over a real uvicorn server on loopback.

A child process runs the hub (the simulated demo world, 27 devices, with the recorder and the
SQLite database in a scratch directory) and serves the API on 127.0.0.1 with uvloop and
httptools; this process signs in as the owner and drives it with httpx from ``--clients``
concurrent connections, for ``--seconds`` per endpoint:

* ``GET /api/devices`` (every device with its state; about 30 kB of JSON),
* ``GET /api/devices/desk-lamp`` (one device with its spec),
* ``PUT /api/devices/desk-lamp/properties/light.brightness`` (checked, sent to the simulated
  lamp, confirmed, audited in the database).

Server and client share the machine's cores, so requests/s are a floor for the server alone;
the server's own CPU time per request (read from the server process) says what one core of it
sustains, and stays meaningful when other work loads the machine.

Usage: python bench/bench_api.py [--seconds 5] [--clients 8]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx


async def _serve(data_dir: Path) -> None:
    from orbithub.adapters.sim import SimAdapter, demo_world
    from orbithub.api import ApiSettings, create_app, serve_api
    from orbithub.core.clock import SystemClock
    from orbithub.core.hub import Hub
    from orbithub.core.registry import Registry
    from orbithub.storage import Database, Recorder

    clock = SystemClock()
    world = demo_world()
    registry = Registry()
    registry.load(world.spaces, world.rooms, world.devices)
    db = await Database.open(data_dir=data_dir)
    hub = Hub(clock=clock, registry=registry)
    hub.add_adapter(SimAdapter(clock=clock, routines=False))
    recorder = Recorder(db, hub.bus, hub.registry, clock=clock, retention_days=None)
    try:
        async with asyncio.TaskGroup() as tasks:
            await recorder.start(tasks)
            async with hub:
                app = create_app(hub=hub, db=db, settings=ApiSettings())
                ready = asyncio.Event()
                server = tasks.create_task(serve_api(app, "127.0.0.1", 0, ready=ready))
                await ready.wait()
                print(json.dumps({"port": app.state.bound_port}), flush=True)
                # Answer "cpu" with this process's CPU seconds; stop when stdin closes.
                while await asyncio.to_thread(sys.stdin.readline):
                    print(json.dumps({"cpu": time.process_time()}), flush=True)
                server.cancel()
            await recorder.stop()
    finally:
        await db.close()


class _ServerCpu:
    """Asks the server process for its CPU time, so contention from other work is visible."""

    def __init__(self, server: subprocess.Popen[str]) -> None:
        self._server = server

    def seconds(self) -> float:
        if self._server.stdin is None or self._server.stdout is None:
            raise RuntimeError("the server process has no pipes")
        self._server.stdin.write("cpu\n")
        self._server.stdin.flush()
        return float(json.loads(self._server.stdout.readline())["cpu"])


async def _drive(
    name: str,
    seconds: float,
    clients: int,
    request: Callable[[int], Awaitable[httpx.Response]],
    cpu: _ServerCpu,
) -> None:
    latencies: list[float] = []
    errors = 0
    counter = itertools.count()
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            response = await request(next(counter))
            latencies.append(time.perf_counter() - started)
            if response.status_code >= 400:
                errors += 1

    cpu_before = cpu.seconds()
    began = time.perf_counter()
    async with asyncio.TaskGroup() as tasks:
        for _ in range(clients):
            tasks.create_task(worker())
    elapsed = time.perf_counter() - began
    server_cpu = cpu.seconds() - cpu_before
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000
    per_request = server_cpu / len(latencies) * 1e6
    print(
        f"{name:<56} {len(latencies) / elapsed:6.0f} req/s  p50 {p50:6.2f} ms  "
        f"p99 {p99:7.2f} ms  server CPU {per_request:5.0f} us/req "
        f"(= {1e6 / per_request:5.0f} req/s per core)  errors {errors}"
    )


async def _bench(port: int, seconds: float, clients: int, cpu: _ServerCpu) -> None:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits) as client:
        onboard = await client.post(
            "/api/onboarding", json={"username": "alex", "password": "bench-password"}
        )
        onboard.raise_for_status()
        client.headers["Authorization"] = f"Bearer {onboard.json()['access_token']}"
        devices = await client.get("/api/devices")
        print(
            f"clients {clients}, {seconds:g} s per endpoint, /api/devices is "
            f"{len(devices.content) / 1024:.1f} kB for {len(devices.json())} devices"
        )

        async def list_devices(_: int) -> httpx.Response:
            return await client.get("/api/devices")

        async def one_device(_: int) -> httpx.Response:
            return await client.get("/api/devices/desk-lamp")

        async def set_brightness(i: int) -> httpx.Response:
            return await client.put(
                "/api/devices/desk-lamp/properties/light.brightness", json={"value": 1 + i % 100}
            )

        await _drive("GET /api/devices", seconds, clients, list_devices, cpu)
        await _drive("GET /api/devices/desk-lamp", seconds, clients, one_device, cpu)
        await _drive(
            "PUT /api/devices/desk-lamp/properties/light.brightness",
            seconds,
            clients,
            set_brightness,
            cpu,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        import uvloop

        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            runner.run(_serve(args.serve))
        return
    with tempfile.TemporaryDirectory() as scratch:
        server = subprocess.Popen(  # noqa: S603 - our own script, our own interpreter
            [sys.executable, __file__, "--serve", scratch],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            if server.stdout is None:
                raise RuntimeError("the server process has no stdout")
            port = int(json.loads(server.stdout.readline())["port"])
            asyncio.run(_bench(port, args.seconds, args.clients, _ServerCpu(server)))
        finally:
            if server.stdin is not None:
                with contextlib.suppress(BrokenPipeError):
                    server.stdin.close()
            server.wait(30)


if __name__ == "__main__":
    main()
