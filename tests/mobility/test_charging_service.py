"""Smart charging on the simulated home: the charger follows the plan, on the hub clock."""

# Chinese reasons use full-width punctuation.
# ruff: noqa: RUF001

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.adapters.sim.vehicle import VehicleSim
from orbithub.core.clock import ManualClock
from orbithub.core.context import Context, Origin
from orbithub.core.events import CommandSent, HubEvent
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Registry, Space, SpaceKind
from orbithub.core.tasks import task_scope
from orbithub.demo.tariff import beijing_tariff
from orbithub.mobility.charging_service import ChargeSettings, ChargingService
from orbithub.mobility.errors import MobilityError
from orbithub.spec.library import device_type

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> float:
    return datetime(2025, 7, day, hour, minute, tzinfo=SHANGHAI).timestamp()


def car_hub(clock: ManualClock, devices: tuple[str, ...] = ("car", "ev-charger")) -> Hub:
    world = demo_world()
    registry = Registry()
    registry.load(world.spaces, world.rooms, [d for d in world.devices if d.id in devices])
    hub = Hub(clock=clock, registry=registry)
    hub.add_adapter(SimAdapter(seed=3, clock=clock, routines=False))
    return hub


@asynccontextmanager
async def running(hub: Hub, service: ChargingService) -> AsyncIterator[list[CommandSent]]:
    commands: list[CommandSent] = []

    def record(event: HubEvent) -> None:
        if isinstance(event, CommandSent):
            commands.append(event)

    stop = hub.bus.listen(record)
    async with hub, task_scope() as tasks:
        tasks.create_task(service.run())
        await settle()
        yield commands
    stop()


async def settle() -> None:
    """Let newly started tasks reach their first sleep on the manual clock."""
    for _ in range(5):
        await asyncio.sleep(0)


def car_sim(hub: Hub) -> VehicleSim:
    (adapter,) = [a for a in hub._adapters.values() if isinstance(a, SimAdapter)]
    sim = adapter.simulator("car")
    assert isinstance(sim, VehicleSim)
    return sim


async def test_the_charger_waits_for_the_valley_and_the_car_is_ready_by_departure() -> None:
    clock = ManualClock(at(8, 21, 0))  # a Tuesday evening, the car in the garage
    hub = car_hub(clock)
    service = ChargingService(hub, default_tariff=beijing_tariff())
    service.configure("car", ChargeSettings(target_soc=80, departure_time="07:30"))
    async with running(hub, service) as commands:
        car_sim(hub).soc = 40.0
        await clock.advance(60)
        status = service.status("car")
        assert status is not None
        assert status.plan is not None
        assert status.plugged
        assert status.plan.feasible
        assert status.plan.sessions[0][0] == at(8, 23, 0)
        assert "Charging 23:00-" in status.plan.explain()
        assert hub.state.value("ev-charger", "charger.on") is False
        await clock.advance(at(8, 22, 59) - clock.now())
        assert hub.state.value("car", "battery.battery-level") == pytest.approx(40.0, abs=0.5)
        await clock.advance(at(8, 23, 5) - clock.now())
        assert hub.state.value("ev-charger", "charger.on") is True
        assert hub.state.value("car", "charging.charging-state") == 2
        await clock.advance(at(9, 7, 30) - clock.now())
        soc = hub.state.value("car", "battery.battery-level")
        assert isinstance(soc, float)
        assert 79.5 <= soc <= 81.5
        assert hub.state.value("ev-charger", "charger.on") is False
    switches = [c for c in commands if c.path == "charger.on"]
    assert [c.arguments[0][1] for c in switches[:2]] == [False, True]
    assert all(c.context.origin is Origin.AUTOMATION for c in switches)
    assert all(c.context.actor == "mobility.charging" for c in switches)


async def test_new_settings_re_plan_at_once_and_an_early_departure_charges_now() -> None:
    clock = ManualClock(at(8, 21, 0))
    hub = car_hub(clock)
    saved: list[int] = []
    service = ChargingService(
        hub, default_tariff=beijing_tariff(), on_settings_changed=lambda: saved.append(1)
    )
    async with running(hub, service):
        car_sim(hub).soc = 50.0
        await clock.advance(60)
        assert hub.state.value("ev-charger", "charger.on") is False
        # Leaving at 22:30 with 70 % wanted: charging must start now, at the flat price.
        status = service.configure("car", ChargeSettings(target_soc=70, departure=at(8, 22, 30)))
        assert status.plan is not None
        assert status.plan.sessions[0][0] == pytest.approx(clock.now())
        await clock.advance(30)
        assert hub.state.value("ev-charger", "charger.on") is True
        assert saved
        # An unreachable target is reported with what is reachable.
        status = service.configure(
            "car", ChargeSettings(target_soc=100, limit_soc=100, departure=at(8, 22, 0))
        )
        assert status.plan is not None
        assert not status.plan.feasible
        assert "reachable" in status.plan.explain()


