"""The recorder: batching under a burst, registry persistence, failures, limits, retention."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
import sqlalchemy as sa

from orbithub.core.bus import Bus
from orbithub.core.clock import ManualClock
from orbithub.core.context import Context
from orbithub.core.events import (
    AutomationRun,
    DeviceEvent,
    DeviceOnline,
    NotificationRequested,
    PresenceChanged,
    RegistryChanged,
    RegistryKind,
    UserMessage,
    ZoneChanged,
)
from orbithub.core.registry import Device, Registry, Room
from orbithub.spec.library import device_type
from orbithub.storage import Database, Recorder, history
from orbithub.storage.tables import EventKind, device_types, devices, events, rooms, spaces
from orbithub.storage.tables import history as history_table
from tests.storage.conftest import T0, Commits, changed, make_registry

DAY = 86_400.0


async def count(db: Database, table: sa.Table) -> int:
    async with db.engine.connect() as conn:
        return int(await conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)


@asynccontextmanager
async def running(recorder: Recorder) -> AsyncIterator[Recorder]:
    async with asyncio.TaskGroup() as tasks:
        await recorder.start(tasks)
        try:
            yield recorder
        finally:
            await recorder.stop()


async def rename_history(db: Database, old: str, new: str) -> None:
    async with db.begin() as conn:
        await conn.execute(sa.text(f"ALTER TABLE {old} RENAME TO {new}"))


async def test_burst_is_written_in_batches(db: Database) -> None:
    bus = Bus()
    commits = Commits()
    recorder = Recorder(
        db, bus, Registry(), clock=ManualClock(T0), batch_size=2_000, on_commit=commits
    )
    total = 20_000
    async with running(recorder):
        for seq in range(1, total + 1):
            bus.publish(changed(seq, T0 + seq / 100, seq % 256))
        await commits.reach(total)
        assert recorder.committed_seq == total
    assert recorder.rows_written == total
    assert recorder.dropped == recorder.rejected == recorder.failures == 0
    # Batches, not a transaction per row (nor one giant one).
    assert 10 <= commits.calls <= 20
    assert await count(db, history_table) == total
    async with db.engine.connect() as conn:
        seqs = await conn.scalar(sa.select(sa.func.count(sa.distinct(history_table.c.seq))))
    assert seqs == total


async def test_flush_interval_writes_a_small_batch(db: Database) -> None:
    bus = Bus()
    commits = Commits()
    recorder = Recorder(
        db, bus, Registry(), clock=ManualClock(T0), flush_interval=0.05, on_commit=commits
    )
    async with running(recorder):
        bus.publish(changed(1, T0, 5))
        await commits.reach(1, within=10)
    assert recorder.pending == 0
    assert await count(db, history_table) == 1


async def test_registry_changes_are_persisted(db: Database) -> None:
    bus = Bus()
    registry = make_registry()
    recorder = Recorder(db, bus, registry, clock=ManualClock(T0))
    seq = 0

    def announce(kind: RegistryKind, record_id: str, *, removed: bool = False) -> None:
        nonlocal seq
        seq += 1
        bus.publish(RegistryChanged(seq, T0, "home", kind, record_id, removed, Context()))

    async with running(recorder):
        announce(RegistryKind.SPACE, "home")
        for room in registry.rooms():
            announce(RegistryKind.ROOM, room.id)
        for device in registry:
            announce(RegistryKind.DEVICE, device.id)
        assert await recorder.flush()
        assert recorder.committed_seq == seq
        spaces_, rooms_, devices_ = await db.load_registry()
        assert spaces_ == registry.spaces()
        assert rooms_ == sorted(registry.rooms(), key=lambda r: r.id)
        assert devices_ == sorted(registry, key=lambda d: d.id)

        # A rename is written from the registry's current record; a removal deletes.
        lamp = registry.device("lamp")
        registry.add_device(
            Device("lamp", "Desk lamp", lamp.spec, "home", "sim", "kitchen"), replace=True
        )
        announce(RegistryKind.DEVICE, "lamp")
        registry.remove_device("kettle")
        announce(RegistryKind.DEVICE, "kettle", removed=True)
        # Announced but gone from the registry by the time it is written: deleted too.
        announce(RegistryKind.DEVICE, "thermo")
        registry.remove_device("thermo")
        # Never existed: nothing to write, nothing to crash on.
        announce(RegistryKind.DEVICE, "ghost")
        announce(RegistryKind.ROOM, "nowhere", removed=True)
        assert await recorder.flush()

    _, _, stored = await db.load_registry()
    assert [(d.id, d.name, d.room_id) for d in stored] == [("lamp", "Desk lamp", "kitchen")]
    # Each device type once, even after several writes of devices that use it.
    assert await count(db, device_types) == 3


async def test_write_failure_keeps_rows_for_retry(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    bus = Bus()
    registry = make_registry()
    recorder = Recorder(db, bus, registry, clock=ManualClock(T0), flush_interval=3_600)
    async with running(recorder):
        await rename_history(db, "history", "history_away")
        for seq in range(1, 101):
            bus.publish(changed(seq, T0 + seq, seq))
        bus.publish(RegistryChanged(101, T0, "home", RegistryKind.SPACE, "home", False, Context()))
        with caplog.at_level(logging.WARNING, logger="orbithub.storage.recorder"):
            assert not await recorder.flush()
            assert not await recorder.flush()
        assert recorder.failures == 2
        assert recorder.pending == 100
        assert recorder.committed_seq == 0
        # One warning per outage, not one per attempt; it says what to check.
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1
        assert "database is up" in warnings[0].getMessage()

        await rename_history(db, "history_away", "history")
        assert await recorder.flush()
        assert recorder.committed_seq == 101
    assert await count(db, history_table) == 100
    assert await count(db, spaces) == 1


async def test_a_failed_batch_writes_nothing(db: Database) -> None:
    # History goes first in the transaction (by COPY on PostgreSQL); when the event rows after
    # it fail, the history rows must be rolled back with them, then written once on retry.
    bus = Bus()
    recorder = Recorder(db, bus, Registry(), clock=ManualClock(T0), flush_interval=3_600)
    async with running(recorder):
        await rename_history(db, "events", "events_away")
        for seq in range(1, 11):
            bus.publish(changed(seq, T0 + seq, seq))
        bus.publish(DeviceOnline(11, T0, "home", "lamp", True, Context()))
        assert not await recorder.flush()
        assert await count(db, history_table) == 0
        await rename_history(db, "events_away", "events")
        assert await recorder.flush()
    assert await count(db, history_table) == 10
    assert await count(db, events) == 1


async def test_full_buffer_drops_the_oldest_and_warns(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    bus = Bus()
    recorder = Recorder(db, bus, Registry(), clock=ManualClock(T0), batch_size=10, max_pending=100)
    async with running(recorder):
        await rename_history(db, "history", "history_away")
        for seq in range(1, 151):
            bus.publish(changed(seq, T0 + seq, seq))
        assert recorder.dropped == 50
        with caplog.at_level(logging.WARNING, logger="orbithub.storage.recorder"):
            assert not await recorder.flush()
        assert any("dropped the 50 oldest" in r.getMessage() for r in caplog.records)
        await rename_history(db, "history_away", "history")
        assert await recorder.flush()
    points = await history.history(db, "lamp", "light.brightness", T0, T0 + 1_000)
    assert [p.value for p in points] == list(range(51, 151))


async def test_malformed_events_are_skipped(db: Database) -> None:
    bus = Bus()
    recorder = Recorder(db, bus, Registry(), clock=ManualClock(T0))
    bad_values: list[object] = [None, [1, 2], float("nan"), float("inf"), {"a": 1}]
    async with running(recorder):
        seq = 0
        for value in bad_values:
            seq += 1
            bus.publish(changed(seq, T0, value))  # type: ignore[arg-type]
        seq += 1
        bus.publish(changed(seq, T0, 1, device_id="x" * 500))
        seq += 1
        bus.publish(changed(seq, T0, "nul\x00byte", path="light.mode"))
        seq += 1
        bus.publish(
            DeviceEvent(seq, T0, "home", "lamp", "x.y", (("arg", object()),), Context())  # type: ignore[arg-type]
        )
        seq += 1
        bus.publish(DeviceOnline(seq, T0, "home", "unknown-device", True, Context()))
        seq += 1
        bus.publish(changed(seq, T0, 42))
        assert await recorder.flush()
        assert recorder.committed_seq == seq
    assert recorder.rejected == len(bad_values) + 1
    assert (await history.latest_values(db, "lamp"))["light.brightness"].value == 42
    assert (await history.latest_values(db, "lamp"))["light.mode"].value == "nul\ufffdbyte"
    assert await count(db, events) == 2


async def test_stop_flushes_everything_pending(db: Database) -> None:
    bus = Bus()
    recorder = Recorder(db, bus, Registry(), clock=ManualClock(T0), flush_interval=3_600)
    async with asyncio.TaskGroup() as tasks:
        await recorder.start(tasks)
        for seq in range(1, 501):
            bus.publish(changed(seq, T0 + seq, seq))
        await recorder.stop()
    assert recorder.committed_seq == 500
    assert await count(db, history_table) == 500
    # Stopped means stopped listening.
    bus.publish(changed(501, T0, 1))
    assert recorder.pending == 0


async def test_stop_with_the_database_down_does_not_hang(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    bus = Bus()
    recorder = Recorder(db, bus, Registry(), clock=ManualClock(T0), flush_interval=3_600)
    async with asyncio.TaskGroup() as tasks:
        await recorder.start(tasks)
        await rename_history(db, "history", "history_away")
        bus.publish(changed(1, T0, 1))
        await recorder.stop()
    assert any("are lost" in r.getMessage() for r in caplog.records)
    await rename_history(db, "history_away", "history")


async def test_retention_purge(db: Database) -> None:
    clock = ManualClock(T0)
    bus = Bus()
    recorder = Recorder(db, bus, Registry(), clock=clock, retention_days=7, flush_interval=3_600)
    async with running(recorder):
        ages = [30, 8, 7.5, 6, 1, 0]
        for seq, age in enumerate(ages, start=1):
            bus.publish(changed(seq, T0 - age * DAY, seq))
        bus.publish(DeviceOnline(7, T0 - 10 * DAY, "home", "lamp", True, Context()))
        bus.publish(DeviceOnline(8, T0 - 1 * DAY, "home", "lamp", False, Context()))
        assert await recorder.flush()
        assert await recorder.purge() == 4
        points = await history.history(db, "lamp", "light.brightness", T0 - 100 * DAY, T0 + 1)
        assert [p.value for p in points] == [4, 5, 6]
        assert [e.seq for e in await history.events(db)] == [8]
        # Time passes on the hub's clock, not the wall clock.
        await clock.advance(1.5 * DAY)
        assert await recorder.purge() == 1
        assert await recorder.purge() == 0


async def test_no_retention_keeps_everything(db: Database) -> None:
    recorder = Recorder(db, Bus(), Registry(), clock=ManualClock(T0), retention_days=None)
    assert await recorder.purge() == 0


def test_rejects_inconsistent_limits(db: Database) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        Recorder(db, Bus(), Registry(), clock=ManualClock(), batch_size=10, max_pending=5)


async def test_rooms_table_is_written_from_the_registry(db: Database) -> None:
    registry = make_registry()
    bus = Bus()
    recorder = Recorder(db, bus, registry, clock=ManualClock(T0))
    async with running(recorder):
        registry.add_room(Room("attic", "home", "Attic", floor=2))
        bus.publish(RegistryChanged(1, T0, "home", RegistryKind.ROOM, "attic", False, Context()))
    assert await count(db, rooms) == 1
    assert await count(db, devices) == 0
    assert device_type("light") is not None


async def test_stop_flushes_when_the_task_group_fails(db: Database) -> None:
    bus = Bus()
    recorder = Recorder(db, bus, Registry(), clock=ManualClock(T0), flush_interval=3_600)

    async def crash() -> None:
        raise RuntimeError("an adapter crashed")

    async def hub() -> None:
        async with asyncio.TaskGroup() as tasks:
            await recorder.start(tasks)
            try:
                for seq in range(1, 101):
                    bus.publish(changed(seq, T0 + seq, seq))
                tasks.create_task(crash())
                await asyncio.Event().wait()  # cancelled when crash() fails
            finally:
                await recorder.stop()

    with pytest.raises(ExceptionGroup):
        await hub()
    assert recorder.committed_seq == 100
    assert await count(db, history_table) == 100


async def test_arrivals_presence_and_automation_runs_are_in_the_activity_log(db: Database) -> None:
    bus = Bus()
    recorder = Recorder(db, bus, Registry(), clock=ManualClock(T0))
    ctx = Context()
    async with running(recorder):
        bus.publish(ZoneChanged(1, T0, "home", "phone-mei", True, 42.5, ctx))
        bus.publish(PresenceChanged(2, T0 + 1, "home", "mei", True, ("alex", "mei"), ctx))
        bus.publish(AutomationRun(3, T0 + 2, "home", "night", "r1", "done", "curtains closed", ctx))
        # Messages to people belong to the notification centre, not the activity log.
        bus.publish(NotificationRequested(4, T0 + 3, "home", (), "Door", "open", "info", "", ctx))
        bus.publish(UserMessage(5, T0 + 4, "home", ("mei",), "notification", (), ctx))
        assert await recorder.flush()
        assert recorder.committed_seq == 5
    assert recorder.rejected == 0
    log = await history.events(db, space_id="home")
    assert [(e.kind, e.device_id, e.path) for e in log] == [
        (EventKind.AUTOMATION, "", "night"),
        (EventKind.PRESENCE, "", "mei"),
        (EventKind.ZONE, "phone-mei", ""),
    ]
    assert log[0].payload["outcome"] == "done"
    assert log[1].payload["people_present"] == ["alex", "mei"]
    assert log[2].payload["entered"] is True
