"""``orbithub worker`` and ``orbithub fleet up|simulate``: fleet mode on NATS and PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Annotated, Any

import nats
import nats.errors
import typer
from nats.aio.client import Client
from rich.console import Console

from orbithub.cli.signals import Stopped, exit_stopped, run_until_signalled
from orbithub.errors import OrbitHubError
from orbithub.fleet import (
    JetStreamError,
    LocalCluster,
    StreamSettings,
    ensure_consumers,
    ensure_stream,
)
from orbithub.fleet.cluster import free_port
from orbithub.fleet.simulate import Simulation, publish_nats
from orbithub.fleet.simulate_mqtt import publish_mqtt
from orbithub.fleet.worker import Worker, WorkerSettings
from orbithub.storage.fleet import FleetStore

__all__ = ["fleet_app", "worker"]

fleet_app = typer.Typer(
    help="Fleet mode: many homes on a NATS JetStream cluster and PostgreSQL.",
    no_args_is_help=True,
)
console = Console()
err_console = Console(stderr=True)
_LOGGER = logging.getLogger(__name__)
_STATS_EVERY = 10.0
_SETUP_WITHIN = 60.0

NatsUrls = Annotated[
    str,
    typer.Option(
        "--nats-url",
        envvar="ORBITHUB_NATS_URL",
        help="The cluster's NATS URLs, comma-separated (a client fails over between them).",
    ),
]
FleetDb = Annotated[
    str,
    typer.Option(
        "--database-url",
        envvar="ORBITHUB_DATABASE_URL",
        help="The fleet's PostgreSQL URL (postgresql://user:pass@host/db).",
    ),
]
Schema = Annotated[
    str | None,
    typer.Option(
        "--database-schema", show_default=False, help="PostgreSQL schema of the fleet's tables."
    ),
]
Partitions = Annotated[
    int,
    typer.Option(
        "--partitions",
        min=1,
        max=1024,
        help="Partitions of the stream (fixed for its life; the same for every worker).",
    ),
]
Replicas = Annotated[
    int, typer.Option("--replicas", min=1, max=5, help="Copies of the stream (3 on 3 nodes).")
]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Log at DEBUG level.")]


def _logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("alembic", "gmqtt", "nats", "httpx"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)


def _run(coro: Coroutine[Any, Any, None]) -> None:
    try:
        outcome = run_until_signalled(coro)
    except Exception as exc:  # whatever ends the command: one clear line
        while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
            exc = exc.exceptions[0]  # type: ignore[assignment]
        text = str(exc) if isinstance(exc, OrbitHubError) else f"{type(exc).__name__}: {exc}"
        err_console.print(f"[red]error:[/red] {text}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if isinstance(outcome, Stopped):
        err_console.print("stopped", highlight=False)
        exit_stopped()


def _urls(text: str) -> list[str]:
    return [u.strip() for u in text.split(",") if u.strip()]


def worker(
    nats_urls: NatsUrls = "nats://127.0.0.1:4222",
    database_url: FleetDb = "",
    schema: Schema = None,
    worker_id: Annotated[
        str | None,
        typer.Option("--id", show_default=False, help="This worker's id (default: host-pid)."),
    ] = None,
    partitions: Partitions = 16,
    replicas: Replicas = 3,
    verbose: Verbose = False,
) -> None:
    """Run a fleet worker: own partitions of homes, apply their devices' messages."""
    _logging(verbose)
    if not database_url:
        raise typer.BadParameter("give the fleet's PostgreSQL URL", param_hint="--database-url")
    name = worker_id or f"{socket.gethostname()}-{os.getpid()}".replace(".", "-")
    stream = StreamSettings(partitions=partitions, replicas=replicas)
    _run(_work(_urls(nats_urls), database_url, schema, WorkerSettings(name, stream)))


async def _work(urls: list[str], db: str, schema: str | None, settings: WorkerSettings) -> None:
    store = await FleetStore.open(db, schema=schema)
    nc = await nats.connect(
        servers=urls,
        max_reconnect_attempts=-1,
        reconnect_time_wait=0.5,
        error_cb=_nats_error,
        disconnected_cb=_nats_disconnected,
    )
    try:
        await _ensure(nc, settings.stream)
        running = Worker(nc, store, settings)
        stop = asyncio.Event()
        runner = asyncio.create_task(running.run(stop))
        _LOGGER.info("worker %s started on %s", settings.worker, ", ".join(urls))
        try:
            while not runner.done():
                before = running.stats.applied
                await asyncio.wait({runner}, timeout=_STATS_EVERY)
                stats = running.stats
                _LOGGER.info(
                    "partitions %s; %.0f changes/s; %d messages, %d bad, %d refused commits",
                    sorted(stats.active),
                    (stats.applied - before) / _STATS_EVERY,
                    stats.received,
                    stats.bad,
                    stats.fenced,
                )
            runner.result()
        except asyncio.CancelledError:
            stop.set()  # hand the partitions back and leave the member list
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(runner, 5)
            raise
    finally:
        with contextlib.suppress(Exception):
            await nc.close()
        await store.close()


async def _nats_error(exc: Exception) -> None:
    # nats-py would print a traceback for every failed reconnect to a node that is down.
    _LOGGER.warning("NATS: %s", exc or type(exc).__name__)


async def _nats_disconnected() -> None:
    _LOGGER.warning("NATS: disconnected; moving to another node")


async def _ensure(nc: Client, stream: StreamSettings) -> None:
    """Create the stream and consumers, waiting while a starting cluster cannot answer yet."""
    deadline = time.monotonic() + _SETUP_WITHIN
    while True:
        try:
            await ensure_stream(nc, stream)
            await ensure_consumers(nc, stream)
            return
        except (JetStreamError, nats.errors.Error, TimeoutError) as exc:
            if time.monotonic() > deadline or "partition count" in str(exc):
                raise
            _LOGGER.warning("setting up the stream: %s; trying again", exc)
            await asyncio.sleep(1)


