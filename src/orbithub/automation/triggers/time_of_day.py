"""Time-of-day triggers: every day at a local wall time of the space."""

from __future__ import annotations

from datetime import datetime, timedelta

from orbithub.automation.model import TimeTrigger
from orbithub.automation.place import Place

__all__ = ["describe", "next_fire"]


def describe(trigger: TimeTrigger) -> str:
    """``time 07:30``."""
    return f"time {trigger.at.isoformat('minutes' if not trigger.at.second else 'seconds')}"


def next_fire(trigger: TimeTrigger, after: float, place: Place) -> float:
    """The first instant strictly after ``after`` when the local clock shows ``at``.

    On a spring-forward day a time inside the gap (02:30 in Berlin) fires at the instant the
    gap maps to (03:30 summer time); on a fall-back day a repeated time fires once, at its first
    occurrence — what people expect from an alarm clock.
    """
    day = place.local(after).date()
    for offset in range(3):
        wall = datetime.combine(day + timedelta(days=offset), trigger.at, place.tz)
        when = wall.timestamp()
        if when > after:
            return when
    raise AssertionError("unreachable: a daily time recurs within three days")
