"""Run modes, loop detection, rate limits and disabling: what happens on a second trigger."""

from __future__ import annotations

from orbithub.automation import Engine, LoopLimit, ReasonCode, RunStatus, explain
from orbithub.automation.model import (
    Automation,
    CallStep,
    DelayStep,
    ManualTrigger,
    Mode,
    PropertyTrigger,
    RateLimit,
    SetStep,
)
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub

from .conftest import RecordingAdapter, advance, settle


def slow(mode: Mode, max_runs: int = 10) -> Automation:
    return Automation(
        "slow",
        "Slow",
        (ManualTrigger(),),
        actions=(DelayStep(60), CallStep("lamp", "light.toggle")),
        mode=mode,
        max_runs=max_runs,
    )


def toggles(adapter: RecordingAdapter) -> int:
    return sum(1 for c in adapter.sent if c.context.actor == "slow")


async def test_single_refuses_while_running_and_says_so(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    async with Engine(hub, [slow(Mode.SINGLE)]) as engine:
        assert engine.fire("slow") is not None
        await advance(clock, 10)
        assert engine.fire("slow") is None
        await advance(clock, 60)
        await engine.wait_idle()
        assert toggles(adapter) == 1
        (refused,) = engine.why("slow")
        assert refused.reason.code is ReasonCode.ALREADY_RUNNING
        assert "already running" in explain(refused)
        assert "已在运行" in explain(refused, "zh")


async def test_restart_cancels_the_running_one(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    async with Engine(hub, [slow(Mode.RESTART)]) as engine:
        engine.fire("slow")
        await advance(clock, 30)
        engine.fire("slow")
        await advance(clock, 45)  # the first would have finished at 60
        assert toggles(adapter) == 0
        await advance(clock, 20)
        await engine.wait_idle()
        assert toggles(adapter) == 1
        assert [r.status for r in engine.runs("slow")] == [RunStatus.CANCELLED, RunStatus.DONE]


async def test_queued_runs_one_after_another_up_to_max(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    async with Engine(hub, [slow(Mode.QUEUED, max_runs=2)]) as engine:
        ids = [engine.fire("slow") for _ in range(4)]
        assert ids[3] is None  # one running + two waiting: the fourth is refused
        await advance(clock, 61)
        assert toggles(adapter) == 1
        await advance(clock, 61)
        assert toggles(adapter) == 2
        await advance(clock, 61)
        await engine.wait_idle()
        assert toggles(adapter) == 3
        assert engine.why("slow")[0].reason.code is ReasonCode.QUEUE_FULL


async def test_parallel_runs_together_up_to_max(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    async with Engine(hub, [slow(Mode.PARALLEL, max_runs=2)]) as engine:
        fired = [engine.fire("slow") for _ in range(3)]
        assert fired[2] is None
        await advance(clock, 61)
        await engine.wait_idle()
        assert toggles(adapter) == 2
        assert engine.why("slow")[0].reason.code is ReasonCode.TOO_MANY_RUNS


async def test_an_automation_that_triggers_itself_is_stopped(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    # Flip writes the lamp off when it changes: its echo triggers it once more, then it settles.
    flip = Automation(
        "flip",
        "Flip",
        (PropertyTrigger("lamp", "light.on"),),
        actions=(SetStep("lamp", "light.on", False),),
        mode=Mode.PARALLEL,
    )
    other = Automation(
        "other", "Other", (ManualTrigger(),), actions=(SetStep("plug", "switch.on", True),)
    )
    async with Engine(hub, [flip, other], loop_limit=LoopLimit(returns=2, window=60)) as engine:
        hub.report("lamp", "light.on", True)
        await engine.wait_idle()
        assert engine.why("flip") == []
        # A real loop: an automation toggling the plug on every plug change.
        loop = Automation(
            "loop",
            "Loop",
            (PropertyTrigger("plug", "switch.on"),),
            actions=(CallStep("plug", "switch.toggle"),),
            mode=Mode.PARALLEL,
        )
        engine.add(loop)
        adapter_toggle_echo(adapter, hub)
        hub.report("plug", "switch.on", True)
        for _ in range(20):
            await settle()
        await engine.wait_idle()
        stopped = [e for e in engine.why("loop") if e.reason.code is ReasonCode.LOOP_STOPPED]
        assert stopped, engine.why("loop")
        assert "loop" in explain(stopped[0])
        runs_before = len(engine.runs("loop"))
        hub.report("plug", "switch.on", not hub.state.value("plug", "switch.on"))
        await settle()
        assert len(engine.runs("loop")) == runs_before  # stays stopped
        engine.fire("other")  # the rest of the engine is unaffected
        await engine.wait_idle()
        assert engine.runs("other")[0].status is RunStatus.DONE


def adapter_toggle_echo(adapter: RecordingAdapter, hub: Hub) -> None:
    """Make the plug's toggle action flip its reported state, as a real plug does."""
    original = adapter.send

    async def send(command):  # type: ignore[no-untyped-def]
        result = await original(command)
        if getattr(command, "action", None) is not None and command.device.id == "plug":
            hub.report("plug", "switch.on", not hub.state.value("plug", "switch.on"))
        return result

    adapter.send = send  # type: ignore[method-assign]


async def test_rate_limit(hub: Hub, clock: ManualClock, adapter: RecordingAdapter) -> None:
    limited = Automation(
        "bell",
        "Doorbell light",
        (ManualTrigger(),),
        actions=(CallStep("lamp", "light.toggle"),),
        mode=Mode.PARALLEL,
        rate_limit=RateLimit(runs=2, per=60),
    )
    async with Engine(hub, [limited]) as engine:
        results = [engine.fire("bell") for _ in range(3)]
        assert results[2] is None
        assert engine.why("bell")[0].reason.code is ReasonCode.RATE_LIMITED
        await advance(clock, 61)
        assert engine.fire("bell") is not None
        await engine.wait_idle()


async def test_disabled_automation_says_it_is_disabled(hub: Hub, adapter: RecordingAdapter) -> None:
    automation = Automation(
        "off", "Off", (ManualTrigger(),), actions=(CallStep("lamp", "light.toggle"),), enabled=False
    )
    async with Engine(hub, [automation]) as engine:
        assert engine.fire("off") is None
        assert explain(engine.why("off")[0]) == "trigger manual: the automation is disabled"
        assert explain(engine.why("off")[0], "zh") == "触发器「manual」：该自动化已停用"  # noqa: RUF001 (Chinese punctuation)
        engine.enable("off")
        assert engine.fire("off") is not None
        await engine.wait_idle()
    assert len(adapter.sent) == 1
