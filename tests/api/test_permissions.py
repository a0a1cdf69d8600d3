"""Roles and grants: who sees which devices and who may command them."""

from __future__ import annotations

from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Person, Scope, at


async def _unlock(api: ApiHarness, person: Person) -> int:
    answer = await api.client.put(
        "/api/devices/front-door-lock/properties/lock.locked",
        json={"value": False, "confirm": True},
        headers=person.headers,
    )
    return answer.status_code


def _locked(api: ApiHarness) -> object:
    return api.hub.state.value("front-door-lock", "lock.locked")


async def test_child_sees_only_granted_rooms(api: ApiHarness) -> None:
    leo = await api.person("leo", Role.CHILD, grants=[Scope("home", ["living-room", "study"])])
    devices = (await api.client.get("/api/devices", headers=leo.headers)).json()
    assert {d["room_id"] for d in devices} == {"living-room", "study"}
    spaces = (await api.client.get("/api/spaces", headers=leo.headers)).json()
    assert [s["id"] for s in spaces] == ["home"]
    assert {r["id"] for r in spaces[0]["rooms"]} == {"living-room", "study"}
    hidden = await api.client.get("/api/devices/front-door-lock", headers=leo.headers)
    assert hidden.status_code == 404
    # The desk lamp in the study is his to switch.
    lamp = await api.client.put(
        "/api/devices/desk-lamp/properties/light.on", json={"value": True}, headers=leo.headers
    )
    assert lamp.status_code == 200
    assert api.hub.state.value("desk-lamp", "light.on") is True


async def test_child_cannot_unlock_the_front_door_unless_a_grant_names_it(
    api: ApiHarness,
) -> None:
    assert _locked(api) is True
    leo = await api.person("leo", Role.CHILD, grants=[Scope("home", ["hallway"])])
    lock = (await api.client.get("/api/devices/front-door-lock", headers=leo.headers)).json()
    assert lock["controllable"] is False  # he sees it (the hallway is his) but may not open it
    assert await _unlock(api, leo) == 403
    assert _locked(api) is True
    # The motion sensor's room is the same; a non-security device there is his to use.
    await api.grant(leo.id, Scope("home", device_ids=["front-door-lock"]))
    assert await _unlock(api, leo) == 200
    assert _locked(api) is False


async def test_adult_controls_locks_of_granted_spaces_only(api: ApiHarness) -> None:
    mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
    assert await _unlock(api, mei) == 200
    assert _locked(api) is False
    office = await api.client.put(
        "/api/devices/office-ac/properties/air-conditioner.on",
        json={"value": True},
        headers=mei.headers,
    )
    assert office.status_code == 404


async def test_guest_opens_the_front_door_until_the_weekend_ends(api: ApiHarness) -> None:
    sunday_night = at(2026, 11, 22, 23, 59)
    guest = await api.person(
        "guest",
        Role.GUEST,
        grants=[
            Scope(
                "home",
                room_ids=["living-room"],
                device_ids=["front-door-lock"],
                expires_at=sunday_night,
            )
        ],
    )
    visible = {
        d["id"] for d in (await api.client.get("/api/devices", headers=guest.headers)).json()
    }
    assert "front-door-lock" in visible
    assert "living-room-tv" in visible
    assert "bedroom-lamp" not in visible
    assert await _unlock(api, guest) == 200
    assert _locked(api) is False
    relock = await api.client.put(
        "/api/devices/front-door-lock/properties/lock.locked",
        json={"value": True},
        headers=guest.headers,
    )
    assert relock.status_code == 200
    # Monday morning: the grant has expired (hub time), the same token sees nothing.
    await api.clock.advance(sunday_night - api.clock.now() + 60)
    assert await _unlock(api, guest) == 404
    assert _locked(api) is True
    assert (await api.client.get("/api/devices", headers=guest.headers)).json() == []
    assert (await api.client.get("/api/spaces", headers=guest.headers)).json() == []


async def test_guest_without_explicit_lock_grant_cannot_open_it(api: ApiHarness) -> None:
    guest = await api.person("guest", Role.GUEST, grants=[Scope("home", room_ids=["hallway"])])
    assert await _unlock(api, guest) == 403
    assert _locked(api) is True


async def test_forbidden_attempts_are_audited(api: ApiHarness) -> None:
    owner = await api.owner()
    leo = await api.person("leo", Role.CHILD, grants=[Scope("home", ["hallway"])])
    assert await _unlock(api, leo) == 403
    entries = (await api.client.get("/api/audit?space_id=home", headers=owner.headers)).json()
    assert entries[0]["actor"] == "leo"
    assert entries[0]["action"] == "device.set"
    assert entries[0]["target"] == "front-door-lock/lock.locked"
    assert entries[0]["result"] == "forbidden"
