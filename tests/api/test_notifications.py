"""The notification API: each person's notifications and read state, and Web Push end to end."""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
import websockets
from websockets.asyncio.client import ClientConnection

from orbithub.adapters.phone import PushOutcome, PushSubscription
from orbithub.core.context import Context, Origin
from orbithub.core.events import HubEvent, NotificationRequested, UserMessage
from orbithub.storage import companion as store
from orbithub.storage.users import Role
from tests.adapters.phone.push_server import push_server
from tests.api.conftest import ApiHarness, Scope, served
from tests.api.test_companion import companion_api, until


def notify(
    api: ApiHarness,
    title: str,
    *,
    space: str = "home",
    recipients: tuple[str, ...] = (),
    tag: str = "",
    severity: str = "warning",
) -> None:
    api.hub.bus.publish(
        NotificationRequested(
            api.hub.bus.next_seq(),
            api.hub.now(),
            space,
            recipients,
            title,
            f"{title} (details)",
            severity,
            tag,
            Context(Origin.AUTOMATION, "test"),
        )
    )


async def inbox(
    api: ApiHarness, headers: dict[str, str], query: str = ""
) -> list[dict[str, object]]:
    answer = await api.client.get(f"/api/notifications{query}", headers=headers)
    assert answer.status_code == 200, answer.text
    body: list[dict[str, object]] = answer.json()
    return body


def subscription_body(sub: PushSubscription) -> dict[str, object]:
    return {
        "endpoint": sub.endpoint,
        "expirationTime": None,
        "keys": {"p256dh": sub.p256dh, "auth": sub.auth},
    }


async def stored_count(api: ApiHarness, usernames: list[str]) -> int:
    return len(await store.subscriptions_of(api.db, usernames))


def delivered(api: ApiHarness) -> list[UserMessage]:
    """The live messages the centre publishes (after it stored each notification)."""
    seen: list[UserMessage] = []

    def keep(event: HubEvent) -> None:
        if isinstance(event, UserMessage):
            seen.append(event)

    api.hub.bus.listen(keep)
    return seen


async def test_everyone_with_access_gets_it_and_reads_it_alone(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, _):
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        lin = await api.person(
            "lin", Role.GUEST, grants=[Scope("office", room_ids=["office-room"])]
        )
        live = delivered(api)
        notify(api, "Front door open", tag="door")
        notify(api, "Office too warm", space="office")
        notify(api, "Just for Mei", recipients=("mei",))
        await until(lambda: len(live) == 3)
        # Lin is a guest of the office: the household's notices are not for guests.
        assert [m.recipients for m in live] == [("alex", "mei"), ("alex",), ("mei",)]
        alex_items = await inbox(api, owner.headers)
        assert [n["title"] for n in alex_items] == ["Office too warm", "Front door open"]
        mei_items = await inbox(api, mei.headers)
        assert {str(n["title"]) for n in mei_items} == {"Front door open", "Just for Mei"}
        assert [n["title"] for n in await inbox(api, lin.headers)] == []

        door = alex_items[1]
        assert (door["severity"], door["tag"], door["space_id"]) == ("warning", "door", "home")
        assert door["read"] is False
        read = await api.client.post(f"/api/notifications/{door['id']}/read", headers=owner.headers)
        assert read.status_code == 200
        assert read.json() == {"id": door["id"], "read": True}
        unread = await inbox(api, owner.headers, "?unread=true")
        assert [n["title"] for n in unread] == ["Office too warm"]
        # Mei's copy is still unread; Lin cannot mark one she did not get.
        assert len(await inbox(api, mei.headers, "?unread=true")) == 2
        denied = await api.client.post(f"/api/notifications/{door['id']}/read", headers=lin.headers)
        assert denied.status_code == 404
        assert [n["title"] for n in await inbox(api, owner.headers, "?space_id=office")] == [
            "Office too warm"
        ]


async def test_a_tag_replaces_the_earlier_one(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, _):
        owner = await api.owner()
        live = delivered(api)
        notify(api, "Door open 5 min", tag="door")
        notify(api, "Door open 10 min", tag="door")
        await until(lambda: len(live) == 2)
        items = await inbox(api, owner.headers)
        assert [n["title"] for n in items] == ["Door open 10 min"]
        first_id = dict(live[0].payload)["id"]
        assert dict(live[1].payload)["replaces"] == [first_id]
        assert items[0]["id"] != first_id


