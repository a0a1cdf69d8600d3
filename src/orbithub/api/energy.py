"""Energy used per device and room, by hour, day or month, from cumulative meter readings.

Metered devices (plugs, the EV charger, the water heater) report ``power-meter.power-
consumption``: a counter of kWh that only grows, except when the meter restarts from zero
(a power cut, a firmware update). The energy of a period is the sum of the increases between
consecutive readings whose later reading falls in the period; when a reading is below the one
before, the meter was reset and the new reading itself is what was used since. The last reading
before the range is the baseline, so the first period is not lost.

Periods follow the space's local calendar (days start at local midnight, in its time zone).
A :class:`Span` is what the app pages through: a calendar day by hour, a week (Monday first)
or a calendar month by day. With a tariff each bucket also has its cost (see ``energy_cost``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa

from orbithub.api.energy_cost import PriceTable
from orbithub.core.registry import Device
from orbithub.mobility.tariff import Tariff
from orbithub.storage.db import Database
from orbithub.storage.tables import history as history_table

__all__ = [
    "METER_PATH",
    "Period",
    "Span",
    "Usage",
    "buckets",
    "consumption",
    "day_start",
    "meter_readings",
    "span_range",
]

METER_PATH = "power-meter.power-consumption"
_UNIT_SCALE = {"kwh": 1.0, "wh": 0.001}


class Period(StrEnum):
    """The length of one bucket."""

    HOUR = "hour"
    DAY = "day"
    MONTH = "month"


class Span(StrEnum):
    """A calendar stretch the app shows at once."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class SpanRange:
    """The stretch of a span holding a date, its buckets' length and its neighbours."""

    first: date
    start: float
    end: float
    period: Period
    previous: date
    following: date


def _month_after(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def span_range(day: date, span: Span, tz: ZoneInfo) -> SpanRange:
    """The local calendar day, week (from Monday) or month holding ``day``."""
    if span is Span.DAY:
        first, following, previous = day, day + timedelta(days=1), day - timedelta(days=1)
    elif span is Span.WEEK:
        first = day - timedelta(days=day.weekday())
        following, previous = first + timedelta(days=7), first - timedelta(days=7)
    else:
        first = day.replace(day=1)
        following = _month_after(first)
        previous = (first - timedelta(days=1)).replace(day=1)

    def midnight(d: date) -> float:
        return datetime(d.year, d.month, d.day, tzinfo=tz).timestamp()

    period = Period.HOUR if span is Span.DAY else Period.DAY
    return SpanRange(first, midnight(first), midnight(following), period, previous, following)


def zone(name: str) -> ZoneInfo:
    """The time zone called ``name``, UTC when unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _floor(moment: datetime, period: Period) -> datetime:
    if period is Period.HOUR:
        return moment.replace(minute=0, second=0, microsecond=0)
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return day.replace(day=1) if period is Period.MONTH else day


def _next(moment: datetime, period: Period) -> datetime:
    if period is Period.HOUR:
        # An hour of elapsed time, so a DST change neither repeats nor skips one.
        return datetime.fromtimestamp(moment.timestamp() + 3600, moment.tzinfo)
    if period is Period.DAY:
        # Add a calendar day in local time (a DST day has 23 or 25 hours).
        return (moment + timedelta(days=1, hours=3)).replace(hour=0)
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    return moment.replace(year=year, month=month, day=1)


def buckets(start: float, end: float, period: Period, tz: ZoneInfo) -> list[float]:
    """Bucket start times (epoch seconds) covering ``[start, end)`` in local calendar terms."""
    out: list[float] = []
    moment = _floor(datetime.fromtimestamp(start, tz), period)
    while moment.timestamp() < end and len(out) < 10_000:
        out.append(moment.timestamp())
        moment = _next(moment, period)
    return out


def day_start(t: float, tz: ZoneInfo) -> float:
    """Local midnight (in ``tz``) of the day that ``t`` falls in."""
    return _floor(datetime.fromtimestamp(t, tz), Period.DAY).timestamp()


def default_start(end: float, period: Period, tz: ZoneInfo) -> float:
    """The default range start: the last 24 hours, the last 7 days, or the last 12 months."""
    moment = _floor(datetime.fromtimestamp(end, tz), period)
    if period is Period.HOUR:
        return moment.timestamp() - 23 * 3600
    if period is Period.DAY:
        return (moment - timedelta(days=6)).timestamp()
    for _ in range(11):
        moment = _floor(moment - timedelta(days=1), Period.MONTH)
    return moment.timestamp()


async def meter_readings(
    db: Database, device_id: str, start: float, end: float
) -> list[tuple[float, float]]:
    """The meter readings in ``[start, end)`` preceded by the last one before ``start``."""
    where = (history_table.c.device_id == device_id, history_table.c.path == METER_PATH)
    columns = (history_table.c.time, history_table.c.value_num)
    async with db.engine.connect() as conn:
        before = (
            await conn.execute(
                sa.select(*columns)
                .where(*where, history_table.c.time < start)
                .order_by(history_table.c.time.desc(), history_table.c.seq.desc())
                .limit(1)
            )
        ).first()
        rows = await conn.execute(
            sa.select(*columns)
            .where(*where, history_table.c.time >= start, history_table.c.time < end)
            .order_by(history_table.c.time, history_table.c.seq)
        )
        readings = [(r.time, r.value_num) for r in rows if r.value_num is not None]
    if before is not None and before.value_num is not None:
        readings.insert(0, (before.time, before.value_num))
    return readings


@dataclass(frozen=True, slots=True)
class Usage:
    """Energy of one device per bucket (same order as the bucket list) and in total.

    ``costs`` and ``cost`` are what it cost, None without a tariff.
    """

    series: list[float]
    total: float
    costs: list[float] | None = None
    cost: float | None = None


def _increases(readings: list[tuple[float, float]]) -> Iterator[tuple[float, float, float]]:
    for (before, previous), (when, current) in itertools.pairwise(readings):
        # A reading below the previous one means the meter restarted from zero.
        yield before, when, (current - previous) if current >= previous else current


def consumption(
    readings: list[tuple[float, float]],
    starts: list[float],
    end: float,
    unit: str | None,
    tariff: Tariff | None = None,
) -> Usage:
    """Sum the meter's increases into the buckets starting at ``starts`` (up to ``end``).

    An increase counts in the bucket of its later reading; with a ``tariff`` it is priced
    over the time since the reading before.
    """
    scale = _UNIT_SCALE.get((unit or "kWh").lower(), 1.0)
    series = [0.0] * len(starts)
    costs = [0.0] * len(starts)
    if not starts:
        return Usage(series, 0.0, [] if tariff else None, 0.0 if tariff else None)
    prices = PriceTable.covering(tariff, [t for t, _ in readings]) if tariff else None
    index = 0
    for before, when, used in _increases(readings):
        if when < starts[0] or when >= end:
            continue
        while index + 1 < len(starts) and when >= starts[index + 1]:
            index += 1
        series[index] += used * scale
        if prices is not None:
            costs[index] += prices.cost(before, when, used * scale)
    series = [round(v, 6) for v in series]
    if prices is None:
        return Usage(series, round(sum(series), 6))
    costs = [round(v, 6) for v in costs]
    return Usage(series, round(sum(series), 6), costs, round(sum(costs), 6))


def metered(device: Device) -> bool:
    """Whether the device has a cumulative energy meter."""
    return device.spec.find_property(METER_PATH) is not None
