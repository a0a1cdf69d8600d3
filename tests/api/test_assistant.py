"""The assistant endpoint: a sentence in, the caller's permissions applied, commands audited."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI

from orbithub.api.routes import assistant as assistant_routes
from orbithub.assistant import Assistant
from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Scope, open_api


def _mount(app: FastAPI) -> None:
    """Serve the assistant route even before the app's route list names it."""
    if not any(getattr(r, "path", "") == "/api/assistant/ask" for r in app.routes):
        app.include_router(assistant_routes.router)
        # Keep the web app's catch-all last so it never answers for /api/assistant.
        app.router.routes.sort(key=lambda r: getattr(r, "path", "") == "/{full_path:path}")


@contextlib.asynccontextmanager
async def _api(tmp_path: Path, *, with_assistant: bool = True) -> AsyncIterator[ApiHarness]:
    async with open_api(tmp_path) as api:
        _mount(api.app)
        helper = Assistant(api.hub, db=api.db) if with_assistant else None
        if helper is not None:
            api.attach(assistant=helper)
        try:
            yield api
        finally:
            if helper is not None:
                helper.close()


async def test_ask_acts_as_the_caller_and_is_audited(tmp_path: Path) -> None:
    async with _api(tmp_path) as api:
        owner = await api.owner()
        await api.hub.set("kitchen-light", "light.on", False)
        answer = await api.client.post(
            "/api/assistant/ask", json={"text": "打开厨房灯"}, headers=owner.headers
        )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["language"] == "zh-CN"
        assert body["intent"] == "turn_on"
        assert body["answer"] == "已打开厨房灯。"
        assert body["needs_clarification"] is False
        assert body["actions"] == [
            {
                "device_id": "kitchen-light",
                "kind": "set",
                "path": "light.on",
                "value": True,
                "ok": True,
                "message": body["actions"][0]["message"],
            }
        ]
        assert api.hub.state.value("kitchen-light", "light.on") is True
        log = await api.client.get("/api/audit", headers=owner.headers)
        entry = next(e for e in log.json() if e["action"] == "assistant.turn_on")
        assert entry["actor"] == "alex"
        assert entry["target"] == "kitchen-light"
        assert entry["detail"]["text"] == "打开厨房灯"


async def test_ambiguity_comes_back_as_choices(tmp_path: Path) -> None:
    async with _api(tmp_path) as api:
        owner = await api.owner()
        answer = await api.client.post(
            "/api/assistant/ask",
            json={"text": "turn on the AC", "language": "en"},
            headers=owner.headers,
        )
        body = answer.json()
        assert body["needs_clarification"] is True
        assert {c["id"] for c in body["choices"]} == {"living-room-ac", "bedroom-ac"}
        assert body["actions"] == []


async def test_a_tapped_choice_answers_the_question(tmp_path: Path) -> None:
    async with _api(tmp_path) as api:
        owner = await api.owner()
        await api.hub.set("bedroom-ac", "air-conditioner.on", False)
        asked = await api.client.post(
            "/api/assistant/ask", json={"text": "打开空调", "language": "en"}, headers=owner.headers
        )
        body = asked.json()
        assert body["language"] == "zh-CN"
        assert {"id": "bedroom-ac", "label": "卧室空调", "name": "卧室空调"} in body["choices"]
        done = await api.client.post(
            "/api/assistant/choose", json={"choice": "bedroom-ac"}, headers=owner.headers
        )
        assert done.status_code == 200, done.text
        assert done.json()["targets"] == ["bedroom-ac"]
        assert api.hub.state.value("bedroom-ac", "air-conditioner.on") is True
        again = await api.client.post(
            "/api/assistant/choose", json={"choice": "bedroom-ac"}, headers=owner.headers
        )
        assert again.json()["intent"] == "unknown"
        empty = await api.client.post(
            "/api/assistant/choose", json={"choice": ""}, headers=owner.headers
        )
        assert empty.status_code == 422


async def test_any_app_language_is_a_hint_never_a_refusal(tmp_path: Path) -> None:
    async with _api(tmp_path) as api:
        owner = await api.owner()
        for app in ("de", "ja", "en-GB", "zh-CN"):
            answer = await api.client.post(
                "/api/assistant/ask",
                json={"text": "turn on the kitchen light", "language": app},
                headers=owner.headers,
            )
            assert answer.status_code == 200, answer.text
            assert answer.json()["language"] == "en"
        german = await api.client.post(
            "/api/assistant/ask",
            json={"text": "schalte Kitchen light aus", "language": "en"},
            headers=owner.headers,
        )
        assert german.json()["answer"] == "Kitchen light ausgeschaltet."


