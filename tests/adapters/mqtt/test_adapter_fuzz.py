"""A running adapter fed arbitrary bytes and JSON on every kind of topic it listens to.

The bulk goes straight into the adapter's receive callback (the one the broker connection calls)
so hypothesis can try hundreds of messages in a second; a few real round trips through the
broker then show the same holds on the wire. Invariants, after every message:

* the callback never raises (the client would log and drop it, hiding a bug) and the
  adapter's connection keeps running;
* a known device's state is exactly what the pure decoders say it should be: unchanged by a
  message that is not one of its own, and by one of its own that does not decode;
* every stored value still passes its property's check;
* the good messages that follow still apply.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orbithub.adapters.mqtt import (
    DiscoveredDevice,
    MqttMappingError,
    StateDecodeError,
    decode_state,
    parse_bridge_devices,
    parse_discovery,
    protocol,
)
from orbithub.adapters.mqtt.adapter import MqttAdapter
from orbithub.core.hub import Hub
from orbithub.spec.errors import SpecError
from orbithub.spec.formats import check_report
from orbithub.spec.model import Value

from .conftest import OWN
from .wire import mqtt_url, probe, running_hub, topic_prefix, until

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**64 - 1)  # what JSON encoders emit
    | st.floats()
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
_KEYS = st.sampled_from([
    "state", "brightness", "color_temp", "power", "values", "id", "ok", "ts", "seq", "event",
    "arguments", "protocol", "name", "model", "spec", "unique_id", "state_topic", "schema",
    "ieee_address", "friendly_name", "definition", "exposes", "outputs", "error", "battery",
])  # fmt: skip
_OBJECTS = st.dictionaries(_KEYS, _JSON, max_size=6)
_PAYLOADS = (
    st.binary(max_size=64)
    | st.sampled_from([b"", b"ON", b"OFF", b"online", b"offline", b"null", b"[]", b"{}"])
    | _JSON.map(orjson.dumps)
    | _OBJECTS.map(orjson.dumps)
    | st.lists(_OBJECTS, max_size=3).map(orjson.dumps)
)


@dataclass(frozen=True, slots=True)
class _Fleet:
    """The known devices of one test and the good messages that make them."""

    prefix: str
    ha: DiscoveredDevice
    z2m: DiscoveredDevice
    good: tuple[tuple[str, bytes], ...]
    identity: Mapping[str, str]
    """Topic that defines a device (discovery, bridge list, announce) -> the device's id."""
    orbit_id: str
    good_values: Mapping[str, Mapping[str, Value]]

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.ha.id, self.z2m.id, self.orbit_id)


def _fleet(prefix: str) -> _Fleet:
    ha_topic = f"{prefix}/ha/light/fuzz-lamp/config"
    ha_config = orjson.dumps({
        "name": "Fuzz lamp", "unique_id": "fuzz-lamp", "schema": "json", "brightness": True,
        "state_topic": f"{prefix}/lamp/state", "command_topic": f"{prefix}/lamp/set",
        "supported_color_modes": ["color_temp"],
    })  # fmt: skip
    ha = parse_discovery(ha_topic, ha_config, prefix=f"{prefix}/ha").devices[0]
    bridge_topic = f"{prefix}/z2m/bridge/devices"
    fixture = json.loads((OWN / "z2m_bridge_devices.json").read_text(encoding="utf-8"))
    bridge = orjson.dumps(fixture["payload"])
    z2m = next(
        d
        for d in parse_bridge_devices(bridge, base_topic=f"{prefix}/z2m").devices
        if d.spec.name == "switch"
    )
    announce_topic = f"{prefix}/orbit/home/fuzz-lock/announce"
    announce = protocol.encode_announce(
        announce_topic, protocol.Announce("fuzz-lock", "Fuzz lock", model="lock")
    )
    orbit_state = f"{prefix}/orbit/home/fuzz-lock/state"
    # No ts and no seq: a fuzzed report may carry a far-future seq or ts, after which the
    # protocol rightly drops older-ordered readings; an unordered reading always applies.
    battery = protocol.encode_state(
        orbit_state, protocol.StateReport({"battery.battery-level": 50})
    )
    (z2m_state,) = (t for t in z2m.binding.reads if not t.endswith("availability"))
    return _Fleet(
        prefix,
        ha,
        z2m,
        good=(
            (ha_topic, ha_config),
            (bridge_topic, bridge),
            (announce_topic, announce),
            (f"{prefix}/lamp/state", b'{"state":"ON","brightness":128}'),
            (z2m_state, b'{"state":"ON","power":12.5}'),
            (orbit_state, battery),
        ),
        identity={ha_topic: ha.id, bridge_topic: z2m.id, announce_topic: "fuzz-lock"},
        orbit_id="fuzz-lock",
        good_values={
            ha.id: {"light.on": True, "light.brightness": 50},
            z2m.id: {"switch.on": True, "power-meter.electric-power": 12.5},
            "fuzz-lock": {"battery.battery-level": 50},
        },
    )


