"""A person of one home sees nothing of another, on every route of the gateway."""

from __future__ import annotations

import pytest

from orbithub.storage import users as user_store
from tests.fleet.gateway.conftest import Fleet

pytestmark = pytest.mark.postgres

# Every route that names a home, with a body where it needs one.
ROUTES = [
    ("GET", "/api/homes/{home}/devices", None),
    ("GET", "/api/homes/{home}/devices/lamp", None),
    ("GET", "/api/homes/{home}/devices/lamp/history?prop=light.brightness", None),
    ("PUT", "/api/homes/{home}/devices/lamp/properties/light.brightness", {"value": 10}),
]


@pytest.mark.parametrize(("method", "path", "body"), ROUTES)
async def test_another_home_is_not_found(
    fleet: Fleet, method: str, path: str, body: object
) -> None:
    # Bob owns flat-b; flat-a exists but is not his, and flat-z does not exist: same answer.
    for home in ("flat-a", "flat-z"):
        answer = await fleet.client.request(
            method, path.format(home=home), json=body, headers=fleet.auth("bob")
        )
        assert answer.status_code == 404, answer.text
        assert answer.json()["code"] == "not_found"
        assert "Flat A" not in answer.text
        assert "40" not in answer.text


@pytest.mark.parametrize(("method", "path", "body"), ROUTES)
async def test_every_route_needs_a_signed_in_person(
    fleet: Fleet, method: str, path: str, body: object
) -> None:
    answer = await fleet.client.request(method, path.format(home="flat-a"), json=body)
    assert answer.status_code == 401


async def test_a_person_lists_only_their_homes(fleet: Fleet) -> None:
    answer = await fleet.client.get("/api/homes", headers=fleet.auth("bob"))
    assert answer.json() == [{"id": "flat-b", "name": "Flat B", "role": "owner"}]
    answer = await fleet.client.get("/api/homes", headers=fleet.auth("carl"))
    assert answer.json() == [{"id": "flat-a", "name": "Flat A", "role": "child"}]


async def test_the_same_device_id_in_two_homes_shows_each_home_its_own(fleet: Fleet) -> None:
    a = await fleet.client.get("/api/homes/flat-a/devices/lamp", headers=fleet.auth("alice"))
    b = await fleet.client.get("/api/homes/flat-b/devices/lamp", headers=fleet.auth("bob"))
    assert a.json()["state"]["light.brightness"]["value"] == 40
    assert b.json()["name"] == "Bob's lamp"
    assert b.json()["state"]["light.brightness"]["value"] == 90


async def test_a_command_to_another_home_sends_nothing(fleet: Fleet) -> None:
    seen: list[bytes] = []

    async def record(msg: object) -> None:
        seen.append(getattr(msg, "data", b""))

    sub = await fleet.nc.subscribe("orbit.flat-a.>", cb=record)
    try:
        answer = await fleet.client.put(
            "/api/homes/flat-a/devices/lamp/properties/light.brightness",
            json={"value": 5},
            headers=fleet.auth("bob"),
        )
        await fleet.nc.flush()
    finally:
        await sub.unsubscribe()
    assert answer.status_code == 404
    assert seen == []


async def test_leaving_a_home_takes_it_away_at_once(fleet: Fleet) -> None:
    carl = next(u.id for u in await user_store.list_users(fleet.db) if u.username == "carl")
    assert await fleet.store.homes.remove_member("flat-a", carl)
    answer = await fleet.client.get("/api/homes/flat-a/devices", headers=fleet.auth("carl"))
    assert answer.status_code == 404


async def test_a_database_outage_is_a_503_that_names_no_server(fleet: Fleet) -> None:
    await fleet.store.close()
    answer = await fleet.client.get("/api/homes/flat-b/devices", headers=fleet.auth("bob"))
    assert answer.status_code == 503
    assert answer.json()["code"] == "unavailable"
    assert "127.0.0.1" not in answer.text
    assert answer.headers["Retry-After"] == "5"
