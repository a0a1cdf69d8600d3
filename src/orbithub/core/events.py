"""Immutable events the hub publishes on its bus, one per change, with a sequence number.

Every event names its space so that a hub holding many homes (and the recorder, and a phone
watching one room) can route it without looking anything up.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from orbithub.core.context import Context
from orbithub.spec.model import Value

__all__ = [
    "CommandKind",
    "CommandSent",
    "DeviceEvent",
    "DeviceOnline",
    "HubEvent",
    "PropertyChanged",
    "RegistryChanged",
    "RegistryKind",
]


@dataclass(frozen=True, slots=True)
class PropertyChanged:
    """A device reported a new value for one property.

    Attributes:
        seq: the hub's monotonic sequence number.
        time: when the hub applied it (epoch seconds from the hub's clock).
        space_id: the space the device belongs to.
        device_id: the device.
        path: the property's readable path (``light.brightness``).
        value: the new value, already checked against the spec.
        old_value: the previous value, None when the property had none.
        context: who caused it.
    """

    seq: int
    time: float
    space_id: str
    device_id: str
    path: str
    value: Value
    old_value: Value | None
    context: Context


@dataclass(frozen=True, slots=True)
class DeviceEvent:
    """A device reported one of its spec's events (a button press, a door forced open).

    ``arguments`` maps the readable names of the event's argument properties to their values.
    """

    seq: int
    time: float
    space_id: str
    device_id: str
    path: str
    arguments: tuple[tuple[str, Value], ...]
    context: Context


@dataclass(frozen=True, slots=True)
class DeviceOnline:
    """A device went online (``online=True``) or offline."""

    seq: int
    time: float
    space_id: str
    device_id: str
    online: bool
    context: Context


class CommandKind(StrEnum):
    """The two ways to command a device."""

    SET = "set"
    CALL = "call"


@dataclass(frozen=True, slots=True)
class CommandSent:
    """A command was handed to the device's adapter; ``confirmed`` says whether it acked."""

    seq: int
    time: float
    space_id: str
    device_id: str
    kind: CommandKind
    path: str
    arguments: tuple[tuple[str, Value], ...]
    confirmed: bool
    message: str
    context: Context


class RegistryKind(StrEnum):
    """What kind of registry record changed."""

    SPACE = "space"
    ROOM = "room"
    DEVICE = "device"


@dataclass(frozen=True, slots=True)
class RegistryChanged:
    """A space, room or device was added, updated or removed (``removed=True``)."""

    seq: int
    time: float
    space_id: str
    kind: RegistryKind
    record_id: str
    removed: bool
    context: Context


HubEvent: TypeAlias = PropertyChanged | DeviceEvent | DeviceOnline | CommandSent | RegistryChanged
