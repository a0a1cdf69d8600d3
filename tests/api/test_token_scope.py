"""Tokens that cannot grow: a scoped integration token stays within its scope, over a real server.

Each test replays an attack: a token limited to one space tries to mint a wider token, to create
an owner, to list users, to change a password.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import httpx

from orbithub.storage.users import Role
from tests.api.conftest import PASSWORD, ApiHarness, Person, Scope, served


@contextlib.asynccontextmanager
async def _hub(api: ApiHarness) -> AsyncIterator[httpx.AsyncClient]:
    async with served(api.app) as base, httpx.AsyncClient(base_url=base) as client:
        yield client


async def _token(
    client: httpx.AsyncClient, person: Person, **body: object
) -> tuple[str, dict[str, object]]:
    created = await client.post(
        "/api/tokens", json={"name": "tablet", **body}, headers=person.headers
    )
    assert created.status_code == 201, created.text
    answer = created.json()
    return str(answer["token"]), answer


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_a_scoped_token_cannot_mint_a_wider_one(api: ApiHarness) -> None:
    owner = await api.owner()
    async with _hub(api) as client:
        scoped, _ = await _token(client, owner, space_ids=["office"])
        # An empty list meant "every space"; for a scoped token it means its own spaces.
        minted = await client.post(
            "/api/tokens", json={"name": "wider", "space_ids": []}, headers=_bearer(scoped)
        )
        assert minted.status_code == 201, minted.text
        assert minted.json()["space_ids"] == ["office"]
        child = _bearer(minted.json()["token"])
        spaces = await client.get("/api/spaces", headers=child)
        assert [s["id"] for s in spaces.json()] == ["office"]
        assert (await client.get("/api/devices/front-door-lock", headers=child)).status_code == 404
        wider = await client.post(
            "/api/tokens",
            json={"name": "home too", "space_ids": ["office", "home"]},
            headers=_bearer(scoped),
        )
        assert wider.status_code == 403
        assert wider.json()["code"] == "beyond_token_scope"


async def test_a_token_cannot_outlive_the_token_that_made_it(api: ApiHarness) -> None:
    owner = await api.owner()
    ends = api.token_clock.now() + 3600
    async with _hub(api) as client:
        short, _ = await _token(client, owner, expires_at=ends)
        forever = await client.post("/api/tokens", json={"name": "x"}, headers=_bearer(short))
        assert forever.status_code == 201
        assert forever.json()["expires_at"] == ends
        later = await client.post(
            "/api/tokens", json={"name": "x", "expires_at": ends + 60}, headers=_bearer(short)
        )
        assert later.status_code == 403


async def test_a_token_never_reaches_account_routes(api: ApiHarness) -> None:
    owner = await api.owner()
    mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
    async with _hub(api) as client:
        scoped, _ = await _token(client, owner, space_ids=["office"])
        unscoped, _ = await _token(client, owner)
        mei_token, _ = await _token(client, mei)
        for token in (scoped, unscoped):
            headers = _bearer(token)
            attempts = [
                await client.get("/api/users", headers=headers),
                await client.post(
                    "/api/users",
                    json={"username": "mallory", "password": PASSWORD, "role": "owner"},
                    headers=headers,
                ),
                await client.patch(
                    f"/api/users/{mei.id}", json={"password": "stolen password"}, headers=headers
                ),
                await client.post(
                    f"/api/users/{mei.id}/grants", json={"space_id": "home"}, headers=headers
                ),
                await client.patch(
                    "/api/me",
                    json={"password": "stolen password", "current_password": PASSWORD},
                    headers=headers,
                ),
            ]
            assert [a.status_code for a in attempts] == [403] * len(attempts)
            # Nobody was created and the passwords still work.
            assert (await api.login("mallory")).status_code == 401
            assert (await api.login("mei")).status_code == 200
            assert (await api.login("alex")).status_code == 200
        # The owner's token sees only the owner's own tokens, not Mei's.
        listed = await client.get("/api/tokens", headers=_bearer(unscoped))
        assert listed.status_code == 200
        assert len(listed.json()) == 2
        mei_id = next(
            t["id"]
            for t in (await client.get("/api/tokens", headers=owner.headers)).json()
            if t["id"] not in {x["id"] for x in listed.json()}
        )
        gone = await client.delete(f"/api/tokens/{mei_id}", headers=_bearer(unscoped))
        assert gone.status_code == 404
        assert (await client.get("/api/me", headers=_bearer(mei_token))).status_code == 200
