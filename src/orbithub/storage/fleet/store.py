"""The fleet's PostgreSQL store: partition leases, and state, history and cursor in one commit.

A worker claims a partition (:meth:`FleetStore.claim`), then commits each pulled batch with
:meth:`FleetStore.commit`: one transaction that checks the lease's epoch (a superseded owner is
refused and writes nothing), skips messages at or below the partition's cursor (redelivery),
writes history, keeps the newest reading per property in state and moves the cursor. The
worker acknowledges the batch to the stream only after the commit returns.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Final

import asyncpg
import orjson
import sqlalchemy as sa

from orbithub.storage.db import Database
from orbithub.storage.errors import (
    DatabaseUnreachableError,
    StorageError,
    UnsupportedDatabaseError,
)
from orbithub.storage.fleet import months as _months
from orbithub.storage.fleet.homes import FleetHomes
from orbithub.storage.fleet.model import FencedError, FleetChange, FleetValue, Lease, check_home
from orbithub.storage.fleet.pool import CONNECTION_ERRORS, Connection

__all__ = ["Applied", "FleetStore"]

_LOGGER = logging.getLogger(__name__)

FUTURE_TOLERANCE: Final = timedelta(days=1)
"""A reading stamped further ahead of the worker's clock is refused (a device clock gone
wrong would otherwise hold its property's state forever and create far-future months)."""

MONTHS_AHEAD: Final = 2
"""Months of history created ahead of the current one when the store opens."""

_CLAIM = """
INSERT INTO fleet_leases (partition, epoch, owner) VALUES ($1, 1, $2)
ON CONFLICT (partition) DO UPDATE
SET epoch = fleet_leases.epoch + 1, owner = EXCLUDED.owner, claimed_at = now()
RETURNING epoch, cursor
"""
_LOCK_LEASE = "SELECT epoch, cursor FROM fleet_leases WHERE partition = $1 FOR UPDATE"
_ADVANCE = """
UPDATE fleet_leases SET cursor = GREATEST(cursor, $2), committed_at = now()
WHERE partition = $1
"""
# unnest turns five arrays into rows: one round trip per batch, whatever its size.
_INSERT_HISTORY = """
INSERT INTO fleet_history (home, device, prop, ts, value)
SELECT h, d, p, t, v::jsonb
FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[]) AS u(h, d, p, t, v)
ON CONFLICT DO NOTHING
"""
_UPSERT_STATE = """
INSERT INTO fleet_state AS s (home, device, prop, value, ts, seq)
SELECT h, d, p, v::jsonb, t, q
FROM unnest($1::text[], $2::text[], $3::text[], $5::text[], $4::timestamptz[], $6::bigint[])
    AS u(h, d, p, v, t, q)
ON CONFLICT (home, device, prop) DO UPDATE
SET value = EXCLUDED.value, ts = EXCLUDED.ts, seq = EXCLUDED.seq
WHERE (s.ts, s.seq) < (EXCLUDED.ts, EXCLUDED.seq)
RETURNING home, device, prop
"""
_STATE = """
SELECT device, prop, value, ts, seq FROM fleet_state WHERE home = $1 ORDER BY device, prop
"""
_HISTORY = """
SELECT ts, value FROM fleet_history
WHERE home = $1 AND device = $2 AND prop = $3 AND ts >= $4 AND ts < $5
ORDER BY ts LIMIT $6
"""


@dataclass(frozen=True, slots=True)
class Applied:
    """What one commit did.

    Attributes:
        taken: changes above the cursor that were not refused (the count ``commit`` returns).
        recorded: history rows written (a reading already stored, same property and
            timestamp, is not written twice).
        current: the changes that became their property's current value, for live views and
            automations; at most one per property.
    """

    taken: int
    recorded: int
    current: tuple[FleetChange, ...]


