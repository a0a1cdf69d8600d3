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
from orbithub.automation.arrivals import Arrivals, EtaSource
from orbithub.automation.model import (
    Automation,
    EventTrigger,
    OnlineTrigger,
    PresenceTrigger,
    PropertyTrigger,
    Trigger,
    WebhookTrigger,
    ZoneTrigger,
)
from orbithub.automation.scheduler import Scheduler
from orbithub.automation.store import Pending, PendingKind
from orbithub.automation.trace import Reason, ReasonCode
from orbithub.automation.triggers import event as event_trigger
from orbithub.automation.triggers import online as online_trigger
from orbithub.automation.triggers import presence as presence_trigger
from orbithub.automation.triggers import property as property_trigger
from orbithub.automation.triggers import webhook as webhook_trigger
from orbithub.automation.triggers import zone as zone_trigger
from orbithub.core.context import Context
from orbithub.core.events import (
    DeviceEvent,
    DeviceOnline,
    HubEvent,
    PresenceChanged,
    PropertyChanged,
    ZoneChanged,
)
from orbithub.core.hub import Hub
from orbithub.spec.errors import SpecError

if TYPE_CHECKING:
    from orbithub.automation.engine import Engine

__all__ = ["Router", "hold_key", "resolve_trigger", "timer_key"]

_LOGGER = logging.getLogger(__name__)
_POSITION = frozenset({"location.latitude", "location.longitude"})


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

    def __init__(
        self,
        engine: Engine,
        scheduler: Scheduler,
        index: trig.TriggerIndex,
        etas: EtaSource | None = None,
    ) -> None:
        self._engine = engine
        self.scheduler = scheduler
        self.index = index
        self.arrivals = Arrivals(engine, index, etas)

    # -- time triggers ------------------------------------------------------------------------
    def schedule_timers(self, automation: Automation, after: float) -> None:
        """Schedule each time, cron and sun trigger of an automation after ``after``."""
        for index, trigger in enumerate(automation.triggers):
            if isinstance(trigger, trig.TimedTrigger):
                self._schedule(automation, index, trigger, after)

    def cancel(self, automation: Automation) -> None:
        """Cancel an automation's timers and holds (and their pending records)."""
        self.arrivals.forget(automation.id)
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
            text = trig.describe(trigger)
            self._engine.evaluate(automation, text, data={"kind": "time", "description": text})
            self._schedule(automation, index, trigger, due)

    # -- webhooks -----------------------------------------------------------------------------
    def webhook(self, webhook_id: str, body: object, context: Context | None) -> list[str] | None:
        """Fire the automations on a webhook; the run ids, None when no automation uses it."""
        refs = self.index.webhooks.get(webhook_id)
        if not refs:
            return None
        started: list[str] = []
        for ref in list(refs):
            automation = self._engine.find(ref.automation_id)
            if automation is None or not isinstance(ref.trigger, WebhookTrigger):
                continue
            data = webhook_trigger.data(webhook_id, body)
            text = trig.describe(ref.trigger)
            run_id = self._engine.evaluate(automation, text, parent=context, data=data)
            if run_id is not None:
                started.append(run_id)
        return started

    # -- device triggers ----------------------------------------------------------------------
    def on_event(self, event: HubEvent) -> bool:
        """Route one hub event; True when waiters may want it too."""
        if isinstance(event, PropertyChanged):
            for ref in self.index.properties.get((event.device_id, event.path), ()):
                if isinstance(ref.trigger, PropertyTrigger):
                    self._property(ref, ref.trigger, event)
            if event.path in _POSITION and event.device_id in self.index.etas:
                self.arrivals.moved(event.device_id)
        elif isinstance(event, DeviceEvent):
            for ref in self.index.events.get((event.device_id, event.path), ()):
                if isinstance(ref.trigger, EventTrigger):
                    data: dict[str, object] = {
                        "kind": "event",
                        "device": event.device_id,
                        "event": event.path,
                        "arguments": dict(event.arguments),
                    }
                    self._matched(ref, event_trigger.match(ref.trigger, event), event, data)
        elif isinstance(event, DeviceOnline):
            for ref in self.index.online.get(event.device_id, ()):
                if isinstance(ref.trigger, OnlineTrigger):
                    online: dict[str, object] = {
                        "kind": "online",
                        "device": event.device_id,
                        "online": event.online,
                    }
                    self._matched(ref, online_trigger.match(ref.trigger, event), event, online)
        elif isinstance(event, ZoneChanged):
            refs = self.index.zones.get(event.space_id, ())
            if refs:
                device = self._engine.hub.registry.find_device(event.device_id)
                owner = device.owner if device is not None else None
                crossing = zone_trigger.data(event, owner)
                for ref in refs:
                    if isinstance(ref.trigger, ZoneTrigger):
                        why_not = zone_trigger.match(ref.trigger, event, owner)
                        self._matched(ref, why_not, event, crossing)
        elif isinstance(event, PresenceChanged):
            for ref in self.index.presence.get(event.space_id, ()):
                if isinstance(ref.trigger, PresenceTrigger):
                    why_not = presence_trigger.match(ref.trigger, event)
                    self._matched(ref, why_not, event, presence_trigger.data(event))
        else:
            return False
        return True

    def _matched(
        self,
        ref: trig.TriggerRef,
        why_not: str | None,
        event: PropertyChanged | DeviceEvent | DeviceOnline | ZoneChanged | PresenceChanged,
        data: dict[str, object],
    ) -> None:
        automation = self._engine.find(ref.automation_id)
        if automation is None:
            return
        text = trig.describe(ref.trigger)
        if why_not is not None:
            reason = Reason.of(ReasonCode.NOT_MATCHED, detail=why_not)
            self._engine.record(automation, text, reason)
            return
        # The event's context carries the chain of automation runs that caused it, if any.
        self._engine.evaluate(automation, text, parent=event.context, data=data)

    def _property(
        self, ref: trig.TriggerRef, trigger: PropertyTrigger, event: PropertyChanged
    ) -> None:
        if not trigger.for_:
            data = property_trigger.data(event.device_id, event.path, event.value, event.old_value)
            self._matched(ref, property_trigger.match(trigger, event), event, data)
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

        def done() -> None:
            self._engine.forget(key)
            current = self._engine.find(automation.id)
            if current is None:
                return
            data: dict[str, object] = {"kind": "property"}
            if isinstance(trigger, PropertyTrigger):
                value = self._engine.facts.value(trigger.device, trigger.path)
                data = property_trigger.data(trigger.device, trigger.path, value, None)
            self._engine.evaluate(current, trig.describe(trigger), data=data)

        self.scheduler.at(key, due, done)
        self._engine.persist(
            Pending(
                key, PendingKind.HOLD, automation.id, automation.version, due, trigger_index=index
            )
        )
