"""Every recorded Home Assistant discovery message maps onto the expected typed device."""

from __future__ import annotations

from pathlib import Path

import pytest

from orbithub.adapters.mqtt import DiscoveredDevice, parse_discovery
from orbithub.spec.model import Format

from .conftest import OWN, SHARED_HA, load, payload_bytes, shared_dir

# file stem -> (device kind, property paths, action and event paths)
EXPECTED: dict[str, tuple[str, set[str], set[str]]] = {
    "hacore__binary_sensor__my_node_id_bla": ("sensor", {"sensor.beer"}, set()),
    "hacore__climate__bla": (
        "thermostat",
        {"thermostat.target-temperature", "thermostat.temperature"},
        set(),
    ),
    "hacore__device__0AFFD2_cmps": (
        "sensor",
        {"sensor.mqtt-sensor"},
        {"trigger.button-short-press-button-1", "tag.scanned"},
    ),
    "hacore__device_tracker__object_bla": ("tracker", {"presence.at-home"}, set()),
    "hacore__light_template__object_bla": ("light", {"light.on"}, set()),
    "hacore__lock__object_bla": ("lock", {"lock.locked"}, set()),
    "hacore__select__object_bla": ("controller", {"settings.hello-world-10"}, set()),
    "z2m__binary_sensor__0144ae_connection_state": ("sensor", {"connectivity.connected"}, set()),
    "z2m__binary_sensor__0144ae_restart_required": ("sensor", {"sensor.restart-required"}, set()),
    "z2m__button__0144ae_restart": ("controller", set(), {"button.restart"}),
    "z2m__climate__0d7ae2_climate": (
        "thermostat",
        {
            "thermostat.mode",
            "thermostat.target-temperature",
            "thermostat.temperature",
            "thermostat.status",
        },
        set(),
    ),
    "z2m__climate__a44559_climate": (
        "thermostat",
        {
            "thermostat.mode",
            "thermostat.target-temperature",
            "thermostat.temperature",
            "thermostat.preset",
            "thermostat.status",
        },
        set(),
    ),
    "z2m__cover__be56a1_cover_l6": (
        "curtain",
        {
            "curtain-l6.motor-control",
            "curtain-l6.status",
            "curtain-l6.current-position",
            "curtain-l6.target-position",
            "curtain-l6.tilt",
        },
        set(),
    ),
    "z2m__cover__e45551_cover": (
        "curtain",
        {
            "curtain.motor-control",
            "curtain.status",
            "curtain.current-position",
            "curtain.target-position",
        },
        set(),
    ),
    "z2m__device_automation__e45520_action_single": (
        "device-automation",
        set(),
        {"trigger.action-single"},
    ),
    "z2m__event__e45520_action": ("event", {"event.action"}, set()),
    "z2m__fan__e45548_fan": ("fan", {"fan.on", "fan.fan-level", "fan.mode"}, set()),
    "z2m__light__6116_9_light": (
        "light",
        {"light.on", "light.brightness", "light.color-temperature", "light.effect"},
        set(),
    ),
    "z2m__light__c6a5b2_light": (
        "light",
        {"light.on", "light.brightness", "light.color-temperature", "light.effect"},
        set(),
    ),
    "z2m__light__e45553_light": ("light", {"light.on", "light.brightness"}, set()),
    "z2m__number__0d7ae2_pi_heating_demand": (
        "controller",
        {"settings.pi-heating-demand"},
        set(),
    ),
    "z2m__scene__c6a5b4_scene_1": ("scene", set(), {"scene.chill-scene"}),
    "z2m__select__00cafe_device_mode": ("controller", {"settings.device-mode"}, set()),
    "z2m__select__0144ae_log_level": ("controller", {"settings.log-level"}, set()),
    "z2m__sensor__0144ae_network_map": ("sensor", {"sensor.network-map"}, set()),
    "z2m__sensor__0144ae_version": ("sensor", {"sensor.version"}, set()),
    "z2m__sensor__c6a5b2_last_seen": ("sensor", {"sensor.last-seen"}, set()),
    "z2m__sensor__e45522_humidity": ("sensor", {"environment.relative-humidity"}, set()),
    "z2m__sensor__e45522_linkquality": ("sensor", {"connectivity.link-quality"}, set()),
    "z2m__sensor__e45522_temperature": ("sensor", {"environment.temperature"}, set()),
    "z2m__sensor__e45550_pi_heating_demand": ("sensor", {"sensor.pi-heating-demand"}, set()),
    "z2m__siren__e45549_siren": ("siren", {"siren.on"}, set()),
    "z2m__switch__0144ae_permit_join": ("switch", {"switch-permit-join.on"}, set()),
    "z2m__switch__6116_9_switch": ("switch", {"switch.on"}, set()),
    "z2m__switch__e45542_switch_left": ("switch", {"switch-left.on"}, set()),
    "z2m__update__c6a5b2_update": (
        "update",
        {"firmware.installed-version", "firmware.latest-version"},
        {"firmware.install"},
    ),
}


