"""Every recorded Home Assistant discovery message maps onto the expected typed device."""

from __future__ import annotations

from pathlib import Path

import pytest

from orbithub.adapters.mqtt import DiscoveredDevice, parse_discovery
from orbithub.spec.model import Format

from .conftest import OWN, SHARED_HA, load, payload_bytes, shared_dir

Expected = tuple[str, set[str], set[str]]
"""(device kind, property paths, action and event paths)"""

# The project's own fixtures (tests/fixtures/mqtt/ha-discovery), by file stem.
OWN_EXPECTED: dict[str, Expected] = {
    "own__binary_sensor__bridge_connection_state": ("sensor", {"connectivity.connected"}, set()),
    "own__binary_sensor__bridge_restart_required": ("sensor", {"sensor.restart-required"}, set()),
    "own__button__bridge_restart": ("controller", set(), {"button.restart"}),
    "own__climate__bathroom_trv": (
        "thermostat",
        {
            "thermostat.mode",
            "thermostat.status",
            "thermostat.target-temperature",
            "thermostat.temperature",
        },
        set(),
    ),
    "own__climate__study_valve": (
        "thermostat",
        {
            "thermostat.mode",
            "thermostat.preset",
            "thermostat.status",
            "thermostat.target-temperature",
            "thermostat.temperature",
        },
        set(),
    ),
    "own__cover__garage_vent": (
        "curtain",
        {
            "curtain.current-position",
            "curtain.motor-control",
            "curtain.status",
            "curtain.target-position",
        },
        set(),
    ),
    "own__cover__living_blinds_l2": (
        "curtain",
        {
            "curtain-l2.current-position",
            "curtain-l2.motor-control",
            "curtain-l2.status",
            "curtain-l2.target-position",
            "curtain-l2.tilt",
        },
        set(),
    ),
    "own__device_automation__bedside_button_action_single": (
        "device-automation",
        set(),
        {"trigger.action-single"},
    ),
    "own__event__bedside_button_action": ("event", {"event.action"}, set()),
    "own__fan__ceiling_fan": ("fan", {"fan.fan-level", "fan.mode", "fan.on"}, set()),
    "own__light__hallway_bulb": (
        "light",
        {"light.brightness", "light.color-temperature", "light.effect", "light.on"},
        set(),
    ),
    "own__light__kitchen_lights_group": (
        "light",
        {"light.brightness", "light.color-temperature", "light.effect", "light.on"},
        set(),
    ),
    "own__light__porch_light": ("light", {"light.brightness", "light.on"}, set()),
    "own__number__bathroom_trv_pi_heating_demand": (
        "controller",
        {"settings.pi-heating-demand"},
        set(),
    ),
    "own__scene__reading_lamp_scene_2": ("scene", set(), {"scene.reading-scene"}),
    "own__select__bridge_log_level": ("controller", {"settings.log-level"}, set()),
    "own__select__relay_device_mode": ("controller", {"settings.device-mode"}, set()),
    "own__sensor__bedroom_climate_humidity": ("sensor", {"environment.relative-humidity"}, set()),
    "own__sensor__bedroom_climate_linkquality": ("sensor", {"connectivity.link-quality"}, set()),
    "own__sensor__bedroom_climate_temperature": ("sensor", {"environment.temperature"}, set()),
    "own__sensor__boiler_pi_heating_demand": ("sensor", {"sensor.pi-heating-demand"}, set()),
    "own__sensor__bridge_network_map": ("sensor", {"sensor.network-map"}, set()),
    "own__sensor__bridge_version": ("sensor", {"sensor.version"}, set()),
    "own__sensor__hallway_bulb_last_seen": ("sensor", {"sensor.last-seen"}, set()),
    "own__siren__hall_siren": ("siren", {"siren.on"}, set()),
    "own__switch__bridge_permit_join": ("switch", {"switch-permit-join.on"}, set()),
    "own__switch__kitchen_lights_group": ("switch", {"switch.on"}, set()),
    "own__switch__stairs_switch_left": ("switch", {"switch-left.on"}, set()),
    "own__update__hallway_bulb": (
        "update",
        {"firmware.installed-version", "firmware.latest-version"},
        {"firmware.install"},
    ),
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
}