class FleetStore:
    """The fleet's tables in one PostgreSQL database; share one per process."""

    def __init__(self, pool: asyncpg.Pool, display_url: str, months: set[date]) -> None:
        self._pool = pool
        self.url = display_url
        """The database URL with any password hidden, for logs and messages."""
        self._months = months
        self.homes = FleetHomes(self._connection)
        """Homes, their devices and who may use them."""
        self.future_tolerance = FUTURE_TOLERANCE
        """How far ahead of this process's clock a reading may be stamped and still count."""

    @classmethod
    async def open(
        cls,
        url: str,
        *,
        schema: str | None = None,
        connect_timeout: float = 10.0,
        application_name: str = "orbithub-fleet",
    ) -> FleetStore:
        """Migrate the database (the same migrations as a hub), create months ahead, connect.

        Args:
            url: ``postgresql://user:password@host:5432/dbname``.
            schema: the schema holding the tables (it must exist); None for the default.
            connect_timeout: seconds to wait for the server before giving up.
            application_name: how the connections show in ``pg_stat_activity`` (a worker
                passes its own name, so an operator sees which process holds what).

        Raises:
            UnsupportedDatabaseError: the URL is not PostgreSQL (fleet mode needs it).
            DatabaseUnreachableError: the server cannot be reached.
            StorageError: migrating failed (see :meth:`Database.open`).
        """
        target = sa.make_url(url)
        if target.get_backend_name() != "postgresql":
            raise UnsupportedDatabaseError(
                f"fleet mode stores homes in PostgreSQL, not {target.get_backend_name()!r}; "
                "give a postgresql:// URL"
            )
        db = await Database.open(url, schema=schema, connect_timeout=connect_timeout)
        await db.close()
        display = target.render_as_string(hide_password=True)
        settings = {"application_name": application_name[:63]}
        if schema is not None:
            settings["search_path"] = schema
        dsn = target.set(drivername="postgresql").render_as_string(hide_password=False)
        try:
            pool = await asyncpg.create_pool(
                dsn,
                min_size=1,
                max_size=8,
                timeout=connect_timeout,
                command_timeout=60,
                server_settings=settings,
            )
        except CONNECTION_ERRORS as exc:
            raise DatabaseUnreachableError(f"cannot reach the database {display}: {exc}") from exc
        store = cls(pool, display, set())
        try:
            today = _months.month_of(datetime.now(UTC))
            wanted = [today]
            for _ in range(MONTHS_AHEAD):
                wanted.append(_months.next_month(wanted[-1]))
            await store.ensure_months(wanted)
        except BaseException:
            await pool.close()
            raise
        return store

    async def close(self) -> None:
        """Close every connection; the store must not be used afterwards."""
        await self._pool.close()

    async def claim(self, partition: int, worker: str) -> Lease:
        """Take a partition over: its epoch goes up by one and ``worker`` becomes its owner.

        Every commit made with an earlier lease of the partition is refused from now on.
        """
        if partition < 0:
            raise ValueError(f"partition {partition} must be 0 or more")
        async with self._connection() as conn:
            row = await conn.fetchrow(_CLAIM, partition, worker)
        if row is None:  # INSERT ... RETURNING always returns the row; this keeps mypy sure
            raise StorageError(f"claiming partition {partition} returned nothing")
        return Lease(partition, row["epoch"], row["cursor"])

    async def cursor(self, partition: int) -> int:
        """The last stream sequence applied for a partition (0 = none)."""
        async with self._connection() as conn:
            value = await conn.fetchval(
                "SELECT cursor FROM fleet_leases WHERE partition = $1", partition
            )
        return int(value or 0)

    async def commit(self, lease: Lease, last_seq: int, changes: Sequence[FleetChange]) -> int:
        """Apply one pulled batch in one transaction; the number of changes taken in.

        See :meth:`apply` (this is it, counting only).
        """
        return (await self.apply(lease, last_seq, changes)).taken

    async def apply(self, lease: Lease, last_seq: int, changes: Sequence[FleetChange]) -> Applied:
        """Apply one pulled batch in one transaction.

        Changes whose ``seq`` is at or below the partition's cursor were applied before and
        are skipped (a redelivered batch changes nothing). Every other change goes into
        history, also one older than the stored value: it is a real reading of its time and
        history is ordered by timestamp, so a late arrival lands where it belongs. State keeps
        the newest timestamp per property (the stream sequence breaks ties), so an older
        reading never replaces a newer one. A reading stamped more than
        :attr:`future_tolerance` ahead is refused; one older than the oldest month still
        attached (retention) goes to state only. The cursor becomes ``last_seq`` if that is
        higher.

        Args:
            lease: the caller's lease; its epoch must still be the partition's.
            last_seq: the stream sequence of the batch's last message (also of messages that
                carried no change).
            changes: the batch's changes, in any order.

        Raises:
            FencedError: the partition was claimed again since ``lease``; nothing was written.
            DatabaseUnreachableError: the connection failed; nothing is known to be written,
                and committing the same batch again is safe.
            StorageError: the database refused a statement; nothing was written, and
                committing the same batch again is safe.
            ValueError: a change's ``seq`` is above ``last_seq``.
        """
        top = max((c.seq for c in changes), default=0)
        if top > last_seq:
            raise ValueError(f"a change has stream sequence {top}, above the batch's {last_seq}")
        horizon = datetime.now(UTC) + self.future_tolerance
        wanted = {_months.month_of(c.ts) for c in changes if c.ts <= horizon}
        oldest = min(self._months, default=None)
        # Months before the oldest attached one are never made again (retention): a device
        # whose clock is stuck in the past must not cost a catalog look-up per batch.
        missing = {m for m in wanted - self._months if oldest is None or m > oldest}
        if missing:
            await self.ensure_months(missing)
        try:
            return await self._apply(lease, last_seq, changes, horizon)
        except StorageError as exc:
            cause = exc.__cause__
            if not isinstance(cause, asyncpg.CheckViolationError) or "no partition" not in str(
                cause
            ):
                raise
            # Another process detached a month this one still counted as attached.
            self._months = await self._attached()
            return await self._apply(lease, last_seq, changes, horizon)

    async def state(self, home: str) -> list[FleetChange]:
        """The current value of every property of a home, ordered by device and property."""
        check_home(home)
        async with self._connection() as conn:
            rows = await conn.fetch(_STATE, home)
        return [
            FleetChange(home, r["device"], r["prop"], orjson.loads(r["value"]), r["ts"], r["seq"])
            for r in rows
        ]

    async def history(
        self,
        home: str,
        device: str,
        prop: str,
        since: datetime,
        until: datetime,
        *,
        limit: int = 10_000,
    ) -> list[tuple[datetime, FleetValue]]:
        """Readings of a property with ``since <= ts < until``, oldest first, at most ``limit``."""
        check_home(home)
        if not 1 <= limit <= 1_000_000:
            raise ValueError(f"limit {limit} must be between 1 and 1000000")
        async with self._connection() as conn:
            rows = await conn.fetch(_HISTORY, home, device, prop, since, until, limit)
        return [(r["ts"], orjson.loads(r["value"])) for r in rows]

    async def months(self) -> list[date]:
        """The months of history attached now, oldest first."""
        self._months = await self._attached()
        return sorted(self._months)

    async def ensure_months(self, wanted: set[date] | Sequence[date]) -> list[date]:
        """Create the given months of history that are missing; the ones created.

        A month older than the oldest attached one is not created: retention detached it (or
        is about to), and readings of that time go to state only.
        """
        attached = await self._attached()
        oldest = min(attached, default=None)
        created: list[date] = []
        for month in sorted(set(wanted) - attached):
            if oldest is not None and month < oldest:
                continue
            async with self._connection() as conn:
                if await _months.create_month(conn, month):
                    _LOGGER.info("history month %s created", _months.month_table(month))
                    created.append(month)
            oldest = oldest or month
        self._months = await self._attached()
        return created

    async def detach_months_before(self, month: date) -> list[str]:
        """Detach every month of history before ``month``; the tables left behind.

        Those tables keep their rows for archiving until an operator drops them.
        """
        detached: list[str] = []
        for old in sorted(m for m in await self._attached() if m < month):
            async with self._connection() as conn:
                table = await _months.detach_month(conn, old)
            if table is not None:
                _LOGGER.info("history month %s detached", table)
                detached.append(table)
        self._months = await self._attached()
        return detached

    async def _attached(self) -> set[date]:
        async with self._connection() as conn:
            return await _months.attached_months(conn)

    async def _apply(
        self,
        lease: Lease,
        last_seq: int,
        changes: Sequence[FleetChange],
        horizon: datetime,
    ) -> Applied:
        months = self._months
        async with self._connection() as conn, conn.transaction():
            row = await conn.fetchrow(_LOCK_LEASE, lease.partition)
            if row is None or row["epoch"] != lease.epoch:
                stored = None if row is None else row["epoch"]
                raise FencedError(
                    f"partition {lease.partition} is held under epoch {stored}, not "
                    f"{lease.epoch}: another worker claimed it; this batch was not written"
                )
            cursor: int = row["cursor"]
            taken = [c for c in changes if c.seq > cursor and c.ts <= horizon]
            recorded = await _insert_history(
                conn, [c for c in taken if _months.month_of(c.ts) in months]
            )
            current = await _upsert_state(conn, taken)
            await conn.execute(_ADVANCE, lease.partition, last_seq)
        return Applied(len(taken), recorded, current)

    def _connection(self) -> Connection:
        return Connection(self._pool, self.url)


