"""Onboarding, sign-in, token rotation, sign-out, login limits, and account management."""

from __future__ import annotations

import jwt

from orbithub.storage.users import Role
from tests.api.conftest import PASSWORD, ApiHarness, Scope


async def test_onboarding_only_once(api: ApiHarness) -> None:
    await api.owner()
    again = await api.client.post(
        "/api/onboarding", json={"username": "eve", "password": "password123"}
    )
    assert again.status_code == 409
    assert again.json()["code"] == "already_onboarded"
    assert (await api.login("eve", "password123")).status_code == 401


async def test_login_and_me(api: ApiHarness) -> None:
    owner = await api.owner()
    answer = await api.login("alex")
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "bearer"  # noqa: S105 - the scheme
    assert body["user"] == {
        "id": owner.id,
        "username": "alex",
        "display_name": "Alex",
        "role": "owner",
        "language": "en",
        "counts_for_presence": True,
        "security_notices": True,
    }
    me = await api.client.get(
        "/api/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["user"]["username"] == "alex"


async def test_wrong_password_is_401_without_saying_which(api: ApiHarness) -> None:
    await api.owner()
    wrong = await api.login("alex", "not the password")
    nobody = await api.login("nobody", "not the password")
    assert wrong.status_code == nobody.status_code == 401
    assert wrong.json()["message"] == nobody.json()["message"]


async def test_refresh_rotates_and_reuse_revokes_the_family(api: ApiHarness) -> None:
    owner = await api.owner()
    first = await api.client.post("/api/auth/refresh", json={"refresh_token": owner.refresh_token})
    assert first.status_code == 200
    second_token = first.json()["refresh_token"]
    assert second_token != owner.refresh_token
    # The old token was rotated: presenting it again is a replay, which signs out the family.
    replay = await api.client.post("/api/auth/refresh", json={"refresh_token": owner.refresh_token})
    assert replay.status_code == 401
    assert "already used" in replay.json()["message"]
    after = await api.client.post("/api/auth/refresh", json={"refresh_token": second_token})
    assert after.status_code == 401


async def test_logout_revokes_the_refresh_token(api: ApiHarness) -> None:
    owner = await api.owner()
    out = await api.client.post("/api/auth/logout", json={"refresh_token": owner.refresh_token})
    assert out.status_code == 204
    refresh = await api.client.post(
        "/api/auth/refresh", json={"refresh_token": owner.refresh_token}
    )
    assert refresh.status_code == 401


async def test_expired_and_forged_access_tokens_are_401(api: ApiHarness) -> None:
    owner = await api.owner()
    assert (await api.client.get("/api/me", headers=owner.headers)).status_code == 200
    await api.token_clock.advance(api.app.state.settings.access_ttl + 1)
    expired = await api.client.get("/api/me", headers=owner.headers)
    assert expired.status_code == 401
    assert "expired" in expired.json()["message"]
    assert expired.headers["WWW-Authenticate"] == "Bearer"
    claims = jwt.decode(owner.access_token, options={"verify_signature": False})
    claims["exp"] = api.token_clock.now() + 600
    forged = jwt.encode(claims, "a key that is not the hub signing key", algorithm="HS256")
    answer = await api.client.get("/api/me", headers={"Authorization": f"Bearer {forged}"})
    assert answer.status_code == 401
    assert answer.json()["code"] == "unauthenticated"
    garbage = await api.client.get("/api/me", headers={"Authorization": "Bearer x.y.z"})
    assert garbage.status_code == 401


async def test_login_delays_grow_per_user_name_and_address(api: ApiHarness) -> None:
    await api.owner()
    for _ in range(5):
        assert (await api.login("alex", "guess")).status_code == 401
    waits = []
    for _ in range(3):
        limited = await api.login("alex", PASSWORD)  # even the right password waits
        assert limited.status_code == 429
        assert limited.json()["code"] == "rate_limited"
        wait = int(limited.headers["Retry-After"])
        waits.append(wait)
        await api.token_clock.advance(wait)
        assert (await api.login("alex", "guess")).status_code == 401
    assert waits == sorted(waits)
    assert waits[-1] > waits[0]
    await api.token_clock.advance(int((await api.login("alex")).headers["Retry-After"]))
    assert (await api.login("alex", PASSWORD)).status_code == 200


async def test_login_is_rate_limited_per_address(api: ApiHarness) -> None:
    await api.owner()
    for i in range(20):
        assert (await api.login(f"user{i}", "guess")).status_code == 401
    limited = await api.login("alex", PASSWORD)
    assert limited.status_code == 429
    assert "Retry-After" in limited.headers


async def test_password_change_signs_out_other_sessions(api: ApiHarness) -> None:
    owner = await api.owner()
    changed = await api.client.patch(
        "/api/me",
        json={"password": "a new long password", "current_password": PASSWORD},
        headers=owner.headers,
    )
    assert changed.status_code == 200
    old = await api.client.post("/api/auth/refresh", json={"refresh_token": owner.refresh_token})
    assert old.status_code == 401
    assert (await api.login("alex", PASSWORD)).status_code == 401
    assert (await api.login("alex", "a new long password")).status_code == 200


async def test_owner_manages_users_and_grants(api: ApiHarness) -> None:
    owner = await api.owner()
    mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
    users = await api.client.get("/api/users", headers=owner.headers)
    assert {u["username"] for u in users.json()} == {"alex", "mei"}
    grants = await api.client.get(f"/api/users/{mei.id}/grants", headers=owner.headers)
    assert [g["space_id"] for g in grants.json()] == ["home"]
    taken = await api.client.post(
        "/api/users",
        json={"username": "mei", "password": "password123", "role": "child"},
        headers=owner.headers,
    )
    assert taken.status_code == 409
    # An adult may not manage accounts.
    forbidden = await api.client.get("/api/users", headers=mei.headers)
    assert forbidden.status_code == 403
    assert forbidden.json()["code"] == "forbidden"
    # Taking the grant away hides the home at once.
    assert len((await api.client.get("/api/spaces", headers=mei.headers)).json()) == 1
    gone = await api.client.delete(f"/api/grants/{mei.grant_ids[0]}", headers=owner.headers)
    assert gone.status_code == 204
    assert (await api.client.get("/api/spaces", headers=mei.headers)).json() == []
    deleted = await api.client.delete(f"/api/users/{mei.id}", headers=owner.headers)
    assert deleted.status_code == 204
    assert (await api.client.get("/api/me", headers=mei.headers)).status_code == 401


async def test_a_null_language_means_english(api: ApiHarness) -> None:
    owner = await api.owner()
    created = await api.client.post(
        "/api/users",
        json={"username": "nai", "password": "password123", "language": None},
        headers=owner.headers,
    )
    assert created.status_code == 201
    assert created.json()["language"] == "en"


async def test_the_last_owner_stays(api: ApiHarness) -> None:
    owner = await api.owner()
    demote = await api.client.patch(
        f"/api/users/{owner.id}", json={"role": "adult"}, headers=owner.headers
    )
    assert demote.status_code == 409
    delete = await api.client.delete(f"/api/users/{owner.id}", headers=owner.headers)
    assert delete.status_code == 409


async def test_grants_naming_unknown_places_are_refused(api: ApiHarness) -> None:
    owner = await api.owner()
    leo = await api.person("leo", Role.CHILD)
    for body, code in (
        ({"space_id": "moon"}, "unknown_space"),
        ({"space_id": "home", "room_ids": ["office-room"]}, "unknown_room"),
        ({"space_id": "home", "device_ids": ["office-ac"]}, "unknown_device"),
        ({"space_id": "home", "expires_at": api.clock.now() - 1}, "already_expired"),
    ):
        answer = await api.client.post(
            f"/api/users/{leo.id}/grants", json=body, headers=owner.headers
        )
        assert answer.status_code == 422, body
        assert answer.json()["code"] == code
    guest = await api.person("visitor", Role.GUEST)
    whole = await api.client.post(
        f"/api/users/{guest.id}/grants", json={"space_id": "home"}, headers=owner.headers
    )
    assert whole.status_code == 422
    assert whole.json()["code"] == "guest_needs_scope"


async def test_integration_tokens(api: ApiHarness) -> None:
    owner = await api.owner()
    created = await api.client.post(
        "/api/tokens",
        json={"name": "wall tablet", "space_ids": ["office"]},
        headers=owner.headers,
    )
    assert created.status_code == 201
    secret = created.json()["token"]
    token_id = created.json()["id"]
    listed = await api.client.get("/api/tokens", headers=owner.headers)
    assert [t["name"] for t in listed.json()] == ["wall tablet"]
    assert listed.json()[0]["token"] is None  # shown once only
    tablet = {"Authorization": f"Bearer {secret}"}
    spaces = await api.client.get("/api/spaces", headers=tablet)
    assert [s["id"] for s in spaces.json()] == ["office"]  # the token narrows the owner
    lock = await api.client.get("/api/devices/front-door-lock", headers=tablet)
    assert lock.status_code == 404
    used = (await api.client.get("/api/tokens", headers=owner.headers)).json()
    assert used[0]["last_used_at"] == api.token_clock.now()
    revoked = await api.client.delete(f"/api/tokens/{token_id}", headers=owner.headers)
    assert revoked.status_code == 204
    assert (await api.client.get("/api/spaces", headers=tablet)).status_code == 401


async def test_integration_token_expires(api: ApiHarness) -> None:
    owner = await api.owner()
    created = await api.client.post(
        "/api/tokens",
        json={"name": "script", "expires_at": api.token_clock.now() + 60},
        headers=owner.headers,
    )
    tablet = {"Authorization": f"Bearer {created.json()['token']}"}
    assert (await api.client.get("/api/spaces", headers=tablet)).status_code == 200
    await api.token_clock.advance(61)
    assert (await api.client.get("/api/spaces", headers=tablet)).status_code == 401


async def test_account_changes_are_audited(api: ApiHarness) -> None:
    owner = await api.owner()
    leo = await api.person("leo", Role.CHILD, grants=[Scope("home", room_ids=["study"])])
    entries = (await api.client.get("/api/audit", headers=owner.headers)).json()
    actions = [(e["actor"], e["action"], e["target"]) for e in entries]
    assert ("alex", "user.create", "leo") in actions
    assert ("alex", "grant.create", "leo") in actions
    assert (await api.client.get("/api/audit", headers=leo.headers)).status_code == 403
