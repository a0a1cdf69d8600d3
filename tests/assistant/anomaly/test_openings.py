"""Windows left open for airing are normal for longer than doors; each says which it is."""

# ruff: noqa: RUF001 - Chinese sentences use full-width punctuation.

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest

from orbithub.assistant.anomaly import AlertKind, AlertStore, AnomalySettings, Detector
from orbithub.assistant.anomaly.openings import is_window
from orbithub.core.clock import ManualClock
from orbithub.core.events import HubEvent, NotificationRequested
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Room
from orbithub.spec.library import device_type
from orbithub.storage import Database
from tests.assistant.suggest.weeks import SHANGHAI, demo_registry

NOON = datetime(2026, 3, 3, 12, 0, tzinfo=SHANGHAI).timestamp()
CONTACT = "magnet-sensor.contact-state"
MINUTE = 60.0


def _contact(device_id: str, name: str, aliases: tuple[str, ...], room: str | None) -> Device:
    return Device(
        device_id,
        name,
        device_type("contact-sensor"),
        "home",
        "sim",
        room_id=room,
        aliases=aliases,
        model="contact-sensor",
    )


async def _detector(
    tmp_path: Path, settings: AnomalySettings | None = None
) -> tuple[Hub, ManualClock, Detector, list[HubEvent]]:
    registry = demo_registry()
    registry.add_device(_contact("bedroom-window", "Bedroom window", ("卧室窗户",), "bedroom"))
    clock = ManualClock(NOON)
    hub = Hub(clock=clock, registry=registry)
    db = await Database.open(data_dir=tmp_path)
    await db.close()  # openings are judged from the hub's state, not from history
    detector = Detector(hub, db, store=AlertStore(tmp_path / "alerts.json"), settings=settings)
    hub.report("front-door", CONTACT, True)
    hub.report("bedroom-window", CONTACT, True)
    seen: list[HubEvent] = []
    hub.bus.listen(seen.append)
    return hub, clock, detector, seen


async def test_a_window_open_half_an_hour_is_normal_but_a_door_is_not(tmp_path: Path) -> None:
    hub, clock, detector, _ = await _detector(tmp_path)
    hub.report("bedroom-window", CONTACT, False)
    hub.report("front-door", CONTACT, False)
    await clock.advance(30 * MINUTE)
    raised = detector.check()
    assert [(a.kind, a.device_id) for a in raised] == [(AlertKind.DOOR_OPEN, "front-door")]
    assert raised[0].message_en.startswith("Front door sensor has been open for 30 min")
    assert raised[0].usual == 600.0


async def test_a_window_open_past_its_limit_says_it_is_a_window(tmp_path: Path) -> None:
    hub, clock, detector, seen = await _detector(tmp_path)
    hub.report("bedroom-window", CONTACT, False)
    await clock.advance(119 * MINUTE)
    assert detector.check() == []
    await clock.advance(MINUTE)
    (alert,) = detector.check()
    assert alert.kind is AlertKind.WINDOW_OPEN
    assert alert.device_id == "bedroom-window"
    assert alert.title_en == "Bedroom window open for 2 h"
    assert alert.title_zh == "卧室窗户已打开 2 小时"
    assert "airing a room rarely takes more than 2 h" in alert.message_en
    assert alert.message_zh.startswith("卧室窗户已打开 2 小时；通风一般不超过 2 小时")
    await asyncio.sleep(0)  # the notification goes out on the next loop turn
    (note,) = [e for e in seen if isinstance(e, NotificationRequested)]
    assert note.tag == f"alert:window-open:bedroom-window:{CONTACT}"
    assert note.title == "Bedroom window open for 2 h / 卧室窗户已打开 2 小时"
    # Still open a minute later: the same alert lasts; closing the window ends it.
    await clock.advance(MINUTE)
    assert detector.check() == []
    hub.report("bedroom-window", CONTACT, True)
    assert detector.check() == []
    assert detector.active() == []
    assert detector.alerts()[0].ended_at == hub.now()


async def test_the_window_limit_is_a_setting(tmp_path: Path) -> None:
    limits = AnomalySettings(window_open_limit=45 * MINUTE)
    hub, clock, detector, _ = await _detector(tmp_path, limits)
    hub.report("bedroom-window", CONTACT, False)
    await clock.advance(45 * MINUTE)
    (alert,) = detector.check()
    assert alert.kind is AlertKind.WINDOW_OPEN
    assert alert.usual == 45 * MINUTE


BAY = Room("bay", "home", "Bay window", ("飘窗",))
HALL = Room("hallway", "home", "Hallway", ("玄关", "门厅"))


@pytest.mark.parametrize(
    ("name", "aliases", "room", "window"),
    [
        ("Bedroom window", (), None, True),
        ("Study sensor", ("书房窗户",), None, True),
        ("Contact 3", (), BAY, True),
        ("Front door sensor", ("前门门磁",), HALL, False),
        ("Door/window sensor", (), None, False),
        ("Contact 4", ("门窗传感器",), BAY, False),
        ("Curtain contact", ("窗帘磁感",), None, False),
        ("Contact 5", (), None, False),
    ],
)
def test_windows_are_told_from_doors_by_their_names_and_room(
    name: str, aliases: tuple[str, ...], room: Room | None, window: bool
) -> None:
    device = _contact("c", name, aliases, None if room is None else room.id)
    assert is_window(device, room) is window
