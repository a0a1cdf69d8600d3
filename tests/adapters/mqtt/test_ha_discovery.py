"""Discovery forms: abbreviations, ``~``, device-based ``cmps``, removal, grouping, errors."""

from __future__ import annotations

import json

import pytest

from orbithub.adapters.mqtt import (
    AvailabilityMode,
    DiscoveryCatalog,
    DiscoveryError,
    PayloadTooLarge,
    UnknownComponentError,
    decode_state,
    encode_command,
    is_available,
    parse_discovery,
)


def _bytes(config: object) -> bytes:
    return json.dumps(config).encode()


ABBREVIATED = {
    "~": "home/bedroom/lamp",
    "name": "Lamp",
    "uniq_id": "lamp-1",
    "cmd_t": "~/set",
    "stat_t": "~/state",
    "pl_on": "1",
    "pl_off": "0",
    "bri_cmd_t": "~/brightness/set",
    "bri_stat_t": "~/brightness",
    "bri_scl": 100,
    "bri_val_tpl": "{{ value_json.level }}",
    "avty_t": "~/status",
    "pl_avail": "up",
    "pl_not_avail": "down",
    "json_attr_t": "~/attrs",
    "dev": {"ids": ["lamp-dev"], "mf": "Acme", "mdl": "L1", "name": "Bedroom lamp", "sw": "2.0"},
    "o": {"name": "firmware", "sw": "1.0"},
}


def test_abbreviated_keys_and_base_topic() -> None:
    result = parse_discovery("homeassistant/light/lamp/config", _bytes(ABBREVIATED))
    [device] = result.devices
    assert device.id == "mqtt:lamp-dev"
    assert device.info.manufacturer == "Acme"
    assert device.info.sw_version == "2.0"
    assert device.unique_ids == ("lamp-1",)
    assert {p.path for p in device.spec.properties()} == {"light-lamp.on", "light-lamp.brightness"}
    binding = device.binding
    assert decode_state(binding, "home/bedroom/lamp/state", b"1") == {"light-lamp.on": True}
    assert decode_state(binding, "home/bedroom/lamp/brightness", b'{"level": 30}') == {
        "light-lamp.brightness": 30
    }
    assert encode_command(binding, "light-lamp.on", False) == [("home/bedroom/lamp/set", b"0")]
    assert binding.availability is not None
    [avail] = binding.availability.topics
    assert (avail.topic, avail.payload_available, avail.payload_not_available) == (
        "home/bedroom/lamp/status",
        "up",
        "down",
    )


def test_base_topic_suffix_form_and_availability_list() -> None:
    config = {
        "~": "sensors/kitchen",
        "stat_t": "temperature/~",
        "dev_cla": "temperature",
        "unit_of_meas": "°C",
        "avty": [{"t": "~/online"}, {"t": "bridge/state", "val_tpl": "{{ value_json.state }}"}],
        "avty_mode": "all",
    }
    [device] = parse_discovery("homeassistant/sensor/k/t/config", _bytes(config)).devices
    assert decode_state(device.binding, "temperature/sensors/kitchen", b"21.5") == {
        "environment.temperature": 21.5
    }
    availability = device.binding.availability
    assert availability is not None
    assert availability.mode is AvailabilityMode.ALL
    assert [t.topic for t in availability.topics] == ["sensors/kitchen/online", "bridge/state"]
    seen = {"sensors/kitchen/online": True}
    assert not is_available(availability, seen, "sensors/kitchen/online")
    seen["bridge/state"] = True
    assert is_available(availability, seen, "bridge/state")


def test_device_based_discovery_with_shared_options() -> None:
    config = {
        "dev": {"ids": "abc123", "name": "Multisensor"},
        "o": {"name": "fw"},
        "stat_t": "multi/state",
        "cmps": {
            "t": {
                "p": "sensor",
                "dev_cla": "temperature",
                "unit_of_meas": "°C",
                "val_tpl": "{{ value_json.t }}",
                "uniq_id": "abc-t",
            },
            "h": {
                "p": "sensor",
                "dev_cla": "humidity",
                "unit_of_meas": "%",
                "val_tpl": "{{ value_json.h }}",
                "uniq_id": "abc-h",
            },
            "r": {
                "p": "switch",
                "cmd_t": "multi/relay/set",
                "name": "Relay",
                "uniq_id": "abc-r",
                "val_tpl": "{{ value_json.relay }}",
            },
            "v": {"p": "vacuum", "cmd_t": "multi/vac"},
            "x": {"p": "frobnicator"},
        },
    }
    result = parse_discovery("homeassistant/device/abc123/config", _bytes(config))
    [device] = result.devices
    assert {p.path for p in device.spec.properties()} == {
        "environment.temperature",
        "environment.relative-humidity",
        "switch-relay.on",
    }
    assert decode_state(device.binding, "multi/state", b'{"t": 20, "h": 40.5, "relay": "ON"}') == {
        "environment.temperature": 20.0,
        "environment.relative-humidity": 40.5,
        "switch-relay.on": True,
    }
    assert result.removed == ("device/abc123/frobnicator/x",)
    assert any("vacuum" in s.reason for s in result.skipped)


