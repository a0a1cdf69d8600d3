"""The companion API: phones register, report with their device token, and presence follows."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from orbithub.api import HubServices, set_services
from orbithub.cli.companion import CompanionServices, start_companion
from orbithub.core.events import HubEvent, PresenceChanged
from orbithub.core.tasks import task_scope
from orbithub.storage import companion as store
from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Scope, open_api

HOME = (39.9042, 116.4074)


@asynccontextmanager
async def companion_api(
    data_dir: Path, *, leave_after_s: float = 300.0
) -> AsyncIterator[tuple[ApiHarness, CompanionServices]]:
    """The API over the demo world (no simulation) with the companion running."""
    async with open_api(data_dir, with_sim=False) as api, task_scope() as tasks:
        services = await start_companion(
            api.hub,
            api.db,
            data_dir,
            tasks,
            wifi={"home": ["OrbitHome"]},
            leave_after_s=leave_after_s,
            push_hosts=["127.0.0.1"],  # the tests' push service on loopback
        )
        set_services(api.app, HubServices(companion=services.companion, presence=services.presence))
        try:
            yield api, services
        finally:
            await services.aclose()


async def until(condition: Callable[[], bool], within: float = 5.0) -> None:
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - the trackers signal nothing when idle
            await asyncio.sleep(0)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def register(api: ApiHarness, headers: dict[str, str], **body: object) -> tuple[str, str]:
    answer = await api.client.post("/api/companion/register", json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    data = answer.json()
    return data["device_id"], data["token"]


async def test_a_registered_phone_reports_and_its_owner_becomes_present(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, services):
        owner = await api.owner()
        device_id, token = await register(api, owner.headers, name="Alex's Pixel")
        device = api.hub.registry.device(device_id)
        assert (device.owner, device.space_id, device.name) == ("alex", "home", "Alex's Pixel")
        listed = await api.client.get(f"/api/devices/{device_id}", headers=owner.headers)
        assert listed.json()["owner"] == "alex"

        report = {
            "location": {"latitude": HOME[0], "longitude": HOME[1], "accuracy": 15, "speed": 0},
            "battery": {"level": 81, "charging": False},
            "wifi_ssid": "OrbitHome",
        }
        answer = await api.client.post("/api/companion/report", json=report, headers=bearer(token))
        assert answer.status_code == 200, answer.text
        assert answer.json() == {"device_id": device_id, "accepted": 7}
        assert api.hub.state.value(device_id, "battery.battery-level") == 81
        await until(lambda: services.presence.people_present("home") == ("alex",))
        presence = await api.client.get("/api/presence", headers=owner.headers)
        assert presence.status_code == 200
        home = next(p for p in presence.json() if p["space_id"] == "home")
        assert home["people"] == [{"person": "alex", "since": api.clock.now()}]
        assert {p["space_id"] for p in presence.json()} == {"home", "office"}  # no vehicle
        phone = await store.get_phone(api.db, device_id)
        assert phone is not None
        assert phone.last_report_at == api.clock.now()


async def test_reports_need_a_valid_device_token_before_anything_else(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, _services):
        owner = await api.owner()
        device_id, token = await register(api, owner.headers)
        good = {"wifi_ssid": "OrbitHome"}
        for headers in ({}, bearer("ohp_unknown"), bearer("nonsense"), owner.headers):
            answer = await api.client.post("/api/companion/report", json=good, headers=headers)
            assert answer.status_code == 401, answer.text
            assert answer.json()["code"] == "unauthenticated"
            assert "POST /api/companion/register" in answer.json()["message"]
        # An unknown token with a broken body is still 401: the body is not looked at.
        bad_body = {"location": {"latitude": 123}}
        answer = await api.client.post("/api/companion/report", json=bad_body, headers=bearer("x"))
        assert answer.status_code == 401
        # Revoked: the token stops working.
        assert await store.revoke_phone(api.db, device_id, now=api.clock.now())
        answer = await api.client.post("/api/companion/report", json=good, headers=bearer(token))
        assert answer.status_code == 401
        assert api.hub.state.value(device_id, "wifi.ssid") is None


async def test_a_removed_phone_can_no_longer_report(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, services):
        owner = await api.owner()
        device_id, token = await register(api, owner.headers)
        services.companion.phones.remove(device_id, actor="alex")
        answer = await api.client.post(
            "/api/companion/report", json={"wifi_ssid": "x"}, headers=bearer(token)
        )
        assert answer.status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {"location": {"latitude": 91, "longitude": 0}},
        {"location": {"latitude": 0, "longitude": -181}},
        {"location": {"latitude": "north", "longitude": 0}},
        {"location": {"longitude": 0}},
        {"location": {"latitude": 0, "longitude": 0, "accuracy": -3}},
        {"battery": {"level": 140}},
        {"battery": {"level": 50, "charging": "yes"}},
        {"wifi_ssid": "x" * 65},
        {"wifi_ssid": "OrbitHome", "altitude": 50},
        [1, 2, 3],
    ],
)
async def test_malformed_or_out_of_range_reports_are_422_and_change_nothing(
    tmp_path: Path, body: object
) -> None:
    async with companion_api(tmp_path) as (api, _services):
        owner = await api.owner()
        device_id, token = await register(api, owner.headers)
        first = {"location": {"latitude": 1.5, "longitude": 2.5}, "battery": {"level": 50}}
        assert (
            await api.client.post("/api/companion/report", json=first, headers=bearer(token))
        ).status_code == 200
        before = {p: s.value for p, s in api.hub.state.device(device_id).items()}
        answer = await api.client.post("/api/companion/report", json=body, headers=bearer(token))
        assert answer.status_code == 422, answer.text
        assert answer.json()["code"] == "validation_failed"
        assert {p: s.value for p, s in api.hub.state.device(device_id).items()} == before


async def test_malformed_json_is_400(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, _services):
        owner = await api.owner()
        _, token = await register(api, owner.headers)
        answer = await api.client.post(
            "/api/companion/report",
            content=b"{not json",
            headers={**bearer(token), "Content-Type": "application/json"},
        )
        assert answer.status_code == 400


async def test_registration_is_per_person_and_space(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, _services):
        await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("office")])
        device_id, _ = await register(api, mei.headers)
        assert api.hub.registry.device(device_id).space_id == "office"  # her only place
        answer = await api.client.post(
            "/api/companion/register", json={"space_id": "home"}, headers=mei.headers
        )
        assert answer.status_code == 404
        # Re-registering her own phone keeps the id and replaces the token; others' phones are 404.
        again, token = await register(api, mei.headers, device_id=device_id)
        assert again == device_id
        assert (await store.phone_for_token(api.db, token)) is not None
        owner = await api.owner()
        answer = await api.client.post(
            "/api/companion/register", json={"device_id": device_id}, headers=owner.headers
        )
        assert answer.status_code == 404
        assert (await api.client.post("/api/companion/register")).status_code == 401
        guest = await api.person("lin", Role.GUEST, grants=[])
        answer = await api.client.post("/api/companion/register", headers=guest.headers)
        assert answer.status_code == 403
        assert "ask an owner for a grant" in answer.json()["message"]


async def test_presence_shows_only_visible_spaces_and_departure_waits(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, services):
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("office")])
        _, token = await register(api, owner.headers)
        await api.client.post(
            "/api/companion/report", json={"wifi_ssid": "OrbitHome"}, headers=bearer(token)
        )
        await until(lambda: services.presence.is_present("alex", "home"))
        seen = (await api.client.get("/api/presence", headers=mei.headers)).json()
        assert [p["space_id"] for p in seen] == ["office"]
        await api.client.post(
            "/api/companion/report", json={"wifi_ssid": ""}, headers=bearer(token)
        )
        await until(lambda: services.presence.pending == 0)
        await api.clock.advance(299)
        assert services.presence.is_present("alex", "home")
        await api.clock.advance(1)
        await until(lambda: not services.presence.is_present("alex", "home"))


async def test_wifi_networks_are_configured_by_adults_and_kept(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, services):
        owner = await api.owner()
        kid = await api.person("kai", Role.CHILD, grants=[Scope("home")])
        listed = await api.client.get("/api/presence/wifi", headers=owner.headers)
        assert {"space_id": "home", "ssids": ["OrbitHome"]} in listed.json()
        body = {"ssids": ["Office-Staff", "Office-Guest"]}
        answer = await api.client.put("/api/presence/wifi/office", json=body, headers=owner.headers)
        assert answer.json() == {"space_id": "office", "ssids": ["Office-Guest", "Office-Staff"]}
        assert services.presence.wifi("office") == {"Office-Guest", "Office-Staff"}
        assert (
            await api.client.put("/api/presence/wifi/office", json=body, headers=kid.headers)
        ).status_code == 403
        assert (
            await api.client.put("/api/presence/wifi/car", json=body, headers=owner.headers)
        ).status_code == 422
        assert (
            await api.client.put("/api/presence/wifi/moon", json=body, headers=owner.headers)
        ).status_code == 404
        too_long = {"ssids": ["x" * 65]}
        assert (
            await api.client.put("/api/presence/wifi/home", json=too_long, headers=owner.headers)
        ).status_code == 422
    # Kept in the database: after a restart the stored networks win over the defaults.
    async with companion_api(tmp_path) as (_, services):
        assert services.presence.wifi("office") == {"Office-Guest", "Office-Staff"}
        assert services.presence.wifi("home") == {"OrbitHome"}


async def test_without_the_companion_the_routes_answer_503(tmp_path: Path) -> None:
    async with open_api(tmp_path, with_sim=False) as api:
        owner = await api.owner()
        answer = await api.client.post("/api/companion/register", headers=owner.headers)
        assert answer.status_code == 503
        assert (await api.client.get("/api/presence", headers=owner.headers)).status_code == 503


async def test_phones_are_listed_and_removed_by_their_owner(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, _):
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        alex_phone, _token = await register(api, owner.headers, name="Pixel")
        mei_phone, mei_token = await register(api, mei.headers, name="iPhone")
        mine = (await api.client.get("/api/companion/phones", headers=mei.headers)).json()
        assert [(p["device_id"], p["name"], p["owner"], p["revoked"]) for p in mine] == [
            (mei_phone, "iPhone", "mei", False)
        ]
        everyone = (await api.client.get("/api/companion/phones", headers=owner.headers)).json()
        assert {p["device_id"] for p in everyone} == {alex_phone, mei_phone}
        path = f"/api/companion/phones/{alex_phone}"
        assert (await api.client.delete(path, headers=mei.headers)).status_code == 404
        gone = await api.client.delete(f"/api/companion/phones/{mei_phone}", headers=mei.headers)
        assert gone.status_code == 204
        assert api.hub.registry.find_device(mei_phone) is None
        answer = await api.client.post(
            "/api/companion/report", json={"wifi_ssid": "x"}, headers=bearer(mei_token)
        )
        assert answer.status_code == 401
        listed = (await api.client.get("/api/companion/phones", headers=mei.headers)).json()
        assert [p["revoked"] for p in listed] == [True]
        # The owner may remove anyone's phone.
        assert (await api.client.delete(path, headers=owner.headers)).status_code == 204
        assert (await api.client.delete(path, headers=owner.headers)).status_code == 204


async def test_after_a_restart_who_was_home_is_still_home_without_a_new_arrival(
    tmp_path: Path,
) -> None:
    async with companion_api(tmp_path) as (api, services):
        owner = await api.owner()
        phone, token = await register(api, owner.headers)
        at_home = {"location": {"latitude": HOME[0], "longitude": HOME[1]}}
        await api.client.post("/api/companion/report", json=at_home, headers=bearer(token))
        await until(lambda: services.presence.is_present("alex", "home"))
        assert services.presence.zones.inside(phone, "home")
        arrived = api.clock.now()
        await api.flush()
    async with companion_api(tmp_path) as (api, services):
        announced: list[HubEvent] = []
        api.hub.bus.listen(announced.append)
        assert [(s.person, s.since) for s in services.presence.present("home")] == [
            ("alex", arrived)
        ]
        assert services.presence.zones.inside(phone, "home")
        await until(lambda: services.presence.pending == 0)
        assert not [e for e in announced if isinstance(e, PresenceChanged)]


async def test_a_late_report_older_than_the_last_one_changes_nothing(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, _):
        owner = await api.owner()
        device_id, token = await register(api, owner.headers)
        now = api.clock.now()
        newer = {"battery": {"level": 40}, "time": now}
        older = {"battery": {"level": 90}, "time": now - 600}
        for body in (newer, older):
            answer = await api.client.post(
                "/api/companion/report", json=body, headers=bearer(token)
            )
            assert answer.status_code == 200, answer.text
        assert api.hub.state.value(device_id, "battery.battery-level") == 40
        # A clock far ahead counts as now: it cannot block the reports that follow.
        ahead = {"battery": {"level": 30}, "time": now + 86400}
        later = {"battery": {"level": 20}, "time": now + 60}
        for body in (ahead, later):
            await api.client.post("/api/companion/report", json=body, headers=bearer(token))
            await api.clock.advance(120)
        assert api.hub.state.value(device_id, "battery.battery-level") == 20


async def test_a_malformed_registration_adds_nothing(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, _):
        owner = await api.owner()
        before = len(api.hub.registry)
        for body in ({"name": ""}, {"name": 5}, {"colour": "red"}, {"space_id": "x" * 300}):
            answer = await api.client.post(
                "/api/companion/register", json=body, headers=owner.headers
            )
            assert answer.status_code == 422, body
        assert len(api.hub.registry) == before
        assert await store.list_phones(api.db) == []
