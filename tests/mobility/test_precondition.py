"""Pre-conditioning: lead times, a warm cabin at departure on the simulated car, home helpers."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.adapters.sim.vehicle import VehicleSim
from orbithub.core.clock import ManualClock
from orbithub.core.context import Context, Origin
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.core.tasks import task_scope
from orbithub.mobility.errors import MobilityError
from orbithub.mobility.eta import Eta
from orbithub.mobility.precondition import (
    Preconditioner,
    home_lead_time_s,
    lead_time_s,
    should_precondition_home,
)
from orbithub.spec.errors import ValueRejected

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> float:
    return datetime(2025, 1, day, hour, minute, tzinfo=SHANGHAI).timestamp()


def car_hub(clock: ManualClock) -> Hub:
    world = demo_world()
    registry = Registry()
    registry.load(world.spaces, world.rooms, [d for d in world.devices if d.id == "car"])
    hub = Hub(clock=clock, registry=registry)
    hub.add_adapter(SimAdapter(seed=3, clock=clock, routines=False))
    return hub


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_a_colder_cabin_and_colder_air_need_a_longer_lead() -> None:
    mild = lead_time_s(cabin_c=15, target_c=22, outside_c=15)
    cold = lead_time_s(cabin_c=-5, target_c=22, outside_c=-5)
    assert 5 * 60 <= mild < cold <= 45 * 60
    assert lead_time_s(21.8, 22) == 300  # already there: the minimum
    with pytest.raises(MobilityError):
        lead_time_s(float("nan"), 22)


@given(st.floats(-30, 60), st.floats(16, 30), st.floats(-30, 45))
def test_lead_time_is_bounded_and_grows_with_the_gap(
    cabin: float, target: float, out: float
) -> None:
    lead = lead_time_s(cabin, target, out)
    assert 300 <= lead <= 2700
    further = cabin - 5 if cabin <= target else cabin + 5
    assert lead_time_s(further, target, out) >= lead


def test_home_preconditioning_starts_when_the_car_is_due_within_the_lead() -> None:
    lead = home_lead_time_s(indoor_c=30, target_c=26, outside_c=35)
    assert 20 * 60 <= lead <= 40 * 60
    assert should_precondition_home(Eta(600, 8_000, 0.8, True), lead)
    assert not should_precondition_home(Eta(lead + 60, 20_000, 0.8, True), lead)
    assert not should_precondition_home(Eta(600, 8_000, 0.1, True), lead)  # not trusted
    assert not should_precondition_home(None, lead)


async def test_the_cabin_is_warm_at_a_winter_departure() -> None:
    clock = ManualClock(at(11, 6, 0))  # a January Saturday morning in Beijing: no commute
    hub = car_hub(clock)
    departure = at(11, 7, 30)
    pre = Preconditioner(hub, departure_for=lambda _space, _now: departure, target_c=22)
    async with hub, task_scope() as tasks:
        await settle()
        tasks.create_task(pre.run())
        await settle()
        cold = hub.state.value("car", "cabin.temperature")
        assert isinstance(cold, float)
        assert cold < 10
        await clock.advance(at(11, 6, 40) - clock.now())
        assert hub.state.value("car", "cabin.on") is False
        await clock.advance(departure - clock.now())
        assert hub.state.value("car", "cabin.on") is True
        warm = hub.state.value("car", "cabin.temperature")
        assert isinstance(warm, float)
        assert warm == pytest.approx(22, abs=1.0)
        # Nobody left: the climate stops twenty minutes later instead of running all day.
        await clock.advance(21 * 60)
        assert hub.state.value("car", "cabin.on") is False


async def test_on_request_the_climate_starts_now_and_bad_set_points_are_refused() -> None:
    clock = ManualClock(at(7, 12, 0))
    hub = car_hub(clock)
    pre = Preconditioner(hub)
    async with hub:
        await settle()
        result = await pre.precondition_now("car", 24.0, context=Context(Origin.USER, "alex"))
        assert result.confirmed
        assert hub.state.value("car", "cabin.on") is True
        assert hub.state.value("car", "cabin.target-temperature") == 24.0
        assert 300 <= result.lead_s <= 2700
        (adapter,) = [a for a in hub._adapters.values() if isinstance(a, SimAdapter)]
        assert isinstance(adapter.simulator("car"), VehicleSim)
        with pytest.raises(ValueRejected, match="16"):
            await pre.precondition_now("car", 35.0)
        with pytest.raises(MobilityError, match="not a vehicle"):
            await pre.precondition_now("home")
