"""The audit log: who did what to which target, when, and how it ended.

Commands of every origin reach it as :class:`~orbithub.core.events.CommandDecided` events: the
guarded command entry publishes one per command, accepted or refused, and :class:`AuditTrail`
writes them. Configuration changes (users, grants, tokens) are written by the API with
:func:`write_audit`. Entries are never updated; retention may purge old ones later.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from orbithub.core.bus import Bus
from orbithub.core.events import CommandDecided, CommandKind, HubEvent
from orbithub.storage.batching import WriterLoop, next_backoff, wait_for
from orbithub.storage.db import Database
from orbithub.storage.tables import audit_log

__all__ = ["AuditEntry", "AuditTrail", "read_audit", "write_audit"]

_LOGGER = logging.getLogger(__name__)

_TEXT_LIMITS = {"actor": 200, "action": 100, "target": 300, "result": 50}


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audited act.

    Attributes:
        id: increasing id.
        time: when (epoch seconds, hub time).
        actor: who (a user name, ``system``).
        action: what (``device.set``, ``user.create``, ``grant.delete``...).
        target: on what (``front-door-lock/lock.locked``, a user name, a grant id).
        space_id: the space it concerns, None for hub-wide changes.
        result: how it ended (``ok``, ``confirmed``, ``rejected``, ``forbidden``...).
        detail: anything else worth keeping (the value, the error message).
    """

    id: int
    time: float
    actor: str
    action: str
    target: str
    space_id: str | None
    result: str
    detail: Mapping[str, object] = field(default_factory=dict)


def _clip(name: str, text: str) -> str:
    limit = _TEXT_LIMITS[name]
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def write_audit(
    db: Database,
    *,
    actor: str,
    action: str,
    target: str,
    detail: Mapping[str, object] | None = None,
    space_id: str | None = None,
    result: str = "ok",
    time: float,
) -> int:
    """Append one entry; returns its id.

    Args:
        db: the database.
        actor: who did it.
        action: what they did.
        target: what it was done to.
        detail: JSON-serialisable details.
        space_id: the space concerned, if any.
        result: how it ended.
        time: when (hub time).

    Returns:
        The new entry's id.
    """
    async with db.engine.begin() as conn:
        inserted = await conn.execute(
            audit_log.insert()
            .values(
                time=time,
                actor=_clip("actor", actor),
                action=_clip("action", action),
                target=_clip("target", target),
                space_id=space_id,
                result=_clip("result", result),
                detail=dict(detail or {}),
            )
            .returning(audit_log.c.id)
        )
        return int(inserted.scalar_one())


def _entry(row: Any) -> AuditEntry:
    detail = row.detail if isinstance(row.detail, dict) else {}
    return AuditEntry(
        row.id, row.time, row.actor, row.action, row.target, row.space_id, row.result, detail
    )


async def read_audit(
    db: Database,
    *,
    since: float | None = None,
    limit: int = 100,
    space_ids: Collection[str] | None = None,
    include_hub_wide: bool = True,
) -> list[AuditEntry]:
    """Entries newest first.

    Args:
        db: the database.
        since: only entries at or after this time.
        limit: at most this many.
        space_ids: only entries of these spaces (None: every space).
        include_hub_wide: with ``space_ids``, also entries that concern no space.

    Returns:
        The entries, newest first.
    """
    stmt = sa.select(audit_log).order_by(audit_log.c.time.desc(), audit_log.c.id.desc())
    if since is not None:
        stmt = stmt.where(audit_log.c.time >= since)
    if space_ids is not None:
        scope: sa.ColumnElement[bool] = audit_log.c.space_id.in_(list(space_ids))
        if include_hub_wide:
            scope = sa.or_(scope, audit_log.c.space_id.is_(None))
        stmt = stmt.where(scope)
    async with db.engine.connect() as conn:
        return [_entry(r) for r in await conn.execute(stmt.limit(limit))]


_ACCEPTED_RESULTS = frozenset({"confirmed", "unconfirmed"})


def _command_row(event: CommandDecided) -> dict[str, object]:
    detail: dict[str, object] = {"via": event.via}
    if event.kind is CommandKind.SET:
        action = "device.set"
        detail["value"] = event.arguments[0][1] if event.arguments else None
    else:
        action = "device.call"
        detail["arguments"] = dict(event.arguments)
    if event.message:
        detail["message" if event.result in _ACCEPTED_RESULTS else "error"] = event.message
    if event.context.owner is not None:
        detail["owner"] = event.context.owner
    detail["context_id"] = event.context.id
    return {
        "time": event.time,
        "actor": _clip("actor", event.actor),
        "action": action,
        "target": _clip("target", f"{event.device_id}/{event.path}"),
        "space_id": event.space_id,
        "result": _clip("result", event.result),
        "detail": detail,
    }


class AuditTrail:
    """Writes every command the bus reports as decided into the audit log, in batches.

    The bus listener only appends (loop only, O(1)); a task writes what gathered in one
    transaction. A failing database is retried with backoff; past ``max_pending`` entries the
    oldest are dropped and the loss is logged, so the hub never waits for the disk.

    Args:
        db: the database holding the audit log.
        bus: the hub's bus.
        max_pending: entries held while the database is unavailable.
    """

    def __init__(self, db: Database, bus: Bus, *, max_pending: int = 10_000) -> None:
        self._db = db
        self._max_pending = max_pending
        self._pending: deque[dict[str, object]] = deque()
        self._loop = WriterLoop(bus, "audit trail", "orbithub-audit")
        self._lock = asyncio.Lock()
        self.written = 0
        self.dropped = 0

    @property
    def pending(self) -> int:
        """Entries not yet written."""
        return len(self._pending)

    @property
    def name(self) -> str:
        """``audit trail`` (a :class:`~orbithub.core.lifecycle.Service`)."""
        return "audit trail"

    async def start(self, tasks: asyncio.TaskGroup) -> None:
        """Listen to the bus and run the writer in ``tasks``."""
        self._loop.start(tasks, self._on_event, self._run)

    async def stop(self) -> None:
        """Stop listening and write what is pending (one attempt; a loss is logged)."""
        await self._loop.stop()
        if not await self.flush():
            _LOGGER.error(
                "audit trail stopped with %d entries not written to %s; they are lost",
                len(self._pending),
                self._db.url,
            )

    async def flush(self) -> bool:
        """Write everything pending now; False when the database refused (entries are kept)."""
        async with self._lock:
            if not self._pending:
                return True
            rows = list(self._pending)
            try:
                async with self._db.engine.begin() as conn:
                    await conn.execute(audit_log.insert(), rows)
            except Exception as exc:
                _LOGGER.warning(
                    "could not write %d audit entries to %s (%s); will retry",
                    len(rows),
                    self._db.url,
                    exc,
                )
                return False
            for _ in rows:
                self._pending.popleft()
            self.written += len(rows)
            return True

    def _on_event(self, event: HubEvent) -> None:
        if type(event) is not CommandDecided:
            return
        if len(self._pending) >= self._max_pending:
            self._pending.popleft()
            self.dropped += 1
            _LOGGER.error(
                "audit trail full (%d entries; the database is failing): dropped the oldest",
                self._max_pending,
            )
        self._pending.append(_command_row(event))
        self._loop.wake.set()

    async def _run(self) -> None:
        backoff = 0.0
        wake, stopped = self._loop.wake, self._loop.stopped
        while not stopped.is_set():
            if backoff:
                await wait_for(stopped, backoff)
            else:
                await wake.wait()
            wake.clear()
            backoff = 0.0 if await self.flush() else next_backoff(backoff)
