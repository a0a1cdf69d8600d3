"""Judging live readings against a baseline: far readings alert once, normal ones end it."""

# ruff: noqa: RUF001 - Chinese sentences use full-width punctuation.

from __future__ import annotations

import asyncio
import math
import random
from datetime import datetime, timedelta
from pathlib import Path

from orbithub.assistant.anomaly import AlertKind, AlertStore, Detector, build_baselines
from orbithub.core.clock import ManualClock
from orbithub.core.events import HubEvent, NotificationRequested
from orbithub.core.hub import Hub
from orbithub.storage import Database
from tests.assistant.suggest.weeks import SHANGHAI, demo_registry

MONDAY = datetime(2026, 3, 2, tzinfo=SHANGHAI)
TEMPERATURE = "temperature-humidity-sensor.temperature"


def _history() -> list[tuple[float, float]]:
    rng = random.Random(5)
    points = []
    t = MONDAY.timestamp()
    while t < (MONDAY + timedelta(weeks=3)).timestamp():
        hour = datetime.fromtimestamp(t, SHANGHAI).hour
        value = 23 + 1.5 * math.sin((hour - 8) / 24 * 2 * math.pi) + rng.gauss(0, 0.3)
        points.append((t, round(value, 1)))
        t += 300
    return points


async def _detector(tmp_path: Path, at: datetime) -> tuple[Hub, Detector, list[HubEvent]]:
    hub = Hub(clock=ManualClock(at.timestamp()), registry=demo_registry())
    db = await Database.open(data_dir=tmp_path)
    await db.close()  # the detector only reads history when it relearns
    detector = Detector(hub, db, store=AlertStore(tmp_path / "alerts.json"))
    start = MONDAY.timestamp()
    detector.use(
        build_baselines(
            {("living-room-sensor", TEMPERATURE): _history()},
            {"living-room-sensor": SHANGHAI},
            start,
            start + 3 * 7 * 86_400,
        )
    )
    detector.start()
    seen: list[HubEvent] = []
    hub.bus.listen(seen.append)
    return hub, detector, seen


async def test_a_hot_room_alerts_once_and_ends_when_normal(tmp_path: Path) -> None:
    hub, detector, seen = await _detector(tmp_path, MONDAY + timedelta(weeks=3, days=1, hours=14))
    hub.report("living-room-sensor", TEMPERATURE, 24.0)
    assert detector.alerts() == []
    hub.report("living-room-sensor", TEMPERATURE, 31.5)
    hub.report("living-room-sensor", TEMPERATURE, 31.9)
    alerts = detector.alerts()
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert.kind is AlertKind.READING
    assert alert.value == 31.5
    assert alert.message_en.startswith("Living room sensor temperature 31.5°C at Tue 14:00; usual ")
    assert "far too high for this hour" in alert.message_en
    assert 23.5 < alert.usual < 25.5
    await asyncio.sleep(0)  # the notification goes out on the next loop turn
    notes = [e for e in seen if isinstance(e, NotificationRequested)]
    assert len(notes) == 1
    assert notes[0].tag == f"alert:reading:living-room-sensor:{TEMPERATURE}"
    assert "客厅温湿度计温度 31.5°C（周二 14:00）" in notes[0].message
    hub.report("living-room-sensor", TEMPERATURE, 24.2)
    assert detector.active() == []
    assert detector.alerts()[0].ended_at == hub.now()


async def test_a_cold_room_says_too_low(tmp_path: Path) -> None:
    hub, detector, _ = await _detector(tmp_path, MONDAY + timedelta(weeks=3, days=2, hours=3))
    hub.report("living-room-sensor", TEMPERATURE, 12.0)
    alerts = detector.alerts()
    assert len(alerts) == 1
    assert "far too low for this hour" in alerts[0].message_en
    assert "偏低" in alerts[0].message_zh


async def test_readings_without_a_baseline_are_not_judged(tmp_path: Path) -> None:
    hub, detector, _ = await _detector(tmp_path, MONDAY + timedelta(weeks=3, hours=9))
    hub.report("bedroom-sensor", TEMPERATURE, 45.0)  # no history for it
    hub.report("living-room-light", "light.on", True)
    hub.report("living-room-sensor", "temperature-humidity-sensor.relative-humidity", 99.0)
    assert detector.alerts() == []
    assert detector.judged == 0
