"""Map the Home Assistant MQTT ``climate`` component onto a ``thermostat`` service."""

from __future__ import annotations

from orbithub.adapters.mqtt.assemble import PropertyDraft, ServiceDraft, value_list
from orbithub.adapters.mqtt.codecs import (
    BoolCodec,
    Codec,
    EnumCodec,
    PayloadBuilder,
    PlainCodec,
    RawPayload,
    TemplatePayload,
)
from orbithub.adapters.mqtt.ha_components import ComponentMap
from orbithub.adapters.mqtt.ha_config import HaConfig
from orbithub.adapters.mqtt.mapping import DiscoveryError, Reader, Writer
from orbithub.spec.model import Access, Format, ValueRange

__all__ = ["climate"]

_DEFAULT_MODES = ("auto", "off", "cool", "heat", "dry", "fan_only")
_DEFAULT_FAN_MODES = ("auto", "low", "medium", "high")
_ACTIONS = ("off", "heating", "cooling", "drying", "idle", "fan", "preheating", "defrosting")
_TEMPERATURE_DEFAULTS = {"celsius": (7.0, 35.0), "fahrenheit": (45.0, 95.0)}


def _rw(
    cfg: HaConfig, state: str, template: str, command: str, command_template: str, codec: Codec
) -> tuple[tuple[Reader, ...], tuple[Writer, ...]]:
    reader = cfg.reader(state, template, codec)
    topic = cfg.text(command)
    writers: tuple[Writer, ...] = ()
    if topic:
        tpl = cfg.text(command_template)
        payload: PayloadBuilder = TemplatePayload(tpl) if tpl else RawPayload()
        writers = (Writer(topic, codec, payload),)
    return ((reader,) if reader else ()), writers


def _access(readers: tuple[Reader, ...], writers: tuple[Writer, ...]) -> frozenset[Access]:
    access = {Access.READ, Access.NOTIFY} if readers else set()
    if writers:
        access.add(Access.WRITE)
    return frozenset(access)


def climate(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``climate``: mode, target and current temperature, fan mode, preset, running action."""
    unit = "fahrenheit" if (cfg.text("temperature_unit") or "C").upper() == "F" else "celsius"
    low, high = _TEMPERATURE_DEFAULTS[unit]
    lo, hi = cfg.number("min_temp", low), cfg.number("max_temp", high)
    step = cfg.number("temp_step", 1.0)
    if hi < lo or step <= 0:
        raise DiscoveryError(cfg.topic, f"climate range [{lo}, {hi}] step {step} is empty")
    props: list[PropertyDraft] = []

    power = BoolCodec(
        (cfg.payload("payload_on", "ON"),),
        (cfg.payload("payload_off", "OFF"),),
        cfg.payload("payload_on", "ON"),
        cfg.payload("payload_off", "OFF"),
    )
    reads, writes = _rw(cfg, "", "", "power_command_topic", "power_command_template", power)
    if writes:
        props.append(
            PropertyDraft(
                "on", "", Format.BOOL, _access(reads, writes), readers=reads, writers=writes
            )
        )

    modes = cfg.texts("modes") or _DEFAULT_MODES
    mode = EnumCodec(modes)
    reads, writes = _rw(
        cfg,
        "mode_state_topic",
        "mode_state_template",
        "mode_command_topic",
        "mode_command_template",
        mode,
    )
    if reads or writes:
        props.append(
            PropertyDraft(
                "mode",
                "",
                Format.UINT8,
                _access(reads, writes),
                None,
                None,
                value_list(modes),
                reads,
                writes,
            )
        )

    temp = PlainCodec(Format.FLOAT)
    reads, writes = _rw(
        cfg,
        "temperature_state_topic",
        "temperature_state_template",
        "temperature_command_topic",
        "temperature_command_template",
        temp,
    )
    if reads or writes:
        props.append(
            PropertyDraft(
                "target-temperature",
                "",
                Format.FLOAT,
                _access(reads, writes),
                unit,
                ValueRange(lo, hi, step),
                (),
                reads,
                writes,
            )
        )

    current = cfg.reader("current_temperature_topic", "current_temperature_template", temp)
    if current is not None:
        props.append(
            PropertyDraft(
                "temperature", "", Format.FLOAT, _access((current,), ()), unit, None, (), (current,)
            )
        )

    humidity = cfg.reader("current_humidity_topic", "current_humidity_template", temp)
    if humidity is not None:
        props.append(
            PropertyDraft(
                "relative-humidity",
                "",
                Format.FLOAT,
                _access((humidity,), ()),
                "percentage",
                ValueRange(0, 100, 0.1),
                (),
                (humidity,),
            )
        )

    fan_modes = cfg.texts("fan_modes") or _DEFAULT_FAN_MODES
    fan = EnumCodec(fan_modes)
    reads, writes = _rw(
        cfg,
        "fan_mode_state_topic",
        "fan_mode_state_template",
        "fan_mode_command_topic",
        "fan_mode_command_template",
        fan,
    )
    if reads or writes:
        props.append(
            PropertyDraft(
                "fan-level",
                "",
                Format.UINT8,
                _access(reads, writes),
                None,
                None,
                value_list(fan_modes),
                reads,
                writes,
            )
        )

    presets = cfg.texts("preset_modes")
    if presets:
        preset = EnumCodec(presets)
        reads, writes = _rw(
            cfg,
            "preset_mode_state_topic",
            "preset_mode_value_template",
            "preset_mode_command_topic",
            "preset_mode_command_template",
            preset,
        )
        props.append(
            PropertyDraft(
                "preset",
                "",
                Format.UINT8,
                _access(reads, writes),
                None,
                None,
                value_list(presets),
                reads,
                writes,
            )
        )

    action = cfg.reader("action_topic", "action_template", EnumCodec(_ACTIONS))
    if action is not None:
        props.append(
            PropertyDraft(
                "status",
                "",
                Format.UINT8,
                _access((action,), ()),
                None,
                None,
                value_list(_ACTIONS),
                (action,),
            )
        )

    if not props:
        raise DiscoveryError(cfg.topic, "climate has no state or command topic")
    return ComponentMap((ServiceDraft("thermostat" + suffix, "", tuple(props)),))
