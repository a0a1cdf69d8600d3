"""Describe a device as Home Assistant MQTT entities: discovery configs, state, commands.

Pure and synchronous, the reverse of :mod:`~orbithub.adapters.mqtt.ha_discovery`: a light
service becomes a JSON-schema ``light`` (brightness in percent, colour temperature in kelvin);
a service with a writable ``target-temperature`` a ``climate``; the remaining readable
properties a ``switch`` (writable bools), ``binary_sensor`` (read-only bools), ``number``
(writable numbers) or ``sensor`` (numbers, with HA's unit and ``device_class``). Each entity
renders its state messages from current values and decodes HA's commands into writes.
:mod:`~orbithub.adapters.mqtt.publish_ha` puts them on the wire.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from orbithub.adapters.mqtt.names import ORBITHUB_ORIGIN, READINGS, UNITS
from orbithub.core.registry import Device
from orbithub.spec.model import Format, Property, Service, Value

__all__ = ["Entity", "device_entities", "slug"]

Decode = Callable[[bytes], list[tuple[str, Value]]]
"""An entity's command payload -> the writes it asks for, as ``(path, value)``."""
Render = Callable[[Mapping[str, Value]], list[tuple[str, bytes]]]
"""Current values by path -> the entity's state messages, as ``(topic, payload)``."""

_NUMBERS = frozenset({Format.INT8, Format.INT16, Format.INT32, Format.INT64, Format.FLOAT})
_NUMBERS |= {Format.UINT8, Format.UINT16, Format.UINT32}
# Reversed so the first (preferred) HA spelling of each spec unit wins: % and °C, not C.
_HA_UNITS = {spec: ha for ha, spec in reversed(list(UNITS.items()))}
_ENERGY = frozenset({"energy"})
_BINARY_CLASSES: Mapping[str, tuple[str, bool]] = {
    # property name -> (HA device_class, invert); MIoT contact-state is true when closed,
    # HA's opening sensor is on when open.
    "contact-state": ("opening", True),
    "motion-state": ("motion", False),
    "smoke-detected": ("smoke", False),
    "charging": ("battery_charging", False),
    "plugged": ("plug", False),
    "at-home": ("presence", False),
}
_HA_SENSOR_CLASSES = frozenset({
    "temperature", "humidity", "illuminance", "pressure", "atmospheric_pressure",
    "carbon_dioxide", "pm25", "pm10", "battery", "voltage", "current", "power", "energy",
})  # fmt: skip
"""``device_class`` values HA's sensor accepts (z2m-only names such as ``co2`` are left out)."""
_CLIMATE_MODES = {"auto": "auto", "cool": "cool", "heat": "heat", "dry": "dry", "fan": "fan_only"}


def slug(text: str) -> str:
    """A topic level and HA object id: letters, digits, ``_`` and ``-`` only."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", text) or "_"


def _on_off(value: Value | None) -> bytes:
    return b"ON" if value else b"OFF"


def _number(raw: object, prop: Property) -> Value:
    """A number from HA (payload bytes or a JSON value) in the property's format."""
    text = raw.decode("ascii") if isinstance(raw, bytes) else str(raw)
    value = float(text.strip())
    return value if prop.format is Format.FLOAT else round(value)


@dataclass(slots=True)
class Entity:
    """One HA entity of one device: its config, the paths it shows, its state and commands."""

    component: str
    object_id: str
    config: dict[str, Any]
    paths: frozenset[str]
    render: Render
    commands: dict[str, Decode] = field(default_factory=dict)


def device_entities(device: Device, root: str) -> list[Entity]:
    """The HA entities of a device; properties taken by a light or climate are not repeated."""
    spec = device.spec
    entities: list[Entity] = []
    taken: set[str] = set()
    for service in spec.services:
        names = {p.name: p for p in service.properties}
        if "on" in names and "brightness" in names:
            entities.append(_light(device, service, root, taken))
        target = names.get("target-temperature")
        if target is not None and target.writable and target.value_range is not None:
            entities.append(_climate(device, service, root, taken))
    for prop in spec.properties():
        if prop.path in taken or not prop.readable:
            continue
        if prop.format is Format.BOOL:
            entities.append(_bool(device, prop, root))
        elif prop.format in _NUMBERS and not prop.value_list:
            entities.append(_numeric(device, prop, root))
    return entities


def _base_config(object_id: str, name: str | None) -> dict[str, Any]:
    # The origin tells Home Assistant who published the entity, and tells OrbitHub's own
    # discovery not to import it back.
    return {
        "name": name,
        "unique_id": f"orbithub_{object_id}",
        "object_id": object_id,
        "origin": {"name": ORBITHUB_ORIGIN},
    }


