"""The built-in device types: every one loads and keeps the paths other parts rely on."""

from __future__ import annotations

import json

import pytest

import orbithub.spec
from orbithub.spec import (
    Access,
    Format,
    UnknownDeviceType,
    check_value,
    device_type,
    dump_spec,
    library_keys,
    load_library,
    load_spec,
)

R, W, N = Access.READ, Access.WRITE, Access.NOTIFY
RN = frozenset({R, N})
RWN = frozenset({R, W, N})
WO = frozenset({W})

# key -> readable path -> (format, access, (min, max, step) or None, unit or None,
# value-list values or None). None in a slot means "not pinned by the contract".
CONTRACT: dict[str, dict[str, tuple[object, ...]]] = {
    "light": {
        "light.on": (Format.BOOL, RWN, None, None, None),
        "light.brightness": (Format.UINT8, RWN, (1, 100, 1), "percentage", None),
        "light.color-temperature": (Format.UINT16, RWN, (2700, 6500, 1), "kelvin", None),
    },
    "switch": {"switch.on": (Format.BOOL, RWN, None, None, None)},
    "plug": {
        "switch.on": (Format.BOOL, RWN, None, None, None),
        "power-meter.electric-power": (Format.FLOAT, RN, (0, 4000, 0.1), "watt", None),
        "power-meter.power-consumption": (Format.FLOAT, RN, (0, 1000000, 0.001), "kWh", None),
        "power-meter.voltage": (Format.FLOAT, None, None, "volt", None),
        "power-meter.electric-current": (Format.FLOAT, None, None, "ampere", None),
    },
    "temperature-humidity-sensor": {
        "temperature-humidity-sensor.temperature": (
            Format.FLOAT,
            RN,
            (-40, 125, 0.1),
            "celsius",
            None,
        ),
        "temperature-humidity-sensor.relative-humidity": (
            Format.FLOAT,
            RN,
            (0, 100, 0.1),
            "percentage",
            None,
        ),
        "battery.battery-level": (Format.UINT8, RN, (0, 100, 1), "percentage", None),
    },
    "motion-sensor": {
        "motion-sensor.motion-state": (Format.BOOL, RN, None, None, None),
        "motion-sensor.illumination": (Format.FLOAT, RN, (0, 100000, 1), "lux", None),
        "battery.battery-level": (Format.UINT8, RN, (0, 100, 1), "percentage", None),
    },
    "contact-sensor": {
        "magnet-sensor.contact-state": (Format.BOOL, RN, None, None, None),
        "battery.battery-level": (Format.UINT8, RN, (0, 100, 1), "percentage", None),
    },
    "air-conditioner": {
        "air-conditioner.on": (Format.BOOL, RWN, None, None, None),
        "air-conditioner.mode": (Format.UINT8, RWN, None, None, [0, 1, 2, 3, 4]),
        "air-conditioner.target-temperature": (Format.FLOAT, RWN, (16, 31, 0.5), "celsius", None),
        "fan-control.fan-level": (Format.UINT8, RWN, None, None, [0, 1, 2, 3]),
        "environment.temperature": (Format.FLOAT, RN, (-40, 100, 0.1), "celsius", None),
        "power-meter.electric-power": (Format.FLOAT, RN, None, "watt", None),
    },
    "air-purifier": {
        "air-purifier.on": (Format.BOOL, RWN, None, None, None),
        "air-purifier.mode": (Format.UINT8, None, None, None, [0, 1, 2, 3]),
        "air-purifier.fan-level": (Format.UINT8, RWN, (1, 3, 1), None, None),
        "environment.pm2.5-density": (Format.UINT16, RN, (0, 1000, 1), "μg/m3", None),
        "filter.filter-life-level": (Format.UINT8, RN, (0, 100, 1), "percentage", None),
        "power-meter.electric-power": (Format.FLOAT, None, None, "watt", None),
    },
    "curtain": {
        "curtain.motor-control": (Format.UINT8, WO, None, None, [0, 1, 2]),
        "curtain.current-position": (Format.UINT8, RN, (0, 100, 1), "percentage", None),
        "curtain.target-position": (Format.UINT8, RWN, (0, 100, 1), "percentage", None),
    },
    **{
        key: {
            f"{key}.motor-control": (Format.UINT8, WO, None, None, [0, 1, 2]),
            f"{key}.status": (Format.UINT8, RN, None, None, [0, 1, 2, 3, 4]),
        }
        for key in ("garage-door", "gate", "door")
    },
    "window-opener": {
        "window-opener.motor-control": (Format.UINT8, WO, None, None, [0, 1, 2]),
        "window-opener.status": (Format.UINT8, RN, None, None, [0, 1, 2, 3, 4]),
        "window-opener.target-position": (Format.UINT8, RWN, (0, 100, 1), "percentage", None),
    },
    "lock": {
        "lock.locked": (Format.BOOL, RWN, None, None, None),
        "lock.door-state": (Format.UINT8, RN, None, None, [0, 1]),
        "lock.operation-method": (Format.UINT8, None, None, None, [0, 1, 2, 3, 4]),
        "battery.battery-level": (Format.UINT8, RN, (0, 100, 1), "percentage", None),
    },
    "vacuum": {
        "vacuum.status": (Format.UINT8, RN, None, None, [1, 2, 3, 4, 5, 6]),
        "vacuum.cleaned-area": (Format.FLOAT, RN, None, "m2", None),
        "battery.battery-level": (Format.UINT8, RN, (0, 100, 1), "percentage", None),
    },
    "water-heater": {
        "water-heater.on": (Format.BOOL, RWN, None, None, None),
        "water-heater.target-temperature": (Format.FLOAT, RWN, (30, 75, 1), "celsius", None),
        "water-heater.temperature": (Format.FLOAT, RN, (0, 100, 0.1), None, None),
        "power-meter.electric-power": (Format.FLOAT, None, None, "watt", None),
        "power-meter.power-consumption": (Format.FLOAT, None, None, "kWh", None),
    },
    "television": {
        "television.on": (Format.BOOL, RWN, None, None, None),
        "speaker.volume": (Format.UINT8, RWN, (0, 100, 1), None, None),
        "speaker.mute": (Format.BOOL, RWN, None, None, None),
        "television.channel": (Format.UINT16, RWN, (1, 999, 1), None, None),
    },
    "ev-charger": {
        "charger.on": (Format.BOOL, RWN, None, None, None),
        "charger.plugged": (Format.BOOL, RN, None, None, None),
        "charger.charging-state": (Format.UINT8, RN, None, None, [0, 1, 2, 3]),
        "charger.max-current": (Format.UINT8, RWN, (6, 32, 1), "ampere", None),
        "power-meter.electric-power": (Format.FLOAT, None, None, "watt", None),
        "power-meter.power-consumption": (Format.FLOAT, None, None, "kWh", None),
    },
    "vehicle": {
        "battery.battery-level": (Format.FLOAT, RN, (0, 100, 0.1), "percentage", None),
        "vehicle.range": (Format.FLOAT, RN, (0, 1500, 0.1), "km", None),
        "charging.charging-state": (Format.UINT8, RN, None, None, [0, 1, 2, 3]),
        "charging.charge-limit": (Format.UINT8, RWN, (50, 100, 1), "percentage", None),
        "location.latitude": (Format.FLOAT, RN, (-90, 90, 0.000001), None, None),
        "location.longitude": (Format.FLOAT, RN, (-180, 180, 0.000001), None, None),
        "location.heading": (Format.FLOAT, RN, (0, 360, 0.1), "degree", None),
        "vehicle.speed": (Format.FLOAT, RN, (0, 300, 0.1), "km/h", None),
        "vehicle.odometer": (Format.FLOAT, RN, None, "km", None),
        "cabin.temperature": (Format.FLOAT, RN, (-40, 80, 0.1), "celsius", None),
        "cabin.target-temperature": (Format.FLOAT, RWN, (16, 30, 0.5), None, None),
        "cabin.on": (Format.BOOL, RWN, None, None, None),
        "lock.locked": (Format.BOOL, RWN, None, None, None),
        "environment.outside-temperature": (Format.FLOAT, RN, (-50, 70, 0.1), "celsius", None),
    },
    "phone": {
        "battery.battery-level": (Format.UINT8, None, (0, 100, 1), None, None),
        "battery.charging": (Format.BOOL, RN, None, None, None),
        "location.latitude": (Format.FLOAT, RN, (-90, 90, 0.000001), None, None),
        "location.longitude": (Format.FLOAT, RN, (-180, 180, 0.000001), None, None),
        "location.accuracy": (Format.FLOAT, RN, None, None, None),
        "location.speed": (Format.FLOAT, RN, None, "km/h", None),
        "wifi.ssid": (Format.STRING, RN, None, None, None),
        "presence.at-home": (Format.BOOL, RN, None, None, None),
    },
}
CONTRACT_ACTIONS = {
    "light": ["light.toggle"],
    "switch": ["switch.toggle"],
    "vacuum": ["vacuum.start-sweep", "vacuum.stop-sweeping", "vacuum.return-to-dock"],
    "vehicle": ["charging.start-charge", "charging.stop-charge"],
}
CONTRACT_EVENTS = {
    "motion-sensor": {"motion-sensor.motion-detected": []},
    "contact-sensor": {"magnet-sensor.opened": [], "magnet-sensor.closed": []},
    "lock": {"lock.unlocked": ["lock.operation-method"]},
}
PROPERTY_CASES = [
    pytest.param(key, path, spec, id=f"{key}:{path}")
    for key, paths in CONTRACT.items()
    for path, spec in paths.items()
]


