"""Automations saved through the API belong to their author and run with the author's rights."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import yaml

from orbithub.automation import Engine
from orbithub.cli.automations import AUTOMATIONS_DIR, start_automations
from orbithub.core.tasks import task_scope
from orbithub.storage.audit import read_audit
from orbithub.storage.users import Role

from .conftest import ApiHarness, Person, Scope, open_api, served


@contextlib.asynccontextmanager
async def automations_api(tmp_path: Path) -> AsyncIterator[tuple[ApiHarness, Engine]]:
    """A real server over the demo world, with an engine that looks up owners' rights.

    ``api.client`` talks to the server over loopback, as the attacks were made.
    """
    async with open_api(tmp_path) as api, task_scope() as tasks:
        engine = await start_automations(
            api.hub, tmp_path / "hub", tasks, db=api.db, commands=api.app.state.commands.port()
        )
        api.attach(automations=engine)
        async with served(api.app) as base, httpx.AsyncClient(base_url=base) as client:
            api.client = client
            yield api, engine


def switching(
    aid: str, device: str, path: str = "light.on", value: object = True
) -> dict[str, object]:
    return {
        "id": aid,
        "triggers": [{"type": "manual"}],
        "actions": [{"type": "set", "device": device, "path": path, "value": value}],
    }


async def _save(api: ApiHarness, person: Person, body: object) -> tuple[int, dict[str, object]]:
    answer = await api.client.post("/api/automations", json=body, headers=person.headers)
    return answer.status_code, answer.json() if answer.content else {}


async def test_an_adult_cannot_save_an_automation_switching_a_device_outside_her_grants(
    tmp_path: Path,
) -> None:
    async with automations_api(tmp_path) as (api, engine):
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        status, body = await _save(
            api, mei, switching("office-on", "office-ac", "air-conditioner.on")
        )
        assert status == 422, body
        # Worded as for an id that does not exist, so ids of other spaces do not leak.
        assert (
            body["message"] == "actions[0]: no device 'office-ac'; check the id in the device list"
        )
        status, body = await _save(api, mei, switching("typo", "offfice-ac"))
        assert status == 422
        assert (
            body["message"] == "actions[0]: no device 'offfice-ac'; check the id in the device list"
        )
        assert engine.find("office-on") is None
        assert not (tmp_path / "hub" / AUTOMATIONS_DIR / "office-on.yaml").exists()
        audited = [(e.action, e.result) for e in await read_audit(api.db, limit=5)]
        assert ("automation.create", "refused") in audited


async def test_an_adult_cannot_read_another_persons_phone_through_a_template(
    tmp_path: Path,
) -> None:
    async with automations_api(tmp_path) as (api, _engine):
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home"), Scope("car")])

        def telling(aid: str, message: str) -> object:
            return {
                "id": aid,
                "triggers": [{"type": "manual"}],
                "actions": [{"type": "notify", "title": "Where", "message": message}],
            }

        spy = telling("where-is-alex", "{{ state('phone-alex', 'location.latitude') }}")
        status, body = await _save(api, mei, spy)
        assert status == 422, body
        assert str(body["message"]).startswith("actions[0]: no device 'phone-alex'")
        computed = telling("any-phone", "{{ state('phone-' ~ trigger.who, 'location.latitude') }}")
        status, body = await _save(api, mei, computed)
        assert status == 403, body
        assert "name the device in quotes" in str(body["message"])
        # Her own phone is hers to read.
        own = telling("where-am-i", "{{ state('phone-mei', 'location.latitude') }}")
        status, body = await _save(api, mei, own)
        assert status == 201, body
        assert body["owner"] == mei.id
        assert body["household"] is False


async def test_only_an_owner_of_the_hub_marks_an_automation_household(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        status, body = await _save(api, mei, {**switching("m", "desk-lamp"), "household": True})
        assert status == 403, body
        assert "only an owner of the hub may mark an automation household" in str(body["message"])
        # An owner field in the body never decides whose it is.
        status, body = await _save(api, mei, {**switching("m", "desk-lamp"), "owner": owner.id})
        assert status == 201, body
        assert body["owner"] == mei.id
        status, body = await _save(api, owner, {**switching("h", "desk-lamp"), "household": True})
        assert status == 201, body
        assert body["household"] is True
        saved = yaml.safe_load((tmp_path / "hub" / AUTOMATIONS_DIR / "h.yaml").read_text())
        assert saved["automations"][0]["household"] is True
        assert saved["automations"][0]["owner"] == owner.id
        assert engine.automation("m").owner == mei.id


async def test_a_revoked_grant_refuses_the_run_and_why_says_so(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        assert (await _save(api, mei, switching("lamp", "desk-lamp")))[0] == 201
        assert (await _save(api, owner, {**switching("house", "bedroom-lamp"), "household": True}))[
            0
        ] == 201
        ran = await api.client.post("/api/automations/lamp/run", headers=mei.headers)
        assert ran.json()["started"] is True
        await engine.wait_idle()
        assert api.hub.state.value("desk-lamp", "light.on") is True

        await api.client.put(
            "/api/devices/desk-lamp/properties/light.on",
            json={"value": False},
            headers=owner.headers,
        )
        gone = await api.client.delete(f"/api/grants/{mei.grant_ids[0]}", headers=owner.headers)
        assert gone.status_code == 204
        await api.client.post("/api/automations/lamp/run", headers=owner.headers)
        await api.client.post("/api/automations/house/run", headers=owner.headers)
        await engine.wait_idle()
        assert api.hub.state.value("desk-lamp", "light.on") is False
        assert api.hub.state.value("bedroom-lamp", "light.on") is True  # household runs

        traces = await api.client.get("/api/automations/lamp/traces", headers=owner.headers)
        last = traces.json()["runs"][-1]
        assert last["status"] == "refused"
        why = await api.client.get("/api/automations/lamp/why", headers=owner.headers)
        assert why.json()[-1]["code"] == "owner_refused"
        assert why.json()[-1]["text"] == (
            "trigger manual: refused with its owner's rights: no device 'desk-lamp' that its "
            "owner mei may see; check the id, or ask an owner for a grant"
        )


async def test_an_adult_cannot_reach_a_device_through_a_household_automation(
    tmp_path: Path,
) -> None:
    async with automations_api(tmp_path) as (api, _engine):
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        office = {**switching("office-on", "office-ac", "air-conditioner.on"), "household": True}
        assert (await _save(api, owner, office))[0] == 201
        chain = {
            "id": "chain",
            "triggers": [{"type": "time", "at": "03:00"}],
            "actions": [{"type": "run", "automation": "office-on"}],
        }
        status, body = await _save(api, mei, chain)
        assert status == 422, body
        assert body["message"] == (
            "actions[0] (automation office-on): actions[0]: no device 'office-ac'; check the id "
            "in the device list"
        )


async def test_runs_go_through_the_guarded_entry_and_are_audited_as_the_automation(
    tmp_path: Path,
) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        assert (await _save(api, mei, switching("lamp", "desk-lamp")))[0] == 201
        assert (await api.client.post("/api/automations/lamp/run", headers=mei.headers)).json()[
            "started"
        ]
        await engine.wait_idle()
        assert api.hub.state.value("desk-lamp", "light.on") is True
        trail = api.app.state.audit_trail
        assert trail is not None
        assert await trail.flush()
        entries = await api.client.get("/api/audit?space_id=home", headers=owner.headers)
        commands = [e for e in entries.json() if e["target"].startswith("desk-lamp")]
        assert commands[0]["actor"] == "automation:lamp"
        assert commands[0]["result"] == "confirmed"


async def test_running_by_hand_needs_the_rights_to_what_it_commands(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine):
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        kim = await api.person("kim", Role.ADULT, grants=[Scope("home", ["living-room"])])
        assert (await _save(api, owner, switching("bedroom", "bedroom-lamp")))[0] == 201
        refused = await api.client.post("/api/automations/bedroom/run", headers=kim.headers)
        assert refused.status_code == 403, refused.text
        assert "bedroom-lamp" in refused.json()["message"]
        assert engine.runs("bedroom") == []
        ran = await api.client.post("/api/automations/bedroom/run", headers=mei.headers)
        assert ran.json()["started"] is True
        await engine.wait_idle()
        assert api.hub.state.value("bedroom-lamp", "light.on") is True
