"""History's month partitions: list, create ahead, detach for retention.

``fleet_history`` is partitioned by RANGE on ``ts`` into calendar months (UTC); each month is
itself partitioned by HASH of ``home`` into :data:`HOME_BUCKETS` tables. A month is created
whole (the month and its buckets in one transaction) so no insert ever finds half of it. Each
month keeps the bucket count it was created with: changing the constant affects new months only.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Final

import asyncpg

__all__ = [
    "HOME_BUCKETS",
    "attached_months",
    "create_month",
    "detach_month",
    "month_of",
    "month_table",
    "next_month",
]

HOME_BUCKETS: Final = 16
"""Hash partitions of one month's history by home."""

_PARENT: Final = "fleet_history"
_MONTH_TABLE = re.compile(r"^fleet_history_y(\d{4})m(\d{2})$")
# Serialises creating months across every process on the database (any fixed number will do).
_MONTHS_LOCK: Final = 0x0F1EE7


def month_of(ts: datetime) -> date:
    """The first day of the UTC month ``ts`` falls in."""
    utc = ts.astimezone(UTC)
    return date(utc.year, utc.month, 1)


def next_month(month: date) -> date:
    """The first day of the month after ``month``."""
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def month_table(month: date) -> str:
    """The name of the table holding one month of history."""
    return f"{_PARENT}_y{month.year:04d}m{month.month:02d}"


async def attached_months(conn: asyncpg.Connection) -> set[date]:
    """The months attached to history now (detached ones are left out)."""
    rows = await conn.fetch(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = to_regclass($1)",
        _PARENT,
    )
    months: set[date] = set()
    for row in rows:
        found = _MONTH_TABLE.match(row["relname"])
        if found is not None:
            months.add(date(int(found[1]), int(found[2]), 1))
    return months


async def create_month(conn: asyncpg.Connection, month: date) -> bool:
    """Create and attach one month with its home buckets; False if it was attached already.

    A month that exists but was detached (kept for archiving) is not attached again: its
    readings stay out of history until an operator re-attaches or drops that table.
    """
    table = month_table(month)
    start = datetime(month.year, month.month, 1, tzinfo=UTC)
    after = next_month(month)
    end = datetime(after.year, after.month, 1, tzinfo=UTC)
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", _MONTHS_LOCK)
        if month in await attached_months(conn):
            return False
        if await conn.fetchval("SELECT to_regclass($1)", table) is not None:
            return False
        # DDL takes no bind parameters; the names and bounds are built from integers above.
        await conn.execute(
            f"CREATE TABLE {table} PARTITION OF {_PARENT} "
            f"FOR VALUES FROM ('{start.isoformat()}') TO ('{end.isoformat()}') "
            "PARTITION BY HASH (home)"
        )
        for bucket in range(HOME_BUCKETS):
            await conn.execute(
                f"CREATE TABLE {table}_h{bucket:02d} PARTITION OF {table} "
                f"FOR VALUES WITH (MODULUS {HOME_BUCKETS}, REMAINDER {bucket})"
            )
    return True


async def detach_month(conn: asyncpg.Connection, month: date) -> str | None:
    """Detach one month from history; the name of the table left behind, None if not attached.

    The table keeps its rows for archiving (``pg_dump -t``) until it is dropped; queries of
    history no longer see them. Detaching costs no DELETE and leaves no vacuum debt.
    """
    table = month_table(month)
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", _MONTHS_LOCK)
        if month not in await attached_months(conn):
            return None
        await conn.execute(f"ALTER TABLE {_PARENT} DETACH PARTITION {table}")
    return table
