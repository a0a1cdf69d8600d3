"""The charging planner: cheapest slots, the target by departure, limits, and its explanation."""

# Chinese explanations use full-width punctuation.
# ruff: noqa: RUF001

from __future__ import annotations

import dataclasses
import itertools
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from orbithub.demo.tariff import beijing_tariff
from orbithub.mobility.charging import (
    ChargeRequest,
    ChargeRequestError,
    SolarWindow,
    plan_charging,
)
from orbithub.mobility.tariff import Tariff, TariffWindow

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(hour: int, minute: int = 0, day: int = 8) -> float:
    return datetime(2025, 7, day, hour, minute, tzinfo=SHANGHAI).timestamp()


def overnight(**changes: Any) -> ChargeRequest:
    """A 75 kWh car at 40 % plugged in at 19:00, wanted at 80 % by 07:30 on a 7 kW charger."""
    base = ChargeRequest(
        capacity_kwh=75.0,
        soc=40.0,
        target_soc=80.0,
        charger_kw=7.0,
        now=at(19),
        departure=at(7, 30, day=9),
        efficiency=0.9,
    )
    return dataclasses.replace(base, **changes)


def test_overnight_charging_waits_for_the_valley_and_says_what_it_saves() -> None:
    plan = plan_charging(overnight(), beijing_tariff())
    assert plan.feasible
    # 30 kWh into the pack at 6.3 kW: 4 h 46 min, all of it in the 23:00-07:00 valley.
    assert plan.energy_kwh == pytest.approx(30.0)
    assert plan.final_soc == pytest.approx(80.0)
    assert all(slot.price == 0.30 for slot in plan.slots)
    assert plan.sessions[0][0] == at(23)
    assert plan.sessions[-1][1] == pytest.approx(at(23) + 30 / 6.3 * 3600)
    assert plan.cost == pytest.approx(30 / 0.9 * 0.30)
    # Charging at 19:00 would have paid peak until 21:00 and flat until 23:00.
    assert plan.cost_now > plan.cost
    text = plan.explain("en")
    assert text.startswith("Charging 23:00-03:46, cost 10.00 CNY, saves ")
    assert "vs. now" in text
    assert "80 % by 07:30" in text
    zh = plan.explain("zh-CN")
    assert zh.startswith("充电 23:00-03:46，费用 10.00 元，比立即充电节省")
    assert "07:30 前充到 80%" in zh


def test_the_charger_schedule_can_be_followed_with_a_switch() -> None:
    plan = plan_charging(overnight(), beijing_tariff())
    assert not plan.charging_at(at(22, 59))
    assert plan.charging_at(at(23, 0))
    assert plan.charging_at(at(2, 0, day=9))
    assert not plan.charging_at(at(4, 0, day=9))
    assert plan.next_change(at(20)) == at(23)
    assert plan.next_change(plan.sessions[-1][1]) is None


def test_an_unreachable_target_is_reported_with_what_is_reachable() -> None:
    plan = plan_charging(overnight(soc=10, target_soc=100, departure=at(23)), beijing_tariff())
    assert not plan.feasible
    # Four hours at 6.3 kW into the pack: 25.2 kWh = 33.6 points.
    assert plan.reachable_soc == pytest.approx(10 + 25.2 / 75 * 100)
    assert plan.final_soc == pytest.approx(plan.reachable_soc)
    assert "Cannot reach 100 % by 23:00: at most 44 % is reachable by then" in plan.explain()
    assert "无法在 23:00 前充到 100%：届时最多能到 44%" in plan.explain("zh")


def test_the_charge_limit_caps_the_target_and_is_said() -> None:
    plan = plan_charging(overnight(target_soc=95, limit_soc=85), beijing_tariff())
    assert plan.goal_soc == 85
    assert plan.final_soc == pytest.approx(85)
    assert plan.explain().startswith("The target 95 % is above the charge limit 85 %")


def test_nothing_to_do_when_already_charged() -> None:
    plan = plan_charging(overnight(soc=90), beijing_tariff())
    assert plan.slots == ()
    assert plan.cost == 0
    assert "no charging needed" in plan.explain()
    assert "无需充电" in plan.explain("zh")


