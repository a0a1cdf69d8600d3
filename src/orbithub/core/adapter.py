"""The seam between the hub and a wire: the Adapter protocol and the commands it carries.

An adapter turns wire messages into typed reports (through :class:`AdapterHost`) and typed
commands into wire messages (through :meth:`Adapter.send`). It works by shape: anything with
these methods is an adapter; nothing inherits from a base class.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from orbithub.core.context import Context
from orbithub.core.registry import Device, Registry, Space
from orbithub.spec.model import Action, Property, Value

__all__ = ["Adapter", "AdapterHost", "CallAction", "Command", "CommandResult", "SetProperty"]


@dataclass(frozen=True, slots=True)
class SetProperty:
    """Write one property; ``value`` has already been checked against the spec."""

    device: Device
    prop: Property
    value: Value
    context: Context


@dataclass(frozen=True, slots=True)
class CallAction:
    """Run one action; ``arguments`` are the action's ``in`` properties with checked values."""

    device: Device
    action: Action
    arguments: tuple[tuple[Property, Value], ...]
    context: Context


Command = SetProperty | CallAction


@dataclass(frozen=True, slots=True)
class CommandResult:
    """What the adapter learned about a command.

    Attributes:
        confirmed: the device acknowledged it (False: sent, but no acknowledgement).
        outputs: an action's ``out`` values by property path, when the device returned them.
        message: a human note (why it was not confirmed, say).
    """

    confirmed: bool
    outputs: Mapping[str, Value] = field(default_factory=dict)
    message: str = ""


class AdapterHost(Protocol):
    """What the hub offers an adapter.

    Every method is loop only and never raises on bad input: it logs the problem once at
    WARNING, keeps the last good state, and returns False.
    """

    @property
    def registry(self) -> Registry:
        """The hub's spaces, rooms and devices."""
        ...

    def now(self) -> float:
        """The hub clock's current time, in epoch seconds."""
        ...

    def report(
        self, device_id: str, address: str, value: object, *, timestamp: float | None = None
    ) -> bool:
        """A device reported one property (``address`` is ``siid.piid`` or a readable path).

        ``timestamp`` is the device's own time for the reading, when it has one; a reading older
        than the last one applied for that property is dropped as stale, so replays and
        at-least-once delivery are harmless. Returns whether the value was accepted.
        """
        ...

    def report_many(
        self, device_id: str, values: Mapping[str, object], *, timestamp: float | None = None
    ) -> int:
        """A device reported several properties at once; returns how many were accepted."""
        ...

    def report_event(self, device_id: str, address: str, arguments: Mapping[str, object]) -> bool:
        """A device reported an event of its spec, with argument values by piid or name."""
        ...

    def set_online(self, device_id: str, online: bool) -> None:
        """A device's availability changed."""
        ...

    def add_device(
        self, device: Device, *, replace: bool = False, context: Context | None = None
    ) -> None:
        """Add a device the adapter discovered (``replace`` updates a known one).

        Raises:
            UnknownSpaceError: its space does not exist.
            UnknownRoomError: its room does not exist or is in another space.
            DuplicateIdError: a device with that id exists and ``replace`` is False.
        """
        ...

    def add_space(
        self, space: Space, *, replace: bool = False, context: Context | None = None
    ) -> None:
        """Add a space the adapter discovered: a car it learnt of is a vehicle space of its own.

        Raises:
            DuplicateIdError: a space with that id exists and ``replace`` is False.
        """
        ...

    def remove_device(self, device_id: str, *, context: Context | None = None) -> Device:
        """Remove a device that left (its history stays).

        Raises:
            UnknownDeviceError: no such device.
        """
        ...


class Adapter(Protocol):
    """A wire: simulated devices, MQTT, the phone companion API."""

    @property
    def name(self) -> str:
        """The adapter's name, as devices record it in ``Device.adapter``."""
        ...

    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        """Connect and start long-lived work as tasks in ``tasks``; return once ready."""
        ...

    async def stop(self) -> None:
        """Close connections cleanly; the hub cancels the tasks afterwards."""
        ...

    async def send(self, command: Command) -> CommandResult:
        """Deliver a command to the device; raise an OrbitHubError when it cannot be sent."""
        ...
