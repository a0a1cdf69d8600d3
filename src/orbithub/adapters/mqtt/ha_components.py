"""Map Home Assistant MQTT components (other than lights) onto OrbitHub services.

One function per component, each taking the checked config and returning service drafts with
their wire readers and writers. Defaults follow Home Assistant's documented defaults for each
option (``payload_on`` = ``ON``, ``state_locked`` = ``LOCKED``, ``min`` = 1...). The table in
``docs/mqtt-mapping.md`` lists what maps to what.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from orbithub.adapters.mqtt.assemble import (
    ActionDraft,
    PropertyDraft,
    ServiceDraft,
    slug,
    value_list,
)
from orbithub.adapters.mqtt.codecs import (
    BoolCodec,
    Codec,
    EnumCodec,
    PayloadBuilder,
    PlainCodec,
    RawPayload,
    ScaleCodec,
    SpeedRangeCodec,
    TemplatePayload,
)
from orbithub.adapters.mqtt.ha_config import HaConfig
from orbithub.adapters.mqtt.mapping import (
    ActionWrite,
    DiscoveryError,
    Reader,
    Skipped,
    Writer,
)
from orbithub.adapters.mqtt.names import BINARY_READINGS, READINGS, spec_unit
from orbithub.adapters.mqtt.templates import TemplateError, render_template, simple_json_key
from orbithub.spec.model import Access, Format, ValueRange

__all__ = [
    "COMPONENTS",
    "COVER_SERVICES",
    "ComponentMap",
    "ComponentMapper",
    "access_of",
    "command_writers",
    "entity_label",
    "fixed_action",
    "some_readers",
]


@dataclass(frozen=True, slots=True)
class ComponentMap:
    """What one component contributes to its device."""

    services: tuple[ServiceDraft, ...]
    skipped: tuple[Skipped, ...] = ()


ComponentMapper = Callable[[HaConfig, str], ComponentMap]
"""``(config, service suffix) -> ComponentMap``; the suffix keeps two switches apart."""

_READ = frozenset({Access.READ, Access.NOTIFY})
_WRITE = frozenset({Access.WRITE})
_READ_WRITE = frozenset({Access.READ, Access.NOTIFY, Access.WRITE})


def access_of(readers: tuple[Reader, ...], writers: tuple[Writer, ...]) -> frozenset[Access]:
    """Read + notify when read, write when written."""
    if readers and writers:
        return _READ_WRITE
    return _WRITE if writers else _READ


def some_readers(*readers: Reader | None) -> tuple[Reader, ...]:
    """The readers that exist."""
    return tuple(r for r in readers if r is not None)


def command_writers(
    cfg: HaConfig, topic_key: str, template_key: str | None, codec: Codec, variable: str = "value"
) -> tuple[Writer, ...]:
    """A writer publishing to ``topic_key``, through the template at ``template_key`` if set."""
    topic = cfg.text(topic_key)
    if not topic:
        return ()
    template = cfg.text(template_key) if template_key else None
    payload: PayloadBuilder = TemplatePayload(template, variable) if template else RawPayload()
    return (Writer(topic, codec, payload),)


def entity_label(cfg: HaConfig, fallback: str) -> str:
    """The entity's own name for naming a property: ``name``, else ``object_id``, else fallback."""
    return cfg.text("name") or cfg.text("object_id") or fallback


def fixed_action(cfg: HaConfig, name: str, payload_key: str, default: str) -> ActionWrite:
    """The fixed message of a button/scene, through ``command_template`` when set."""
    payload = cfg.text(payload_key, default) or ""
    template = cfg.text("command_template")
    if template:
        try:
            payload = render_template(template, variables={"value": payload})
        except TemplateError as exc:
            raise DiscoveryError(cfg.topic, f"{name}: command_template fails: {exc}") from exc
    return ActionWrite(cfg.required("command_topic"), payload.encode())


