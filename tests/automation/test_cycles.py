"""Automations that answer each other through devices are stopped; ordinary repetition is not.

The devices are the simulated ones of the ``sim`` adapter, answering commands as devices do:
at once, or (``report_delay``) a second after replying.
"""

# Chinese explanations use full-width punctuation.

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from orbithub.adapters.sim import SimAdapter
from orbithub.automation import Engine, ReasonCode, RunStatus, explain, parse_automations
from orbithub.automation.library import AutomationLibrary
from orbithub.automation.model import (
    Automation,
    DelayStep,
    ManualTrigger,
    PropertyTrigger,
    RateLimit,
    SetStep,
)
from orbithub.core.clock import ManualClock
from orbithub.core.context import Origin
from orbithub.core.events import AutomationRun, CommandSent, HubEvent, NotificationRequested
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.spec.library import device_type

from .conftest import advance, settle
from .test_docs import blocks, demo_hub

BEIJING = ZoneInfo("Asia/Shanghai")


def switch_hub(clock: ManualClock, report_delay: float) -> Hub:
    """The demo home plus three simulated switches, answering after ``report_delay`` s."""
    hub = demo_hub(clock)
    for name in ("a", "b", "c"):
        spec = device_type("switch")
        hub.add_device(Device(f"switch-{name}", f"Switch {name}", spec, "home", "sim", "study"))
    hub.add_adapter(SimAdapter(seed=1, clock=clock, routines=False, report_delay=report_delay))
    return hub


def follows(
    aid: str, name: str, source: str, target: str, *, invert: bool = False
) -> dict[str, object]:
    """An automation writing ``target`` to ``source``'s new value (or its opposite)."""
    value = "{{ not trigger.value }}" if invert else "{{ trigger.value }}"
    return {
        "id": aid,
        "name": name,
        "triggers": [{"type": "property", "device": source, "path": "switch.on"}],
        "actions": [{"type": "set", "device": target, "path": "switch.on", "value": value}],
    }


class Watch:
    """What the hub tells the rest of the world: automation commands, activity, notifications."""

    def __init__(self, hub: Hub) -> None:
        self.commands: list[CommandSent] = []
        self.activity: list[AutomationRun] = []
        self.notes: list[NotificationRequested] = []
        self.stop: Callable[[], None] = hub.bus.listen(self._seen)

    def _seen(self, event: HubEvent) -> None:
        if isinstance(event, CommandSent) and event.context.origin is Origin.AUTOMATION:
            self.commands.append(event)
        elif isinstance(event, AutomationRun):
            self.activity.append(event)
        elif isinstance(event, NotificationRequested):
            self.notes.append(event)


async def run_until(
    clock: ManualClock, done: Callable[[], bool], step: float, limit: float
) -> float:
    """Advance the clock in ``step``s until ``done()``; the clock time it took."""
    start = clock.now()
    while not done():
        assert clock.now() - start < limit, "the condition did not come true in time"
        await settle()
        await clock.advance(step)
        await settle()
    return clock.now() - start


@pytest.mark.parametrize("delay", [0.0, 1.0], ids=["at-once", "1s-late"])
async def test_two_automations_answering_each_other_are_stopped_and_disabled(
    delay: float, tmp_path: Path
) -> None:
    clock = ManualClock(datetime(2026, 6, 1, 20, 0, tzinfo=BEIJING).timestamp())
    hub = switch_hub(clock, delay)
    pair = parse_automations(
        {
            "automations": [
                follows("a-follows-b", "A follows B", "switch-b", "switch-a"),
                follows("b-opposes-a", "B opposes A", "switch-a", "switch-b", invert=True),
            ]
        }
    )
    state = tmp_path / "automations-state.json"
    watch = Watch(hub)
    async with hub, Engine(hub, pair) as engine:
        engine.library = AutomationLibrary(engine, state_path=state)
        await hub.set("switch-b", "switch.on", True)  # a person starts it
        took = await run_until(
            clock, lambda: not any(a.enabled for a in engine.automations()), 0.25, 60
        )
        await engine.wait_idle()
        # Each automation ran three times (twice coming back), then both were stopped.
        assert len(watch.commands) == 6
        assert took <= 6 * delay + 1
        for automation_id in ("a-follows-b", "b-opposes-a"):
            assert not engine.automation(automation_id).enabled
            assert len(engine.runs(automation_id)) == 3
            (stopped,) = [
                e for e in engine.why(automation_id) if e.reason.code is ReasonCode.LOOP_STOPPED
            ]
            english, chinese = explain(stopped), explain(stopped, "zh")
            for text in (english, chinese):
                assert "A follows B (a-follows-b)" in text
                assert "B opposes A (b-opposes-a)" in text
            if automation_id == "a-follows-b":  # its trigger closed the cycle
                assert [english, chinese] == blocks("text", "loop")[0].strip().splitlines()
        logged = [a for a in watch.activity if a.outcome == "refused"]
        assert {a.automation_id for a in logged} == {"a-follows-b", "b-opposes-a"}
        assert all("stopped as a loop" in a.message for a in logged)
        (note,) = watch.notes
        assert "A follows B" in note.message
        assert "B opposes A" in note.message
        assert "相互触发" in note.title
        # Nothing more happens, whatever the switches do now.
        sent = len(watch.commands)
        await hub.set("switch-b", "switch.on", not hub.state.value("switch-b", "switch.on"))
        await advance(clock, 3 * delay + 1)
        assert len(watch.commands) == sent
        # Disabled on disk too: a restart keeps them off until the owner enables them.
        saved = json.loads(state.read_text(encoding="utf-8"))
        assert saved["enabled"] == {"a-follows-b": False, "b-opposes-a": False}
        await engine.library.set_enabled("a-follows-b", True)
        assert engine.automation("a-follows-b").enabled
        assert engine.why("a-follows-b")[-1].reason.code is ReasonCode.LOOP_STOPPED
    watch.stop()


