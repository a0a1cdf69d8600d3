"""The OrbitHub device protocol: topics and the JSON messages on them, encoded and decoded.

Pure and synchronous; no client code. Topics are ``<prefix>/<space>/<device>/<kind>``::

    orbit/home/plug-1/announce      device -> hub, retained: what the device is
    orbit/home/plug-1/state         device -> hub: property values
    orbit/home/plug-1/event         device -> hub: an event of its spec
    orbit/home/plug-1/availability  device -> hub, retained, also the last will: online/offline
    orbit/home/plug-1/set           hub -> device: write properties
    orbit/home/plug-1/action        hub -> device: run an action
    orbit/home/plug-1/reply         device -> hub: the answer to a set or action

Every ``decode_*`` of outside bytes raises :class:`ProtocolError` naming the topic and nothing
else; every ``encode_*`` refuses what its decoder would refuse, so a message that left one side
is always readable by the other. docs/protocol.md is the device maker's guide.
"""

from __future__ import annotations

from collections.abc import Mapping

import orjson

from orbithub.adapters.mqtt.protocol_messages import (
    DEFAULT_PREFIX,
    HUB_SUBSCRIBED,
    ID_PATTERN,
    MAX_PAYLOAD_BYTES,
    OFFLINE,
    ONLINE,
    PROTOCOL_VERSION,
    QOS,
    RETAINED,
    ActionRequest,
    Announce,
    EventReport,
    Fields,
    MessageKind,
    ProtocolError,
    Reply,
    SetRequest,
    StateReport,
    check_list,
    check_scalar,
    check_text,
    check_values,
)
from orbithub.spec.errors import SpecError
from orbithub.spec.miot import dump_spec, load_spec
from orbithub.spec.model import Value

__all__ = [
    "DEFAULT_PREFIX",
    "HUB_SUBSCRIBED",
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
    "decode_action",
    "decode_announce",
    "decode_availability",
    "decode_event",
    "decode_reply",
    "decode_set",
    "decode_state",
    "device_topic",
    "encode_action",
    "encode_announce",
    "encode_availability",
    "encode_event",
    "encode_removal",
    "encode_reply",
    "encode_set",
    "encode_state",
    "parse_topic",
    "subscriptions",
]

_KINDS = {kind.value: kind for kind in MessageKind}


def _check_prefix(prefix: str) -> None:
    levels = prefix.split("/")
    if not prefix or any(not level or "+" in level or "#" in level for level in levels):
        raise ProtocolError(
            prefix, "a topic prefix needs non-empty levels without wildcards (e.g. 'orbit')"
        )


def _check_id(topic: str, what: str, value: str) -> None:
    if ID_PATTERN.fullmatch(value) is None:
        raise ProtocolError(
            topic, f"{what} id {value!r} must be 1-64 characters of A-Z, a-z, 0-9, _ or -"
        )


def device_topic(space: str, device: str, kind: MessageKind, prefix: str = DEFAULT_PREFIX) -> str:
    """The topic of one message kind of one device (``orbit/home/plug-1/state``).

    Raises:
        ProtocolError: the prefix or an id is not allowed in a topic.
    """
    _check_prefix(prefix)
    topic = f"{prefix}/{space}/{device}/{kind.value}"
    _check_id(topic, "space", space)
    _check_id(topic, "device", device)
    return topic


def subscriptions(prefix: str = DEFAULT_PREFIX) -> list[str]:
    """The topic filters the hub subscribes to (``orbit/+/+/announce`` and the rest)."""
    _check_prefix(prefix)
    return [f"{prefix}/+/+/{kind.value}" for kind in HUB_SUBSCRIBED]


def parse_topic(topic: str, prefix: str = DEFAULT_PREFIX) -> tuple[str, str, MessageKind] | None:
    """Split a protocol topic into ``(space, device, kind)``.

    Returns:
        None when the topic is not one of this protocol's (another prefix, another depth, an
        unknown kind), so a caller sharing a connection can pass it on.

    Raises:
        ProtocolError: the topic has the protocol's shape but a space or device id is invalid.
    """
    head = prefix + "/"
    if not topic.startswith(head):
        return None
    rest = topic[len(head) :].split("/")
    if len(rest) != 3:
        return None
    space, device, last = rest
    kind = _KINDS.get(last)
    if kind is None:
        return None
    _check_id(topic, "space", space)
    _check_id(topic, "device", device)
    return space, device, kind