def sensor(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``sensor``: one read-only property; standard name and unit from ``device_class``."""
    cfg.required("state_topic")
    device_class = cfg.text("device_class") or ""
    template = cfg.text("value_template") or ""
    key = simple_json_key(template) if template else None
    standard = READINGS.get(device_class) or READINGS.get(key or "")
    unit = spec_unit(cfg.text("unit_of_measurement"))
    options = cfg.texts("options")
    if options:
        codec: Codec = EnumCodec(options)
        prop = PropertyDraft(
            slug(entity_label(cfg, device_class or "value")),
            "",
            Format.UINT8,
            _READ,
            None,
            None,
            value_list(options),
        )
    elif standard is not None:
        codec = PlainCodec(standard.format)
        prop = PropertyDraft(
            standard.name,
            cfg.text("name") or "",
            standard.format,
            _READ,
            standard.unit or unit,
            standard.value_range,
        )
    else:
        numeric = unit is not None or cfg.has("state_class") or device_class in READINGS
        fmt = Format.FLOAT if numeric else Format.STRING
        codec = PlainCodec(fmt)
        prop = PropertyDraft(
            slug(entity_label(cfg, device_class or "value")),
            cfg.text("name") or "",
            fmt,
            _READ,
            unit,
        )
    reader = cfg.reader("state_topic", "value_template", codec)
    service = standard.service if standard is not None else "sensor"
    draft = PropertyDraft(
        prop.name,
        prop.description,
        prop.format,
        prop.access,
        prop.unit,
        prop.value_range,
        prop.value_list,
        some_readers(reader),
    )
    return ComponentMap((ServiceDraft(service, "", (draft,), shared=True),))


def binary_sensor(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``binary_sensor``: one boolean; door/window sensors invert into ``contact-state``."""
    cfg.required("state_topic")
    device_class = cfg.text("device_class") or ""
    standard = BINARY_READINGS.get(device_class)
    on, off = cfg.payload("payload_on", "ON"), cfg.payload("payload_off", "OFF")
    inverted = standard is not None and standard.inverted
    codec = BoolCodec((off,), (on,), off, on) if inverted else BoolCodec((on,), (off,), on, off)
    reader = cfg.reader("state_topic", "value_template", codec)
    name = standard.name if standard else slug(entity_label(cfg, device_class or "state"))
    service = standard.service if standard else "sensor"
    prop = PropertyDraft(
        name, cfg.text("name") or "", Format.BOOL, _READ, readers=some_readers(reader)
    )
    return ComponentMap((ServiceDraft(service, "", (prop,), shared=True),))


def _on_off(cfg: HaConfig, state_template_key: str = "value_template") -> PropertyDraft:
    on, off = cfg.payload("payload_on", "ON"), cfg.payload("payload_off", "OFF")
    codec = BoolCodec((cfg.payload("state_on", on),), (cfg.payload("state_off", off),), on, off)
    readers = some_readers(cfg.reader("state_topic", state_template_key, codec))
    writers = command_writers(cfg, "command_topic", "command_template", codec)
    return PropertyDraft(
        "on", "", Format.BOOL, access_of(readers, writers), readers=readers, writers=writers
    )


def switch(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``switch``: ``switch.on``."""
    cfg.required("command_topic")
    return ComponentMap((ServiceDraft("switch" + suffix, "", (_on_off(cfg),)),))


def lock(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``lock``: ``lock.locked`` (intermediate states such as ``LOCKING`` are not values)."""
    command = cfg.required("command_topic")
    codec = BoolCodec(
        (cfg.payload("state_locked", "LOCKED"),),
        (cfg.payload("state_unlocked", "UNLOCKED"),),
        cfg.payload("payload_lock", "LOCK"),
        cfg.payload("payload_unlock", "UNLOCK"),
        ignored=tuple(
            cfg.payload(k, d)
            for k, d in (
                ("state_locking", "LOCKING"),
                ("state_unlocking", "UNLOCKING"),
                ("state_jammed", "JAMMED"),
                ("state_open", "OPEN"),
                ("state_opening", "OPENING"),
            )
        ),
    )
    readers = some_readers(cfg.reader("state_topic", "value_template", codec))
    writers = command_writers(cfg, "command_topic", "command_template", codec)
    prop = PropertyDraft(
        "locked", "", Format.BOOL, access_of(readers, writers), readers=readers, writers=writers
    )
    actions: tuple[ActionDraft, ...] = ()
    if cfg.has("payload_open"):
        actions = (
            ActionDraft(
                "open",
                "Unlatch the door",
                (ActionWrite(command, (cfg.text("payload_open") or "").encode()),),
            ),
        )
    return ComponentMap((ServiceDraft("lock" + suffix, "", (prop,), actions),))


_COVER_STATES = ("open", "opening", "closed", "closing", "stopped")
_MOTOR = ("pause", "open", "close")

COVER_SERVICES = {
    "garage": "garage-door",
    "gate": "gate",
    "door": "door",
    "window": "window-opener",
}
"""Cover device classes that open a way into the home, and the service each becomes.

They are security devices (whoever opens them lets people in), so they must never look like a
curtain; the names match the built-in types of the same name. Every other cover is a curtain."""


def cover(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``cover``: ``curtain.current-position`` / ``target-position`` (0..100), status, motor.

    A garage door, gate, door or window (``device_class``) gets its own service name instead
    of ``curtain`` (see :data:`COVER_SERVICES`).
    """
    props: list[PropertyDraft] = []
    command = cfg.text("command_topic")
    if command:
        payloads = tuple(
            cfg.payload(k, d)
            for k, d in (
                ("payload_stop", "STOP"),
                ("payload_open", "OPEN"),
                ("payload_close", "CLOSE"),
            )
        )
        motor = EnumCodec(payloads)
        props.append(
            PropertyDraft(
                "motor-control",
                "",
                Format.UINT8,
                _WRITE,
                None,
                None,
                value_list(_MOTOR),
                (),
                (Writer(command, motor, RawPayload()),),
            )
        )
    states = tuple(cfg.payload(f"state_{s}", s) for s in _COVER_STATES)
    status = cfg.reader("state_topic", "value_template", EnumCodec(states))
    if status is not None:
        props.append(
            PropertyDraft(
                "status", "", Format.UINT8, _READ, None, None, value_list(_COVER_STATES), (status,)
            )
        )
    closed, opened = cfg.number("position_closed", 0), cfg.number("position_open", 100)
    percent = ValueRange(0, 100, 1)
    position = ScaleCodec(closed, opened, 0, 100, 0)
    current = cfg.reader("position_topic", "position_template", position)
    if current is not None:
        props.append(
            PropertyDraft(
                "current-position", "", Format.UINT8, _READ, "percentage", percent, (), (current,)
            )
        )
    target = command_writers(
        cfg, "set_position_topic", "set_position_template", position, "position"
    )
    if target:
        props.append(
            PropertyDraft(
                "target-position", "", Format.UINT8, _WRITE, "percentage", percent, (), (), target
            )
        )
    tilt_codec = ScaleCodec(cfg.number("tilt_min", 0), cfg.number("tilt_max", 100), 0, 100, 0)
    tilt_read = some_readers(cfg.reader("tilt_status_topic", "tilt_status_template", tilt_codec))
    tilt_write = command_writers(
        cfg, "tilt_command_topic", "tilt_command_template", tilt_codec, "tilt_position"
    )
    if tilt_read or tilt_write:
        props.append(
            PropertyDraft(
                "tilt",
                "",
                Format.UINT8,
                access_of(tilt_read, tilt_write),
                "percentage",
                percent,
                (),
                tilt_read,
                tilt_write,
            )
        )
    if not props:
        raise DiscoveryError(cfg.topic, "cover has no command, state or position topic")
    name = COVER_SERVICES.get(cfg.text("device_class") or "", "curtain")
    return ComponentMap((ServiceDraft(name + suffix, "", tuple(props)),))


def fan(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``fan``: ``fan.on``, ``fan.fan-level`` (percentage), ``fan.mode`` (presets), swing."""
    cfg.required("command_topic")
    props = [_on_off(cfg, "state_value_template")]
    lo, hi = int(cfg.number("speed_range_min", 1)), int(cfg.number("speed_range_max", 100))
    if hi < lo:
        raise DiscoveryError(cfg.topic, f"fan speed_range_max {hi} is below speed_range_min {lo}")
    speed = SpeedRangeCodec(lo, hi)
    level_read = some_readers(
        cfg.reader("percentage_state_topic", "percentage_value_template", speed)
    )
    level_write = command_writers(
        cfg, "percentage_command_topic", "percentage_command_template", speed
    )
    if level_read or level_write:
        props.append(
            PropertyDraft(
                "fan-level",
                "",
                Format.UINT8,
                access_of(level_read, level_write),
                "percentage",
                ValueRange(0, 100, 1),
                (),
                level_read,
                level_write,
            )
        )
    presets = cfg.texts("preset_modes")
    if presets:
        codec = EnumCodec(presets)
        read = some_readers(
            cfg.reader("preset_mode_state_topic", "preset_mode_value_template", codec)
        )
        write = command_writers(
            cfg, "preset_mode_command_topic", "preset_mode_command_template", codec
        )
        props.append(
            PropertyDraft(
                "mode",
                "",
                Format.UINT8,
                access_of(read, write),
                None,
                None,
                value_list(presets),
                read,
                write,
            )
        )
    swing = BoolCodec(
        (cfg.payload("payload_oscillation_on", "oscillate_on"),),
        (cfg.payload("payload_oscillation_off", "oscillate_off"),),
        cfg.payload("payload_oscillation_on", "oscillate_on"),
        cfg.payload("payload_oscillation_off", "oscillate_off"),
    )
    swing_read = some_readers(
        cfg.reader("oscillation_state_topic", "oscillation_value_template", swing)
    )
    swing_write = command_writers(
        cfg, "oscillation_command_topic", "oscillation_command_template", swing
    )
    if swing_read or swing_write:
        props.append(
            PropertyDraft(
                "horizontal-swing",
                "",
                Format.BOOL,
                access_of(swing_read, swing_write),
                None,
                None,
                (),
                swing_read,
                swing_write,
            )
        )
    return ComponentMap((ServiceDraft("fan" + suffix, "", tuple(props)),))


def number(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``number``: a writable numeric setting with ``min``/``max``/``step`` as its range."""
    cfg.required("command_topic")
    lo, hi, step = cfg.number("min", 1), cfg.number("max", 100), cfg.number("step", 1)
    if hi < lo or step <= 0:
        raise DiscoveryError(cfg.topic, f"number range [{lo}, {hi}] step {step} is empty")
    integral = all(float(x).is_integer() for x in (lo, hi, step))
    fmt = Format.INT32 if integral else Format.FLOAT
    codec = PlainCodec(fmt)
    readers = some_readers(cfg.reader("state_topic", "value_template", codec))
    writers = command_writers(cfg, "command_topic", "command_template", codec)
    prop = PropertyDraft(
        slug(entity_label(cfg, "value")),
        cfg.text("name") or "",
        fmt,
        access_of(readers, writers),
        spec_unit(cfg.text("unit_of_measurement")),
        ValueRange(lo, hi, step),
        (),
        readers,
        writers,
    )
    return ComponentMap((ServiceDraft("settings", "", (prop,), shared=True),))


def select(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``select``: a value-list setting; options become value-list items numbered from 0."""
    cfg.required("command_topic")
    options = cfg.texts("options")
    if not options:
        raise DiscoveryError(cfg.topic, "select needs a non-empty 'options' list")
    codec = EnumCodec(options)
    readers = some_readers(cfg.reader("state_topic", "value_template", codec))
    writers = command_writers(cfg, "command_topic", "command_template", codec)
    prop = PropertyDraft(
        slug(entity_label(cfg, "option")),
        cfg.text("name") or "",
        Format.UINT8,
        access_of(readers, writers),
        None,
        None,
        value_list(options),
        readers,
        writers,
    )
    return ComponentMap((ServiceDraft("settings", "", (prop,), shared=True),))


def text(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``text``: a writable string setting."""
    cfg.required("command_topic")
    codec = PlainCodec(Format.STRING)
    readers = some_readers(cfg.reader("state_topic", "value_template", codec))
    writers = command_writers(cfg, "command_topic", "command_template", codec)
    prop = PropertyDraft(
        slug(entity_label(cfg, "text")),
        cfg.text("name") or "",
        Format.STRING,
        access_of(readers, writers),
        readers=readers,
        writers=writers,
    )
    return ComponentMap((ServiceDraft("settings", "", (prop,), shared=True),))


COMPONENTS: dict[str, ComponentMapper] = {
    "sensor": sensor,
    "binary_sensor": binary_sensor,
    "switch": switch,
    "lock": lock,
    "cover": cover,
    "fan": fan,
    "number": number,
    "select": select,
    "text": text,
}
"""Component name -> mapper for the components in this module."""
