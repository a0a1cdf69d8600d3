"""Messages per second one fleet worker commits into PostgreSQL, with state and history.

Builds batches as a worker does after a pull (homes x devices x properties, each reading
stamped by its device, stream sequences rising), claims partitions and commits batch after
batch with :meth:`FleetStore.commit`: one transaction each with the lease check, history rows,
state upserts and the cursor. Prints messages/s for the whole run, the time per batch (p50 and
p99), this process's CPU per message, and the rows written. Runs in a scratch schema of the
database at ``--url`` (default ``$ORBITHUB_TEST_POSTGRES_URL``), dropped afterwards.

The database server shares the machine's cores with this process, so the figure is a floor;
when the server runs on this machine, the CPU its backends spent per message is printed too
(read from /proc), which stays meaningful when other work loads the machine.

Usage: python bench/bench_fleet_store.py [--url URL] [--messages 200000] [--batch 500]
       [--homes 1000] [--devices 20] [--partitions 8]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg

from orbithub.storage.fleet import FleetChange, FleetStore

_PROPS = ("light.on", "light.brightness", "sensor.temperature", "switch.on")


def _batches(args: argparse.Namespace) -> list[list[FleetChange]]:
    start = datetime.now(UTC) - timedelta(hours=1)
    batches: list[list[FleetChange]] = []
    batch: list[FleetChange] = []
    for seq in range(1, args.messages + 1):
        home = f"home-{seq % args.homes:05d}"
        device = f"dev-{(seq // args.homes) % args.devices:02d}"
        prop = _PROPS[(seq // (args.homes * args.devices)) % len(_PROPS)]
        value: bool | int | float = (
            seq % 100 if prop == "light.brightness" else (seq % 2 == 0 if "on" in prop else 20.5)
        )
        batch.append(
            FleetChange(home, device, prop, value, start + timedelta(milliseconds=seq), seq)
        )
        if len(batch) == args.batch:
            batches.append(batch)
            batch = []
    if batch:
        batches.append(batch)
    return batches


def _server_cpu(pids: list[int]) -> float:
    """CPU seconds the database backends used so far (0 when the server runs elsewhere)."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


async def _run(args: argparse.Namespace) -> None:
    schema = f"bench_fleet_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(args.url)
    await admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        store = await FleetStore.open(args.url, schema=schema, application_name=schema)
        try:
            batches = _batches(args)
            leases = [await store.claim(p, "bench") for p in range(args.partitions)]
            times: list[float] = []
            backends = [
                r["pid"]
                for r in await admin.fetch(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = $1", schema
                )
            ]
            server0 = _server_cpu(backends)
            cpu0 = resource.getrusage(resource.RUSAGE_SELF)
            began = time.perf_counter()
            for index, batch in enumerate(batches):
                t = time.perf_counter()
                await store.commit(leases[index % len(leases)], batch[-1].seq, batch)
                times.append(time.perf_counter() - t)
            elapsed = time.perf_counter() - began
            cpu1 = resource.getrusage(resource.RUSAGE_SELF)
            server = _server_cpu(backends) - server0
            cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
            await admin.execute(f'SET search_path TO "{schema}"')
            history = await admin.fetchval("SELECT count(*) FROM fleet_history")
            state = await admin.fetchval("SELECT count(*) FROM fleet_state")
            # Heap and indexes of every leaf of history (months hold the home buckets).
            history_bytes = await admin.fetchval(
                "SELECT sum(pg_total_relation_size(leaf.inhrelid)) FROM pg_inherits month "
                "JOIN pg_inherits leaf ON leaf.inhparent = month.inhrelid "
                "WHERE month.inhparent = to_regclass('fleet_history')"
            )
            state_bytes = await admin.fetchval("SELECT pg_total_relation_size('fleet_state')")
        finally:
            await store.close()
    finally:
        await admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await admin.close()
    times.sort()
    print(f"messages           {args.messages} in batches of {args.batch}")
    print(f"homes x devices    {args.homes} x {args.devices}, {len(_PROPS)} properties")
    print(f"messages/s         {args.messages / elapsed:,.0f}")
    print(
        f"batch p50 / p99    {statistics.median(times) * 1000:.1f} / "
        f"{times[int(len(times) * 0.99)] * 1000:.1f} ms"
    )
    print(f"worker CPU/message {cpu / args.messages * 1e6:.1f} us")
    if server > 0:
        print(f"server CPU/message {server / args.messages * 1e6:.1f} us (this store's backends)")
    print(f"rows               history {history}, state {state}")
    print(
        f"bytes per row      history {history_bytes / max(history, 1):.0f}, "
        f"state {state_bytes / max(state, 1):.0f} (with indexes)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("ORBITHUB_TEST_POSTGRES_URL"))
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--homes", type=int, default=1000)
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    if not args.url:
        parser.error("give --url or set ORBITHUB_TEST_POSTGRES_URL")
    asyncio.run(_run(args))


if __name__ == "__main__":
    main()