async def test_a_ring_of_three_is_stopped_with_every_member_named() -> None:
    clock = ManualClock(datetime(2026, 6, 1, 20, 0, tzinfo=BEIJING).timestamp())
    hub = switch_hub(clock, 0.5)
    ring = parse_automations(
        {
            "automations": [
                follows("ring-a", "Ring A", "switch-c", "switch-a"),
                follows("ring-b", "Ring B", "switch-a", "switch-b"),
                follows("ring-c", "Ring C", "switch-b", "switch-c", invert=True),
            ]
        }
    )
    watch = Watch(hub)
    async with hub, Engine(hub, ring) as engine:
        await hub.set("switch-c", "switch.on", True)
        await run_until(clock, lambda: not any(a.enabled for a in engine.automations()), 0.25, 60)
        await engine.wait_idle()
        assert len(watch.commands) == 9
        (note,) = watch.notes
        for name in ("Ring A", "Ring B", "Ring C"):
            assert name in note.message
    watch.stop()


async def test_two_switches_kept_in_step_settle_and_are_never_stopped() -> None:
    clock = ManualClock(datetime(2026, 6, 1, 20, 0, tzinfo=BEIJING).timestamp())
    hub = switch_hub(clock, 1.0)
    mirror = parse_automations(
        {
            "automations": [
                follows("a-with-b", "A with B", "switch-b", "switch-a"),
                follows("b-with-a", "B with A", "switch-a", "switch-b"),
            ]
        }
    )
    watch = Watch(hub)
    async with hub, Engine(hub, mirror) as engine:
        for flips in range(1, 21):
            device = "switch-a" if flips % 2 else "switch-b"
            await hub.set(device, "switch.on", flips % 3 != 0)
            await advance(clock, 5)
        await engine.wait_idle()
        assert all(a.enabled for a in engine.automations())
        assert watch.notes == []
        assert hub.state.value("switch-a", "switch.on") == hub.state.value("switch-b", "switch.on")
    watch.stop()


async def test_a_motion_light_firing_every_minute_is_never_stopped() -> None:
    clock = ManualClock(datetime(2026, 6, 1, 20, 0, tzinfo=BEIJING).timestamp())
    hub = switch_hub(clock, 1.0)
    motion = Automation(
        "hall-light",
        "Hall light on motion",
        (PropertyTrigger("hallway-motion", "motion-sensor.motion-state", to=True),),
        actions=(
            SetStep("kitchen-light", "light.on", True),
            DelayStep(30),
            SetStep("kitchen-light", "light.on", False),
        ),
    )
    # Another automation following the light: a chain of two, every minute.
    fan = Automation(
        "fan-with-light",
        "Fan plug with the light",
        (PropertyTrigger("kitchen-light", "light.on"),),
        actions=(SetStep("switch-a", "switch.on", "{{ trigger.value }}"),),
    )
    async with hub, Engine(hub, [motion, fan], keep_runs=100) as engine:
        hub.report("hallway-motion", "motion-sensor.motion-state", False)
        for _ in range(30):
            hub.report("hallway-motion", "motion-sensor.motion-state", True)
            await advance(clock, 40)
            hub.report("hallway-motion", "motion-sensor.motion-state", False)
            await advance(clock, 20)
        await engine.wait_idle()
        runs = engine.runs("hall-light")
        assert len(runs) == 30
        assert all(r.status is RunStatus.DONE for r in runs)
        assert engine.automation("hall-light").enabled
        assert engine.automation("fan-with-light").enabled
        assert len(engine.runs("fan-with-light")) == 60
        refused = {e.reason.code for a in ("hall-light", "fan-with-light") for e in engine.why(a)}
        assert ReasonCode.LOOP_STOPPED not in refused
        assert ReasonCode.RATE_LIMITED not in refused


async def test_the_default_rate_limit_fences_an_automation_and_logs_it_once() -> None:
    clock = ManualClock(datetime(2026, 6, 1, 20, 0, tzinfo=BEIJING).timestamp())
    hub = switch_hub(clock, 0.0)
    busy = Automation(
        "busy", "Busy", (ManualTrigger(),), actions=(SetStep("switch-a", "switch.on", True),)
    )
    watch = Watch(hub)
    async with hub, Engine(hub, [busy], rate_limit=RateLimit(runs=30, per=60)) as engine:
        started = 0
        for _ in range(45):
            if engine.fire("busy") is not None:
                started += 1
            await engine.wait_idle()
            await clock.advance(1)
        assert started == 30
        assert engine.why("busy")[-1].reason.code is ReasonCode.RATE_LIMITED
        assert [a.outcome for a in watch.activity].count("refused") == 1
        assert engine.automation("busy").enabled
    watch.stop()
