"""End to end on the simulated demo home: the night scene closes curtains and dims the lamp."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import yaml

from orbithub.adapters.sim import SimAdapter
from orbithub.automation import Engine, RunStatus, capture_scene, parse_automations
from orbithub.core.clock import ManualClock

from .conftest import advance
from .test_docs import blocks, demo_hub

BEIJING = ZoneInfo("Asia/Shanghai")


async def test_night_scene_runs_by_itself_on_the_simulated_home() -> None:
    clock = ManualClock(start=datetime(2026, 6, 1, 22, 50, tzinfo=BEIJING).timestamp())
    hub = demo_hub(clock)
    hub.add_adapter(SimAdapter(seed=7, clock=clock, routines=False))
    automations = parse_automations(yaml.safe_load(blocks("yaml")[1]))
    async with hub, Engine(hub, automations) as engine:
        await advance(clock, 9 * 60)  # 22:59
        assert engine.runs("night") == []
        await advance(clock, 6 * 60)  # 23:05
        await engine.wait_idle()
        (run,) = engine.runs("night")
        assert run.status is RunStatus.DONE, run.error
        assert hub.state.value("bedroom-curtain", "curtain.target-position") == 0
        assert hub.state.value("bedroom-lamp", "light.brightness") == 10


async def test_a_captured_scene_restores_the_living_room() -> None:
    clock = ManualClock(start=datetime(2026, 6, 1, 20, 0, tzinfo=BEIJING).timestamp())
    hub = demo_hub(clock)
    hub.add_adapter(SimAdapter(seed=7, clock=clock, routines=False))
    async with hub:
        await hub.set("living-room-light", "light.on", True)
        await hub.set("living-room-light", "light.brightness", 25)
        evening = capture_scene(hub, ["living-room-light"], scene_id="evening")
        await hub.set("living-room-light", "light.brightness", 100)
        automations = parse_automations(
            {
                "automations": [
                    {
                        "id": "evening",
                        "triggers": [{"type": "manual"}],
                        "actions": [{"type": "scene", "scene": "evening"}],
                    }
                ]
            }
        )
        async with Engine(hub, automations, scenes=[evening]) as engine:
            engine.fire("evening")
            await engine.wait_idle()
        assert hub.state.value("living-room-light", "light.brightness") == 25
