"""Property-change triggers: to / from / above / below on the new value, with a ``for`` hold."""

from __future__ import annotations

from orbithub.automation.model import PropertyTrigger
from orbithub.core.events import PropertyChanged
from orbithub.spec.model import Value

__all__ = ["data", "describe", "in_range", "match"]


def describe(trigger: PropertyTrigger) -> str:
    """``lamp light.on to true for 60 s``."""
    parts = [trigger.device, trigger.path]
    if trigger.from_ is not None:
        parts.append(f"from {_v(trigger.from_)}")
    if trigger.to is not None:
        parts.append(f"to {_v(trigger.to)}")
    if trigger.above is not None:
        parts.append(f"above {_v(trigger.above)}")
    if trigger.below is not None:
        parts.append(f"below {_v(trigger.below)}")
    if trigger.for_:
        parts.append(f"for {_v(trigger.for_)} s")
    return " ".join(parts)


def _v(value: Value | None) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number(value: Value | None) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def in_range(trigger: PropertyTrigger, value: Value | None) -> bool:
    """Whether a value passes the trigger's to / above / below tests."""
    if value is None:
        return False
    if trigger.to is not None and not _equal(value, trigger.to):
        return False
    if trigger.above is not None or trigger.below is not None:
        number = _number(value)
        if number is None:
            return False
        if trigger.above is not None and not number > trigger.above:
            return False
        if trigger.below is not None and not number < trigger.below:
            return False
    return True


def _equal(value: Value, wanted: Value) -> bool:
    if isinstance(value, bool) or isinstance(wanted, bool):
        return value is wanted or (isinstance(value, bool) and value == wanted)
    return value == wanted


def match(trigger: PropertyTrigger, event: PropertyChanged) -> str | None:
    """None when the change fires the trigger, otherwise why not (for the trace)."""
    if trigger.from_ is not None and (
        event.old_value is None or not _equal(event.old_value, trigger.from_)
    ):
        return f"{trigger.path} changed from {_v(event.old_value)}, not from {_v(trigger.from_)}"
    if not in_range(trigger, event.value):
        return f"{trigger.path} became {_v(event.value)}; needed {describe_test(trigger)}"
    if (trigger.above is not None or trigger.below is not None) and in_range(
        trigger, event.old_value
    ):
        # Thresholds fire on crossing: a value that was already in range does not fire again.
        return f"{trigger.path} was already {_v(event.old_value)} (in range) before"
    return None


def describe_test(trigger: PropertyTrigger) -> str:
    """The value test alone: ``to true``, ``above 25``."""
    tests = []
    if trigger.to is not None:
        tests.append(f"to {_v(trigger.to)}")
    if trigger.above is not None:
        tests.append(f"above {_v(trigger.above)}")
    if trigger.below is not None:
        tests.append(f"below {_v(trigger.below)}")
    return " and ".join(tests) or "any change"


def data(device: str, path: str, value: Value | None, old: Value | None) -> dict[str, object]:
    """What templates see as ``trigger``."""
    return {"kind": "property", "device": device, "path": path, "value": value, "old_value": old}
