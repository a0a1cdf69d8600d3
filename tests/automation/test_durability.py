"""A restarted hub finishes what it had pending: delays, waits, ``for`` holds, missed times."""

from __future__ import annotations

import asyncio
import json
from datetime import time
from pathlib import Path

import pytest

from orbithub.automation import (
    CatchUp,
    Engine,
    JsonFileStore,
    MemoryStore,
    PendingStore,
    ReasonCode,
    RunStatus,
    explain,
)
from orbithub.automation.model import (
    Automation,
    ChooseOption,
    ChooseStep,
    DelayStep,
    ManualTrigger,
    PropertyCondition,
    PropertyTrigger,
    RepeatStep,
    SetStep,
    TimeTrigger,
    WaitStep,
)
from orbithub.core.adapter import Command, CommandResult
from orbithub.core.clock import ManualClock

from .conftest import RecordingAdapter, advance, berlin, build_hub

LATER = Automation(
    "later",
    "Lamp on in 10 minutes",
    (ManualTrigger(),),
    actions=(DelayStep(600), SetStep("lamp", "light.on", True)),
)


@pytest.fixture(params=["memory", "json"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> PendingStore:
    if request.param == "memory":
        return MemoryStore()
    return JsonFileStore(tmp_path / "pending.json")


async def test_a_delay_survives_a_restart_and_acts_exactly_once(store: PendingStore) -> None:
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    first = RecordingAdapter()
    async with build_hub(clock, first) as hub, Engine(hub, [LATER], store=store) as engine:
        engine.fire("later")
        await advance(clock, 240)
    assert engine.runs("later")[0].status is RunStatus.INTERRUPTED
    assert first.writes() == []
    if isinstance(store, JsonFileStore):
        # What a new process would read: the file on disk, not the object's cache.
        store = JsonFileStore(store.path)
    await advance(clock, 120)  # the hub is down for two minutes

    second = RecordingAdapter()
    async with build_hub(clock, second) as hub, Engine(hub, [LATER], store=store) as engine:
        await advance(clock, 239)
        assert second.writes() == []  # 10 minutes after the fire is 12:10; it is 12:09:59
        await advance(clock, 1)
        await engine.wait_idle()
        assert second.writes() == [("lamp", "light.on", True)]
        (run,) = engine.runs("later")
        assert run.resumed
        assert run.status is RunStatus.DONE
        await advance(clock, 3600)
    assert second.writes() == [("lamp", "light.on", True)]
    assert await store.load() == []


async def test_a_delay_due_while_down_runs_at_start(store: PendingStore) -> None:
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    async with build_hub(clock, RecordingAdapter()) as hub, Engine(hub, [LATER], store=store) as e:
        e.fire("later")
        await advance(clock, 60)
    await advance(clock, 3600)
    adapter = RecordingAdapter()
    async with build_hub(clock, adapter) as hub, Engine(hub, [LATER], store=store) as engine:
        await advance(clock, 0)
        await engine.wait_idle()
    assert adapter.writes() == [("lamp", "light.on", True)]


async def test_a_nested_delay_resumes_inside_its_branch_and_iteration() -> None:
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    store = MemoryStore()
    nested = Automation(
        "nested",
        "Nested",
        (ManualTrigger(),),
        actions=(
            ChooseStep(
                (
                    ChooseOption(
                        (PropertyCondition("plug", "switch.on", state=True),),
                        (
                            RepeatStep(
                                (DelayStep(60), SetStep("lamp", "light.brightness", 20)),
                                count=2,
                            ),
                        ),
                    ),
                )
            ),
            SetStep("lamp", "light.on", False),
        ),
    )
    async with build_hub(clock, RecordingAdapter()) as hub, Engine(hub, [nested], store=store) as e:
        hub.report("plug", "switch.on", True)
        e.fire("nested")
        await advance(clock, 61)  # first iteration done, second one in its delay
        await advance(clock, 10)
    adapter = RecordingAdapter()
    async with build_hub(clock, adapter) as hub, Engine(hub, [nested], store=store) as engine:
        await advance(clock, 60)
        await engine.wait_idle()
    # The second iteration's write, then the step after the choose; nothing re-run.
    assert adapter.writes() == [("lamp", "light.brightness", 20), ("lamp", "light.on", False)]


async def test_a_wait_resumes_with_its_remaining_timeout() -> None:
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    store = MemoryStore()
    door = PropertyTrigger("door", "lock.locked", to=False)
    welcome = Automation(
        "welcome",
        "Welcome",
        (ManualTrigger(),),
        actions=(WaitStep((door,), timeout=300), SetStep("lamp", "light.on", True)),
    )
    async with (
        build_hub(clock, RecordingAdapter()) as hub,
        Engine(hub, [welcome], store=store) as e,
    ):
        hub.report("door", "lock.locked", True)
        e.fire("welcome")
        await advance(clock, 100)
    adapter = RecordingAdapter()
    async with build_hub(clock, adapter) as hub, Engine(hub, [welcome], store=store) as engine:
        hub.report("door", "lock.locked", True)
        await advance(clock, 100)
        hub.report("door", "lock.locked", False)
        await engine.wait_idle()
    assert adapter.writes() == [("lamp", "light.on", True)]


async def test_a_for_hold_survives_a_restart() -> None:
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    store = MemoryStore()
    trigger = PropertyTrigger("door", "lock.locked", to=False, for_=600)
    alarm = Automation(
        "open", "Door unlocked 10 min", (trigger,), actions=(SetStep("lamp", "light.on", True),)
    )
    async with build_hub(clock, RecordingAdapter()) as hub, Engine(hub, [alarm], store=store):
        hub.report("door", "lock.locked", True)
        hub.report("door", "lock.locked", False)
        await advance(clock, 300)
    adapter = RecordingAdapter()
    async with build_hub(clock, adapter) as hub, Engine(hub, [alarm], store=store) as engine:
        await advance(clock, 299)
        assert adapter.writes() == []
        await advance(clock, 2)
        await engine.wait_idle()
    assert adapter.writes() == [("lamp", "light.on", True)]


@pytest.mark.parametrize(("policy", "runs"), [(CatchUp.RUN_ONCE, 1), (CatchUp.SKIP, 0)])
async def test_missed_time_triggers_follow_their_catch_up_policy(
    policy: CatchUp, runs: int
) -> None:
    clock = ManualClock(start=berlin(2026, 6, 1, 6, 0))
    store = MemoryStore()
    wake = Automation(
        "wake",
        "Wake up",
        (TimeTrigger(time(7, 0), catch_up=policy),),
        actions=(SetStep("lamp", "light.on", True),),
    )
    async with build_hub(clock, RecordingAdapter()) as hub, Engine(hub, [wake], store=store):
        await advance(clock, 1800)
    await advance(clock, 3 * 86400)  # down over three 07:00s
    adapter = RecordingAdapter()
    async with build_hub(clock, adapter) as hub, Engine(hub, [wake], store=store) as engine:
        await advance(clock, 0)
        await engine.wait_idle()
        assert len(adapter.writes()) == runs
        (evaluation,) = engine.traces.evaluations("wake")
        expected = ReasonCode.CAUGHT_UP if runs else ReasonCode.MISSED_SKIPPED
        assert evaluation.reason.code is expected
        assert "2026-06-01 07:00" in explain(evaluation)
        await advance(clock, 86400)  # and the schedule goes on as usual
        await engine.wait_idle()
        assert len(adapter.writes()) == runs + 1


async def test_pending_of_another_version_is_dropped() -> None:
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    store = MemoryStore()
    async with build_hub(clock, RecordingAdapter()) as hub, Engine(hub, [LATER], store=store) as e:
        e.fire("later")
        await advance(clock, 60)
    edited = Automation(LATER.id, LATER.name, LATER.triggers, actions=LATER.actions, version=2)
    adapter = RecordingAdapter()
    async with build_hub(clock, adapter) as hub, Engine(hub, [edited], store=store):
        await advance(clock, 3600)
    assert adapter.writes() == []
    assert await store.load() == []


async def test_json_store_writes_a_readable_file_atomically(tmp_path: Path) -> None:
    path = tmp_path / "state" / "pending.json"
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    async with (
        build_hub(clock, RecordingAdapter()) as hub,
        Engine(hub, [LATER], store=JsonFileStore(path)) as engine,
    ):
        engine.fire("later")
        await advance(clock, 1)
    data = json.loads(path.read_text(encoding="utf-8"))
    (record,) = data["pending"]
    assert record["kind"] == "delay"
    assert record["automation_id"] == "later"
    assert record["due"] == berlin(2026, 6, 1, 12, 10)
    assert [p.name for p in path.parent.iterdir()] == ["pending.json"]  # no temp file left


class StuckAdapter(RecordingAdapter):
    """A device that never answers: a command stays in flight until the hub gives up."""

    async def send(self, command: Command) -> CommandResult:
        self.sent.append(command)
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


async def test_a_stop_during_a_command_resumes_after_the_last_wait() -> None:
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    store = MemoryStore()
    door = PropertyTrigger("door", "lock.locked", to=False)
    arrive = Automation(
        "arrive",
        "Arrive",
        (ManualTrigger(),),
        actions=(
            WaitStep((door,), timeout=300),
            SetStep("lamp", "light.on", True),
            DelayStep(60),
            SetStep("plug", "switch.on", True),
        ),
    )
    stuck = StuckAdapter()
    async with build_hub(clock, stuck) as hub, Engine(hub, [arrive], store=store) as engine:
        hub.report("door", "lock.locked", True)
        engine.fire("arrive")
        await advance(clock, 10)
        hub.report("door", "lock.locked", False)  # the wait ends; the lamp command hangs
        await advance(clock, 0)
        assert len(stuck.sent) == 1
    adapter = RecordingAdapter()
    async with build_hub(clock, adapter) as hub, Engine(hub, [arrive], store=store) as engine:
        await advance(clock, 0)
        # No second wait for the door: the lamp command is sent again, then the delay runs.
        assert adapter.writes() == [("lamp", "light.on", True)]
        await advance(clock, 60)
        await engine.wait_idle()
        (run,) = engine.runs("arrive")
        assert run.steps[0].result == "ended before the restart"
    assert adapter.writes() == [("lamp", "light.on", True), ("plug", "switch.on", True)]
    assert await store.load() == []
