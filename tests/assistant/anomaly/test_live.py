"""The wiring on a live simulated hub: insights start, learn, mine and alert on their own.

An accepted suggestion goes to the running automation engine.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from orbithub.adapters.sim import SimAdapter
from orbithub.assistant.anomaly import AlertKind
from orbithub.cli.automations import start_automations
from orbithub.cli.insights import start_insights
from orbithub.core.clock import ManualClock
from orbithub.core.events import HubEvent, NotificationRequested
from orbithub.core.hub import Hub
from orbithub.storage import Recorder
from tests.assistant.suggest.weeks import WEEKS_TIMEOUT, Weeks, demo_registry

pytestmark = [pytest.mark.slow, pytest.mark.timeout(WEEKS_TIMEOUT)]


async def until(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    """Wait until ``condition()`` holds (background work runs in threads), or fail."""
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110 - the work is in worker threads, nothing to await
            await asyncio.sleep(0.01)


async def test_a_device_that_stops_reporting_is_alerted_on_a_live_hub(
    weeks: Weeks, tmp_path: Path
) -> None:
    copy = weeks.copy_to(tmp_path / "data")
    db = await copy.open()
    clock = ManualClock(weeks.end)
    hub = Hub(clock=clock, registry=demo_registry())
    sim = SimAdapter(seed=11, tick=10.0, clock=clock)
    hub.add_adapter(sim)
    notes: list[NotificationRequested] = []

    def collect(event: HubEvent) -> None:
        if isinstance(event, NotificationRequested):
            notes.append(event)

    hub.bus.listen(collect)
    try:
        async with asyncio.TaskGroup() as tasks:
            recorder = Recorder(db, hub.bus, hub.registry, clock=clock, retention_days=None)
            await recorder.start(tasks)
            async with hub:
                engine = await start_automations(hub, copy.data_dir, tasks)
                insights = await start_insights(hub, db, copy.data_dir, tasks, automations=engine)
                assert insights.suggester is not None
                assert insights.detector is not None
                detector, suggester = insights.detector, insights.suggester
                await until(lambda: bool(detector.baselines.intervals))
                await until(lambda: len(suggester.pending()) == 3)
                assert "computer" in detector.baselines.intervals
                # Accepting hands the automation to the running engine, which saves and runs it.
                accepted = await suggester.accept(suggester.pending()[0].id, by="alex")
                assert engine.find(accepted.automation_id) is not None
                saved = copy.data_dir / "automations" / f"{accepted.automation_id}.yaml"
                assert saved.exists()
                await clock.advance(5 * 60)
                assert detector.active() == []
                sim.set_reachable("computer", False)
                await clock.advance(20 * 60)
                silent = [a for a in detector.active() if a.kind is AlertKind.SILENT]
                assert [a.device_id for a in silent] == ["computer"]
                await until(lambda: any(n.tag == "alert:silent:computer:" for n in notes))
                sim.set_reachable("computer", True)
                await clock.advance(60)
                # Back on the network, the computer reports at once, and the next check ends
                # the alert. The check runs every minute on the hub's clock; it is called here
                # so the test does not depend on when the loop's file writes (threads) finish.
                detector.check()
                assert [a for a in detector.active() if a.kind is AlertKind.SILENT] == []
                await detector.save_if_changed()
                assert (copy.data_dir / "insights" / "alerts.json").exists()
                assert (copy.data_dir / "insights" / "suggestions.json").exists()
                insights.stop()
                await recorder.stop()
                raise _Done
    except* _Done:
        pass
    finally:
        await db.close()


class _Done(Exception):
    """Leaves the task group, which cancels the insight loops."""
