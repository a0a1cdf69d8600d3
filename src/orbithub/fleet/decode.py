"""A stream message of a home's device, decoded into the property changes a worker commits.

Reuses the single hub's decoders: the OrbitHub protocol's state and availability messages
(``orbit/<home>/<device>/state``) and zigbee2mqtt's JSON state, which the home's bridge publishes
under ``orbit/<home>/z2m/…`` with its device list on ``orbit/<home>/z2m/bridge/devices``.
Anything a device sends that is malformed raises :class:`DecodeError`; the worker counts and drops
it, it never stops a partition.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from orbithub.adapters.mqtt.mapping import DeviceBinding, MqttMappingError
from orbithub.adapters.mqtt.protocol import (
    MessageKind,
    ProtocolError,
    decode_availability,
    decode_state,
    parse_topic,
)
from orbithub.adapters.mqtt.translate import decode_state as decode_json_state
from orbithub.adapters.mqtt.z2m import parse_bridge_devices
from orbithub.fleet.errors import FleetError
from orbithub.fleet.jetstream import Stored
from orbithub.fleet.partition import partition_of
from orbithub.spec.model import Value
from orbithub.storage.fleet import FleetChange

__all__ = ["AVAILABILITY_PROP", "DecodeError", "Decoder", "z2m_base"]

_LOGGER = logging.getLogger(__name__)

AVAILABILITY_PROP = "online"
"""The property a device's availability is stored under (no dot, so no spec path clashes)."""

_Z2M = "z2m"
_MAX_HOMES_CACHED = 10_000  # bridge device lists kept; one home's is a few KiB per device

BridgeLookup = Callable[[str, int], Awaitable[bytes | None]]
"""Fetches the last ``bridge/devices`` payload of a home (home, partition), or None."""


class DecodeError(FleetError):
    """A device's message cannot be decoded; it is counted and dropped."""


def z2m_base(home: str) -> str:
    """The zigbee2mqtt base topic of a home's bridge (``orbit/<home>/z2m``)."""
    return f"orbit/{home}/{_Z2M}"


def _changes(
    home: str, device: str, values: dict[str, Value], ts: datetime, seq: int
) -> list[FleetChange]:
    try:
        return [FleetChange(home, device, prop, value, ts, seq) for prop, value in values.items()]
    except ValueError as exc:
        raise DecodeError(f"{home}/{device}: {exc}") from None


class Decoder:
    """Decodes the messages of one worker's homes; keeps each home's zigbee2mqtt bindings.

    Args:
        bridge_lookup: finds a home's device list when a zigbee2mqtt state message arrives
            before it (after a takeover the list is older than the partition's cursor).
    """

    def __init__(self, bridge_lookup: BridgeLookup | None = None) -> None:
        self._lookup = bridge_lookup
        self._bridges: dict[str, dict[str, tuple[str, DeviceBinding]]] = {}

    def forget(self, partition: int, partitions: int) -> None:
        """Drop the device lists of a partition's homes (given up: they may change meanwhile)."""
        for home in [h for h in self._bridges if partition_of(h, partitions) == partition]:
            del self._bridges[home]

    async def decode(self, msg: Stored) -> list[FleetChange]:
        """The changes a message carries (none for messages that carry no state).

        Raises:
            DecodeError: the subject or the payload is malformed.
        """
        tokens = msg.subject.split(".")
        if len(tokens) < 5 or tokens[0] != "part" or tokens[2] != "orbit":
            raise DecodeError(f"{msg.subject}: not a fleet subject")
        partition, home = int(tokens[1]), tokens[3]
        topic = "/".join(tokens[2:])
        if tokens[4] == _Z2M:
            return await self._z2m(home, partition, topic, msg)
        try:
            parsed = parse_topic(topic)
        except ProtocolError as exc:
            raise DecodeError(str(exc)) from None
        if parsed is None:
            raise DecodeError(f"{topic}: not a topic of the OrbitHub protocol")
        _, device, kind = parsed
        try:
            if kind is MessageKind.STATE:
                report = decode_state(topic, msg.data)
                ts = msg.time if report.ts is None else datetime.fromtimestamp(report.ts, UTC)
                return _changes(home, device, dict(report.values), ts, msg.seq)
            if kind is MessageKind.AVAILABILITY:
                online = decode_availability(topic, msg.data)
                if online is None:
                    return []
                return _changes(home, device, {AVAILABILITY_PROP: online}, msg.time, msg.seq)
        except (ProtocolError, ValueError, OverflowError, OSError) as exc:
            raise DecodeError(str(exc)) from None
        return []  # announce, events, replies and commands carry no state to store

    async def _z2m(self, home: str, partition: int, topic: str, msg: Stored) -> list[FleetChange]:
        base = z2m_base(home)
        if topic == f"{base}/bridge/devices":
            self._learn(home, msg.data)
            return []
        if topic.startswith(f"{base}/bridge/"):
            return []
        bindings = self._bridges.get(home)
        if bindings is None and self._lookup is not None:
            self._learn(home, await self._lookup(home, partition) or b"[]")
            bindings = self._bridges.get(home)
        found = (bindings or {}).get(topic)
        if found is None:
            if topic.endswith(("/set", "/get")):
                return []  # commands to the device, not state
            raise DecodeError(f"{topic}: no zigbee2mqtt device of home {home} publishes here")
        device, binding = found
        try:
            values = decode_json_state(binding, topic, msg.data)
        except MqttMappingError as exc:
            raise DecodeError(str(exc)) from None
        return _changes(home, device, values, msg.time, msg.seq)

    def _learn(self, home: str, payload: bytes) -> None:
        try:
            listed = parse_bridge_devices(payload, base_topic=z2m_base(home))
        except MqttMappingError as exc:
            _LOGGER.warning("home %s: zigbee2mqtt device list ignored: %s", home, exc)
            listed = None
        if len(self._bridges) >= _MAX_HOMES_CACHED:
            self._bridges.clear()
        bindings: dict[str, tuple[str, DeviceBinding]] = {}
        for device in listed.devices if listed is not None else ():
            for read_topic in device.binding.reads:
                bindings[read_topic] = (device.id, device.binding)
        self._bridges[home] = bindings