async def test_web_push_reaches_the_subscribed_browsers_and_gone_ones_are_dropped(
    tmp_path: Path,
) -> None:
    async with companion_api(tmp_path) as (api, services), push_server() as service:
        owner = await api.owner()
        key = await api.client.get("/api/push/key", headers=owner.headers)
        assert key.status_code == 200
        assert services.companion.vapid is not None
        assert key.json() == {"public_key": services.companion.vapid.public_key}

        phone = service.subscribe("alex-phone")
        old = service.subscribe("alex-old-laptop", gone=True)
        for sub in (phone, old):
            answer = await api.client.post(
                "/api/push/subscriptions", json=subscription_body(sub), headers=owner.headers
            )
            assert answer.status_code == 201, answer.text
        notify(api, "Smoke in the kitchen", severity="critical", tag="smoke")
        await service.wait_for(2)
        [got] = service.received
        assert got.path == "/push/alex-phone"
        assert got.claims["aud"] == service.origin
        assert got.vapid_key == key.json()["public_key"]
        assert (got.payload["type"], got.payload["title"], got.payload["severity"]) == (
            "notification",
            "Smoke in the kitchen",
            "critical",
        )
        assert got.headers["urgency"] == "high"
        stored = await inbox(api, owner.headers)
        assert got.payload["id"] == stored[0]["id"]
        await until(lambda: services.companion.centre.outcomes[PushOutcome.GONE] == 1)
        remaining = await store.subscriptions_of(api.db, ["alex"])
        assert [s.endpoint for s in remaining] == [phone.endpoint]


async def test_subscriptions_are_checked_and_removed_by_their_owner_only(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, _), push_server() as service:
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        sub = service.subscribe("x")
        good = subscription_body(sub)
        bad_endpoint = dict(good, endpoint="http://push.example.net/x")
        unlisted = dict(good, endpoint="https://router.local/admin")
        bad_key = dict(good, keys={"p256dh": "AAAA", "auth": sub.auth})
        bodies: list[dict[str, object]] = [
            bad_endpoint,
            unlisted,
            bad_key,
            {"endpoint": sub.endpoint},
            {"keys": {}},
        ]
        for body in bodies:
            answer = await api.client.post(
                "/api/push/subscriptions", json=body, headers=owner.headers
            )
            assert answer.status_code == 422, answer.text
        assert await stored_count(api, ["alex", "mei"]) == 0
        assert (
            await api.client.post("/api/push/subscriptions", json=good, headers=owner.headers)
        ).status_code == 201
        assert (await api.client.post("/api/push/subscriptions", json=good)).status_code == 401
        gone = {"endpoint": sub.endpoint}
        denied = await api.client.request(
            "DELETE", "/api/push/subscriptions", json=gone, headers=mei.headers
        )
        assert denied.status_code == 404
        removed = await api.client.request(
            "DELETE", "/api/push/subscriptions", json=gone, headers=owner.headers
        )
        assert removed.status_code == 204
        assert await stored_count(api, ["alex"]) == 0


async def test_bad_queries_and_ids_are_refused(tmp_path: Path) -> None:
    async with companion_api(tmp_path) as (api, _):
        owner = await api.owner()
        for query in ("?limit=0", "?limit=9999", "?since=-1", "?unread=maybe"):
            answer = await api.client.get(f"/api/notifications{query}", headers=owner.headers)
            assert answer.status_code == 422, query
        for path in ("/api/notifications/0/read", "/api/notifications/abc/read"):
            assert (await api.client.post(path, headers=owner.headers)).status_code == 422
        missing = await api.client.post("/api/notifications/12345/read", headers=owner.headers)
        assert missing.status_code == 404
        assert (await api.client.get("/api/notifications")).status_code == 401


async def test_a_notification_arrives_live_over_the_websocket_for_its_recipients_only(
    tmp_path: Path,
) -> None:
    async with companion_api(tmp_path) as (api, _):
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        async with served(api.app) as base:
            url = base.replace("http://", "ws://") + "/api/ws"
            async with (
                websockets.connect(f"{url}?token={owner.access_token}") as alex_ws,
                websockets.connect(f"{url}?token={mei.access_token}") as mei_ws,
            ):
                for ws in (alex_ws, mei_ws):
                    await next_of(ws, "authenticated")
                    await ws.send(
                        orjson.dumps({"type": "subscribe", "spaces": ["office"]}).decode()
                    )
                    await next_of(ws, "snapshot")
                notify(api, "Parcel at the door", recipients=("mei",), tag="parcel")
                got = await next_of(mei_ws, "notification")
                assert (got["title"], got["space_id"], got["tag"]) == (
                    "Parcel at the door",
                    "home",
                    "parcel",
                )
                assert isinstance(got["id"], int)
                notify(api, "For Alex", recipients=("alex",))
                assert (await next_of(alex_ws, "notification"))["title"] == "For Alex"


async def next_of(ws: ClientConnection, kind: str, within: float = 10.0) -> dict[str, object]:
    """The next message of a kind (others skipped), decoded."""
    async with asyncio.timeout(within):
        while True:
            message = orjson.loads(await ws.recv())
            assert isinstance(message, dict)
            if message.get("type") == kind:
                return message
