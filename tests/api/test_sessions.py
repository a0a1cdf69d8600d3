"""Sessions end when they should: sign-out, password change, owner reset, token expiry.

Everything runs over a real server; the WebSocket is a real client. A refused live view gets an
``error`` message and close code 4401.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import httpx
import jwt
import orjson
import pytest
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from orbithub.storage import tokens as token_store
from orbithub.storage.users import Role
from tests.api.conftest import PASSWORD, ApiHarness, Person, Scope, served
from tests.api.test_ws import live, receive

NEW_PASSWORD = "a new long password"  # noqa: S105 - a test password


@contextlib.asynccontextmanager
async def _hub(api: ApiHarness) -> AsyncIterator[tuple[str, httpx.AsyncClient]]:
    async with served(api.app) as base, httpx.AsyncClient(base_url=base) as client:
        yield base, client


async def _closed(socket: ClientConnection, within: float = 10.0) -> str:
    """Read until the server closes with 4401; returns the error message it sent first."""
    messages: list[dict[str, object]] = []

    async def read_all() -> None:
        while True:
            messages.append(await receive(socket, within))

    with pytest.raises(ConnectionClosed) as closed:
        await read_all()
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4401
    errors = [m for m in messages if m["type"] == "error"]
    assert [m["code"] for m in errors] == ["unauthenticated"]
    return str(errors[0]["message"])


async def _second_session(api: ApiHarness, person: Person) -> Person:
    signed_in = await api.login(person.username, person.password)
    assert signed_in.status_code == 200
    body = signed_in.json()
    return Person(
        person.id,
        person.username,
        person.role,
        body["access_token"],
        body["refresh_token"],
        person.password,
    )


async def test_a_new_password_needs_the_current_one(api: ApiHarness) -> None:
    owner = await api.owner()
    async with _hub(api) as (_, client):
        bare = await client.patch("/api/me", json={"password": NEW_PASSWORD}, headers=owner.headers)
        assert bare.status_code == 422
        assert bare.json()["code"] == "current_password_required"
        wrong = await client.patch(
            "/api/me",
            json={"password": NEW_PASSWORD, "current_password": "not it at all"},
            headers=owner.headers,
        )
        assert wrong.status_code == 403
        assert wrong.json()["code"] == "wrong_password"
        assert (await api.login("alex", PASSWORD)).status_code == 200
        # Other changes need no password.
        named = await client.patch("/api/me", json={"display_name": "Al"}, headers=owner.headers)
        assert named.status_code == 200


async def test_a_password_change_ends_every_other_session(api: ApiHarness) -> None:
    owner = await api.owner()
    laptop = await _second_session(api, owner)
    async with _hub(api) as (base, client), live(base, laptop, devices=["lamp"]) as socket:
        assert (await receive(socket))["type"] == "snapshot"
        changed = await client.patch(
            "/api/me",
            json={"password": NEW_PASSWORD, "current_password": PASSWORD},
            headers=owner.headers,
        )
        assert changed.status_code == 200, changed.text
        assert "password" in await _closed(socket)
        # The old access tokens and refresh tokens are refused; this session goes on.
        for old in (owner, laptop):
            assert (await client.get("/api/me", headers=old.headers)).status_code == 401
            refreshed = await client.post(
                "/api/auth/refresh", json={"refresh_token": old.refresh_token}
            )
            assert refreshed.status_code == 401
        fresh = {"Authorization": f"Bearer {changed.json()['access_token']}"}
        assert (await client.get("/api/me", headers=fresh)).status_code == 200
        assert (await api.login("alex", NEW_PASSWORD)).status_code == 200


async def test_an_owner_reset_ends_the_user_s_sessions(api: ApiHarness) -> None:
    owner = await api.owner()
    mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
    async with _hub(api) as (base, client), live(base, mei, devices=["lamp"]) as socket:
        assert (await receive(socket))["type"] == "snapshot"
        reset = await client.patch(
            f"/api/users/{mei.id}", json={"password": NEW_PASSWORD}, headers=owner.headers
        )
        assert reset.status_code == 200
        await _closed(socket)
        assert (await client.get("/api/me", headers=mei.headers)).status_code == 401
        assert (await client.get("/api/me", headers=owner.headers)).status_code == 200


async def test_logout_ends_that_session_and_its_live_view(api: ApiHarness) -> None:
    owner = await api.owner()
    phone = await _second_session(api, owner)
    async with (
        _hub(api) as (base, client),
        live(base, owner, devices=["lamp"]) as leaving,
        live(base, phone, devices=["lamp"]) as staying,
    ):
        assert (await receive(leaving))["type"] == "snapshot"
        assert (await receive(staying))["type"] == "snapshot"
        out = await client.post("/api/auth/logout", json={"refresh_token": owner.refresh_token})
        assert out.status_code == 204
        assert "signed out" in await _closed(leaving)
        assert (await client.get("/api/me", headers=owner.headers)).status_code == 401
        # The phone's session is another sign-in: it goes on.
        assert (await client.get("/api/me", headers=phone.headers)).status_code == 200
        await staying.send(orjson.dumps({"type": "ping"}).decode())
        assert (await receive(staying))["type"] == "pong"
        everywhere = await client.post(
            "/api/auth/logout", json={"refresh_token": phone.refresh_token, "everywhere": True}
        )
        assert everywhere.status_code == 204
        await _closed(staying)
        assert (await client.get("/api/me", headers=phone.headers)).status_code == 401


async def test_a_live_view_closes_when_its_token_expires(api: ApiHarness) -> None:
    owner = await api.owner()
    async with _hub(api) as (base, _), live(base, owner, devices=["lamp"]) as socket:
        assert (await receive(socket))["type"] == "snapshot"
        await api.token_clock.advance(api.app.state.settings.access_ttl + 1)
        assert "expired" in await _closed(socket)


async def test_a_token_claiming_a_long_life_is_refused(api: ApiHarness) -> None:
    owner = await api.owner()
    key = await token_store.stored_secret(api.db, "jwt-signing-key")
    assert key is not None
    claims = jwt.decode(
        owner.access_token, key, algorithms=["HS256"], options={"verify_exp": False}
    )
    year = {**claims, "exp": claims["iat"] + 365 * 86_400}
    forged = jwt.encode(year, key, algorithm="HS256")
    async with _hub(api) as (_, client):
        answer = await client.get("/api/me", headers={"Authorization": f"Bearer {forged}"})
        assert answer.status_code == 401
        assert "lifetime" in answer.json()["message"]
        assert (await client.get("/api/me", headers=owner.headers)).status_code == 200