@fleet_app.command("simulate")
def simulate(
    homes: Annotated[int, typer.Option("--homes", min=1, help="Simulated homes.")] = 1000,
    devices: Annotated[
        int, typer.Option("--devices", min=1, max=20, help="Devices per home.")
    ] = 20,
    rate: Annotated[float, typer.Option("--rate", min=0, help="Messages per second.")] = 1000,
    duration: Annotated[
        float, typer.Option("--duration", min=0, help="Seconds to run (0: until stopped).")
    ] = 0,
    mqtt: Annotated[
        str | None,
        typer.Option(
            "--mqtt",
            show_default=False,
            help="Send as devices do, over MQTT 3.1.1 to these nodes (comma-separated).",
        ),
    ] = None,
    qos: Annotated[
        int,
        typer.Option("--qos", min=0, max=1, help="MQTT QoS (0: the protocol's default for state)."),
    ] = 0,
    nats_urls: NatsUrls = "nats://127.0.0.1:4222",
    verbose: Verbose = False,
) -> None:
    """Simulate homes built from the demo home's devices, reporting state to the fleet.

    With --mqtt the homes publish over MQTT 3.1.1 (moving to the next node when one fails);
    otherwise over NATS with a JetStream acknowledgement per message.
    """
    _logging(verbose)
    count = int(rate * duration) if duration else sys.maxsize
    sim = Simulation(homes, devices=devices)
    _run(_simulate(sim, count, rate, (mqtt, qos), _urls(nats_urls)))


async def _simulate(
    sim: Simulation, count: int, rate: float, mqtt: tuple[str | None, int], urls: list[str]
) -> None:
    started = time.monotonic()
    if mqtt[0]:
        sent = await publish_mqtt(
            _urls(mqtt[0]), sim.readings(), count=count, rate=rate, qos=mqtt[1]
        )
    else:
        nc = await nats.connect(servers=urls, max_reconnect_attempts=-1)
        try:
            sent = await publish_nats(nc, sim.readings(), count=count, rate=rate)
        finally:
            await nc.close()
    took = time.monotonic() - started
    console.print(f"{sent} messages from {len(sim.homes)} homes in {took:.1f} s")


@fleet_app.command("up")
def up(
    database_url: FleetDb = "",
    schema: Schema = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=8, help="Workers.")] = 2,
    partitions: Partitions = 16,
    folder: Annotated[
        Path | None,
        typer.Option("--dir", show_default=False, help="Where the nodes keep their stores."),
    ] = None,
    verbose: Verbose = False,
) -> None:
    """Start a fleet on this machine: 3 NATS nodes, workers and a gateway, until Ctrl-C."""
    _logging(verbose)
    if not database_url:
        raise typer.BadParameter("give the fleet's PostgreSQL URL", param_hint="--database-url")
    _run(_up(database_url, schema, workers, partitions, folder))


async def _up(
    db: str, schema: str | None, workers: int, partitions: int, folder: Path | None
) -> None:
    scratch = None if folder else tempfile.TemporaryDirectory(prefix="orbithub-fleet-")
    where = folder or Path(scratch.name if scratch else ".")
    cluster = LocalCluster(where / "nats")
    processes: list[asyncio.subprocess.Process] = []
    try:
        # Migrate once here: workers starting together would race to create the same tables.
        await (await FleetStore.open(db, schema=schema)).close()
        await cluster.start()
        nc = await nats.connect(servers=cluster.urls)
        try:
            stream = StreamSettings(partitions=partitions)
            await ensure_stream(nc, stream)
            await ensure_consumers(nc, stream)
        finally:
            await nc.close()
        urls = ",".join(cluster.urls)
        for n in range(workers):
            args = ["worker", "--id", f"worker-{n + 1}", "--partitions", str(partitions)]
            processes.append(await _spawn(where / f"worker-{n + 1}.log", args, urls, db, schema))
        port = free_port()
        gateway_args = ["gateway", "--http-port", str(port)]
        processes.append(await _spawn(where / "gateway.log", gateway_args, urls, db, schema))
        mqtt = ",".join(cluster.mqtt_urls)
        console.print(f"NATS:    {urls}")
        console.print(f"MQTT:    {mqtt}  (MQTT 3.1.1)")
        console.print(f"gateway: http://127.0.0.1:{port}")
        console.print(f"workers: {', '.join(str(p.pid) for p in processes[:-1])}; logs in {where}")
        console.print(f"try:     orbithub fleet simulate --homes 1000 --mqtt {mqtt}")
        exits = [asyncio.create_task(p.wait()) for p in processes]
        try:
            await asyncio.wait(exits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in exits:
                task.cancel()
        raise OrbitHubError(f"a worker or the gateway exited; see the logs in {where}")
    finally:
        await _stop(processes)
        cluster.stop()
        if scratch is not None:
            scratch.cleanup()


async def _spawn(
    log: Path, args: list[str], urls: str, db: str, schema: str | None
) -> asyncio.subprocess.Process:
    args = [*args, "--nats-url", urls, "--database-url", db]
    args += ["--database-schema", schema] if schema else []
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "orbithub",
            *args,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches `fleet up`, which stops them in order
        )


async def _stop(processes: list[asyncio.subprocess.Process]) -> None:
    """SIGTERM each (a clean hand-back of partitions), SIGKILL what is left after 10 s."""
    for process in processes:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            await asyncio.wait_for(process.wait(), 10)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signal.SIGKILL)
            await process.wait()
