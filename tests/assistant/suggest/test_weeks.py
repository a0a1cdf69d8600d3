"""Mining four simulated weeks of the demo family: the habits they have are found, no others.

The family's habits (see ``orbithub.demo.habits``) are kept about nine days in
ten, with random taps of other switches mixed in; the simulated weeks are recorded through a
real hub and recorder into SQLite, and on PostgreSQL the same commands and arrivals are
replayed through a recorder and give the same suggestions.
"""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from orbithub.assistant.suggest import Candidate, SuggestionKind, mine, read_records
from orbithub.automation import parse_document
from orbithub.automation.validate import check_automations
from orbithub.core.bus import Bus
from orbithub.core.context import Context, Origin
from orbithub.core.events import CommandKind, CommandSent, PresenceChanged
from orbithub.core.registry import Registry
from orbithub.storage import Database, Recorder
from tests.assistant.suggest.weeks import WEEKS_TIMEOUT, Weeks
from tests.conftest import service_url
from tests.storage.conftest import POSTGRES_URL_VARIABLE, postgres_schema

pytestmark = [pytest.mark.slow, pytest.mark.timeout(WEEKS_TIMEOUT)]

PLANTED = {
    (SuggestionKind.ROUTINE, "kitchen-light"),
    (SuggestionKind.ROUTINE, "living-room-curtain"),
    (SuggestionKind.SEQUENCE, "computer"),
    (SuggestionKind.PRESENCE, "living-room-light"),
    (SuggestionKind.PRESENCE, "living-room-ac"),
}


async def _mine(db: Database, weeks: Weeks, registry: Registry) -> list[Candidate]:
    commands, presence = await read_records(db, weeks.start, weeks.end)
    return mine(commands, presence, registry, now=weeks.end)


async def test_the_family_habits_are_found_and_nothing_else(
    weeks: Weeks, registry: Registry
) -> None:
    db = await weeks.open()
    try:
        commands, presence = await read_records(db, weeks.start, weeks.end)
        found = mine(commands, presence, registry, now=weeks.end)
    finally:
        await db.close()
    assert len(commands) > 300
    assert len(presence) > 60
    assert {(c.kind, c.device_id) for c in found} == PLANTED
    for candidate in found:
        assert candidate.support >= 7
        assert 0.75 <= candidate.confidence <= 1.0
    kitchen = next(c for c in found if c.device_id == "kitchen-light")
    assert kitchen.explanation_en.startswith("You turned on the kitchen light around 07:00 on ")
    assert kitchen.explanation_en.endswith(" of the last 19 weekdays.")
    assert kitchen.explanation_zh.startswith("过去 19 个工作日中有 ")
    curtain = next(c for c in found if c.device_id == "living-room-curtain")
    assert "around 09:30 on" in curtain.explanation_en
    assert "weekend days" in curtain.explanation_en
    triggers = [
        parse_document(c.document)[0][0].triggers[0]
        for c in found
        if c.kind is SuggestionKind.PRESENCE
    ]
    assert {getattr(t, "device", None) for t in triggers} == {"phone-alex", "phone-mei"}


async def test_every_suggestion_is_an_automation_the_loader_accepts(
    weeks: Weeks, registry: Registry
) -> None:
    db = await weeks.open()
    try:
        found = await _mine(db, weeks, registry)
    finally:
        await db.close()
    assert found
    for candidate in found:
        automations, scenes = parse_document(candidate.document, source=candidate.fingerprint)
        assert len(automations) == 1
        assert scenes == []
        assert check_automations(automations, registry) == []


async def test_commands_from_automations_are_no_habit(
    tmp_path_factory: pytest.TempPathFactory, weeks: Weeks, registry: Registry
) -> None:
    copy = weeks.copy_to(tmp_path_factory.mktemp("automated"))
    db = await copy.open()
    try:
        # Rewrite every manual command as if an automation had given it.
        async with db.begin() as conn:
            rows = (
                await conn.execute(sa.text("SELECT id, payload FROM events WHERE kind = 'command'"))
            ).all()
            for row_id, payload in rows:
                data = payload if isinstance(payload, dict) else json.loads(payload)
                data["origin"] = "automation"
                await conn.execute(
                    sa.text("UPDATE events SET payload = :p WHERE id = :i"),
                    {"p": json.dumps(data), "i": row_id},
                )
        assert await _mine(db, copy, registry) == []
    finally:
        await db.close()


@pytest.mark.postgres
async def test_the_same_suggestions_on_postgresql(
    tmp_path_factory: pytest.TempPathFactory, weeks: Weeks, registry: Registry
) -> None:
    url = service_url(POSTGRES_URL_VARIABLE, "PostgreSQL")
    source = await weeks.open()
    try:
        commands, presence = await read_records(source, weeks.start, weeks.end)
        expected = mine(commands, presence, registry, now=weeks.end)
    finally:
        await source.close()
    async with postgres_schema(url) as schema:
        db = await Database.open(url, data_dir=tmp_path_factory.mktemp("pg"), schema=schema)
        try:
            bus = Bus()
            recorder = Recorder(db, bus, registry, clock=_Fixed(weeks.end), retention_days=None)
            unlisten = bus.listen(recorder._on_event)
            for command in commands:
                bus.publish(
                    CommandSent(
                        bus.next_seq(),
                        command.time,
                        command.space_id,
                        command.device_id,
                        CommandKind.SET,
                        command.path,
                        ((command.path.rsplit(".", 1)[-1], command.value),),
                        True,
                        "",
                        Context(Origin.USER, command.actor),
                    )
                )
            for record in presence:
                bus.publish(
                    PresenceChanged(
                        bus.next_seq(),
                        record.time,
                        record.space_id,
                        record.person,
                        record.present,
                        (),
                        Context(Origin.SYSTEM, "presence"),
                    )
                )
            unlisten()
            assert await recorder.flush()
            assert db.dialect == "postgresql"
            assert await _mine(db, weeks, registry) == expected
        finally:
            await db.close()


class _Fixed:
    """A clock stopped at one instant (the recorder only reads it for retention)."""

    def __init__(self, now: float) -> None:
        self._now = now

    def now(self) -> float:
        return self._now

    async def sleep(self, seconds: float) -> None:
        raise AssertionError("the replay never sleeps")
