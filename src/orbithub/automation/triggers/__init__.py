"""Trigger kinds (one module each) and the index that routes hub events to them in O(1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from orbithub.automation.model import (
    CronTrigger,
    EtaTrigger,
    EventTrigger,
    ManualTrigger,
    OnlineTrigger,
    PresenceTrigger,
    PropertyTrigger,
    SunTrigger,
    TimeTrigger,
    Trigger,
    WebhookTrigger,
    ZoneTrigger,
)
from orbithub.automation.place import Place
from orbithub.automation.triggers import (
    cron,
    eta,
    event,
    manual,
    online,
    presence,
    property,
    sun,
    time_of_day,
    webhook,
    zone,
)

__all__ = ["TimedTrigger", "TriggerIndex", "TriggerRef", "describe", "next_fire"]

TimedTrigger = TimeTrigger | CronTrigger | SunTrigger
_K = TypeVar("_K")


def describe(trigger: Trigger) -> str:
    """A short human description of a trigger, for traces."""
    match trigger:
        case PropertyTrigger():
            return property.describe(trigger)
        case EventTrigger():
            return event.describe(trigger)
        case OnlineTrigger():
            return online.describe(trigger)
        case TimeTrigger():
            return time_of_day.describe(trigger)
        case CronTrigger():
            return cron.describe(trigger)
        case SunTrigger():
            return sun.describe(trigger)
        case ManualTrigger():
            return manual.describe(trigger)
        case ZoneTrigger():
            return zone.describe(trigger)
        case PresenceTrigger():
            return presence.describe(trigger)
        case EtaTrigger():
            return eta.describe(trigger)
        case WebhookTrigger():
            return webhook.describe(trigger)


def next_fire(trigger: TimedTrigger, after: float, place: Place) -> float | None:
    """The next fire time of a time, cron or sun trigger strictly after ``after``."""
    match trigger:
        case TimeTrigger():
            return time_of_day.next_fire(trigger, after, place)
        case CronTrigger():
            return cron.next_fire(trigger, after, place)
        case SunTrigger():
            return sun.next_fire(trigger, after, place)


@dataclass(frozen=True, slots=True)
class TriggerRef:
    """One trigger of one automation (``index`` is its position in the automation)."""

    automation_id: str
    index: int
    trigger: Trigger


class TriggerIndex:
    """Event-driven triggers keyed by what their events carry, so each event looks at its own.

    Device triggers by (device, path) or device; geofence and presence triggers by space; ETA
    triggers by the moving device; webhooks by id.
    """

    def __init__(self) -> None:
        self.properties: dict[tuple[str, str], list[TriggerRef]] = {}
        self.events: dict[tuple[str, str], list[TriggerRef]] = {}
        self.online: dict[str, list[TriggerRef]] = {}
        self.zones: dict[str, list[TriggerRef]] = {}
        self.presence: dict[str, list[TriggerRef]] = {}
        self.etas: dict[str, list[TriggerRef]] = {}
        self.webhooks: dict[str, list[TriggerRef]] = {}

    def add(self, ref: TriggerRef) -> None:
        """Index one trigger (time and manual triggers are not indexed here)."""
        trig = ref.trigger
        if isinstance(trig, PropertyTrigger):
            self.properties.setdefault((trig.device, trig.path), []).append(ref)
        elif isinstance(trig, EventTrigger):
            self.events.setdefault((trig.device, trig.event), []).append(ref)
        elif isinstance(trig, OnlineTrigger):
            self.online.setdefault(trig.device, []).append(ref)
        elif isinstance(trig, ZoneTrigger):
            self.zones.setdefault(trig.space, []).append(ref)
        elif isinstance(trig, PresenceTrigger):
            self.presence.setdefault(trig.space, []).append(ref)
        elif isinstance(trig, EtaTrigger):
            self.etas.setdefault(trig.device, []).append(ref)
        elif isinstance(trig, WebhookTrigger):
            self.webhooks.setdefault(trig.webhook, []).append(ref)

    def remove(self, automation_id: str) -> None:
        """Forget every trigger of an automation."""
        _drop(self.properties, automation_id)
        _drop(self.events, automation_id)
        for table in (self.online, self.zones, self.presence, self.etas, self.webhooks):
            _drop(table, automation_id)


def _drop(table: dict[_K, list[TriggerRef]], automation_id: str) -> None:
    for key in list(table):
        kept = [r for r in table[key] if r.automation_id != automation_id]
        if kept:
            table[key] = kept
        else:
            del table[key]
