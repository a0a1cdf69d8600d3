"""Real fleet processes for the fault tests: workers as `orbithub worker`, a publishing load."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import nats
import orjson
from nats.aio.client import Client

from orbithub.fleet import LocalCluster, StreamSettings, ensure_consumers, ensure_stream
from orbithub.fleet.simulate import Reading, Simulation, publish_nats

PARTITIONS = 8
STREAM = StreamSettings(partitions=PARTITIONS)


class Fleet:
    """Worker processes on a cluster and a PostgreSQL schema; every process stopped by PID."""

    def __init__(self, cluster: LocalCluster, db: str, schema: str, folder: Path) -> None:
        self.cluster = cluster
        self.db = db
        self.schema = schema
        self.folder = folder
        self.workers: dict[str, subprocess.Popen[bytes]] = {}
        self.accepted: list[Reading] = []
        self.nc: Client | None = None

    async def open(self) -> None:
        self.nc = await nats.connect(servers=self.cluster.urls, max_reconnect_attempts=-1)
        await ensure_stream(self.nc, STREAM)
        await ensure_consumers(self.nc, STREAM)

    def start(self, name: str, db: str | None = None) -> None:
        args = ["worker", "--id", name, "--partitions", str(PARTITIONS)]
        args += ["--nats-url", ",".join(self.cluster.urls), "--database-url", db or self.db]
        args += ["--database-schema", self.schema]
        with (self.folder / f"{name}.log").open("ab") as log:
            self.workers[name] = subprocess.Popen(
                [sys.executable, "-m", "orbithub", *args],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def signal(self, name: str, signum: int) -> None:
        os.kill(self.workers[name].pid, signum)

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(encoding="utf-8", errors="replace")

    async def load(self, seconds: float, rate: float, homes: int = 40) -> int:
        """Publish for ``seconds``; every reading the stream acknowledged goes to accepted."""
        assert self.nc is not None
        sim = Simulation(homes, devices=5, prefix=f"f{os.getpid()}")
        return await publish_nats(
            self.nc, sim.readings(), count=int(seconds * rate), rate=rate, accepted=self.accepted
        )

    async def query(self, sql: str) -> list[asyncpg.Record]:
        conn = await asyncpg.connect(self.db, server_settings={"search_path": self.schema})
        try:
            return list(await conn.fetch(sql))
        finally:
            await conn.close()

    async def owners(self) -> dict[int, str]:
        rows = await self.query("SELECT partition, owner FROM fleet_leases")
        return {r["partition"]: r["owner"] for r in rows}

    def expected(self) -> set[tuple[str, str, str, datetime]]:
        return {
            (r.home, r.device, prop, datetime.fromtimestamp(r.ts, UTC))
            for r in self.accepted
            for prop in r.values
        }

    async def stored(self) -> list[tuple[str, str, str, datetime]]:
        rows = await self.query("SELECT home, device, prop, ts FROM fleet_history")
        return [(r["home"], r["device"], r["prop"], r["ts"]) for r in rows]

    async def all_applied(self, within: float) -> None:
        """Every acknowledged reading is in history exactly once, within ``within`` seconds."""
        want = self.expected()
        got: list[tuple[str, str, str, datetime]] = []

        async def done() -> bool:
            nonlocal got
            got = await self.stored()
            return set(got) >= want

        try:
            await until(done, within, "every acknowledged reading in PostgreSQL")
        except AssertionError:
            missing = sorted(want - set(got), key=lambda r: r[3])
            raise AssertionError(
                f"{len(missing)} of {len(want)} acknowledged readings missing, e.g. {missing[:3]}"
            ) from None
        assert len(got) == len(set(got)) == len(want), "a reading stored twice or one not sent"
        assert set(got) == want

    def stop(self) -> None:
        for process in self.workers.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGCONT)
                    os.kill(process.pid, signal.SIGKILL)
        for process in self.workers.values():
            process.wait(10)

    async def close(self) -> None:
        self.stop()
        if self.nc is not None:
            await self.nc.close()


async def until(check: Callable[[], Awaitable[bool]], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not await check():
        assert time.monotonic() < deadline, f"not within {within} s: {what}"
        await asyncio.sleep(0.1)


async def stream_leader(nc: Client) -> str:
    reply = await nc.request(f"$JS.API.STREAM.INFO.{STREAM.name}", b"{}", timeout=5)
    leader: str = orjson.loads(reply.data)["cluster"]["leader"]
    return leader


class Proxy:
    """A TCP proxy to PostgreSQL that a test can cut (as a restart or a network failure would).

    The machine's PostgreSQL serves other tests too, so it is never stopped: the workers reach
    it through this proxy instead, and cutting the proxy drops every connection at once.
    """

    def __init__(self, host: str, port: int) -> None:
        self._target = (host, port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.IncompleteReadError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers -= {writer, up_writer}

    async def cut(self) -> None:
        """Refuse new connections and drop every open one."""
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def close(self) -> None:
        await self.cut()
