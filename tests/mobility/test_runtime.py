"""The running services: pre-conditioning reads the car's own outside-temperature reading."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.core.adapter import AdapterHost, Command, CommandResult, SetProperty
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.tasks import task_scope
from orbithub.mobility.runtime import start

from .conftest import build_hub

SHANGHAI = ZoneInfo("Asia/Shanghai")
MORNING = datetime(2026, 1, 13, 5, 30, tzinfo=SHANGHAI).timestamp()  # a Tuesday in January
DEPARTURE = MORNING + 2 * 3600  # 07:30, the default daily departure
CABIN_C = 4.0  # a car in an unheated garage, the same on both mornings


class ConnectedCar:
    """The wire of the car and the charger: takes every command and reports the new value."""

    name = "sim"

    def __init__(self) -> None:
        self.host: AdapterHost | None = None

    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        self.host = host

    async def stop(self) -> None:
        self.host = None

    async def send(self, command: Command) -> CommandResult:
        if isinstance(command, SetProperty) and self.host is not None:
            self.host.report(command.device.id, command.prop.path, command.value)
        return CommandResult(True)


async def settle() -> None:
    for _ in range(10):
        await asyncio.sleep(0)


def parked_at_home(hub: Hub, outside_c: float | None) -> None:
    hub.report_many(
        "car",
        {
            "battery.battery-level": 80.0,
            "charging.charging-state": 1,
            "cabin.temperature": CABIN_C,
            "cabin.on": False,
            "vehicle.speed": 0.0,
        },
    )
    hub.report("charger", "charger.plugged", True)
    if outside_c is not None:
        hub.report("car", "environment.outside-temperature", outside_c)


async def climate_start(outside_c: float | None, *, reported_at: float) -> float:
    """When the running services start the cabin climate for the 07:30 departure."""
    clock = ManualClock(reported_at)
    hub = build_hub(clock)
    hub.add_adapter(ConnectedCar())
    async with hub, task_scope() as tasks:
        parked_at_home(hub, outside_c)
        await clock.advance(MORNING - clock.now())
        hub.report_many("car", {"cabin.temperature": CABIN_C, "battery.battery-level": 80.0})
        await start(hub, tasks)
        await settle()
        await clock.advance(DEPARTURE - 60 - clock.now())
        climate = hub.state.get("car", "cabin.on")
        assert climate is not None
        assert climate.value is True
        return climate.last_changed


async def test_a_cold_morning_starts_the_cabin_earlier_than_a_mild_one() -> None:
    cold = await climate_start(-10.0, reported_at=MORNING)
    mild = await climate_start(10.0, reported_at=MORNING)
    unknown = await climate_start(None, reported_at=MORNING)
    # The same 4 °C cabin: fighting -10 °C air the climate needs over half an hour, with
    # 10 °C air under twenty minutes; without a reading the parked cabin stands in for the air.
    assert DEPARTURE - cold > 30 * 60
    assert DEPARTURE - mild < 20 * 60
    assert cold < unknown < mild


async def test_an_outside_reading_from_last_night_is_not_trusted() -> None:
    stale = await climate_start(-10.0, reported_at=MORNING - 7.5 * 3600)  # 22:00
    unknown = await climate_start(None, reported_at=MORNING)
    assert stale == unknown


async def test_an_offline_car_s_outside_reading_is_not_trusted() -> None:
    clock = ManualClock(MORNING)
    hub = build_hub(clock)
    hub.add_adapter(ConnectedCar())
    async with hub, task_scope() as tasks:
        parked_at_home(hub, -10.0)
        mobility = await start(hub, tasks)
        hub.set_online("car", True)
        online = mobility.precondition.lead_s("car")
        hub.set_online("car", False)
        offline = mobility.precondition.lead_s("car")
        hub.report("car", "environment.outside-temperature", float(CABIN_C))
        hub.set_online("car", True)
        same_as_cabin = mobility.precondition.lead_s("car")
    assert online is not None
    assert offline is not None
    assert offline == same_as_cabin
    assert online > offline
