"""Privacy and care over a real server: guests do not see the family, owners hear of openings.

A guest sees neither who of the family is home nor the home's space-wide activity, and their
phone counts toward presence only when an owner says so. When a guest or a child unlocks a
lock, the owners are told (unless they turned that off).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from orbithub.api import HubServices, set_services
from orbithub.assistant.security_notices import SecurityNotices
from orbithub.cli.companion import CompanionServices, start_companion
from orbithub.core.context import Context, Origin
from orbithub.core.events import NotificationRequested
from orbithub.core.tasks import task_scope
from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Person, Scope, open_api, served

HOME = {
    "location": {"latitude": 39.9042, "longitude": 116.4074, "accuracy": 15, "speed": 0},
    "wifi_ssid": "OrbitHome",
}


@asynccontextmanager
async def _home(
    data_dir: Path,
) -> AsyncIterator[tuple[ApiHarness, CompanionServices, httpx.AsyncClient]]:
    """The demo world (simulated devices) with presence, notifications and security notices."""
    async with open_api(data_dir) as api, task_scope() as tasks:
        services = await start_companion(
            api.hub, api.db, data_dir, tasks, wifi={"home": ["OrbitHome"]}, leave_after_s=0
        )
        set_services(api.app, HubServices(companion=services.companion, presence=services.presence))
        tasks.create_task(SecurityNotices(api.hub, api.db).run())
        try:
            async with served(api.app) as base, httpx.AsyncClient(base_url=base) as client:
                yield api, services, client
        finally:
            await services.aclose()


async def _until(condition: Callable[[], bool], within: float = 5.0) -> None:
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - the trackers signal nothing when idle
            await asyncio.sleep(0)


async def _phone_at_home(client: httpx.AsyncClient, person: Person) -> str:
    registered = await client.post(
        "/api/companion/register", json={"space_id": "home"}, headers=person.headers
    )
    assert registered.status_code == 201, registered.text
    body = registered.json()
    reported = await client.post(
        "/api/companion/report", json=HOME, headers={"Authorization": f"Bearer {body['token']}"}
    )
    assert reported.status_code == 200, reported.text
    return str(body["device_id"])


def _guest_scope() -> Scope:
    return Scope("home", room_ids=["living-room"], device_ids=["front-door-lock"])


async def test_a_guest_sees_neither_presence_nor_the_home_s_activity(tmp_path: Path) -> None:
    async with _home(tmp_path) as (api, services, client):
        owner = await api.owner()
        guest = await api.person("guest", Role.GUEST, grants=[_guest_scope()])
        await _phone_at_home(client, owner)
        await _until(lambda: services.presence.is_present("alex", "home"))
        api.hub.report("living-room-light", "light.brightness", 40)
        await api.flush()

        seen = await client.get("/api/presence", headers=guest.headers)
        assert seen.status_code == 200
        assert seen.json() == []
        family = (await client.get("/api/presence", headers=owner.headers)).json()
        assert any(p["people"] for p in family)

        owner_events = (await client.get("/api/events", headers=owner.headers)).json()
        owner_kinds = {e["kind"] for e in owner_events}
        assert "presence" in owner_kinds
        guest_events = (await client.get("/api/events", headers=guest.headers)).json()
        assert "presence" not in {e["kind"] for e in guest_events}
        assert all(e["device_id"] for e in guest_events)  # nothing space-wide
        granted = {d.id for d in api.hub.registry if d.room_id == "living-room"}
        assert guest_events
        assert {e["device_id"] for e in guest_events} <= granted | {"front-door-lock"}


async def test_a_guest_s_phone_counts_only_when_the_owner_says_so(tmp_path: Path) -> None:
    async with _home(tmp_path) as (api, services, client):
        owner = await api.owner()
        guest = await api.person("guest", Role.GUEST, grants=[_guest_scope()])
        phone = await _phone_at_home(client, guest)
        await _until(lambda: services.presence.pending == 0)
        await _until(lambda: api.hub.state.value(phone, "location.latitude") is not None)
        assert not services.presence.is_present("guest", "home")
        users = (await client.get("/api/users", headers=owner.headers)).json()
        listed = {u["username"]: u for u in users}
        assert listed["guest"]["counts_for_presence"] is False
        assert listed["alex"]["counts_for_presence"] is True

        counted = await client.patch(
            f"/api/users/{guest.id}", json={"counts_for_presence": True}, headers=owner.headers
        )
        assert counted.status_code == 200
        assert counted.json()["counts_for_presence"] is True
        await _until(lambda: services.presence.is_present("guest", "home"))

        uncounted = await client.patch(
            f"/api/users/{guest.id}", json={"counts_for_presence": False}, headers=owner.headers
        )
        assert uncounted.status_code == 200
        await _until(lambda: not services.presence.is_present("guest", "home"))
        # A guest cannot decide it for themselves.
        own = await client.patch(
            "/api/me", json={"counts_for_presence": True}, headers=guest.headers
        )
        assert own.status_code == 422


async def _notifications(client: httpx.AsyncClient, person: Person) -> list[dict[str, object]]:
    answer = await client.get("/api/notifications", headers=person.headers)
    assert answer.status_code == 200, answer.text
    found: list[dict[str, object]] = answer.json()
    return found


async def test_the_owner_is_told_when_a_child_or_guest_unlocks(tmp_path: Path) -> None:
    async with _home(tmp_path) as (api, _, client):
        owner = await api.owner()
        sam = await api.person("sam", Role.OWNER)
        leo = await api.person(
            "leo", Role.CHILD, grants=[Scope("home", ["study"], ["front-door-lock"])]
        )
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        unlock = "/api/devices/front-door-lock/properties/lock.locked"

        done = await client.put(unlock, json={"value": False, "confirm": True}, headers=leo.headers)
        assert done.status_code == 200, done.text
        title = "leo unlocked Front door lock"
        for told in (owner, sam):
            await _until_notified(client, told, title)
        # Nobody else is told; an adult's unlock is not announced.
        assert await _notifications(client, mei) == []
        assert await _notifications(client, leo) == []
        await client.put(unlock, json={"value": True}, headers=leo.headers)
        await client.put(unlock, json={"value": False, "confirm": True}, headers=mei.headers)

        off = await client.patch("/api/me", json={"security_notices": False}, headers=owner.headers)
        assert off.status_code == 200
        assert off.json()["user"]["security_notices"] is False
        before = await _notifications(client, owner)
        sam_before = await _notifications(client, sam)
        await client.put(unlock, json={"value": True}, headers=leo.headers)
        await client.put(unlock, json={"value": False, "confirm": True}, headers=leo.headers)
        # Sam, who kept the setting, hears of it; Alex's inbox stays as it was.
        async with asyncio.timeout(5):
            while await _notifications(client, sam) == sam_before:  # noqa: ASYNC110 - over HTTP
                await asyncio.sleep(0.05)
        assert await _notifications(client, owner) == before


async def _until_notified(client: httpx.AsyncClient, person: Person, title: str) -> None:
    async with asyncio.timeout(5):
        while title not in [n["title"] for n in await _notifications(client, person)]:  # noqa: ASYNC110
            await asyncio.sleep(0.05)


async def test_notices_for_the_whole_home_do_not_reach_guests(tmp_path: Path) -> None:
    async with _home(tmp_path) as (api, _, client):
        await api.owner()
        guest = await api.person("guest", Role.GUEST, grants=[_guest_scope()])
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        bus = api.hub.bus
        bus.publish(
            NotificationRequested(
                bus.next_seq(),
                api.hub.now(),
                "home",
                (),
                "Everyone has left",
                "The house is empty.",
                "info",
                "left",
                Context(Origin.AUTOMATION, "last-one-out"),
            )
        )
        await _until_notified(client, mei, "Everyone has left")
        assert await _notifications(client, guest) == []
