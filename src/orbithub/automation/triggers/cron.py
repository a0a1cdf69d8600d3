"""Cron triggers: a five-field expression evaluated on the space's local wall clock."""

from __future__ import annotations

from datetime import datetime

from croniter import croniter  # type: ignore[import-untyped]  # ships no type hints

from orbithub.automation.model import CronTrigger
from orbithub.automation.place import Place

__all__ = ["describe", "next_fire"]


def describe(trigger: CronTrigger) -> str:
    """``cron 0 7 * * mon-fri``."""
    return f"cron {trigger.cron}"


def next_fire(trigger: CronTrigger, after: float, place: Place) -> float:
    """The first instant strictly after ``after`` matching the expression (DST-aware)."""
    start = place.local(after)
    when = croniter(trigger.cron, start).get_next(datetime)
    return float(when.timestamp())
