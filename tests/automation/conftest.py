"""A Berlin home with a lamp, a motion sensor, a thermometer, a lock and a plug on a manual clock.

The adapter records every command and echoes writes back as reports, as a real device would.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from orbithub.core.adapter import AdapterHost, CallAction, Command, CommandResult, SetProperty
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Room, Space, SpaceKind
from orbithub.spec.library import device_type

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> float:
    """Epoch seconds of a wall time in Berlin."""
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN).timestamp()


class RecordingAdapter:
    """Remembers commands; echoes writes back as reports (unless ``echo`` is off)."""

    name = "test"

    def __init__(self) -> None:
        self.sent: list[Command] = []
        self.host: AdapterHost | None = None
        self.echo = True

    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        self.host = host

    async def stop(self) -> None:
        self.host = None

    async def send(self, command: Command) -> CommandResult:
        self.sent.append(command)
        if isinstance(command, SetProperty) and self.host is not None and self.echo:
            self.host.report(command.device.id, command.prop.path, command.value)
        if isinstance(command, CallAction):
            return CommandResult(True, {}, "ran")
        return CommandResult(True)

    def writes(self) -> list[tuple[str, str, object]]:
        """The property writes sent, as (device, path, value)."""
        return [
            (c.device.id, c.prop.path, c.value) for c in self.sent if isinstance(c, SetProperty)
        ]


def build_hub(clock: ManualClock, adapter: RecordingAdapter) -> Hub:
    """A hub with the test home (not started)."""
    hub = Hub(clock=clock, command_timeout=1.0)
    hub.add_space(Space("home", "Home", SpaceKind.HOME, 52.52, 13.405, "Europe/Berlin"))
    hub.add_room(Room("hall", "home", "Hallway"))
    for device_id, kind in (
        ("lamp", "light"),
        ("motion", "motion-sensor"),
        ("temp", "temperature-humidity-sensor"),
        ("door", "lock"),
        ("plug", "switch"),
    ):
        hub.add_device(
            Device(device_id, device_id.title(), device_type(kind), "home", "test", "hall")
        )
    hub.add_adapter(adapter)
    return hub


async def settle(rounds: int = 30) -> None:
    """Let ready tasks run (runs are tasks; a report reaches them a few loop turns later)."""
    for _ in range(rounds):
        await asyncio.sleep(0)


@pytest.fixture
def clock() -> ManualClock:
    # A Monday noon in June, Berlin summer time.
    return ManualClock(start=berlin(2026, 6, 1, 12, 0))


@pytest.fixture
def adapter() -> RecordingAdapter:
    return RecordingAdapter()


@pytest.fixture
async def hub(clock: ManualClock, adapter: RecordingAdapter) -> AsyncIterator[Hub]:
    async with build_hub(clock, adapter) as running:
        yield running


async def advance(clock: ManualClock, seconds: float) -> None:
    """Move the clock on, after letting new timers start sleeping, and let woken runs go on."""
    await settle()
    await clock.advance(seconds)
    await settle()
