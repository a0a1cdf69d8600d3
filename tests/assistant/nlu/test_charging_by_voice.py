"""'Start charging' switches the home charger, as a hand on the switch, and the plan lets it be."""

# ruff: noqa: RUF001 - Chinese answers use Chinese punctuation

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.adapters.sim.vehicle import VehicleSim
from orbithub.assistant import Assistant, Speaker
from orbithub.core.clock import ManualClock
from orbithub.core.events import CommandSent, HubEvent
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.core.tasks import task_scope
from orbithub.demo.tariff import beijing_tariff
from orbithub.mobility.charging_service import ChargeSettings, ChargingService

SHANGHAI = ZoneInfo("Asia/Shanghai")
ALEX = Speaker("alex")


def _at(day: int, hour: int, minute: int = 0) -> float:
    return datetime(2025, 7, day, hour, minute, tzinfo=SHANGHAI).timestamp()


@asynccontextmanager
async def _home(clock: ManualClock) -> AsyncIterator[tuple[Hub, Assistant, list[CommandSent]]]:
    world = demo_world()
    registry = Registry()
    registry.load(
        world.spaces, world.rooms, [d for d in world.devices if d.id in ("car", "ev-charger")]
    )
    hub = Hub(clock=clock, registry=registry)
    adapter = SimAdapter(seed=3, clock=clock, routines=False)
    hub.add_adapter(adapter)
    service = ChargingService(hub, default_tariff=beijing_tariff())
    service.configure("car", ChargeSettings(target_soc=80, departure_time="07:30"))
    assistant = Assistant(hub)
    commands: list[CommandSent] = []

    def record(event: HubEvent) -> None:
        if isinstance(event, CommandSent):
            commands.append(event)

    stop = hub.bus.listen(record)
    async with hub, task_scope() as tasks:
        tasks.create_task(service.run())
        for _ in range(5):
            await asyncio.sleep(0)  # let the service reach its first sleep on the manual clock
        car = adapter.simulator("car")
        assert isinstance(car, VehicleSim)
        car.soc = 40.0
        await clock.advance(60)
        yield hub, assistant, commands
    stop()
    assistant.close()


async def test_start_charging_switches_the_home_charger_and_the_plan_keeps_it_on() -> None:
    clock = ManualClock(_at(8, 21, 0))  # peak price: the plan itself waits for 23:00
    async with _home(clock) as (hub, assistant, commands):
        assert hub.state.value("ev-charger", "charger.plugged") is True
        assert hub.state.value("ev-charger", "charger.on") is False
        reply = await assistant.ask("start charging the car", speaker=ALEX)
        assert reply.answer == "Switched EV charger on: Car is charging now."
        assert [(a.device_id, a.path, a.value) for a in reply.actions] == [
            ("ev-charger", "charger.on", True)
        ]
        await clock.advance(3600)  # past several re-plans
        assert hub.state.value("ev-charger", "charger.on") is True
        assert hub.state.value("car", "charging.charging-state") == 2
        stopped = await assistant.ask("停止充电", speaker=ALEX)
        assert stopped.answer == "已关闭充电桩，汽车停止充电。"
        await clock.advance(600)
        assert hub.state.value("ev-charger", "charger.on") is False
        assert not any(c.device_id == "car" for c in commands)


async def test_an_unplugged_car_is_not_promised_a_charge() -> None:
    clock = ManualClock(_at(9, 10, 0))  # Wednesday morning: the car is at the office
    async with _home(clock) as (hub, assistant, commands):
        hub.report("ev-charger", "charger.plugged", False)
        hub.report("car", "charging.charging-state", 0)
        sent = len(commands)
        reply = await assistant.ask("start charging", speaker=ALEX)
        assert reply.answer == "Car isn't plugged in, so it can't charge."
        assert reply.actions == ()
        assert len(commands) == sent
        chinese = await assistant.ask("给车充电", speaker=ALEX)
        assert chinese.answer == "汽车没有插枪，没法充电。"
