"""Map the Home Assistant MQTT ``light`` component (default, JSON and template schemas).

Every schema becomes the same ``light`` service: ``on``, ``brightness`` (1..100 %, rescaled
from ``brightness_scale``), ``color-temperature`` (kelvin, converted from mireds unless the
device speaks kelvin) and ``effect`` (value-list of ``effect_list``). Colour (rgb/hs/xy) is
not mapped yet and is reported as skipped.
"""

from __future__ import annotations

from orbithub.adapters.mqtt.assemble import PropertyDraft, ServiceDraft, value_list
from orbithub.adapters.mqtt.codecs import (
    BoolCodec,
    Codec,
    EnumCodec,
    JsonPayload,
    PayloadBuilder,
    PlainCodec,
    RawPayload,
    ReciprocalCodec,
    ScaleCodec,
    SwitchTemplatePayload,
    TemplatePayload,
)
from orbithub.adapters.mqtt.ha_components import ComponentMap
from orbithub.adapters.mqtt.ha_config import HaConfig
from orbithub.adapters.mqtt.mapping import DiscoveryError, Reader, Skipped, Writer
from orbithub.spec.model import Access, Format, ValueRange

__all__ = ["light"]

_RW = frozenset({Access.READ, Access.NOTIFY, Access.WRITE})
_W = frozenset({Access.WRITE})
_COLOR_MODES = frozenset({"hs", "xy", "rgb", "rgbw", "rgbww"})
_DIMMABLE_MODES = _COLOR_MODES | {"brightness", "color_temp", "white"}


def _access(readers: tuple[Reader, ...]) -> frozenset[Access]:
    return _RW if readers else _W


def _brightness_codec(cfg: HaConfig) -> ScaleCodec:
    scale = cfg.number("brightness_scale", 255)
    if scale < 1:
        raise DiscoveryError(cfg.topic, f"light brightness_scale must be >= 1, got {scale}")
    return ScaleCodec(0, scale, 0, 100, 1)


def _color_temp(cfg: HaConfig) -> tuple[Codec, ValueRange]:
    """Codec and kelvin range; the wire speaks mireds unless ``color_temp_kelvin`` is set."""
    if cfg.flag("color_temp_kelvin", False):
        lo, hi = int(cfg.number("min_kelvin", 2000)), int(cfg.number("max_kelvin", 6535))
        return PlainCodec(Format.UINT16), ValueRange(lo, hi, 1)
    min_mireds, max_mireds = cfg.number("min_mireds", 153), cfg.number("max_mireds", 500)
    if not 0 < min_mireds <= max_mireds:
        raise DiscoveryError(cfg.topic, f"light mireds [{min_mireds}, {max_mireds}] are invalid")
    lo, hi = round(1_000_000 / max_mireds), round(1_000_000 / min_mireds)
    return ReciprocalCodec(lo, hi), ValueRange(lo, hi, 1)


def _brightness(
    codec: Codec, readers: tuple[Reader, ...], writers: tuple[Writer, ...]
) -> PropertyDraft:
    return PropertyDraft(
        "brightness",
        "",
        Format.UINT8,
        _access(readers),
        "percentage",
        ValueRange(1, 100, 1),
        (),
        readers,
        writers,
    )


def _kelvin(
    codec: Codec, rng: ValueRange, readers: tuple[Reader, ...], writers: tuple[Writer, ...]
) -> PropertyDraft:
    return PropertyDraft(
        "color-temperature",
        "",
        Format.UINT16,
        _access(readers),
        "kelvin",
        rng,
        (),
        readers,
        writers,
    )


def _effect(
    effects: tuple[str, ...], readers: tuple[Reader, ...], writers: tuple[Writer, ...]
) -> PropertyDraft:
    return PropertyDraft(
        "effect",
        "",
        Format.UINT8,
        _access(readers),
        None,
        None,
        value_list(effects),
        readers,
        writers,
    )


def _some(reader: Reader | None) -> tuple[Reader, ...]:
    return (reader,) if reader is not None else ()