async def test_a_guest_cannot_reach_what_they_may_not_see_or_control(tmp_path: Path) -> None:
    async with _api(tmp_path) as api:
        await api.owner()
        guest = await api.person(
            "nina", Role.GUEST, grants=[Scope("home", room_ids=["living-room", "hallway"])]
        )
        await api.hub.set("front-door-lock", "lock.locked", True)
        unlock = await api.client.post(
            "/api/assistant/ask", json={"text": "unlock the front door"}, headers=guest.headers
        )
        assert unlock.status_code == 200
        assert api.hub.state.value("front-door-lock", "lock.locked") is True
        assert unlock.json()["actions"] == []
        assert unlock.json()["answer"] == "You don't have access to Front door lock."
        hidden = await api.client.post(
            "/api/assistant/ask", json={"text": "turn on the bedroom AC"}, headers=guest.headers
        )
        assert hidden.json()["targets"] == []
        assert hidden.json()["choices"] == []
        assert hidden.json()["answer"] == "I can't find the bedroom AC."
        assert api.hub.state.value("bedroom-ac", "air-conditioner.on") is not True


async def test_bad_requests(tmp_path: Path) -> None:
    async with _api(tmp_path) as api:
        owner = await api.owner()
        anonymous = await api.client.post("/api/assistant/ask", json={"text": "hi"})
        assert anonymous.status_code == 401
        empty = await api.client.post(
            "/api/assistant/ask", json={"text": ""}, headers=owner.headers
        )
        assert empty.status_code == 422
        too_long = await api.client.post(
            "/api/assistant/ask", json={"text": "x" * 501}, headers=owner.headers
        )
        assert too_long.status_code == 422
        odd_language = await api.client.post(
            "/api/assistant/ask",
            json={"text": "hi", "language": "x" * 21},
            headers=owner.headers,
        )
        assert odd_language.status_code == 422


async def test_without_the_assistant_the_endpoint_says_so(tmp_path: Path) -> None:
    async with _api(tmp_path, with_assistant=False) as api:
        owner = await api.owner()
        answer = await api.client.post(
            "/api/assistant/ask", json={"text": "turn on the TV"}, headers=owner.headers
        )
        assert answer.status_code == 503
        assert answer.json()["code"] == "unavailable"


async def test_the_room_on_screen_settles_which_device_is_meant(tmp_path: Path) -> None:
    async with _api(tmp_path) as api:
        owner = await api.owner()
        await api.hub.set("bedroom-ac", "air-conditioner.target-temperature", 24)
        await api.hub.set("living-room-ac", "air-conditioner.target-temperature", 24)
        ask = {"text": "make it a little warmer", "language": "en"}
        # Without a room the two air conditioners are a question, not a guess.
        unsure = await api.client.post("/api/assistant/ask", json=ask, headers=owner.headers)
        assert unsure.status_code == 200, unsure.text
        assert unsure.json()["needs_clarification"] is True
        sure = await api.client.post(
            "/api/assistant/ask", json={**ask, "room_id": "bedroom"}, headers=owner.headers
        )
        assert sure.status_code == 200, sure.text
        assert sure.json()["needs_clarification"] is False
        assert api.hub.state.value("bedroom-ac", "air-conditioner.target-temperature") == 25
        assert api.hub.state.value("living-room-ac", "air-conditioner.target-temperature") == 24


async def test_a_room_the_caller_cannot_see_is_refused_like_an_unknown_one(
    tmp_path: Path,
) -> None:
    async with _api(tmp_path) as api:
        await api.owner()
        leo = await api.person("leo", Role.CHILD, grants=[Scope("home", room_ids=("living-room",))])
        answers = [
            await api.client.post(
                "/api/assistant/ask",
                json={"text": "turn on the light", "room_id": room},
                headers=leo.headers,
            )
            for room in ("bedroom", "no-such-room")
        ]
        assert [a.status_code for a in answers] == [422, 422]
        assert (
            answers[0].json()["message"].replace("bedroom", "no-such-room")
            == (answers[1].json()["message"])
        )


async def test_unlocking_by_voice_is_confirmed_first_and_audited(tmp_path: Path) -> None:
    async with _api(tmp_path) as api:
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        asked = await api.client.post(
            "/api/assistant/ask", json={"text": "unlock the front door"}, headers=mei.headers
        )
        assert asked.json()["needs_confirmation"] is True
        assert asked.json()["answer"] == "Unlock Front door lock? Say yes to confirm."
        assert api.hub.state.value("front-door-lock", "lock.locked") is True
        yes = await api.client.post("/api/assistant/ask", json={"text": "yes"}, headers=mei.headers)
        assert [a["ok"] for a in yes.json()["actions"]] == [True]
        assert api.hub.state.value("front-door-lock", "lock.locked") is False
        log = (await api.client.get("/api/audit", headers=owner.headers)).json()
        commands = [e for e in reversed(log) if e["target"] == "front-door-lock/lock.locked"]
        assert [(e["actor"], e["result"], e["detail"]["via"]) for e in commands] == [
            ("mei", "confirmation_required", "assistant"),
            ("mei", "confirmed", "assistant"),
        ]
