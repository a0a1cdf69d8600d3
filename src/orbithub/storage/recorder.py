"""The recorder: writes every change on the bus to the database in batches, off the hot path.

The hub publishes on the loop and must never wait for the disk, so the recorder's bus listener
only appends the event to an in-memory buffer (O(1), no await). A flush task takes the oldest
``batch_size`` events, turns them into rows and writes them in one transaction, then advances
:attr:`Recorder.committed_seq`. If the database is unavailable, the batch goes back to the
front of the buffer and is retried with backoff; the buffer is capped, and past the cap the
oldest events are dropped and counted (DESIGN: slow consumers never stall the hub).

Registry changes (spaces, rooms, devices) are coalesced per record, never dropped, and written
in the same transaction as the next batch, from the registry's current record.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from collections.abc import Callable
from typing import Final

import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from orbithub.core.bus import Bus
from orbithub.core.clock import Clock
from orbithub.core.context import Context
from orbithub.core.errors import CoreError
from orbithub.core.events import (
    AutomationRun,
    CommandDecided,
    CommandSent,
    DeviceEvent,
    DeviceOnline,
    HubEvent,
    NotificationRequested,
    PresenceChanged,
    PropertyChanged,
    RegistryChanged,
    RegistryKind,
    UserMessage,
    ZoneChanged,
)
from orbithub.core.registry import Device, Registry, Room, Space
from orbithub.spec.model import Value
from orbithub.storage.batching import WriterLoop, next_backoff, wait_for
from orbithub.storage.db import Database
from orbithub.storage.registry_store import put_devices, put_rooms, put_spaces, remove
from orbithub.storage.tables import EventKind, ValueKind, devices, events, history, rooms, spaces

__all__ = ["Recorder"]

_LOGGER = logging.getLogger(__name__)

_ID_LIMIT: Final = 200  # the String(200) id and path columns; PostgreSQL enforces it
_PURGE_CHUNK: Final = 20_000  # rows per DELETE, so a big purge never holds one long lock
_ROWS_PER_TURN: Final = 500  # events turned into rows between yields to the loop
_WARN_EVERY: Final = 60.0  # seconds between repeated warnings of one ongoing problem

_Row = dict[str, object]
# Plain strings: reading an enum member's .value costs a descriptor call per row.
_BOOL: Final = ValueKind.BOOL.value
_INT: Final = ValueKind.INT.value
_FLOAT: Final = ValueKind.FLOAT.value
_TEXT: Final = ValueKind.TEXT.value
_HistoryRow = tuple[str, str, str, int, float, str, float | None, str | None]
_HISTORY_COLUMNS: Final = (
    "space_id",
    "device_id",
    "path",
    "seq",
    "time",
    "kind",
    "value_num",
    "value_text",
)
# SQLite: the whole batch goes in as one JSON text and one statement. With executemany, the
# sqlite3 module releases and re-takes the GIL around every row's step; while the hub's loop
# keeps the GIL busy, each re-take waits for a switch interval (5 ms), and a 500-row batch
# took seconds. One statement parses the JSON in C, and the GIL is taken back once.
_SQLITE_HISTORY_INSERT: Final = sa.text(
    "INSERT INTO history"
    " (space_id, device_id, path, seq, time, kind, value_num, value_text)"
    " SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),"
    " json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'),"
    " json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]')"
    " FROM json_each(:rows)"
)
OnCommit = Callable[[int], None]
_RegistryKey = tuple[RegistryKind, str]


class Recorder:
    """Batched writer of history, device events and registry changes.

    Args:
        db: the open database.
        bus: the hub's bus; the recorder listens from :meth:`start` to :meth:`stop`.
        registry: the hub's registry, read when a ``RegistryChanged`` is written.
        clock: the hub's clock; retention counts age in its time.
        batch_size: most events written per transaction; a full batch is written at once.
        flush_interval: longest time (seconds) an event waits in the buffer when traffic is low.
        retention_days: history and events older than this are purged; None keeps everything.
        max_pending: cap of the in-memory buffer (about 150 bytes per event); past it the
            oldest events are dropped.
        purge_interval: seconds between retention purges.
        on_commit: called (on the loop) with :attr:`committed_seq` after each commit.

    Attributes:
        committed_seq: every event with a sequence number up to this one is durably committed
            (or was counted in :attr:`dropped` / :attr:`rejected`).
        rows_written: history and event rows committed since start.
        dropped: events dropped because the buffer was full.
        rejected: events that could not be stored (a value no column can hold); logged.
        failures: write attempts that failed (each is retried).
    """

    def __init__(
        self,
        db: Database,
        bus: Bus,
        registry: Registry,
        *,
        clock: Clock,
        batch_size: int = 5_000,
        flush_interval: float = 1.0,
        retention_days: float | None = 30.0,
        max_pending: int = 200_000,
        purge_interval: float = 3_600.0,
        on_commit: OnCommit | None = None,
    ) -> None:
        if batch_size < 1 or max_pending < batch_size:
            raise ValueError(
                f"need 1 <= batch_size <= max_pending, got {batch_size} and {max_pending}"
            )
        self._db = db
        self._registry = registry
        self._clock = clock
        self._batch_size = batch_size
        self._flush_interval = flush_interval
        self._retention_days = retention_days
        self._max_pending = max_pending
        self._purge_interval = purge_interval
        self._on_commit = on_commit
        self._buffer: deque[HubEvent] = deque()
        self._dirty: dict[_RegistryKey, RegistryChanged] = {}
        self._seen_seq = 0
        self._stored_types: set[str] = set()
        self._loop = WriterLoop(bus, "recorder", "orbithub-recorder")
        self._lock = asyncio.Lock()
        self._failing_since: float | None = None
        self._last_warning = -math.inf
        self._unwarned_drops = 0
        self.committed_seq = 0
        self.rows_written = 0
        self.dropped = 0
        self.rejected = 0
        self.failures = 0

    @property
    def pending(self) -> int:
        """Events waiting in the buffer."""
        return len(self._buffer)

    @property
    def name(self) -> str:
        """``recorder`` (a :class:`~orbithub.core.lifecycle.Service`)."""
        return "recorder"

    # -- lifecycle ----------------------------------------------------------------------------
    async def start(self, tasks: asyncio.TaskGroup) -> None:
        """Listen to the bus and run the flush task in ``tasks``."""
        self._loop.start(tasks, self._on_event, self._run)

    async def stop(self) -> None:
        """Stop listening and write everything pending (one attempt; losses are logged)."""
        if await self._loop.stop():
            # The flush task never ran to its end (the task group is shutting down because
            # another task failed): write what we can.
            await self.flush()
        if self._buffer or self._dirty:
            _LOGGER.error(
                "recorder stopped with %d events and %d registry changes not written to %s "
                "(the database failed); they are lost",
                len(self._buffer),
                len(self._dirty),
                self._db.url,
            )

    async def flush(self) -> bool:
        """Write everything pending now.

        Returns:
            True when the buffer was emptied, False when a write failed (rows are kept).
        """
        written = True
        while written and (self._buffer or self._dirty):
            written = await self._write_batch()
        if self._unwarned_drops:
            self._warn_drops()
        return written

    async def purge(self) -> int:
        """Delete history and events older than the retention period.

        Returns:
            The number of rows deleted.
        """
        if self._retention_days is None:
            return 0
        cutoff = self._clock.now() - self._retention_days * 86_400.0
        deleted = 0
        for table in (history, events):
            while True:
                oldest = (
                    sa.select(table.c.id).where(table.c.time < cutoff).limit(_PURGE_CHUNK)
                ).scalar_subquery()
                async with self._db.begin() as conn:
                    result = await conn.execute(sa.delete(table).where(table.c.id.in_(oldest)))
                deleted += result.rowcount
                if result.rowcount < _PURGE_CHUNK:
                    break
        if deleted:
            _LOGGER.info("purged %d rows older than %s days", deleted, self._retention_days)
        return deleted

    # -- hot path -----------------------------------------------------------------------------
    def _on_event(self, event: HubEvent) -> None:
        """Bus listener. Loop only, O(1), never awaits."""
        self._seen_seq = event.seq
        if type(event) is RegistryChanged:
            self._dirty[(event.kind, event.record_id)] = event
            return
        if type(event) in _NOT_RECORDED:
            return
        buffer = self._buffer
        if len(buffer) >= self._max_pending:
            buffer.popleft()
            self.dropped += 1
            self._unwarned_drops += 1
        buffer.append(event)
        if len(buffer) >= self._batch_size:
            self._loop.wake.set()

    # -- flush task ---------------------------------------------------------------------------
    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        next_purge = loop.time()
        backoff = 0.0
        wake, stopped = self._loop.wake, self._loop.stopped
        while not stopped.is_set():
            if backoff:
                await wait_for(stopped, backoff)
            elif len(self._buffer) < self._batch_size:
                await wait_for(wake, self._flush_interval)
            wake.clear()
            backoff = 0.0 if await self.flush() else next_backoff(backoff)
            if loop.time() >= next_purge and not backoff:
                next_purge = loop.time() + self._purge_interval
                await self._purge_quietly()
        # Stopping: one last attempt to write what is left.
        await self.flush()

    async def _purge_quietly(self) -> None:
        try:
            await self.purge()
        except Exception as exc:  # a failed purge is retried next interval
            _LOGGER.warning("retention purge failed on %s: %s; will retry", self._db.url, exc)

    async def _write_batch(self) -> bool:
        async with self._lock:
            buffer = self._buffer
            count = min(len(buffer), self._batch_size)
            batch = [buffer.popleft() for _ in range(count)]
            dirty, self._dirty = self._dirty, {}
            # Everything seen so far is in this transaction when the buffer is now empty.
            upto = batch[-1].seq if buffer else self._seen_seq
            started = time.perf_counter()
            try:
                history_rows, event_rows, rejected = await self._rows(batch)
                changes = self._registry_changes(dirty)
                async with self._db.begin() as conn:
                    if history_rows:
                        await _insert_history(conn, history_rows)
                    if event_rows:
                        await conn.execute(events.insert(), event_rows)
                    new_types = await changes.write(conn, self._stored_types)
            except BaseException as exc:
                self._requeue(batch, dirty)
                if isinstance(exc, Exception):
                    self._write_failed(exc)
                    return False
                raise  # cancelled: the rows are back in the buffer for whoever stops us
            self._stored_types |= new_types
            self._reject(rejected)
            rows = len(history_rows) + len(event_rows)
            self.rows_written += rows
            self.committed_seq = max(self.committed_seq, upto)
            if self._failing_since is not None:
                _LOGGER.info(
                    "writing to %s works again after %.0f s",
                    self._db.url,
                    time.monotonic() - self._failing_since,
                )
                self._failing_since = None
            _LOGGER.debug(
                "committed %d rows up to seq %d in %.1f ms",
                rows,
                self.committed_seq,
                (time.perf_counter() - started) * 1000,
            )
        if self._on_commit is not None:
            try:
                self._on_commit(self.committed_seq)
            except Exception:
                _LOGGER.exception("recorder on_commit callback failed")
        return True

    def _requeue(self, batch: list[HubEvent], dirty: dict[_RegistryKey, RegistryChanged]) -> None:
        buffer = self._buffer
        buffer.extendleft(reversed(batch))
        while len(buffer) > self._max_pending:
            buffer.popleft()
            self.dropped += 1
            self._unwarned_drops += 1
        # Newer changes of the same record, seen during the failed write, win.
        for key, change in dirty.items():
            self._dirty.setdefault(key, change)

    def _write_failed(self, exc: Exception) -> None:
        self.failures += 1
        now = time.monotonic()
        if self._failing_since is None:
            self._failing_since = now
        if now - self._last_warning >= _WARN_EVERY:
            self._last_warning = now
            _LOGGER.warning(
                "cannot write history to %s (%s: %s); keeping %d events in memory and "
                "retrying; check that the database is up and has free space",
                self._db.url,
                type(exc).__name__,
                str(exc).splitlines()[0] if str(exc) else "",
                len(self._buffer),
            )

    def _warn_drops(self) -> None:
        _LOGGER.warning(
            "recorder buffer full (%d events): dropped the %d oldest events, %d in all; "
            "the database at %s is not keeping up or is down",
            self._max_pending,
            self._unwarned_drops,
            self.dropped,
            self._db.url,
        )
        self._unwarned_drops = 0

    # -- rows ---------------------------------------------------------------------------------
    async def _rows(
        self, batch: list[HubEvent]
    ) -> tuple[list[_HistoryRow], list[_Row], list[HubEvent]]:
        history_rows: list[_HistoryRow] = []
        event_rows: list[_Row] = []
        rejected: list[HubEvent] = []
        for index, event in enumerate(batch, start=1):
            if index % _ROWS_PER_TURN == 0:
                # Building rows is loop work (a few us per event); give the hub its turn so a
                # big batch never delays an automation by more than a millisecond or so.
                await asyncio.sleep(0)
            try:
                if type(event) is PropertyChanged:
                    history_row = _history_row(event)
                    if history_row is not None:
                        history_rows.append(history_row)
                        continue
                else:
                    event_row = _event_row(event)
                    if event_row is not None:
                        event_rows.append(event_row)
                        continue
            except Exception:
                # A malformed event must not poison the batch it is in (it would fail forever).
                _LOGGER.exception("cannot turn event %r into a row", event)
            rejected.append(event)
        return history_rows, event_rows, rejected

    def _reject(self, rejected: list[HubEvent]) -> None:
        # Counted once the batch is committed, so a retried batch does not count them twice.
        self.rejected += len(rejected)
        for event in rejected:
            _LOGGER.warning(
                "not recording %s %s of device %r (seq %d): its value cannot be stored",
                type(event).__name__,
                getattr(event, "path", ""),
                getattr(event, "device_id", ""),
                event.seq,
            )

    def _registry_changes(self, dirty: dict[_RegistryKey, RegistryChanged]) -> _RegistryWrite:
        write = _RegistryWrite()
        for (kind, record_id), change in dirty.items():
            record: Space | Room | Device | None = None
            if not change.removed:
                record = self._current(kind, record_id)
            if record is None:
                write.removed.setdefault(kind, []).append(record_id)
            elif isinstance(record, Space):
                write.spaces.append(record)
            elif isinstance(record, Room):
                write.rooms.append(record)
            else:
                write.devices.append(record)
        return write

    def _current(self, kind: RegistryKind, record_id: str) -> Space | Room | Device | None:
        try:
            if kind is RegistryKind.SPACE:
                return self._registry.space(record_id)
            if kind is RegistryKind.ROOM:
                return self._registry.room(record_id)
        except CoreError:
            return None
        return self._registry.find_device(record_id)


class _RegistryWrite:
    """The registry records one batch writes or deletes."""

    def __init__(self) -> None:
        self.spaces: list[Space] = []
        self.rooms: list[Room] = []
        self.devices: list[Device] = []
        self.removed: dict[RegistryKind, list[str]] = {}

    async def write(self, conn: AsyncConnection, stored_types: set[str]) -> set[str]:
        """Upsert and delete inside the batch's transaction; returns device types stored."""
        await put_spaces(conn, self.spaces)
        await put_rooms(conn, self.rooms)
        new_types = await put_devices(conn, self.devices, stored_types)
        tables = {RegistryKind.SPACE: spaces, RegistryKind.ROOM: rooms}
        for kind, ids in self.removed.items():
            await remove(conn, tables.get(kind, devices), ids)
        return new_types


