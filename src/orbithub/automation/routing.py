"""Routing to triggers: hub events to indexed device triggers, clock timers to time triggers.

Device triggers are looked up by (device, path) inside one bus listener, so an event costs one
dictionary lookup however many automations are loaded; ``for`` holds and time triggers are keyed
timers on the hub's clock, each saved in the pending store.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from orbithub.automation import triggers as trig
from orbithub.automation.model import (
    Automation,
    EventTrigger,
    OnlineTrigger,
    PropertyTrigger,
    Trigger,
)
from orbithub.automation.scheduler import Scheduler
from orbithub.automation.store import Pending, PendingKind
from orbithub.automation.trace import Reason, ReasonCode
from orbithub.automation.triggers import event as event_trigger
from orbithub.automation.triggers import online as online_trigger
from orbithub.automation.triggers import property as property_trigger
from orbithub.core.events import DeviceEvent, DeviceOnline, HubEvent, PropertyChanged
from orbithub.core.hub import Hub
from orbithub.spec.errors import SpecError

if TYPE_CHECKING:
    from orbithub.automation.engine import Engine

__all__ = ["Router", "hold_key", "resolve_trigger", "timer_key"]

_LOGGER = logging.getLogger(__name__)


def resolve_trigger(hub: Hub, trigger: Trigger) -> Trigger:
    """The trigger with its property or event named by readable path, as events carry it.

    Authors may name a property by ids (``2.1``); unknown devices are left as written (they may
    be added later, and then a trigger by readable path still matches).
    """
    device = hub.registry.find_device(getattr(trigger, "device", ""))
    if device is None:
        return trigger
    if isinstance(trigger, PropertyTrigger):
        prop = device.spec.find_property(trigger.path)
        return trigger if prop is None else replace(trigger, path=prop.path)
    if isinstance(trigger, EventTrigger):
        with contextlib.suppress(SpecError):
            return replace(trigger, event=device.spec.event(trigger.event).path)
    return trigger


def timer_key(automation_id: str, index: int) -> str:
    """The pending/timer key of a time trigger."""
    return f"timer:{automation_id}:{index}"


def hold_key(automation_id: str, index: int) -> str:
    """The pending/timer key of a property trigger's ``for`` hold."""
    return f"for:{automation_id}:{index}"


class Router:
    """Matches events and timers to triggers for one engine. Loop only."""

    def __init__(self, engine: Engine, scheduler: Scheduler, index: trig.TriggerIndex) -> None:
        self._engine = engine
        self.scheduler = scheduler
        self.index = index

    # -- time triggers ------------------------------------------------------------------------
    def schedule_timers(self, automation: Automation, after: float) -> None:
        """Schedule each time, cron and sun trigger of an automation after ``after``."""
        for index, trigger in enumerate(automation.triggers):
            if isinstance(trigger, trig.TimedTrigger):
                self._schedule(automation, index, trigger, after)

    def cancel(self, automation: Automation) -> None:
        """Cancel an automation's timers and holds (and their pending records)."""
        for index in range(len(automation.triggers)):
            for key in (timer_key(automation.id, index), hold_key(automation.id, index)):
                if self.scheduler.cancel(key):
                    self._engine.forget(key)

    def _schedule(
        self, automation: Automation, index: int, trigger: trig.TimedTrigger, after: float
    ) -> None:
        try:
            due = trig.next_fire(trigger, after, self._engine.place(automation))
        except ValueError as exc:
            _LOGGER.warning("automation %s trigger %d not scheduled: %s", automation.id, index, exc)
            return
        if due is None:
            return
        key = timer_key(automation.id, index)
        self.scheduler.at(key, due, lambda: self._timer_fired(automation.id, index, due))
        self._engine.persist(
            Pending(
                key, PendingKind.TIMER, automation.id, automation.version, due, trigger_index=index
            )
        )

    def _timer_fired(self, automation_id: str, index: int, due: float) -> None:
        automation = self._engine.find(automation_id)
        if automation is None:
            return
        trigger = automation.triggers[index]
        if isinstance(trigger, trig.TimedTrigger):
            self._engine.evaluate(automation, trig.describe(trigger))
            self._schedule(automation, index, trigger, due)

    # -- device triggers ----------------------------------------------------------------------
    def on_event(self, event: HubEvent) -> bool:
        """Route one hub event; True when it was a device event (waiters may want it too)."""
        if isinstance(event, PropertyChanged):
            for ref in self.index.properties.get((event.device_id, event.path), ()):
                if isinstance(ref.trigger, PropertyTrigger):
                    self._property(ref, ref.trigger, event)
        elif isinstance(event, DeviceEvent):
            for ref in self.index.events.get((event.device_id, event.path), ()):
                if isinstance(ref.trigger, EventTrigger):
                    self._matched(ref, event_trigger.match(ref.trigger, event), event)
        elif isinstance(event, DeviceOnline):
            for ref in self.index.online.get(event.device_id, ()):
                if isinstance(ref.trigger, OnlineTrigger):
                    self._matched(ref, online_trigger.match(ref.trigger, event), event)
        else:
            return False
        return True

    def _matched(
        self,
        ref: trig.TriggerRef,
        why_not: str | None,
        event: PropertyChanged | DeviceEvent | DeviceOnline,
    ) -> None:
        automation = self._engine.find(ref.automation_id)
        if automation is None:
            return
        text = trig.describe(ref.trigger)
        if why_not is not None:
            reason = Reason.of(ReasonCode.NOT_MATCHED, detail=why_not)
            self._engine.record(automation, text, reason)
            return
        self._engine.evaluate(automation, text, device_id=event.device_id, parent=event.context)

    def _property(
        self, ref: trig.TriggerRef, trigger: PropertyTrigger, event: PropertyChanged
    ) -> None:
        if not trigger.for_:
            self._matched(ref, property_trigger.match(trigger, event), event)
            return
        automation = self._engine.find(ref.automation_id)
        if automation is None:
            return
        key = hold_key(ref.automation_id, ref.index)
        text = trig.describe(trigger)
        if self.scheduler.due(key) is not None:
            if not property_trigger.in_range(trigger, event.value):
                self.scheduler.cancel(key)
                self._engine.forget(key)
                reason = Reason.of(
                    ReasonCode.FOR_CANCELLED, value=event.value, seconds=trigger.for_
                )
                self._engine.record(automation, text, reason)
            return
        why_not = property_trigger.match(trigger, event)
        if why_not is not None:
            self._engine.record(automation, text, Reason.of(ReasonCode.NOT_MATCHED, detail=why_not))
            return
        self.start_hold(automation, ref.index, event.time + trigger.for_)
        reason = Reason.of(ReasonCode.FOR_WAITING, seconds=trigger.for_)
        self._engine.record(automation, text, reason)

    def start_hold(self, automation: Automation, index: int, due: float) -> None:
        """Fire trigger ``index`` at ``due`` unless its value leaves the range first."""
        key = hold_key(automation.id, index)
        trigger = automation.triggers[index]
        device = trigger.device if isinstance(trigger, PropertyTrigger) else None

        def done() -> None:
            self._engine.forget(key)
            current = self._engine.find(automation.id)
            if current is not None:
                self._engine.evaluate(current, trig.describe(trigger), device_id=device)

        self.scheduler.at(key, due, done)
        self._engine.persist(
            Pending(
                key, PendingKind.HOLD, automation.id, automation.version, due, trigger_index=index
            )
        )
