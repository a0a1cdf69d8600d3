"""Store the phone companion's records: phones and their tokens, push subscriptions, notifications.

* A registered phone gets a device token; only its SHA-256 digest is stored (the token is a
  long random string, so a fast hash suffices), and a revoked phone's token stops working.
* A push subscription belongs to one user and is keyed by its endpoint: a browser subscribing
  again (or for another user) replaces its earlier record.
* A notification is stored once with its recipients, each with their own read state. A
  notification with a tag replaces the earlier one with that tag in the same space.
* The Wi-Fi networks that mean "at this space" are kept per space for the presence tracker.

Every function takes the :class:`Database` and runs its own short transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from orbithub.storage.db import Database
from orbithub.storage.tables import (
    companion_phones,
    companion_wifi,
    notification_recipients,
    notifications,
    push_subscriptions,
)

__all__ = [
    "TOKEN_PREFIX",
    "Notification",
    "PhoneRecord",
    "StoredSubscription",
    "add_notification",
    "delete_subscription",
    "get_phone",
    "list_phones",
    "mark_read",
    "notifications_for",
    "phone_for_token",
    "purge_notifications",
    "register_phone",
    "revoke_phone",
    "save_subscription",
    "set_wifi_networks",
    "subscriptions_of",
    "touch_phone",
    "wifi_networks",
]

TOKEN_PREFIX = "ohp_"  # noqa: S105 - a prefix, not a secret
"""Device tokens start with this, so a leaked one is recognisable (and secret scanners can)."""
_MAX_LIST = 500


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# -- phones ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PhoneRecord:
    """A registered phone.

    Attributes:
        device_id: its device id in the hub.
        username: the user who registered it (its owner).
        space_id: the space it was registered in.
        created_at: when it was (last) registered.
        last_report_at: when it last reported (None: never).
        revoked_at: when its token was revoked (None: active).
    """

    device_id: str
    username: str
    space_id: str
    created_at: float
    last_report_at: float | None
    revoked_at: float | None


def _phone(row: Any) -> PhoneRecord:
    return PhoneRecord(
        row.device_id,
        row.username,
        row.space_id,
        row.created_at,
        row.last_report_at,
        row.revoked_at,
    )


async def register_phone(
    db: Database, *, device_id: str, username: str, space_id: str, now: float
) -> str:
    """Store a phone and return its new device token (shown once; only its digest is kept).

    Registering a known phone again replaces its token (the old one stops working) and clears a
    revocation.
    """
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = {
        "device_id": device_id,
        "username": username,
        "space_id": space_id,
        "token_hash": _digest(token),
        "created_at": now,
        "last_report_at": None,
        "revoked_at": None,
    }
    async with db.begin() as conn:
        await conn.execute(
            sa.delete(companion_phones).where(companion_phones.c.device_id == device_id)
        )
        await conn.execute(sa.insert(companion_phones), [row])
    return token


async def phone_for_token(db: Database, token: str) -> PhoneRecord | None:
    """The active phone holding this device token, or None (unknown, malformed or revoked)."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    digest = _digest(token)
    async with db.engine.connect() as conn:
        row = (
            await conn.execute(
                sa.select(companion_phones).where(companion_phones.c.token_hash == digest)
            )
        ).first()
    # The lookup is by digest; compare in constant time anyway so timing says nothing.
    if row is None or row.revoked_at is not None or not hmac.compare_digest(row.token_hash, digest):
        return None
    return _phone(row)


async def touch_phone(db: Database, device_id: str, *, now: float) -> None:
    """Record that a phone reported."""
    async with db.begin() as conn:
        await conn.execute(
            sa.update(companion_phones)
            .where(companion_phones.c.device_id == device_id)
            .values(last_report_at=now)
        )


async def revoke_phone(db: Database, device_id: str, *, now: float) -> bool:
    """Revoke a phone's token; returns False when it had none active."""
    async with db.begin() as conn:
        result = await conn.execute(
            sa.update(companion_phones)
            .where(
                companion_phones.c.device_id == device_id, companion_phones.c.revoked_at.is_(None)
            )
            .values(revoked_at=now)
        )
    return bool(result.rowcount)


