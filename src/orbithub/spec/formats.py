"""Check one value against one property: format, range and step, value list, access.

This runs for every reported value and every command, tens of thousands of times a second, so
the good path is a type test, two comparisons and, for floats, one rounding. Messages are only
built once a value has been refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

from orbithub.spec.errors import (
    NotInValueList,
    NotReadable,
    NotWritable,
    OffStep,
    OutOfRange,
    WrongType,
)
from orbithub.spec.model import Format, Property, Value, ValueRange

__all__ = ["INTEGER_BOUNDS", "check_report", "check_value", "check_write", "describe_allowed"]

INTEGER_BOUNDS: dict[Format, tuple[int, int]] = {
    Format.UINT8: (0, 2**8 - 1),
    Format.UINT16: (0, 2**16 - 1),
    Format.UINT32: (0, 2**32 - 1),
    Format.INT8: (-(2**7), 2**7 - 1),
    Format.INT16: (-(2**15), 2**15 - 1),
    Format.INT32: (-(2**31), 2**31 - 1),
    Format.INT64: (-(2**63), 2**63 - 1),
}
"""The values each integer format can carry on the wire, whatever the value-range says."""

# How far off a step a value may be, in steps: floats that went through JSON and arithmetic
# (0.1 * 3 == 0.30000000000000004) must still count as on the step.
_STEP_TOLERANCE = 1e-6

# Per (min, step) of a float range: (10**places, min and step in those units), where places
# are the decimals of min and step. A handful of distinct ranges exist, so this stays tiny and
# saves re-deriving the grid on every call.
_GRIDS: dict[tuple[float, float], tuple[int, int, int]] = {}


def check_value(prop: Property, value: object) -> Value:
    """Check ``value`` against ``prop`` and return it as the Python type its format implies.

    bool properties give ``bool`` (the ints 0 and 1 are accepted, as many devices send them),
    integer formats give ``int`` (a float with an integral value is accepted), ``float`` gives a
    float rounded to the step's decimal places, ``string`` gives ``str``. Units are not converted.

    Args:
        prop: the property the value is for.
        value: the value as received (from JSON, a command, a sentence...).

    Returns:
        The value, coerced to the format's Python type.

    Raises:
        WrongType: the value's type does not fit the format.
        OutOfRange: the value lies outside the format's bounds or the property's value-range.
        OffStep: the value lies inside the range but between two steps.
        NotInValueList: the property enumerates its values and this is not one of them.
    """
    return _CHECKERS[prop.format](prop, value)


def check_write(prop: Property, value: object) -> Value:
    """Check a value a command wants to write; like :func:`check_value` plus access.

    Raises:
        NotWritable: the property's access lacks ``write``.
    """
    if not prop.writable:
        raise NotWritable(prop.path, value, "this property cannot be written, only read")
    return _CHECKERS[prop.format](prop, value)


def check_report(prop: Property, value: object) -> Value:
    """Check a value a device reported; like :func:`check_value` plus access.

    Floats between two steps are snapped to the nearest step rather than refused.

    Raises:
        NotReadable: the property has neither ``read`` nor ``notify`` access.
    """
    if not prop.readable:
        raise NotReadable(prop.path, value, "this property is write-only; devices do not report it")
    if prop.format is Format.FLOAT:
        # A measurement finer than the spec's step (a phone's GPS fix with 7 decimals) is real
        # data at a higher resolution than declared: snap it to the grid instead of losing it.
        # Commands stay strict, since a person asking for 23.3 on a 0.5 grid should be told.
        return _check_float(prop, value, snap=True)
    return _CHECKERS[prop.format](prop, value)


def describe_allowed(prop: Property) -> str:
    """Say in words which values ``prop`` accepts (``16..31 in steps of 0.5 celsius``)."""
    if prop.format is Format.BOOL:
        return "true or false"
    if prop.format is Format.STRING:
        return "text"
    if prop.value_list:
        return ", ".join(f"{item.value} ({item.description})" for item in prop.value_list)
    rng = prop.value_range
    unit = f" {prop.unit}" if prop.unit else ""
    if rng is not None:
        return f"{_num(rng.min)}..{_num(rng.max)} in steps of {_num(rng.step)}{unit}"
    if prop.format is Format.FLOAT:
        return f"any finite number{unit}"
    lo, hi = INTEGER_BOUNDS[prop.format]
    return f"whole numbers {lo}..{hi}{unit}"


def _check_bool(prop: Property, value: object) -> Value:
    if value is True or value is False:
        return value
    # Many devices send 0/1 for a bool; accept exactly those ints and nothing looser.
    if type(value) is int and (value == 0 or value == 1):
        return value == 1
    raise WrongType(prop.path, value, "expected true or false (or the integers 0 and 1)")


def _check_integer(prop: Property, value: object) -> Value:
    kind = type(value)
    number: int
    if kind is int:
        number = value  # type: ignore[assignment]  # narrowed by the exact type test above
    elif kind is float and value.is_integer():  # type: ignore[attr-defined]
        number = int(value)  # type: ignore[call-overload]
    elif isinstance(value, int) and not isinstance(value, bool):
        number = int(value)  # an int subclass such as IntEnum
    else:
        raise WrongType(prop.path, value, f"expected a whole number ({prop.format.value})")
    lo, hi = INTEGER_BOUNDS[prop.format]
    if number < lo or number > hi:
        raise OutOfRange(
            prop.path, value, f"outside what {prop.format.value} can carry ({lo}..{hi})"
        )
    rng = prop.value_range
    if rng is not None:
        if number < rng.min or number > rng.max:
            raise _out_of_range(prop, value, number, rng)
        steps = (number - rng.min) / rng.step
        if abs(steps - round(steps)) > _STEP_TOLERANCE:
            raise _off_step(prop, value, rng)
    if prop.value_list:
        for item in prop.value_list:
            if item.value == number:
                return number
        raise NotInValueList(
            prop.path, value, f"not one of the allowed values: {describe_allowed(prop)}"
        )
    return number


def _check_float(prop: Property, value: object, *, snap: bool = False) -> Value:
    kind = type(value)
    number: float
    if kind is float:
        number = value  # type: ignore[assignment]  # narrowed by the exact type test above
        if not math.isfinite(number):
            raise WrongType(prop.path, value, "expected a finite number")
    elif kind is int:
        number = float(value)  # type: ignore[arg-type]
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if not math.isfinite(number):
            raise WrongType(prop.path, value, "expected a finite number")
    else:
        raise WrongType(prop.path, value, "expected a number")
    rng = prop.value_range
    if rng is None:
        return number
    slack = rng.step * _STEP_TOLERANCE
    if number < rng.min - slack or number > rng.max + slack:
        raise _out_of_range(prop, value, number, rng)
    steps = (number - rng.min) / rng.step
    nearest = round(steps)
    if not snap and abs(steps - nearest) > _STEP_TOLERANCE:
        raise _off_step(prop, value, rng)
    grid = _GRIDS.get((rng.min, rng.step))
    if grid is None:
        grid = _GRIDS[(rng.min, rng.step)] = _grid(rng)
    scale, min_units, step_units = grid
    # Rebuild the value from the grid in whole units of the last decimal place: one exact
    # integer sum and one correctly rounded division, so 23.500000001 comes back as 23.5 and
    # 0.1 * 3 as 0.3; clamping undoes the slack allowed at the ends.
    snapped = (min_units + nearest * step_units) / scale
    if snapped < rng.min:
        return float(rng.min)
    if snapped > rng.max:
        return float(rng.max)
    return snapped


def _check_string(prop: Property, value: object) -> Value:
    if isinstance(value, str):
        return value
    raise WrongType(prop.path, value, "expected text")


_CHECKERS: dict[Format, Callable[[Property, object], Value]] = {
    Format.BOOL: _check_bool,
    Format.UINT8: _check_integer,
    Format.UINT16: _check_integer,
    Format.UINT32: _check_integer,
    Format.INT8: _check_integer,
    Format.INT16: _check_integer,
    Format.INT32: _check_integer,
    Format.INT64: _check_integer,
    Format.FLOAT: _check_float,
    Format.STRING: _check_string,
}


def _out_of_range(prop: Property, value: object, number: float, rng: ValueRange) -> OutOfRange:
    unit = f" {prop.unit}" if prop.unit else ""
    if number < rng.min:
        where = f"below the minimum {_num(rng.min)}{unit}"
    else:
        where = f"above the maximum {_num(rng.max)}{unit}"
    return OutOfRange(prop.path, value, f"{where}; allowed {describe_allowed(prop)}")


def _off_step(prop: Property, value: object, rng: ValueRange) -> OffStep:
    return OffStep(
        prop.path,
        value,
        f"not on a step of {_num(rng.step)} from {_num(rng.min)}; allowed {describe_allowed(prop)}",
    )


def _num(number: float) -> str:
    """Print 31.0 as ``31`` and 0.5 as ``0.5``; ranges are stored as floats."""
    if float(number).is_integer():
        return str(int(number))
    return format(Decimal(repr(number)), "f")


def _grid(rng: ValueRange) -> tuple[int, int, int]:
    scale = 10 ** max(_decimals(rng.min), _decimals(rng.step))
    return scale, round(rng.min * scale), round(rng.step * scale)


def _decimals(number: float) -> int:
    """Decimal places in the shortest text form of ``number`` (0.001 -> 3, 1e-06 -> 6)."""
    exponent = Decimal(repr(number)).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