def _load(topic: str, payload: bytes) -> Fields:
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise ProtocolError(
            topic, f"payload of {len(payload)} bytes is over the {MAX_PAYLOAD_BYTES} byte limit"
        )
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise ProtocolError(topic, f"payload is not JSON: {exc}") from None
    return Fields(topic, data)


def _dump(topic: str, message: Mapping[str, object]) -> bytes:
    try:
        payload = orjson.dumps(message)
    except TypeError as exc:
        raise ProtocolError(topic, f"cannot encode the message as JSON: {exc}") from None
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise ProtocolError(
            topic, f"message of {len(payload)} bytes is over the {MAX_PAYLOAD_BYTES} byte limit"
        )
    return payload


def _device_of(topic: str) -> str | None:
    """The device level of a protocol topic, whatever its prefix (the next-to-last level)."""
    levels = topic.rsplit("/", 3)
    return levels[2] if len(levels) == 4 else None


# --- announce -------------------------------------------------------------------------------


def encode_announce(topic: str, announce: Announce) -> bytes:
    """Encode an announce (publish it retained, QoS 1).

    Raises:
        ProtocolError: it would not decode (no or both of model and spec, bad id, too big).
    """
    _check_id(topic, "device", announce.id)
    message: dict[str, object] = {
        "protocol": announce.protocol,
        "id": announce.id,
        "name": check_text(topic, "name", announce.name),
    }
    if (announce.model is None) == (announce.spec is None):
        raise ProtocolError(topic, "an announce needs exactly one of 'model' and 'spec'")
    if announce.model is not None:
        message["model"] = check_text(topic, "model", announce.model, limit=64)
    if announce.spec is not None:
        message["spec"] = dump_spec(announce.spec)
    if announce.room is not None:
        message["room"] = check_text(topic, "room", announce.room)
    if announce.aliases:
        message["aliases"] = [check_text(topic, "aliases", a) for a in announce.aliases]
    if announce.sw_version is not None:
        message["sw_version"] = check_text(topic, "sw_version", announce.sw_version)
    if announce.owner is not None:
        message["owner"] = check_text(topic, "owner", announce.owner)
    return _dump(topic, message)


def encode_removal() -> bytes:
    """The payload that removes a device: an empty retained message on its announce topic."""
    return b""


def decode_announce(topic: str, payload: bytes) -> Announce | None:
    """Decode an announce; None means the device was removed (empty retained payload).

    Raises:
        ProtocolError: malformed, another protocol version, an id that differs from the
            topic's device, or an invalid MIoT spec.
    """
    if not payload:
        return None
    fields = _load(topic, payload)
    version = fields.raw("protocol")
    if version != PROTOCOL_VERSION or isinstance(version, bool):
        raise ProtocolError(
            topic, f"'protocol' must be {PROTOCOL_VERSION} (this hub's version), got {version!r}"
        )
    device_id = fields.text("id", limit=64)
    _check_id(topic, "device", device_id)
    if device_id != _device_of(topic):
        raise ProtocolError(topic, f"'id' {device_id!r} differs from the device in the topic")
    model = fields.optional_text("model", limit=64)
    spec = None
    if fields.has("spec"):
        try:
            spec = load_spec(fields.raw("spec"), source=f"{topic} spec")
        except SpecError as exc:
            raise ProtocolError(
                topic, f"'spec' is not a valid MIoT spec v2 document: {exc}"
            ) from None
    if (model is None) == (spec is None):
        raise ProtocolError(topic, "an announce needs exactly one of 'model' and 'spec'")
    aliases: tuple[str, ...] = ()
    if fields.has("aliases"):
        items = check_list(topic, "aliases", fields.raw("aliases"))
        aliases = tuple(check_text(topic, "aliases", a) for a in items)
    return Announce(
        id=device_id,
        name=fields.text("name"),
        model=model,
        spec=spec,
        room=fields.optional_text("room"),
        aliases=aliases,
        sw_version=fields.optional_text("sw_version"),
        owner=fields.optional_text("owner"),
    )


# --- state, event, availability -------------------------------------------------------------


def encode_state(topic: str, report: StateReport) -> bytes:
    """Encode a state report (QoS 0 or 1, not retained)."""
    message: dict[str, object] = {
        "values": check_values(topic, "values", report.values, allow_empty=False)
    }
    order = Fields(topic, {"ts": report.ts, "seq": report.seq})
    if (ts := order.timestamp("ts")) is not None:
        message["ts"] = ts
    if (seq := order.sequence("seq")) is not None:
        message["seq"] = seq
    return _dump(topic, message)


