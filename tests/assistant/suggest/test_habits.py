"""The demo family's habits, performed live on a hub: commands as users, presence changes."""

from __future__ import annotations

import asyncio

from orbithub.adapters.sim import SimAdapter
from orbithub.core.clock import ManualClock
from orbithub.core.context import Origin
from orbithub.core.events import CommandSent, HubEvent, PresenceChanged
from orbithub.core.hub import Hub
from orbithub.demo.history import run_habits
from tests.assistant.suggest.weeks import START, demo_registry


async def test_a_simulated_day_of_habits() -> None:
    clock = ManualClock(START)
    hub = Hub(clock=clock, registry=demo_registry())
    sim = SimAdapter(seed=3, tick=60.0, clock=clock)
    hub.add_adapter(sim)
    seen: list[HubEvent] = []
    hub.bus.listen(seen.append)
    async with hub:
        habits = asyncio.create_task(run_habits(hub, sim, seed=3))
        await asyncio.sleep(0)
        await clock.advance(86_400.0)
        habits.cancel()
        await asyncio.gather(habits, return_exceptions=True)
    commands = [e for e in seen if isinstance(e, CommandSent)]
    presence = [e for e in seen if isinstance(e, PresenceChanged)]
    assert len(commands) >= 5
    assert all(c.context.origin is Origin.USER for c in commands)
    assert {c.context.actor for c in commands} <= {"alex", "mei"}
    assert all(c.confirmed for c in commands)
    # A Monday: someone leaves in the morning and comes back in the evening.
    assert {p.present for p in presence} == {True, False}
    devices = {c.device_id for c in commands}
    assert {"kitchen-light", "desk-lamp", "computer"} <= devices, devices
