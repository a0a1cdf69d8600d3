"""The OrbitHub device protocol's message kinds and types, its error, and the JSON field checks.

The types are what :mod:`orbithub.adapters.mqtt.protocol` encodes and decodes; they live here so
that module stays about topics and bytes. Every check raises :class:`ProtocolError` naming the
topic, so a caller at the edge catches one exception for anything a device may send.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from orbithub.errors import OrbitHubError
from orbithub.spec.model import DeviceType, Value

__all__ = [
    "DEFAULT_PREFIX",
    "HUB_SUBSCRIBED",
    "ID_PATTERN",
    "MAX_PAYLOAD_BYTES",
    "OFFLINE",
    "ONLINE",
    "PROTOCOL_VERSION",
    "QOS",
    "RETAINED",
    "ActionRequest",
    "Announce",
    "EventReport",
    "MessageKind",
    "ProtocolError",
    "Reply",
    "SetRequest",
    "StateReport",
]

PROTOCOL_VERSION = 1
"""The ``protocol`` number an announce carries; a hub refuses versions it does not know."""

MAX_PAYLOAD_BYTES = 64 * 1024
"""Largest payload encoded or decoded. A plug's state is ~100 bytes and a full MIoT spec a few
KiB; anything bigger is a misbehaving device, and parsing it would stall the hub's loop."""

ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What a space or device id looks like: one safe MQTT topic level, never a wildcard."""

DEFAULT_PREFIX = "orbit"
ONLINE = b"online"
OFFLINE = b"offline"


class MessageKind(StrEnum):
    """The last topic level: which message a topic carries."""

    ANNOUNCE = "announce"
    STATE = "state"
    EVENT = "event"
    AVAILABILITY = "availability"
    SET = "set"
    ACTION = "action"
    REPLY = "reply"


HUB_SUBSCRIBED: tuple[MessageKind, ...] = (
    MessageKind.ANNOUNCE,
    MessageKind.STATE,
    MessageKind.EVENT,
    MessageKind.AVAILABILITY,
    MessageKind.REPLY,
)
"""The kinds a device sends and the hub listens to."""

QOS: Mapping[MessageKind, int] = {
    MessageKind.ANNOUNCE: 1,
    MessageKind.STATE: 0,
    MessageKind.EVENT: 1,
    MessageKind.AVAILABILITY: 1,
    MessageKind.SET: 1,
    MessageKind.ACTION: 1,
    MessageKind.REPLY: 1,
}
"""The QoS each kind is published with. State may use 1 too; a lost reading is replaced by the
next one, so 0 is the cheap default. Commands and their replies must arrive: 1."""

RETAINED: frozenset[MessageKind] = frozenset({MessageKind.ANNOUNCE, MessageKind.AVAILABILITY})
"""Kinds published retained, so a hub that (re)starts learns every device at once."""

# Property paths (``light.brightness``), ids (``2.1``), correlation ids, names: generous
# bounds that still keep one hostile message from filling the hub's memory or logs.
_MAX_ADDRESS = 128
_MAX_TEXT = 256
_MAX_ERROR = 1024
_MAX_ITEMS = 256


class ProtocolError(OrbitHubError):
    """A message of the OrbitHub device protocol is malformed, or cannot be encoded.

    Attributes:
        topic: the topic the message came from (or was meant for).
        reason: what was wrong, with the value seen.
    """

    def __init__(self, topic: str, reason: str) -> None:
        self.topic = topic
        self.reason = reason
        super().__init__(f"{topic}: {reason}")


@dataclass(frozen=True, slots=True)
class Announce:
    """A device says what it is (``.../announce``, retained).

    Exactly one of ``model`` (a built-in library key such as ``plug``) and ``spec`` (a full MIoT
    spec v2 device type) is set. ``owner`` names the person a personal device (a phone) belongs
    to, by user name; presence is worked out per owner.
    """

    id: str
    name: str
    model: str | None = None
    spec: DeviceType | None = None
    room: str | None = None
    aliases: tuple[str, ...] = ()
    sw_version: str | None = None
    protocol: int = PROTOCOL_VERSION
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class StateReport:
    """A device reports property values (``.../state``), by readable path or ``siid.piid``.

    ``ts`` (epoch seconds) and ``seq`` order readings: the hub drops a reading older than the
    last one it applied, so replays and at-least-once delivery are harmless.
    """

    values: Mapping[str, Value]
    ts: float | None = None
    seq: int | None = None


@dataclass(frozen=True, slots=True)
class EventReport:
    """A device reports an event of its spec (``.../event``), arguments by name or piid."""

    event: str
    arguments: Mapping[str, Value] = field(default_factory=dict)
    ts: float | None = None


@dataclass(frozen=True, slots=True)
class SetRequest:
    """The hub asks a device to write properties (``.../set``); ``id`` correlates the reply."""

    id: str
    values: Mapping[str, Value]


@dataclass(frozen=True, slots=True)
class ActionRequest:
    """The hub asks a device to run an action, inputs in the order of the action's ``in``."""

    id: str
    action: str
    inputs: tuple[Value, ...] = ()


