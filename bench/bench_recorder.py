"""How many history rows per second the recorder sustains, on SQLite and PostgreSQL.

Publishes a burst of PropertyChanged events (1,000 devices, round robin, mixed value types)
on a bus the recorder listens to, and times until the recorder has committed the last one.
Prints one line per database. PostgreSQL is measured when ``--postgres URL`` is given or
``ORBITHUB_TEST_POSTGRES_URL`` is set; it runs in a scratch schema dropped afterwards.

Usage: python bench/bench_recorder.py [--events 100000] [--batch-size 5000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from orbithub.core.bus import Bus
from orbithub.core.clock import SystemClock
from orbithub.core.context import DEVICE_CONTEXT
from orbithub.core.events import PropertyChanged
from orbithub.core.registry import Registry
from orbithub.spec.model import Value
from orbithub.storage import Database, Recorder


def _event(seq: int, now: float) -> PropertyChanged:
    device = seq % 1_000
    value: Value
    if device % 5 == 4:  # one device in five is a dimmable light, the rest are sensors
        path, value = "light.brightness", seq % 101
    else:
        path, value = "temperature-humidity-sensor.temperature", 20.0 + (seq % 97) / 10
    return PropertyChanged(seq, now, "home", f"device-{device}", path, value, None, DEVICE_CONTEXT)


async def _run(db: Database, events: int, batch_size: int) -> tuple[float, float, float]:
    bus = Bus()
    done = asyncio.Event()
    recorder = Recorder(
        db,
        bus,
        Registry(),
        clock=SystemClock(),
        batch_size=batch_size,
        flush_interval=0.1,
        on_commit=lambda seq: done.set() if seq >= events else None,
    )
    prepared = [_event(seq, 1_700_000_000.0 + seq / 1_000) for seq in range(1, events + 1)]
    async with asyncio.TaskGroup() as tasks:
        await recorder.start(tasks)
        started = time.perf_counter()
        for event in prepared:
            bus.publish(event)
        published = time.perf_counter()
        await done.wait()
        finished = time.perf_counter()
        await recorder.stop()
    if recorder.rows_written != events or recorder.dropped:
        raise SystemExit(
            f"wrote {recorder.rows_written} of {events} rows, dropped {recorder.dropped}: "
            "the figure would be wrong"
        )
    publish_us = (published - started) / events * 1e6
    return events / (finished - started), publish_us, finished - started


@asynccontextmanager
async def _postgres(url: str, data_dir: Path) -> AsyncIterator[Database]:
    schema = f"orbithub_bench_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(sa.make_url(url).set(drivername="postgresql+asyncpg"))
    try:
        async with admin.begin() as conn:
            await conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        db = await Database.open(url, data_dir=data_dir, schema=schema)
        try:
            yield db
        finally:
            await db.close()
            async with admin.begin() as conn:
                await conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        await admin.dispose()


def _report(name: str, figures: tuple[float, float, float], events: int) -> None:
    rate, publish_us, elapsed = figures
    print(
        f"{name:>10}: {rate:>9,.0f} rows/s ({events:,} events in {elapsed:.2f} s); "
        f"listener cost on the hub's loop {publish_us:.2f} us/event"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--postgres", default=os.environ.get("ORBITHUB_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = await Database.open(data_dir=Path(scratch) / "sqlite")
        try:
            _report("SQLite", await _run(db, args.events, args.batch_size), args.events)
        finally:
            await db.close()
        if args.postgres:
            async with _postgres(args.postgres, Path(scratch) / "pg") as pg:
                _report("PostgreSQL", await _run(pg, args.events, args.batch_size), args.events)
        else:
            print("PostgreSQL: skipped (pass --postgres URL or set ORBITHUB_TEST_POSTGRES_URL)")


if __name__ == "__main__":
    asyncio.run(main())
