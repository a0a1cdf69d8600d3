"""Anomaly alerts on a replayed normal week: few false alarms; injected anomalies are caught.

The detector learns from the first three of the four simulated weeks and watches the fourth
through a live hub (see ``replay.py``). The false-alarm count on the normal week is printed
(run pytest with ``-s``) and bounded.
"""

# ruff: noqa: RUF001 - Chinese sentences use full-width punctuation.

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from orbithub.assistant.anomaly import Alert, AlertKind, AlertStore, Detector
from orbithub.storage import Database
from tests.assistant.anomaly.replay import TRAINING_DAYS, Injection, Silence, trained
from tests.assistant.suggest.weeks import SHANGHAI, WEEKS_TIMEOUT, Weeks

pytestmark = [pytest.mark.slow, pytest.mark.timeout(WEEKS_TIMEOUT)]

MAX_FALSE_ALARMS_PER_WEEK = 5


def local(day: int, hour: int, minute: int = 0) -> float:
    """A time of the fourth (replayed) week: ``day`` 0 is its Monday."""
    monday = datetime(2026, 1, 26, tzinfo=SHANGHAI)
    return (monday + timedelta(days=day, hours=hour, minutes=minute)).timestamp()


@pytest.fixture
async def db(weeks: Weeks) -> AsyncIterator[Database]:
    database = await weeks.open()
    try:
        yield database
    finally:
        await database.close()


def test_the_replayed_week_is_the_fourth(weeks: Weeks) -> None:
    assert local(0, 0) == weeks.start + TRAINING_DAYS * 86_400.0
    assert local(7, 0) == weeks.end


async def test_a_normal_week_raises_few_false_alarms(
    db: Database, weeks: Weeks, tmp_path: Path
) -> None:
    replay = await trained(db, weeks.start, tmp_path)
    assert len(replay.detector.baselines) >= 10
    await replay.run(db, local(0, 0), weeks.end)
    alerts = replay.detector.alerts()
    judged = replay.detector.judged
    print(  # the figure the report quotes (pytest -s)
        f"\nnormal week: {len(alerts)} alerts from {judged} readings judged "
        f"({len(alerts) / judged:.2e} per reading): "
        + "; ".join(f"{a.kind} {a.device_id} {a.path}" for a in alerts)
    )
    assert judged > 10_000
    assert len(alerts) <= MAX_FALSE_ALARMS_PER_WEEK
    assert len(replay.notifications) == len(alerts)


async def test_injected_anomalies_are_caught_and_explained(
    db: Database, weeks: Weeks, tmp_path: Path
) -> None:
    replay = await trained(db, weeks.start, tmp_path)
    hot = "temperature-humidity-sensor.temperature"
    power = "power-meter.electric-power"
    door = "magnet-sensor.contact-state"
    inject = [
        # Tuesday 14:00: the living room reads 31.5 °C, then a little more (one alert).
        Injection(local(1, 14), "living-room-sensor", hot, 31.5),
        Injection(local(1, 14, 5), "living-room-sensor", hot, 31.8),
        Injection(local(1, 14, 10), "living-room-sensor", hot, 32.1),
        # Wednesday 03:00: the kettle draws 2 kW in the middle of the night.
        Injection(local(2, 3), "kettle", power, 2000.0),
        Injection(local(2, 3, 4), "kettle", power, 0.0),
        # Thursday 13:00: the front door is left open for twenty minutes.
        Injection(local(3, 13), "front-door", door, False),
        Injection(local(3, 13, 20), "front-door", door, True),
    ]
    # Friday from 10:00: the water heater stops reporting for three hours.
    silences = [Silence("water-heater", local(4, 10), local(4, 13))]
    await replay.run(db, local(0, 0), weeks.end, inject=inject, silences=silences)
    alerts = replay.detector.alerts()

    def found(kind: AlertKind, device_id: str) -> list[Alert]:
        return [a for a in alerts if a.kind is kind and a.device_id == device_id]

    hot_alerts = [
        a
        for a in alerts
        if a.kind is AlertKind.READING and a.path == hot and a.device_id == "living-room-sensor"
    ]
    assert len(hot_alerts) == 1  # de-duplicated while it lasted
    room = hot_alerts[0]
    assert room.time == local(1, 14)
    assert room.message_en.startswith("Living room sensor temperature 31.5°C at Tue 14:00; usual ")
    assert "far too high for this hour" in room.message_en
    assert room.message_zh.startswith("客厅温湿度计温度 31.5°C（周二 14:00）；通常为 ")
    assert 15.0 < room.usual < 28.0
    assert not room.active  # it ended when normal readings came back
    kettle = found(AlertKind.READING, "kettle")
    assert len(kettle) == 1
    assert kettle[0].time == local(2, 3)
    assert "Kettle electric power 2,000 W at Wed 03:00; usual 0.0 W" in kettle[0].message_en
    door_alerts = found(AlertKind.DOOR_OPEN, "front-door")
    assert len(door_alerts) == 1
    assert local(3, 13, 10) <= door_alerts[0].time <= local(3, 13, 11)
    assert door_alerts[0].message_en.startswith("Front door sensor has been open for 10 min")
    silent = found(AlertKind.SILENT, "water-heater")
    assert len(silent) == 1
    assert local(4, 10) < silent[0].time < local(4, 11)
    assert "Water heater has not reported for" in silent[0].message_en
    # Every alert asked for a phone notification that carries its explanation.
    assert len(replay.notifications) == len(alerts)
    tags = {n.tag for n in replay.notifications}
    assert f"alert:reading:living-room-sensor:{hot}" in tags
    note = next(n for n in replay.notifications if n.tag.endswith(f"living-room-sensor:{hot}"))
    assert "31.5°C at Tue 14:00; usual" in note.message
    assert note.space_id == "home"
    injected = {
        ("reading", "living-room-sensor"),
        ("reading", "kettle"),
        ("door-open", "front-door"),
        ("silent", "water-heater"),
    }
    others = [a for a in alerts if (str(a.kind), a.device_id) not in injected]
    assert len(others) <= MAX_FALSE_ALARMS_PER_WEEK


async def test_alerts_survive_a_restart_and_can_be_dismissed(
    db: Database, weeks: Weeks, tmp_path: Path
) -> None:
    replay = await trained(db, weeks.start, tmp_path)
    door = "magnet-sensor.contact-state"
    await replay.run(
        db, local(0, 0), local(0, 12), inject=[Injection(local(0, 10), "front-door", door, False)]
    )
    open_door = [a for a in replay.detector.active() if a.kind is AlertKind.DOOR_OPEN]
    assert len(open_door) == 1
    await replay.detector.save_if_changed()
    # A restarted hub reads the alerts back; the door is still open: no second alert.
    again = Detector(replay.hub, db, store=AlertStore(tmp_path / "alerts.json"))
    await again.load()
    assert [a.id for a in again.active()] == [open_door[0].id]
    assert again.check(local(0, 12, 1)) == []
    dismissed = await again.dismiss(open_door[0].id)
    assert dismissed.dismissed
    assert again.alerts() == []
    assert [a.id for a in again.alerts(include_dismissed=True)] == [open_door[0].id]
    assert again.check(local(0, 12, 2)) == []  # dismissed, but still de-duplicating
