"""The demo wiring: the simulated car charges in the valley with the services started by the CLI."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.cli.mobility import start_mobility
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.core.tasks import task_scope
from orbithub.demo import demo_parts

SHANGHAI = ZoneInfo("Asia/Shanghai")


async def test_start_mobility_runs_every_service_on_the_demo_world(tmp_path: Path) -> None:
    clock = ManualClock(datetime(2026, 11, 23, 20, 0, tzinfo=SHANGHAI).timestamp())  # a Monday
    world = demo_world()
    registry = Registry()
    registry.load(world.spaces, world.rooms, world.devices)
    hub = Hub(clock=clock, registry=registry)
    hub.add_adapter(SimAdapter(seed=1, clock=clock, routines=False))
    async with hub, task_scope() as tasks:
        mobility = await start_mobility(
            hub, None, tmp_path, tasks, default_tariff=demo_parts().tariff
        )
        for _ in range(5):
            await asyncio.sleep(0)
        await clock.advance(120)
        status = mobility.charging.status("car")
        assert status is not None
        assert status.charger_id == "ev-charger"
        assert status.plan is not None
        tariff = mobility.charging.tariff("home")
        assert tariff is not None
        assert tariff.name == "Beijing-like time of use"
        assert mobility.tracks.fix("phone-alex") is not None
        assert mobility.tracks.fix("car") is not None
        assert mobility.precondition.lead_s("car") is not None