async def get_phone(db: Database, device_id: str) -> PhoneRecord | None:
    """A registered phone by device id (revoked ones too)."""
    async with db.engine.connect() as conn:
        row = (
            await conn.execute(
                sa.select(companion_phones).where(companion_phones.c.device_id == device_id)
            )
        ).first()
    return None if row is None else _phone(row)


async def list_phones(db: Database, username: str | None = None) -> list[PhoneRecord]:
    """Registered phones (of one user), oldest first."""
    query = sa.select(companion_phones).order_by(companion_phones.c.created_at)
    if username is not None:
        query = query.where(companion_phones.c.username == username)
    async with db.engine.connect() as conn:
        return [_phone(row) for row in await conn.execute(query)]


# -- push subscriptions ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoredSubscription:
    """A user's Web Push subscription (keys base64url, as the browser gave them)."""

    username: str
    endpoint: str
    p256dh: str
    auth: str
    created_at: float


async def save_subscription(
    db: Database, *, username: str, endpoint: str, p256dh: str, auth: str, now: float
) -> None:
    """Store a subscription (a known endpoint is replaced: the browser subscribed again)."""
    row = {
        "endpoint": endpoint,
        "username": username,
        "p256dh": p256dh,
        "auth": auth,
        "created_at": now,
    }
    async with db.begin() as conn:
        await conn.execute(
            sa.delete(push_subscriptions).where(push_subscriptions.c.endpoint == endpoint)
        )
        await conn.execute(sa.insert(push_subscriptions), [row])


async def delete_subscription(db: Database, endpoint: str, *, username: str | None = None) -> bool:
    """Forget a subscription (only one of ``username`` when given); False when there was none."""
    query = sa.delete(push_subscriptions).where(push_subscriptions.c.endpoint == endpoint)
    if username is not None:
        query = query.where(push_subscriptions.c.username == username)
    async with db.begin() as conn:
        result = await conn.execute(query)
    return bool(result.rowcount)


async def subscriptions_of(db: Database, usernames: Collection[str]) -> list[StoredSubscription]:
    """Every subscription of these users."""
    if not usernames:
        return []
    query = (
        sa.select(push_subscriptions)
        .where(push_subscriptions.c.username.in_(sorted(usernames)))
        .order_by(push_subscriptions.c.created_at)
    )
    async with db.engine.connect() as conn:
        return [
            StoredSubscription(r.username, r.endpoint, r.p256dh, r.auth, r.created_at)
            for r in await conn.execute(query)
        ]


# -- notifications --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Notification:
    """A notification as one recipient sees it.

    Attributes:
        id: stable id.
        space_id: the space it is about.
        title: the headline.
        message: the text.
        severity: ``info``, ``warning`` or ``critical``.
        tag: the replacement key ("" for none).
        time: when it was requested (hub clock, epoch seconds).
        read_at: when this recipient read it (None: unread).
    """

    id: int
    space_id: str
    title: str
    message: str
    severity: str
    tag: str
    time: float
    read_at: float | None


async def add_notification(
    db: Database,
    *,
    space_id: str,
    title: str,
    message: str,
    severity: str,
    tag: str,
    time: float,
    recipients: Sequence[str],
) -> tuple[int, tuple[int, ...]]:
    """Store a notification for its recipients.

    Returns:
        Its id, and the ids of the notifications it replaced (same space and non-empty tag).
    """
    async with db.begin() as conn:
        replaced: tuple[int, ...] = ()
        if tag:
            found = await conn.execute(
                sa.select(notifications.c.id).where(
                    notifications.c.space_id == space_id, notifications.c.tag == tag
                )
            )
            replaced = tuple(int(r.id) for r in found)
            if replaced:
                await conn.execute(
                    sa.delete(notification_recipients).where(
                        notification_recipients.c.notification_id.in_(replaced)
                    )
                )
                await conn.execute(sa.delete(notifications).where(notifications.c.id.in_(replaced)))
        result = await conn.execute(
            sa.insert(notifications)
            .values(
                space_id=space_id,
                title=title,
                message=message,
                severity=severity,
                tag=tag,
                time=time,
            )
            .returning(notifications.c.id)
        )
        new_id = int(result.scalar_one())
        await conn.execute(
            sa.insert(notification_recipients),
            [
                {"notification_id": new_id, "username": name, "read_at": None}
                for name in sorted(set(recipients))
            ],
        )
    return new_id, replaced


