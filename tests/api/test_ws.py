"""The live view over a real server: filtered by subscription and by permission, resumable."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from orbithub.api import ApiSettings
from orbithub.core.context import Context, Origin
from orbithub.core.events import UserMessage
from orbithub.storage.users import Role
from tests.api.conftest import FAST_SETTINGS, ApiHarness, Person, Scope, open_api, served

Message = dict[str, Any]


@contextlib.asynccontextmanager
async def live(base: str, person: Person, **subscribe: object) -> AsyncIterator[ClientConnection]:
    """A WebSocket signed in as ``person``, subscribed when ``subscribe`` names anything."""
    url = base.replace("http://", "ws://") + "/api/ws"
    async with connect(url, proxy=None, compression=None) as socket:
        await socket.send(orjson.dumps({"type": "auth", "token": person.access_token}).decode())
        hello = await receive(socket)
        assert hello["type"] == "authenticated"
        assert hello["user"]["username"] == person.username
        if subscribe:
            await socket.send(orjson.dumps({"type": "subscribe", **subscribe}).decode())
        yield socket


async def receive(socket: ClientConnection, within: float = 5.0) -> Message:
    async with asyncio.timeout(within):
        message = orjson.loads(await socket.recv())
    assert isinstance(message, dict)
    return message


async def until(
    socket: ClientConnection, wanted: Callable[[Message], bool], within: float = 5.0
) -> tuple[Message, list[Message]]:
    """Read until a message matches; returns it and everything read before it."""
    seen: list[Message] = []
    async with asyncio.timeout(within):
        while True:
            message = await receive(socket, within)
            if wanted(message):
                return message, seen
            seen.append(message)


def changed(device_id: str, path: str, value: object) -> Callable[[Message], bool]:
    return lambda m: (
        m["type"] == "changed"
        and m["device_id"] == device_id
        and m["path"] == path
        and m["value"] == value
    )


async def test_a_phone_watching_one_room_gets_only_that_room(api: ApiHarness) -> None:
    owner = await api.owner()
    async with served(api.app) as base, live(base, owner, rooms=["study"]) as socket:
        snapshot = await receive(socket)
        assert snapshot["type"] == "snapshot"
        assert {d["id"] for d in snapshot["devices"]} == {"desk-lamp", "computer"}
        api.hub.report("living-room-light", "light.brightness", 11)
        api.hub.report("desk-lamp", "light.brightness", 42)
        message, before = await until(socket, changed("desk-lamp", "light.brightness", 42))
        assert message["seq"] > snapshot["seq"]
        assert all(m.get("device_id") in ("desk-lamp", "computer") for m in before)


async def test_only_devices_the_user_may_see_are_sent(api: ApiHarness) -> None:
    leo = await api.person("leo", Role.CHILD, grants=[Scope("home", ["living-room", "study"])])
    async with served(api.app) as base, live(base, leo, spaces=["home", "office"]) as socket:
        snapshot = await receive(socket)
        rooms = {d["room_id"] for d in snapshot["devices"]}
        assert rooms == {"living-room", "study"}
        api.hub.report("bedroom-lamp", "light.brightness", 5)
        api.hub.report("office-desk-lamp", "light.brightness", 6)
        api.hub.report("front-door-lock", "lock.locked", False)
        api.hub.report("desk-lamp", "light.brightness", 7)
        _, before = await until(socket, changed("desk-lamp", "light.brightness", 7))
        forbidden = {"bedroom-lamp", "office-desk-lamp", "front-door-lock"}
        assert not [m for m in before if m.get("device_id") in forbidden]


async def test_user_messages_reach_only_their_recipients(api: ApiHarness) -> None:
    owner = await api.owner()
    mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
    async with (
        served(api.app) as base,
        live(base, owner) as alex_socket,
        live(base, mei) as mei_socket,
    ):
        api.hub.bus.publish(
            UserMessage(
                api.hub.bus.next_seq(),
                api.hub.now(),
                "home",
                ("mei",),
                "notification",
                (("title", "Door open"), ("message", "The front door is open")),
                Context(Origin.SYSTEM),
            )
        )
        note = await receive(mei_socket)
        assert note == {
            "type": "notification",
            "title": "Door open",
            "message": "The front door is open",
        }
        await alex_socket.send('{"type": "ping"}')
        assert (await receive(alex_socket))["type"] == "pong"  # nothing arrived before it


async def test_a_client_that_falls_behind_is_resynced(tmp_path: Path) -> None:
    settings = ApiSettings(**{**_fields(FAST_SETTINGS), "ws_queue": 4})
    async with open_api(tmp_path, settings=settings) as api:
        owner = await api.owner()
        async with served(api.app) as base, live(base, owner, devices=["desk-lamp"]) as socket:
            assert (await receive(socket))["type"] == "snapshot"
            for value in range(1, 51):  # one burst, no await: the queue of 4 overflows
                api.hub.report("desk-lamp", "light.brightness", value)
            await until(socket, lambda m: m["type"] == "resync")
            snapshot = await receive(socket)
            assert snapshot["type"] == "snapshot"
            lamp = snapshot["devices"][0]
            assert lamp["state"]["light.brightness"]["value"] == 50


async def test_resume_with_since_seq(api: ApiHarness) -> None:
    owner = await api.owner()
    async with served(api.app) as base:
        async with live(base, owner, devices=["desk-lamp"]) as socket:
            snapshot = await receive(socket)
            seq, epoch = snapshot["seq"], snapshot["epoch"]
        api.hub.report("desk-lamp", "light.brightness", 33)
        api.hub.report("kitchen-light", "light.brightness", 34)
        api.hub.report("desk-lamp", "light.brightness", 35)
        resume = {"devices": ["desk-lamp"], "since_seq": seq, "epoch": epoch}
        async with live(base, owner, **resume) as socket:
            first = await receive(socket)
            second = await receive(socket)
            resumed = await receive(socket)
        assert [(m["type"], m["value"]) for m in (first, second)] == [
            ("changed", 33),
            ("changed", 35),
        ]
        assert resumed == {"type": "resumed", "epoch": epoch, "seq": api.hub.bus.seq}
        # Too far back, or beyond what this hub handed out: a snapshot instead.
        for since in (-5, api.hub.bus.seq + 1000):
            async with live(base, owner, **{**resume, "since_seq": since}) as socket:
                assert (await receive(socket))["type"] == "snapshot"


async def test_a_guest_stops_receiving_when_the_grant_expires(api: ApiHarness) -> None:
    ends = api.clock.now() + 1800
    guest = await api.person(
        "guest", Role.GUEST, grants=[Scope("home", ["living-room"], expires_at=ends)]
    )
    async with served(api.app) as base, live(base, guest, rooms=["living-room"]) as socket:
        assert (await receive(socket))["devices"]
        await api.clock.advance(1801)
        api.hub.report("living-room-light", "light.brightness", 77)
        message, before = await until(socket, lambda m: m["type"] == "snapshot")
        assert message["devices"] == []
        assert not [m for m in before if m["type"] == "changed" and m.get("value") == 77]


async def test_bad_token_is_refused(api: ApiHarness) -> None:
    await api.owner()
    async with served(api.app) as base:
        url = base.replace("http://", "ws://") + "/api/ws?token=not-a-token"
        async with connect(url, proxy=None) as socket:
            error = await receive(socket)
            assert error["type"] == "error"
            assert error["code"] == "unauthenticated"
            with pytest.raises(ConnectionClosed) as closed:
                await receive(socket)
            assert closed.value.rcvd is not None
            assert closed.value.rcvd.code == 4401


async def test_binary_and_malformed_frames_get_an_error_and_the_stream_goes_on(
    api: ApiHarness,
) -> None:
    owner = await api.owner()
    async with served(api.app) as base, live(base, owner, devices=["lamp"]) as socket:
        await until(socket, lambda m: m["type"] == "snapshot")
        await socket.send(b"\x00\x01 not text")
        error = await until(socket, lambda m: m["type"] == "error")
        assert "text frames" in error[0]["message"]
        await socket.send("{not json")
        error = await until(socket, lambda m: m["type"] == "error")
        assert error[0]["code"] == "bad_message"
        # The connection still works: a ping is answered.
        await socket.send(orjson.dumps({"type": "ping"}).decode())
        await until(socket, lambda m: m["type"] == "pong")


async def test_a_binary_first_frame_is_refused_without_a_crash(api: ApiHarness) -> None:
    await api.owner()
    async with served(api.app) as base:
        url = base.replace("http://", "ws://") + "/api/ws"
        async with connect(url, proxy=None) as socket:
            await socket.send(b"\x00token")
            error = await receive(socket)
            assert error["code"] == "unauthenticated"
            assert "text frames" in error["message"]


def _fields(settings: ApiSettings) -> dict[str, Any]:
    return {name: getattr(settings, name) for name in settings.__dataclass_fields__}


async def test_revoking_a_grant_stops_the_stream_at_once(api: ApiHarness) -> None:
    owner = await api.owner()
    leo = await api.person("leo", Role.CHILD, grants=[Scope("home", ["study"])])
    async with served(api.app) as base, live(base, leo, rooms=["study"]) as socket:
        assert (await receive(socket))["devices"]
        gone = await api.client.delete(f"/api/grants/{leo.grant_ids[0]}", headers=owner.headers)
        assert gone.status_code == 204
        api.hub.report("desk-lamp", "light.brightness", 61)
        message, before = await until(socket, lambda m: m["type"] == "snapshot")
        assert message["devices"] == []
        assert not [m for m in before if m["type"] == "changed"]
        api.hub.report("desk-lamp", "light.brightness", 62)
        await socket.send('{"type": "ping"}')
        assert (await receive(socket))["type"] == "pong"  # and no change before it


async def test_a_new_device_is_announced_to_watchers_of_its_space(api: ApiHarness) -> None:
    owner = await api.owner()
    lamp = api.hub.registry.device("desk-lamp")
    async with served(api.app) as base, live(base, owner, spaces=["home"]) as socket:
        assert (await receive(socket))["type"] == "snapshot"
        api.hub.add_device(dataclasses.replace(lamp, id="reading-lamp", name="Reading lamp"))
        message, _ = await until(socket, lambda m: m["type"] == "registry")
        assert message["kind"] == "device"
        assert message["id"] == "reading-lamp"
        assert message["space_id"] == "home"
        assert message["removed"] is False


async def _signed_in(api: ApiHarness, username: str = "alex") -> Person:
    """``username`` signed in again on a hub whose database already has the account."""
    answer = await api.login(username)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return Person(body["user"]["id"], username, Role.OWNER, body["access_token"], "")


async def test_a_resume_from_before_a_restart_gets_a_snapshot(tmp_path: Path) -> None:
    # The phone saw the hub up to some seq, then the hub restarted and counted up again past
    # it: the same number now names other changes, so resuming would silently skip some.
    async with open_api(tmp_path) as before:
        owner = await before.owner()
        for value in (10, 20, 30):
            before.hub.report("desk-lamp", "light.brightness", value)
        async with served(before.app) as base, live(base, owner, devices=["desk-lamp"]) as socket:
            snapshot = await receive(socket)
        old_seq, old_epoch = snapshot["seq"], snapshot["epoch"]
    async with open_api(tmp_path) as after:
        assert after.hub.bus.seq < old_seq  # a new hub: sequence numbers started again
        owner = await _signed_in(after)
        value = 1
        while after.hub.bus.seq < old_seq + 3:
            value += 1
            after.hub.report("desk-lamp", "light.brightness", value)
        stale = {"devices": ["desk-lamp"], "since_seq": old_seq, "epoch": old_epoch}
        async with served(after.app) as base:
            async with live(base, owner, **stale) as socket:
                answer = await receive(socket)
            assert answer["type"] == "snapshot"
            assert answer["epoch"] != old_epoch
            assert answer["seq"] == after.hub.bus.seq
            lamp = answer["devices"][0]
            assert lamp["state"]["light.brightness"]["value"] == value
            # Away again, but this time within this hub's own epoch: resumed as usual.
            after.hub.report("desk-lamp", "light.brightness", value + 1)
            current = {**stale, "epoch": answer["epoch"], "since_seq": answer["seq"]}
            async with live(base, owner, **current) as socket:
                missed = await receive(socket)
                resumed = await receive(socket)
            assert (missed["type"], missed["value"]) == ("changed", value + 1)
            assert resumed == {
                "type": "resumed",
                "epoch": answer["epoch"],
                "seq": after.hub.bus.seq,
            }


async def test_a_resume_without_an_epoch_gets_a_snapshot(api: ApiHarness) -> None:
    # Clients from before epochs existed send only since_seq: they cannot tell a restart
    # apart, so they always start over from a snapshot.
    owner = await api.owner()
    async with served(api.app) as base:
        async with live(base, owner, devices=["desk-lamp"]) as socket:
            seq = (await receive(socket))["seq"]
        api.hub.report("desk-lamp", "light.brightness", 21)
        async with live(base, owner, devices=["desk-lamp"], since_seq=seq) as socket:
            snapshot = await receive(socket)
            assert snapshot["type"] == "snapshot"
            assert snapshot["devices"][0]["state"]["light.brightness"]["value"] == 21
            await socket.send(
                orjson.dumps({"type": "subscribe", "since_seq": seq, "epoch": 7}).decode()
            )
            error = await receive(socket)
            assert error["code"] == "bad_message"
            assert "epoch" in error["message"]


async def test_the_epoch_comes_with_the_sign_in_and_every_snapshot(api: ApiHarness) -> None:
    owner = await api.owner()
    async with served(api.app) as base:
        url = base.replace("http://", "ws://") + f"/api/ws?token={owner.access_token}"
        async with connect(url, proxy=None) as socket:
            hello = await receive(socket)
            assert hello["type"] == "authenticated"
            assert isinstance(hello["epoch"], str)
            assert hello["epoch"]
            await socket.send('{"type": "subscribe", "devices": ["desk-lamp"]}')
            assert (await receive(socket))["epoch"] == hello["epoch"]
            # A fresh token resyncs the connection; the snapshot names the same epoch.
            await socket.send(orjson.dumps({"type": "auth", "token": owner.access_token}).decode())
            again, before = await until(socket, lambda m: m["type"] == "snapshot")
            assert [m["type"] for m in before] == ["resync"]
            assert again["epoch"] == hello["epoch"]
