"""Suggestions and anomaly alerts: mining time for simulated weeks, and the hot-path cost.

Simulates ``--days`` days of the demo family (simulators on a manual clock, their manual
habits, a real recorder into SQLite), then measures:

* mining: reading the manual commands and presence changes, and finding habits in them;
* learning baselines: reading the measurements and building hour-of-week baselines;
* the detector's bus listener per reading (with a baseline, and without one), called directly;
* ``hub.report`` per changed reading with and without the detector listening.

    python bench/bench_insights.py [--days 28] [--events 200000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from orbithub.adapters.sim import demo_world
from orbithub.assistant.anomaly import AlertStore, AnomalySettings, Detector
from orbithub.assistant.suggest import mine, read_records
from orbithub.core.clock import ManualClock
from orbithub.core.context import DEVICE_CONTEXT
from orbithub.core.events import PropertyChanged
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.demo.history import simulate_history
from orbithub.storage import Database

START = 1_767_542_400.0  # Monday 5 January 2026, 00:00 in Beijing
SENSOR = ("living-room-sensor", "temperature-humidity-sensor.temperature")


def registry() -> Registry:
    """The demo world's records."""
    world = demo_world()
    found = Registry()
    found.load(world.spaces, world.rooms, world.devices)
    return found


def _best(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.1f} ms, best {min(samples) * 1000:.1f} ms"


async def main(days: int, events: int) -> None:
    """Run the measurements and print them."""
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        db = await Database.open(data_dir=data_dir)
        try:
            started = time.perf_counter()
            made = await simulate_history(db, start=START, days=days, seed=7)
            print(
                f"simulated {days} days: {made.rows:,} rows, {made.steps} habit steps "
                f"in {time.perf_counter() - started:.1f} s"
            )
            end = made.end
            records = registry()
            reads: list[float] = []
            minings: list[float] = []
            found = 0
            commands_count = presence_count = 0
            for _ in range(5):
                t0 = time.perf_counter()
                commands, presence = await read_records(db, START, end)
                t1 = time.perf_counter()
                candidates = mine(commands, presence, records, now=end)
                t2 = time.perf_counter()
                reads.append(t1 - t0)
                minings.append(t2 - t1)
                found = len(candidates)
                commands_count, presence_count = len(commands), len(presence)
            print(
                f"mining {days} days ({commands_count} manual commands, {presence_count} "
                f"presence changes, {found} suggestions): read {_best(reads)}; "
                f"mine {_best(minings)}"
            )

            clock = ManualClock(end)
            hub = Hub(clock=clock, registry=records)
            detector = Detector(
                hub,
                db,
                store=AlertStore(data_dir / "alerts.json"),
                settings=AnomalySettings(history_days=days),
            )
            t0 = time.perf_counter()
            baselines = await detector.refresh(end=end)
            print(
                f"learning baselines from {days} days: {time.perf_counter() - t0:.2f} s "
                f"({len(baselines)} properties, {len(baselines.intervals)} report intervals)"
            )
        finally:
            await db.close()

        # The listener on its own: a reading with a baseline, and one without.
        judged = [
            PropertyChanged(i, end + i, "home", *SENSOR, 22.0 + (i % 20) / 10, 22.0, DEVICE_CONTEXT)
            for i in range(events)
        ]
        other = [
            PropertyChanged(
                i, end + i, "home", "desk-lamp", "light.brightness", i % 100, 0, DEVICE_CONTEXT
            )
            for i in range(events)
        ]
        listener = detector._on_event
        for name, batch in (("with a baseline", judged), ("without a baseline", other)):
            runs = []
            for _ in range(5):
                t0 = time.perf_counter()
                for event in batch:
                    listener(event)
                runs.append((time.perf_counter() - t0) / len(batch))
            print(
                f"detector listener, reading {name}: {min(runs) * 1e9:.0f} ns per event (best of 5)"
            )

        # The whole report path, with and without the detector listening.
        for listening in (False, True):
            if listening:
                detector.start()
            runs = []
            for round_ in range(5):
                t0 = time.perf_counter()
                for i in range(events):
                    hub.report(SENSOR[0], SENSOR[1], 20.0 + ((i + round_) % 50) / 10)
                runs.append((time.perf_counter() - t0) / events)
            label = "with" if listening else "without"
            print(f"hub.report of a changed reading {label} the detector: {min(runs) * 1e6:.2f} us")
        detector.stop()
        print(f"alerts raised during the bench: {len(detector.alerts())} (expected 0)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=28, help="simulated days (default 28)")
    parser.add_argument("--events", type=int, default=200_000, help="events per hot-path run")
    args = parser.parse_args()
    asyncio.run(main(args.days, args.events))
