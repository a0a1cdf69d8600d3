"""Actions as a user notices them: what devices receive, in what order, and what a failure says."""

from __future__ import annotations

from orbithub.automation import Engine, RunStatus, capture_scene, explain_run
from orbithub.automation.model import Action as Step
from orbithub.automation.model import (
    Automation,
    CallStep,
    ChooseOption,
    ChooseStep,
    DelayStep,
    ManualTrigger,
    PropertyCondition,
    PropertyTrigger,
    RepeatStep,
    RunStep,
    SceneStep,
    SetStep,
    WaitStep,
)
from orbithub.core.clock import ManualClock
from orbithub.core.context import Origin
from orbithub.core.hub import Hub

from .conftest import RecordingAdapter, advance, settle


def manual(aid: str, *actions: Step) -> Automation:
    return Automation(aid, aid, (ManualTrigger(),), actions=actions)


async def test_commands_carry_the_automation_as_their_origin(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    automation = manual(
        "evening", SetStep("lamp", "light.brightness", 30), CallStep("lamp", "light.toggle")
    )
    async with Engine(hub, [automation]) as engine:
        engine.fire("evening")
        await engine.wait_idle()
    assert [c.context.origin for c in adapter.sent] == [Origin.AUTOMATION, Origin.AUTOMATION]
    assert {c.context.actor for c in adapter.sent} == {"evening"}
    (run,) = engine.runs("evening")
    assert run.status is RunStatus.DONE
    assert [s.kind for s in run.steps] == ["set", "call"]


async def test_a_refused_command_fails_the_run_clearly_and_the_engine_goes_on(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    bad = manual(
        "too-bright", SetStep("lamp", "light.brightness", 150), SetStep("plug", "switch.on", True)
    )
    good = manual("ok", SetStep("plug", "switch.on", True))
    async with Engine(hub, [bad, good]) as engine:
        engine.fire("too-bright")
        await engine.wait_idle()
        engine.fire("ok")
        await engine.wait_idle()
    (run,) = engine.runs("too-bright")
    assert run.status is RunStatus.FAILED
    assert run.error is not None
    assert "150" in run.error
    assert "step 0 (set)" in run.error
    assert len(run.steps) == 1  # the plug step after the refused one never ran
    assert "error" in explain_run(run)[1]
    assert adapter.writes() == [("plug", "switch.on", True)]  # only the good automation's
    assert engine.runs("ok")[0].status is RunStatus.DONE


async def test_delay_waits_on_the_hub_clock(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    automation = manual("later", DelayStep(600), SetStep("lamp", "light.on", True))
    async with Engine(hub, [automation]) as engine:
        engine.fire("later")
        await advance(clock, 599)
        assert adapter.writes() == []
        await advance(clock, 1)
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.on", True)]


async def test_wait_for_a_trigger_or_time_out(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    door_opens = PropertyTrigger("door", "lock.locked", to=False)
    welcome = manual(
        "welcome", WaitStep((door_opens,), timeout=120), SetStep("lamp", "light.on", True)
    )
    hub.report("door", "lock.locked", True)
    async with Engine(hub, [welcome]) as engine:
        engine.fire("welcome")
        await advance(clock, 30)
        hub.report("door", "lock.locked", False)
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.on", True)]
        hub.report("door", "lock.locked", True)
        engine.fire("welcome")
        await advance(clock, 121)
        await engine.wait_idle()
        assert len(adapter.writes()) == 1  # timed out: the lamp step did not run again
        assert engine.runs("welcome")[-1].status is RunStatus.TIMED_OUT


async def test_choose_takes_the_first_branch_that_holds(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    hot = PropertyCondition("temp", "temperature-humidity-sensor.temperature", above=26)
    cold = PropertyCondition("temp", "temperature-humidity-sensor.temperature", below=18)
    choose = ChooseStep(
        (
            ChooseOption((hot,), (SetStep("plug", "switch.on", True),)),
            ChooseOption((cold,), (SetStep("lamp", "light.on", True),)),
        ),
        default=(SetStep("lamp", "light.brightness", 50),),
    )
    async with Engine(hub, [manual("climate", choose)]) as engine:
        for value in (30.0, 10.0, 21.0):
            hub.report("temp", "temperature-humidity-sensor.temperature", value)
            engine.fire("climate")
            await engine.wait_idle()
    assert adapter.writes() == [
        ("plug", "switch.on", True),
        ("lamp", "light.on", True),
        ("lamp", "light.brightness", 50),
    ]


async def test_repeat_count_and_while(hub: Hub, adapter: RecordingAdapter) -> None:
    blink = manual("blink", RepeatStep((CallStep("lamp", "light.toggle"),), count=3))
    dim = manual(
        "dim",
        RepeatStep(
            (SetStep("lamp", "light.brightness", 10),),
            while_=(PropertyCondition("lamp", "light.brightness", above=10),),
        ),
    )
    hub.report("lamp", "light.brightness", 80)
    async with Engine(hub, [blink, dim]) as engine:
        engine.fire("blink")
        engine.fire("dim")
        await engine.wait_idle()
    assert sum(1 for c in adapter.sent if c.context.actor == "blink") == 3
    assert adapter.writes() == [("lamp", "light.brightness", 10)]


async def test_scene_captured_and_applied(hub: Hub, adapter: RecordingAdapter) -> None:
    hub.report("lamp", "light.on", True)
    hub.report("lamp", "light.brightness", 35)
    hub.report("plug", "switch.on", False)
    movie = capture_scene(hub, ["lamp", "plug"], scene_id="movie")
    assert ("lamp", "light.brightness", 35) in movie.values
    hub.report("lamp", "light.brightness", 100)
    async with Engine(hub, [manual("movie-night", SceneStep("movie"))], scenes=[movie]) as engine:
        engine.fire("movie-night")
        await engine.wait_idle()
    assert hub.state.value("lamp", "light.brightness") == 35
    assert ("plug", "switch.on", False) in adapter.writes()


async def test_run_another_automation_and_wait_for_it(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    inner = manual("inner", DelayStep(60), SetStep("lamp", "light.on", True))
    outer = manual("outer", RunStep("inner", wait=True), SetStep("plug", "switch.on", True))
    async with Engine(hub, [inner, outer]) as engine:
        engine.fire("outer")
        await advance(clock, 61)
        await engine.wait_idle()
    assert adapter.writes() == [("lamp", "light.on", True), ("plug", "switch.on", True)]
    (inner_run,) = engine.runs("inner")
    assert inner_run.trigger == "run by outer"


async def test_unknown_scene_or_automation_fails_the_run_with_a_hint(hub: Hub) -> None:
    async with Engine(
        hub, [manual("a", SceneStep("nope")), manual("b", RunStep("ghost"))]
    ) as engine:
        engine.fire("a")
        engine.fire("b")
        await settle()
        await engine.wait_idle()
    assert "no scene 'nope'" in (engine.runs("a")[0].error or "")
    assert "no automation 'ghost'" in (engine.runs("b")[0].error or "")