def _topics(fleet: _Fleet) -> st.SearchStrategy[str]:
    p = fleet.prefix
    known = sorted({t for t, _ in fleet.good} | fleet.ha.binding.topics | fleet.z2m.binding.topics)
    kinds = [k.value for k in protocol.MessageKind]
    return st.one_of(
        st.sampled_from(known),
        st.builds(
            lambda c, o: f"{p}/ha/{c}/{o}/config",
            st.sampled_from(["light", "switch", "sensor", "binary_sensor", "climate", "device"]),
            st.sampled_from(["x1", "fuzz-lamp", "n/x2", "+", ""]),
        ),
        st.builds(
            lambda s, d, k: f"{p}/orbit/{s}/{d}/{k}",
            st.sampled_from(["home", "nowhere", "b@d", ""]),
            st.sampled_from(["fuzz-lock", "other-1", "x" * 70]),
            st.sampled_from(kinds),
        ),
        st.sampled_from([f"{p}/z2m/unknown_friend", f"{p}/z2m/bridge/info", f"{p}/else"]),
    )


def _values(hub: Hub, device_id: str) -> dict[str, Value]:
    return {path: s.value for path, s in hub.state.device(device_id).items()}


def _expected_after(
    hub: Hub, device: DiscoveredDevice, topic: str, payload: bytes, before: dict[str, Value]
) -> dict[str, Value]:
    """What the pure decoder says one state message does to a discovered device's state."""
    try:
        decoded = decode_state(device.binding, topic, payload)
    except StateDecodeError as exc:
        decoded = dict(exc.values)
    except MqttMappingError:
        return before
    record = hub.registry.device(device.id)
    after = dict(before)
    for address, raw in decoded.items():
        prop = record.spec.find_property(address)
        if prop is None:
            continue
        try:
            after[prop.path] = check_report(prop, raw)
        except SpecError:
            continue
    return after


def _refused_identity(topic: str, payload: bytes, fleet: _Fleet) -> bool:
    """Whether a message on a device-defining topic is one the adapter must refuse whole."""
    try:
        if topic.endswith("/config"):
            parse_discovery(topic, payload, prefix=f"{fleet.prefix}/ha")
        elif topic.endswith("/bridge/devices"):
            if not payload.strip():
                return False  # an empty list: every zigbee2mqtt device left
            parse_bridge_devices(payload, base_topic=f"{fleet.prefix}/z2m")
        else:
            protocol.decode_announce(topic, payload)
    except (MqttMappingError, protocol.ProtocolError):
        return True
    return False


def _check_stored_values(hub: Hub) -> None:
    for device in hub.registry:
        for path, value in _values(hub, device.id).items():
            prop = device.spec.find_property(path)
            if prop is not None:
                check_report(prop, value)  # raises when a bad value got in


def _feed(adapter: MqttAdapter, topic: str, payload: bytes) -> None:
    adapter._on_message(topic, payload, {})


def _restore(hub: Hub, adapter: MqttAdapter, fleet: _Fleet) -> None:
    for topic, payload in fleet.good:
        _feed(adapter, topic, payload)
    for device_id, values in fleet.good_values.items():
        got = _values(hub, device_id)
        assert {k: got.get(k) for k in values} == values, device_id


