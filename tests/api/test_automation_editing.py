"""Editing automations from the app: problems at their YAML line, the owner's rights, reviews.

The app's YAML editor marks each problem at its line and saves nothing while one remains; a
suggestion is reviewed (and may be edited) before it is saved as its reviewer's automation.
"""

# The Chinese sentences use full-width punctuation, as Chinese is written.
# ruff: noqa: RUF001

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from orbithub.api.services import app_services
from orbithub.assistant.suggest import LibrarySink, Suggester, SuggestionStore
from orbithub.automation import Engine
from orbithub.cli.automations import AUTOMATIONS_DIR
from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Scope
from tests.api.test_automation_owners import automations_api
from tests.suggested import SUGGESTION_ID, desk_lamp_suggestion

YAML = {"Content-Type": "application/yaml"}

# Line 5 is indented one space short.
BROKEN = """id: porch
name: Porch light
triggers:
  - type: time
   at: "19:00"
actions: []
"""

# Line 5: no 25 o'clock; line 8: no such device.
INVALID = """id: porch
name: Porch light
triggers:
  - type: time
    at: "25:00"
actions:
  - type: set
    device: porch-light
    path: light.on
    value: true
"""

OPEN_THE_DOOR = """id: open-up
name: Open the front door at eight
triggers:
  - type: time
    at: "08:00"
actions:
  - type: set
    device: front-door-lock
    path: lock.locked
    value: false
"""


@contextlib.asynccontextmanager
async def with_suggestion(api: ApiHarness, engine: Engine, tmp_path: Path) -> AsyncIterator[None]:
    """The suggestion services holding one pending suggestion; accepted ones go to the engine."""
    assert engine.library is not None
    store = SuggestionStore(tmp_path / "insights" / "suggestions.json")
    suggestion = desk_lamp_suggestion(api.clock.now())
    store.suggestions[suggestion.id] = suggestion
    suggester = Suggester(
        registry=api.hub.registry,
        clock=api.clock,
        db=api.db,
        store=store,
        sink=LibrarySink(engine.library),
    )
    api.attach(suggestions=suggester)
    yield


async def test_a_broken_or_invalid_yaml_is_refused_at_its_line_and_nothing_is_saved(
    tmp_path: Path,
) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        headers = {**owner.headers, **YAML}
        broken = await api.client.post("/api/automations", content=BROKEN, headers=headers)
        assert broken.status_code == 422, broken.text
        body = broken.json()
        assert body["code"] == "invalid_yaml"
        [error] = body["detail"]["errors"]
        assert (error["line"], error["column"]) == (5, 4)
        assert error["kind"] == "indentation"  # the app says it in its own language
        assert body["message"].startswith("line 5, column 4: ")
        assert "19:00" not in body["message"]  # the input is never quoted back
        for text, kind in (
            ("id: x\ntriggers:\n\t- type: manual\n", "tab"),
            ('id: "x\ntriggers: []\n', "unclosed"),
            ("id: x\ntriggers: [{type: manual}\n", "unclosed"),
        ):
            slip = await api.client.post("/api/automations", content=text, headers=headers)
            assert slip.json()["detail"]["errors"][0]["kind"] == kind, slip.text

        invalid = await api.client.post("/api/automations", content=INVALID, headers=headers)
        assert invalid.status_code == 422, invalid.text
        errors = {e["line"]: e["path"] for e in invalid.json()["detail"]["errors"]}
        assert errors[5] == "triggers[0].at"

        wrong_device = INVALID.replace('"25:00"', '"19:00"')
        unknown = await api.client.post("/api/automations", content=wrong_device, headers=headers)
        assert unknown.status_code == 422, unknown.text
        [error] = unknown.json()["detail"]["errors"]
        assert error["path"].startswith("actions[0]")
        assert error["line"] in (7, 8)  # the action, or its device field
        assert "porch-light" in error["message"]

        # The whole file's shape gives the lines of the file.
        wrapped = "automations:\n" + "".join(f"  {line}\n" for line in INVALID.splitlines())
        wrapped = wrapped.replace("  id: porch", "- id: porch", 1)
        in_file = await api.client.post("/api/automations", content=wrapped, headers=headers)
        lines = {e["path"]: e["line"] for e in in_file.json()["detail"]["errors"]}
        assert lines["triggers[0].at"] == 6

        assert engine.find("porch") is None
        assert not (tmp_path / "hub" / AUTOMATIONS_DIR / "porch.yaml").exists()

        # Fixed, it saves, enabled and owned by whoever saved it.
        fixed = await api.client.post(
            "/api/automations",
            content=wrong_device.replace("porch-light", "desk-lamp"),
            headers=headers,
        )
        assert fixed.status_code == 201, fixed.text
        assert fixed.json()["enabled"] is True
        assert fixed.json()["owner"] == owner.id