async def _insert_history(conn: AsyncConnection, rows: list[_HistoryRow]) -> None:
    if conn.dialect.name == "sqlite":
        await conn.execute(_SQLITE_HISTORY_INSERT, {"rows": orjson.dumps(rows).decode()})
        return
    # PostgreSQL: COPY, several times faster than executemany. asyncpg only opens the
    # transaction SQLAlchemy began at the first statement, so run one before the COPY, or the
    # COPY would commit on its own, outside the batch's transaction.
    await conn.execute(sa.text("SELECT 1"))
    driver = (await conn.get_raw_connection()).driver_connection
    if driver is None or not hasattr(driver, "copy_records_to_table"):
        await conn.execute(
            history.insert(), [dict(zip(_HISTORY_COLUMNS, r, strict=True)) for r in rows]
        )
        return
    await driver.copy_records_to_table("history", records=rows, columns=_HISTORY_COLUMNS)


def _fits(space_id: str, device_id: str, path: str) -> bool:
    return len(space_id) <= _ID_LIMIT and len(device_id) <= _ID_LIMIT and len(path) <= _ID_LIMIT


def _history_row(event: PropertyChanged) -> _HistoryRow | None:
    if not _fits(event.space_id, event.device_id, event.path):
        return None
    value: object = event.value  # typed Value, but a buggy adapter may slip anything through
    num: float | None = None
    text: str | None = None
    if isinstance(value, bool):  # before int: bool is an int subclass
        kind, num = _BOOL, 1.0 if value else 0.0
    elif isinstance(value, int):
        kind, num = _INT, float(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return None
        kind, num = _FLOAT, value
    elif isinstance(value, str):
        kind, text = _TEXT, _text(value)
    else:
        return None
    return (
        event.space_id,
        event.device_id,
        event.path,
        event.seq,
        event.time,
        kind,
        num,
        text,
    )


def _text(value: object) -> str:
    # PostgreSQL text cannot hold NUL; one such value would fail its whole batch forever.
    return str(value).replace("\x00", "\ufffd")


def _json_value(value: object) -> Value:
    if isinstance(value, bool | int | str):
        return _text(value) if isinstance(value, str) else value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    return _text(repr(value))


def _arguments(arguments: object) -> dict[str, Value]:
    out: dict[str, Value] = {}
    if isinstance(arguments, tuple | list):
        for item in arguments:
            if isinstance(item, tuple | list) and len(item) == 2:
                out[_text(item[0])] = _json_value(item[1])
    return out


def _context(context: Context) -> dict[str, object]:
    return {"origin": str(context.origin), "actor": context.actor, "context_id": context.id}


_NOT_RECORDED: Final = (NotificationRequested, UserMessage, CommandDecided)
"""Messages to people, not facts about the home: the notification centre keeps those. Decided
commands go to the audit log (their delivery is recorded as ``CommandSent``)."""


def _event_row(event: HubEvent) -> _Row | None:
    payload: dict[str, object]
    device_id = ""
    if isinstance(event, DeviceEvent | DeviceOnline | CommandSent | ZoneChanged):
        device_id = event.device_id
    if isinstance(event, DeviceEvent):
        kind, path = EventKind.EVENT, event.path
        payload = {"arguments": _arguments(event.arguments)}
    elif isinstance(event, DeviceOnline):
        kind, path = EventKind.ONLINE, ""
        payload = {"online": bool(event.online)}
    elif isinstance(event, CommandSent):
        kind, path = EventKind.COMMAND, event.path
        payload = {
            "command": str(event.kind),
            "arguments": _arguments(event.arguments),
            "confirmed": bool(event.confirmed),
            "message": _text(event.message),
        }
    elif isinstance(event, ZoneChanged):
        kind, path = EventKind.ZONE, ""
        payload = {"entered": bool(event.entered), "distance_m": float(event.distance_m)}
    elif isinstance(event, PresenceChanged):
        kind, path = EventKind.PRESENCE, event.person
        payload = {"present": bool(event.present), "people_present": list(event.people_present)}
    elif isinstance(event, AutomationRun):
        kind, path = EventKind.AUTOMATION, event.automation_id
        payload = {"run_id": event.run_id, "outcome": event.outcome, "message": event.message}
    else:
        return None
    if not _fits(event.space_id, device_id, path):
        return None
    payload.update(_context(event.context))
    return {
        "space_id": event.space_id,
        "device_id": device_id,
        "seq": event.seq,
        "time": event.time,
        "kind": kind,
        "path": path,
        "payload": payload,
    }
