"""The guarded command entry over a running hub with the simulated demo devices."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from orbithub.access import (
    Actor,
    CommandRefused,
    Commands,
    Principal,
    Refusal,
    Via,
)
from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.core.clock import ManualClock
from orbithub.core.context import Context, Origin
from orbithub.core.events import CommandDecided, CommandVerdict, HubEvent
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Registry
from orbithub.spec.errors import ValueRejected
from orbithub.storage.users import Grant, Role, User

T0 = 1_800_000_000.0


@dataclass
class People:
    """Who exists, with which grants: what an automation owner's rights are looked up in."""

    grants: dict[str, list[Grant]] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)

    async def __call__(self, user_id: str) -> Principal | None:
        if user_id not in self.roles:
            return None
        user = User(user_id, user_id, user_id, self.roles[user_id], "en", "x", 0.0)
        return Principal.build(user, self.grants.get(user_id, []), now=T0)


@dataclass
class Awaiting:
    """Devices held back for approval."""

    ids: set[str] = field(default_factory=set)

    def awaiting(self, device: Device) -> bool:
        return device.id in self.ids


@contextlib.asynccontextmanager
async def running() -> AsyncIterator[Hub]:
    """The demo world on simulated devices (entered and left in the test's own task)."""
    clock = ManualClock(T0)
    world = demo_world()
    registry = Registry()
    registry.load(world.spaces, world.rooms, world.devices)
    hub = Hub(clock=clock, registry=registry)
    hub.add_adapter(SimAdapter(clock=clock, routines=False, tick=3600.0))
    async with hub:
        yield hub


def _decided(hub: Hub) -> list[CommandDecided]:
    seen: list[CommandDecided] = []

    def keep(event: HubEvent) -> None:
        if isinstance(event, CommandDecided):
            seen.append(event)

    hub.bus.listen(keep)
    return seen


def _grant(space: str, *, rooms: tuple[str, ...] | None = None) -> Grant:
    return Grant("g", "u", space, rooms, None, None, 0.0)


def _person(name: str, role: Role, *grants: Grant) -> Principal:
    return Principal.build(User(name, name, name, role, "en", "x", 0.0), list(grants), now=T0)


async def test_a_person_confirms_before_unlocking_and_each_command_is_decided_once() -> None:
    async with running() as hub:
        commands = Commands(hub)
        decided = _decided(hub)
        mia = Actor.person(_person("mia", Role.ADULT, _grant("home")))
        with pytest.raises(CommandRefused) as refused:
            await commands.set(mia, "front-door-lock", "lock.locked", False)
        assert refused.value.code is Refusal.CONFIRMATION_REQUIRED
        assert hub.state.value("front-door-lock", "lock.locked") is True
        result = await commands.set(mia, "front-door-lock", "lock.locked", False, confirm=True)
        assert result.confirmed
        assert hub.state.value("front-door-lock", "lock.locked") is False
        # Locking again needs no confirmation.
        await commands.set(mia, "front-door-lock", "lock.locked", True)
        assert [(e.verdict, e.result, e.actor, e.via) for e in decided] == [
            (CommandVerdict.REFUSED, "confirmation_required", "mia", "app"),
            (CommandVerdict.ACCEPTED, "confirmed", "mia", "app"),
            (CommandVerdict.ACCEPTED, "confirmed", "mia", "app"),
        ]


async def test_a_child_with_the_whole_home_cannot_open_the_front_door() -> None:
    async with running() as hub:
        commands = Commands(hub)
        decided = _decided(hub)
        kid = Actor.person(_person("kai", Role.CHILD, _grant("home")))
        with pytest.raises(CommandRefused) as refused:
            await commands.set(kid, "front-door-lock", "lock.locked", False, confirm=True)
        assert refused.value.code is Refusal.FORBIDDEN
        assert "security device" in str(refused.value)
        await commands.set(kid, "kitchen-light", "light.on", True)  # the ordinary parts are his
        assert [e.result for e in decided] == ["forbidden", "confirmed"]


async def test_an_automation_acts_with_its_owners_current_rights() -> None:
    async with running() as hub:
        people = People(roles={"ann": Role.ADULT}, grants={"ann": [_grant("home")]})
        commands = Commands(hub, owner_rights=people)
        port = commands.port()
        context = Context(Origin.AUTOMATION, "evening", owner="ann")  # the owner's user id
        # Her grant covers the home, not the office: the run is refused there, and says why.
        with pytest.raises(CommandRefused) as refused:
            await port.set("office-ac", "air-conditioner.on", True, context=context)
        assert "ann" in str(refused.value)
        assert "household" in str(refused.value)
        assert hub.state.value("office-ac", "air-conditioner.on") is not True
        await port.set("kitchen-light", "light.on", True, context=context)
        # The grant is revoked: the same automation is refused at its next command.
        people.grants["ann"] = []
        with pytest.raises(CommandRefused):
            await port.set("kitchen-light", "light.on", False, context=context)
        # Its owner is gone: refused, and the message says what to do.
        del people.roles["ann"]
        with pytest.raises(CommandRefused) as gone:
            await port.set("kitchen-light", "light.on", False, context=context)
        assert "no longer exists" in str(gone.value)


async def test_household_automations_and_the_system_need_no_confirmation() -> None:
    async with running() as hub:
        commands = Commands(hub)
        decided = _decided(hub)
        household = Context(Origin.AUTOMATION, "leaving")
        await commands.port().set("front-door-lock", "lock.locked", False, context=household)
        await commands.set(Actor.system(Via.CHARGING), "front-door-lock", "lock.locked", True)
        assert [(e.actor, e.via, e.result) for e in decided] == [
            ("automation:leaving", "automation", "confirmed"),
            ("system", "charging", "confirmed"),
        ]


async def test_awaiting_approval_only_an_owner_may_command() -> None:
    async with running() as hub:
        waiting = Awaiting({"front-door-lock"})
        commands = Commands(hub, approvals=waiting)
        adult = Actor.person(_person("mia", Role.ADULT, _grant("home")))
        owner = Actor.person(_person("alex", Role.OWNER))
        household = Context(Origin.AUTOMATION, "leaving")
        with pytest.raises(CommandRefused) as refused:
            await commands.set(adult, "front-door-lock", "lock.locked", True)
        assert refused.value.code is Refusal.AWAITING_APPROVAL
        with pytest.raises(CommandRefused):
            await commands.port().set("front-door-lock", "lock.locked", True, context=household)
        await commands.set(owner, "front-door-lock", "lock.locked", False, confirm=True)
        await commands.set(Actor.local("alex"), "front-door-lock", "lock.locked", True)
        waiting.ids.clear()
        await commands.set(adult, "front-door-lock", "lock.locked", True)


async def test_a_refused_value_is_decided_once_and_never_sent() -> None:
    async with running() as hub:
        commands = Commands(hub)
        decided = _decided(hub)
        with pytest.raises(ValueRejected):
            await commands.set(Actor.system(), "kitchen-light", "light.brightness", 1000)
        assert [(e.verdict, e.result) for e in decided] == [(CommandVerdict.REFUSED, "rejected")]
