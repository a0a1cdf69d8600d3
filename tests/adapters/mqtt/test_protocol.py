"""The OrbitHub device protocol: round trips, every malformed input, fuzzing, and the doc."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbithub.adapters.mqtt.protocol import (
    DEFAULT_PREFIX,
    MAX_PAYLOAD_BYTES,
    ActionRequest,
    Announce,
    EventReport,
    MessageKind,
    ProtocolError,
    Reply,
    SetRequest,
    StateReport,
    decode_action,
    decode_announce,
    decode_availability,
    decode_event,
    decode_reply,
    decode_set,
    decode_state,
    device_topic,
    encode_action,
    encode_announce,
    encode_availability,
    encode_event,
    encode_removal,
    encode_reply,
    encode_set,
    encode_state,
    parse_topic,
    subscriptions,
)
from orbithub.errors import OrbitHubError
from orbithub.spec import device_type
from orbithub.spec.miot import dump_spec

DOC = Path(__file__).resolve().parents[3] / "docs" / "protocol.md"
TOPIC = "orbit/home/plug-1/state"
ANNOUNCE_TOPIC = "orbit/home/plug-1/announce"

DECODERS: dict[str, Callable[[str, bytes], object]] = {
    "announce": decode_announce,
    "state": decode_state,
    "event": decode_event,
    "availability": decode_availability,
    "set": decode_set,
    "action": decode_action,
    "reply": decode_reply,
}


# --- topics ---------------------------------------------------------------------------------


def test_topics_round_trip_through_parse() -> None:
    for kind in MessageKind:
        topic = device_topic("home", "plug-1", kind)
        assert topic == f"orbit/home/plug-1/{kind.value}"
        assert parse_topic(topic) == ("home", "plug-1", kind)


def test_prefix_with_levels() -> None:
    topic = device_topic("flat_2", "Lamp-A", MessageKind.SET, prefix="acme/hubs")
    assert parse_topic(topic, "acme/hubs") == ("flat_2", "Lamp-A", MessageKind.SET)
    assert parse_topic(topic) is None


def test_subscriptions_cover_what_devices_send() -> None:
    assert subscriptions() == [
        "orbit/+/+/announce",
        "orbit/+/+/state",
        "orbit/+/+/event",
        "orbit/+/+/availability",
        "orbit/+/+/reply",
    ]
    assert subscriptions("t1")[0] == "t1/+/+/announce"


@pytest.mark.parametrize(
    "topic",
    ["orbitx/home/plug/state", "orbit/home/state", "orbit/home/plug/x/state", "orbit/a/b/nope"],
)
def test_foreign_topics_are_not_ours(topic: str) -> None:
    assert parse_topic(topic) is None


@pytest.mark.parametrize(
    "topic",
    [
        "orbit/ho me/plug/state",
        "orbit/home/plug.1/state",
        "orbit//plug/state",
        "orbit/home/+/state",
        f"orbit/home/{'x' * 65}/state",
        "orbit/家/plug/state",
    ],
)
def test_bad_ids_in_topics_raise_naming_the_topic(topic: str) -> None:
    with pytest.raises(ProtocolError) as info:
        parse_topic(topic)
    assert info.value.topic == topic
    assert topic in str(info.value)


@pytest.mark.parametrize("prefix", ["", "a/", "/a", "a/+", "#", "a//b"])
def test_bad_prefixes_are_refused(prefix: str) -> None:
    with pytest.raises(ProtocolError):
        subscriptions(prefix)
    with pytest.raises(ProtocolError):
        device_topic("home", "d", MessageKind.STATE, prefix=prefix)


def test_bad_ids_refused_when_building() -> None:
    with pytest.raises(ProtocolError, match="device id"):
        device_topic("home", "a/b", MessageKind.STATE)


def test_protocol_error_is_an_orbithub_error() -> None:
    assert issubclass(ProtocolError, OrbitHubError)


# --- round trips ----------------------------------------------------------------------------


def test_announce_by_model_round_trips() -> None:
    announce = Announce(
        id="plug-1",
        name="Desk plug",
        model="plug",
        room="study",
        aliases=("desk", "书桌插座"),
        sw_version="1.2.0",
    )
    assert decode_announce(ANNOUNCE_TOPIC, encode_announce(ANNOUNCE_TOPIC, announce)) == announce


def test_announce_with_an_owner_round_trips_and_the_owner_is_optional() -> None:
    phone = Announce(id="plug-1", name="Alex's phone", model="phone", owner="alex")
    encoded = encode_announce(ANNOUNCE_TOPIC, phone)
    assert orjson.loads(encoded)["owner"] == "alex"
    assert decode_announce(ANNOUNCE_TOPIC, encoded) == phone
    plain = encode_announce(ANNOUNCE_TOPIC, Announce(id="plug-1", name="Plug", model="plug"))
    assert "owner" not in orjson.loads(plain)
    decoded = decode_announce(ANNOUNCE_TOPIC, plain)
    assert decoded is not None
    assert decoded.owner is None
    bad = b'{"protocol": 1, "id": "plug-1", "name": "P", "model": "plug", "owner": 7}'
    with pytest.raises(ProtocolError, match="'owner' must be non-empty text"):
        decode_announce(ANNOUNCE_TOPIC, bad)


def test_announce_by_spec_round_trips() -> None:
    announce = Announce(id="plug-1", name="Desk plug", spec=device_type("plug"))
    decoded = decode_announce(ANNOUNCE_TOPIC, encode_announce(ANNOUNCE_TOPIC, announce))
    assert decoded == announce
    assert decoded is not None
    assert decoded.spec is not None
    assert decoded.spec.property("switch.on").writable


def test_empty_announce_is_removal() -> None:
    assert decode_announce(ANNOUNCE_TOPIC, encode_removal()) is None


def test_state_round_trips() -> None:
    report = StateReport({"switch.on": True, "2.1": 12.5, "mode": "eco", "n": 3}, ts=1.7e9, seq=9)
    assert decode_state(TOPIC, encode_state(TOPIC, report)) == report
    bare = StateReport({"switch.on": False})
    assert decode_state(TOPIC, encode_state(TOPIC, bare)) == bare


def test_event_round_trips() -> None:
    report = EventReport("lock.opened", {"method": 2, "1": "alice"}, ts=12.0)
    assert decode_event(TOPIC, encode_event(TOPIC, report)) == report
    assert decode_event(TOPIC, b'{"event": "2.1"}') == EventReport("2.1")


def test_availability_round_trips() -> None:
    assert decode_availability(TOPIC, encode_availability(True)) is True
    assert decode_availability(TOPIC, encode_availability(False)) is False
    assert decode_availability(TOPIC, b"") is None  # a cleared retained message


def test_commands_and_reply_round_trip() -> None:
    request = SetRequest("c1", {"switch.on": True})
    assert decode_set(TOPIC, encode_set(TOPIC, request)) == request
    action = ActionRequest("c2", "switch.toggle", (1, 2.5, "x", False))
    assert decode_action(TOPIC, encode_action(TOPIC, action)) == action
    for reply in (Reply("c1", True), Reply("c2", False, "no", {"a.b": 1})):
        assert decode_reply(TOPIC, encode_reply(TOPIC, reply)) == reply


# --- encoding refuses what decoding would refuse --------------------------------------------


@pytest.mark.parametrize(
    ("encode", "message"),
    [
        (encode_state, StateReport({})),
        (encode_state, StateReport({"a": float("nan")})),
        (encode_state, StateReport({"a": 1}, ts=-1.0)),
        (encode_state, StateReport({"a": 1}, seq=-1)),
        (encode_event, EventReport("")),
        (encode_set, SetRequest("", {"a": 1})),
        (encode_set, SetRequest("c", {"a": [1]})),  # type: ignore[dict-item]
        (encode_action, ActionRequest("c", "a", (None,))),  # type: ignore[arg-type]
        (encode_announce, Announce(id="plug-1", name="x")),
        (encode_announce, Announce(id="plug-1", name="x", model="plug", spec=device_type("plug"))),
        (encode_announce, Announce(id="bad id", name="x", model="plug")),
        (encode_state, StateReport({"a": "x" * (MAX_PAYLOAD_BYTES + 1)})),
    ],
)
def test_encode_refuses_invalid_messages(
    encode: Callable[[str, object], bytes], message: object
) -> None:
    with pytest.raises(ProtocolError):
        encode(TOPIC, message)


# --- malformed input ------------------------------------------------------------------------

_SPEC = dump_spec(device_type("plug"))

MALFORMED: list[tuple[str, object]] = [
    ("announce", b"{"),
    ("announce", b"[1]"),
    ("announce", {"id": "plug-1", "name": "x", "model": "plug"}),
    ("announce", {"protocol": 2, "id": "plug-1", "name": "x", "model": "plug"}),
    ("announce", {"protocol": True, "id": "plug-1", "name": "x", "model": "plug"}),
    ("announce", {"protocol": 1, "id": "plug-2", "name": "x", "model": "plug"}),
    ("announce", {"protocol": 1, "id": "bad id", "name": "x", "model": "plug"}),
    ("announce", {"protocol": 1, "id": "plug-1", "model": "plug"}),
    ("announce", {"protocol": 1, "id": "plug-1", "name": "", "model": "plug"}),
    ("announce", {"protocol": 1, "id": "plug-1", "name": "x"}),
    ("announce", {"protocol": 1, "id": "plug-1", "name": "x", "model": "plug", "spec": _SPEC}),
    ("announce", {"protocol": 1, "id": "plug-1", "name": "x", "spec": {"type": "nope"}}),
    ("announce", {"protocol": 1, "id": "plug-1", "name": "x", "spec": [1]}),
    ("announce", {"protocol": 1, "id": "plug-1", "name": "x", "model": 3}),
    ("announce", {"protocol": 1, "id": "plug-1", "name": "x", "model": "plug", "aliases": "a"}),
    ("announce", {"protocol": 1, "id": "plug-1", "name": "x", "model": "plug", "aliases": [1]}),
    ("announce", {"protocol": 1, "id": "plug-1", "name": "x", "model": "plug", "room": 1}),
    ("state", b"\xff\xfe"),
    ("state", b"null"),
    ("state", {}),
    ("state", {"values": []}),
    ("state", {"values": {}}),
    ("state", {"values": {"a": None}}),
    ("state", {"values": {"a": {"b": 1}}}),
    ("state", {"values": {"a": [1]}}),
    ("state", {"values": {"": 1}}),
    ("state", {"values": {"a" * 129: 1}}),
    ("state", {"values": {str(i): i for i in range(300)}}),
    ("state", {"values": {"a": 1}, "ts": "now"}),
    ("state", {"values": {"a": 1}, "ts": True}),
    ("state", {"values": {"a": 1}, "ts": -5}),
    ("state", {"values": {"a": 1}, "seq": 1.5}),
    ("state", {"values": {"a": 1}, "seq": -1}),
    ("event", {}),
    ("event", {"event": 3}),
    ("event", {"event": "a", "arguments": [1]}),
    ("event", {"event": "a", "arguments": {"x": None}}),
    ("event", {"event": "a", "ts": "x"}),
    ("availability", b"ONLINE"),
    ("availability", b"1"),
    ("set", {"values": {"a": 1}}),
    ("set", {"id": "", "values": {"a": 1}}),
    ("set", {"id": 1, "values": {"a": 1}}),
    ("set", {"id": "c"}),
    ("set", {"id": "c", "values": {}}),
    ("action", {"id": "c"}),
    ("action", {"id": "c", "action": "a", "in": {"x": 1}}),
    ("action", {"id": "c", "action": "a", "in": [[1]]}),
    ("action", {"id": "c", "action": "a", "in": list(range(300))}),
    ("reply", {"id": "c"}),
    ("reply", {"id": "c", "ok": "yes"}),
    ("reply", {"id": "c", "ok": 1}),
    ("reply", {"id": "c", "ok": False, "error": 5}),
    ("reply", {"id": "c", "ok": False, "error": "e" * 2000}),
    ("reply", {"id": "c", "ok": True, "outputs": [1]}),
]


@pytest.mark.parametrize(("kind", "message"), MALFORMED)
def test_malformed_input_raises_protocol_error_naming_topic(kind: str, message: object) -> None:
    topic = f"orbit/home/plug-1/{kind}"
    payload = message if isinstance(message, bytes) else orjson.dumps(message)
    with pytest.raises(ProtocolError) as info:
        DECODERS[kind](topic, payload)
    assert info.value.topic == topic
    assert str(info.value).startswith(topic + ": ")


@pytest.mark.parametrize("kind", sorted(DECODERS))
def test_oversized_payloads_are_refused_unparsed(kind: str) -> None:
    topic = f"orbit/home/plug-1/{kind}"
    payload = b'{"values": {"a": "' + b"x" * MAX_PAYLOAD_BYTES + b'"}}'
    # availability is plain text: refused as not online/offline, still unparsed
    with pytest.raises(ProtocolError, match="online" if kind == "availability" else "limit"):
        DECODERS[kind](topic, payload)


def test_deeply_nested_json_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError):
        decode_state(TOPIC, b"[" * 5000 + b"]" * 5000)


# --- fuzzing --------------------------------------------------------------------------------

_json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
_json = st.recursive(
    _json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
_keys = st.sampled_from(
    [
        "protocol",
        "id",
        "name",
        "model",
        "spec",
        "room",
        "aliases",
        "sw_version",
        "values",
        "ts",
        "seq",
        "event",
        "arguments",
        "action",
        "in",
        "ok",
        "error",
        "outputs",
    ]
)


def _assert_protocol_error_or_nothing(call: Callable[[], object], topic: str) -> None:
    """Run ``call``; anything it raises must be a ProtocolError naming ``topic``."""
    try:
        call()
    except ProtocolError as exc:
        error = exc
    else:
        return
    assert error.topic == topic


@pytest.mark.parametrize("kind", sorted(DECODERS))
@settings(max_examples=150, deadline=None)
@given(payload=st.binary(max_size=256))
def test_arbitrary_bytes_raise_only_protocol_error(kind: str, payload: bytes) -> None:
    topic = f"orbit/home/plug-1/{kind}"
    _assert_protocol_error_or_nothing(lambda: DECODERS[kind](topic, payload), topic)


@pytest.mark.parametrize("kind", sorted(DECODERS))
@settings(max_examples=150, deadline=None)
@given(message=st.dictionaries(_keys, _json, max_size=6))
def test_arbitrary_json_objects_raise_only_protocol_error(
    kind: str, message: dict[str, object]
) -> None:
    topic = f"orbit/home/plug-1/{kind}"
    try:
        payload = orjson.dumps(message)
    except TypeError:
        return  # NaN keys and the like: not JSON hypothesis can build here
    _assert_protocol_error_or_nothing(lambda: DECODERS[kind](topic, payload), topic)


@settings(max_examples=100, deadline=None)
@given(topic=st.text(max_size=40))
def test_arbitrary_topics_parse_or_raise_protocol_error(topic: str) -> None:
    _assert_protocol_error_or_nothing(lambda: parse_topic(topic, DEFAULT_PREFIX), topic)


# --- the device maker's guide ---------------------------------------------------------------

# A checked example is a JSON block right after a line ending in its topic: `orbit/...`:
_EXAMPLE = re.compile(r"`(orbit/[^`\s]+)`:\n+```json\n(.*?)```", re.DOTALL)


def test_every_json_example_in_the_guide_decodes() -> None:
    text = DOC.read_text(encoding="utf-8")
    examples = _EXAMPLE.findall(text)
    kinds = set()
    for topic, body in examples:
        parsed = parse_topic(topic)
        assert parsed is not None, topic
        kinds.add(parsed[2])
        DECODERS[parsed[2]](topic, body.strip().encode())
    # every JSON block in the guide is a checked example (none without a topic line)
    assert text.count("```json") == len(examples)
    assert kinds >= {k for k in MessageKind if k is not MessageKind.AVAILABILITY}
