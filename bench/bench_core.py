"""Push property updates through the hub core and the recorder; print throughput and memory.

Workload (after DESIGN.md): of every 5 devices, 4 are temperature-humidity sensors and 1 a
dimmable light; updates go round-robin over the devices, every one a real change, with history
on (SQLite in a temporary data directory, or PostgreSQL with --database-url).

    python bench/bench_core.py --devices 1000 10000 --updates 100000
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from orbithub.core.clock import SystemClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space
from orbithub.spec.library import device_type
from orbithub.storage import Database, Recorder


def _build(hub: Hub, n: int) -> list[tuple[str, str, bool]]:
    sensor, light = device_type("temperature-humidity-sensor"), device_type("light")
    hub.add_space(Space("home", "Home"))
    plan: list[tuple[str, str, bool]] = []
    for i in range(n):
        is_light = i % 5 == 4
        dev_id = f"dev-{i}"
        spec = light if is_light else sensor
        hub.registry.add_device(Device(dev_id, dev_id, spec, "home", "bench"))
        plan.append(
            (
                dev_id,
                "light.brightness" if is_light else "temperature-humidity-sensor.temperature",
                is_light,
            )
        )
    return plan


def _value(i: int, is_light: bool) -> float | int:
    # Every update differs from the device's previous one, so each is a change with history.
    return (i % 100) + 1 if is_light else round(20 + (i % 150) / 10, 1)


def memory_per_device(n: int) -> float:
    """Bytes allocated per device for its registry record and current state."""
    gc.collect()
    tracemalloc.start()
    hub = Hub()
    plan = _build(hub, n)
    for i, (dev_id, path, is_light) in enumerate(plan):
        hub.report(dev_id, path, _value(i, is_light))
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return current / n


async def throughput(n: int, updates: int, database_url: str | None) -> dict[str, float]:
    """Updates/s through core alone and through core + recorder, and CPU µs per update."""
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(database_url, data_dir=Path(tmp))
        hub = Hub(clock=SystemClock())
        plan = _build(hub, n)
        recorder = Recorder(db, hub.bus, hub.registry, clock=hub.clock)
        async with asyncio.TaskGroup() as tasks:
            await recorder.start(tasks)
            chunk = 1000
            wall0, cpu0 = time.perf_counter(), time.process_time()
            for start in range(0, updates, chunk):
                for i in range(start, min(start + chunk, updates)):
                    dev_id, path, is_light = plan[i % n]
                    hub.report(dev_id, path, _value(i // n + i, is_light))
                await asyncio.sleep(0)  # let the recorder flush between bursts, as a loop would
            core_done = time.perf_counter()
            last = hub.bus.seq
            while recorder.committed_seq < last:
                await recorder.flush()
            wall1, cpu1 = time.perf_counter(), time.process_time()
            await recorder.stop()
        await db.close()
    return {
        "ingest_per_s": updates / (core_done - wall0),
        "committed_per_s": updates / (wall1 - wall0),
        "cpu_us_per_update": (cpu1 - cpu0) / updates * 1e6,
        "rows": float(recorder.rows_written),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--devices", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--updates", type=int, default=100_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    backend = "postgresql" if args.database_url else "sqlite"
    print(f"backend {backend}, {args.updates} updates per run")
    for n in args.devices:
        figures = asyncio.run(throughput(n, args.updates, args.database_url))
        print(
            f"{n:>6} devices: {figures['committed_per_s']:>9,.0f} updates/s committed to history, "
            f"{figures['ingest_per_s']:>9,.0f} updates/s into the core, "
            f"{figures['cpu_us_per_update']:.1f} µs CPU per update, rows {figures['rows']:,.0f}"
        )
    per_device = memory_per_device(10_000)
    print(
        f"memory: {per_device / 1024:.2f} KiB per device (registry + state, 10k devices), "
        f"{per_device * 10_000 / 2**20:.1f} MiB per 10k devices"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
