"""Baselines: what each measured property usually reads at each hour of the week.

For every numeric measurement (a temperature, a power draw) history is turned into a step
function and sampled every few minutes, so a value held for an hour weighs an hour and a kettle
boiling for three minutes weighs three minutes. The samples of each hour of the week (pooled
with the hours either side, so three weeks give enough of them) give a median and a median
absolute deviation, robust to the odd bad reading; the extremes reached in those hours are kept
too, so a value that has been normal before at that time (the kettle's 2,000 W at tea time) is
never called unusual just because it is rare.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

__all__ = [
    "HOURS_PER_WEEK",
    "Baseline",
    "Baselines",
    "Series",
    "build_baselines",
    "hour_of_week",
    "usual_interval",
]

HOURS_PER_WEEK = 168
_MAD_TO_SIGMA = 1.4826  # makes the MAD of normal data estimate its standard deviation
_WEEK = 7 * 86_400.0
_MAX_HOLD = 86_400.0

Series = Sequence[tuple[float, float]]
"""Readings of one property as (time, value), oldest first."""


@dataclass(frozen=True, slots=True)
class Baseline:
    """What one property usually reads in one hour of the week.

    Attributes:
        median: the median of the samples.
        spread: the robust standard deviation (1.4826 x median absolute deviation).
        low: the lowest value held in these hours in the history.
        high: the highest value held in these hours in the history.
        samples: how many samples the figures come from.
        weeks: how many different weeks contributed.
    """

    median: float
    spread: float
    low: float
    high: float
    samples: int
    weeks: int


def hour_of_week(t: float, zone: ZoneInfo) -> int:
    """0 for Monday 00:00-00:59 local time, up to 167 for Sunday 23:00-23:59."""
    local = datetime.fromtimestamp(t, zone)
    return local.weekday() * 24 + local.hour


@dataclass(slots=True)
class _Bucket:
    samples: list[float]
    low: float
    high: float
    weeks: set[int]


class Baselines:
    """Baselines by device, property path and hour of the week, plus usual report intervals."""

    def __init__(
        self,
        table: Mapping[tuple[str, str], Sequence[Baseline | None]],
        intervals: Mapping[str, float],
        overall: Mapping[tuple[str, str], float] | None = None,
    ) -> None:
        self._table = dict(table)
        self.intervals = dict(intervals)
        """Per device that reports regularly: the longest gap between its reports (seconds)."""
        self.overall = dict(overall or {})
        """Per property: the robust standard deviation of all its samples, whatever the hour."""

    def series(self, device_id: str, path: str) -> Sequence[Baseline | None] | None:
        """The 168 hourly baselines of one property, or None when it has none."""
        return self._table.get((device_id, path))

    def __len__(self) -> int:
        return len(self._table)

    def properties(self) -> list[tuple[str, str]]:
        """Every (device, path) with a baseline."""
        return list(self._table)


def _monotone(series: Series) -> bool:
    """A counter (energy, odometer) or a slow drain (battery): no daily pattern to learn."""
    ups = sum(1 for a, b in itertools.pairwise(series) if b[1] > a[1])
    downs = sum(1 for a, b in itertools.pairwise(series) if b[1] < a[1])
    moves = ups + downs
    return moves >= 10 and min(ups, downs) <= moves * 0.02


def build_baselines(
    series: Mapping[tuple[str, str], Series],
    zones: Mapping[str, ZoneInfo],
    start: float,
    end: float,
    *,
    grid: float = 300.0,
    min_samples: int = 24,
    min_weeks: int = 2,
    report_gaps: Mapping[str, Sequence[float]] | None = None,
) -> Baselines:
    """Baselines of every series over ``[start, end)``. CPU work: run it in a thread.

    Args:
        series: readings by (device, path).
        zones: each device's time zone (its space's); UTC when missing.
        start: the first instant learned from.
        end: the instant after the last one learned from.
        grid: seconds between samples of the step function.
        min_samples: fewest samples before an hour is judged at all.
        min_weeks: fewest distinct weeks before an hour is judged at all.
        report_gaps: per device, the times it reported (any property), for usual intervals.
    """
    table: dict[tuple[str, str], list[Baseline | None]] = {}
    overall: dict[tuple[str, str], float] = {}
    utc = ZoneInfo("UTC")
    for (device_id, path), points in series.items():
        if len(points) < 2 or _monotone(points):
            continue
        zone = zones.get(device_id, utc)
        buckets = _sample(points, zone, start, end, grid)
        hourly = _pool(buckets, min_samples, min_weeks)
        if any(b is not None for b in hourly):
            table[(device_id, path)] = hourly
            everything = [v for b in buckets for v in b.samples]
            median = statistics.median(everything)
            overall[(device_id, path)] = _MAD_TO_SIGMA * statistics.median(
                abs(v - median) for v in everything
            )
    intervals = {
        device_id: gap
        for device_id, times in (report_gaps or {}).items()
        if (gap := usual_interval(times, start=start, end=end)) is not None
    }
    return Baselines(table, intervals, overall)


def _sample(points: Series, zone: ZoneInfo, start: float, end: float, grid: float) -> list[_Bucket]:
    buckets = [_Bucket([], float("inf"), float("-inf"), set()) for _ in range(HOURS_PER_WEEK)]
    times = [p[0] for p in points]
    first = max(start, points[0][0])
    # Hour-of-week lookups go through one datetime per hour, not per sample.
    hour_cache: dict[int, int] = {}

    def how(t: float) -> int:
        key = int(t // 3600)
        found = hour_cache.get(key)
        if found is None:
            found = hour_of_week(t, zone)
            hour_cache[key] = found
        return found

    t = first
    while t < end:
        index = bisect.bisect_right(times, t) - 1
        # A value is held until the next report, but not for more than a day: a device that
        # went quiet says nothing about the weeks after.
        if index >= 0 and t - points[index][0] <= _MAX_HOLD:
            value = points[index][1]
            bucket = buckets[how(t)]
            bucket.samples.append(value)
            bucket.low = min(bucket.low, value)
            bucket.high = max(bucket.high, value)
            bucket.weeks.add(int(t // _WEEK))
        t += grid
    for when, value in points:
        if start <= when < end:
            bucket = buckets[how(when)]
            bucket.low = min(bucket.low, value)
            bucket.high = max(bucket.high, value)
    return buckets


def _pool(buckets: list[_Bucket], min_samples: int, min_weeks: int) -> list[Baseline | None]:
    hourly: list[Baseline | None] = []
    for hour in range(HOURS_PER_WEEK):
        near = [buckets[(hour + d) % HOURS_PER_WEEK] for d in (-1, 0, 1)]
        samples = [v for b in near for v in b.samples]
        # Each hour's own count: neighbours across a week boundary are not extra weeks.
        weeks = max(len(b.weeks) for b in near)
        if len(samples) < min_samples or weeks < min_weeks:
            hourly.append(None)
            continue
        median = statistics.median(samples)
        mad = statistics.median(abs(v - median) for v in samples)
        hourly.append(
            Baseline(
                median,
                mad * _MAD_TO_SIGMA,
                min(b.low for b in near),
                max(b.high for b in near),
                len(samples),
                weeks,
            )
        )
    return hourly


def usual_interval(
    times: Sequence[float],
    *,
    start: float | None = None,
    end: float | None = None,
    min_reports: int = 200,
    regular: float = 3600.0,
) -> float | None:
    """The longest gap between a device's reports, when it reports regularly; else None.

    Devices that speak only when something happens (a motion sensor at night, a parked car)
    fall silent for hours as a matter of course; silence says nothing about them, so only a
    device whose longest gap (counting the edges of the window) stays under ``regular`` and
    that reported at least ``min_reports`` times gets an interval.
    """
    ordered = sorted(set(times))
    if len(ordered) < min_reports:
        return None
    edges = [start] if start is not None else []
    edges += ordered
    if end is not None:
        edges.append(end)
    gap = max(b - a for a, b in itertools.pairwise(edges))
    return gap if gap <= regular else None
