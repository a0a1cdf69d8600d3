"""Every text the API writes for people comes in the request's language; codes never change."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest

from orbithub.api import HubServices, set_services
from orbithub.assistant.security_notices import SecurityNotices
from orbithub.automation import Engine
from orbithub.cli.automations import start_automations
from orbithub.cli.companion import start_companion
from orbithub.core.tasks import task_scope
from orbithub.demo.scenes import documents
from orbithub.storage.users import Role
from tests.api.conftest import PASSWORD, ApiHarness, Person, Scope, open_api, served

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
    owner = await api.owner()
    unknown = await api.client.put(
        "/api/devices/no-such-lamp/properties/light.on",
        json={"value": True},
        headers={**owner.headers, **_GERMAN},
    )
    assert unknown.status_code == 404
    assert unknown.json()["message"] == "Kein Gerät „no-such-lamp“, das Sie sehen dürfen"
    unsigned = await api.client.get("/api/me", headers=_CHINESE)
    assert unsigned.json() == {"code": "unauthenticated", "message": "请先登录"}
    bad = await api.client.post("/api/auth/login", json={"username": "alex"}, headers=_CHINESE)
    assert bad.status_code == 422
    assert bad.json()["code"] == "validation_failed"
    assert bad.json()["message"].startswith("请求中有无效的字段")
    assert bad.json()["detail"]["errors"][0]["path"] == "body.password"


async def test_managing_people_is_refused_in_the_request_language(api: ApiHarness) -> None:
    owner = await api.owner()
    taken = await api.client.post(
        "/api/users",
        json={"username": "alex", "password": PASSWORD, "role": "adult"},
        headers={**owner.headers, **_GERMAN},
    )
    assert taken.status_code == 409
    assert taken.json() == {
        "code": "username_taken",
        "message": "Der Benutzername „alex“ ist vergeben; wählen Sie einen anderen",
    }
    alone = await api.client.patch(
        f"/api/users/{owner.id}", json={"role": "adult"}, headers={**owner.headers, **_CHINESE}
    )
    assert alone.status_code == 409
    assert alone.json()["code"] == "last_owner"
    assert alone.json()["message"].startswith("中枢需要一位主人")


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


async def test_the_owners_security_notice_comes_in_each_owners_language(tmp_path: Path) -> None:
    async with open_api(tmp_path) as api, task_scope() as tasks:
        services = await start_companion(api.hub, api.db, tmp_path, tasks)
        set_services(api.app, HubServices(companion=services.companion, presence=services.presence))
        tasks.create_task(SecurityNotices(api.hub, api.db).run())
        try:
            async with served(api.app) as base, httpx.AsyncClient(base_url=base) as client:
                owner = await api.owner()
                sam = await api.person("sam", Role.OWNER)
                leo = await api.person(
                    "leo", Role.CHILD, grants=[Scope("home", ["study"], ["front-door-lock"])]
                )
                for person, language in ((owner, "de"), (sam, "zh-CN")):
                    saved = await client.patch(
                        "/api/me", json={"language": language}, headers=person.headers
                    )
                    assert saved.status_code == 200, saved.text
                done = await client.put(
                    "/api/devices/front-door-lock/properties/lock.locked",
                    json={"value": False, "confirm": True},
                    headers=leo.headers,
                )
                assert done.status_code == 200, done.text
                told = {
                    "alex": ("leo hat Front door lock entriegelt", "leo ist ein Kind."),
                    "sam": ("leo解锁了Front door lock", "leo是孩子。"),
                }
                for person in (owner, sam):
                    async with asyncio.timeout(5):
                        while not (found := await _titles(client, person)):  # noqa: ASYNC110 - over HTTP
                            await asyncio.sleep(0.05)
                    assert found == [told[person.username]]
        finally:
            await services.aclose()


async def _titles(client: httpx.AsyncClient, person: Person) -> list[tuple[str, str]]:
    answer = await client.get("/api/notifications", headers=person.headers)
    assert answer.status_code == 200, answer.text
    return [(n["title"], n["message"]) for n in answer.json()]


async def _in_three(
    api: ApiHarness, owner: Person, url: str, *, method: str = "GET", put: object = None
) -> tuple[dict[str, Any], ...]:
    """The error body ``url`` answers in English, Chinese and German, with one status."""
    answers = []
    for headers in ({}, _CHINESE, _GERMAN):
        both = {**owner.headers, **headers}
        if put is not None and method == "GET":
            method = "PUT"
        answer = await api.client.request(method, url, json=put, headers=both)
        answers.append(answer)
    assert len({a.status_code for a in answers}) == 1
    assert answers[0].status_code >= 400
    assert len({a.json()["code"] for a in answers}) == 1
    return tuple(a.json() for a in answers)


async def test_route_errors_come_in_the_request_language_with_the_same_code(
    api: ApiHarness,
) -> None:
    owner = await api.owner()
    english, chinese, german = await _in_three(api, owner, "/api/vehicles/no-such-car")
    assert english == {
        "code": "not_found",
        "message": "no vehicle 'no-such-car' that you may see; GET /api/vehicles lists yours",
    }
    assert chinese["message"] == "没有您可以查看的车辆“no-such-car”"
    assert german["message"] == "Kein Fahrzeug „no-such-car“, das Sie sehen dürfen"

    url = "/api/devices/desk-lamp/history/light.brightness?since=2000&until=1000"
    english, chinese, german = await _in_three(api, owner, url)
    assert english["code"] == "invalid_range"
    assert english["message"] == "since (2000.0) is after until (1000.0); swap them"
    assert chinese["message"] == "开始时间（2000.0）晚于结束时间（1000.0），请将两者对调"  # noqa: RUF001
    assert german["message"].startswith("Der Beginn (2000.0) liegt nach dem Ende (1000.0)")

    english, chinese, german = await _in_three(api, owner, "/api/energy?span=day&date=31.12.")
    assert english["code"] == "invalid_date"
    assert english["message"].startswith("date '31.12.' is not a calendar date")
    assert "“31.12.”不是" in chinese["message"]
    assert german["message"].endswith("schreiben Sie es als JJJJ-MM-TT")

    english, chinese, german = await _in_three(api, owner, "/api/tariffs/nowhere")
    assert english["message"].startswith("no home 'nowhere' that you may see")
    assert chinese["message"] == "没有您可以查看的家庭“nowhere”"
    assert german["message"] == "Kein Zuhause „nowhere“, das Sie sehen dürfen"


async def test_a_value_out_of_range_and_an_unknown_device_in_each_language(
    api: ApiHarness,
) -> None:
    owner = await api.owner()
    url = "/api/devices/desk-lamp/properties/light.brightness"
    english, chinese, german = await _in_three(api, owner, url, put={"value": 500})
    assert english["code"] == "value_rejected"
    assert chinese["message"].startswith("设备不接受这个值")
    assert german["message"].startswith("Das Gerät akzeptiert diesen Wert nicht")
    url = "/api/devices/no-such-lamp/properties/light.on"
    english, chinese, german = await _in_three(api, owner, url, put={"value": True})
    assert english["code"] == "not_found"
    assert english["message"].startswith("no device 'no-such-lamp' that you may see")
    assert chinese["message"] == "没有您可以查看的设备“no-such-lamp”"


async def test_a_missing_service_is_reported_in_the_request_language(api: ApiHarness) -> None:
    owner = await api.owner()
    english, chinese, german = await _in_three(api, owner, "/api/tariffs/home")
    assert english["code"] == "unavailable"
    assert english["message"].startswith("the mobility services (smart charging")
    assert chinese["message"].startswith("出行服务")
    assert german["message"].startswith("Die Mobilitätsdienste")


async def test_grant_notification_and_push_errors_in_each_language(api: ApiHarness) -> None:
    owner = await api.owner()
    leo = await api.person("leo", Role.CHILD)
    url = f"/api/users/{leo.id}/grants"
    body = {"space_id": "home", "room_ids": ["nowhere"]}
    english, chinese, german = await _in_three(api, owner, url, method="POST", put=body)
    assert english["code"] == "unknown_room"
    assert english["message"] == "rooms nowhere are not in space 'home'"
    assert chinese["message"] == "房间 nowhere 不在空间“home”中"
    assert german["message"] == "Die Räume nowhere gehören nicht zum Bereich „home“"
    assert chinese["detail"] == english["detail"] == {"room_ids": ["nowhere"]}

    url = "/api/notifications/987654/read"
    english, chinese, german = await _in_three(api, owner, url, method="POST")
    assert english["message"].startswith("no notification 987654 of yours")
    assert chinese["message"] == "没有属于您的通知 987654"
    assert german["message"] == "Keine Benachrichtigung 987654 von Ihnen"

    english, chinese, german = await _in_three(api, owner, "/api/push/key")
    assert english == {"code": "unavailable", "message": "Web Push is not enabled on this hub"}
    assert chinese["message"] == "此中枢没有启用网页推送通知"
    assert german["message"].startswith("Web-Push-Benachrichtigungen sind")


async def test_token_summary_and_presence_errors_in_each_language(api: ApiHarness) -> None:
    owner = await api.owner()
    english, chinese, german = await _in_three(api, owner, "/api/tokens/nope", method="DELETE")
    assert english == {
        "code": "not_found",
        "message": "no token 'nope' of yours; GET /api/tokens lists them",
    }
    assert chinese["message"] == "没有属于您的令牌“nope”"
    assert german["message"] == "Kein Token „nope“ von Ihnen"

    english, chinese, german = await _in_three(api, owner, "/api/summary?space_id=nowhere")
    assert english["message"].startswith("no space 'nowhere' that you may see")
    assert chinese["message"] == "没有您可以查看的空间“nowhere”"
    assert german["message"] == "Kein Bereich „nowhere“, den Sie sehen dürfen"

    # This hub runs without the phone companion.
    url = "/api/presence/wifi/home"
    english, chinese, german = await _in_three(api, owner, url, put={"ssids": ["Home"]})
    assert english["code"] == "unavailable"
    assert english["message"].endswith(" not running on this hub")
    assert chinese["message"] == "此中枢上没有运行这项服务"
    assert german["message"] == "Dieser Dienst läuft auf diesem Hub nicht"


async def test_a_scene_a_child_may_not_run_is_refused_in_each_language(tmp_path: Path) -> None:
    async with open_api(tmp_path) as api, task_scope() as tasks:
        engine: Engine = await start_automations(
            api.hub, tmp_path / "hub", tasks, extra_documents=documents(), db=api.db
        )
        api.attach(automations=engine)
        await api.owner()
        # "away" locks the front door: a child may not operate the lock.
        kid = await api.person("lily", Role.CHILD, grants=[Scope("home")])
        url = "/api/scenes/away/activate"
        english, chinese, german = await _in_three(api, kid, url, method="POST")
        assert english["code"] == "forbidden"
        assert english["message"] == (
            "scene Away sets devices you may not control; ask an owner for a grant"
        )
        assert "您无权控制的设备" in chinese["message"]
        assert german["message"].endswith("bitten Sie einen Eigentümer um eine Freigabe")
        url = "/api/scenes/nope/activate"
        english, chinese, german = await _in_three(api, kid, url, method="POST")
        assert english["message"].startswith("no scene 'nope' that you may see")
        assert chinese["message"] == "没有您可以查看的场景“nope”"
        assert german["message"] == "Keine Szene „nope“, die Sie sehen dürfen"
