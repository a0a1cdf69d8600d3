"""Resuming on start: delays and waits continue, holds re-arm, missed times catch up."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from orbithub.automation import triggers as trig
from orbithub.automation.actions import Resume
from orbithub.automation.model import CatchUp, PropertyTrigger
from orbithub.automation.store import Pending, PendingKind
from orbithub.automation.trace import Reason, ReasonCode, RunTrace
from orbithub.automation.triggers import property as property_trigger

if TYPE_CHECKING:
    from orbithub.automation.engine import Engine

__all__ = ["resume_pending"]

_LOGGER = logging.getLogger(__name__)


async def resume_pending(engine: Engine, records: list[Pending]) -> None:
    """Carry on what a previous engine left pending, then schedule every time trigger."""
    now = engine.clock.now()
    timers: dict[tuple[str, int], Pending] = {}
    for pending in records:
        automation = next((a for a in engine.automations() if a.id == pending.automation_id), None)
        if automation is None or automation.version != pending.version:
            _LOGGER.info(
                "dropping pending %s: automation %s is gone or changed version",
                pending.key,
                pending.automation_id,
            )
            engine.forget(pending.key)
            continue
        if pending.kind is PendingKind.TIMER:
            timers[(automation.id, pending.trigger_index)] = pending
        elif pending.kind is PendingKind.HOLD:
            trigger = automation.triggers[pending.trigger_index]
            if not isinstance(trigger, PropertyTrigger):
                engine.forget(pending.key)
                continue
            value = engine.facts.value(trigger.device, trigger.path)
            if value is None or property_trigger.in_range(trigger, value):
                # Unknown yet (the device has not reported since the restart): keep the hold;
                # a report outside the range will cancel it as usual.
                engine.start_hold(automation, pending.trigger_index, pending.due)
            else:
                engine.forget(pending.key)
                engine.record(
                    automation,
                    trig.describe(trigger),
                    Reason.of(ReasonCode.FOR_CANCELLED, value=value, seconds=trigger.for_),
                )
        else:
            trace = RunTrace(
                pending.run_id, automation.id, pending.trigger, now, resumed=True, data=pending.data
            )
            after = pending.kind is PendingKind.AFTER
            engine.start_run(automation, trace, None, Resume(pending.cursor, pending.due, after))
    for automation in engine.automations():
        for index, trigger in enumerate(automation.triggers):
            if not isinstance(trigger, trig.TimedTrigger):
                continue
            saved = timers.get((automation.id, index))
            if saved is not None and saved.due <= now:
                due = datetime.fromtimestamp(saved.due, engine.place(automation).tz)
                shown = due.strftime("%Y-%m-%d %H:%M")
                text = trig.describe(trigger)
                if trigger.catch_up is CatchUp.RUN_ONCE:
                    engine.evaluate(
                        automation,
                        text,
                        fired=Reason.of(ReasonCode.CAUGHT_UP, due=shown),
                        data={"kind": "time", "description": text, "caught_up": shown},
                    )
                else:
                    engine.record(automation, text, Reason.of(ReasonCode.MISSED_SKIPPED, due=shown))
        engine.schedule_timers(automation, now)
