"""Store sign-in tokens: rotating refresh tokens, long-lived integration tokens, hub secrets.

A token handed to a client is ``<id>.<secret>`` (refresh) or ``oh_<id>_<secret>``
(integration). Only the SHA-256 digest of the secret is stored: the secrets are 256 random
bits, so a slow password hash would add nothing but latency, and a stolen database gives no
usable token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from orbithub.storage.db import Database
from orbithub.storage.tables import api_tokens, hub_secrets, refresh_tokens

__all__ = [
    "ApiToken",
    "RefreshOutcome",
    "create_api_token",
    "delete_api_token",
    "forget_secret",
    "is_api_token",
    "issue_refresh_token",
    "list_api_tokens",
    "revoke_refresh_family",
    "revoke_user_refresh_tokens",
    "rotate_refresh_token",
    "secret",
    "session_alive",
    "stored_secret",
    "touch_api_token",
    "verify_api_token",
]

_API_PREFIX = "oh_"


def _digest(secret_text: str) -> str:
    return hashlib.sha256(secret_text.encode()).hexdigest()


def _same(secret_text: str, digest: str) -> bool:
    return hmac.compare_digest(_digest(secret_text), digest)


async def secret(db: Database, name: str, factory: Callable[[], str]) -> str:
    """The hub secret called ``name``, created with ``factory`` the first time it is asked for.

    Two processes asking at once both end up with the one value that was stored first.
    """
    async with db.engine.begin() as conn:
        stored = await conn.scalar(sa.select(hub_secrets.c.value).where(hub_secrets.c.name == name))
        if stored is not None:
            return str(stored)
        try:
            async with conn.begin_nested():
                value = factory()
                await conn.execute(hub_secrets.insert().values(name=name, value=value))
                return value
        except sa.exc.IntegrityError:
            pass
        stored = await conn.scalar(sa.select(hub_secrets.c.value).where(hub_secrets.c.name == name))
        return str(stored)


async def stored_secret(db: Database, name: str) -> str | None:
    """The hub secret called ``name`` when the database holds one (nothing is created)."""
    async with db.engine.connect() as conn:
        stored = await conn.scalar(sa.select(hub_secrets.c.value).where(hub_secrets.c.name == name))
    return None if stored is None else str(stored)


async def forget_secret(db: Database, name: str) -> None:
    """Delete the hub secret called ``name`` (it moved to a file only the hub may read)."""
    async with db.engine.begin() as conn:
        await conn.execute(hub_secrets.delete().where(hub_secrets.c.name == name))


# -- refresh tokens ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RefreshOutcome:
    """What presenting a refresh token led to.

    Attributes:
        user_id: whose token it was (None when it matched nothing).
        token: the new refresh token (None unless it was valid and rotated).
        reused: it had already been rotated: someone replayed it, so its family is revoked.
        family_id: the sign-in session the token belongs to (None when it matched nothing).
    """

    user_id: str | None
    token: str | None
    reused: bool = False
    family_id: str | None = None


async def issue_refresh_token(
    db: Database, *, user_id: str, now: float, ttl: float, family_id: str | None = None
) -> str:
    """Store a new refresh token (a new family at sign-in) and return it in clear text."""
    token_id = uuid.uuid4().hex
    secret_text = secrets.token_urlsafe(32)
    async with db.engine.begin() as conn:
        await conn.execute(
            refresh_tokens.insert().values(
                id=token_id,
                user_id=user_id,
                family_id=family_id or uuid.uuid4().hex,
                token_hash=_digest(secret_text),
                issued_at=now,
                expires_at=now + ttl,
            )
        )
    return f"{token_id}.{secret_text}"


async def _find_refresh(conn: AsyncConnection, token: str) -> Any:
    token_id, _, secret_text = token.partition(".")
    if not token_id or not secret_text:
        return None
    row = (
        await conn.execute(sa.select(refresh_tokens).where(refresh_tokens.c.id == token_id))
    ).first()
    if row is None or not _same(secret_text, row.token_hash):
        return None
    return row


async def rotate_refresh_token(
    db: Database, token: str, *, now: float, ttl: float
) -> RefreshOutcome:
    """Exchange a refresh token for a new one of the same family.

    A token that was already exchanged is being replayed (stolen, or a client bug): the whole
    family is revoked, so the thief and the victim both have to sign in again.
    """
    async with db.engine.begin() as conn:
        row = await _find_refresh(conn, token)
        if row is None or row.revoked_at is not None or row.expires_at <= now:
            return RefreshOutcome(None, None)
        rotated = await conn.execute(
            refresh_tokens.update()
            .where(refresh_tokens.c.id == row.id, refresh_tokens.c.rotated_at.is_(None))
            .values(rotated_at=now)
        )
        if not rotated.rowcount:
            await conn.execute(
                refresh_tokens.update()
                .where(
                    refresh_tokens.c.family_id == row.family_id,
                    refresh_tokens.c.revoked_at.is_(None),
                )
                .values(revoked_at=now)
            )
            return RefreshOutcome(row.user_id, None, reused=True)
        token_id = uuid.uuid4().hex
        secret_text = secrets.token_urlsafe(32)
        await conn.execute(
            refresh_tokens.insert().values(
                id=token_id,
                user_id=row.user_id,
                family_id=row.family_id,
                token_hash=_digest(secret_text),
                issued_at=now,
                expires_at=now + ttl,
            )
        )
    return RefreshOutcome(row.user_id, f"{token_id}.{secret_text}", family_id=row.family_id)


async def revoke_refresh_family(db: Database, token: str, *, now: float) -> str | None:
    """Sign out: revoke the token's whole family; returns its user's id (None: unknown token)."""
    async with db.engine.begin() as conn:
        row = await _find_refresh(conn, token)
        if row is None:
            return None
        await conn.execute(
            refresh_tokens.update()
            .where(
                refresh_tokens.c.family_id == row.family_id,
                refresh_tokens.c.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
    return str(row.user_id)


async def session_alive(db: Database, family_id: str) -> bool:
    """Whether the sign-in session ``family_id`` has not been signed out (nor revoked)."""
    async with db.engine.connect() as conn:
        found = await conn.scalar(
            sa.select(refresh_tokens.c.id)
            .where(refresh_tokens.c.family_id == family_id, refresh_tokens.c.revoked_at.is_(None))
            .limit(1)
        )
    return found is not None


async def revoke_user_refresh_tokens(db: Database, user_id: str, *, now: float) -> None:
    """Revoke every refresh token of a user (after a password change)."""
    async with db.engine.begin() as conn:
        await conn.execute(
            refresh_tokens.update()
            .where(refresh_tokens.c.user_id == user_id, refresh_tokens.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )


# -- integration tokens ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ApiToken:
    """A long-lived token for an integration (a wall tablet, a script), scoped to spaces.

    Attributes:
        id: stable id.
        user_id: the user it acts for; it never has more rights than they have.
        name: what it is for.
        space_ids: the spaces it may reach; empty: every space the user may reach.
        created_at: epoch seconds.
        expires_at: epoch seconds after which it is refused; None: never.
        last_used_at: when it was last accepted.
    """

    id: str
    user_id: str
    name: str
    space_ids: tuple[str, ...]
    created_at: float
    expires_at: float | None
    last_used_at: float | None


def _api_token(row: Any) -> ApiToken:
    spaces = row.space_ids if isinstance(row.space_ids, list) else []
    return ApiToken(
        row.id,
        row.user_id,
        row.name,
        tuple(str(s) for s in spaces),
        row.created_at,
        row.expires_at,
        row.last_used_at,
    )


async def create_api_token(
    db: Database,
    *,
    user_id: str,
    name: str,
    space_ids: Sequence[str],
    expires_at: float | None,
    now: float,
) -> tuple[str, ApiToken]:
    """Store a new integration token; returns it in clear text (shown once) and its record."""
    token_id = uuid.uuid4().hex
    secret_text = secrets.token_urlsafe(32)
    record = ApiToken(token_id, user_id, name, tuple(space_ids), now, expires_at, None)
    async with db.engine.begin() as conn:
        await conn.execute(
            api_tokens.insert().values(
                id=token_id,
                user_id=user_id,
                name=name,
                token_hash=_digest(secret_text),
                space_ids=list(space_ids),
                created_at=now,
                expires_at=expires_at,
            )
        )
    return f"{_API_PREFIX}{token_id}_{secret_text}", record


def is_api_token(token: str) -> bool:
    """Whether ``token`` has the shape of an integration token (not a signed access token)."""
    return token.startswith(_API_PREFIX)


async def verify_api_token(db: Database, token: str, *, now: float) -> ApiToken | None:
    """The record of a valid, unexpired integration token, or None."""
    if not is_api_token(token):
        return None
    token_id, _, secret_text = token[len(_API_PREFIX) :].partition("_")
    if not token_id or not secret_text:
        return None
    async with db.engine.connect() as conn:
        row = (await conn.execute(sa.select(api_tokens).where(api_tokens.c.id == token_id))).first()
    if row is None or not _same(secret_text, row.token_hash):
        return None
    if row.expires_at is not None and row.expires_at <= now:
        return None
    return _api_token(row)


async def touch_api_token(db: Database, token_id: str, *, now: float) -> None:
    """Note that a token was used (shown to the owner, to spot forgotten tokens)."""
    async with db.engine.begin() as conn:
        await conn.execute(
            api_tokens.update().where(api_tokens.c.id == token_id).values(last_used_at=now)
        )


async def list_api_tokens(db: Database, user_id: str | None = None) -> list[ApiToken]:
    """The integration tokens of one user (or all), oldest first."""
    stmt = sa.select(api_tokens).order_by(api_tokens.c.created_at, api_tokens.c.id)
    if user_id is not None:
        stmt = stmt.where(api_tokens.c.user_id == user_id)
    async with db.engine.connect() as conn:
        return [_api_token(r) for r in await conn.execute(stmt)]


async def delete_api_token(db: Database, token_id: str, user_id: str | None = None) -> bool:
    """Delete an integration token (only the user's own when ``user_id`` is given)."""
    stmt = api_tokens.delete().where(api_tokens.c.id == token_id)
    if user_id is not None:
        stmt = stmt.where(api_tokens.c.user_id == user_id)
    async with db.engine.begin() as conn:
        result = await conn.execute(stmt)
    return bool(result.rowcount)
