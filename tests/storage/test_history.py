"""History queries on known data: raw points, down-sampled buckets, latest values, event log."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from orbithub.core.bus import Bus
from orbithub.core.clock import ManualClock
from orbithub.core.context import Context, Origin
from orbithub.core.events import CommandKind, CommandSent, DeviceEvent, DeviceOnline, HubEvent
from orbithub.core.registry import Registry
from orbithub.storage import Database, EventKind, HistoryPoint, Recorder, history
from tests.storage.conftest import T0, changed


async def record(db: Database, events: Sequence[HubEvent]) -> None:
    bus = Bus()
    recorder = Recorder(db, bus, Registry(), clock=ManualClock(T0))
    async with asyncio.TaskGroup() as tasks:
        await recorder.start(tasks)
        for event in events:
            bus.publish(event)
        await recorder.stop()
    assert recorder.rows_written == len(events)


def sixty_readings() -> list[HubEvent]:
    """Sixty readings, one per 10 s from T0, of four properties; reading i has value i."""
    out: list[HubEvent] = []
    seq = 0
    for i in range(60):
        t = T0 + 10 * i
        for path, value in (
            ("light.brightness", i),
            ("light.temperature", i / 4),
            ("light.on", i % 3 == 0),
            ("light.mode", f"m{i}"),
        ):
            seq += 1
            out.append(changed(seq, t, value, path=path))
    return out


@pytest.fixture
async def filled(db: Database) -> Database:
    await record(db, sixty_readings())
    return db


async def test_raw_points_keep_their_types(filled: Database) -> None:
    points = await history.history(filled, "lamp", "light.brightness", T0, T0 + 600)
    assert [p.value for p in points] == list(range(60))
    assert all(type(p.value) is int and p.min is None for p in points)
    assert points[0] == HistoryPoint(T0, 0)

    temps = await history.history(filled, "lamp", "light.temperature", T0, T0 + 50)
    assert [p.value for p in temps] == [0.0, 0.25, 0.5, 0.75, 1.0]

    flags = await history.history(filled, "lamp", "light.on", T0, T0 + 40)
    assert [p.value for p in flags] == [True, False, False, True]
    assert all(type(p.value) is bool for p in flags)

    modes = await history.history(filled, "lamp", "light.mode", T0 + 590, T0 + 1000)
    assert modes == [HistoryPoint(T0 + 590, "m59")]


async def test_range_is_half_open(filled: Database) -> None:
    points = await history.history(filled, "lamp", "light.brightness", T0 + 100, T0 + 200)
    assert [p.value for p in points] == list(range(10, 20))
    assert await history.history(filled, "lamp", "light.brightness", T0 + 5, T0 + 5) == []
    assert await history.history(filled, "lamp", "nothing.here", T0, T0 + 600, buckets=3) == []


async def test_numeric_buckets_give_average_min_max(filled: Database) -> None:
    points = await history.history(filled, "lamp", "light.brightness", T0, T0 + 600, buckets=6)
    assert points == [
        HistoryPoint(T0 + 100 * k, 10 * k + 4.5, 10 * k, 10 * k + 9) for k in range(6)
    ]
    temps = await history.history(filled, "lamp", "light.temperature", T0, T0 + 600, buckets=2)
    # Readings 0..29 and 30..59, divided by four.
    assert [(p.value, p.min, p.max) for p in temps] == [(3.625, 0.0, 7.25), (11.125, 7.5, 14.75)]


async def test_buckets_floor_on_both_databases(filled: Database) -> None:
    # Offsets of exactly half a bucket must fall in the lower bucket, not round up.
    points = await history.history(filled, "lamp", "light.brightness", T0 + 50, T0 + 450, buckets=4)
    assert [(p.time, p.value, p.min, p.max) for p in points] == [
        (T0 + 50 + 100 * k, 10 * k + 9.5, 10 * k + 5, 10 * k + 14) for k in range(4)
    ]


async def test_sparse_buckets_are_left_out(filled: Database) -> None:
    # 600 s of data in a 1200 s range: the second half has no points.
    points = await history.history(filled, "lamp", "light.brightness", T0, T0 + 1200, buckets=4)
    assert [p.time for p in points] == [T0, T0 + 300]


async def test_bool_and_text_buckets_give_the_last_value(filled: Database) -> None:
    flags = await history.history(filled, "lamp", "light.on", T0, T0 + 600, buckets=6)
    # The last reading of bucket k is 10k + 9.
    assert [p.value for p in flags] == [(10 * k + 9) % 3 == 0 for k in range(6)]
    assert all(type(p.value) is bool and p.min is None for p in flags)
    modes = await history.history(filled, "lamp", "light.mode", T0, T0 + 600, buckets=3)
    assert modes == [HistoryPoint(T0 + 200 * k, f"m{20 * k + 19}") for k in range(3)]


async def test_invalid_bucket_count(filled: Database) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        await history.history(filled, "lamp", "light.brightness", T0, T0 + 600, buckets=0)


async def test_latest_values_and_last_time(filled: Database) -> None:
    latest = await history.latest_values(filled, "lamp")
    assert latest == {
        "light.brightness": HistoryPoint(T0 + 590, 59),
        "light.temperature": HistoryPoint(T0 + 590, 14.75),
        "light.on": HistoryPoint(T0 + 590, False),
        "light.mode": HistoryPoint(T0 + 590, "m59"),
    }
    assert await history.latest_values(filled, "nobody") == {}
    assert await history.last_time(filled) == T0 + 590


async def test_last_time_of_an_empty_database(db: Database) -> None:
    assert await history.last_time(db) is None


async def test_event_log(db: Database) -> None:
    user = Context(Origin.USER, "ana")
    await record(
        db,
        [
            DeviceOnline(1, T0, "home", "lamp", True, Context()),
            DeviceEvent(2, T0 + 1, "home", "button", "switch.click", (("times", 2),), Context()),
            CommandSent(
                3,
                T0 + 2,
                "home",
                "lamp",
                CommandKind.SET,
                "light.on",
                (("value", True),),
                True,
                "",
                user,
            ),
            DeviceOnline(4, T0 + 3, "home", "lamp", False, Context()),
        ],
    )
    log = await history.events(db, device_id="lamp")
    assert [(e.seq, e.kind) for e in log] == [
        (4, EventKind.ONLINE),
        (3, EventKind.COMMAND),
        (1, EventKind.ONLINE),
    ]
    command = log[1]
    assert command.path == "light.on"
    assert command.payload["arguments"] == {"value": True}
    assert command.payload["confirmed"] is True
    assert command.payload["origin"] == "user"
    assert command.payload["actor"] == "ana"
    assert log[0].payload["online"] is False

    everything = await history.events(db, space_id="home", limit=2)
    assert [e.seq for e in everything] == [4, 3]
    button = await history.events(db, kinds=(EventKind.EVENT,))
    assert [(e.device_id, e.path, e.payload["arguments"]) for e in button] == [
        ("button", "switch.click", {"times": 2})
    ]
    window = await history.events(db, start=T0 + 1, end=T0 + 3)
    assert [e.seq for e in window] == [3, 2]