def _light(device: Device, service: Service, root: str, taken: set[str]) -> Entity:
    props = {p.name: p for p in service.properties}
    on, brightness, kelvin = props["on"], props["brightness"], props.get("color-temperature")
    paths = {on.path, brightness.path}
    object_id = slug(f"{device.id}_{service.name}")
    topic = f"{root}/{slug(service.name)}"
    config = _base_config(object_id, None)
    config |= {
        "schema": "json",
        "state_topic": f"{topic}/state",
        "command_topic": f"{topic}/set",
        "brightness": True,
        "brightness_scale": 100,  # the spec's percentage, so no rounding either way
        "supported_color_modes": ["brightness"],
    }
    if kelvin is not None and kelvin.value_range is not None:
        paths.add(kelvin.path)
        config["supported_color_modes"] = ["color_temp"]
        config |= {
            "color_temp_kelvin": True,
            "min_kelvin": int(kelvin.value_range.min),
            "max_kelvin": int(kelvin.value_range.max),
        }
    taken.update(paths)

    def render(values: Mapping[str, Value]) -> list[tuple[str, bytes]]:
        if on.path not in values:
            return []
        state: dict[str, Value] = {"state": "ON" if values[on.path] else "OFF"}
        if brightness.path in values:
            state["brightness"] = values[brightness.path]
        if kelvin is not None and kelvin.path in values:
            state |= {"color_temp": values[kelvin.path], "color_mode": "color_temp"}
        return [(f"{topic}/state", orjson.dumps(state))]

    def decode(payload: bytes) -> list[tuple[str, Value]]:
        data = orjson.loads(payload)
        if not isinstance(data, dict):
            raise ValueError(f"a JSON light command is an object, got {payload[:32]!r}")
        writes: list[tuple[str, Value]] = []
        if "brightness" in data:
            writes.append((brightness.path, _number(data["brightness"], brightness)))
        if "color_temp" in data and kelvin is not None:
            writes.append((kelvin.path, _number(data["color_temp"], kelvin)))
        state = data.get("state")
        if state == "OFF":
            return [(on.path, False)]  # HA sends no levels with OFF
        if state == "ON":
            # Levels first, then on: the light comes on at the level asked for.
            writes.append((on.path, True))
        return writes

    return Entity("light", object_id, config, frozenset(paths), render, {f"{topic}/set": decode})


def _climate(device: Device, service: Service, root: str, taken: set[str]) -> Entity:
    props = {p.name: p for p in service.properties}
    target = props["target-temperature"]
    assert target.value_range is not None  # noqa: S101 - checked by the caller
    on, mode = props.get("on"), props.get("mode")
    current = props.get("temperature") or device.spec.find_property("environment.temperature")
    fan = device.spec.find_property("fan-control.fan-level") or props.get("fan-level")
    object_id = slug(f"{device.id}_{service.name}")
    topic = f"{root}/{slug(service.name)}"
    modes: dict[str, Value] = {}
    if mode is not None:
        for item in mode.value_list:
            ha = _CLIMATE_MODES.get(item.description.lower())
            if ha is not None:
                modes[ha] = item.value
    fans: dict[str, Value] = {
        v.description.lower(): v.value for v in (fan.value_list if fan else ())
    }
    config = _base_config(object_id, None)
    config |= {
        "temperature_state_topic": f"{topic}/target/state",
        "temperature_command_topic": f"{topic}/target/set",
        "min_temp": target.value_range.min,
        "max_temp": target.value_range.max,
        "temp_step": target.value_range.step,
        "temperature_unit": "F" if target.unit == "fahrenheit" else "C",
        "modes": (["off"] if on is not None else []) + list(modes),
        "mode_state_topic": f"{topic}/mode/state",
        "mode_command_topic": f"{topic}/mode/set",
    }
    if current is not None:
        config["current_temperature_topic"] = f"{topic}/current/state"
    if fans:
        config |= {
            "fan_modes": list(fans),
            "fan_mode_state_topic": f"{topic}/fan/state",
            "fan_mode_command_topic": f"{topic}/fan/set",
        }
    used = [p for p in (target, on, mode, current, fan if fans else None) if p is not None]
    taken.update(p.path for p in used)
    by_value: dict[Value, str] = {v: k for k, v in modes.items()}
    by_fan: dict[Value, str] = {v: k for k, v in fans.items()}

    def render(values: Mapping[str, Value]) -> list[tuple[str, bytes]]:
        out: list[tuple[str, bytes]] = []
        if target.path in values:
            out.append((f"{topic}/target/state", orjson.dumps(values[target.path])))
        if current is not None and current.path in values:
            out.append((f"{topic}/current/state", orjson.dumps(values[current.path])))
        if on is not None and values.get(on.path) is False:
            out.append((f"{topic}/mode/state", b"off"))
        elif mode is not None and values.get(mode.path) in by_value:
            out.append((f"{topic}/mode/state", by_value[values[mode.path]].encode()))
        if fan is not None and values.get(fan.path) in by_fan:
            out.append((f"{topic}/fan/state", by_fan[values[fan.path]].encode()))
        return out

    def set_mode(payload: bytes) -> list[tuple[str, Value]]:
        name = payload.decode("utf-8").strip()
        if name == "off" and on is not None:
            return [(on.path, False)]
        writes: list[tuple[str, Value]] = []
        if mode is not None:
            writes.append((mode.path, modes[name]))
        return [*writes, (on.path, True)] if on is not None else writes

    commands: dict[str, Decode] = {
        f"{topic}/target/set": lambda p: [(target.path, _number(p, target))],
        f"{topic}/mode/set": set_mode,
    }
    if fan is not None and fans:
        fan_path = fan.path
        commands[f"{topic}/fan/set"] = lambda p: [(fan_path, fans[p.decode("utf-8").strip()])]
    return Entity("climate", object_id, config, frozenset(p.path for p in used), render, commands)