async def test_a_child_cannot_save_an_automation_that_opens_the_front_door(
    tmp_path: Path,
) -> None:
    async with automations_api(tmp_path) as (api, engine):
        lily = await api.person("lily", Role.CHILD, grants=[Scope("home")])
        as_yaml = await api.client.post(
            "/api/automations", content=OPEN_THE_DOOR, headers={**lily.headers, **YAML}
        )
        assert as_yaml.status_code == 403, as_yaml.text
        door = {"type": "set", "device": "front-door-lock", "path": "lock.locked", "value": False}
        as_json = {"id": "open-up", "triggers": [{"type": "manual"}], "actions": [door]}
        answer = await api.client.post("/api/automations", json=as_json, headers=lily.headers)
        assert answer.status_code == 403, answer.text
        assert engine.find("open-up") is None
        # Nor edit one that does.
        owner = await api.owner()
        made = await api.client.post(
            "/api/automations", content=OPEN_THE_DOOR, headers={**owner.headers, **YAML}
        )
        assert made.status_code == 201, made.text
        edited = await api.client.put(
            "/api/automations/open-up",
            content=OPEN_THE_DOOR.replace("08:00", "07:00"),
            headers={**lily.headers, **YAML},
        )
        assert edited.status_code == 403
        assert "08:00" in (tmp_path / "hub" / AUTOMATIONS_DIR / "open-up.yaml").read_text()
        assert engine.find("open-up") is not None


async def test_a_reviewed_suggestion_is_saved_as_edited_by_its_reviewer(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine), with_suggestion(api, engine, tmp_path):
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home", ["study"])])
        listed = await api.client.get("/api/suggestions", headers=mei.headers)
        [suggestion] = listed.json()
        draft = suggestion["document"]["automations"][0]
        assert draft["triggers"] == [{"type": "time", "at": "07:00"}]
        url = f"/api/suggestions/{SUGGESTION_ID}/accept"

        # Edited to open the front door, which her grants do not cover: refused, not saved.
        sneaky = {
            **draft,
            "actions": [
                {"type": "set", "device": "front-door-lock", "path": "lock.locked", "value": False}
            ],
        }
        refused = await api.client.post(url, json=sneaky, headers=mei.headers)
        assert refused.status_code in (403, 422), refused.text
        assert engine.find(suggestion["automation_id"]) is None

        # Invalid YAML: its line, and the suggestion stays pending.
        bad = "id: x\ntriggers:\n  - type: time\n    at: 7 o'clock\nactions: []\n"
        invalid = await api.client.post(url, content=bad, headers={**mei.headers, **YAML})
        assert invalid.status_code == 422, invalid.text
        assert invalid.json()["detail"]["errors"][0]["line"] == 4
        pending = await api.client.get("/api/suggestions", headers=mei.headers)
        assert [s["status"] for s in pending.json()] == ["pending"]

        # Reviewed at 07:30 instead: saved as hers, enabled, under the suggestion's id.
        reviewed = {**draft, "triggers": [{"type": "time", "at": "07:30"}]}
        accepted = await api.client.post(url, json=reviewed, headers=mei.headers)
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["status"] == "accepted"
        assert accepted.json()["decided_by"] == "mei"
        saved = await api.client.get(
            f"/api/automations/{suggestion['automation_id']}", headers=mei.headers
        )
        assert saved.json()["triggers"] == ["time 07:30"]
        assert saved.json()["enabled"] is True
        assert saved.json()["owner"] == mei.id
        again = await api.client.post(url, json=reviewed, headers=mei.headers)
        assert again.status_code == 409
        services = app_services(api.app)
        assert services.suggestions is not None
        assert services.suggestions.get(SUGGESTION_ID).status == "accepted"