def test_library_has_at_least_sixteen_types_including_the_contract() -> None:
    keys = library_keys()

    assert len(keys) >= 16
    assert set(CONTRACT) < set(keys)  # at least one type beyond the contract
    assert keys == sorted(keys)


@pytest.mark.parametrize(("key", "path", "spec"), PROPERTY_CASES)
def test_contract_property(key: str, path: str, spec: tuple[object, ...]) -> None:
    fmt, access, value_range, unit, values = spec

    prop = device_type(key).property(path)

    assert prop.format is fmt
    if access is not None:
        assert prop.access == access
    if value_range is not None:
        assert prop.value_range is not None
        rng = prop.value_range
        assert (rng.min, rng.max, rng.step) == value_range
    if unit is not None:
        assert prop.unit == unit
    if values is not None:
        assert [item.value for item in prop.value_list] == values


@pytest.mark.parametrize(("key", "paths"), CONTRACT_ACTIONS.items())
def test_contract_actions(key: str, paths: list[str]) -> None:
    dt = device_type(key)

    for path in paths:
        assert dt.action(path).path == path


@pytest.mark.parametrize(("key", "events"), CONTRACT_EVENTS.items())
def test_contract_events_and_their_arguments(key: str, events: dict[str, list[str]]) -> None:
    dt = device_type(key)

    for path, arguments in events.items():
        event = dt.event(path)
        service = dt.service(event.siid)
        assert service is not None
        names = []
        for piid in event.arguments:
            prop = service.property(piid)
            assert prop is not None
            names.append(prop.path)
        assert names == arguments


