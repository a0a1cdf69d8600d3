"""Four simulated weeks of the demo family, recorded once per test session and shared.

The demo world's simulators run on a manual clock for 28 days from Monday 5 January 2026
(Beijing) while the family's manual habits go through the hub as user commands, all written
by a real recorder into a SQLite file. Generating them takes about half a minute, so the file
is made once and each test opens it (read only in spirit: tests that write use a copy).
"""

from __future__ import annotations

import asyncio
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from orbithub.adapters.sim import demo_world
from orbithub.core.registry import Registry
from orbithub.demo.history import simulate_history
from orbithub.storage import DB_FILENAME, Database

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 1, 5, 0, 0, tzinfo=SHANGHAI).timestamp()
DAYS = 28
END = START + DAYS * 86_400.0
SEED = 7
WEEKS_TIMEOUT = 600
"""Per-test timeout (s) for tests that may be the first to need the weeks."""


@dataclass(frozen=True)
class Weeks:
    """Where the simulated weeks are, and their time span."""

    data_dir: Path
    start: float = START
    end: float = END

    async def open(self) -> Database:
        """Open the database of the weeks."""
        return await Database.open(data_dir=self.data_dir)

    def copy_to(self, target: Path) -> Weeks:
        """A private copy, for tests that write."""
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(self.data_dir / DB_FILENAME, target / DB_FILENAME)
        return Weeks(target, self.start, self.end)


def demo_registry() -> Registry:
    """The demo world's records."""
    world = demo_world()
    registry = Registry()
    registry.load(world.spaces, world.rooms, world.devices)
    return registry


async def _generate(data_dir: Path) -> None:
    db = await Database.open(data_dir=data_dir)
    try:
        await simulate_history(db, start=START, days=DAYS, seed=SEED)
    finally:
        await db.close()


def demo_weeks(factory: pytest.TempPathFactory) -> Weeks:
    """The shared weeks, generated on first use in this session."""
    root = factory.getbasetemp() / "demo-weeks"
    done = root / "complete"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        # In a thread of its own, so its event loop never meets the test's.
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, _generate(root)).result()
        done.touch()
    return Weeks(root)
