"""Conditions: evaluated against the hub's current state and the space's clock, with reasons.

Evaluation returns None when the condition holds, otherwise the :class:`Reason` naming the
condition that failed and the values seen — that is what "why didn't it fire" shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from typing import Protocol

from orbithub.automation.model import (
    AndCondition,
    Condition,
    NotCondition,
    OrCondition,
    PresenceCondition,
    PropertyCondition,
    SunCondition,
    SunEvent,
    TimeCondition,
    WeekdayCondition,
)
from orbithub.automation.place import Place
from orbithub.automation.trace import Reason, ReasonCode
from orbithub.automation.triggers.sun import sun_time
from orbithub.spec.model import Value

__all__ = ["Facts", "check_all", "describe", "evaluate"]

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class Facts(Protocol):
    """What conditions look at: current values, availability and who is where."""

    def value(self, device_id: str, path: str) -> Value | None:
        """The current value, None when never reported."""
        ...

    def is_online(self, device_id: str) -> bool | None:
        """Availability, None when unknown."""
        ...

    def people_at(self, space_id: str) -> tuple[str, ...] | None:
        """Who is at a space, sorted; None when not known yet."""
        ...


def describe(condition: Condition) -> str:
    """A short description: ``lamp light.on = true``, ``time 22:00-06:00``."""
    match condition:
        case PropertyCondition():
            return f"{condition.device} {condition.path} {_expected(condition)}"
        case TimeCondition():
            return f"time {_window(condition)}"
        case WeekdayCondition():
            return "weekday " + ",".join(_DAY_NAMES[d] for d in sorted(condition.days))
        case SunCondition():
            return f"sun {_sun_expected(condition)}"
        case PresenceCondition():
            return f"presence {_presence_expected(condition)}"
        case AndCondition():
            return "and(" + ", ".join(describe(p) for p in condition.parts) + ")"
        case OrCondition():
            return "or(" + ", ".join(describe(p) for p in condition.parts) + ")"
        case NotCondition():
            return f"not({describe(condition.part)})"


def check_all(
    conditions: Sequence[Condition], facts: Facts, now: float, place: Place
) -> Reason | None:
    """None when every condition holds, else the first failure's reason."""
    for condition in conditions:
        reason = evaluate(condition, facts, now, place)
        if reason is not None:
            return reason
    return None


def evaluate(condition: Condition, facts: Facts, now: float, place: Place) -> Reason | None:
    """None when ``condition`` holds at ``now``; otherwise why not."""
    match condition:
        case PropertyCondition():
            return _property(condition, facts)
        case TimeCondition():
            return _time(condition, now, place)
        case WeekdayCondition():
            day = place.local(now).weekday()
            if day in condition.days:
                return None
            return Reason.of(
                ReasonCode.WRONG_WEEKDAY,
                condition=describe(condition),
                day=_DAY_NAMES[day],
                days=",".join(_DAY_NAMES[d] for d in sorted(condition.days)),
            )
        case SunCondition():
            return _sun(condition, now, place)
        case PresenceCondition():
            return _presence(condition, facts)
        case AndCondition():
            return check_all(condition.parts, facts, now, place)
        case OrCondition():
            if any(evaluate(p, facts, now, place) is None for p in condition.parts):
                return None
            return Reason.of(ReasonCode.NONE_OF, condition=describe(condition))
        case NotCondition():
            if evaluate(condition.part, facts, now, place) is None:
                return Reason.of(ReasonCode.NOT_NEGATED, condition=describe(condition))
            return None


def _expected(condition: PropertyCondition) -> str:
    tests = []
    if condition.state is not None:
        tests.append(f"= {_text(condition.state)}")
    if condition.above is not None:
        tests.append(f"> {_text(condition.above)}")
    if condition.below is not None:
        tests.append(f"< {_text(condition.below)}")
    return " and ".join(tests) or "any value"