def test_contact_state_documents_that_true_means_closed() -> None:
    prop = device_type("contact-sensor").property("magnet-sensor.contact-state")

    assert "true = closed" in prop.description


@pytest.mark.parametrize("key", library_keys())
def test_library_type_follows_miot_naming_and_round_trips(key: str) -> None:
    dt = device_type(key)

    assert dt.type.namespace in {"miot-spec-v2", "orbithub-spec"}
    assert dt.type.model == f"orbithub-{key}"
    assert dt.type.version == "1"
    assert dt.description
    assert load_spec(json.loads(json.dumps(dump_spec(dt)))) == dt
    for prop in dt.properties():
        assert prop.type.model == f"orbithub-{key}"
        assert prop.readable or prop.writable


def test_miot_types_use_miot_values_and_others_the_orbithub_namespace() -> None:
    assert (
        str(device_type("light").type) == "urn:miot-spec-v2:device:light:0000A001:orbithub-light:1"
    )
    assert device_type("plug").type.value == "0000A002"
    assert device_type("air-conditioner").type.value == "0000A004"
    assert device_type("vehicle").property("vehicle.range").type.namespace == "orbithub-spec"
    assert device_type("phone").property("wifi.ssid").type.namespace == "orbithub-spec"


def test_library_values_pass_their_own_checks() -> None:
    vehicle = device_type("vehicle")

    assert check_value(vehicle.property("location.latitude"), 48.858370) == 48.85837
    assert check_value(vehicle.property("cabin.target-temperature"), 21.5) == 21.5
    assert (
        check_value(device_type("plug").property("power-meter.power-consumption"), 1234.567)
        == 1234.567
    )


def test_vehicle_outside_temperature_is_appended_so_stored_addresses_keep_their_meaning() -> None:
    vehicle = device_type("vehicle")

    # Recorded history and MQTT topics address properties by siid.piid: adding one must not
    # renumber the others.
    addresses = {f"{p.siid}.{p.iid}": p.path for p in vehicle.properties()}
    assert addresses["5.1"] == "cabin.temperature"
    assert addresses["6.1"] == "lock.locked"
    assert addresses["7.1"] == "environment.outside-temperature"
    assert check_value(vehicle.property("environment.outside-temperature"), -18.5) == -18.5


def test_device_type_is_loaded_once_and_shared() -> None:
    assert device_type("light") is device_type("light")
    assert load_library()["light"] is device_type("light")


def test_unknown_key_lists_the_known_ones() -> None:
    with pytest.raises(UnknownDeviceType, match="no built-in device type 'toaster'") as info:
        device_type("toaster")

    assert "air-conditioner" in str(info.value)
    assert "water-heater" in str(info.value)


def test_library_keys_cannot_be_changed_by_a_caller() -> None:
    library_keys().clear()

    assert "light" in library_keys()


def test_spec_package_public_names_are_pinned() -> None:
    assert sorted(orbithub.spec.__all__) == [
        "Access",
        "Action",
        "DeviceType",
        "Event",
        "Format",
        "NotInValueList",
        "NotReadable",
        "NotWritable",
        "OffStep",
        "OutOfRange",
        "Property",
        "Service",
        "SpecError",
        "SpecFileError",
        "SpecIssue",
        "UnknownAction",
        "UnknownDeviceType",
        "UnknownEvent",
        "UnknownProperty",
        "Urn",
        "Value",
        "ValueListItem",
        "ValueRange",
        "ValueRejected",
        "WrongType",
        "check_report",
        "check_value",
        "check_write",
        "device_type",
        "dump_spec",
        "library_keys",
        "load_library",
        "load_spec",
        "load_spec_file",
        "parse_urn",
        "validate_files",
    ]
    for name in orbithub.spec.__all__:
        assert hasattr(orbithub.spec, name)
