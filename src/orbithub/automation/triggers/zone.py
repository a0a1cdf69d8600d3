"""Geofence triggers: a phone or a vehicle entered or left a space's radius (``ZoneChanged``)."""

from __future__ import annotations

from orbithub.automation.model import ZoneTrigger
from orbithub.core.events import ZoneChanged

__all__ = ["data", "describe", "match"]


def describe(trigger: ZoneTrigger) -> str:
    """``car enters home``, ``alex's devices leave office``."""
    who = trigger.device or (f"{trigger.person}'s devices" if trigger.person else "any device")
    verb = ("enters" if trigger.entered else "leaves") if trigger.device else None
    verb = verb or ("enter" if trigger.entered else "leave")
    return f"{who} {verb} {trigger.space}"


def match(trigger: ZoneTrigger, event: ZoneChanged, owner: str | None) -> str | None:
    """None when the crossing fires the trigger, otherwise why not.

    Args:
        trigger: the trigger.
        event: the crossing (of the trigger's space).
        owner: the person who owns the device that crossed, None when shared or unknown.
    """
    if trigger.device is not None and event.device_id != trigger.device:
        return f"{event.device_id} crossed, not {trigger.device}"
    if trigger.person is not None and owner != trigger.person:
        return f"{event.device_id} belongs to {owner or 'nobody'}, not {trigger.person}"
    if event.entered is not trigger.entered:
        return f"{event.device_id} {'entered' if event.entered else 'left'} {event.space_id}"
    return None


def data(event: ZoneChanged, owner: str | None) -> dict[str, object]:
    """What templates see as ``trigger``."""
    return {
        "kind": "zone",
        "device": event.device_id,
        "space": event.space_id,
        "entered": event.entered,
        "distance_m": round(event.distance_m, 1),
        "person": owner,
    }
