"""Fit a simulated reading to its property: inside the range, on the step, in the format."""

from __future__ import annotations

import math
from decimal import Decimal
from functools import cache

from orbithub.spec.model import Format, Property, Value

__all__ = ["fit"]


@cache  # a handful of distinct steps, asked about on every report
def _decimals(number: float) -> int:
    exponent = Decimal(repr(float(number))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def fit(prop: Property, value: Value) -> Value | None:
    """The value a real device of this spec would report for ``value``, or None if none fits.

    Numbers are clamped to the value range and rounded to its step (counted from the range's
    minimum, as MIoT defines it); enumerations must hit an allowed value.
    """
    if prop.format is Format.BOOL:
        return bool(value)
    if prop.format is Format.STRING:
        return str(value)
    if isinstance(value, str):
        return None
    x = float(value)
    if not math.isfinite(x):
        return None
    if prop.value_list:
        allowed = [item.value for item in prop.value_list]
        n = round(x)
        return n if n in allowed else None
    if prop.value_range is not None:
        low, high, step = prop.value_range.min, prop.value_range.max, prop.value_range.step
        x = min(max(x, low), high)
        if step > 0:
            n = round((x - low) / step)
            if low + n * step > high + 1e-9:
                n -= 1
            x = low + n * step
        x = round(x, max(_decimals(step), _decimals(low)))
    if prop.format.is_integer:
        return round(x)
    return x
