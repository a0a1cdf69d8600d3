"""Every error is JSON with a stable code: validation, malformed bodies, size, unknown routes."""

from __future__ import annotations

from collections.abc import AsyncIterator

from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness


async def test_invalid_fields_are_422_with_their_paths(api: ApiHarness) -> None:
    owner = await api.owner()
    answer = await api.client.post(
        "/api/users",
        json={"username": "", "password": "short", "role": "emperor"},
        headers=owner.headers,
    )
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "validation_failed"
    paths = {e["path"] for e in body["detail"]["errors"]}
    assert paths == {"body.username", "body.password", "body.role"}
    assert "body.password" in body["message"]


async def test_malformed_json_is_400(api: ApiHarness) -> None:
    answer = await api.client.post(
        "/api/auth/login",
        content=b'{"username": "alex", ',
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 400
    assert answer.json()["code"] == "malformed_json"


async def test_oversized_body_is_413(api: ApiHarness) -> None:
    limit = api.app.state.settings.max_body_bytes
    big = b'{"username": "' + b"a" * limit + b'", "password": "x"}'
    answer = await api.client.post(
        "/api/auth/login", content=big, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 413
    assert answer.json()["code"] == "too_large"


async def test_streamed_oversized_body_is_413(api: ApiHarness) -> None:
    limit = api.app.state.settings.max_body_bytes

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"username": "'
        for _ in range(limit // 65_536 + 2):
            yield b"a" * 65_536
        yield b'"}'

    answer = await api.client.post(
        "/api/auth/login", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 413


async def test_unknown_endpoint_and_method(api: ApiHarness) -> None:
    missing = await api.client.get("/api/nothing-here")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"
    wrong = await api.client.delete("/api/onboarding")
    assert wrong.status_code == 405
    assert wrong.json()["code"] == "method_not_allowed"


async def test_owner_only_routes_are_403_for_others(api: ApiHarness) -> None:
    await api.owner()
    kid = await api.person("kid", Role.CHILD)
    answer = await api.client.post(
        "/api/users",
        json={"username": "x", "password": "password123"},
        headers=kid.headers,
    )
    assert answer.status_code == 403
    assert answer.json()["code"] == "forbidden"
    assert "owner" in answer.json()["message"]
