"""Accepting a suggestion saves its automation as the person accepting would save it.

Whether the app sends the reviewed automation or nothing at all, the automation is checked
against the rights of whoever accepts it, and refused just as ``POST /api/automations`` would
refuse it, with nothing saved.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from orbithub.api.services import app_services
from orbithub.assistant.suggest import LibrarySink, Status, Suggester, SuggestionStore
from orbithub.assistant.suggest.document import (
    presence_document,
    routine_document,
    sequence_document,
)
from orbithub.automation import Engine
from orbithub.cli.automations import AUTOMATIONS_DIR
from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Person, Scope
from tests.api.test_automation_owners import automations_api
from tests.suggested import desk_lamp_suggestion

_DOOR = ("front-door-lock", "lock.locked", False)
_LIVING_LIGHT = ("living-room-light", "light.on", True)

# Each made by the miner's own document builders, under its own suggestion id.
DOCUMENTS: Mapping[str, dict[str, object]] = {
    "a1a1a1a1a1a1": routine_document(
        "suggested-door", "Unlock at 08:00", "home", "08:00", "weekdays", _DOOR
    ),
    "b2b2b2b2b2b2": sequence_document(
        "suggested-after-desk",
        "Living room light after the desk lamp",
        "home",
        ("desk-lamp", "light.on", True),
        _LIVING_LIGHT,
    ),
    "c3c3c3c3c3c3": presence_document(
        "suggested-alex-home",
        "Living room light when Alex arrives",
        "home",
        ("phone-alex", "presence.at-home"),
        True,
        _LIVING_LIGHT,
    ),
}


def _automation(document: Mapping[str, object]) -> dict[str, Any]:
    [automation] = cast(list[dict[str, Any]], document["automations"])
    return automation


@contextlib.asynccontextmanager
async def suggesting(api: ApiHarness, engine: Engine, tmp_path: Path) -> AsyncIterator[None]:
    """The suggestion services holding the pending suggestions of :data:`DOCUMENTS`."""
    assert engine.library is not None
    store = SuggestionStore(tmp_path / "insights" / "suggestions.json")
    template = desk_lamp_suggestion(api.clock.now())
    for suggestion_id, document in DOCUMENTS.items():
        action = _automation(document)["actions"][0]
        candidate = replace(
            template.candidate,
            fingerprint=f"test|{suggestion_id}",
            device_id=action["device"],
            path=action["path"],
            value=action["value"],
            document=document,
        )
        store.suggestions[suggestion_id] = replace(template, id=suggestion_id, candidate=candidate)
    api.attach(
        suggestions=Suggester(
            registry=api.hub.registry,
            clock=api.clock,
            db=api.db,
            store=store,
            sink=LibrarySink(engine.library),
        )
    )
    yield


async def _accept_and_save(
    api: ApiHarness, person: Person, suggestion_id: str
) -> tuple[tuple[int, str], tuple[int, str]]:
    """(status, code) of accepting the suggestion, then of saving its automation directly."""
    accepted = await api.client.post(
        f"/api/suggestions/{suggestion_id}/accept", headers=person.headers
    )
    automation = _automation(DOCUMENTS[suggestion_id])
    saved = await api.client.post("/api/automations", json=automation, headers=person.headers)
    return (
        (accepted.status_code, accepted.json().get("code", "")),
        (saved.status_code, saved.json().get("code", "")),
    )


def _nothing_saved(engine: Engine, tmp_path: Path) -> None:
    for suggestion_id, document in DOCUMENTS.items():
        # Neither under the suggestion's automation id nor under the document's own.
        for automation_id in (f"suggested-{suggestion_id}", _automation(document)["id"]):
            assert engine.find(automation_id) is None
            assert not (tmp_path / "hub" / AUTOMATIONS_DIR / f"{automation_id}.yaml").exists()


async def test_accepting_without_a_review_is_refused_as_saving_it_directly(
    tmp_path: Path,
) -> None:
    async with automations_api(tmp_path) as (api, engine), suggesting(api, engine, tmp_path):
        lily = await api.person("lily", Role.CHILD, grants=[Scope("home")])
        # A child may not save an automation that opens the front door, nor accept one.
        accept, save = await _accept_and_save(api, lily, "a1a1a1a1a1a1")
        assert accept == save == (403, "forbidden")

        # Kim may use the living room only: not an automation that watches the study's lamp.
        kim = await api.person("kim", Role.ADULT, grants=[Scope("home", ["living-room"])])
        accept, save = await _accept_and_save(api, kim, "b2b2b2b2b2b2")
        assert save[0] in (403, 422)
        assert accept == save

        # Mei may not follow where Alex's phone is.
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        accept, save = await _accept_and_save(api, mei, "c3c3c3c3c3c3")
        assert save[0] in (403, 422)
        assert accept == save

        _nothing_saved(engine, tmp_path)
        suggester = _suggester(api)
        assert {s.status for s in suggester.all()} == {Status.PENDING}


async def test_accepting_without_a_review_saves_it_as_the_persons_own(tmp_path: Path) -> None:
    async with automations_api(tmp_path) as (api, engine), suggesting(api, engine, tmp_path):
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        accepted = await api.client.post(
            "/api/suggestions/b2b2b2b2b2b2/accept", headers=mei.headers
        )
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["status"] == "accepted"
        saved = await api.client.get("/api/automations/suggested-b2b2b2b2b2b2", headers=mei.headers)
        assert saved.status_code == 200, saved.text
        assert saved.json()["owner"] == mei.id
        assert saved.json()["household"] is False
        assert saved.json()["enabled"] is True


def _suggester(api: ApiHarness) -> Suggester:
    found = app_services(api.app).suggestions
    assert isinstance(found, Suggester)
    return found
