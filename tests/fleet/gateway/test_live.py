"""The live view: a person receives the changes of their homes' devices, and nothing else."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import orjson
import pytest
import websockets
from websockets.asyncio.client import ClientConnection

from orbithub.api.serve import serve_api
from orbithub.fleet.changes import changes_subject, encode_changes
from orbithub.storage import users as user_store
from orbithub.storage.fleet import FleetChange
from tests.fleet.gateway.conftest import T0, Fleet

pytestmark = pytest.mark.postgres


@pytest.fixture
async def ws_base(fleet: Fleet) -> AsyncIterator[str]:
    fleet.app.state.settings = dataclasses.replace(fleet.app.state.settings, ws_recheck_s=0.2)
    ready = asyncio.Event()
    server = asyncio.create_task(serve_api(fleet.app, "127.0.0.1", 0, ready=ready))
    try:
        async with asyncio.timeout(10):
            await ready.wait()
        yield f"ws://127.0.0.1:{fleet.app.state.bound_port}/api/homes/ws"
    finally:
        server.cancel()
        await asyncio.gather(server, return_exceptions=True)


async def _next(ws: ClientConnection, kind: str, within: float = 5.0) -> dict[str, Any]:
    async with asyncio.timeout(within):
        while True:
            message: dict[str, Any] = orjson.loads(await ws.recv())
            if message["type"] == kind:
                return message


async def _nothing(ws: ClientConnection, within: float = 0.5) -> None:
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(within):
            await ws.recv()


async def _publish(fleet: Fleet, home: str, *changes: FleetChange, subject: str = "") -> None:
    await fleet.nc.publish(subject or changes_subject(home), encode_changes(home, changes))
    await fleet.nc.flush()


def _lamp(home: str, value: int, seq: int) -> FleetChange:
    return FleetChange(home, "lamp", "light.brightness", value, T0 + timedelta(seconds=seq), seq)


async def test_a_person_sees_their_homes_and_their_changes_only(fleet: Fleet, ws_base: str) -> None:
    async with (
        websockets.connect(f"{ws_base}?token={fleet.tokens['bob']}") as bob,
        websockets.connect(ws_base) as alice,
    ):
        # Alice authenticates with a first message instead of the URL.
        await alice.send(orjson.dumps({"type": "auth", "token": fleet.tokens["alice"]}).decode())
        snapshot = await _next(bob, "snapshot")
        assert [h["id"] for h in snapshot["homes"]] == ["flat-b"]
        assert snapshot["homes"][0]["devices"][0]["state"]["light.brightness"]["value"] == 90
        assert [h["id"] for h in (await _next(alice, "snapshot"))["homes"]] == ["flat-a"]
        await _publish(fleet, "flat-a", _lamp("flat-a", 11, 10))
        changed = await _next(alice, "changed")
        assert (changed["home"], changed["device"], changed["value"]) == ("flat-a", "lamp", 11)
        await _publish(fleet, "flat-b", _lamp("flat-b", 22, 11))
        assert (await _next(bob, "changed"))["value"] == 22
        # Neither got the other's change.
        await _nothing(bob)
        await _nothing(alice)


async def test_a_payload_naming_another_home_is_not_trusted(fleet: Fleet, ws_base: str) -> None:
    async with websockets.connect(f"{ws_base}?token={fleet.tokens['bob']}") as bob:
        await _next(bob, "snapshot")
        # On bob's home's subject, but the payload says flat-a.
        await _publish(fleet, "flat-a", _lamp("flat-a", 33, 12), subject=changes_subject("flat-b"))
        await _nothing(bob)


async def test_a_bad_token_is_refused_with_4401(fleet: Fleet, ws_base: str) -> None:
    async with websockets.connect(f"{ws_base}?token=not-a-token") as ws:
        error = await _next(ws, "error")
        assert error["code"] == "unauthenticated"
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await ws.recv()
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 4401


async def test_leaving_a_home_stops_its_changes(fleet: Fleet, ws_base: str) -> None:
    carl = next(u.id for u in await user_store.list_users(fleet.db) if u.username == "carl")
    async with websockets.connect(f"{ws_base}?token={fleet.tokens['carl']}") as ws:
        assert [h["id"] for h in (await _next(ws, "snapshot"))["homes"]] == ["flat-a"]
        await fleet.store.homes.remove_member("flat-a", carl)
        assert (await _next(ws, "snapshot"))["homes"] == []
        await _publish(fleet, "flat-a", _lamp("flat-a", 44, 13))
        await _nothing(ws)
        await ws.send('{"type": "ping"}')
        assert (await _next(ws, "pong"))["type"] == "pong"
