"""Translate MQTT messages to typed values and typed writes to MQTT messages, for one device.

Pure and synchronous: the wire code calls these with a :class:`DeviceBinding` and a message.
Bad input from the device raises :class:`StateDecodeError` (never anything else), so the
receive loop needs one ``except`` clause and keeps the last good state.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from orbithub.adapters.mqtt.mapping import (
    MAX_PAYLOAD_BYTES,
    Availability,
    AvailabilityMode,
    AvailabilityTopic,
    CommandEncodeError,
    DeviceBinding,
    Reader,
    StateDecodeError,
)
from orbithub.adapters.mqtt.templates import TemplateError, TemplateValueMissing, render_template
from orbithub.spec.model import Value

__all__ = [
    "decode_availability",
    "decode_events",
    "decode_state",
    "encode_action",
    "encode_command",
    "is_available",
]

_NOT_JSON = object()
_MISSING = object()


class _Message:
    """A payload decoded once, its JSON parsed at most once and only if a reader needs it."""

    __slots__ = ("_json", "text", "topic")

    def __init__(self, topic: str, payload: bytes) -> None:
        if len(payload) > MAX_PAYLOAD_BYTES:
            raise StateDecodeError(
                topic, f"payload of {len(payload)} bytes is over the {MAX_PAYLOAD_BYTES} limit"
            )
        try:
            self.text = payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StateDecodeError(topic, f"payload is not UTF-8 text ({exc.reason})") from exc
        self.topic = topic
        self._json: Any = _MISSING

    def json(self) -> Any:
        """The parsed payload, or ``_NOT_JSON``."""
        if self._json is _MISSING:
            try:
                self._json = orjson.loads(self.text)
            except orjson.JSONDecodeError:
                self._json = _NOT_JSON
        return self._json


def _dig(node: Any, key: tuple[str, ...]) -> Any:
    for part in key:
        if not isinstance(node, dict) or part not in node:
            return _MISSING
        node = node[part]
    return node


def _wire_value(message: _Message, template: str | None, key: tuple[str, ...]) -> Any:
    """What a reader sees: template output and/or a JSON key; ``_MISSING`` when not present."""
    if template is not None:
        data = message.json()
        try:
            text = render_template(
                template, payload=message.text, value_json=None if data is _NOT_JSON else data
            )
        except TemplateValueMissing:
            if data is _NOT_JSON and "value_json" in template:
                raise StateDecodeError(
                    message.topic, f"payload is not JSON: {message.text[:80]!r}"
                ) from None
            return _MISSING
        except TemplateError as exc:
            raise StateDecodeError(message.topic, str(exc)) from exc
        if not key:
            return text
        try:
            return _dig(orjson.loads(text), key)
        except orjson.JSONDecodeError:
            raise StateDecodeError(
                message.topic, f"template output is not JSON: {text[:80]!r}"
            ) from None
    if not key:
        return message.text
    data = message.json()
    if data is _NOT_JSON:
        raise StateDecodeError(message.topic, f"payload is not JSON: {message.text[:80]!r}")
    return _dig(data, key)


def _read(message: _Message, reader: Reader) -> Value | None:
    wire = _wire_value(message, reader.template, reader.key)
    if wire is _MISSING:
        return None
    try:
        return reader.codec.decode(wire)
    except (ValueError, TypeError) as exc:
        raise StateDecodeError(message.topic, f"{reader.path}: {exc}") from exc


def decode_state(binding: DeviceBinding, topic: str, payload: bytes) -> dict[str, Value]:
    """The property values a state message carries, by readable path.

    Properties the message does not mention (a partial JSON object, an undefined template
    result, an intermediate state such as ``LOCKING``) are simply absent from the result.

    Raises:
        StateDecodeError: the payload is too large, not text, not JSON where JSON is needed, or
            a value does not fit its property. ``values`` on the error holds what did decode.
    """
    readers = binding.reads.get(topic)
    if not readers:
        return {}
    message = _Message(topic, payload)
    values: dict[str, Value] = {}
    problems: list[str] = []
    for reader in readers:
        try:
            value = _read(message, reader)
        except StateDecodeError as exc:
            problems.append(exc.reason)
            continue
        if value is not None:
            values[reader.path] = value
    if problems:
        raise StateDecodeError(topic, "; ".join(dict.fromkeys(problems)), values)
    return values


def decode_events(binding: DeviceBinding, topic: str, payload: bytes) -> list[str]:
    """The paths of the events a message fires (device triggers, tags, HA ``event`` entities).

    Raises:
        StateDecodeError: the payload is too large, not text, or a template fails.
    """
    triggers = binding.events.get(topic)
    if not triggers:
        return []
    message = _Message(topic, payload)
    fired: list[str] = []
    for trigger in triggers:
        wire = _wire_value(message, trigger.template, ())
        if wire is _MISSING:
            continue
        if trigger.payload is None or str(wire) == trigger.payload:
            fired.append(trigger.path)
    return fired


def encode_command(binding: DeviceBinding, path: str, value: Value) -> list[tuple[str, bytes]]:
    """The messages that ask the device to set ``path`` to ``value``.

    The value is expected to be checked against the spec already (the core does that); this
    only translates it.

    Raises:
        CommandEncodeError: the property is not writable over MQTT, or the value cannot be
            expressed on the wire (an option number with no option, a failing template).
    """
    writers = binding.writes.get(path)
    if not writers:
        writable = ", ".join(sorted(binding.writes)) or "none"
        raise CommandEncodeError(path, f"not writable over MQTT; writable: {writable}")
    messages: list[tuple[str, bytes]] = []
    for writer in writers:
        try:
            wire = writer.codec.encode(value)
            messages.append((writer.topic, writer.payload.build(value, wire)))
        except (ValueError, TypeError) as exc:
            raise CommandEncodeError(writer.topic, f"{path} = {value!r}: {exc}") from exc
        except TemplateError as exc:
            raise CommandEncodeError(writer.topic, f"{path} = {value!r}: {exc}") from exc
    return messages


def encode_action(binding: DeviceBinding, path: str) -> list[tuple[str, bytes]]:
    """The messages that perform the action at ``path`` (press a button, recall a scene).

    Raises:
        CommandEncodeError: the device has no such action over MQTT.
    """
    writes = binding.actions.get(path)
    if not writes:
        known = ", ".join(sorted(binding.actions)) or "none"
        raise CommandEncodeError(path, f"no such action over MQTT; actions: {known}")
    return [(w.topic, w.payload) for w in writes]


def _availability_of(message: _Message, spec: AvailabilityTopic) -> bool | None:
    try:
        wire = _wire_value(message, spec.template, spec.key)
    except StateDecodeError:
        # zigbee2mqtt moved from a bare ``online`` to ``{"state": "online"}``; a legacy bridge
        # still sends the bare word on a topic configured for JSON.
        wire = message.text
    if wire is _MISSING:
        return None
    text = str(wire).strip()
    if text == spec.payload_available:
        return True
    if text == spec.payload_not_available:
        return False
    return None


def decode_availability(binding: DeviceBinding, topic: str, payload: bytes) -> bool | None:
    """Whether an availability message says online (True) or offline (False).

    Returns None when ``topic`` is not one of the device's availability topics or the payload
    is neither of the configured words.

    Raises:
        StateDecodeError: the payload is too large or not text.
    """
    availability = binding.availability
    if availability is None:
        return None
    message: _Message | None = None
    for spec in availability.topics:
        if spec.topic == topic:
            message = message or _Message(topic, payload)
            result = _availability_of(message, spec)
            if result is not None:
                return result
    return None


def is_available(availability: Availability | None, seen: Mapping[str, bool], latest: str) -> bool:
    """Combine the last state seen on each availability topic as ``availability_mode`` says.

    Args:
        availability: the device's availability settings (None: always available).
        seen: last decoded state by topic; topics never heard from are absent.
        latest: the topic heard from most recently.
    """
    if availability is None or not availability.topics:
        return True
    if availability.mode is AvailabilityMode.LATEST:
        return seen.get(latest, False)
    states = [seen.get(t.topic) for t in availability.topics]
    if availability.mode is AvailabilityMode.ALL:
        return all(s is True for s in states)
    return any(s is True for s in states)