def _text(value: Value | None) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _property(condition: PropertyCondition, facts: Facts) -> Reason | None:
    params = {
        "condition": describe(condition),
        "device": condition.device,
        "path": condition.path,
        "expected": _expected(condition),
    }
    if facts.is_online(condition.device) is False:
        return Reason.of(ReasonCode.DEVICE_OFFLINE, **params)
    value = facts.value(condition.device, condition.path)
    if value is None:
        return Reason.of(ReasonCode.NO_VALUE, **params)
    ok = True
    if condition.state is not None:
        ok = value == condition.state and isinstance(value, bool) == isinstance(
            condition.state, bool
        )
    if ok and (condition.above is not None or condition.below is not None):
        if isinstance(value, bool) or not isinstance(value, int | float):
            ok = False
        else:
            ok = (condition.above is None or value > condition.above) and (
                condition.below is None or value < condition.below
            )
    if ok:
        return None
    return Reason.of(ReasonCode.CONDITION_FALSE, value=_text(value), **params)


def _window(condition: TimeCondition) -> str:
    after = condition.after.strftime("%H:%M") if condition.after else "00:00"
    before = condition.before.strftime("%H:%M") if condition.before else "24:00"
    return f"{after}-{before}"


def in_window(now: time, after: time | None, before: time | None) -> bool:
    """Whether a local time lies in [after, before); the window wraps midnight if after > before."""
    if after is not None and before is not None and after > before:
        return now >= after or now < before
    return (after is None or now >= after) and (before is None or now < before)


def _time(condition: TimeCondition, now: float, place: Place) -> Reason | None:
    local = place.local(now).time()
    if in_window(local, condition.after, condition.before):
        return None
    return Reason.of(
        ReasonCode.OUTSIDE_TIME_WINDOW,
        condition=describe(condition),
        now=local.strftime("%H:%M"),
        window=_window(condition),
    )


def _sun_expected(condition: SunCondition) -> str:
    parts = []
    if condition.after is not None:
        parts.append(f"after {condition.after}{_offset(condition.after_offset)}")
    if condition.before is not None:
        parts.append(f"before {condition.before}{_offset(condition.before_offset)}")
    return " or ".join(parts) if _wraps(condition) else " and ".join(parts)


def _offset(seconds: float) -> str:
    return f" {seconds / 60:+g} min" if seconds else ""


def _wraps(condition: SunCondition) -> bool:
    # "after sunset, before sunrise" is the night: it spans midnight, so either half suffices.
    return condition.after is SunEvent.SUNSET and condition.before is SunEvent.SUNRISE


def _sun(condition: SunCondition, now: float, place: Place) -> Reason | None:
    day = place.local(now).date()
    checks: list[bool] = []
    if condition.after is not None:
        moment = sun_time(condition.after, day, place)
        checks.append(moment is not None and now >= moment + condition.after_offset)
    if condition.before is not None:
        moment = sun_time(condition.before, day, place)
        checks.append(moment is not None and now < moment + condition.before_offset)
    held = any(checks) if _wraps(condition) else all(checks)
    if held:
        return None
    return Reason.of(
        ReasonCode.SUN_POSITION,
        condition=describe(condition),
        now=place.local(now).strftime("%H:%M"),
        expected=_sun_expected(condition),
    )


def _presence_expected(condition: PresenceCondition) -> str:
    if condition.person is None:
        who = "someone" if condition.present else "nobody"
        return f"{who} at {condition.space}"
    return f"{condition.person} {'at' if condition.present else 'not at'} {condition.space}"


def _presence(condition: PresenceCondition, facts: Facts) -> Reason | None:
    params = {"condition": describe(condition), "space": condition.space}
    people = facts.people_at(condition.space)
    if people is None:
        return Reason.of(ReasonCode.PRESENCE_UNKNOWN, **params)
    if condition.person is None:
        held = bool(people) is condition.present
    else:
        held = (condition.person in people) is condition.present
    if held:
        return None
    return Reason.of(
        ReasonCode.PRESENCE_FALSE,
        people=", ".join(people) or "nobody",
        expected=_presence_expected(condition),
        **params,
    )
