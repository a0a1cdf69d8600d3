"""State decoding and command encoding on own HA discovery fixtures and synthetic configs."""

from __future__ import annotations

import json

import pytest

from orbithub.adapters.mqtt import (
    CommandEncodeError,
    DiscoveredDevice,
    StateDecodeError,
    decode_availability,
    decode_events,
    decode_state,
    encode_action,
    encode_command,
    parse_discovery,
)

from .conftest import OWN, load, payload_bytes


def _own(stem: str) -> DiscoveredDevice:
    fixture = load(OWN / "ha-discovery" / f"{stem}.json")
    return parse_discovery(fixture["topic"], payload_bytes(fixture)).devices[0]


def _config(topic: str, config: dict[str, object]) -> DiscoveredDevice:
    return parse_discovery(topic, json.dumps(config).encode()).devices[0]


def test_json_light_state_and_commands() -> None:
    light = _own("own__light__hallway_bulb")
    values = decode_state(
        light.binding,
        "zigbee2mqtt/hallway_bulb",
        b'{"state":"ON","brightness":127,"color_temp":370,"effect":"okay","linkquality":5}',
    )
    assert values == {
        "light.on": True,
        "light.brightness": 50,
        "light.color-temperature": 2703,
        "light.effect": 2,
    }
    assert decode_state(light.binding, "zigbee2mqtt/hallway_bulb", b'{"state":"OFF"}') == {
        "light.on": False
    }
    assert encode_command(light.binding, "light.brightness", 100) == [
        ("zigbee2mqtt/hallway_bulb/set", b'{"state":"ON","brightness":254}')
    ]
    assert encode_command(light.binding, "light.on", False) == [
        ("zigbee2mqtt/hallway_bulb/set", b'{"state":"OFF"}')
    ]
    assert encode_command(light.binding, "light.color-temperature", 2700) == [
        ("zigbee2mqtt/hallway_bulb/set", b'{"state":"ON","color_temp":370}')
    ]


def test_availability_list_with_template() -> None:
    light = _own("own__light__hallway_bulb")
    topic = "zigbee2mqtt/bridge/state"
    assert decode_availability(light.binding, topic, b'{"state":"online"}') is True
    assert decode_availability(light.binding, topic, b'{"state":"offline"}') is False
    assert decode_availability(light.binding, "other", b"online") is None


def test_climate_templates_both_ways() -> None:
    trv = _own("own__climate__bathroom_trv")
    state = (
        b'{"local_temperature":20.5,"occupied_heating_setpoint":21,'
        b'"operating_mode":"manual","running_state":"heat"}'
    )
    assert decode_state(trv.binding, "zigbee2mqtt/bathroom_trv", state) == {
        "thermostat.temperature": 20.5,
        "thermostat.target-temperature": 21.0,
        "thermostat.mode": 1,  # manual -> heat, the second mode
        "thermostat.status": 1,  # heat -> heating
    }
    assert encode_command(trv.binding, "thermostat.target-temperature", 22.5) == [
        ("zigbee2mqtt/bathroom_trv/set/occupied_heating_setpoint", b"22.5")
    ]
    [(topic, payload)] = encode_command(trv.binding, "thermostat.mode", 2)
    assert topic == "zigbee2mqtt/bathroom_trv/set"
    assert json.loads(payload) == {"operating_mode": "schedule"}


def test_cover_position_and_motor() -> None:
    cover = _own("own__cover__living_blinds_l2")
    values = decode_state(
        cover.binding, "zigbee2mqtt/living_blinds/l2", b'{"state":"OPEN","position":40,"tilt":10}'
    )
    assert values == {
        "curtain-l2.status": 0,
        "curtain-l2.current-position": 40,
        "curtain-l2.tilt": 10,
    }
    [(topic, payload)] = encode_command(cover.binding, "curtain-l2.target-position", 75)
    assert topic == "zigbee2mqtt/living_blinds/l2/set"
    assert json.loads(payload) == {"position_l2": 75}
    assert encode_command(cover.binding, "curtain-l2.motor-control", 0) == [
        ("zigbee2mqtt/living_blinds/l2/set", b"STOP")
    ]


