"""Automations and scenes over the API: who may do what, bodies in YAML or JSON, the reasons."""

# The Chinese reason uses full-width punctuation on purpose (correct Chinese typography).
# ruff: noqa: RUF001

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from orbithub.automation import Engine
from orbithub.cli.automations import AUTOMATIONS_DIR, start_automations
from orbithub.core.tasks import task_scope
from orbithub.demo.scenes import documents
from orbithub.storage.audit import read_audit
from orbithub.storage.users import Role

from .conftest import ApiHarness, Scope, open_api

CREATE_YAML = """
id: evening-lamp
name: Evening lamp
triggers:
  - type: manual
actions:
  - type: set
    device: desk-lamp
    path: light.on
    value: true
"""


@contextlib.asynccontextmanager
async def automations_api(tmp_path: Path) -> AsyncIterator[tuple[ApiHarness, Engine]]:
    """The API over the simulated demo world with the demo's automations running."""
    async with open_api(tmp_path) as api, task_scope() as tasks:
        engine = await start_automations(
            api.hub, tmp_path / "hub", tasks, extra_documents=documents(), db=api.db
        )
        api.attach(automations=engine)
        yield api, engine


async def test_adults_manage_automations_in_yaml_or_json(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        yaml_headers = {**owner.headers, "Content-Type": "application/yaml"}
        created = await api.client.post(
            "/api/automations", content=CREATE_YAML, headers=yaml_headers
        )
        assert created.status_code == 201, created.text
        assert created.json()["triggers"] == ["manual"]
        assert created.json()["editable"] is True
        assert (tmp_path / "hub" / AUTOMATIONS_DIR / "evening-lamp.yaml").exists()
        again = await api.client.post("/api/automations", content=CREATE_YAML, headers=yaml_headers)
        assert again.status_code == 409

        listed = await api.client.get("/api/automations", headers=owner.headers)
        ids = {a["id"] for a in listed.json()}
        assert {"evening-lamp", "night", "arriving-car-home", "leaving-home"} <= ids

        update = {
            "name": "Evening lamp, dimmed",
            "triggers": [{"type": "time", "at": "19:30"}],
            "actions": [
                {"type": "set", "device": "desk-lamp", "path": "light.brightness", "value": 30}
            ],
        }
        put = await api.client.put(
            "/api/automations/evening-lamp", json=update, headers=owner.headers
        )
        assert put.status_code == 200, put.text
        assert put.json()["triggers"] == ["time 19:30"]
        assert engine.automation("evening-lamp").name == "Evening lamp, dimmed"

        shipped = await api.client.put("/api/automations/night", json=update, headers=owner.headers)
        assert shipped.status_code == 409
        assert shipped.json()["code"] == "read_only"
        assert "night.yaml" in shipped.json()["message"]

        gone = await api.client.delete("/api/automations/evening-lamp", headers=owner.headers)
        assert gone.status_code == 204
        assert engine.find("evening-lamp") is None
        assert not (tmp_path / "hub" / AUTOMATIONS_DIR / "evening-lamp.yaml").exists()
        missing = await api.client.get("/api/automations/evening-lamp", headers=owner.headers)
        assert missing.status_code == 404

        actions = [(e.action, e.target) for e in await read_audit(api.db, limit=20)]
        assert ("automation.create", "evening-lamp") in actions
        assert ("automation.update", "evening-lamp") in actions
        assert ("automation.delete", "evening-lamp") in actions


async def test_invalid_automations_are_422_naming_the_field(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        typo = {
            "id": "bad",
            "triggers": [{"type": "property", "device": "front-door", "path": "x", "abvoe": 3}],
            "actions": [{"type": "set", "device": "desk-lamp", "path": "light.on", "value": True}],
        }
        answer = await api.client.post("/api/automations", json=typo, headers=owner.headers)
        assert answer.status_code == 422
        body = answer.json()
        assert body["code"] == "invalid_automation"
        assert body["message"].startswith("triggers[0].abvoe: unknown field 'abvoe'")
        nowhere = {
            "id": "nowhere",
            "triggers": [{"type": "manual"}],
            "actions": [{"type": "set", "device": "attic-lamp", "path": "light.on", "value": True}],
        }
        answer = await api.client.post("/api/automations", json=nowhere, headers=owner.headers)
        assert answer.status_code == 422
        assert answer.json()["detail"]["errors"] == [
            {
                "path": "actions[0]",
                "message": "no device 'attic-lamp'; check the id in the device list",
            }
        ]
        hot = {
            **nowhere,
            "actions": [
                {
                    "type": "set",
                    "device": "living-room-ac",
                    "path": "air-conditioner.mode",
                    "value": "{{ trigger.x",
                }
            ],
        }
        answer = await api.client.post("/api/automations", json=hot, headers=owner.headers)
        assert answer.status_code == 422
        assert answer.json()["message"].startswith("actions[0].value: template syntax error")
        broken = await api.client.post(
            "/api/automations",
            content=b"id: [",
            headers={**owner.headers, "Content-Type": "application/yaml"},
        )
        # Broken YAML is an invalid automation too, with the line the app's editor marks.
        assert broken.status_code == 422
        assert broken.json()["code"] == "invalid_yaml"
        assert broken.json()["detail"]["errors"][0]["line"] == 1
        assert engine.find("bad") is None
        assert engine.find("nowhere") is None


async def test_children_see_and_activate_only_scenes_they_control(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, _):
        kid = await api.person("lily", Role.CHILD, grants=[Scope("home")])
        guest = await api.person("gus", Role.GUEST, grants=[Scope("home", room_ids=["bedroom"])])
        assert (await api.client.get("/api/automations", headers=kid.headers)).status_code == 403
        ran = await api.client.post("/api/automations/night/run", headers=kid.headers)
        assert ran.status_code == 403

        scenes = await api.client.get("/api/scenes", headers=kid.headers)
        # "away" locks the front door: a child may not operate the lock.
        assert {s["id"] for s in scenes.json()} == {"comfort", "good-night"}
        # The names the demo's files give a scene, English and Chinese, come with it.
        night = next(s for s in scenes.json() if s["id"] == "good-night")
        assert night["name"] == "Good night"
        assert "晚安" in night["aliases"]
        assert "goodnight" in night["aliases"]
        refused = await api.client.post("/api/scenes/away/activate", headers=kid.headers)
        assert refused.status_code == 403
        done = await api.client.post("/api/scenes/good-night/activate", headers=kid.headers)
        assert done.status_code == 200, done.text
        assert done.json()["failed"] == []
        assert api.hub.state.value("bedroom-curtain", "curtain.target-position") == 0

        assert (await api.client.get("/api/scenes", headers=guest.headers)).json() == []
        hidden = await api.client.post("/api/scenes/comfort/activate", headers=guest.headers)
        assert hidden.status_code == 404
        entries = await read_audit(api.db, limit=20)
        assert ("lily", "scene.activate", "good-night", "ok") in [
            (e.actor, e.action, e.target, e.result) for e in entries
        ]


async def test_run_traces_why_and_enable(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        ran = await api.client.post("/api/automations/night/run", headers=owner.headers)
        assert ran.status_code == 200
        assert ran.json()["started"] is True
        await engine.wait_idle()
        traces = await api.client.get("/api/automations/night/traces", headers=owner.headers)
        (run,) = traces.json()["runs"]
        assert run["status"] == "done"
        assert run["steps"][0]["kind"] == "scene"
        # Called by its name, as the app lists it.
        named = await api.client.get("/api/automations/night", headers=owner.headers)
        assert run["explanation"][0] == f"{named.json()['name']} (manual): done"
        await api.flush()
        events = await api.client.get("/api/events?space_id=home", headers=owner.headers)
        logged = [e for e in events.json() if e["payload"].get("run_id") == run["run_id"]]
        assert [e["payload"]["outcome"] for e in logged] == ["done"]  # in the activity log

        off = await api.client.post("/api/automations/night/disable", headers=owner.headers)
        assert off.json()["enabled"] is False
        refused = await api.client.post("/api/automations/night/run?lang=zh", headers=owner.headers)
        assert refused.json() == {
            "started": False,
            "run_id": None,
            "reason": "触发器「manual」：该自动化已停用",
        }
        now = api.hub.now()
        why = await api.client.get(f"/api/automations/night/why?at={now}", headers=owner.headers)
        (record,) = why.json()
        assert record["code"] == "disabled"
        assert record["text"] == "trigger manual: the automation is disabled"
        earlier = await api.client.get(
            f"/api/automations/night/why?at={now - 3600}", headers=owner.headers
        )
        assert earlier.json() == []
        on = await api.client.post("/api/automations/night/enable", headers=owner.headers)
        assert on.json()["enabled"] is True


async def test_webhooks_fire_without_an_account_and_pass_their_body(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        hook = {
            "id": "desk-light",
            "triggers": [{"type": "webhook", "id": "desk-light-9f2k7"}],
            "actions": [
                {
                    "type": "set",
                    "device": "desk-lamp",
                    "path": "light.brightness",
                    "value": "{{ trigger.json.level }}",
                }
            ],
        }
        assert (
            await api.client.post("/api/automations", json=hook, headers=owner.headers)
        ).status_code == 201
        fired = await api.client.post("/api/webhooks/desk-light-9f2k7", json={"level": 35})
        assert fired.status_code == 200, fired.text
        assert fired.json() == {"webhook_id": "desk-light-9f2k7", "runs": 1}
        await engine.wait_idle()
        assert api.hub.state.value("desk-lamp", "light.brightness") == 35
        unknown = await api.client.post("/api/webhooks/guessing-1234", json={})
        assert unknown.status_code == 404
        bad = await api.client.post(
            "/api/webhooks/desk-light-9f2k7",
            content=b"{not json",
            headers={"Content-Type": "application/json"},
        )
        assert bad.status_code == 400


async def test_without_the_engine_the_answer_is_503(tmp_path: Path) -> None:
    async with open_api(tmp_path) as api:
        owner = await api.owner()
        answer = await api.client.get("/api/automations", headers=owner.headers)
        assert answer.status_code == 503
        assert answer.json()["code"] == "unavailable"