@dataclass(frozen=True, slots=True)
class Reply:
    """A device answers a set or action request with the same ``id``.

    ``error`` says why when ``ok`` is false; ``outputs`` holds an action's ``out`` values.
    """

    id: str
    ok: bool
    error: str = ""
    outputs: Mapping[str, Value] = field(default_factory=dict)


class Fields:
    """Reads typed fields out of one decoded JSON object; errors name the topic.

    ``Any`` stops here: every getter returns a checked, typed value.
    """

    __slots__ = ("_data", "topic")

    def __init__(self, topic: str, data: object) -> None:
        if not isinstance(data, dict):
            raise ProtocolError(topic, f"expected a JSON object, got {_kind(data)}")
        self.topic = topic
        self._data: dict[str, Any] = data

    def has(self, key: str) -> bool:
        """Whether ``key`` is present and not null."""
        return self._data.get(key) is not None

    def raw(self, key: str) -> object:
        """The raw value at ``key`` (None when absent)."""
        return self._data.get(key)

    def text(self, key: str, *, limit: int = _MAX_TEXT) -> str:
        """A required non-empty string of at most ``limit`` characters."""
        return check_text(self.topic, key, self._data.get(key), limit=limit)

    def optional_text(self, key: str, *, limit: int = _MAX_TEXT) -> str | None:
        """An optional string (absent or null gives None)."""
        if not self.has(key):
            return None
        return self.text(key, limit=limit)

    def address(self, key: str) -> str:
        """A required property/action/event address (``light.on`` or ``2.1``)."""
        return self.text(key, limit=_MAX_ADDRESS)

    def error_text(self, key: str) -> str:
        """An optional error message; may be empty."""
        value = self._data.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str) or len(value) > _MAX_ERROR:
            raise ProtocolError(
                self.topic, f"{key!r} must be text of at most {_MAX_ERROR} characters"
            )
        return value

    def values(self, key: str, *, required: bool) -> dict[str, Value]:
        """A JSON object of addresses to scalar values."""
        raw = self._data.get(key)
        if raw is None and not required:
            return {}
        return check_values(self.topic, key, raw, allow_empty=not required)

    def timestamp(self, key: str) -> float | None:
        """An optional non-negative, finite epoch time in seconds."""
        value = self._data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ProtocolError(self.topic, f"{key!r} must be a number, got {_kind(value)}")
        number = float(value)
        if not math.isfinite(number) or number < 0:
            raise ProtocolError(self.topic, f"{key!r} must be a finite time >= 0, got {value!r}")
        return number

    def sequence(self, key: str) -> int | None:
        """An optional non-negative integer."""
        value = self._data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ProtocolError(self.topic, f"{key!r} must be an integer >= 0, got {value!r}")
        return value

    def flag(self, key: str) -> bool:
        """A required boolean."""
        value = self._data.get(key)
        if not isinstance(value, bool):
            raise ProtocolError(self.topic, f"{key!r} must be true or false, got {_kind(value)}")
        return value


def check_text(topic: str, what: str, value: object, *, limit: int = _MAX_TEXT) -> str:
    """``value`` as a non-empty string of at most ``limit`` characters, or ProtocolError."""
    if not isinstance(value, str) or not value:
        raise ProtocolError(topic, f"{what!r} must be non-empty text, got {_kind(value)}")
    if len(value) > limit:
        raise ProtocolError(topic, f"{what!r} is longer than {limit} characters")
    return value


def check_scalar(topic: str, what: str, value: object) -> Value:
    """A property value on the wire: bool, int, finite float or string; never null or nested.

    The spec check (range, step, format) is the hub's and the device's job; this only keeps
    shapes the model cannot hold out of it.
    """
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        raise ProtocolError(topic, f"{what!r} must be a finite number, got {value!r}")
    raise ProtocolError(topic, f"{what!r} must be a boolean, number or text, got {_kind(value)}")


def check_values(topic: str, what: str, raw: object, *, allow_empty: bool) -> dict[str, Value]:
    """A mapping of addresses to scalar values, or ProtocolError."""
    if not isinstance(raw, Mapping):
        raise ProtocolError(topic, f"{what!r} must be a JSON object, got {_kind(raw)}")
    if not raw and not allow_empty:
        raise ProtocolError(topic, f"{what!r} must hold at least one value")
    if len(raw) > _MAX_ITEMS:
        raise ProtocolError(topic, f"{what!r} holds more than {_MAX_ITEMS} values")
    out: dict[str, Value] = {}
    for key, value in raw.items():
        address = check_text(topic, f"{what} key", key, limit=_MAX_ADDRESS)
        out[address] = check_scalar(topic, f"{what}.{address}", value)
    return out


def check_list(topic: str, what: str, raw: object) -> list[object]:
    """A JSON array of at most a few hundred items, or ProtocolError."""
    if not isinstance(raw, list | tuple):
        raise ProtocolError(topic, f"{what!r} must be a JSON array, got {_kind(raw)}")
    if len(raw) > _MAX_ITEMS:
        raise ProtocolError(topic, f"{what!r} holds more than {_MAX_ITEMS} items")
    return list(raw)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