# The recorded zigbee2mqtt messages beside a full checkout (an extra layer), by file stem.
SHARED_EXPECTED: dict[str, Expected] = {
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


def _check(path: Path, expected: dict[str, Expected]) -> None:
    kind, props, others = expected[path.stem]
    device = _device(path)
    assert device.spec.name == kind
    assert {p.path for p in device.spec.properties()} == props
    named = {a.path for s in device.spec.services for a in s.actions}
    named |= {e.path for s in device.spec.services for e in s.events}
    assert named == others
    assert str(device.spec.type).startswith(f"urn:orbithub-spec:device:{kind}:")


def _shared_files() -> list[object]:
    if not SHARED_HA.is_dir():
        reason = (
            f"optional extra layer: no recorded fixtures at {SHARED_HA} (a fresh clone has no "
            "../shared); the project's own fixtures ran"
        )
        return [pytest.param(None, marks=pytest.mark.skip(reason=reason), id="absent")]
    return [pytest.param(p, id=p.name) for p in sorted(SHARED_HA.glob("*.json"))]


def test_every_shared_fixture_has_an_expectation() -> None:
    files = {p.stem for p in shared_dir(SHARED_HA).glob("*.json")}
    assert files == set(SHARED_EXPECTED) | {s for s in OWN_EXPECTED if s.startswith("hacore__")}


@pytest.mark.parametrize("path", _shared_files())
def test_shared_fixture_maps_to_expected_device(path: Path) -> None:
    _check(path, {**OWN_EXPECTED, **SHARED_EXPECTED})


def test_every_own_fixture_has_an_expectation() -> None:
    assert {p.stem for p in (OWN / "ha-discovery").glob("*.json")} == set(OWN_EXPECTED)


@pytest.mark.parametrize("path", sorted((OWN / "ha-discovery").glob("*.json")), ids=str)
def test_own_fixture_maps_to_expected_device(path: Path) -> None:
    _check(path, OWN_EXPECTED)


def test_json_light_brightness_and_color_temperature_ranges() -> None:
    device = _device(OWN / "ha-discovery" / "own__light__hallway_bulb.json")
    bri = device.spec.property("light.brightness")
    assert (bri.format, bri.unit) == (Format.UINT8, "percentage")
    assert bri.value_range is not None
    assert (bri.value_range.min, bri.value_range.max) == (1, 100)
    ct = device.spec.property("light.color-temperature")
    assert ct.unit == "kelvin"
    assert ct.value_range is not None
    # max_mireds 454 -> 2203 K, min_mireds 200 -> 5000 K
    assert (ct.value_range.min, ct.value_range.max) == (2203, 5000)
    effect = device.spec.property("light.effect")
    assert [i.description for i in effect.value_list][:2] == ["blink", "breathe"]
    assert device.info.manufacturer == "Innr"
    assert device.binding.availability is not None


def test_sensor_units_and_formats() -> None:
    temp = _device(OWN / "ha-discovery" / "own__sensor__bedroom_climate_temperature.json")
    prop = temp.spec.property("environment.temperature")
    assert (prop.format, prop.unit, prop.writable) == (Format.FLOAT, "celsius", False)
    version = _device(OWN / "ha-discovery" / "own__sensor__bridge_version.json")
    assert version.spec.property("sensor.version").format is Format.STRING


def test_climate_ranges_and_modes() -> None:
    device = _device(OWN / "ha-discovery" / "own__climate__bathroom_trv.json")
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
    number = _device(OWN / "ha-discovery" / "own__number__bathroom_trv_pi_heating_demand.json")
    prop = number.spec.property("settings.pi-heating-demand")
    assert prop.value_range is not None
    assert (prop.value_range.min, prop.value_range.max, prop.value_range.step) == (0, 100, 1)
    assert prop.unit == "percentage"
    assert prop.writable
    select = _device(OWN / "ha-discovery" / "hacore__select__object_bla.json")
    option = select.spec.property("settings.hello-world-10")
    assert option.format is Format.UINT8
    assert [(i.value, i.description) for i in option.value_list] == [(0, "opt1"), (1, "opt2")]
