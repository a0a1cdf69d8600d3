"""Store accounts: users with their role, and the grants that scope them to spaces.

Passwords arrive here already hashed (argon2, by the API); this module never sees plain text.
Every function takes the :class:`Database` and runs its own short transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import sqlalchemy as sa

from orbithub.storage.db import Database
from orbithub.storage.errors import StorageError
from orbithub.storage.tables import api_tokens, grants, refresh_tokens, users

__all__ = [
    "Grant",
    "Role",
    "User",
    "UsernameTakenError",
    "add_grant",
    "count_users",
    "create_user",
    "delete_grant",
    "delete_user",
    "end_sessions",
    "get_grant",
    "get_user",
    "get_user_by_username",
    "list_grants",
    "list_users",
    "uncounted_people",
    "update_user",
]


class Role(StrEnum):
    """What a person is to the hub; see ``orbithub.api.deps`` for what each may do."""

    OWNER = "owner"
    ADULT = "adult"
    CHILD = "child"
    GUEST = "guest"


class UsernameTakenError(StorageError):
    """Another user already has that user name."""


@dataclass(frozen=True, slots=True)
class User:
    """A person who signs in to the hub.

    Attributes:
        id: stable id.
        username: the sign-in name; also the person named by a device's ``owner``.
        display_name: how the apps greet them.
        role: owner, adult, child or guest.
        language: preferred language tag (``en``, ``zh-CN``).
        password_hash: the argon2 hash of their password.
        created_at: epoch seconds.
        session_epoch: bumped when their password changes; access tokens signed in an older
            epoch are refused.
        counts_for_presence: whether their phones count toward who is home; None: the role
            decides (a guest's phone does not count, everyone else's does).
        security_notices: for an owner, whether to be told when a guest or a child unlocks or
            opens a security device.
    """

    id: str
    username: str
    display_name: str
    role: Role
    language: str
    password_hash: str
    created_at: float
    session_epoch: int = 0
    counts_for_presence: bool | None = None
    security_notices: bool = True

    @property
    def presence_counts(self) -> bool:
        """Whether this user's phones count toward presence (the setting, else the role)."""
        if self.counts_for_presence is not None:
            return self.counts_for_presence
        return self.role is not Role.GUEST


@dataclass(frozen=True, slots=True)
class Grant:
    """Access of one user to one space, optionally only to some rooms or devices.

    Attributes:
        id: stable id.
        user_id: the user it is for.
        space_id: the space.
        room_ids: None for the whole space, else only devices in these rooms (plus
            ``device_ids``).
        device_ids: None for the whole space, else only these devices (plus ``room_ids``).
        expires_at: hub time (epoch seconds) after which it no longer applies; None: never.
        created_at: epoch seconds.
    """

    id: str
    user_id: str
    space_id: str
    room_ids: tuple[str, ...] | None
    device_ids: tuple[str, ...] | None
    expires_at: float | None
    created_at: float

    @property
    def whole_space(self) -> bool:
        """Whether the grant covers every room and device of its space."""
        return self.room_ids is None and self.device_ids is None

    def active(self, now: float) -> bool:
        """Whether the grant applies at hub time ``now``."""
        return self.expires_at is None or now < self.expires_at


def _new_id() -> str:
    return uuid.uuid4().hex


def _user(row: Any) -> User:
    return User(
        row.id,
        row.username,
        row.display_name,
        Role(row.role),
        row.language,
        row.password_hash,
        row.created_at,
        int(row.session_epoch or 0),
        None if row.counts_for_presence is None else bool(row.counts_for_presence),
        bool(row.security_notices),
    )


