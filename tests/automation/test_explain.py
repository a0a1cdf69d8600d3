"""Every reason reads as a sentence in en, zh and de; why() answers from what happened."""

# Chinese sentences use full-width punctuation on purpose (correct Chinese typography).
# ruff: noqa: RUF001

from __future__ import annotations

from datetime import time

import pytest

from orbithub.automation import Engine, Reason, ReasonCode, explain, explain_run
from orbithub.automation.explain import _TEMPLATES
from orbithub.automation.model import (
    Automation,
    PropertyCondition,
    PropertyTrigger,
    SetStep,
    TimeCondition,
)
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub

from .conftest import RecordingAdapter, advance, berlin


@pytest.mark.parametrize("code", list(ReasonCode))
def test_every_reason_has_an_english_a_chinese_and_a_german_sentence(code: ReasonCode) -> None:
    english, chinese, german = _TEMPLATES[code]
    assert english
    assert chinese
    assert german
    assert german != english
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese)
    for lang in ("en", "zh", "de"):
        assert "{" not in explain(Reason(code), lang)  # a missing value reads "?", never a slot


async def test_why_didnt_the_hallway_light_turn_on_at_1902(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    hallway = Automation(
        "hallway",
        "Hallway light at night",
        (PropertyTrigger("motion", "motion-sensor.motion-state", to=True),),
        conditions=(
            TimeCondition(time(20, 0), time(6, 0)),
            PropertyCondition("plug", "switch.on", state=False),
        ),
        actions=(SetStep("lamp", "light.on", True),),
    )
    hub.report("plug", "switch.on", False)
    async with Engine(hub, [hallway]) as engine:
        await advance(clock, berlin(2026, 6, 1, 19, 2) - clock.now())
        hub.report("motion", "motion-sensor.motion-state", True)
        hub.report("motion", "motion-sensor.motion-state", False)
        await advance(clock, 3600)  # 20:02: inside the window, but the plug is on now
        hub.report("plug", "switch.on", True)
        hub.report("motion", "motion-sensor.motion-state", True)
        await engine.wait_idle()
        since = berlin(2026, 6, 1, 19, 0)
        lines = [explain(e) for e in engine.why("hallway", since=since)]
        zh = [explain(e, "zh") for e in engine.why("hallway", since=since)]
    assert adapter.writes() == []
    assert lines == [
        "trigger motion motion-sensor.motion-state to true: condition time 20:00-06:00: "
        "it was 19:02, outside the window 20:00-06:00",
        "trigger motion motion-sensor.motion-state to true: the trigger did not match: "
        "motion-sensor.motion-state became false; needed to true",
        "trigger motion motion-sensor.motion-state to true: condition plug switch.on = false "
        "was false: plug switch.on was true, needed = false",
    ]
    assert zh[0] == (
        "触发器「motion motion-sensor.motion-state to true」：条件 time 20:00-06:00："
        "当时为 19:02，不在时间段 20:00-06:00 内"
    )


async def test_evaluations_are_bounded_per_automation(hub: Hub) -> None:
    noisy = Automation(
        "noisy",
        "Noisy",
        (PropertyTrigger("temp", "temperature-humidity-sensor.temperature", above=100),),
        actions=(SetStep("lamp", "light.on", True),),
    )
    async with Engine(hub, [noisy], keep_evaluations=50) as engine:
        for i in range(500):
            hub.report("temp", "temperature-humidity-sensor.temperature", 20 + (i % 7) / 10)
        assert len(engine.why("noisy")) == 50


async def test_run_trace_lists_each_step(hub: Hub, adapter: RecordingAdapter) -> None:
    automation = Automation(
        "two",
        "Two steps",
        (PropertyTrigger("plug", "switch.on", to=True),),
        actions=(SetStep("lamp", "light.on", True), SetStep("lamp", "light.brightness", 40)),
    )
    async with Engine(hub, [automation]) as engine:
        hub.report("plug", "switch.on", True)
        await engine.wait_idle()
    (run,) = engine.runs("two")
    assert explain_run(run) == [
        "two (plug switch.on to true): done",
        "  0 set: lamp light.on = True",
        "  1 set: lamp light.brightness = 40",
    ]
    assert explain_run(run, "zh")[0] == "two (plug switch.on to true): 完成"
    assert all(s.finished is not None and s.finished >= s.started for s in run.steps)


async def test_an_offline_device_in_a_condition_is_named(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    automation = Automation(
        "lock-check",
        "Lamp when locked",
        (PropertyTrigger("motion", "motion-sensor.motion-state", to=True),),
        conditions=(PropertyCondition("door", "lock.locked", state=True),),
        actions=(SetStep("lamp", "light.on", True),),
    )
    hub.report("door", "lock.locked", True)
    hub.set_online("door", False)
    async with Engine(hub, [automation]) as engine:
        hub.report("motion", "motion-sensor.motion-state", True)
        await engine.wait_idle()
        (record,) = engine.why("lock-check")
    assert adapter.writes() == []
    assert explain(record).endswith("could not be checked: door is offline")
    assert explain(record, "zh").endswith("无法判断：door 离线")
