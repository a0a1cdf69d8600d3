"""Triggers as a user notices them: the lamp turns on when (and only when) it should."""

from __future__ import annotations

from datetime import datetime, time

from orbithub.automation import Engine, ReasonCode, explain
from orbithub.automation.model import (
    Automation,
    CronTrigger,
    EventTrigger,
    OnlineTrigger,
    PropertyTrigger,
    SetStep,
    SunEvent,
    SunTrigger,
    TimeTrigger,
    Trigger,
)
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub

from .conftest import BERLIN, RecordingAdapter, advance, berlin, settle

LAMP_ON = (SetStep("lamp", "light.on", True),)


def lamp_when(*triggers: Trigger) -> Automation:
    return Automation("lamp-on", "Lamp on", tuple(triggers), actions=LAMP_ON)


async def test_property_to_fires_on_the_change_only(hub: Hub, adapter: RecordingAdapter) -> None:
    automation = lamp_when(PropertyTrigger("motion", "motion-sensor.motion-state", to=True))
    async with Engine(hub, [automation]) as engine:
        hub.report("motion", "motion-sensor.motion-state", False)
        await settle()
        assert adapter.writes() == []
        hub.report("motion", "motion-sensor.motion-state", True)
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.on", True)]
        assert hub.state.value("lamp", "light.on") is True
        why = engine.why("lamp-on")
        assert [e.reason.code for e in why] == [ReasonCode.NOT_MATCHED]
        assert "became false" in explain(why[0])


async def test_property_by_ids_matches_the_readable_path(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    prop = hub.registry.device("motion").spec.property("motion-sensor.motion-state")
    automation = lamp_when(PropertyTrigger("motion", prop.ids, to=True))
    async with Engine(hub, [automation]) as engine:
        hub.report("motion", "motion-sensor.motion-state", True)
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.on", True)]


async def test_above_fires_on_crossing_not_on_every_hot_report(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    trigger = PropertyTrigger("temp", "temperature-humidity-sensor.temperature", above=25)
    automation = Automation("fan", "Fan", (trigger,), actions=(SetStep("plug", "switch.on", True),))
    async with Engine(hub, [automation]) as engine:
        for value in (24.0, 26.0, 27.0, 28.0):
            hub.report("temp", "temperature-humidity-sensor.temperature", value)
            await engine.wait_idle()
        assert len(adapter.writes()) == 1
        reasons = [explain(e) for e in engine.why("fan")]
        assert any("already 26" in r for r in reasons)


async def test_for_duration_waits_and_cancels(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    trigger = PropertyTrigger("door", "lock.locked", to=False, for_=300)
    alarm = Automation("left-open", "Door left unlocked", (trigger,), actions=LAMP_ON)
    async with Engine(hub, [alarm]) as engine:
        hub.report("door", "lock.locked", True)
        hub.report("door", "lock.locked", False)
        await advance(clock, 200)
        hub.report("door", "lock.locked", True)  # locked again in time: nothing happens
        await advance(clock, 600)
        assert adapter.writes() == []
        assert engine.why("left-open")[-1].reason.code is ReasonCode.FOR_CANCELLED
        hub.report("door", "lock.locked", False)
        await advance(clock, 299)
        assert adapter.writes() == []
        await advance(clock, 2)
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.on", True)]


async def test_device_event_and_online_triggers(hub: Hub, adapter: RecordingAdapter) -> None:
    motion = lamp_when(EventTrigger("motion", "motion-sensor.motion-detected"))
    gone = Automation(
        "plug-gone",
        "Plug offline",
        (OnlineTrigger("plug", online=False),),
        actions=(SetStep("lamp", "light.brightness", 10),),
    )
    async with Engine(hub, [motion, gone]) as engine:
        hub.report_event("motion", "motion-sensor.motion-detected", {})
        await engine.wait_idle()
        hub.set_online("plug", True)
        hub.set_online("plug", False)
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.on", True), ("lamp", "light.brightness", 10)]


async def test_time_of_day_in_the_space_timezone_over_days(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    automation = lamp_when(TimeTrigger(time(19, 2)))
    async with Engine(hub, [automation]) as engine:
        await advance(clock, 7 * 3600 + 60)  # 19:01 Berlin
        assert adapter.writes() == []
        await advance(clock, 60)
        await engine.wait_idle()
        assert len(adapter.writes()) == 1
        await advance(clock, 3 * 86400)
        await engine.wait_idle()
        runs = engine.runs("lamp-on")
        assert [datetime.fromtimestamp(r.started, BERLIN).strftime("%d %H:%M") for r in runs] == [
            "01 19:02",
            "02 19:02",
            "03 19:02",
            "04 19:02",
        ]


async def test_time_trigger_across_spring_dst_change(adapter: RecordingAdapter) -> None:
    from .conftest import build_hub

    clock = ManualClock(start=berlin(2026, 3, 27, 12, 0))
    wake = lamp_when(TimeTrigger(time(7, 0)))
    gap = Automation("gap", "In the gap", (TimeTrigger(time(2, 30)),), actions=LAMP_ON)
    cron = Automation("cron", "Cron", (CronTrigger("0 7 * * *"),), actions=LAMP_ON)
    async with build_hub(clock, adapter) as hub, Engine(hub, [wake, gap, cron]) as engine:
        await advance(clock, 4 * 86400)
        await engine.wait_idle()

        def local(aid: str) -> list[str]:
            return [
                datetime.fromtimestamp(r.started, BERLIN).strftime("%m-%d %H:%M %Z")
                for r in engine.runs(aid)
            ]

        # 07:00 local every day, whether the offset is +1 (CET) or +2 (CEST).
        expected = ["03-28 07:00 CET", "03-29 07:00 CEST", "03-30 07:00 CEST", "03-31 07:00 CEST"]
        assert local("lamp-on") == expected
        assert local("cron") == expected
        # 02:30 does not exist on 29 March: it fires once that day, an hour later on the clock.
        assert local("gap") == [
            "03-28 02:30 CET",
            "03-29 03:30 CEST",
            "03-30 02:30 CEST",
            "03-31 02:30 CEST",
        ]


async def test_sunset_with_offset(hub: Hub, clock: ManualClock, adapter: RecordingAdapter) -> None:
    automation = lamp_when(SunTrigger(SunEvent.SUNSET, offset=-1800))
    async with Engine(hub, [automation]) as engine:
        await advance(clock, 12 * 3600)
        await engine.wait_idle()
        (run,) = engine.runs("lamp-on")
        fired = datetime.fromtimestamp(run.started, BERLIN)
        # Berlin's sunset on 1 June is about 21:18 summer time; half an hour before it:
        assert "20:44" <= fired.strftime("%H:%M") <= "20:52"


async def test_a_repeated_hour_in_autumn_fires_once(adapter: RecordingAdapter) -> None:
    from .conftest import build_hub

    clock = ManualClock(start=berlin(2026, 10, 24, 12, 0))
    automation = lamp_when(TimeTrigger(time(2, 30)))
    async with build_hub(clock, adapter) as hub, Engine(hub, [automation]) as engine:
        await advance(clock, 3 * 86400)
        await engine.wait_idle()
        fired = [
            datetime.fromtimestamp(r.started, BERLIN).strftime("%m-%d %H:%M %Z")
            for r in engine.runs("lamp-on")
        ]
    # 02:30 happens twice on 25 October (summer time, then winter time): one run, the first.
    assert fired == ["10-25 02:30 CEST", "10-26 02:30 CET", "10-27 02:30 CET"]