def test_fan_percentage_and_preset() -> None:
    fan = _own("own__fan__ceiling_fan")
    values = decode_state(
        fan.binding, "zigbee2mqtt/ceiling_fan", b'{"fan_state":"ON","fan_mode":"medium"}'
    )
    assert values == {"fan.on": True, "fan.fan-level": 50}
    assert (
        decode_state(
            fan.binding, "zigbee2mqtt/ceiling_fan", b'{"fan_state":"ON","fan_mode":"smart"}'
        )["fan.mode"]
        == 0
    )
    assert encode_command(fan.binding, "fan.fan-level", 50) == [
        ("zigbee2mqtt/ceiling_fan/set/fan_mode", b"medium")
    ]


def test_select_translates_option_text_both_ways() -> None:
    level = _own("own__select__bridge_log_level")
    assert decode_state(level.binding, "zigbee2mqtt/bridge/info", b'{"log_level":"DEBUG"}') == {
        "settings.log-level": 3
    }
    [(topic, payload)] = encode_command(level.binding, "settings.log-level", 1)
    assert topic == "zigbee2mqtt/bridge/request/options"
    assert json.loads(payload) == {"options": {"advanced": {"log_level": "warning"}}}
    with pytest.raises(CommandEncodeError, match="bridge/request/options"):
        encode_command(level.binding, "settings.log-level", 9)


def test_switch_with_distinct_state_and_payloads() -> None:
    permit = _own("own__switch__bridge_permit_join")
    topic = "zigbee2mqtt/bridge/info"
    assert decode_state(permit.binding, topic, b'{"permit_join":true}') == {
        "switch-permit-join.on": True
    }
    assert encode_command(permit.binding, "switch-permit-join.on", True) == [
        ("zigbee2mqtt/bridge/request/permit_join", b'{"time": 180}')
    ]


def test_binary_sensor_with_boolean_payloads() -> None:
    restart = _own("own__binary_sensor__bridge_restart_required")
    assert decode_state(
        restart.binding, "zigbee2mqtt/bridge/info", b'{"restart_required":true}'
    ) == {"sensor.restart-required": True}


def test_button_scene_update_actions() -> None:
    button = _own("own__button__bridge_restart")
    assert encode_action(button.binding, "button.restart") == [
        ("zigbee2mqtt/bridge/request/restart", b"")
    ]
    scene = _own("own__scene__reading_lamp_scene_2")
    assert encode_action(scene.binding, "scene.reading-scene") == [
        ("zigbee2mqtt/reading_lamp/set", b'{ "scene_recall": 2 }')
    ]
    update = _own("own__update__hallway_bulb")
    state = b'{"update":{"state":"idle","installed_version":1,"latest_version":2}}'
    assert decode_state(update.binding, "zigbee2mqtt/hallway_bulb", state) == {
        "firmware.installed-version": "1",
        "firmware.latest-version": "2",
    }
    with pytest.raises(CommandEncodeError):
        encode_action(update.binding, "firmware.nothing")


def test_siren_command_templates() -> None:
    siren = _own("own__siren__hall_siren")
    [(topic, on)] = encode_command(siren.binding, "siren.on", True)
    assert topic == "zigbee2mqtt/hall_siren/set"
    assert json.loads(on) == {"warning": {"mode": "emergency", "level": "medium", "duration": 10}}
    [(_, off)] = encode_command(siren.binding, "siren.on", False)
    assert json.loads(off) == {"warning": {"mode": "stop"}}


def test_device_triggers_fire_events() -> None:
    trigger = _own("own__device_automation__bedside_button_action_single")
    topic = "zigbee2mqtt/bedside_button/action"
    assert decode_events(trigger.binding, topic, b"single") == ["trigger.action-single"]
    assert decode_events(trigger.binding, topic, b"double") == []


def test_lock_payloads_and_intermediate_states() -> None:
    lock = _own("hacore__lock__object_bla")
    assert decode_state(lock.binding, "test-topic", b"LOCKED") == {"lock.locked": True}
    assert decode_state(lock.binding, "test-topic", b"UNLOCKED") == {"lock.locked": False}
    assert decode_state(lock.binding, "test-topic", b"LOCKING") == {}
    assert encode_command(lock.binding, "lock.locked", True) == [("test-topic", b"LOCK")]
    assert encode_command(lock.binding, "lock.locked", False) == [("test-topic", b"UNLOCK")]
    with pytest.raises(StateDecodeError, match="test-topic"):
        decode_state(lock.binding, "test-topic", b"banana")


