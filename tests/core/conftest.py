"""A hub with one home, a dimmable light and a door lock, and an adapter that records commands."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from orbithub.core.adapter import AdapterHost, CallAction, Command, CommandResult, SetProperty
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Room, Space, SpaceKind
from orbithub.spec.model import (
    Access,
    Action,
    DeviceType,
    Event,
    Format,
    Property,
    Service,
    Urn,
    ValueListItem,
    ValueRange,
)

RWN = frozenset({Access.READ, Access.WRITE, Access.NOTIFY})
RN = frozenset({Access.READ, Access.NOTIFY})


def _urn(kind: str, name: str) -> Urn:
    return Urn("miot-spec-v2", kind, name, "00000001", "test-model", "1")


def light_type() -> DeviceType:
    return DeviceType.create(
        _urn("device", "light"),
        "Test light",
        [
            Service(
                2,
                _urn("service", "light"),
                "Light",
                (
                    Property(1, _urn("property", "on"), "Switch", Format.BOOL, RWN),
                    Property(
                        2,
                        _urn("property", "brightness"),
                        "Brightness",
                        Format.UINT8,
                        RWN,
                        "percentage",
                        ValueRange(1, 100, 1),
                    ),
                    Property(
                        3,
                        _urn("property", "mode"),
                        "Mode",
                        Format.UINT8,
                        RWN,
                        None,
                        None,
                        (ValueListItem(0, "Day"), ValueListItem(1, "Night")),
                    ),
                    Property(
                        4,
                        _urn("property", "temperature"),
                        "Temp",
                        Format.FLOAT,
                        RN,
                        "celsius",
                        ValueRange(-40, 100, 0.1),
                    ),
                    Property(
                        5,
                        _urn("property", "target"),
                        "Target",
                        Format.FLOAT,
                        RWN,
                        "celsius",
                        ValueRange(16, 31, 0.5),
                    ),
                ),
                (Action(1, _urn("action", "toggle"), "Toggle"),),
            ),
        ],
    )


def lock_type() -> DeviceType:
    return DeviceType.create(
        _urn("device", "lock"),
        "Test lock",
        [
            Service(
                2,
                _urn("service", "lock"),
                "Lock",
                (
                    Property(1, _urn("property", "locked"), "Locked", Format.BOOL, RWN),
                    Property(
                        2,
                        _urn("property", "operation-method"),
                        "Method",
                        Format.UINT8,
                        frozenset(),
                        None,
                        None,
                        (ValueListItem(0, "Key"), ValueListItem(1, "App")),
                    ),
                    Property(
                        3,
                        _urn("property", "duration"),
                        "Hold",
                        Format.UINT16,
                        frozenset({Access.WRITE}),
                        "seconds",
                        ValueRange(1, 60, 1),
                    ),
                ),
                (Action(1, _urn("action", "unlock-for"), "Unlock for", in_=(3,)),),
                (Event(1, _urn("event", "unlocked"), "Unlocked", arguments=(2,)),),
            ),
        ],
    )


class RecordingAdapter:
    """Delivers commands to nobody, remembers them, and echoes writes back as reports."""

    name = "test"

    def __init__(self, *, confirm: bool = True, delay: float = 0.0) -> None:
        self.sent: list[Command] = []
        self.confirm = confirm
        self.delay = delay
        self.host: AdapterHost | None = None
        self.started = False
        self.stopped = False

    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        self.host = host
        self.started = True

    async def stop(self) -> None:
        self.stopped = True

    async def send(self, command: Command) -> CommandResult:
        if self.delay:
            await asyncio.sleep(self.delay)
        self.sent.append(command)
        if isinstance(command, SetProperty) and self.host is not None and self.confirm:
            self.host.report(command.device.id, command.prop.path, command.value)
        if isinstance(command, CallAction):
            return CommandResult(True, {}, "ran")
        return CommandResult(self.confirm, {}, "" if self.confirm else "no ack")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(start=1_750_000_000.0)


@pytest.fixture
def adapter() -> RecordingAdapter:
    return RecordingAdapter()


@pytest.fixture
async def hub(clock: ManualClock, adapter: RecordingAdapter) -> AsyncIterator[Hub]:
    hub = Hub(clock=clock, command_timeout=0.5)
    hub.add_space(Space("home", "Home", SpaceKind.HOME, 39.9, 116.4, "Asia/Shanghai", ("家",)))
    hub.add_room(Room("hall", "home", "Hallway", ("玄关",)))
    hub.add_device(Device("lamp", "Lamp", light_type(), "home", "test", "hall", ("台灯",)))
    hub.add_device(Device("door", "Front door", lock_type(), "home", "test", "hall"))
    hub.add_adapter(adapter)
    async with hub:
        yield hub
