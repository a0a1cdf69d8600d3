"""Wiring of suggestions and anomaly alerts into a running hub, and simulated history for them.

``start_insights`` is what ``orbithub serve`` and ``orbithub demo`` call; ``simulate_history``
fills a database with weeks of the demo family's life (the simulators on a fast clock, plus
their manual habits) so there is something to mine and to learn baselines from.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.assistant.anomaly import AlertStore, AnomalySettings, Detector
from orbithub.assistant.suggest import (
    AutomationSink,
    LibrarySink,
    Suggester,
    SuggestionStore,
    YamlFolderSink,
)
from orbithub.assistant.suggest.habits import HabitualFamily
from orbithub.automation import Engine
from orbithub.cli.automations import AUTOMATIONS_DIR
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.storage import Database, Recorder

__all__ = ["Insights", "SimulatedHistory", "run_habits", "simulate_history", "start_insights"]

INSIGHTS_DIR = "insights"
"""Folder in the data directory holding ``suggestions.json`` and ``alerts.json``."""


@dataclass(frozen=True, slots=True)
class Insights:
    """The running suggestion and alert services."""

    suggester: Suggester
    detector: Detector

    def stop(self) -> None:
        """Stop judging readings (the tasks end with their task group)."""
        self.detector.stop()


def _sink(data_dir: Path, automations: Engine | None) -> AutomationSink:
    if automations is not None and automations.library is not None:
        return LibrarySink(automations.library)
    return YamlFolderSink(data_dir / AUTOMATIONS_DIR)


async def start_insights(
    hub: Hub,
    db: Database,
    data_dir: Path,
    tasks: asyncio.TaskGroup,
    *,
    max_suggestions_per_day: int = 3,
    automations: Engine | None = None,
    sink: AutomationSink | None = None,
    anomaly: AnomalySettings | None = None,
) -> Insights:
    """Start mining suggestions and watching for anomalies on a running hub.

    Args:
        hub: the running hub.
        db: its database (the recorder must be writing to it).
        data_dir: the data directory; state goes to ``<data_dir>/insights/``.
        tasks: the task group the two background loops run in.
        max_suggestions_per_day: most new suggestions proposed per day.
        automations: the running automation engine; an accepted suggestion is saved through
            its library and runs at once.
        sink: where accepted automations go otherwise; by default they are written as
            ``<data_dir>/automations/suggested-<id>.yaml``, loaded at the next start.
        anomaly: alert thresholds.
    """
    folder = data_dir / INSIGHTS_DIR
    store = SuggestionStore(folder / "suggestions.json")
    await store.load()
    suggester = Suggester(
        registry=hub.registry,
        clock=hub.clock,
        db=db,
        store=store,
        sink=sink or _sink(data_dir, automations),
        max_per_day=max_suggestions_per_day,
    )
    detector = Detector(hub, db, store=AlertStore(folder / "alerts.json"), settings=anomaly)
    await detector.load()
    detector.start()
    tasks.create_task(suggester.run(), name="orbithub-suggestions")
    tasks.create_task(detector.run(), name="orbithub-anomaly")
    return Insights(suggester, detector)


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
