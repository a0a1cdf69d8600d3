"""Accounts storage: users, grants, refresh-token families and integration tokens."""

from __future__ import annotations

import pytest

from orbithub.storage import tokens, users
from orbithub.storage.db import Database
from orbithub.storage.tables import api_tokens
from orbithub.storage.users import Role, UsernameTakenError

T0 = 1_700_000_000.0


async def _user(db: Database, name: str = "alex", role: Role = Role.OWNER) -> users.User:
    user = await users.create_user(
        db,
        username=name,
        display_name=name.title(),
        role=role,
        language="zh-CN",
        password_hash="$argon2id$stub",  # noqa: S106 - not a real hash
        now=T0,
    )
    assert user is not None
    return user


async def test_users_round_trip(db: Database) -> None:
    assert await users.count_users(db) == 0
    alex = await _user(db)
    assert await users.get_user(db, alex.id) == alex
    assert await users.get_user_by_username(db, "alex") == alex
    with pytest.raises(UsernameTakenError):
        await _user(db)
    changed = await users.update_user(db, alex.id, role=Role.ADULT, language="en")
    assert changed is not None
    assert (changed.role, changed.language, changed.display_name) == (Role.ADULT, "en", "Alex")
    assert await users.update_user(db, "nobody", language="en") is None


async def test_onboarding_creates_only_the_first_user(db: Database) -> None:
    await _user(db)
    second = await users.create_user(
        db,
        username="eve",
        display_name="Eve",
        role=Role.OWNER,
        language="en",
        password_hash="x",  # noqa: S106 - not a real hash
        now=T0,
        only_if_none=True,
    )
    assert second is None
    assert [u.username for u in await users.list_users(db)] == ["alex"]


async def test_grants(db: Database) -> None:
    leo = await _user(db, "leo", Role.CHILD)
    whole = await users.add_grant(
        db, user_id=leo.id, space_id="home", room_ids=None, device_ids=None, expires_at=None, now=T0
    )
    scoped = await users.add_grant(
        db,
        user_id=leo.id,
        space_id="home",
        room_ids=["study"],
        device_ids=["front-door-lock"],
        expires_at=T0 + 60,
        now=T0 + 1,
    )
    stored = await users.list_grants(db, leo.id)
    assert stored == [whole, scoped]
    assert stored[0].whole_space
    assert not stored[1].whole_space
    assert stored[1].room_ids == ("study",)
    assert stored[1].active(T0 + 59)
    assert not stored[1].active(T0 + 60)
    assert await users.delete_grant(db, whole.id)
    assert not await users.delete_grant(db, whole.id)
    assert await users.get_grant(db, scoped.id) == scoped
    assert await users.delete_user(db, leo.id)
    assert await users.list_grants(db, leo.id) == []


async def test_refresh_token_rotation_and_reuse(db: Database) -> None:
    alex = await _user(db)
    first = await tokens.issue_refresh_token(db, user_id=alex.id, now=T0, ttl=100)
    rotated = await tokens.rotate_refresh_token(db, first, now=T0 + 1, ttl=100)
    assert rotated.user_id == alex.id
    assert rotated.token is not None
    replay = await tokens.rotate_refresh_token(db, first, now=T0 + 2, ttl=100)
    assert replay.reused
    assert replay.token is None
    # The replay revoked the family: the legitimate newer token is dead too.
    after = await tokens.rotate_refresh_token(db, rotated.token, now=T0 + 3, ttl=100)
    assert after.user_id is None
    assert after.token is None
    expired = await tokens.issue_refresh_token(db, user_id=alex.id, now=T0, ttl=10)
    assert (await tokens.rotate_refresh_token(db, expired, now=T0 + 10, ttl=10)).token is None
    forged = expired.split(".")[0] + ".guess"
    assert (await tokens.rotate_refresh_token(db, forged, now=T0, ttl=10)).user_id is None


async def test_integration_tokens_are_stored_hashed(db: Database) -> None:
    alex = await _user(db)
    secret, record = await tokens.create_api_token(
        db, user_id=alex.id, name="tablet", space_ids=["home"], expires_at=T0 + 100, now=T0
    )
    assert tokens.is_api_token(secret)
    assert await tokens.verify_api_token(db, secret, now=T0 + 1) == record
    assert await tokens.verify_api_token(db, secret, now=T0 + 100) is None
    assert await tokens.verify_api_token(db, secret[:-2] + "xx", now=T0) is None
    async with db.engine.connect() as conn:
        stored = (await conn.execute(api_tokens.select())).first()
    assert stored is not None
    assert secret.split("_", 2)[2] not in stored.token_hash
    assert [t.name for t in await tokens.list_api_tokens(db, alex.id)] == ["tablet"]
    assert not await tokens.delete_api_token(db, record.id, "someone-else")
    assert await tokens.delete_api_token(db, record.id, alex.id)
    assert await tokens.verify_api_token(db, secret, now=T0) is None


async def test_secret_is_created_once(db: Database) -> None:
    first = await tokens.secret(db, "key", lambda: "one")
    second = await tokens.secret(db, "key", lambda: "two")
    assert first == second == "one"