async def test_arbitrary_messages_on_every_topic_kind(request: pytest.FixtureRequest) -> None:
    prefix = topic_prefix(request)
    fleet = _fleet(prefix)
    async with running_hub(mqtt_url(), prefix) as (hub, adapter):

        @settings(
            max_examples=400,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(topic=_topics(fleet), payload=_PAYLOADS)
        def one_message(topic: str, payload: bytes) -> None:
            # Restore first: an example that failed (while hypothesis shrinks) left its mess.
            _restore(hub, adapter, fleet)
            before = {i: _values(hub, i) for i in fleet.ids}
            _feed(adapter, topic, payload)
            for device in (fleet.ha, fleet.z2m):
                if topic in device.binding.reads and hub.registry.find_device(device.id):
                    expected = _expected_after(hub, device, topic, payload, before[device.id])
                    assert _values(hub, device.id) == expected, (topic, payload)
            owner = fleet.identity.get(topic)
            # Only the device's own space's state topic may change it; another space's is refused.
            decodes = (
                topic.startswith(f"{prefix}/orbit/home/")
                and topic.endswith("/state")
                and _orbit_state_decodes(topic, payload)
            )
            for device_id in fleet.ids:
                own_state = device_id in {fleet.ha.id, fleet.z2m.id} and topic in (
                    fleet.ha.binding.reads if device_id == fleet.ha.id else fleet.z2m.binding.reads
                )
                if own_state or (device_id == fleet.orbit_id and decodes):
                    continue
                if owner == device_id and not _refused_identity(topic, payload, fleet):
                    continue  # a valid new definition may rightly replace or remove it
                assert hub.registry.find_device(device_id) is not None, (device_id, topic, payload)
                assert _values(hub, device_id) == before[device_id], (topic, payload)
            _check_stored_values(hub)

        one_message()
        _restore(hub, adapter, fleet)  # the good messages still apply after the last one
        assert adapter.faults.total > 0  # the fuzz did reach the refusal paths
        await adapter.settled()  # the subscriptions discovery queued went out fine
        assert adapter.client.connected.is_set()


def _orbit_state_decodes(topic: str, payload: bytes) -> bool:
    try:
        protocol.decode_state(topic, payload)
    except protocol.ProtocolError:
        return False
    return True


_BAD = (
    b"\xff\xfe not utf-8",
    b"{",
    b"[1, 2",
    b'{"values": {"battery.battery-level": 999}}',
    b'{"values": {"battery.battery-level": "full"}}',
    b'{"state": "MAYBE", "power": "lots"}',
    b'{"state": "ON", "brightness": "bright"}',
    b"null",
    b"x" * 70_000,
)


async def test_bad_messages_through_the_broker_leave_good_state(
    request: pytest.FixtureRequest,
) -> None:
    prefix = topic_prefix(request)
    fleet = _fleet(prefix)
    url = mqtt_url()
    async with running_hub(url, prefix) as (hub, adapter), probe(url) as p:
        for topic, payload in fleet.good:
            if topic in fleet.identity:
                await p.publish(topic, payload, retain=True)
        await until(hub, lambda: all(hub.registry.find_device(i) for i in fleet.ids))
        await adapter.settled()  # the devices' own topics are subscribed now
        for topic, payload in fleet.good:
            if topic not in fleet.identity:
                await p.publish(topic, payload)
        await until(hub, lambda: _matches(hub, fleet))
        for topic, _ in fleet.good:
            for payload in _BAD:
                await p.publish(topic, payload)
        # Published after the bad ones on the same connection, so they arrive after them.
        await p.publish(f"{prefix}/lamp/state", b'{"state":"OFF","brightness":255}')
        await until(hub, lambda: hub.state.value(fleet.ha.id, "light.brightness") == 100)
        assert hub.state.value(fleet.ha.id, "light.on") is False
        assert _values(hub, fleet.z2m.id) == dict(fleet.good_values[fleet.z2m.id])
        assert hub.state.value("fuzz-lock", "battery.battery-level") == 50
        assert adapter.faults.total >= len(_BAD)
        assert adapter.client.connected.is_set()
        _check_stored_values(hub)


def _matches(hub: Hub, fleet: _Fleet) -> bool:
    return all(
        {k: _values(hub, i).get(k) for k in values} == values
        for i, values in fleet.good_values.items()
    )


async def test_another_spaces_topics_do_not_touch_a_device(
    request: pytest.FixtureRequest,
) -> None:
    prefix = topic_prefix(request)
    fleet = _fleet(prefix)
    async with running_hub(mqtt_url(), prefix) as (hub, adapter):
        _restore(hub, adapter, fleet)
        topic = f"{prefix}/orbit/office/fuzz-lock/state"
        state = protocol.encode_state(topic, protocol.StateReport({"battery.battery-level": 7}))
        _feed(adapter, topic, state)
        _feed(adapter, f"{prefix}/orbit/office/fuzz-lock/announce", b"")
        assert hub.registry.find_device("fuzz-lock") is not None
        assert hub.state.value("fuzz-lock", "battery.battery-level") == 50
