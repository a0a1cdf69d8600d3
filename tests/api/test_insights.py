"""Suggestions and alerts over HTTP: who sees them, who decides, and the errors."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from orbithub.api.services import app_services
from orbithub.assistant.anomaly import AlertStore, Detector
from orbithub.assistant.suggest import Suggester, SuggestionStore, YamlFolderSink
from orbithub.automation import load_documents
from orbithub.cli.automations import AUTOMATIONS_DIR, start_automations
from orbithub.core.tasks import task_scope
from orbithub.storage import DB_FILENAME
from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Scope, in_own_task, open_api
from tests.assistant.suggest.weeks import WEEKS_TIMEOUT, demo_weeks

DOOR = "magnet-sensor.contact-state"


@pytest.fixture
async def insights(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ApiHarness]:
    """The API over a copy of the simulated weeks, an hour after they end, with insights."""
    weeks = demo_weeks(tmp_path_factory)
    shutil.copy(weeks.data_dir / DB_FILENAME, tmp_path / DB_FILENAME)
    async with (
        in_own_task(open_api(tmp_path, start=weeks.end + 3600)) as api,
        in_own_task(task_scope()) as tasks,
    ):
        # Accepting saves through the engine's library, as POST /api/automations does.
        engine = await start_automations(
            api.hub, tmp_path, tasks, db=api.db, commands=api.app.state.commands.port()
        )
        suggester = Suggester(
            registry=api.hub.registry,
            clock=api.clock,
            db=api.db,
            store=SuggestionStore(tmp_path / "insights" / "suggestions.json"),
            sink=YamlFolderSink(tmp_path / AUTOMATIONS_DIR),
        )
        detector = Detector(
            api.hub, api.db, store=AlertStore(tmp_path / "insights" / "alerts.json")
        )
        detector.start()
        api.attach(suggestions=suggester, alerts=detector, automations=engine)
        yield api
        detector.stop()


async def test_without_the_services_the_routes_answer_503(api: ApiHarness) -> None:
    owner = await api.owner()
    for path in ("/api/suggestions", "/api/alerts"):
        answer = await api.client.get(path, headers=owner.headers)
        assert answer.status_code == 503
        assert answer.json()["code"] == "unavailable"


@pytest.mark.slow
@pytest.mark.timeout(WEEKS_TIMEOUT)
async def test_an_adult_accepts_and_rejects_suggestions(
    insights: ApiHarness, tmp_path: Path
) -> None:
    api = insights
    suggester = app_services(api.app).suggestions
    assert isinstance(suggester, Suggester)
    assert len(await suggester.refresh()) == 3
    mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
    listed = await api.client.get("/api/suggestions", headers=mei.headers)
    assert listed.status_code == 200
    body = listed.json()
    assert len(body) == 3
    first = body[0]
    assert {"support", "opportunities", "confidence", "explanation_en", "explanation_zh"} <= set(
        first
    )
    assert first["status"] == "pending"
    assert first["document"]["automations"][0]["id"] == first["automation_id"]
    assert first["yaml"].startswith("automations:")

    accepted = await api.client.post(f"/api/suggestions/{first['id']}/accept", headers=mei.headers)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "accepted"
    assert accepted.json()["decided_by"] == "mei"
    automations, _ = load_documents(tmp_path / AUTOMATIONS_DIR)
    assert [a.id for a in automations] == [first["automation_id"]]

    again = await api.client.post(f"/api/suggestions/{first['id']}/reject", headers=mei.headers)
    assert again.status_code == 409
    assert again.json()["code"] == "conflict"
    rejected = await api.client.post(
        f"/api/suggestions/{body[1]['id']}/reject", headers=mei.headers
    )
    assert rejected.status_code == 200
    assert rejected.json()["status"] == "rejected"
    pending = (await api.client.get("/api/suggestions", headers=mei.headers)).json()
    assert [s["id"] for s in pending] == [body[2]["id"]]
    everything = (await api.client.get("/api/suggestions?status=all", headers=mei.headers)).json()
    assert {s["status"] for s in everything} == {"pending", "accepted", "rejected"}
    unknown = await api.client.post("/api/suggestions/nope/accept", headers=mei.headers)
    assert unknown.status_code == 404
    assert "GET /api/suggestions" in unknown.json()["message"]

    owner = await api.owner()
    audit = (await api.client.get("/api/audit", headers=owner.headers)).json()
    actions = {(e["action"], e["target"]) for e in audit}
    assert ("suggestion.accept", first["id"]) in actions
    assert ("suggestion.reject", body[1]["id"]) in actions


@pytest.mark.slow
@pytest.mark.timeout(WEEKS_TIMEOUT)
async def test_children_and_guests_cannot_decide(insights: ApiHarness) -> None:
    api = insights
    suggester = app_services(api.app).suggestions
    assert isinstance(suggester, Suggester)
    await suggester.refresh()
    kid = await api.person("kid", Role.CHILD, grants=[Scope("home")])
    listed = (await api.client.get("/api/suggestions", headers=kid.headers)).json()
    assert listed
    refused = await api.client.post(
        f"/api/suggestions/{listed[0]['id']}/accept", headers=kid.headers
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden"
    # A guest of the study only sees suggestions about devices there.
    guest = await api.person("guest", Role.GUEST, grants=[Scope("home", room_ids=["study"])])
    seen = (await api.client.get("/api/suggestions", headers=guest.headers)).json()
    assert {s["device_id"] for s in seen} <= {"desk-lamp", "computer"}
    assert len(seen) < len(listed) or not listed


@pytest.mark.timeout(WEEKS_TIMEOUT)
async def test_alerts_are_listed_and_dismissed(insights: ApiHarness) -> None:
    api = insights
    detector = app_services(api.app).alerts
    assert isinstance(detector, Detector)
    api.hub.report("front-door", DOOR, False)
    await api.clock.advance(11 * 60)
    raised = detector.check()
    assert [a.device_id for a in raised] == ["front-door"]
    mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
    listed = await api.client.get("/api/alerts", headers=mei.headers)
    assert listed.status_code == 200
    alerts = listed.json()
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert["kind"] == "door-open"
    assert alert["active"] is True
    assert alert["message_en"].startswith("Front door sensor has been open for 11 min")
    assert alert["message_zh"].startswith("前门门磁已打开 11 分钟")

    kid = await api.person("kid", Role.CHILD, grants=[Scope("home")])
    refused = await api.client.post(f"/api/alerts/{alert['id']}/dismiss", headers=kid.headers)
    assert refused.status_code == 403
    office = await api.person("colleague", Role.ADULT, grants=[Scope("office")])
    assert (await api.client.get("/api/alerts", headers=office.headers)).json() == []
    hidden = await api.client.post(f"/api/alerts/{alert['id']}/dismiss", headers=office.headers)
    assert hidden.status_code == 404

    dismissed = await api.client.post(f"/api/alerts/{alert['id']}/dismiss", headers=mei.headers)
    assert dismissed.status_code == 200
    assert dismissed.json()["dismissed"] is True
    assert (await api.client.get("/api/alerts", headers=mei.headers)).json() == []
    kept = (await api.client.get("/api/alerts?include_dismissed=true", headers=mei.headers)).json()
    assert [a["id"] for a in kept] == [alert["id"]]
    unknown = await api.client.post("/api/alerts/nope/dismiss", headers=mei.headers)
    assert unknown.status_code == 404
    # Closing the door ends the alert.
    api.hub.report("front-door", DOOR, True)
    detector.check()
    closed = (
        await api.client.get("/api/alerts?include_dismissed=true", headers=mei.headers)
    ).json()
    assert closed[0]["active"] is False
