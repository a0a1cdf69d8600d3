"""Conditions against state and the space's clock, with the reason a user reads when one fails."""

# Chinese sentences use full-width punctuation on purpose (correct Chinese typography).
# ruff: noqa: RUF001

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from orbithub.automation import ReasonCode, explain
from orbithub.automation.conditions import evaluate
from orbithub.automation.model import (
    AndCondition,
    Condition,
    NotCondition,
    OrCondition,
    PresenceCondition,
    PropertyCondition,
    SunCondition,
    SunEvent,
    TimeCondition,
    WeekdayCondition,
)
from orbithub.automation.place import Place
from orbithub.spec.model import Value

from .conftest import berlin

BERLIN = Place(ZoneInfo("Europe/Berlin"), 52.52, 13.405)


@dataclass
class Facts:
    values: dict[tuple[str, str], Value] = field(default_factory=dict)
    offline: set[str] = field(default_factory=set)
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def value(self, device_id: str, path: str) -> Value | None:
        return self.values.get((device_id, path))

    def is_online(self, device_id: str) -> bool | None:
        return False if device_id in self.offline else None

    def people_at(self, space_id: str) -> tuple[str, ...] | None:
        return self.people.get(space_id)


def holds(condition: Condition, facts: Facts, now: float) -> bool:
    return evaluate(condition, facts, now, BERLIN) is None


NOON = berlin(2026, 6, 1, 12, 0)  # a Monday


def test_property_condition_reports_the_value_seen() -> None:
    facts = Facts({("temp", "t"): 19.5})
    reason = evaluate(PropertyCondition("temp", "t", above=21), facts, NOON, BERLIN)
    assert reason is not None
    assert reason.code is ReasonCode.CONDITION_FALSE
    assert explain(reason) == "condition temp t > 21 was false: temp t was 19.5, needed > 21"
    assert explain(reason, "zh") == "条件 temp t > 21 不成立：temp 的 t 为 19.5，需要 > 21"


def test_offline_and_unknown_devices_are_named() -> None:
    condition = PropertyCondition("door", "lock.locked", state=True)
    offline = evaluate(condition, Facts(offline={"door"}), NOON, BERLIN)
    assert offline is not None
    assert offline.code is ReasonCode.DEVICE_OFFLINE
    assert "door is offline" in explain(offline)
    unknown = evaluate(condition, Facts(), NOON, BERLIN)
    assert unknown is not None
    assert unknown.code is ReasonCode.NO_VALUE


def test_state_does_not_confuse_true_with_one() -> None:
    facts = Facts({("plug", "on"): 1})
    assert not holds(PropertyCondition("plug", "on", state=True), facts, NOON)


def test_time_window_wraps_midnight() -> None:
    night = TimeCondition(time(22, 0), time(6, 0))
    assert holds(night, Facts(), berlin(2026, 6, 1, 23, 30))
    assert holds(night, Facts(), berlin(2026, 6, 2, 5, 59))
    reason = evaluate(night, Facts(), berlin(2026, 6, 1, 19, 2), BERLIN)
    assert reason is not None
    assert (
        explain(reason)
        == "condition time 22:00-06:00: it was 19:02, outside the window 22:00-06:00"
    )


def test_weekdays_in_the_space_timezone() -> None:
    weekend = WeekdayCondition(frozenset({5, 6}))
    # Sunday 23:30 in Berlin is Sunday 21:30 UTC: still the weekend here.
    assert holds(weekend, Facts(), berlin(2026, 6, 7, 23, 30))
    reason = evaluate(weekend, Facts(), NOON, BERLIN)
    assert reason is not None
    assert "it was Mon" in explain(reason)


def test_sun_after_sunset_and_night() -> None:
    dark = SunCondition(after=SunEvent.SUNSET)
    assert not holds(dark, Facts(), berlin(2026, 6, 1, 21, 0))
    assert holds(dark, Facts(), berlin(2026, 6, 1, 21, 45))
    night = SunCondition(after=SunEvent.SUNSET, before=SunEvent.SUNRISE)
    assert holds(night, Facts(), berlin(2026, 6, 2, 3, 30))
    assert not holds(night, Facts(), NOON)


# -- property test: and/or/not against a reference evaluation ---------------------------------
LEAVES = [PropertyCondition(f"d{i}", "p", state=True) for i in range(4)]


def conditions() -> st.SearchStrategy[Condition]:
    leaf: st.SearchStrategy[Condition] = st.sampled_from(LEAVES)
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=3).map(lambda p: AndCondition(tuple(p))),
            st.lists(inner, min_size=1, max_size=3).map(lambda p: OrCondition(tuple(p))),
            inner.map(NotCondition),
        ),
        max_leaves=12,
    )


def reference(condition: Condition, truth: dict[str, bool]) -> bool:
    match condition:
        case PropertyCondition():
            return truth[condition.device]
        case AndCondition():
            return all(reference(p, truth) for p in condition.parts)
        case OrCondition():
            return any(reference(p, truth) for p in condition.parts)
        case NotCondition():
            return not reference(condition.part, truth)
    raise AssertionError(condition)


@given(conditions(), st.lists(st.booleans(), min_size=4, max_size=4))
def test_boolean_combinations_match_a_reference(condition: Condition, bits: list[bool]) -> None:
    truth = {f"d{i}": bit for i, bit in enumerate(bits)}
    facts = Facts({(f"d{i}", "p"): bit for i, bit in enumerate(bits)})
    reason = evaluate(condition, facts, NOON, BERLIN)
    assert (reason is None) == reference(condition, truth)
    if reason is not None:
        assert explain(reason)
        assert explain(reason, "zh")


def test_presence_someone_nobody_and_a_named_person() -> None:
    facts = Facts(people={"home": ("alex",), "office": ()})
    assert holds(PresenceCondition("home"), facts, NOON)
    assert not holds(PresenceCondition("home", present=False), facts, NOON)
    assert holds(PresenceCondition("office", present=False), facts, NOON)
    assert holds(PresenceCondition("home", "alex"), facts, NOON)
    assert holds(PresenceCondition("home", "mei", present=False), facts, NOON)
    reason = evaluate(PresenceCondition("home", "mei"), facts, NOON, BERLIN)
    assert reason is not None
    assert explain(reason) == (
        "condition presence mei at home was false: at home were alex, needed mei at home"
    )
    assert "home 当时有 alex" in explain(reason, "zh")


def test_presence_not_known_yet_is_said_so() -> None:
    reason = evaluate(PresenceCondition("home", present=False), Facts(), NOON, BERLIN)
    assert reason is not None
    assert reason.code is ReasonCode.PRESENCE_UNKNOWN
    assert "nobody's presence at home is known yet" in explain(reason)