async def test_why_speaks_the_apps_language(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        rule = {
            "id": "lamp-when-on",
            "triggers": [{"type": "manual"}],
            "conditions": [
                {"type": "property", "device": "desk-lamp", "path": "light.on", "state": True}
            ],
            "actions": [
                {"type": "set", "device": "desk-lamp", "path": "light.brightness", "value": 40}
            ],
        }
        assert (
            await api.client.post("/api/automations", json=rule, headers=owner.headers)
        ).is_success
        await api.hub.set("desk-lamp", "light.on", False)
        ran = await api.client.post(
            "/api/automations/lamp-when-on/run?lang=de", headers=owner.headers
        )
        assert ran.json()["started"] is False
        # In German, with the device called by its name.
        assert "Bedingung war nicht erfüllt" in ran.json()["reason"]
        assert "Desk lamp" in ran.json()["reason"]
        why = await api.client.get(
            "/api/automations/lamp-when-on/why?lang=zh-CN", headers=owner.headers
        )
        assert why.status_code == 200, why.text
        assert "条件" in why.json()[-1]["text"]
        await engine.wait_idle()


async def test_why_names_devices_and_says_values_in_words(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        evening = {
            "id": "reading",
            "name": "Reading light",
            "triggers": [{"type": "manual"}],
            "conditions": [
                {"type": "property", "device": "desk-lamp", "path": "light.on", "state": True}
            ],
            "actions": [
                {"type": "set", "device": "living-room-light", "path": "light.on", "value": True},
                {
                    "type": "set",
                    "device": "living-room-light",
                    "path": "light.brightness",
                    "value": 40,
                },
            ],
        }
        saved = await api.client.post("/api/automations", json=evening, headers=owner.headers)
        assert saved.status_code == 201, saved.text
        warm = {
            "id": "warm",
            "triggers": [{"type": "manual"}],
            "conditions": [
                {
                    "type": "property",
                    "device": "living-room-ac",
                    "path": "air-conditioner.target-temperature",
                    "above": 28,
                }
            ],
            "actions": [
                {
                    "type": "set",
                    "device": "living-room-ac",
                    "path": "air-conditioner.on",
                    "value": True,
                }
            ],
        }
        saved = await api.client.post("/api/automations", json=warm, headers=owner.headers)
        assert saved.status_code == 201, saved.text
        await api.hub.set("desk-lamp", "light.on", False)
        await api.hub.set("living-room-ac", "air-conditioner.target-temperature", 24)

        async def reason(aid: str, lang: str) -> str:
            ran = await api.client.post(
                f"/api/automations/{aid}/run?lang={lang}", headers=owner.headers
            )
            assert ran.json()["started"] is False, ran.text
            return str(ran.json()["reason"])

        assert await reason("reading", "en") == (
            "trigger manual: a condition did not hold: Desk lamp was off, it needed to be on"
        )
        assert (
            await reason("reading", "zh") == "触发器「manual」：条件不成立：台灯是关着的，需要开着"
        )
        assert await reason("warm", "en") == (
            "trigger manual: a condition did not hold: Living room AC target temperature was "
            "24 °C, it needed to be above 28 °C"
        )
        assert await reason("warm", "zh") == (
            "触发器「manual」：条件不成立：客厅空调的目标温度是24°C，需要高于28°C"
        )

        await api.hub.set("desk-lamp", "light.on", True)
        ran = await api.client.post("/api/automations/reading/run", headers=owner.headers)
        assert ran.json()["started"] is True
        await engine.wait_idle()
        traces = await api.client.get(
            "/api/automations/reading/traces?lang=en", headers=owner.headers
        )
        assert traces.json()["runs"][-1]["explanation"] == [
            "Reading light (manual): done",
            "  0 set: turned Ceiling light on",
            "  1 set: set Ceiling light brightness to 40%",
        ]
        traces = await api.client.get(
            "/api/automations/reading/traces?lang=zh", headers=owner.headers
        )
        assert traces.json()["runs"][-1]["explanation"] == [
            "Reading light (manual): 完成",
            "  0 set: 打开了客厅吊灯",
            "  1 set: 把客厅吊灯的亮度设为40%",
        ]