def test_free_solar_surplus_is_used_before_cheap_grid_energy() -> None:
    tariff = Tariff.flat(0.5, timezone="Asia/Shanghai")
    solar = (SolarWindow(at(11), at(13), 7.0),)
    request = overnight(now=at(8), departure=at(18), soc=60, target_soc=70, solar=solar)
    plan = plan_charging(request, tariff)
    assert plan.feasible
    assert plan.sessions[0][0] == at(11)
    assert plan.cost == pytest.approx(0.0)
    assert sum(s.solar_kwh for s in plan.slots) == pytest.approx(7.5 / 0.9)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("soc", 120.0, r"soc must be within 0\.\.100"),
        ("charger_kw", 0.0, "charger_kw"),
        ("efficiency", 1.5, "efficiency"),
        ("capacity_kwh", float("nan"), "capacity_kwh"),
        ("departure", at(7, day=20), "more than a week"),
    ],
)
def test_out_of_range_inputs_are_refused(field: str, value: float, message: str) -> None:
    with pytest.raises(ChargeRequestError, match=message):
        overnight(**{field: value})


def test_a_departure_in_the_past_plans_nothing() -> None:
    plan = plan_charging(overnight(departure=at(18)), beijing_tariff())
    assert plan.slots == ()
    assert not plan.feasible
    assert "No time left to charge before 18:00" in plan.explain()


# -- properties ------------------------------------------------------------------------------

prices = st.floats(0.0, 3.0, allow_nan=False)


@st.composite
def tariffs(draw: st.DrawFn) -> Tariff:
    cuts = sorted(draw(st.sets(st.integers(1, 95), max_size=6)))
    edges = [0, *[c * 15 for c in cuts], 1440]
    windows = tuple(TariffWindow(a, b, draw(prices)) for a, b in itertools.pairwise(edges))
    return Tariff(windows, "Asia/Shanghai")


@st.composite
def requests(draw: st.DrawFn) -> ChargeRequest:
    now = at(0) + draw(st.integers(0, 86_400 * 2))
    solar = tuple(
        SolarWindow(now + s, now + s + d, kw)
        for s, d, kw in draw(
            st.lists(
                st.tuples(st.integers(0, 86_400), st.integers(0, 14_400), st.floats(0, 10)),
                max_size=3,
            )
        )
    )
    return ChargeRequest(
        capacity_kwh=draw(st.floats(10, 120)),
        soc=draw(st.floats(0, 100)),
        target_soc=draw(st.floats(0, 100)),
        charger_kw=draw(st.floats(1.4, 22)),
        now=now,
        departure=now + draw(st.integers(0, 86_400)),
        efficiency=draw(st.floats(0.7, 1.0)),
        limit_soc=draw(st.floats(50, 100)),
        slot_s=draw(st.sampled_from([300.0, 900.0, 1800.0, 3600.0])),
        solar=solar,
    )


@settings(max_examples=200, deadline=None)
@given(requests(), tariffs())
def test_planner_properties(request: ChargeRequest, tariff: Tariff) -> None:
    plan = plan_charging(request, tariff)
    goal = min(request.target_soc, request.limit_soc)
    event(f"feasible={plan.feasible} charging={bool(plan.slots)} saves={plan.savings > 0}")
    # Respects departure and never overlaps itself.
    for slot in plan.slots:
        assert request.now <= slot.start < slot.end <= request.departure + 1e-6
    for a, b in itertools.pairwise(plan.slots):
        assert a.end <= b.start + 1e-6
    # Respects the limit.
    assert plan.final_soc <= max(request.soc, request.limit_soc) + 1e-6
    # Never more expensive than charging at once.
    assert plan.cost <= plan.cost_now + 1e-6
    if plan.feasible:
        # Never misses the target when it can be met.
        assert plan.final_soc >= min(goal, 100) - 1e-6 or request.soc >= goal
    else:
        # An infeasible target is reported with what is reachable, and everything is used.
        assert plan.reachable_soc < goal
        assert plan.final_soc == pytest.approx(plan.reachable_soc, abs=1e-6)
        if plan.slots:
            assert f"{goal:.0f} %" in plan.explain()
            assert "reachable" in plan.explain()
    # Energy adds up: the battery gets what the slots put in.
    gained = (plan.final_soc - request.soc) / 100 * request.capacity_kwh
    assert plan.energy_kwh == pytest.approx(max(0.0, gained), abs=1e-6)
