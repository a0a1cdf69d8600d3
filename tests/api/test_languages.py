"""Every text the API writes for people comes in the request's language; codes never change."""

from __future__ import annotations

import pytest

from orbithub.storage.users import Role
from tests.api.conftest import PASSWORD, ApiHarness

_CHINESE = {"Accept-Language": "zh-CN"}
_GERMAN = {"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}
_WRONG_LOGIN_ZH = "用户名或密码错误，请检查后重试"  # noqa: RUF001 - Chinese punctuation


async def test_a_wrong_password_in_chinese_is_refused_in_chinese(api: ApiHarness) -> None:
    await api.owner()
    body = {"username": "alex", "password": "not the password"}
    chinese = await api.client.post("/api/auth/login", json=body, headers=_CHINESE)
    assert chinese.status_code == 401
    assert chinese.json()["code"] == "unauthenticated"
    assert chinese.json()["message"] == _WRONG_LOGIN_ZH
    english = await api.client.post("/api/auth/login", json=body)
    assert english.json()["code"] == "unauthenticated"
    assert english.json()["message"].startswith("wrong user name or password")
    german = await api.client.post("/api/auth/login", json=body, headers=_GERMAN)
    assert german.json()["message"].startswith("Benutzername oder Passwort ist falsch")


async def test_the_sign_in_delay_says_how_long_in_the_request_language(api: ApiHarness) -> None:
    await api.owner()
    for _ in range(5):
        assert (await api.login("alex", "guess")).status_code == 401
    limited = await api.client.post(
        "/api/auth/login", json={"username": "alex", "password": PASSWORD}, headers=_CHINESE
    )
    assert limited.status_code == 429
    assert limited.json()["code"] == "rate_limited"
    wait = limited.headers["Retry-After"]
    assert limited.json()["message"] == f"登录失败次数过多，请等待 {wait} 秒后再试"  # noqa: RUF001
    german = await api.client.post(
        "/api/auth/login", json={"username": "alex", "password": PASSWORD}, headers=_GERMAN
    )
    assert german.json()["message"].startswith("Zu viele fehlgeschlagene Anmeldungen")


async def test_permission_and_validation_errors_follow_the_language(api: ApiHarness) -> None:
    await api.owner()
    child = await api.person("kid", role=Role.CHILD)
    refused = await api.client.get("/api/users", headers={**child.headers, **_GERMAN})
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden"
    assert refused.json()["message"].startswith("Nur ein Eigentümer")
    unsigned = await api.client.get("/api/me", headers=_CHINESE)
    assert unsigned.json() == {"code": "unauthenticated", "message": "请先登录"}
    bad = await api.client.post("/api/auth/login", json={"username": "alex"}, headers=_CHINESE)
    assert bad.status_code == 422
    assert bad.json()["code"] == "validation_failed"
    assert bad.json()["message"].startswith("请求中有无效的字段")
    assert bad.json()["detail"]["errors"][0]["path"] == "body.password"


@pytest.mark.parametrize("query", ["zh", "zh-CN"])
async def test_lang_in_the_query_wins_over_the_header(api: ApiHarness, query: str) -> None:
    await api.owner()
    answer = await api.client.post(
        f"/api/auth/login?lang={query}",
        json={"username": "alex", "password": "nope"},
        headers=_GERMAN,
    )
    assert answer.json()["message"] == _WRONG_LOGIN_ZH


async def test_an_unknown_endpoint_and_a_too_large_body_in_german(api: ApiHarness) -> None:
    missing = await api.client.get("/api/no-such-thing", headers=_GERMAN)
    assert missing.status_code == 404
    assert missing.json()["message"] == "Diesen Endpunkt gibt es nicht"
    big = await api.client.post(
        "/api/auth/login",
        content=b"{" + b" " * 2_000_000 + b"}",
        headers={**_GERMAN, "Content-Type": "application/json"},
    )
    assert big.status_code == 413
    assert big.json()["code"] == "too_large"
    assert big.json()["message"].startswith("Der Inhalt der Anfrage ist größer als")
