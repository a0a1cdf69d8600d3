"""Homes, their registry and memberships: a user sees the homes they are a member of, no other."""

from __future__ import annotations

import pytest

from orbithub.storage import Database
from orbithub.storage import users as user_store
from orbithub.storage.fleet import FleetDevice, FleetHome, FleetStore, UnknownHomeError
from orbithub.storage.users import Role

pytestmark = pytest.mark.postgres


async def _user(fleet_schema: tuple[str, str], username: str) -> str:
    url, schema = fleet_schema
    db = await Database.open(url, schema=schema)
    try:
        user = await user_store.create_user(
            db,
            username=username,
            display_name=username.title(),
            role=Role.GUEST,
            language="en",
            password_hash="not-a-hash",  # noqa: S106 - never signs in
            now=0.0,
        )
    finally:
        await db.close()
    assert user is not None
    return user.id


async def test_a_user_sees_only_the_homes_they_belong_to(
    store: FleetStore, fleet_schema: tuple[str, str]
) -> None:
    await store.homes.put_home("flat-a", "Flat A")
    await store.homes.put_home("flat-b", "Flat B")
    alice = await _user(fleet_schema, "alice")
    bob = await _user(fleet_schema, "bob")
    await store.homes.put_member("flat-a", alice, Role.OWNER)
    await store.homes.put_member("flat-b", bob, Role.CHILD)
    assert await store.homes.memberships(alice) == [(FleetHome("flat-a", "Flat A"), Role.OWNER)]
    assert await store.homes.role(alice, "flat-a") is Role.OWNER
    assert await store.homes.role(alice, "flat-b") is None
    assert await store.homes.role(bob, "flat-a") is None
    assert await store.homes.role(alice, "not a home id") is None
    # A role changes in place; leaving a home takes every right in it away.
    await store.homes.put_member("flat-a", alice, Role.ADULT)
    assert await store.homes.role(alice, "flat-a") is Role.ADULT
    assert await store.homes.remove_member("flat-a", alice)
    assert not await store.homes.remove_member("flat-a", alice)
    assert await store.homes.memberships(alice) == []


async def test_devices_are_kept_per_home(store: FleetStore) -> None:
    await store.homes.put_home("flat-a", "Flat A")
    await store.homes.put_home("flat-b", "Flat B")
    # The same device id in two homes is two devices.
    await store.homes.put_devices("flat-a", [FleetDevice("flat-a", "lamp", "Lamp", "light")])
    await store.homes.put_devices(
        "flat-b",
        [
            FleetDevice("flat-b", "lamp", "Desk lamp", "light", "study"),
            FleetDevice("flat-b", "plug", "Kettle", "plug"),
        ],
    )
    assert await store.homes.devices("flat-a") == [FleetDevice("flat-a", "lamp", "Lamp", "light")]
    assert [d.name for d in await store.homes.devices("flat-b")] == ["Desk lamp", "Kettle"]
    await store.homes.put_devices("flat-a", [FleetDevice("flat-a", "lamp", "Hall lamp", "light")])
    assert [d.name for d in await store.homes.devices("flat-a")] == ["Hall lamp"]
    assert await store.homes.count() == 2


async def test_unknown_homes_and_users_are_refused_with_a_reason(store: FleetStore) -> None:
    with pytest.raises(UnknownHomeError, match="provision it first"):
        await store.homes.put_devices("ghost", [FleetDevice("ghost", "lamp", "Lamp", "light")])
    await store.homes.put_home("flat-a", "Flat A")
    with pytest.raises(UnknownHomeError, match="create the user first"):
        await store.homes.put_member("flat-a", "no-such-user", Role.ADULT)
    with pytest.raises(ValueError, match="must name that home"):
        await store.homes.put_devices("flat-a", [FleetDevice("flat-b", "lamp", "Lamp", "light")])
    with pytest.raises(ValueError, match="subject token"):
        await store.homes.put_home("flat a", "Flat A")
    assert await store.homes.home("flat-a") == FleetHome("flat-a", "Flat A")
    assert await store.homes.home("flat-z") is None
