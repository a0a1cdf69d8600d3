"""Mining habits from records: routines, sequences, presence, thresholds and fingerprints."""

# ruff: noqa: RUF001 - Chinese sentences use full-width punctuation.

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from orbithub.assistant.suggest import (
    ManualCommand,
    MiningSettings,
    PresenceRecord,
    SuggestionKind,
    mine,
    same_habit,
)
from orbithub.automation import parse_document
from orbithub.automation.validate import check_automations
from orbithub.core.registry import Registry
from tests.assistant.suggest.weeks import SHANGHAI

MONDAY = datetime(2026, 3, 2, tzinfo=SHANGHAI)  # a Monday


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> float:
    """Epoch seconds of a local time ``day`` days after the first Monday."""
    return (MONDAY + timedelta(days=day, hours=hour, minutes=minute, seconds=second)).timestamp()


def light(t: float, value: bool = True, device: str = "kitchen-light") -> ManualCommand:
    return ManualCommand(t, "home", device, "light.on", value, "mei")


def weekdays(count: int, start: int = 1) -> list[int]:
    """The day numbers of ``count`` weekdays from day ``start`` on."""
    days: list[int] = []
    day = start
    while len(days) < count:
        if (MONDAY + timedelta(days=day)).weekday() < 5:
            days.append(day)
        day += 1
    return days


def test_a_weekday_routine_kept_nine_days_of_ten(registry: Registry) -> None:
    # Day 0 is only half watched (history starts on it); the next ten weekdays count.
    days = weekdays(10)
    commands = [light(at(0, 6, 30), False, "desk-lamp")]
    for index, day in enumerate(days):
        if index != 4:  # one morning forgotten
            commands.append(light(at(day, 7, (index * 3) % 9 - 4)))
    now = at(days[-1] + 1, 0, 30)
    found = mine(commands, [], registry, now=now)
    routines = [c for c in found if c.kind is SuggestionKind.ROUTINE]
    assert len(routines) == 1
    routine = routines[0]
    assert (routine.support, routine.opportunities) == (9, 10)
    assert routine.confidence == pytest.approx(0.9)
    assert routine.explanation_en == (
        "You turned on the kitchen light around 07:00 on 9 of the last 10 weekdays."
    )
    assert routine.explanation_zh == "过去 10 个工作日中有 9 天，您在 07:00 左右打开了厨房灯。"
    automation = routine.document["automations"]
    assert isinstance(automation, list)
    assert automation[0]["triggers"] == [{"type": "time", "at": "07:00"}]
    assert automation[0]["conditions"] == [
        {"type": "weekday", "days": ["mon", "tue", "wed", "thu", "fri"]}
    ]


def test_a_daily_routine_is_one_suggestion_for_every_day(registry: Registry) -> None:
    commands = [light(at(day, 22, 30), False, "bedroom-lamp") for day in range(15)]
    found = mine(commands, [], registry, now=at(15, 1))
    assert len(found) == 1
    assert found[0].support == 14
    assert "on 14 of the last 14 days" in found[0].explanation_en
    automation = found[0].document["automations"]
    assert isinstance(automation, list)
    assert "conditions" not in automation[0]


def test_a_habit_kept_half_the_time_is_not_proposed(registry: Registry) -> None:
    days = weekdays(10)
    commands = [light(at(day, 7)) for day in days[::2]]
    assert mine(commands, [], registry, now=at(days[-1] + 1, 1)) == []


def test_random_taps_give_no_suggestion(registry: Registry) -> None:
    rng = random.Random(3)
    devices = ["kitchen-light", "bedroom-lamp", "desk-lamp", "garage-light", "living-room-light"]
    commands = [
        light(
            at(rng.randrange(28), rng.randrange(7, 23), rng.randrange(60)),
            rng.random() < 0.5,
            rng.choice(devices),
        )
        for _ in range(120)
    ]
    assert mine(commands, [], registry, now=at(29, 0)) == []


def test_a_sequence_within_a_minute(registry: Registry) -> None:
    commands: list[ManualCommand] = []
    for day in range(10):
        start = at(day, 9 + day % 8, 17)
        commands.append(light(start, True, "desk-lamp"))
        if day != 3:
            commands.append(ManualCommand(start + 30, "home", "computer", "switch.on", True, "mei"))
    found = mine(commands, [], registry, now=at(11, 0))
    assert [c.kind for c in found] == [SuggestionKind.SEQUENCE]
    sequence = found[0]
    assert (sequence.support, sequence.opportunities) == (9, 10)
    assert sequence.device_id == "computer"
    assert sequence.explanation_en == (
        "You turned on the computer within a minute after you turned on the desk lamp, "
        "9 of 10 times."
    )
    automation = sequence.document["automations"]
    assert isinstance(automation, list)
    assert automation[0]["triggers"] == [
        {"type": "property", "device": "desk-lamp", "path": "light.on", "to": True}
    ]


