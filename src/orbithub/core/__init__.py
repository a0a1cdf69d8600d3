"""The hub core: registry, current state, event bus and the command path."""

from orbithub.core.adapter import (
    Adapter,
    AdapterHost,
    CallAction,
    Command,
    CommandResult,
    SetProperty,
)
from orbithub.core.bus import Bus, Overflow, Subscription
from orbithub.core.clock import Clock, ManualClock, ScaledClock, SystemClock
from orbithub.core.commands import CommandPort
from orbithub.core.context import Context, Origin
from orbithub.core.errors import (
    AdapterUnavailableError,
    CoreError,
    DuplicateIdError,
    UnknownDeviceError,
    UnknownRoomError,
    UnknownSpaceError,
)
from orbithub.core.events import (
    AutomationRun,
    CommandDecided,
    CommandKind,
    CommandSent,
    CommandVerdict,
    DeviceEvent,
    DeviceOnline,
    HubEvent,
    NotificationRequested,
    PresenceChanged,
    PropertyChanged,
    RegistryChanged,
    RegistryKind,
    UserMessage,
    ZoneChanged,
)
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Registry, Room, Space, SpaceKind
from orbithub.core.state import PropertyState, State

__all__ = [
    "Adapter",
    "AdapterHost",
    "AdapterUnavailableError",
    "AutomationRun",
    "Bus",
    "CallAction",
    "Clock",
    "Command",
    "CommandDecided",
    "CommandKind",
    "CommandPort",
    "CommandResult",
    "CommandSent",
    "CommandVerdict",
    "Context",
    "CoreError",
    "Device",
    "DeviceEvent",
    "DeviceOnline",
    "DuplicateIdError",
    "Hub",
    "HubEvent",
    "ManualClock",
    "NotificationRequested",
    "Origin",
    "Overflow",
    "PresenceChanged",
    "PropertyChanged",
    "PropertyState",
    "Registry",
    "RegistryChanged",
    "RegistryKind",
    "Room",
    "ScaledClock",
    "SetProperty",
    "Space",
    "SpaceKind",
    "State",
    "Subscription",
    "SystemClock",
    "UnknownDeviceError",
    "UnknownRoomError",
    "UnknownSpaceError",
    "UserMessage",
    "ZoneChanged",
]
