"""Automations run with their owner's current rights; household ones with the system's."""

from __future__ import annotations

from dataclasses import dataclass, field

from orbithub.automation import Engine, ReasonCode, RunStatus, explain
from orbithub.automation.model import (
    Automation,
    DelayStep,
    ManualTrigger,
    NotifyStep,
    PropertyTrigger,
    RunStep,
    SetStep,
)
from orbithub.automation.owners import ANY_DEVICE, Need, Rights, Touch, reach, template_reads
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Device

from .conftest import RecordingAdapter, advance


@dataclass
class Granted:
    """A user's rights: the devices they may see and those they may command."""

    username: str
    seen: set[str] = field(default_factory=set)
    controlled: set[str] = field(default_factory=set)

    def can_view_device(self, device: Device) -> bool:
        return device.id in self.seen

    def can_control_device(self, device: Device) -> bool:
        return device.id in self.controlled

    def can_view_space(self, space_id: str) -> bool:
        return bool(self.seen)


class Accounts:
    """Users by id, looked up the way the hub looks up its accounts."""

    def __init__(self, **users: Granted) -> None:
        self.users = users

    async def rights(self, user_id: str) -> Rights | None:
        return self.users.get(user_id)


def owned(aid: str, *steps: SetStep | DelayStep | NotifyStep, owner: str = "u-mei") -> Automation:
    return Automation(aid, aid, (ManualTrigger(),), actions=steps, owner=owner)


def test_templates_name_the_devices_they_read() -> None:
    assert template_reads("{{ state('phone-alex', 'location.latitude') }}") == (
        {"phone-alex"},
        False,
    )
    assert template_reads("{{ state(trigger.device, 'light.on') }}") == (set(), True)
    assert template_reads("{% set s = state %}{{ s('x', 'y') }}") == (set(), True)
    assert template_reads("no template") == (set(), False)


def test_reach_lists_what_an_automation_reads_and_commands() -> None:
    automation = Automation(
        "a",
        "a",
        (PropertyTrigger("motion", "motion-sensor.motion-detected"),),
        actions=(
            SetStep("lamp", "light.brightness", "{{ state('temp', 'x') }}"),
            NotifyStep("t", "{{ state(trigger.device, 'x') }}"),
        ),
    )
    assert reach(automation, lambda _: None) == [
        Touch("triggers[0]", Need.READ, "motion"),
        Touch("actions[0]", Need.CONTROL, "lamp"),
        Touch("actions[0].value", Need.READ, "temp"),
        Touch("actions[1]", Need.READ, ANY_DEVICE),
    ]


def test_starting_another_automation_counts_as_doing_what_it_does() -> None:
    unlock = Automation(
        "unlock", "unlock", (ManualTrigger(),), actions=(SetStep("door", "lock.locked", False),)
    )
    loop = Automation(
        "loop", "loop", (ManualTrigger(),), actions=(RunStep("loop"), RunStep("unlock"))
    )
    found = {a.id: a for a in (unlock, loop)}
    assert reach(loop, lambda _: None, found.get) == [
        Touch("actions[1] (automation unlock): actions[0]", Need.CONTROL, "door"),
    ]


async def test_a_run_is_refused_once_the_owner_lost_the_grant(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    mei = Granted("mei", {"lamp"}, {"lamp"})
    accounts = Accounts(**{"u-mei": mei})
    async with Engine(hub, [owned("lamp-on", SetStep("lamp", "light.on", True))]) as engine:
        engine.rights = accounts.rights
        engine.fire("lamp-on")
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.on", True)]
        mei.seen.clear()
        mei.controlled.clear()
        engine.fire("lamp-on")
        await engine.wait_idle()
    assert len(adapter.writes()) == 1
    refused = engine.runs("lamp-on")[-1]
    assert refused.status is RunStatus.REFUSED
    assert "its owner mei may see" in (refused.error or "")
    (why,) = engine.why("lamp-on")
    assert why.reason.code is ReasonCode.OWNER_REFUSED
    assert "no device 'lamp' that its owner mei may see" in explain(why)
    assert "没有其所有者 mei 可查看的设备 'lamp'" in explain(why, "zh")


async def test_a_grant_revoked_during_a_delay_stops_the_next_command(
    hub: Hub, adapter: RecordingAdapter, clock: ManualClock
) -> None:
    mei = Granted("mei", {"lamp", "plug"}, {"lamp", "plug"})
    automation = owned(
        "later",
        SetStep("lamp", "light.on", True),
        DelayStep(60),
        SetStep("plug", "switch.on", True),
    )
    async with Engine(hub, [automation]) as engine:
        engine.rights = Accounts(**{"u-mei": mei}).rights
        engine.fire("later")
        await advance(clock, 10)
        mei.controlled.discard("plug")
        await advance(clock, 60)
        await engine.wait_idle()
    assert adapter.writes() == [("lamp", "light.on", True)]
    (run,) = engine.runs("later")
    assert run.status is RunStatus.REFUSED
    assert run.steps[-1].error == (
        "refused: its owner mei may not control device 'plug' (Plug); ask an owner for a grant"
    )


async def test_a_template_may_not_read_what_the_owner_cannot_see(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    mei = Granted("mei", {"lamp"}, {"lamp"})
    peek = owned("peek", SetStep("lamp", "light.brightness", "{{ state(trigger.x, 'y') }}"))
    async with Engine(hub, [peek]) as engine:
        engine.rights = Accounts(**{"u-mei": mei}).rights
        engine.fire("peek", data={"kind": "manual", "x": "door"})
        await engine.wait_idle()
    (run,) = engine.runs("peek")
    assert run.status is RunStatus.REFUSED
    assert "computes which device state() reads, and its owner mei" in (run.error or "")
    assert adapter.writes() == []


async def test_household_automations_and_deleted_owners(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    household = owned("house", SetStep("door", "lock.locked", True), owner="u-alex")
    household = Automation(
        household.id, household.id, household.triggers, actions=household.actions, household=True
    )
    orphan = owned("orphan", SetStep("lamp", "light.on", True), owner="u-gone")
    async with Engine(hub, [household, orphan]) as engine:
        engine.rights = Accounts().rights
        engine.fire("house")
        engine.fire("orphan")
        await engine.wait_idle()
    assert adapter.writes() == [("door", "lock.locked", True)]
    assert engine.runs("house")[-1].status is RunStatus.DONE
    assert "account no longer exists" in (engine.runs("orphan")[-1].error or "")


async def test_an_owned_automation_without_a_way_to_check_rights_is_refused(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    async with Engine(hub, [owned("mine", SetStep("lamp", "light.on", True))]) as engine:
        engine.fire("mine")
        await engine.wait_idle()
    assert adapter.writes() == []
    assert engine.runs("mine")[-1].status is RunStatus.REFUSED
