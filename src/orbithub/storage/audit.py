"""The audit log: who did what to which target, when, and how it ended.

Every command from a person and every configuration change (users, grants, tokens) is written
here by the API. Entries are never updated; retention may purge old ones later.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from orbithub.storage.db import Database
from orbithub.storage.tables import audit_log

__all__ = ["AuditEntry", "read_audit", "write_audit"]

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
