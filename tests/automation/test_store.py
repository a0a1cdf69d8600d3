"""The pending stores: what a restarted process reads back, and how writes are batched."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest

from orbithub.automation import Engine, JsonFileStore, MemoryStore, Pending
from orbithub.automation.model import Automation, SetStep, TimeTrigger
from orbithub.automation.store import PendingKind, StoreWriter
from orbithub.core.clock import ManualClock

from .conftest import RecordingAdapter, berlin, build_hub


def pending(key: str, due: float = 1.0) -> Pending:
    return Pending(key, PendingKind.DELAY, "a", 1, due, (0, 2, 1), run_id="r1", trigger="manual")


async def test_json_store_round_trips_through_a_new_instance(tmp_path: Path) -> None:
    path = tmp_path / "pending.json"
    store = JsonFileStore(path)
    await store.save(pending("one"))
    await store.save(pending("two", 2.0))
    await store.remove("one")
    assert await JsonFileStore(path).load() == [pending("two", 2.0)]


async def test_a_missing_file_is_an_empty_store(tmp_path: Path) -> None:
    assert await JsonFileStore(tmp_path / "absent.json").load() == []


async def test_the_writer_keeps_the_last_change_per_key() -> None:
    store = MemoryStore()
    writer = StoreWriter(store)
    writer.save(pending("k", 1.0))
    writer.remove("k")
    writer.save(pending("j", 2.0))
    writer.save(pending("j", 3.0))
    import asyncio

    async with asyncio.TaskGroup() as tasks:
        task = tasks.create_task(writer.run())
        assert await writer.flush(1.0)
        task.cancel()
    assert await store.load() == [pending("j", 3.0)]


async def test_many_timers_at_start_cost_few_file_writes(tmp_path: Path) -> None:
    class CountingStore(JsonFileStore):
        writes = 0

        def _write(self, records: list[Pending]) -> None:
            CountingStore.writes += 1
            super()._write(records)

    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    automations = [
        Automation(
            f"a{i}",
            "x",
            (TimeTrigger(time(i % 24, i % 60)),),
            actions=(SetStep("lamp", "light.on", True),),
        )
        for i in range(300)
    ]
    store = CountingStore(tmp_path / "p.json")
    async with build_hub(clock, RecordingAdapter()) as hub, Engine(hub, automations, store=store):
        pass
    assert CountingStore.writes <= 3
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert len(data["pending"]) == 300


async def test_a_damaged_file_is_set_aside_and_the_store_starts_empty(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "pending.json"
    path.write_text('{"pending": [{"key": "run:1", "kind": "del', encoding="utf-8")
    store = JsonFileStore(path)
    assert await store.load() == []
    assert (tmp_path / "pending.json.unreadable").read_text(encoding="utf-8").startswith("{")
    assert "pending.json cannot be read" in caplog.text
    good = Pending("run:2", PendingKind.DELAY, "later", 1, 100.0)
    await store.save(good)
    assert await JsonFileStore(path).load() == [good]


async def test_a_record_that_cannot_be_read_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "pending.json"
    good = {"key": "run:2", "kind": "delay", "automation_id": "a", "version": 1, "due": 5.0}
    path.write_text(json.dumps({"pending": [{"key": "x", "kind": "nonsense"}, good]}), "utf-8")
    (loaded,) = await JsonFileStore(path).load()
    assert loaded.key == "run:2"
