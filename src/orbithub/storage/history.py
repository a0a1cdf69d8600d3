"""Read history (one property over time, raw or down-sampled for charts) and the event log.

Down-sampling happens in SQL so a chart of a year of one-minute readings moves a few hundred
rows, not half a million: numbers give the average, minimum and maximum of each bucket; bools
and text give the last value of each bucket. The same statements run on SQLite and PostgreSQL;
only the float-to-bucket rounding differs (SQLite's CAST truncates, PostgreSQL's rounds).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa

from orbithub.spec.model import Value
from orbithub.storage.db import Database
from orbithub.storage.tables import EventKind, ValueKind
from orbithub.storage.tables import events as events_table
from orbithub.storage.tables import history as history_table

__all__ = [
    "EventRecord",
    "HistoryPoint",
    "events",
    "first_time",
    "history",
    "last_time",
    "latest_values",
]

_NUMERIC = (ValueKind.INT.value, ValueKind.FLOAT.value)


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    """One recorded value, or one bucket of them.

    Attributes:
        time: when it was reported (epoch seconds); for a bucket, the bucket's start.
        value: the value; for a numeric bucket, the average.
        min: the smallest value of a numeric bucket; None for raw points and bool/text buckets.
        max: the largest value of a numeric bucket; None for raw points and bool/text buckets.
    """

    time: float
    value: Value
    min: float | None = None
    max: float | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One row of the activity log: a device event, an online change, or a command.

    Attributes:
        seq: the bus sequence number.
        time: when it happened (epoch seconds).
        space_id: the space of the device.
        device_id: the device.
        kind: event, online or command.
        path: the event's or command's path; empty for online changes.
        payload: the details as stored (arguments, online, confirmed, message, origin, actor).
    """

    seq: int
    time: float
    space_id: str
    device_id: str
    kind: EventKind
    path: str
    payload: Mapping[str, object]


def _value(kind: str, num: float | None, text: str | None) -> Value:
    if kind == ValueKind.TEXT:
        return text or ""
    number = num if num is not None else 0.0
    if kind == ValueKind.BOOL:
        return number != 0.0
    if kind == ValueKind.INT:
        return round(number)
    return number


def _in_range(device_id: str, path: str, start: float, end: float) -> list[sa.ColumnElement[bool]]:
    return [
        history_table.c.device_id == device_id,
        history_table.c.path == path,
        history_table.c.time >= start,
        history_table.c.time < end,
    ]


def _bucket(db: Database, start: float, width: float) -> sa.ColumnElement[int]:
    offset = (history_table.c.time - sa.literal(start, sa.Double())) / sa.literal(
        width, sa.Double()
    )
    if db.dialect == "postgresql":
        return sa.cast(sa.func.floor(offset), sa.BigInteger)
    # SQLite's CAST truncates toward zero, which is floor for the non-negative offsets here
    # (floor() itself is missing from SQLite builds without the math extension).
    return sa.cast(offset, sa.BigInteger)