def test_a_command_two_minutes_later_is_no_sequence(registry: Registry) -> None:
    commands: list[ManualCommand] = []
    for day in range(10):
        start = at(day, 9 + day % 8, 17)
        commands.append(light(start, True, "desk-lamp"))
        commands.append(ManualCommand(start + 120, "home", "computer", "switch.on", True, "mei"))
    assert mine(commands, [], registry, now=at(11, 0)) == []


def test_presence_linked_habits_use_the_persons_phone(registry: Registry) -> None:
    presence: list[PresenceRecord] = []
    commands: list[ManualCommand] = []
    for day in range(8):
        home = at(day, 18, 10 + day * 4)
        presence.append(PresenceRecord(home, "home", "alex", True))
        commands.append(light(home + 20, True, "living-room-light"))
        leave = at(day + 1, 7, 50 + day % 5)
        presence.append(PresenceRecord(leave, "home", "alex", False))
        commands.append(
            ManualCommand(leave - 40, "home", "living-room-ac", "air-conditioner.on", False, "alex")
        )
    found = mine(commands, presence, registry, now=at(10, 0))
    linked = {c.device_id: c for c in found if c.kind is SuggestionKind.PRESENCE}
    assert set(linked) == {"living-room-light", "living-room-ac"}
    arrive = linked["living-room-light"]
    assert arrive.explanation_en == (
        "Within 2 minutes after Alex arrived home, someone turned on the ceiling light, "
        "8 of 8 times."
    )
    assert arrive.explanation_zh == "Alex 到家后 2 分钟内，有人打开了客厅吊灯（8 次中有 8 次）。"
    automation = arrive.document["automations"]
    assert isinstance(automation, list)
    assert automation[0]["triggers"] == [
        {"type": "property", "device": "phone-alex", "path": "presence.at-home", "to": True}
    ]
    leave_doc = linked["living-room-ac"].document["automations"]
    assert isinstance(leave_doc, list)
    assert leave_doc[0]["triggers"][0]["to"] is False
    # Turning the AC off as Alex leaves is explained by leaving, not proposed as a 07:50 routine.
    assert not any(c.kind is SuggestionKind.ROUTINE for c in found)


def test_no_presence_habit_for_a_person_without_a_phone(registry: Registry) -> None:
    presence = [PresenceRecord(at(d, 18), "home", "grandma", True) for d in range(8)]
    commands = [light(at(d, 18) + 30, True, "living-room-light") for d in range(8)]
    found = mine(commands, presence, registry, now=at(9, 0))
    assert all(c.kind is not SuggestionKind.PRESENCE for c in found)


def test_thresholds_are_settings(registry: Registry) -> None:
    days = weekdays(10)
    commands = [light(at(day, 7)) for day in days[:6]]
    now = at(days[-1] + 1, 1)
    assert mine(commands, [], registry, now=now) == []
    loose = MiningSettings(min_support=3, min_confidence=0.5)
    assert len(mine(commands, [], registry, now=now, settings=loose)) == 1


def test_every_document_loads_and_points_at_real_devices(registry: Registry) -> None:
    commands = [light(at(day, 7, 2)) for day in weekdays(40) if day < 40]
    commands += [
        ManualCommand(
            at(day, 9, 30), "home", "living-room-curtain", "curtain.target-position", 100, "alex"
        )
        for day in range(5, 40, 7)
    ] + [
        ManualCommand(
            at(day, 9, 31), "home", "living-room-curtain", "curtain.target-position", 100, "alex"
        )
        for day in range(6, 40, 7)
    ]
    found = mine(commands, [], registry, now=at(40, 0))
    assert {c.device_id for c in found} == {"kitchen-light", "living-room-curtain"}
    curtain = next(c for c in found if c.device_id == "living-room-curtain")
    assert curtain.explanation_en == (
        "You set the living room curtain target position to 100% around 09:30 on 10 of the "
        "last 10 weekend days."
    )
    for candidate in found:
        automations, _ = parse_document(candidate.document)
        assert check_automations(automations, registry) == []


def test_a_routine_drifting_a_few_minutes_is_the_same_habit() -> None:
    base = "routine|home|kitchen-light|light.on|true|weekdays@"
    assert same_habit(base + "420", base + "425")
    assert same_habit(base + "1435", base + "5")  # across midnight
    assert not same_habit(base + "420", base + "600")
    assert not same_habit(base + "420", "routine|home|kitchen-light|light.on|true|weekends@420")
    assert not same_habit(
        "sequence|home|computer|switch.on|true|after:a",
        "sequence|home|computer|switch.on|true|after:b",
    )