def _bool(device: Device, prop: Property, root: str) -> Entity:
    object_id = slug(f"{device.id}_{prop.path}")
    topic = f"{root}/{slug(prop.path)}"
    config = _base_config(object_id, prop.description or prop.name)
    config["state_topic"] = f"{topic}/state"
    if prop.writable:
        config["command_topic"] = f"{topic}/set"

        def decode(payload: bytes) -> list[tuple[str, Value]]:
            text = payload.decode("utf-8").strip().upper()
            if text not in ("ON", "OFF"):
                raise ValueError(f"expected ON or OFF, got {text[:16]!r}")
            return [(prop.path, text == "ON")]

        def render(values: Mapping[str, Value]) -> list[tuple[str, bytes]]:
            return [(f"{topic}/state", _on_off(values[prop.path]))] if prop.path in values else []

        commands: dict[str, Decode] = {f"{topic}/set": decode}
        return Entity("switch", object_id, config, frozenset({prop.path}), render, commands)
    device_class, invert = _BINARY_CLASSES.get(prop.name, (None, False))
    if device_class is not None:
        config["device_class"] = device_class

    def render_binary(values: Mapping[str, Value]) -> list[tuple[str, bytes]]:
        if prop.path not in values:
            return []
        return [(f"{topic}/state", _on_off(bool(values[prop.path]) != invert))]

    return Entity("binary_sensor", object_id, config, frozenset({prop.path}), render_binary)


def _numeric(device: Device, prop: Property, root: str) -> Entity:
    object_id = slug(f"{device.id}_{prop.path}")
    topic = f"{root}/{slug(prop.path)}"
    config = _base_config(object_id, prop.description or prop.name)
    config["state_topic"] = f"{topic}/state"
    if prop.unit:
        config["unit_of_measurement"] = _HA_UNITS.get(prop.unit, prop.unit)
    service = prop.path.split(".", 1)[0]
    device_class = next(
        (k for k, r in READINGS.items() if (r.service, r.name) == (service, prop.name)),
        next((k for k, r in READINGS.items() if r.name == prop.name), None),
    )
    if device_class is not None and device_class in _HA_SENSOR_CLASSES:
        config["device_class"] = device_class
    commands: dict[str, Decode] = {}
    component = "sensor"
    if prop.writable:
        component = "number"
        config["command_topic"] = f"{topic}/set"
        if prop.value_range is not None:
            rng = prop.value_range
            config |= {"min": rng.min, "max": rng.max, "step": rng.step}
        commands[f"{topic}/set"] = lambda p: [(prop.path, _number(p, prop))]
    else:
        config["state_class"] = "total_increasing" if device_class in _ENERGY else "measurement"

    def render(values: Mapping[str, Value]) -> list[tuple[str, bytes]]:
        if prop.path not in values:
            return []
        return [(f"{topic}/state", orjson.dumps(values[prop.path]))]

    return Entity(component, object_id, config, frozenset({prop.path}), render, commands)