def _ids(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


def _grant(row: Any) -> Grant:
    return Grant(
        row.id,
        row.user_id,
        row.space_id,
        _ids(row.room_ids),
        _ids(row.device_ids),
        row.expires_at,
        row.created_at,
    )


async def count_users(db: Database) -> int:
    """How many users exist (0 before onboarding)."""
    async with db.engine.connect() as conn:
        return int(await conn.scalar(sa.select(sa.func.count()).select_from(users)) or 0)


async def create_user(
    db: Database,
    *,
    username: str,
    display_name: str,
    role: Role,
    language: str,
    password_hash: str,
    now: float,
    only_if_none: bool = False,
) -> User | None:
    """Store a new user.

    Args:
        db: the database.
        username: unique sign-in name.
        display_name: display name.
        role: the role.
        language: language tag.
        password_hash: argon2 hash.
        now: creation time.
        only_if_none: create it only when no user exists yet (onboarding); else return None.

    Returns:
        The user, or None when ``only_if_none`` and a user already existed.

    Raises:
        UsernameTakenError: the user name is taken.
    """
    user = User(_new_id(), username, display_name, role, language, password_hash, now)
    async with db.engine.begin() as conn:
        if only_if_none and await conn.scalar(sa.select(sa.func.count()).select_from(users)):
            return None
        taken = await conn.scalar(sa.select(users.c.id).where(users.c.username == username))
        if taken is not None:
            raise UsernameTakenError(f"the user name {username!r} is taken; choose another")
        try:
            await conn.execute(
                users.insert().values(
                    id=user.id,
                    username=user.username,
                    display_name=user.display_name,
                    role=str(user.role),
                    language=user.language,
                    password_hash=user.password_hash,
                    created_at=user.created_at,
                )
            )
        except sa.exc.IntegrityError:
            raise UsernameTakenError(
                f"the user name {username!r} is taken; choose another"
            ) from None
    return user


async def get_user(db: Database, user_id: str) -> User | None:
    """The user with this id, or None."""
    async with db.engine.connect() as conn:
        row = (await conn.execute(sa.select(users).where(users.c.id == user_id))).first()
    return None if row is None else _user(row)


async def get_user_by_username(db: Database, username: str) -> User | None:
    """The user with this user name, or None."""
    async with db.engine.connect() as conn:
        row = (await conn.execute(sa.select(users).where(users.c.username == username))).first()
    return None if row is None else _user(row)


async def list_users(db: Database) -> list[User]:
    """Every user, oldest first."""
    async with db.engine.connect() as conn:
        rows = await conn.execute(sa.select(users).order_by(users.c.created_at, users.c.username))
        return [_user(r) for r in rows]


async def update_user(
    db: Database,
    user_id: str,
    *,
    display_name: str | None = None,
    role: Role | None = None,
    language: str | None = None,
    password_hash: str | None = None,
    counts_for_presence: bool | None = None,
    security_notices: bool | None = None,
) -> User | None:
    """Change some fields of a user; returns the new record, None when there is no such user.

    A new password also bumps the user's session epoch, which signs out every session.
    """
    values: dict[str, object] = {}
    if counts_for_presence is not None:
        values["counts_for_presence"] = counts_for_presence
    if security_notices is not None:
        values["security_notices"] = security_notices
    if display_name is not None:
        values["display_name"] = display_name
    if role is not None:
        values["role"] = str(role)
    if language is not None:
        values["language"] = language
    if password_hash is not None:
        values["password_hash"] = password_hash
        values["session_epoch"] = users.c.session_epoch + 1
    async with db.engine.begin() as conn:
        if values:
            await conn.execute(users.update().where(users.c.id == user_id).values(**values))
        row = (await conn.execute(sa.select(users).where(users.c.id == user_id))).first()
    return None if row is None else _user(row)


async def uncounted_people(db: Database) -> list[str]:
    """User names whose phones do not count toward presence (guests unless told otherwise)."""
    return sorted(u.username for u in await list_users(db) if not u.presence_counts)


async def end_sessions(db: Database, user_id: str) -> int | None:
    """Bump the user's session epoch (every access token signed before stops working).

    Returns:
        The new epoch, None when there is no such user.
    """
    async with db.engine.begin() as conn:
        await conn.execute(
            users.update()
            .where(users.c.id == user_id)
            .values(session_epoch=users.c.session_epoch + 1)
        )
        epoch = await conn.scalar(sa.select(users.c.session_epoch).where(users.c.id == user_id))
    return None if epoch is None else int(epoch)


async def delete_user(db: Database, user_id: str) -> bool:
    """Delete a user with their grants and tokens; returns whether the user existed."""
    async with db.engine.begin() as conn:
        await conn.execute(grants.delete().where(grants.c.user_id == user_id))
        await conn.execute(refresh_tokens.delete().where(refresh_tokens.c.user_id == user_id))
        await conn.execute(api_tokens.delete().where(api_tokens.c.user_id == user_id))
        result = await conn.execute(users.delete().where(users.c.id == user_id))
    return bool(result.rowcount)


async def add_grant(
    db: Database,
    *,
    user_id: str,
    space_id: str,
    room_ids: Sequence[str] | None,
    device_ids: Sequence[str] | None,
    expires_at: float | None,
    now: float,
) -> Grant:
    """Store a grant for a user (the caller checks that the user, space, rooms exist)."""
    grant = Grant(
        _new_id(),
        user_id,
        space_id,
        None if room_ids is None else tuple(room_ids),
        None if device_ids is None else tuple(device_ids),
        expires_at,
        now,
    )
    async with db.engine.begin() as conn:
        await conn.execute(
            grants.insert().values(
                id=grant.id,
                user_id=grant.user_id,
                space_id=grant.space_id,
                room_ids=None if grant.room_ids is None else list(grant.room_ids),
                device_ids=None if grant.device_ids is None else list(grant.device_ids),
                expires_at=grant.expires_at,
                created_at=grant.created_at,
            )
        )
    return grant


async def list_grants(db: Database, user_id: str | None = None) -> list[Grant]:
    """The grants of one user (or of everyone), oldest first."""
    stmt = sa.select(grants).order_by(grants.c.created_at, grants.c.id)
    if user_id is not None:
        stmt = stmt.where(grants.c.user_id == user_id)
    async with db.engine.connect() as conn:
        return [_grant(r) for r in await conn.execute(stmt)]


async def get_grant(db: Database, grant_id: str) -> Grant | None:
    """The grant with this id, or None."""
    async with db.engine.connect() as conn:
        row = (await conn.execute(sa.select(grants).where(grants.c.id == grant_id))).first()
    return None if row is None else _grant(row)


async def delete_grant(db: Database, grant_id: str) -> bool:
    """Delete a grant; returns whether it existed."""
    async with db.engine.begin() as conn:
        result = await conn.execute(grants.delete().where(grants.c.id == grant_id))
    return bool(result.rowcount)