async def history(
    db: Database,
    device_id: str,
    path: str,
    start: float,
    end: float,
    *,
    buckets: int | None = None,
) -> list[HistoryPoint]:
    """The values of one property of one device with ``start <= time < end``, oldest first.

    Args:
        db: the database.
        device_id: the device.
        path: the property's readable path (``light.brightness``).
        start: range start, epoch seconds, inclusive.
        end: range end, epoch seconds, exclusive.
        buckets: None for every raw point; otherwise split the range into this many equal
            buckets and return one point per bucket that has data.

    Returns:
        The points, oldest first.
    """
    if end <= start:
        return []
    where = _in_range(device_id, path, start, end)
    async with db.engine.connect() as conn:
        if buckets is None:
            rows = await conn.execute(
                sa.select(
                    history_table.c.time,
                    history_table.c.kind,
                    history_table.c.value_num,
                    history_table.c.value_text,
                )
                .where(*where)
                .order_by(history_table.c.time, history_table.c.seq)
            )
            return [HistoryPoint(r.time, _value(r.kind, r.value_num, r.value_text)) for r in rows]
        if buckets < 1:
            raise ValueError(f"buckets must be at least 1, got {buckets}")
        latest_kind = await conn.scalar(
            sa.select(history_table.c.kind)
            .where(*where)
            .order_by(history_table.c.time.desc())
            .limit(1)
        )
        if latest_kind is None:
            return []
        width = (end - start) / buckets
        # The bucket number is computed once in a subquery and grouped on by name: PostgreSQL
        # does not see two copies of an expression with bound parameters as the same.
        inner = sa.select(
            _bucket(db, start, width).label("bucket"),
            history_table.c.time,
            history_table.c.seq,
            history_table.c.kind,
            history_table.c.value_num,
            history_table.c.value_text,
        ).where(*where)
        if latest_kind in _NUMERIC:
            sub = inner.where(history_table.c.kind.in_(_NUMERIC)).subquery()
            stmt = (
                sa.select(
                    sub.c.bucket,
                    sa.func.avg(sub.c.value_num).label("avg"),
                    sa.func.min(sub.c.value_num).label("min"),
                    sa.func.max(sub.c.value_num).label("max"),
                )
                .group_by(sub.c.bucket)
                .order_by(sub.c.bucket)
            )
            return [
                HistoryPoint(start + r.bucket * width, float(r.avg), float(r.min), float(r.max))
                for r in await conn.execute(stmt)
            ]
        sub = inner.subquery()
        ranked = sa.select(
            sub,
            sa.func.row_number()
            .over(
                partition_by=sub.c.bucket,
                order_by=(sub.c.time.desc(), sub.c.seq.desc()),
            )
            .label("rank"),
        ).subquery()
        stmt = sa.select(ranked).where(ranked.c.rank == 1).order_by(ranked.c.bucket)
        return [
            HistoryPoint(start + r.bucket * width, _value(r.kind, r.value_num, r.value_text))
            for r in await conn.execute(stmt)
        ]


async def first_time(db: Database) -> float | None:
    """The time of the oldest history row, or None when there is none (cheap: indexed)."""
    async with db.engine.connect() as conn:
        oldest = await conn.scalar(sa.select(sa.func.min(history_table.c.time)))
    return None if oldest is None else float(oldest)


async def last_time(db: Database) -> float | None:
    """The time of the newest history row, or None when there is none (cheap: indexed)."""
    async with db.engine.connect() as conn:
        newest = await conn.scalar(sa.select(sa.func.max(history_table.c.time)))
    return None if newest is None else float(newest)


async def latest_values(db: Database, device_id: str) -> dict[str, HistoryPoint]:
    """The last recorded value of each property of a device, by path."""
    ranked = (
        sa.select(
            history_table.c.path,
            history_table.c.time,
            history_table.c.kind,
            history_table.c.value_num,
            history_table.c.value_text,
            sa.func.row_number()
            .over(
                partition_by=history_table.c.path,
                order_by=(history_table.c.time.desc(), history_table.c.seq.desc()),
            )
            .label("rank"),
        )
        .where(history_table.c.device_id == device_id)
        .subquery()
    )
    async with db.engine.connect() as conn:
        rows = await conn.execute(sa.select(ranked).where(ranked.c.rank == 1))
        return {
            r.path: HistoryPoint(r.time, _value(r.kind, r.value_num, r.value_text)) for r in rows
        }


async def events(
    db: Database,
    *,
    device_id: str | None = None,
    space_id: str | None = None,
    start: float | None = None,
    end: float | None = None,
    kinds: tuple[EventKind, ...] | None = None,
    limit: int = 100,
) -> list[EventRecord]:
    """The activity log, newest first.

    Args:
        db: the database.
        device_id: only this device's events.
        space_id: only this space's events.
        start: only events at or after this time (epoch seconds).
        end: only events before this time (epoch seconds).
        kinds: only these kinds (device events, online changes, commands).
        limit: at most this many records.

    Returns:
        The records, newest first.
    """
    stmt = (
        sa.select(events_table)
        .order_by(events_table.c.time.desc(), events_table.c.seq.desc())
        .limit(limit)
    )
    if device_id is not None:
        stmt = stmt.where(events_table.c.device_id == device_id)
    if space_id is not None:
        stmt = stmt.where(events_table.c.space_id == space_id)
    if start is not None:
        stmt = stmt.where(events_table.c.time >= start)
    if end is not None:
        stmt = stmt.where(events_table.c.time < end)
    if kinds is not None:
        stmt = stmt.where(events_table.c.kind.in_([str(k) for k in kinds]))
    async with db.engine.connect() as conn:
        rows = await conn.execute(stmt)
        return [
            EventRecord(
                r.seq,
                r.time,
                r.space_id,
                r.device_id,
                EventKind(r.kind),
                r.path,
                r.payload if isinstance(r.payload, dict) else {},
            )
            for r in rows
        ]