def test_device_tracker_presence() -> None:
    tracker = _own("hacore__device_tracker__object_bla")
    assert decode_state(tracker.binding, "test-topic", b"home") == {"presence.at-home": True}
    assert decode_state(tracker.binding, "test-topic", b"work") == {"presence.at-home": False}


def test_device_tracker_location_from_attributes() -> None:
    tracker = _config(
        "homeassistant/device_tracker/phone/config",
        {"name": "Phone", "json_attributes_topic": "phone/attrs"},
    )
    values = decode_state(tracker.binding, "phone/attrs", b'{"latitude":52.1,"longitude":4.3}')
    assert values == {"location.latitude": 52.1, "location.longitude": 4.3}


def test_template_light_commands() -> None:
    light = _config(
        "homeassistant/light/tpl/config",
        {
            "schema": "template",
            "command_topic": "tpl/set",
            "state_topic": "tpl/state",
            "command_on_template": "on,{{ brightness | default('') }}",
            "command_off_template": "off",
            "state_template": "{{ value.split(',')[0] }}",
            "brightness_template": "{{ value.split(',')[1] }}",
        },
    )
    assert decode_state(light.binding, "tpl/state", b"on,255") == {
        "light.on": True,
        "light.brightness": 100,
    }
    assert encode_command(light.binding, "light.brightness", 50) == [("tpl/set", b"on,128")]
    assert encode_command(light.binding, "light.on", False) == [("tpl/set", b"off")]


def test_default_light_separate_topics() -> None:
    light = _config(
        "homeassistant/light/kitchen/config",
        {
            "command_topic": "k/set",
            "state_topic": "k/state",
            "brightness_command_topic": "k/bri/set",
            "brightness_state_topic": "k/bri",
            "brightness_scale": 100,
            "color_temp_command_topic": "k/ct/set",
            "max_mireds": 370,
            "min_mireds": 153,
        },
    )
    assert encode_command(light.binding, "light.brightness", 40) == [("k/bri/set", b"40")]
    assert encode_command(light.binding, "light.color-temperature", 4000) == [("k/ct/set", b"250")]
    assert decode_state(light.binding, "k/state", b"ON") == {"light.on": True}
    assert decode_state(light.binding, "k/bri", b"40") == {"light.brightness": 40}
    ct = light.spec.property("light.color-temperature")
    assert ct.value_range is not None
    assert (ct.value_range.min, ct.value_range.max) == (2703, 6536)


def test_bad_state_payloads_raise_typed_errors() -> None:
    temp = _own("own__sensor__bedroom_climate_temperature")
    topic = "zigbee2mqtt/bedroom_climate"
    with pytest.raises(StateDecodeError, match=topic):
        decode_state(temp.binding, topic, b"{not json")
    with pytest.raises(StateDecodeError, match="number"):
        decode_state(temp.binding, topic, b'{"temperature":"warm"}')
    with pytest.raises(StateDecodeError, match="limit"):
        decode_state(temp.binding, topic, b" " * (64 * 1024 + 1))
    with pytest.raises(StateDecodeError, match="UTF-8"):
        decode_state(temp.binding, topic, b"\xff\xfe")
    assert decode_state(temp.binding, topic, b'{"humidity":50}') == {}
    assert decode_state(temp.binding, "unrelated/topic", b"{") == {}


def test_partial_decode_keeps_good_values() -> None:
    light = _own("own__light__hallway_bulb")
    with pytest.raises(StateDecodeError) as info:
        decode_state(
            light.binding, "zigbee2mqtt/hallway_bulb", b'{"state":"ON","brightness":"lots"}'
        )
    assert info.value.values == {"light.on": True}


def test_unwritable_path_is_a_typed_error() -> None:
    temp = _own("own__sensor__bedroom_climate_temperature")
    with pytest.raises(CommandEncodeError, match="not writable"):
        encode_command(temp.binding, "environment.temperature", 20.0)


def test_a_value_too_large_for_the_wire_is_a_typed_error() -> None:
    light = _own("own__light__hallway_bulb")
    with pytest.raises(CommandEncodeError, match="too large"):
        encode_command(light.binding, "light.brightness", 1e307)
