"""What energy cost at a home's time-of-use tariff.

A meter only says how much was used between two readings, not when within that interval; the
energy is taken as used evenly over it, so each part is priced at the rate in force then
(a reading at 07:05 after one at 22:00 the evening before is mostly valley energy, not all
morning energy). The rates follow the tariff's own time zone, the home's. Readings from the
demo and most plugs come every few seconds to minutes, where this and pricing at the reading
agree; it matters after a gap (the hub was off, a meter was out of reach).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from orbithub.mobility.tariff import Tariff

__all__ = ["MAX_SPREAD", "PriceTable"]

MAX_SPREAD = 7 * 86_400.0
"""A gap between readings longer than this is priced over its last week only (bounded work)."""


class PriceTable:
    """The tariff's rate on each stretch of ``[start, end)`` where it does not change."""

    def __init__(self, tariff: Tariff, start: float, end: float) -> None:
        self._start = start
        self._bounds = [start, *tariff.changes(start, end), end]
        self._rates = [tariff.price_at(t) for t in self._bounds[:-1]]
        self._last = len(self._rates) - 1
        # Readings come in time order: the stretch of the previous one is where to look first.
        self._cursor = 0

    def cost(self, t0: float, t1: float, kwh: float) -> float:
        """The cost of ``kwh`` used evenly between ``t0`` and ``t1``."""
        if t0 < self._start:
            t0 = self._start
        if t1 - t0 > MAX_SPREAD:
            t0 = t1 - MAX_SPREAD
        bounds = self._bounds
        first = self._cursor
        if t0 < bounds[first]:
            first = min(max(0, bisect.bisect_right(bounds, t0) - 1), self._last)
        while first < self._last and bounds[first + 1] <= t0:
            first += 1
        self._cursor = first
        if t1 <= bounds[first + 1] or t1 <= t0:
            # Within one rate: the common case when meters report every few seconds.
            return kwh * self._rates[first]
        span = t1 - t0
        total = 0.0
        for i in range(first, len(self._rates)):
            low, high = max(t0, self._bounds[i]), min(t1, self._bounds[i + 1])
            if low >= t1:
                break
            if high > low:
                total += self._rates[i] * (high - low) / span
        return kwh * total

    @classmethod
    def covering(cls, tariff: Tariff, times: Sequence[float]) -> PriceTable:
        """A table for readings at ``times`` (sorted), back to where their spread reaches."""
        if not times:
            return cls(tariff, 0.0, 1.0)
        return cls(
            tariff,
            times[0] if len(times) == 1 else max(times[0], times[1] - MAX_SPREAD),
            times[-1] + 1,
        )