def decode_state(topic: str, payload: bytes) -> StateReport:
    """Decode a state report.

    Raises:
        ProtocolError: malformed (no values, a nested or null value, a bad ts or seq...).
    """
    fields = _load(topic, payload)
    return StateReport(
        values=fields.values("values", required=True),
        ts=fields.timestamp("ts"),
        seq=fields.sequence("seq"),
    )


def encode_event(topic: str, report: EventReport) -> bytes:
    """Encode an event report (QoS 1, not retained)."""
    message: dict[str, object] = {
        "event": check_text(topic, "event", report.event, limit=128),
        "arguments": check_values(topic, "arguments", report.arguments, allow_empty=True),
    }
    if (ts := Fields(topic, {"ts": report.ts}).timestamp("ts")) is not None:
        message["ts"] = ts
    return _dump(topic, message)


def decode_event(topic: str, payload: bytes) -> EventReport:
    """Decode an event report.

    Raises:
        ProtocolError: malformed.
    """
    fields = _load(topic, payload)
    return EventReport(
        event=fields.address("event"),
        arguments=fields.values("arguments", required=False),
        ts=fields.timestamp("ts"),
    )


def encode_availability(online: bool) -> bytes:
    """``online`` or ``offline`` (publish retained, QoS 1; ``offline`` is also the last will)."""
    return ONLINE if online else OFFLINE


def decode_availability(topic: str, payload: bytes) -> bool | None:
    """Whether the device is online; None for an empty payload (a cleared retained message).

    A device that is removed clears its retained announce and availability; the hub ignores
    the empty availability (the empty announce is what removes the device).

    Raises:
        ProtocolError: the payload is neither ``online`` nor ``offline``.
    """
    if payload == ONLINE:
        return True
    if not payload:
        return None
    if payload == OFFLINE:
        return False
    shown = payload[:32].decode("utf-8", "replace")
    raise ProtocolError(topic, f"availability must be 'online' or 'offline', got {shown!r}")


# --- commands and replies -------------------------------------------------------------------


def encode_set(topic: str, request: SetRequest) -> bytes:
    """Encode a set request (QoS 1)."""
    return _dump(
        topic,
        {
            "id": check_text(topic, "id", request.id, limit=128),
            "values": check_values(topic, "values", request.values, allow_empty=False),
        },
    )


def decode_set(topic: str, payload: bytes) -> SetRequest:
    """Decode a set request.

    Raises:
        ProtocolError: malformed.
    """
    fields = _load(topic, payload)
    return SetRequest(id=fields.address("id"), values=fields.values("values", required=True))


def encode_action(topic: str, request: ActionRequest) -> bytes:
    """Encode an action request (QoS 1)."""
    return _dump(
        topic,
        {
            "id": check_text(topic, "id", request.id, limit=128),
            "action": check_text(topic, "action", request.action, limit=128),
            "in": [check_scalar(topic, "in", v) for v in check_list(topic, "in", request.inputs)],
        },
    )


def decode_action(topic: str, payload: bytes) -> ActionRequest:
    """Decode an action request.

    Raises:
        ProtocolError: malformed.
    """
    fields = _load(topic, payload)
    inputs: tuple[Value, ...] = ()
    if fields.has("in"):
        items = check_list(topic, "in", fields.raw("in"))
        inputs = tuple(check_scalar(topic, "in", v) for v in items)
    return ActionRequest(id=fields.address("id"), action=fields.address("action"), inputs=inputs)


def encode_reply(topic: str, reply: Reply) -> bytes:
    """Encode a reply (QoS 1) for the response topic or ``.../reply``."""
    message: dict[str, object] = {
        "id": check_text(topic, "id", reply.id, limit=128),
        "ok": reply.ok,
    }
    if reply.error:
        message["error"] = reply.error[:1024]
    if reply.outputs:
        message["outputs"] = check_values(topic, "outputs", reply.outputs, allow_empty=True)
    return _dump(topic, message)


def decode_reply(topic: str, payload: bytes) -> Reply:
    """Decode a reply.

    Raises:
        ProtocolError: malformed.
    """
    fields = _load(topic, payload)
    return Reply(
        id=fields.address("id"),
        ok=fields.flag("ok"),
        error=fields.error_text("error"),
        outputs=fields.values("outputs", required=False),
    )