async def test_a_full_car_drifting_just_under_its_target_is_not_topped_up() -> None:
    clock = ManualClock(at(8, 21, 0))
    hub = car_hub(clock)
    service = ChargingService(hub, default_tariff=beijing_tariff())
    service.configure("car", ChargeSettings(target_soc=80, departure_time="07:30"))
    async with running(hub, service) as commands:
        sim = car_sim(hub)
        sim.soc = 79.0
        await clock.advance(60)
        status = service.status("car")
        assert status is not None
        assert status.plan is not None
        assert status.plan.sessions == ()
        # The battery's drain pulls it a little lower overnight: still no charging, even in
        # the cheapest hours.
        sim.soc = 78.4
        await clock.advance(at(9, 2, 0) - clock.now())
        assert hub.state.value("ev-charger", "charger.on") is False
        # Far enough below the target, it charges again.
        sim.soc = 70.0
        await clock.advance(60)
        assert hub.state.value("ev-charger", "charger.on") is True
    assert [c.arguments[0][1] for c in commands if c.path == "charger.on"] == [False, True]


async def test_an_unplugged_car_is_left_alone_and_says_why() -> None:
    clock = ManualClock(at(8, 12, 0))  # Tuesday noon: the car is at the office
    hub = car_hub(clock)
    service = ChargingService(hub, default_tariff=beijing_tariff())
    async with running(hub, service) as commands:
        await clock.advance(120)
        status = service.status("car")
        assert status is not None
        assert not status.plugged
        assert status.reason == "the car is not plugged in at home"
        assert status.reason_text is not None
        assert status.reason_text.text("en") == "the car is not plugged in at home"
        assert status.reason_text.text("zh-CN") == "车未在家插电"
    assert [c for c in commands if c.path == "charger.on"] == []


async def test_with_smart_charging_off_the_charger_is_left_as_it_is_and_says_why() -> None:
    clock = ManualClock(at(8, 21, 0))  # plugged in at home, the peak price: the plan would wait
    hub = car_hub(clock)
    service = ChargingService(hub, default_tariff=beijing_tariff())
    service.configure("car", ChargeSettings(target_soc=80, enabled=False))
    async with running(hub, service) as commands:
        car_sim(hub).soc = 40.0
        await clock.advance(at(9, 1, 0) - clock.now())  # through the valley's start
        status = service.status("car")
        assert status is not None
        assert status.plugged
        assert status.plan is not None
        assert status.reason == "smart charging is off for this vehicle"
        assert status.reason_text is not None
        assert status.reason_text.text("zh") == "该车的智能充电已关闭"
    assert [c for c in commands if c.path == "charger.on"] == []


async def test_a_departure_beyond_a_week_has_no_plan_and_says_so_in_both_languages() -> None:
    clock = ManualClock(at(8, 21, 0))
    hub = car_hub(clock)
    service = ChargingService(hub, default_tariff=beijing_tariff())
    async with hub:
        await settle()
        car_sim(hub).soc = 40.0
        await clock.advance(10)
        status = service.configure("car", ChargeSettings(departure=at(20, 8, 0)))
        assert status.plan is None
        assert status.reason_text is not None
        assert status.reason_text.en.startswith("departure is more than a week away")
        assert status.reason_text.zh == "出发时间在一周以后；请设定 7 天内的出发时间"


async def test_without_a_charger_there_is_no_plan_and_the_reason_says_what_to_do() -> None:
    clock = ManualClock(at(8, 21, 0))
    hub = car_hub(clock, ("car",))
    service = ChargingService(hub, default_tariff=beijing_tariff())
    async with hub:
        await settle()
        await clock.advance(10)
        status = service.refresh("car")
        assert status.plan is None
        assert status.reason is not None
        assert "add one" in status.reason
        assert status.reason_text is not None
        assert "添加充电桩" in status.reason_text.text("zh")
        assert service.status("home") is None
        with pytest.raises(MobilityError, match="not a vehicle"):
            service.configure("home", ChargeSettings())


def test_settings_are_checked_and_round_trip() -> None:
    settings = ChargeSettings(target_soc=90, departure_time="06:45", charger_kw=11.0)
    assert ChargeSettings.from_mapping(settings.to_mapping()) == settings
    with pytest.raises(MobilityError, match="target_soc"):
        ChargeSettings(target_soc=120)
    with pytest.raises(MobilityError, match="HH:MM"):
        ChargeSettings(departure_time="7 o'clock")
    with pytest.raises(MobilityError, match="malformed"):
        ChargeSettings.from_mapping({"target_soc": 80, "enabled": True, "home_id": 3, "x": 1})