def test_components_sharing_identifiers_form_one_device_and_removal() -> None:
    catalog = DiscoveryCatalog()
    dev = {"identifiers": ["plug-9"], "name": "Plug"}
    switch = {"cmd_t": "plug/set", "stat_t": "plug/state", "uniq_id": "p-sw", "dev": dev}
    power = {
        "stat_t": "plug/power",
        "dev_cla": "power",
        "unit_of_meas": "W",
        "uniq_id": "p-w",
        "dev": dev,
    }
    catalog.apply(parse_discovery("homeassistant/switch/plug9/relay/config", _bytes(switch)))
    change = catalog.apply(
        parse_discovery("homeassistant/sensor/plug9/power/config", _bytes(power))
    )
    [device] = change.devices
    assert device.id == "mqtt:plug-9"
    assert {p.path for p in device.spec.properties()} == {"switch.on", "power-meter.electric-power"}
    assert device.spec.name == "switch"
    removal = parse_discovery("homeassistant/sensor/plug9/power/config", b"")
    assert removal.removed == ("sensor/plug9/power",)
    change = catalog.apply(removal)
    assert change.removed_unique_ids == ("p-w",)
    assert {p.path for p in change.devices[0].spec.properties()} == {"switch.on"}
    change = catalog.apply(parse_discovery("homeassistant/switch/plug9/relay/config", b""))
    assert change.removed_devices == ("mqtt:plug-9",)
    assert catalog.devices() == []


def test_device_based_removal_removes_all_components() -> None:
    catalog = DiscoveryCatalog()
    config = {
        "dev": {"ids": ["d1"]},
        "cmps": {"a": {"p": "sensor", "stat_t": "d1/a", "uniq_id": "u-a"}},
    }
    catalog.apply(parse_discovery("homeassistant/device/d1/config", _bytes(config)))
    change = catalog.apply(parse_discovery("homeassistant/device/d1/config", b""))
    assert change.removed_unique_ids == ("u-a",)
    assert change.removed_devices == ("mqtt:d1",)


def test_custom_prefix() -> None:
    config = {"stat_t": "x/state"}
    result = parse_discovery("ha/disc/binary_sensor/x/config", _bytes(config), prefix="ha/disc")
    assert result.devices[0].spec.property("sensor.x").readable


@pytest.mark.parametrize(
    ("topic", "payload", "error", "needle"),
    [
        ("homeassistant/light/a/config", b"{oops", DiscoveryError, "not JSON"),
        ("homeassistant/light/a/config", b"[1, 2]", DiscoveryError, "JSON object"),
        ("homeassistant/frobnicator/a/config", b"{}", UnknownComponentError, "frobnicator"),
        ("homeassistant/switch/a/config", b'{"stat_t": "s"}', DiscoveryError, "command_topic"),
        ("homeassistant/sensor/a/config", b'{"name": "n"}', DiscoveryError, "state_topic"),
        (
            "homeassistant/select/a/config",
            b'{"cmd_t": "c", "options": "x"}',
            DiscoveryError,
            "options",
        ),
        ("homeassistant/number/a/config", b'{"cmd_t": "c", "min": "low"}', DiscoveryError, "min"),
        (
            "homeassistant/light/a/config",
            b'{"cmd_t": "c", "schema": "weird"}',
            DiscoveryError,
            "schema",
        ),
        ("homeassistant/light/a/b/c/config", b"{}", DiscoveryError, "discovery topic"),
        ("homeassistant/light/a/state", b"{}", DiscoveryError, "/config"),
        ("other/light/a/config", b"{}", DiscoveryError, "discovery topic"),
        ("homeassistant/sensor/a/config", b'{"stat_t": "s", "dev": "x"}', DiscoveryError, "device"),
        (
            "homeassistant/sensor/a/config",
            b'{"stat_t": "s", "avty": 3}',
            DiscoveryError,
            "availability",
        ),
        ("homeassistant/device/d/config", b'{"dev": {"ids": ["d"]}}', DiscoveryError, "cmps"),
    ],
)
def test_bad_discovery_messages_raise_typed_errors_naming_the_topic(
    topic: str, payload: bytes, error: type[Exception], needle: str
) -> None:
    with pytest.raises(error, match=needle) as info:
        parse_discovery(topic, payload)
    assert topic in str(info.value)


def test_oversized_discovery_payload() -> None:
    with pytest.raises(PayloadTooLarge, match="homeassistant/sensor/big/config"):
        parse_discovery("homeassistant/sensor/big/config", b" " * (64 * 1024 + 1))


def test_known_but_unmapped_component_is_skipped_not_an_error() -> None:
    result = parse_discovery("homeassistant/vacuum/robo/config", b'{"cmd_t": "r/cmd"}')
    assert result.devices == ()
    assert "vacuum" in result.skipped[0].reason


def test_colour_control_is_reported_as_skipped() -> None:
    config = {"cmd_t": "c", "rgb_cmd_t": "c/rgb"}
    [device] = parse_discovery("homeassistant/light/rgb/config", _bytes(config)).devices
    assert any("colour" in s.reason for s in device.skipped)
