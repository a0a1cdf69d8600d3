"""Types shared by the MQTT mappings: errors, wire bindings and discovered devices.

A :class:`DiscoveredDevice` pairs the typed model of a device (a
:class:`~orbithub.spec.model.DeviceType`) with its :class:`DeviceBinding`: for every readable
property the topic and how to pull the value out of a message, for every writable property the
topic and how to build the payload. Home Assistant discovery and zigbee2mqtt both produce these,
so the wire code handles every MQTT device the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from orbithub.adapters.mqtt.codecs import Codec, PayloadBuilder
from orbithub.errors import OrbitHubError
from orbithub.spec.model import DeviceType, Value

__all__ = [
    "MAX_PAYLOAD_BYTES",
    "ActionWrite",
    "Availability",
    "AvailabilityMode",
    "AvailabilityTopic",
    "CommandEncodeError",
    "DeviceBinding",
    "DeviceInfo",
    "DiscoveredDevice",
    "DiscoveryError",
    "EventTrigger",
    "MqttMappingError",
    "PayloadTooLarge",
    "Reader",
    "Skipped",
    "StateDecodeError",
    "UnknownComponentError",
    "Writer",
]

MAX_PAYLOAD_BYTES = 64 * 1024
"""Largest payload decoded. Real discovery and state messages stay under ~8 KiB; a bigger one
is a misbehaving device or an attack, and parsing it would stall the loop."""


class MqttMappingError(OrbitHubError):
    """An MQTT message could not be mapped to or from the typed model.

    Attributes:
        topic: the topic of the message (or the command topic / path being encoded).
    """

    def __init__(self, topic: str, reason: str) -> None:
        self.topic = topic
        self.reason = reason
        super().__init__(f"{topic}: {reason}")


class DiscoveryError(MqttMappingError):
    """A discovery message (HA config or z2m bridge/devices) is malformed or incomplete."""


class UnknownComponentError(DiscoveryError):
    """The discovery topic names a component that Home Assistant does not define."""


class PayloadTooLarge(DiscoveryError):
    """A payload is over :data:`MAX_PAYLOAD_BYTES`; it was not parsed."""


class StateDecodeError(MqttMappingError):
    """A state message could not be decoded (bad JSON, template error, value of the wrong kind).

    Attributes:
        values: what could be decoded from the same message despite the error, by path; the
            caller may apply these and log the rest.
    """

    def __init__(self, topic: str, reason: str, values: Mapping[str, Value] | None = None) -> None:
        super().__init__(topic, reason)
        self.values: Mapping[str, Value] = dict(values or {})


class CommandEncodeError(MqttMappingError):
    """A typed write or action call cannot be turned into an MQTT message."""


@dataclass(frozen=True, slots=True)
class Reader:
    """How one property is read from messages on one topic.

    Attributes:
        topic: the state topic.
        codec: wire value -> typed value.
        template: HA ``value_template`` applied to the payload, if any.
        key: a JSON path into the payload (or into the template's output when ``template`` is
            set and prints JSON); empty means the whole payload (or template output) is the value.
        path: the property's readable path, filled in when the device is assembled.
    """

    topic: str
    codec: Codec
    template: str | None = None
    key: tuple[str, ...] = ()
    path: str = ""


@dataclass(frozen=True, slots=True)
class Writer:
    """How a write to one property becomes one MQTT message."""

    topic: str
    codec: Codec
    payload: PayloadBuilder
    path: str = ""


@dataclass(frozen=True, slots=True)
class ActionWrite:
    """The fixed message an action (a button press, a scene) publishes."""

    topic: str
    payload: bytes
    path: str = ""


@dataclass(frozen=True, slots=True)
class EventTrigger:
    """When a message on ``topic`` means an event happened.

    Attributes:
        topic: where the event arrives.
        payload: the (rendered) payload that fires it; None fires on any payload.
        template: HA ``value_template`` applied first, if any.
        path: the event's readable path, filled in when the device is assembled.
    """

    topic: str
    payload: str | None = None
    template: str | None = None
    path: str = ""


class AvailabilityMode(StrEnum):
    """How several availability topics combine (HA ``availability_mode``)."""

    ALL = "all"
    ANY = "any"
    LATEST = "latest"


@dataclass(frozen=True, slots=True)
class AvailabilityTopic:
    """One availability topic and the payloads that mean online / offline."""

    topic: str
    payload_available: str = "online"
    payload_not_available: str = "offline"
    template: str | None = None
    key: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Availability:
    """Where a device says whether it is online, and how the topics combine."""

    topics: tuple[AvailabilityTopic, ...]
    mode: AvailabilityMode = AvailabilityMode.LATEST


@dataclass(frozen=True, slots=True)
class DeviceBinding:
    """Every wire detail of one device: what to subscribe to, how to decode and encode.

    Attributes:
        reads: readers by state topic.
        writes: writers by property path (one write may publish several messages).
        actions: fixed messages by action path.
        events: event triggers by topic.
        availability: where the device reports being online, if anywhere.
    """

    reads: Mapping[str, tuple[Reader, ...]] = field(default_factory=dict)
    writes: Mapping[str, tuple[Writer, ...]] = field(default_factory=dict)
    actions: Mapping[str, tuple[ActionWrite, ...]] = field(default_factory=dict)
    events: Mapping[str, tuple[EventTrigger, ...]] = field(default_factory=dict)
    availability: Availability | None = None

    @property
    def topics(self) -> frozenset[str]:
        """Every topic the wire must subscribe to for this device."""
        topics = set(self.reads) | set(self.events)
        if self.availability is not None:
            topics.update(t.topic for t in self.availability.topics)
        return frozenset(topics)


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """What a discovery message says about the physical device."""

    identifiers: tuple[str, ...] = ()
    name: str = ""
    manufacturer: str = ""
    model: str = ""
    model_id: str = ""
    sw_version: str = ""
    hw_version: str = ""
    serial_number: str = ""
    suggested_area: str = ""
    via_device: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something in a discovery message that was not mapped, and why (for one log line)."""

    what: str
    reason: str

    def __str__(self) -> str:
        return f"{self.what}: {self.reason}"


@dataclass(frozen=True, slots=True)
class DiscoveredDevice:
    """A device found on MQTT: its id, typed model and wire binding.

    Attributes:
        id: a stable id (``mqtt:<first device identifier>`` for HA, ``z2m:<ieee>`` for
            zigbee2mqtt).
        name: the human name the device announced.
        spec: the typed model built from the discovery data.
        binding: how its properties travel over MQTT.
        info: manufacturer, model and versions.
        unique_ids: the HA ``unique_id`` of every entity folded into it.
        skipped: what was left out of the model, with reasons.
    """

    id: str
    name: str
    spec: DeviceType
    binding: DeviceBinding
    info: DeviceInfo = field(default_factory=DeviceInfo)
    unique_ids: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