def _default_schema(cfg: HaConfig) -> tuple[list[PropertyDraft], list[Skipped]]:
    command = cfg.required("command_topic")
    on, off = cfg.payload("payload_on", "ON"), cfg.payload("payload_off", "OFF")
    power = BoolCodec((on,), (off,), on, off)
    power_read = _some(cfg.reader("state_topic", "state_value_template", power))
    props = [
        PropertyDraft(
            "on",
            "",
            Format.BOOL,
            _access(power_read),
            readers=power_read,
            writers=(Writer(command, power, RawPayload()),),
        )
    ]

    def writer(topic_key: str, template_key: str, codec: Codec) -> tuple[Writer, ...]:
        topic = cfg.text(topic_key)
        if not topic:
            return ()
        template = cfg.text(template_key)
        payload: PayloadBuilder = TemplatePayload(template) if template else RawPayload()
        return (Writer(topic, codec, payload),)

    if cfg.has("brightness_command_topic") or cfg.has("brightness_state_topic"):
        bri = _brightness_codec(cfg)
        props.append(
            _brightness(
                bri,
                _some(cfg.reader("brightness_state_topic", "brightness_value_template", bri)),
                writer("brightness_command_topic", "brightness_command_template", bri),
            )
        )
    if cfg.has("color_temp_command_topic") or cfg.has("color_temp_state_topic"):
        codec, rng = _color_temp(cfg)
        props.append(
            _kelvin(
                codec,
                rng,
                _some(cfg.reader("color_temp_state_topic", "color_temp_value_template", codec)),
                writer("color_temp_command_topic", "color_temp_command_template", codec),
            )
        )
    effects = cfg.texts("effect_list")
    if effects and (cfg.has("effect_command_topic") or cfg.has("effect_state_topic")):
        fx = EnumCodec(effects)
        props.append(
            _effect(
                effects,
                _some(cfg.reader("effect_state_topic", "effect_value_template", fx)),
                writer("effect_command_topic", "effect_command_template", fx),
            )
        )
    skipped = [
        Skipped(f"light {key}", "colour control is not mapped yet")
        for key in (
            "rgb_command_topic",
            "hs_command_topic",
            "xy_command_topic",
            "rgbw_command_topic",
            "rgbww_command_topic",
            "white_command_topic",
        )
        if cfg.has(key)
    ]
    return props, skipped


def _json_schema(cfg: HaConfig) -> tuple[list[PropertyDraft], list[Skipped]]:
    command = cfg.required("command_topic")
    state = cfg.text("state_topic")
    modes = set(cfg.texts("supported_color_modes"))
    on_extra = (("state", "ON"),)

    def rw(
        key: str, codec: Codec, extra: tuple[tuple[str, str], ...] = on_extra
    ) -> tuple[tuple[Reader, ...], tuple[Writer, ...]]:
        readers = (Reader(state, codec, None, (key,)),) if state else ()
        return readers, (Writer(command, codec, JsonPayload((key,), extra)),)

    power = BoolCodec(("ON",), ("OFF",), "ON", "OFF")
    readers, writers = rw("state", power, ())
    props = [
        PropertyDraft("on", "", Format.BOOL, _access(readers), readers=readers, writers=writers)
    ]
    if cfg.flag("brightness", False) or modes & _DIMMABLE_MODES:
        bri = _brightness_codec(cfg)
        props.append(_brightness(bri, *rw("brightness", bri)))
    if cfg.flag("color_temp", False) or "color_temp" in modes:
        codec, rng = _color_temp(cfg)
        props.append(_kelvin(codec, rng, *rw("color_temp", codec)))
    effects = cfg.texts("effect_list")
    if cfg.flag("effect", False) and effects:
        fx = EnumCodec(effects)
        props.append(_effect(effects, *rw("effect", fx)))
    skipped = []
    if modes & _COLOR_MODES or cfg.flag("rgb", False) or cfg.flag("xy", False):
        skipped.append(Skipped("light color", "colour control is not mapped yet"))
    return props, skipped


def _template_schema(cfg: HaConfig) -> tuple[list[PropertyDraft], list[Skipped]]:
    command = cfg.required("command_topic")
    on_tpl = cfg.required("command_on_template")
    off_tpl = cfg.required("command_off_template")
    state = cfg.text("state_topic")

    def read(template_key: str, codec: Codec) -> tuple[Reader, ...]:
        template = cfg.text(template_key)
        return (Reader(state, codec, template),) if state and template else ()

    def write(codec: Codec, variable: str) -> tuple[Writer, ...]:
        return (Writer(command, codec, SwitchTemplatePayload(on_tpl, off_tpl, variable)),)

    power = BoolCodec(("on",), ("off",), "on", "off")
    readers = read("state_template", power)
    props = [
        PropertyDraft(
            "on", "", Format.BOOL, _access(readers), readers=readers, writers=write(power, "state")
        )
    ]
    # As in HA, a template light dims only when it says how to read brightness back.
    if cfg.has("brightness_template"):
        bri = _brightness_codec(cfg)
        props.append(_brightness(bri, read("brightness_template", bri), write(bri, "brightness")))
    if cfg.has("color_temp_template"):
        codec, rng = _color_temp(cfg)
        props.append(
            _kelvin(codec, rng, read("color_temp_template", codec), write(codec, "color_temp"))
        )
    effects = cfg.texts("effect_list")
    if effects:
        fx = EnumCodec(effects)
        props.append(_effect(effects, read("effect_template", fx), write(fx, "effect")))
    skipped = []
    if cfg.has("red_template"):
        skipped.append(Skipped("light color", "colour control is not mapped yet"))
    return props, skipped


def light(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``light`` in any of the three schemas."""
    schema = (cfg.text("schema") or "default").lower()
    if schema in ("default", "basic"):
        props, skipped = _default_schema(cfg)
    elif schema == "json":
        props, skipped = _json_schema(cfg)
    elif schema == "template":
        props, skipped = _template_schema(cfg)
    else:
        raise DiscoveryError(cfg.topic, f"light schema {schema!r} is not default, json or template")
    return ComponentMap((ServiceDraft("light" + suffix, "", tuple(props)),), tuple(skipped))
