"""A fan's speeds in order, a step through them ("调高一档"), and each speed's name.

A fan level is either a value list (an AC's Auto, Low, Medium, High) or a range (a purifier's
1..3). Auto is not a speed: a step never lands on it, and a fan on Auto steps from its middle
speed, as a relative change with no known value starts from the middle of its range.
"""

from __future__ import annotations

from orbithub.spec.model import Property, Value

__all__ = ["is_step", "level_name", "speeds", "step"]

_AUTO = "auto"
# A range of three or two speeds reads as the words a value list would use.
_RANGE_NAMES = {3: ("low", "medium", "high"), 2: ("low", "high")}


def is_step(value: float | str | None) -> bool:
    """Whether ``value`` is a step (``up``/``down``, ``+2``/``-2``), not a level to reach."""
    if not isinstance(value, str):
        return False
    return value in ("up", "down") or (value[:1] in "+-" and value[1:].isdigit())


def speeds(prop: Property) -> list[int]:
    """The fan's speeds from slowest to fastest (Auto left out)."""
    if prop.value_list:
        return sorted(i.value for i in prop.value_list if i.description.lower() != _AUTO)
    if prop.value_range is None:
        return []
    low, high = int(prop.value_range.min), int(prop.value_range.max)
    stride = max(1, int(prop.value_range.step or 1))
    return list(range(low, high + 1, stride))


def step(prop: Property, current: Value | None, change: str) -> int | None:
    """The speed ``change`` (``up``, ``-2``...) reaches from ``current``, kept within the ends.

    Returns None when the fan has no speeds to step through.
    """
    levels = speeds(prop)
    if not levels:
        return None
    count = int(change[1:]) if change[:1] in "+-" else 1
    up = change == "up" or change.startswith("+")
    known = isinstance(current, int | float) and not isinstance(current, bool)
    at = levels.index(int(current)) if known and current in levels else (len(levels) - 1) // 2
    return levels[min(len(levels) - 1, max(0, at + (count if up else -count)))]


def level_name(prop: Property, value: Value | None) -> str:
    """What a speed is called (``low``, ``high``), or its number when it has no name."""
    for item in prop.value_list:
        if item.value == value:
            return item.description.lower()
    levels = speeds(prop)
    names = _RANGE_NAMES.get(len(levels))
    if names is not None and value in levels:
        return names[levels.index(int(value))] if isinstance(value, int | float) else str(value)
    return str(value)
