"""``orbithub users ...`` on a data directory, and the demo family's accounts."""

from __future__ import annotations

import asyncio
from pathlib import Path

from typer.testing import CliRunner

from orbithub.adapters.sim import demo_world
from orbithub.api.auth import password_hasher
from orbithub.cli.accounts import users_app
from orbithub.demo.accounts import seed_demo_accounts
from orbithub.storage import Database
from orbithub.storage import users as user_store
from orbithub.storage.audit import read_audit
from orbithub.storage.users import Role
from tests.api.conftest import FAST_SETTINGS, ApiHarness, at

_FAST_HASH = password_hasher(FAST_SETTINGS).hash

runner = CliRunner()


def _store_demo_world(data_dir: Path) -> None:
    async def go() -> None:
        db = await Database.open(data_dir=data_dir)
        try:
            world = demo_world()
            for space in world.spaces:
                await db.save_space(space)
            for room in world.rooms:
                await db.save_room(room)
            for device in world.devices:
                await db.save_device(device)
        finally:
            await db.close()

    asyncio.run(go())


def _invoke(data_dir: Path, *args: str, stdin: str | None = None) -> tuple[int, str]:
    result = runner.invoke(users_app, [*args, "--data-dir", str(data_dir)], input=stdin)
    return result.exit_code, result.output


def test_add_grant_list_and_passwd(tmp_path: Path) -> None:
    _store_demo_world(tmp_path)
    code, out = _invoke(tmp_path, "add", "leo", "--role", "child", "--password", "leo-secret-1")
    assert code == 0, out
    code, out = _invoke(
        tmp_path, "grant", "leo", "home", "--room", "study", "--room", "living-room"
    )
    assert code == 0, out
    code, out = _invoke(tmp_path, "list")
    assert code == 0
    assert "leo" in out
    assert "study" in out
    code, out = _invoke(tmp_path, "passwd", "leo", stdin="new-secret-2\nnew-secret-2\n")
    assert code == 0, out

    async def check() -> None:
        db = await Database.open(data_dir=tmp_path)
        try:
            leo = await user_store.get_user_by_username(db, "leo")
            assert leo is not None
            assert leo.role is Role.CHILD
            grants = await user_store.list_grants(db, leo.id)
            assert grants[0].room_ids == ("study", "living-room")
            assert leo.password_hash.startswith("$argon2id$")
            actions = [(e.actor, e.action) for e in await read_audit(db)]
            assert ("cli", "user.passwd") in actions
        finally:
            await db.close()

    asyncio.run(check())


def test_mistakes_are_explained(tmp_path: Path) -> None:
    _store_demo_world(tmp_path)
    code, out = _invoke(tmp_path, "grant", "nobody", "home")
    assert code == 1
    assert "no user 'nobody'" in out
    _invoke(tmp_path, "add", "visitor", "--role", "guest", "--password", "visitor-pass")
    code, out = _invoke(tmp_path, "grant", "visitor", "home")
    assert code == 1
    assert "--room" in out
    code, out = _invoke(tmp_path, "grant", "visitor", "home", "--room", "moon-base")
    assert code == 1
    assert "moon-base" in out
    code, out = _invoke(tmp_path, "add", "x", "--password", "short")
    assert code == 1
    assert "at least 8" in out


async def test_demo_family_signs_in_with_their_scopes(api: ApiHarness) -> None:
    logins = await seed_demo_accounts(api.db, now=api.clock.now(), hash_password=_FAST_HASH)
    assert [(login.username, login.role) for login in logins] == [
        ("alex", Role.OWNER),
        ("mei", Role.ADULT),
        ("leo", Role.CHILD),
        ("guest", Role.GUEST),
    ]
    # Seeding again changes nothing.
    await seed_demo_accounts(api.db, now=api.clock.now(), hash_password=_FAST_HASH)
    assert len(await user_store.list_users(api.db)) == 4
    tokens = {}
    for login in logins:
        answer = await api.login(login.username, login.password)
        assert answer.status_code == 200, login
        tokens[login.username] = {"Authorization": f"Bearer {answer.json()['access_token']}"}

    async def rooms(user: str) -> set[str | None]:
        devices = (await api.client.get("/api/devices", headers=tokens[user])).json()
        return {d["room_id"] for d in devices}

    assert await rooms("leo") == {"living-room", "study"}
    mei_spaces = (await api.client.get("/api/spaces", headers=tokens["mei"])).json()
    assert {s["id"] for s in mei_spaces} == {"home", "car"}
    unlock = await api.client.put(
        "/api/devices/front-door-lock/properties/lock.locked",
        json={"value": False, "confirm": True},
        headers=tokens["guest"],
    )
    assert unlock.status_code == 200
    # The guest's access ends on Sunday night (the harness starts on a Friday).
    await api.clock.advance(at(2026, 11, 23, 0, 0) - api.clock.now())
    assert (await api.client.get("/api/devices", headers=tokens["guest"])).json() == []
