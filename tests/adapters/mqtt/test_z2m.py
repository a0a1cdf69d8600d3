"""zigbee2mqtt bridge/devices parsing and state/command translation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from orbithub.adapters.mqtt import (
    DiscoveredDevice,
    DiscoveryError,
    PayloadTooLarge,
    StateDecodeError,
    Z2mDevices,
    decode_availability,
    decode_state,
    encode_command,
    parse_bridge_devices,
)
from orbithub.spec.model import Access, Format

from .conftest import OWN, SHARED_Z2M, load, payload_bytes, shared_dir


def _parse(path: Path) -> Z2mDevices:
    return parse_bridge_devices(payload_bytes(load(path)))


def _by_name(result: Z2mDevices) -> dict[str, DiscoveredDevice]:
    return {d.name: d for d in result.devices}


@pytest.fixture(scope="module")
def home() -> dict[str, DiscoveredDevice]:
    return _by_name(_parse(OWN / "z2m_bridge_devices_home.json"))


@pytest.fixture(scope="module")
def own() -> Z2mDevices:
    return _parse(OWN / "z2m_bridge_devices.json")


def test_shared_bridge_devices_build_when_present() -> None:
    # The recorded zigbee2mqtt list beside a full checkout is an extra layer: every device
    # but the coordinator builds, and nothing is skipped.
    result = _parse(shared_dir(SHARED_Z2M) / "bridge_devices.json")
    names = {d.name for d in result.devices}
    assert "Coordinator" not in names
    assert len(names) == 9
    assert all(d.spec.properties() or d.binding.actions for d in result.devices)


def test_home_devices_coordinator_skipped(home: dict[str, DiscoveredDevice]) -> None:
    assert set(home) == {"reading_lamp", "balcony_weather", "kettle_plug", "hall_module"}


def test_home_bulb(home: dict[str, DiscoveredDevice]) -> None:
    bulb = home["reading_lamp"]
    assert bulb.id == "z2m:0x001788010b2c3d4e"
    assert bulb.spec.name == "light"
    assert (bulb.info.manufacturer, bulb.info.model) == ("Philips", "7146060PH")
    bri = bulb.spec.property("light.brightness")
    assert (bri.format, bri.unit) == (Format.UINT8, "percentage")
    assert bri.access == frozenset({Access.READ, Access.NOTIFY, Access.WRITE})
    ct = bulb.spec.property("light.color-temperature")
    assert ct.value_range is not None
    # 153..500 mired -> 2000..6536 K
    assert (ct.value_range.min, ct.value_range.max, ct.unit) == (2000, 6536, "kelvin")
    effect = bulb.spec.property("settings.effect")
    assert effect.access == frozenset({Access.WRITE})
    assert len(effect.value_list) == 6
    state = b'{"state":"ON","brightness":127}'
    assert decode_state(bulb.binding, "zigbee2mqtt/reading_lamp", state) == {
        "light.on": True,
        "light.brightness": 50,
    }
    assert encode_command(bulb.binding, "light.brightness", 100) == [
        ("zigbee2mqtt/reading_lamp/set", b'{"brightness":254}')
    ]
    assert encode_command(bulb.binding, "light.color-temperature", 2500) == [
        ("zigbee2mqtt/reading_lamp/set", b'{"color_temp":400}')
    ]


def test_home_color_composite_flattened(home: dict[str, DiscoveredDevice]) -> None:
    hue = home["reading_lamp"]
    assert {"light.color-x", "light.color-y", "light.color-hue", "light.color-saturation"} <= {
        p.path for p in hue.spec.properties()
    }
    state = b'{"color":{"x":0.31,"y":0.32}}'
    assert decode_state(hue.binding, "zigbee2mqtt/reading_lamp", state) == {
        "light.color-x": 0.31,
        "light.color-y": 0.32,
    }


def test_home_weather_sensor(home: dict[str, DiscoveredDevice]) -> None:
    sensor = home["balcony_weather"]
    paths = {p.path for p in sensor.spec.properties()}
    assert {
        "environment.temperature",
        "environment.relative-humidity",
        "environment.atmospheric-pressure",
        "battery.battery-level",
        "connectivity.link-quality",
    } <= paths
    assert sensor.spec.property("environment.temperature").unit == "celsius"
    battery = sensor.spec.property("battery.battery-level")
    assert battery.value_range is not None
    assert (battery.format, battery.value_range.max) == (Format.UINT8, 100)


def _state_messages() -> list[dict[str, Any]]:
    data = json.loads((OWN / "z2m_state_messages.json").read_text(encoding="utf-8"))
    messages: list[dict[str, Any]] = data["messages"]
    return messages


def test_home_plug_state_message(home: dict[str, DiscoveredDevice]) -> None:
    plug = home["kettle_plug"]
    assert plug.spec.property("power-meter.electric-power").unit == "watt"
    [message] = [m for m in _state_messages() if m["topic"] == "zigbee2mqtt/kettle_plug"]
    payload = json.dumps(message["payload"]).encode()
    values = decode_state(plug.binding, message["topic"], payload)
    assert values["switch.on"] is True
    assert values["power-meter.electric-power"] == 1850.5


def test_home_module_endpoints(home: dict[str, DiscoveredDevice]) -> None:
    module = home["hall_module"]
    services = [s.name for s in module.spec.services]
    for endpoint in ("l1", "l2", "l3"):
        assert f"light-{endpoint}" in services
    assert {"curtain-l6", "curtain-l7"} <= set(services)
    assert encode_command(module.binding, "light-l2.on", True) == [
        ("zigbee2mqtt/hall_module/l2/set", b'{"state":"ON"}')
    ]
    assert encode_command(module.binding, "light-l2.brightness", 20) == [
        ("zigbee2mqtt/hall_module/l2/set", b'{"brightness":51}')
    ]
    state = b'{"state_l2":"OFF","brightness_l2":254,"position_l6":30}'
    assert decode_state(module.binding, "zigbee2mqtt/hall_module", state) == {
        "light-l2.on": False,
        "light-l2.brightness": 100,
        "curtain-l6.current-position": 30,
    }
    assert encode_command(module.binding, "curtain-l6.motor-control", 2) == [
        ("zigbee2mqtt/hall_module/l6/set", b'{"state":"CLOSE"}')
    ]


def test_own_fixture_devices(own: Z2mDevices) -> None:
    devices = _by_name(own)
    assert set(devices) == {
        "hall_bulb", "desk_plug", "bathroom_sensor", "living_trv", "front_door", "double_switch",
        "bedroom_blind",
    }  # fmt: skip
    assert [s.what for s in own.skipped] == ["mystery"]
    bulb = devices["hall_bulb"]
    assert any("list" in s.reason for s in bulb.skipped)
    assert bulb.info.sw_version == "1.2.3"
    ct = bulb.spec.property("light.color-temperature")
    assert ct.value_range is not None
    assert (ct.value_range.min, ct.value_range.max) == (2703, 6536)


def test_own_sensor_contact_and_occupancy(own: Z2mDevices) -> None:
    sensor = _by_name(own)["bathroom_sensor"]
    topic = "zigbee2mqtt/bathroom_sensor"
    payload = b'{"temperature":21.4,"humidity":55,"battery":97,"contact":true,"occupancy":false}'
    assert decode_state(sensor.binding, topic, payload) == {
        "environment.temperature": 21.4,
        "environment.relative-humidity": 55.0,
        "battery.battery-level": 97,
        # z2m contact=true means closed, and contact-state is true when closed
        "magnet-sensor.contact-state": True,
        "motion-sensor.motion-state": False,
    }


def test_own_trv_lock_and_switch(own: Z2mDevices) -> None:
    devices = _by_name(own)
    trv = devices["living_trv"]
    assert trv.spec.name == "thermostat"
    target = trv.spec.property("thermostat.target-temperature")
    assert target.value_range is not None
    assert (target.format, target.value_range.step) == (Format.FLOAT, 0.5)
    assert encode_command(trv.binding, "thermostat.target-temperature", 21.5) == [
        ("zigbee2mqtt/living_trv/set", b'{"occupied_heating_setpoint":21.5}')
    ]
    assert encode_command(trv.binding, "thermostat.mode", 1) == [
        ("zigbee2mqtt/living_trv/set", b'{"system_mode":"heat"}')
    ]
    lock = devices["front_door"]
    assert decode_state(lock.binding, "zigbee2mqtt/front_door", b'{"state":"LOCK"}') == {
        "lock.locked": True
    }
    assert encode_command(lock.binding, "lock.locked", False) == [
        ("zigbee2mqtt/front_door/set", b'{"state":"UNLOCK"}')
    ]
    switch = devices["double_switch"]
    assert encode_command(switch.binding, "switch-right.on", False) == [
        ("zigbee2mqtt/double_switch/right/set", b'{"state":"OFF"}')
    ]
    blind = devices["bedroom_blind"]
    assert encode_command(blind.binding, "curtain.target-position", 90) == [
        ("zigbee2mqtt/bedroom_blind/set", b'{"position":90}')
    ]


def test_availability_new_and_legacy(own: Z2mDevices) -> None:
    plug = _by_name(own)["desk_plug"]
    topic = "zigbee2mqtt/desk_plug/availability"
    assert decode_availability(plug.binding, topic, b'{"state":"online"}') is True
    assert decode_availability(plug.binding, topic, b'{"state":"offline"}') is False
    assert decode_availability(plug.binding, topic, b"online") is True
    assert decode_availability(plug.binding, topic, b"offline") is False
    assert topic in plug.binding.topics


def test_bad_state_is_typed(own: Z2mDevices) -> None:
    plug = _by_name(own)["desk_plug"]
    with pytest.raises(StateDecodeError, match="zigbee2mqtt/desk_plug"):
        decode_state(plug.binding, "zigbee2mqtt/desk_plug", b"ON")
    with pytest.raises(StateDecodeError, match="zigbee2mqtt/desk_plug"):
        decode_state(plug.binding, "zigbee2mqtt/desk_plug", b'{"power":"lots"}')


@pytest.mark.parametrize(
    ("payload", "error", "needle"),
    [
        (b"{", DiscoveryError, "not JSON"),
        (b'{"devices": []}', DiscoveryError, "list"),
        (b"[" + b" " * (1024 * 1024) + b"]", PayloadTooLarge, "limit"),
    ],
)
def test_bad_bridge_devices(payload: bytes, error: type[Exception], needle: str) -> None:
    with pytest.raises(error, match=needle) as info:
        parse_bridge_devices(payload)
    assert "zigbee2mqtt/bridge/devices" in str(info.value)


def test_malformed_entries_are_skipped_not_fatal() -> None:
    payload = json.dumps(
        [
            3,
            {"friendly_name": "x"},
            {"friendly_name": "y", "ieee_address": "0x1", "definition": {"exposes": "nope"}},
            {"friendly_name": "z", "ieee_address": "0x2", "disabled": True, "definition": None},
        ]
    ).encode()
    result = parse_bridge_devices(payload)
    assert result.devices == ()
    assert len(result.skipped) == 4


def test_decoded_values_pass_the_spec_check(own: Z2mDevices) -> None:
    from orbithub.spec.formats import check_report

    devices = _by_name(own)
    cases = [
        ("hall_bulb", b'{"state":"ON","brightness":1,"color_temp":250,"color":{"x":0.3,"y":0.3}}'),
        ("bathroom_sensor", b'{"temperature":21.4,"humidity":55,"battery":97,"contact":true}'),
        ("living_trv", b'{"local_temperature":19.5,"occupied_heating_setpoint":21.5}'),
        ("bedroom_blind", b'{"state":"OPEN","position":100}'),
    ]
    for name, payload in cases:
        device = devices[name]
        values = decode_state(device.binding, f"zigbee2mqtt/{name}", payload)
        assert values
        for path, value in values.items():
            assert check_report(device.spec.property(path), value) == value


def test_a_zigbee_door_that_opens_reads_open(own: Z2mDevices) -> None:
    # contact-state follows the built-in magnet sensor: true when the door is closed.
    sensor = _by_name(own)["bathroom_sensor"]
    topic = "zigbee2mqtt/bathroom_sensor"
    opened = decode_state(sensor.binding, topic, b'{"contact":false}')
    closed = decode_state(sensor.binding, topic, b'{"contact":true}')
    assert opened == {"magnet-sensor.contact-state": False}
    assert closed == {"magnet-sensor.contact-state": True}