async def test_a_second_car_away_from_home_never_takes_over_the_home_charger() -> None:
    clock = ManualClock(at(8, 21, 0))
    hub = car_hub(clock)
    hub.add_space(
        Space("tesla", "Tesla", SpaceKind.VEHICLE, timezone="Asia/Shanghai", tracker_device_id="t")
    )
    hub.add_device(Device("t", "Tesla", device_type("vehicle"), "tesla", "teslamate"))
    hub.report_many("t", {"battery.battery-level": 30.0, "charging.charging-state": 0})
    service = ChargingService(hub, default_tariff=beijing_tariff())
    service.configure("tesla", ChargeSettings(target_soc=90, departure=at(8, 22, 0)))
    async with running(hub, service) as commands:
        car_sim(hub).soc = 60.0
        await clock.advance(120)
        tesla = service.status("tesla")
        assert tesla is not None
        assert not tesla.plugged
        assert tesla.reason == "the car is not plugged in at home"
        own = service.status("car")
        assert own is not None
        assert own.plugged
        # Only the plugged-in car's plan (valley charging) decides: the charger stays off.
        assert hub.state.value("ev-charger", "charger.on") is False
    assert all(c.arguments[0][1] is False for c in commands if c.path == "charger.on")


async def test_an_unreachable_charger_is_reported_once_and_never_stops_the_service(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = ManualClock(at(8, 12, 0))
    world = demo_world()
    registry = Registry()
    registry.load(world.spaces, world.rooms, [d for d in world.devices if d.id == "ev-charger"])
    hub = Hub(clock=clock, registry=registry)  # no adapter runs the charger
    hub.add_device(Device("car", "Car", device_type("vehicle"), "car", "elsewhere"), replace=True)
    service = ChargingService(hub, default_tariff=beijing_tariff())
    async with running(hub, service):
        hub.report_many("car", {"battery.battery-level": 40.0, "charging.charging-state": 1})
        hub.report_many("ev-charger", {"charger.plugged": True, "charger.on": True})
        await settle()  # nothing sleeps on the clock here: let the service see the reports
        for level in (41.0, 42.0, 43.0):
            hub.report("car", "battery.battery-level", level)
            await settle()
        status = service.status("car")
        assert status is not None
        assert status.plan is not None
    warnings = [r for r in caplog.records if "could not switch charger" in r.getMessage()]
    assert len([r for r in warnings if r.levelname == "WARNING"]) == 1
    assert "not running" in warnings[0].getMessage()


async def test_charging_switched_by_a_person_holds_until_the_car_is_unplugged() -> None:
    clock = ManualClock(at(8, 21, 0))  # Tuesday evening: peak price, the plan waits for 23:00
    hub = car_hub(clock)
    service = ChargingService(hub, default_tariff=beijing_tariff())
    service.configure("car", ChargeSettings(target_soc=80, departure_time="07:30"))
    async with running(hub, service) as commands:
        car_sim(hub).soc = 40.0
        await clock.advance(60)
        assert hub.state.value("ev-charger", "charger.on") is False
        # Alex wants to charge now, at the peak price, from the app.
        await hub.set("ev-charger", "charger.on", True, context=Context(Origin.USER, "alex"))
        await clock.advance(3600)  # past several re-plans
        assert hub.state.value("ev-charger", "charger.on") is True
        assert hub.state.value("car", "charging.charging-state") == 2
        status = service.status("car")
        assert status is not None
        assert status.reason is not None
        assert "switched on by alex at 21:01" in status.reason
        assert status.reason_text is not None
        assert status.reason_text.zh == (
            "充电桩已于 21:01 由 alex 手动打开；拔下充电枪后恢复按计划充电"
        )
        # Wednesday: the car drives to the office (unplugged) and comes home in the evening,
        # when the plan is in charge again and turns off the charger Alex left on.
        await clock.advance(at(9, 21, 0) - clock.now())
        assert hub.state.value("ev-charger", "charger.on") is False
        status = service.status("car")
        assert status is not None
        assert status.plugged
        assert status.reason is None
    mine = [c for c in commands if c.path == "charger.on" and c.context.actor != "alex"]
    assert [c.context.actor for c in mine] == ["mobility.charging"] * len(mine)
    after_alex = [c for c in mine if c.time > at(8, 21, 1)]
    # Nothing switched the charger while Alex's choice held; the first switch is the evening's.
    assert after_alex
    assert after_alex[0].time > at(9, 7, 0)
    assert after_alex[0].arguments[0][1] is False