async def notifications_for(
    db: Database,
    username: str,
    *,
    space_ids: Collection[str] | None = None,
    unread_only: bool = False,
    since: float | None = None,
    limit: int = 100,
) -> list[Notification]:
    """A user's notifications, newest first.

    Args:
        db: the database.
        username: the recipient.
        space_ids: only these spaces (None: all).
        unread_only: leave out what they read.
        since: only those at or after this time.
        limit: at most this many (capped at 500).
    """
    n, r = notifications, notification_recipients
    query = (
        sa.select(
            n.c.id,
            n.c.space_id,
            n.c.title,
            n.c.message,
            n.c.severity,
            n.c.tag,
            n.c.time,
            r.c.read_at,
        )
        .join(r, r.c.notification_id == n.c.id)
        .where(r.c.username == username)
        .order_by(n.c.time.desc(), n.c.id.desc())
        .limit(max(1, min(limit, _MAX_LIST)))
    )
    if space_ids is not None:
        query = query.where(n.c.space_id.in_(sorted(space_ids)))
    if unread_only:
        query = query.where(r.c.read_at.is_(None))
    if since is not None:
        query = query.where(n.c.time >= since)
    async with db.engine.connect() as conn:
        return [
            Notification(
                int(row.id),
                row.space_id,
                row.title,
                row.message,
                row.severity,
                row.tag,
                row.time,
                row.read_at,
            )
            for row in await conn.execute(query)
        ]


async def mark_read(db: Database, notification_id: int, username: str, *, now: float) -> bool:
    """Mark a notification read for one recipient; False when it is not theirs (or unknown).

    Reading it again keeps the first read time.
    """
    r = notification_recipients
    async with db.begin() as conn:
        row = (
            await conn.execute(
                sa.select(r.c.read_at).where(
                    r.c.notification_id == notification_id, r.c.username == username
                )
            )
        ).first()
        if row is None:
            return False
        if row.read_at is None:
            await conn.execute(
                sa.update(r)
                .where(r.c.notification_id == notification_id, r.c.username == username)
                .values(read_at=now)
            )
    return True


async def purge_notifications(db: Database, *, before: float) -> int:
    """Delete notifications older than ``before``; returns how many."""
    async with db.begin() as conn:
        old = [
            int(r.id)
            for r in await conn.execute(
                sa.select(notifications.c.id).where(notifications.c.time < before)
            )
        ]
        if not old:
            return 0
        await conn.execute(
            sa.delete(notification_recipients).where(
                notification_recipients.c.notification_id.in_(old)
            )
        )
        await conn.execute(sa.delete(notifications).where(notifications.c.id.in_(old)))
    return len(old)


# -- Wi-Fi per space ------------------------------------------------------------------------------
async def wifi_networks(db: Database) -> dict[str, tuple[str, ...]]:
    """The Wi-Fi networks (SSIDs) that mean "at this space", by space id."""
    async with db.engine.connect() as conn:
        rows = await conn.execute(sa.select(companion_wifi))
        return {row.space_id: tuple(str(s) for s in row.ssids) for row in rows}


async def set_wifi_networks(db: Database, space_id: str, ssids: Sequence[str]) -> None:
    """Set a space's Wi-Fi networks (empty: none)."""
    async with db.begin() as conn:
        await conn.execute(sa.delete(companion_wifi).where(companion_wifi.c.space_id == space_id))
        if ssids:
            await conn.execute(
                sa.insert(companion_wifi), [{"space_id": space_id, "ssids": list(ssids)}]
            )
