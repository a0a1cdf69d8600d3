"""The demo family's habits on a real hub: weeks of history in seconds, or live beside the demo.

Suggestions are mined from what people did by hand and alerts learn what each sensor usually
reads; a fresh demo has neither, so :func:`simulate_history` writes weeks of it and
:func:`run_habits` keeps adding to it while the demo runs.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.demo.habits import HabitualFamily
from orbithub.storage import Database, Recorder

__all__ = ["SimulatedHistory", "run_habits", "simulate_history"]

_START_TURNS = 10
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
    db: Database, *, start: float, days: float, seed: int = 0, tick: float = 60.0
) -> SimulatedHistory:
    """Run the demo world and its family's habits from ``start`` for ``days``, recording all.

    The clock is a manual one moved from step to step, so weeks pass in seconds; every change
    and command goes through a real hub and a real recorder into ``db``.
    """
    clock = ManualClock(start)
    hub = Hub(clock=clock)
    world = demo_world()
    for space in world.spaces:
        hub.add_space(space)
    for room in world.rooms:
        hub.add_room(room)
    for device in world.devices:
        hub.add_device(device)
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
                for step in family.plan(start, end):
                    await clock.advance(step.time - clock.now())
                    await family.perform(step)
                    steps += 1
                    if steps % _FLUSH_EVERY == 0:
                        await recorder.flush()
                await clock.advance(end - clock.now())
                await recorder.flush()
        finally:
            await recorder.stop()
    return SimulatedHistory(start, end, steps, recorder.rows_written)


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
