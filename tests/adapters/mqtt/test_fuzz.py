"""Arbitrary input never escapes as anything but the typed errors."""

from __future__ import annotations

import contextlib
import json

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from orbithub.adapters.mqtt import (
    CommandEncodeError,
    DiscoveryError,
    StateDecodeError,
    decode_availability,
    decode_events,
    decode_state,
    encode_command,
    parse_bridge_devices,
    parse_discovery,
)

from .conftest import OWN, load, payload_bytes

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
_KEYS = st.sampled_from([
    "stat_t", "cmd_t", "val_tpl", "avty", "avty_t", "dev", "options", "min", "max", "step",
    "brightness_scale", "schema", "modes", "pl_on", "cmps", "p", "~", "max_mireds",
    "state_topic", "command_topic", "speed_range_max", "device", "json_attr_t", "temp_step",
    "brightness", "supported_color_modes", "effect_list", "effect", "position_open", "unique_id",
])  # fmt: skip
_CONFIGS = st.dictionaries(_KEYS, _JSON, max_size=8)
_COMPONENTS = st.sampled_from([
    "light", "switch", "sensor", "binary_sensor", "climate", "cover", "lock", "fan", "number",
    "select", "button", "device_tracker", "scene", "siren", "update", "event", "tag",
    "device_automation", "text", "device", "bogus",
])  # fmt: skip

_DEVICES = [
    *(parse_discovery(f["topic"], payload_bytes(f)).devices[0]
      for f in (load(p) for p in sorted((OWN / "ha-discovery").glob("*.json")))),
    *parse_bridge_devices(payload_bytes(load(OWN / "z2m_bridge_devices.json"))).devices,
]  # fmt: skip
_TOPICS = sorted({t for d in _DEVICES for t in d.binding.topics})


@settings(max_examples=300, deadline=None)
@given(component=_COMPONENTS, config=_CONFIGS)
def test_parse_discovery_on_random_configs(component: str, config: dict[str, object]) -> None:
    topic = f"homeassistant/{component}/obj/config"
    try:
        parse_discovery(topic, json.dumps(config).encode())
    except DiscoveryError as exc:
        error = exc
    else:
        return
    assert topic in str(error)


@settings(max_examples=200, deadline=None)
@given(topic=st.text(max_size=40), payload=st.binary(max_size=200))
def test_parse_discovery_on_random_bytes(topic: str, payload: bytes) -> None:
    with contextlib.suppress(DiscoveryError):
        parse_discovery(topic, payload)


@settings(max_examples=200, deadline=None)
@given(payload=_JSON)
def test_parse_bridge_devices_on_random_json(payload: object) -> None:
    with contextlib.suppress(DiscoveryError):
        parse_bridge_devices(orjson.dumps(payload))


@settings(max_examples=400, deadline=None)
@given(
    index=st.integers(0, len(_DEVICES) - 1),
    topic=st.sampled_from(_TOPICS),
    payload=st.one_of(st.binary(max_size=100), _JSON.map(orjson.dumps)),
)
def test_decoders_on_random_payloads(index: int, topic: str, payload: bytes) -> None:
    binding = _DEVICES[index].binding
    for decode in (decode_state, decode_events, decode_availability):
        try:
            decode(binding, topic, payload)
        except StateDecodeError as exc:
            error = exc
        else:
            continue
        assert error.topic == topic


@settings(max_examples=300, deadline=None)
@given(
    index=st.integers(0, len(_DEVICES) - 1),
    value=st.one_of(
        st.booleans(), st.integers(-1000, 100000), st.floats(allow_nan=False), st.text(max_size=10)
    ),
    data=st.data(),
)
def test_encode_command_on_random_values(index: int, value: object, data: st.DataObject) -> None:
    device = _DEVICES[index]
    paths = sorted(device.binding.writes)
    if not paths:
        return
    path = data.draw(st.sampled_from(paths))
    with contextlib.suppress(CommandEncodeError):
        encode_command(device.binding, path, value)  # type: ignore[arg-type]
