"""Wiring of suggestions and anomaly alerts into a running hub.

``start_insights`` is what ``orbithub serve`` and ``orbithub demo`` call; the demo's simulated
history to mine is in :mod:`orbithub.demo.history`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from orbithub.assistant.anomaly import AlertStore, AnomalySettings, Detector
from orbithub.assistant.suggest import (
    AutomationSink,
    LibrarySink,
    Suggester,
    SuggestionStore,
    YamlFolderSink,
)
from orbithub.automation import Engine
from orbithub.cli.automations import AUTOMATIONS_DIR
from orbithub.core.hub import Hub
from orbithub.storage import Database

__all__ = ["Insights", "start_insights"]

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
