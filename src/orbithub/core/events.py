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
    "AutomationRun",
    "CommandDecided",
    "CommandKind",
    "CommandSent",
    "CommandVerdict",
    "DeviceEvent",
    "DeviceOnline",
    "HubEvent",
    "NotificationRequested",
    "PresenceChanged",
    "PropertyChanged",
    "RegistryChanged",
    "RegistryKind",
    "UserMessage",
    "ZoneChanged",
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


class CommandVerdict(StrEnum):
    """Whether the guarded command entry let a command through to its device."""

    ACCEPTED = "accepted"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class CommandDecided:
    """One command from any origin, once its fate is known: published exactly once per command.

    The audit log is written from these. An accepted command was handed to the device's adapter
    (``result`` says how it ended: ``confirmed``, ``unconfirmed``, ``unavailable``); a refused one
    never left the hub (``forbidden``, ``confirmation_required``, ``awaiting_approval``,
    ``rejected`` for a value or path the spec refuses).

    Attributes:
        actor: who asked, as the audit log names them (a user name, ``automation:<id>``,
            ``system``).
        via: the way in (``app``, ``integration token``, ``assistant``, ``automation``,
            ``control socket``, ``home assistant``, ``companion``, ``charging``...).
        arguments: the value (``value``) or the action's arguments, as sent or as asked.
        message: the device's answer, or why it was refused.
    """

    seq: int
    time: float
    space_id: str
    device_id: str
    kind: CommandKind
    path: str
    arguments: tuple[tuple[str, Value], ...]
    verdict: CommandVerdict
    result: str
    actor: str
    via: str
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


@dataclass(frozen=True, slots=True)
class ZoneChanged:
    """A tracked device (a phone, a vehicle's tracker) entered or left a space's geofence.

    Attributes:
        space_id: the space whose geofence was crossed (not the device's own space).
        device_id: the device that moved.
        entered: True on arrival, False on departure.
        distance_m: the device's distance from the space's location when it was decided.
    """

    seq: int
    time: float
    space_id: str
    device_id: str
    entered: bool
    distance_m: float
    context: Context


@dataclass(frozen=True, slots=True)
class PresenceChanged:
    """A person arrived at or left a space (decided from all their phones, with hysteresis).

    Attributes:
        space_id: the space.
        person: the person (the ``owner`` of their devices, which is their user name).
        present: True on arrival, False on departure.
        people_present: everyone present in the space after this change, sorted.
    """

    seq: int
    time: float
    space_id: str
    person: str
    present: bool
    people_present: tuple[str, ...]
    context: Context


@dataclass(frozen=True, slots=True)
class NotificationRequested:
    """Someone (an automation, an alert) asks for people to be told something.

    Attributes:
        space_id: the space it is about; who may see it follows from access to that space.
        recipients: person/user names; empty means everyone with access to the space.
        title: a short headline.
        message: the text.
        severity: ``info``, ``warning`` or ``critical``.
        tag: a key that replaces an earlier notification with the same tag (``door-open``).
    """

    seq: int
    time: float
    space_id: str
    recipients: tuple[str, ...]
    title: str
    message: str
    severity: str
    tag: str
    context: Context


@dataclass(frozen=True, slots=True)
class UserMessage:
    """A message for the live connections (WebSocket) of some users, such as a notification.

    The WebSocket forwards ``{"type": kind, **payload}`` to every connection of a recipient.
    """

    seq: int
    time: float
    space_id: str
    recipients: tuple[str, ...]
    kind: str
    payload: tuple[tuple[str, object], ...]
    context: Context


@dataclass(frozen=True, slots=True)
class AutomationRun:
    """An automation run finished (or was refused); its trace is kept by the engine.

    Attributes:
        automation_id: the automation.
        run_id: the run, to fetch its trace.
        outcome: ``done``, ``failed``, ``refused`` or ``cancelled``.
        message: a one-line summary of the outcome.
    """

    seq: int
    time: float
    space_id: str
    automation_id: str
    run_id: str
    outcome: str
    message: str
    context: Context


HubEvent: TypeAlias = (
    PropertyChanged
    | DeviceEvent
    | DeviceOnline
    | CommandSent
    | CommandDecided
    | RegistryChanged
    | ZoneChanged
    | PresenceChanged
    | NotificationRequested
    | UserMessage
    | AutomationRun
)
