"""Devices speaking OrbitHub's own protocol: announce, state, event, availability, set/action.

The pure encoding is :mod:`orbithub.adapters.mqtt.protocol`; this module applies decoded
messages to the hub and turns commands into requests whose replies it awaits. A device belongs
to the space named in its topic; an announce for a space the hub does not know is refused with
a WARNING (a device cannot create spaces, nor rooms: an unknown room is logged and the device
added without one). The hub knows the device by the id it announces, so a person types the id
the maker printed on the box; ids are unique per hub (makers use serial numbers or MAC
addresses), and an announce whose id another device already holds, in another space or under
another adapter, is refused with a WARNING.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from orbithub.adapters.mqtt import protocol
from orbithub.adapters.mqtt.client import MQTT_V5, MqttClient
from orbithub.adapters.mqtt.faults import InputFaults
from orbithub.adapters.mqtt.flood import FloodGate
from orbithub.adapters.mqtt.protocol import MessageKind, ProtocolError, Reply
from orbithub.core.adapter import AdapterHost, CallAction, CommandResult, SetProperty
from orbithub.core.pending import ChangedField, PendingChange, PendingChanges, changed_fields
from orbithub.core.registry import Device
from orbithub.errors import OrbitHubError
from orbithub.spec.errors import SpecError
from orbithub.spec.formats import check_value
from orbithub.spec.library import device_type
from orbithub.spec.model import DeviceType, Value

__all__ = ["OrbitDevices", "hub_device_id"]

_LOGGER = logging.getLogger(__name__)

_MAX_EARLY = 10_000


def hub_device_id(space: str, device: str) -> str:
    """The hub's id for device ``device`` of space ``space``: the announced id itself.

    Kept as the one place that decides it, so a fleet that must qualify ids by space can.
    """
    return device


class OrbitDevices:
    """The OrbitHub-protocol side of the MQTT adapter. Loop only, except :meth:`send`.

    Args:
        prefix: the topic prefix (``orbit``).
        adapter: the adapter's name, recorded on each device.
        faults: where refused input is counted and logged.
        reply_timeout: seconds a device has to answer a set or action.
        gate: the per-device rate limit; an announced device over it has the surplus dropped
            before decoding.
        pending: where a change of type or owner waits for the owner.
        provisioned: whether the owner made broker credentials for a device id (None: never).
    """

    def __init__(
        self,
        prefix: str,
        adapter: str,
        faults: InputFaults,
        reply_timeout: float,
        gate: FloodGate,
        *,
        pending: PendingChanges | None = None,
        provisioned: Callable[[str], bool] | None = None,
    ) -> None:
        self.prefix = prefix
        self.pending = pending if pending is not None else PendingChanges()
        self._provisioned = provisioned or (lambda _device_id: False)
        self._adapter = adapter
        self._faults = faults
        self._reply_timeout = reply_timeout
        self._gate = gate
        self._topics: dict[str, tuple[str, str]] = {}
        self._last_seq: dict[str, int] = {}
        self._pending: dict[str, tuple[str, asyncio.Future[Reply]]] = {}
        self._early: dict[str, bool] = {}

    def subscriptions(self) -> list[str]:
        """The topic filters to subscribe to."""
        return protocol.subscriptions(self.prefix)

    def owns(self, device_id: str) -> bool:
        """Whether ``device_id`` announced itself over this protocol."""
        return device_id in self._topics

    # -- receiving ------------------------------------------------------------------------------
    def handle(self, host: AdapterHost, topic: str, payload: bytes, live: bool = True) -> bool:
        """Apply one message if it is on a protocol topic; returns whether it was.

        ``live`` messages count against the device's rate; the broker's replay of retained
        messages on subscribing does not.
        """
        try:
            parsed = protocol.parse_topic(topic, self.prefix)
        except ProtocolError as exc:
            self._faults.note("topic", topic, None, exc.reason)
            return True
        if parsed is None:
            return False
        space, device, kind = parsed
        device_id = hub_device_id(space, device)
        known = self._topics.get(device_id)
        if known is not None and known[0] != space:
            # Ids are unique per hub, so the same id under another space is another device
            # (or a mistake): it must not update, nor remove, the one that announced first.
            self._faults.note(
                kind.value, topic, device_id, f"the device belongs to space {known[0]!r}"
            )
            return True
        if live and known is not None and not self._gate.admit(device_id):
            return True  # flooding: dropped before its payload is decoded
        if known is None and kind in (MessageKind.STATE, MessageKind.EVENT):
            # Only a device that announced itself here may report; an id that another adapter
            # owns must not be updated through this protocol.
            self._faults.note(kind.value, topic, device_id, "the device has not announced itself")
            return True
        try:
            if kind is MessageKind.STATE:
                self._state(host, topic, device_id, payload)
            elif kind is MessageKind.ANNOUNCE:
                self._announce(host, topic, space, device_id, payload)
            elif kind is MessageKind.AVAILABILITY:
                online = protocol.decode_availability(topic, payload)
                if online is None:
                    pass  # retained availability cleared: nothing said
                elif device_id in self._topics:
                    host.set_online(device_id, online)
                elif len(self._early) < _MAX_EARLY:
                    # Retained availability may arrive before the retained announce.
                    self._early[device_id] = online
            elif kind is MessageKind.EVENT:
                report = protocol.decode_event(topic, payload)
                host.report_event(device_id, report.event, report.arguments)
            elif kind is MessageKind.REPLY:
                self._reply(topic, device_id, protocol.decode_reply(topic, payload))
        except ProtocolError as exc:
            self._faults.note(kind.value, topic, device_id, exc.reason)
        return True

    def _state(self, host: AdapterHost, topic: str, device_id: str, payload: bytes) -> None:
        report = protocol.decode_state(topic, payload)
        if report.seq is not None:
            last = self._last_seq.get(device_id)
            if last is not None and report.seq < last:
                # At-least-once delivery: an older report arrived late; the newer one stands.
                return
            self._last_seq[device_id] = report.seq
        host.report_many(device_id, report.values, timestamp=report.ts)

    def _announce(
        self, host: AdapterHost, topic: str, space: str, device_id: str, payload: bytes
    ) -> None:
        announce = protocol.decode_announce(topic, payload)
        if announce is None:
            self.forget(host, device_id)
            return
        registry = host.registry
        if not any(s.id == space for s in registry.spaces()):
            self._faults.note(
                "announce", topic, device_id, f"space {space!r} does not exist in this hub"
            )
            return
        spec = announce.spec
        if spec is None:
            try:
                spec = device_type(announce.model or "")
            except SpecError as exc:
                raise ProtocolError(topic, f"unknown model {announce.model!r}: {exc}") from None
        existing = registry.find_device(device_id)
        if existing is not None and existing.adapter != self._adapter:
            raise ProtocolError(topic, f"id {device_id!r} belongs to adapter {existing.adapter}")
        if existing is not None and existing.space_id != space:
            raise ProtocolError(
                topic,
                f"id {device_id!r} is already used by a device of space {existing.space_id!r}",
            )
        room = self._room(host, topic, device_id, space, announce.room)
        record = Device(
            device_id,
            announce.name,
            spec,
            space,
            self._adapter,
            room_id=room if existing is None or existing.room_id is None else existing.room_id,
            aliases=announce.aliases,
            model=announce.model or spec.name,
            owner=announce.owner,
        )
        record = self._hold_what_needs_the_owner(host, topic, existing, record)
        if existing != record:
            try:
                host.add_device(record, replace=existing is not None)
            except OrbitHubError as exc:
                raise ProtocolError(topic, str(exc)) from None
            self._last_seq.pop(device_id, None)
        self._topics[device_id] = (space, topic.rsplit("/", 2)[1])
        early = self._early.pop(device_id, None)
        if early is not None:
            host.set_online(device_id, early)

    def _hold_what_needs_the_owner(
        self, host: AdapterHost, topic: str, existing: Device | None, record: Device
    ) -> Device:
        """What of ``record`` applies now; a change of type or owner waits for the owner.

        Anyone who can publish on a device's announce topic could otherwise turn the front
        door lock into a plug, or claim a phone for a person and so move their presence. A new
        device may name its owner only when the owner made broker credentials for it (the
        broker then lets only that device announce it); else it joins without an owner.
        """
        if existing is None:
            if record.owner is None or self._provisioned(record.id):
                return record
            added = replace(record, owner=None)
            fields: tuple[ChangedField, ...] = (ChangedField.OWNER,)
            self.pending.hold(PendingChange(record.id, added, record, fields, topic, host.now()))
            return added
        fields = changed_fields(existing, record)
        if not fields:
            self.pending.dismiss(record.id)  # the device no longer asks for it
            return record
        self.pending.hold(PendingChange(record.id, existing, record, fields, topic, host.now()))
        return existing

    def _room(
        self, host: AdapterHost, topic: str, device_id: str, space: str, room: str | None
    ) -> str | None:
        if room is None:
            return None
        known = host.registry.rooms(space)
        match = next((r.id for r in known if room in (r.id, r.name, *r.aliases)), None)
        if match is None:
            # Rooms are the owner's layout of their home: anything on the network can announce,
            # so a device only suggests one; the owner creates it and moves the device there.
            self._faults.note(
                "room",
                topic,
                device_id,
                f"room {room!r} is not in space {space!r}; the device was added without a room "
                "(create the room and move the device into it)",
            )
        return match

    def forget(self, host: AdapterHost, device_id: str) -> None:
        """Remove a device that announced its removal (an empty retained announce)."""
        if self._topics.pop(device_id, None) is None:
            return
        self._last_seq.pop(device_id, None)
        self._gate.forget(device_id)
        self.pending.forget(device_id)
        if host.registry.find_device(device_id) is not None:
            host.remove_device(device_id)

    def _reply(self, topic: str, device_id: str, reply: Reply) -> None:
        pending = self._pending.get(reply.id)
        if pending is None:
            return  # late or repeated: the protocol says a second reply is ignored
        owner, future = pending
        if owner != device_id:
            self._faults.note("reply", topic, device_id, f"reply {reply.id!r} is not for it")
            return
        del self._pending[reply.id]
        if not future.done():
            future.set_result(reply)

    # -- commands -------------------------------------------------------------------------------
    async def send(self, client: MqttClient, command: SetProperty | CallAction) -> CommandResult:
        """Publish a set or action request and wait for the device's reply.

        Raises:
            MqttUnavailable: the broker did not take the request in time.
            ProtocolError: the request cannot be encoded.
        """
        device_id = command.device.id
        space, device = self._topics[device_id]
        request_id = secrets.token_hex(8)
        if isinstance(command, SetProperty):
            topic = protocol.device_topic(space, device, MessageKind.SET, self.prefix)
            payload = protocol.encode_set(
                topic, protocol.SetRequest(request_id, {command.prop.path: command.value})
            )
        else:
            topic = protocol.device_topic(space, device, MessageKind.ACTION, self.prefix)
            inputs = tuple(value for _, value in command.arguments)
            payload = protocol.encode_action(
                topic, protocol.ActionRequest(request_id, command.action.path, inputs)
            )
        reply_topic = protocol.device_topic(space, device, MessageKind.REPLY, self.prefix)
        props: Mapping[str, Any] = {}
        if client.protocol_version == MQTT_V5:
            props = {"response_topic": reply_topic, "correlation_data": request_id.encode()}
        future: asyncio.Future[Reply] = asyncio.get_running_loop().create_future()
        self._pending[request_id] = (device_id, future)
        try:
            await client.publish(topic, payload, qos=1, properties=props)
            async with asyncio.timeout(self._reply_timeout):
                reply = await future
        except TimeoutError:
            return CommandResult(
                False,
                message=f"the broker took the request but {device_id} did not reply within "
                f"{self._reply_timeout:g} s",
            )
        finally:
            self._pending.pop(request_id, None)
        if not reply.ok:
            return CommandResult(False, message=f"{device_id} refused: {reply.error or '-'}")
        outputs = _outputs(command.device.spec, reply.outputs)
        return CommandResult(True, outputs, f"{device_id} confirmed")


def _outputs(spec: DeviceType, raw: Mapping[str, Value]) -> dict[str, Value]:
    outputs: dict[str, Value] = {}
    for key, value in raw.items():
        prop = spec.find_property(key)
        if prop is None:
            _LOGGER.warning("reply output %r is not a property of %s; ignored", key, spec.name)
            continue
        try:
            outputs[prop.path] = check_value(prop, value)
        except SpecError as exc:
            _LOGGER.warning("reply output %s refused: %s", prop.path, exc)
    return outputs
