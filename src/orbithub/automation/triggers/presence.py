"""Presence triggers: someone arrived or left; the first arrived; the last left."""

from __future__ import annotations

from orbithub.automation.model import PresenceEvent, PresenceTrigger
from orbithub.core.events import PresenceChanged

__all__ = ["data", "describe", "match"]

_WORDS = {
    PresenceEvent.ARRIVED: "arrives at",
    PresenceEvent.LEFT: "leaves",
    PresenceEvent.FIRST_ARRIVED: "first person arrives at",
    PresenceEvent.LAST_LEFT: "last person leaves",
}


def describe(trigger: PresenceTrigger) -> str:
    """``alex arrives at home``, ``last person leaves home``."""
    words = _WORDS[trigger.event]
    if trigger.event in (PresenceEvent.ARRIVED, PresenceEvent.LEFT):
        return f"{trigger.person or 'someone'} {words} {trigger.space}"
    return f"{words} {trigger.space}"


def match(trigger: PresenceTrigger, event: PresenceChanged) -> str | None:
    """None when the change fires the trigger, otherwise why not."""
    did = f"{event.person} {'arrived at' if event.present else 'left'} {event.space_id}"
    arriving = trigger.event in (PresenceEvent.ARRIVED, PresenceEvent.FIRST_ARRIVED)
    if event.present is not arriving:
        return did
    if trigger.person is not None and event.person != trigger.person:
        return f"{did}, not {trigger.person}"
    others = [p for p in event.people_present if p != event.person]
    if trigger.event is PresenceEvent.FIRST_ARRIVED and others:
        return f"{did}; {', '.join(others)} already there"
    if trigger.event is PresenceEvent.LAST_LEFT and others:
        return f"{did}; {', '.join(others)} still there"
    return None


def data(event: PresenceChanged) -> dict[str, object]:
    """What templates see as ``trigger``."""
    return {
        "kind": "presence",
        "space": event.space_id,
        "person": event.person,
        "present": event.present,
        "people": list(event.people_present),
    }