def _device(path: Path) -> DiscoveredDevice:
    fixture = load(path)
    result = parse_discovery(fixture["topic"], payload_bytes(fixture))
    assert len(result.devices) == 1, result
    return result.devices[0]


def _check(path: Path) -> None:
    kind, props, others = EXPECTED[path.stem]
    device = _device(path)
    assert device.spec.name == kind
    assert {p.path for p in device.spec.properties()} == props
    named = {a.path for s in device.spec.services for a in s.actions}
    named |= {e.path for s in device.spec.services for e in s.events}
    assert named == others
    assert str(device.spec.type).startswith(f"urn:orbithub-spec:device:{kind}:")


def test_every_shared_fixture_has_an_expectation() -> None:
    files = {p.stem for p in shared_dir(SHARED_HA).glob("*.json")}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_shared_fixture_maps_to_expected_device(stem: str) -> None:
    _check(shared_dir(SHARED_HA) / f"{stem}.json")


@pytest.mark.parametrize("path", sorted((OWN / "ha-discovery").glob("*.json")), ids=str)
def test_own_copied_fixture_maps_without_shared(path: Path) -> None:
    _check(path)


def test_json_light_brightness_and_color_temperature_ranges() -> None:
    device = _device(shared_dir(SHARED_HA) / "z2m__light__c6a5b2_light.json")
    bri = device.spec.property("light.brightness")
    assert (bri.format, bri.unit) == (Format.UINT8, "percentage")
    assert bri.value_range is not None
    assert (bri.value_range.min, bri.value_range.max) == (1, 100)
    ct = device.spec.property("light.color-temperature")
    assert ct.unit == "kelvin"
    assert ct.value_range is not None
    # max_mireds 454 -> 2203 K, min_mireds 250 -> 4000 K
    assert (ct.value_range.min, ct.value_range.max) == (2203, 4000)
    effect = device.spec.property("light.effect")
    assert [i.description for i in effect.value_list][:2] == ["blink", "breathe"]
    assert device.info.manufacturer == "IKEA"
    assert device.binding.availability is not None


def test_sensor_units_and_formats() -> None:
    temp = _device(shared_dir(SHARED_HA) / "z2m__sensor__e45522_temperature.json")
    prop = temp.spec.property("environment.temperature")
    assert (prop.format, prop.unit, prop.writable) == (Format.FLOAT, "celsius", False)
    version = _device(shared_dir(SHARED_HA) / "z2m__sensor__0144ae_version.json")
    assert version.spec.property("sensor.version").format is Format.STRING


def test_climate_ranges_and_modes() -> None:
    device = _device(shared_dir(SHARED_HA) / "z2m__climate__0d7ae2_climate.json")
    target = device.spec.property("thermostat.target-temperature")
    assert target.value_range is not None
    assert (target.value_range.min, target.value_range.max, target.value_range.step) == (
        5,
        30,
        0.5,
    )
    assert target.unit == "celsius"
    mode = device.spec.property("thermostat.mode")
    assert [i.description for i in mode.value_list] == ["off", "heat", "auto"]


def test_number_and_select_shapes() -> None:
    number = _device(shared_dir(SHARED_HA) / "z2m__number__0d7ae2_pi_heating_demand.json")
    prop = number.spec.property("settings.pi-heating-demand")
    assert prop.value_range is not None
    assert (prop.value_range.min, prop.value_range.max, prop.value_range.step) == (0, 100, 1)
    assert prop.unit == "percentage"
    assert prop.writable
    select = _device(OWN / "ha-discovery" / "hacore__select__object_bla.json")
    option = select.spec.property("settings.hello-world-10")
    assert option.format is Format.UINT8
    assert [(i.value, i.description) for i in option.value_list] == [(0, "opt1"), (1, "opt2")]
