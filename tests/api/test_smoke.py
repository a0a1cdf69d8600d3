"""The app answers end to end: onboarding, sign-in, the devices of the demo home."""

from __future__ import annotations

from tests.api.conftest import ApiHarness


async def test_onboarding_then_devices(api: ApiHarness) -> None:
    assert (await api.client.get("/api/onboarding")).json() == {"needed": True}
    owner = await api.owner()
    assert (await api.client.get("/api/onboarding")).json() == {"needed": False}
    devices = await api.client.get("/api/devices", headers=owner.headers)
    assert devices.status_code == 200
    ids = {d["id"] for d in devices.json()}
    assert {"front-door-lock", "living-room-ac", "office-ac"} <= ids
    lock = next(d for d in devices.json() if d["id"] == "front-door-lock")
    assert lock["type"] == "lock"
    assert lock["controllable"] is True
    assert lock["state"]["lock.locked"]["value"] in (True, False)


async def test_without_a_token_the_api_answers_401(api: ApiHarness) -> None:
    answer = await api.client.get("/api/devices")
    assert answer.status_code == 401
    assert answer.json()["code"] == "unauthenticated"