async def _insert_history(conn: asyncpg.Connection, changes: Sequence[FleetChange]) -> int:
    if not changes:
        return 0
    status: str = await conn.execute(
        _INSERT_HISTORY,
        [c.home for c in changes],
        [c.device for c in changes],
        [c.prop for c in changes],
        [c.ts for c in changes],
        [orjson.dumps(c.value).decode() for c in changes],
    )
    return int(status.rsplit(" ", 1)[-1])


async def _upsert_state(
    conn: asyncpg.Connection, changes: Sequence[FleetChange]
) -> tuple[FleetChange, ...]:
    # One row per property: PostgreSQL refuses to update the same row twice in one statement.
    newest: dict[tuple[str, str, str], FleetChange] = {}
    for change in changes:
        key = (change.home, change.device, change.prop)
        held = newest.get(key)
        if held is None or (held.ts, held.seq) < (change.ts, change.seq):
            newest[key] = change
    if not newest:
        return ()
    rows = list(newest.values())
    updated = await conn.fetch(
        _UPSERT_STATE,
        [c.home for c in rows],
        [c.device for c in rows],
        [c.prop for c in rows],
        [c.ts for c in rows],
        [orjson.dumps(c.value).decode() for c in rows],
        [c.seq for c in rows],
    )
    return tuple(newest[(r["home"], r["device"], r["prop"])] for r in updated)
