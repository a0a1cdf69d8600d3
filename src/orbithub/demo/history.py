"""The demo family's habits on a real hub: weeks of history in seconds, or live beside the demo.

Suggestions are mined from what people did by hand and alerts learn what each sensor usually
reads; a fresh demo has neither, so :func:`simulate_history` writes weeks of it and
:func:`run_habits` keeps adding to it while the demo runs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.demo.habits import HabitualFamily
from orbithub.storage import Database, Recorder, history

__all__ = ["SimulatedHistory", "run_habits", "seed_history", "simulate_history"]

_LOGGER = logging.getLogger(__name__)
_START_TURNS = 10
_CHUNK_S = 3600.0
"""Simulated seconds between two looks at whether to stop."""
_OWN_HISTORY_S = 600.0
"""History newer than this before the seeding's end is the running demo's own."""
_PLAN_AHEAD = 3600.0
_FLUSH_EVERY = 200
"""Steps between recorder flushes, so the buffer stays small during a fast simulation."""


@dataclass(frozen=True, slots=True)
class SimulatedHistory:
    """What :func:`simulate_history` wrote."""

    start: float
    end: float
    steps: int
    rows: int


async def simulate_history(
    db: Database,
    *,
    start: float,
    days: float,
    seed: int = 0,
    tick: float = 60.0,
    record_registry: bool = True,
    stop: Callable[[], bool] | None = None,
    report: bool = False,
) -> SimulatedHistory:
    """Run the demo world and its family's habits from ``start`` for ``days``, recording all.

    The clock is a manual one moved from step to step, so weeks pass in seconds; every change
    and command goes through a real hub and a real recorder into ``db``. Without
    ``record_registry`` only history, events and commands are written, not the simulated
    devices' records (a running demo's devices are its own, announced over MQTT). ``stop``
    is asked every simulated hour; when it says so, what was simulated so far is written and
    the simulation ends there (a demo stopped while it writes its past). With ``report``,
    each quarter of the way is logged (it takes a while on a small box).
    """
    clock = ManualClock(start)
    world = demo_world()
    if record_registry:
        hub = Hub(clock=clock)
        for space in world.spaces:
            hub.add_space(space)
        for room in world.rooms:
            hub.add_room(room)
        for device in world.devices:
            hub.add_device(device)
    else:
        registry = Registry()
        registry.load(world.spaces, world.rooms, world.devices)
        hub = Hub(clock=clock, registry=registry)
    sim = SimAdapter(seed=seed, tick=tick, clock=clock)
    hub.add_adapter(sim)
    end = start + days * 86_400.0
    steps = 0
    async with asyncio.TaskGroup() as tasks:
        recorder = Recorder(db, hub.bus, hub.registry, clock=clock, retention_days=None)
        await recorder.start(tasks)
        try:
            async with hub:
                scene = sim.scene
                if scene is None:
                    raise RuntimeError("the simulation did not start")
                family = HabitualFamily(hub, scene.family, seed=seed)
                # Let the simulation's tick task start and go to sleep on the clock: a jump
                # made before it sleeps would pass over it, and the weeks would go unrecorded.
                for _ in range(_START_TURNS):
                    await asyncio.sleep(0)
                quarters = _Quarters(start, end) if report else None
                for step in family.plan(start, end):
                    if not await _advance(clock, step.time, stop, quarters):
                        break
                    await family.perform(step)
                    steps += 1
                    if steps % _FLUSH_EVERY == 0:
                        await recorder.flush()
                else:
                    await _advance(clock, end, stop, quarters)
                await recorder.flush()
        finally:
            await recorder.stop()
    return SimulatedHistory(start, end, steps, recorder.rows_written)


def _days(days: float) -> str:
    return "1 day" if days == 1 else f"{days:g} days"


class _Quarters:
    """Logs each quarter of the simulated span as the clock passes it."""

    def __init__(self, start: float, end: float) -> None:
        self._start = start
        self._span = max(end - start, 1.0)
        self._logged = 0

    def passed(self, now: float) -> None:
        quarter = min(int(4 * (now - self._start) / self._span), 3)
        if quarter > self._logged:
            self._logged = quarter
            _LOGGER.info("demo history: %d%% written", 25 * quarter)


async def _advance(
    clock: ManualClock,
    until: float,
    stop: Callable[[], bool] | None,
    quarters: _Quarters | None = None,
) -> bool:
    """Move ``clock`` to ``until`` an hour at a time; False when ``stop`` said to end."""
    while clock.now() < until:
        if stop is not None and stop():
            return False
        await clock.advance(min(until - clock.now(), _CHUNK_S))
        if quarters is not None:
            quarters.passed(clock.now())
    return True


async def seed_history(
    db: Database,
    *,
    end: float,
    days: float,
    seed: int = 0,
    stop: Callable[[], bool] | None = None,
) -> SimulatedHistory | None:
    """Write ``days`` of the family's life ending at ``end``, unless ``db`` has older history.

    A fresh demo starts with weeks behind it, so the suggestion miner finds habits and the
    anomaly detector knows what each sensor usually reads from the first minutes on; a demo
    started again on its data directory keeps what it had. History the running demo wrote
    since ``end`` does not count: this runs beside it.
    """
    oldest = await history.first_time(db)
    if oldest is not None and oldest < end - _OWN_HISTORY_S:
        return None
    _LOGGER.info(
        "writing %s of the demo family's history behind it, for suggestions and alerts",
        _days(days),
    )
    made = await simulate_history(
        db,
        start=end - days * 86_400.0,
        days=days,
        seed=seed,
        record_registry=False,
        stop=stop,
        report=True,
    )
    _LOGGER.info("wrote %s of the demo family's history (%d rows)", _days(days), made.rows)
    return made


async def run_habits(hub: Hub, sim: SimAdapter, *, seed: int = 0) -> None:
    """Perform the demo family's manual habits live, on the hub's clock, until cancelled.

    Run it beside the demo (``tasks.create_task(run_habits(hub, sim))``) so the activity log
    fills with the commands and arrivals suggestions are mined from.
    """
    scene = sim.scene
    if scene is None:
        raise RuntimeError("start the hub (and its simulation) before the family's habits")
    family = HabitualFamily(hub, scene.family, seed=seed)
    start = hub.now()
    while True:
        end = start + _PLAN_AHEAD
        for step in family.plan(start, end):
            await hub.clock.sleep(step.time - hub.now())
            await family.perform(step)
        await hub.clock.sleep(end - hub.now())
        start = end
