"""The suggestion service: a few a day, accept writes an automation, rejected never return."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from orbithub.assistant.suggest import (
    Status,
    Suggester,
    SuggestionDecidedError,
    SuggestionStore,
    UnknownSuggestionError,
    YamlFolderSink,
)
from orbithub.automation import load_documents
from orbithub.automation.validate import check_automations
from orbithub.core.clock import ManualClock
from orbithub.core.registry import Registry
from orbithub.storage import Database
from tests.assistant.suggest.weeks import WEEKS_TIMEOUT, Weeks

pytestmark = [pytest.mark.slow, pytest.mark.timeout(WEEKS_TIMEOUT)]

DAY = 86_400.0


@pytest.fixture
async def db(weeks: Weeks) -> AsyncIterator[Database]:
    database = await weeks.open()
    try:
        yield database
    finally:
        await database.close()


def suggester(
    db: Database, registry: Registry, clock: ManualClock, folder: Path, per_day: int = 3
) -> Suggester:
    return Suggester(
        registry=registry,
        clock=clock,
        db=db,
        store=SuggestionStore(folder / "suggestions.json"),
        sink=YamlFolderSink(folder / "automations"),
        max_per_day=per_day,
    )


async def test_at_most_three_a_day_best_first(
    db: Database, weeks: Weeks, registry: Registry, tmp_path: Path
) -> None:
    clock = ManualClock(weeks.end + 3600)
    service = suggester(db, registry, clock, tmp_path)
    first = await service.refresh()
    assert len(first) == 3
    confidences = [s.candidate.confidence for s in service.pending()]
    assert confidences == sorted(confidences, reverse=True)
    assert await service.refresh() == []  # same day: the allowance is spent
    # Seven habits in all (arrivals and departures count per person): 3, 3, then 1.
    await clock.advance(DAY)
    second = await service.refresh()
    assert len(second) == 3
    assert {s.id for s in first}.isdisjoint(s.id for s in second)
    await clock.advance(DAY)
    assert len(await service.refresh()) == 1
    await clock.advance(DAY)
    assert await service.refresh() == []
    assert len(service.pending()) == 7


async def test_rejected_suggestions_never_come_back(
    db: Database, weeks: Weeks, registry: Registry, tmp_path: Path
) -> None:
    clock = ManualClock(weeks.end + 3600)
    service = suggester(db, registry, clock, tmp_path, per_day=10)
    proposed = await service.refresh()
    assert len(proposed) == 7
    rejected = await service.reject(proposed[0].id, by="mei")
    assert rejected.status is Status.REJECTED
    assert rejected.decided_by == "mei"
    assert proposed[0].id not in {s.id for s in service.pending()}
    # Later days, and a restart that reads the decisions back from the file.
    for _ in range(3):
        await clock.advance(DAY)
        assert await service.refresh() == []
    restarted = suggester(db, registry, clock, tmp_path, per_day=10)
    await restarted.store.load()
    assert await restarted.refresh() == []
    assert restarted.get(proposed[0].id).status is Status.REJECTED
    assert len(restarted.pending()) == 6


async def test_accepting_writes_an_automation_the_hub_loads(
    db: Database, weeks: Weeks, registry: Registry, tmp_path: Path
) -> None:
    clock = ManualClock(weeks.end + 3600)
    service = suggester(db, registry, clock, tmp_path, per_day=10)
    proposed = await service.refresh()
    accepted = [await service.accept(s.id, by="alex") for s in proposed]
    assert all(s.status is Status.ACCEPTED for s in accepted)
    folder = tmp_path / "automations"
    files = sorted(p.name for p in folder.iterdir())
    assert files == sorted(f"suggested-{s.id}.yaml" for s in proposed)
    automations, _ = load_documents(folder)
    assert sorted(a.id for a in automations) == sorted(s.automation_id for s in proposed)
    assert check_automations(automations, registry) == []
    kitchen = next(a for a in automations if "kitchen light" in a.name)
    assert kitchen.name == "Turn on the kitchen light at 07:00"
    # Accepted habits are not proposed again either.
    await clock.advance(DAY)
    assert await service.refresh() == []
    assert service.pending() == []


async def test_deciding_twice_or_an_unknown_id_is_refused(
    db: Database, weeks: Weeks, registry: Registry, tmp_path: Path
) -> None:
    clock = ManualClock(weeks.end + 3600)
    service = suggester(db, registry, clock, tmp_path)
    proposed = await service.refresh()
    await service.reject(proposed[0].id)
    with pytest.raises(SuggestionDecidedError, match="already rejected"):
        await service.accept(proposed[0].id)
    with pytest.raises(UnknownSuggestionError, match="GET /api/suggestions"):
        await service.reject("nope")
    assert not (tmp_path / "automations").exists()


async def test_a_corrupt_store_is_set_aside_not_fatal(
    db: Database, weeks: Weeks, registry: Registry, tmp_path: Path
) -> None:
    (tmp_path / "suggestions.json").write_text("{not json", encoding="utf-8")
    clock = ManualClock(weeks.end + 3600)
    service = suggester(db, registry, clock, tmp_path)
    await service.store.load()
    assert service.all() == []
    assert (tmp_path / "suggestions.json.corrupt").read_text(encoding="utf-8") == "{not json"
    assert len(await service.refresh()) == 3
    assert (tmp_path / "suggestions.json").exists()
