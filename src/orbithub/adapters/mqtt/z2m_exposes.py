"""Map zigbee2mqtt ``exposes`` (a device definition's capabilities) onto service drafts.

Generic exposes (``binary``, ``numeric``, ``enum``, ``text``, ``composite``) become properties;
specific ones (``light``, ``switch``, ``fan``, ``cover``, ``lock``, ``climate``) become a service
each (one per ``endpoint``), with their features renamed to the standard names
(``state`` -> ``on``, ``brightness`` 0..254 -> 1..100 %, ``color_temp`` mired -> kelvin...).
``list`` exposes are skipped with a reason. The access bitmask maps as: 1 (published) ->
read + notify, 2 (settable) -> write, 4 (gettable) -> read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from orbithub.adapters.mqtt.assemble import PropertyDraft, ServiceDraft, slug, value_list
from orbithub.adapters.mqtt.codecs import (
    BoolCodec,
    Codec,
    EnumCodec,
    JsonPayload,
    PlainCodec,
    ReciprocalCodec,
    ScaleCodec,
    WireScalar,
)
from orbithub.adapters.mqtt.mapping import Reader, Skipped, Writer
from orbithub.adapters.mqtt.names import BINARY_READINGS, READINGS, Reading, spec_unit
from orbithub.spec.model import Access, Format, ValueListItem, ValueRange

__all__ = ["DeviceTopics", "map_exposes"]

_PUBLISHED, _SET, _GET = 1, 2, 4
_SPECIFIC = {
    "light": "light",
    "switch": "switch",
    "fan": "fan",
    "cover": "curtain",
    "lock": "lock",
    "climate": "thermostat",
}
# Renames inside specific exposes: (expose type, feature name) -> property name.
_RENAMES = {
    ("light", "state"): "on",
    ("switch", "state"): "on",
    ("fan", "state"): "on",
    ("fan", "fan_state"): "on",
    ("fan", "mode"): "mode",
    ("fan", "fan_mode"): "mode",
    ("lock", "state"): "locked",
    ("cover", "tilt"): "tilt",
    ("climate", "local_temperature"): "temperature",
    ("climate", "occupied_heating_setpoint"): "target-temperature",
    ("climate", "current_heating_setpoint"): "target-temperature",
    ("climate", "occupied_cooling_setpoint"): "target-cooling-temperature",
    ("climate", "system_mode"): "mode",
    ("climate", "running_state"): "status",
    ("climate", "preset"): "preset",
    ("climate", "fan_mode"): "fan-level",
}
_MOTOR_WIRE = ("STOP", "OPEN", "CLOSE")


@dataclass(frozen=True, slots=True)
class DeviceTopics:
    """Where one zigbee2mqtt device publishes state and takes commands."""

    state: str
    base_set: str

    def set_topic(self, endpoint: str) -> str:
        """``<base>/<name>[/<endpoint>]/set``."""
        return f"{self.state}/{endpoint}/set" if endpoint else self.base_set


def _access(bits: int) -> frozenset[Access]:
    access: set[Access] = set()
    if bits & _PUBLISHED:
        access.update((Access.READ, Access.NOTIFY))
    if bits & _GET:
        access.add(Access.READ)
    if bits & _SET:
        access.add(Access.WRITE)
    return frozenset(access)


def _text(feature: Mapping[str, Any], key: str) -> str:
    value = feature.get(key)
    return value if isinstance(value, str) else ""


def _num(feature: Mapping[str, Any], key: str) -> float | None:
    value = feature.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _scalar(value: Any, default: WireScalar) -> WireScalar:
    return value if isinstance(value, str | int | float | bool) else default


def _numeric_shape(feature: Mapping[str, Any]) -> tuple[Format, ValueRange | None]:
    lo, hi, step = (
        _num(feature, "value_min"),
        _num(feature, "value_max"),
        _num(feature, "value_step"),
    )
    integral = all(x is None or x.is_integer() for x in (lo, hi, step))
    if lo is None or hi is None:
        return Format.FLOAT, None
    fmt = Format.INT32 if integral else Format.FLOAT
    if integral and lo >= 0 and hi <= 255:
        fmt = Format.UINT8
    return fmt, ValueRange(lo, hi, step if step else (1 if integral else 0.01))


@dataclass(frozen=True, slots=True)
class _Context:
    topics: DeviceTopics
    parent: str  # specific expose type ("light"), or "" at top level
    endpoint: str


def _rw(
    ctx: _Context,
    feature: Mapping[str, Any],
    codec: Codec,
    key: tuple[str, ...],
    write_key: tuple[str, ...],
) -> tuple[frozenset[Access], tuple[Reader, ...], tuple[Writer, ...]]:
    access = _access(int(_num(feature, "access") or 0))
    readers = (Reader(ctx.topics.state, codec, None, key),) if Access.READ in access else ()
    writers: tuple[Writer, ...] = ()
    if Access.WRITE in access:
        writers = (Writer(ctx.topics.set_topic(ctx.endpoint), codec, JsonPayload(write_key)),)
    return access, readers, writers


def _without_endpoint(prop: str, endpoint: str) -> str:
    suffix = f"_{endpoint}"
    return prop[: -len(suffix)] if endpoint and prop.endswith(suffix) else prop


def _feature(
    ctx: _Context,
    feature: Mapping[str, Any],
    skipped: list[Skipped],
    prefix: tuple[str, ...] = (),
    write_prefix: tuple[str, ...] = (),
) -> list[tuple[str, PropertyDraft]]:
    """``(service name, property draft)`` pairs for one generic feature.

    ``prefix``/``write_prefix`` are the JSON path of an enclosing composite in state messages
    and in commands (they differ under an endpoint: ``color_l1`` in state, ``color`` on
    ``/l1/set``).
    """
    kind = _text(feature, "type")
    prop = _text(feature, "property") or _text(feature, "name")
    name = _text(feature, "name") or prop
    if not prop:
        skipped.append(Skipped(f"expose {feature.get('label')!r}", "has no property name"))
        return []
    key = (*prefix, prop)
    # With an endpoint topic the key loses its endpoint suffix: {"state": "ON"} on /l2/set.
    write_key = (*write_prefix, _without_endpoint(prop, ctx.endpoint))
    description = _text(feature, "description")
    if kind == "composite":
        features = feature.get("features")
        if not isinstance(features, list):
            skipped.append(Skipped(f"expose {prop}", "composite without features"))
            return []
        out = []
        for sub in features:
            if isinstance(sub, Mapping):
                for service, draft in _feature(ctx, sub, skipped, key, write_key):
                    base = slug(_without_endpoint(prop, ctx.endpoint))
                    out.append((service, _renamed(draft, f"{base}-{draft.name}")))
        return out
    if kind == "list":
        skipped.append(Skipped(f"expose {prop}", "list exposes are not mapped"))
        return []
    service, standard_name, standard = _standard(ctx.parent, name, prop, kind)
    values: tuple[ValueListItem, ...] = ()
    if kind == "binary":
        on = _scalar(feature.get("value_on"), True)
        off = _scalar(feature.get("value_off"), False)
        if standard is not None and standard.inverted:
            # zigbee2mqtt's contact is "on" when open (value_on false), while contact-state
            # is true when closed: a door that opens must read open.
            on, off = off, on
        toggle = feature.get("value_toggle")
        codec: Codec = BoolCodec(
            (on,), (off,), on, off, ignored=(toggle,) if isinstance(toggle, str) else ()
        )
        fmt, unit, rng, values = Format.BOOL, None, None, ()
    elif kind == "numeric":
        fmt, rng = _numeric_shape(feature)
        unit = spec_unit(_text(feature, "unit") or None)
        codec = PlainCodec(fmt)
        values = ()
        special = _special_numeric(ctx.parent, name, feature)
        if special is not None:
            codec, fmt, unit, rng = special
        elif standard is not None:
            fmt = standard.format
            codec = PlainCodec(fmt)
            unit = standard.unit or unit
            rng = rng or standard.value_range
    elif kind == "enum":
        options = feature.get("values")
        if not isinstance(options, list) or not options:
            skipped.append(Skipped(f"expose {prop}", "enum without values"))
            return []
        wire = tuple(_scalar(o, str(o)) for o in options)
        codec, fmt, unit, rng, values = EnumCodec(wire), Format.UINT8, None, None, value_list(wire)
        if ctx.parent == "cover" and name == "state" and set(wire) <= set(_MOTOR_WIRE):
            codec, values = EnumCodec(_MOTOR_WIRE), value_list(("pause", "open", "close"))
            standard_name = "motor-control"
    elif kind == "text":
        codec, fmt, unit, rng, values = PlainCodec(Format.STRING), Format.STRING, None, None, ()
    else:
        skipped.append(Skipped(f"expose {prop}", f"type {kind!r} is not mapped"))
        return []
    access, readers, writers = _rw(ctx, feature, codec, key, write_key)
    if not access:
        skipped.append(Skipped(f"expose {prop}", "neither published, settable nor gettable"))
        return []
    if ctx.parent == "cover" and name == "position":
        return _position(access, readers, writers, description)
    draft = PropertyDraft(
        standard_name, description, fmt, access, unit, rng, values, readers, writers
    )
    return [(service, draft)]


def _position(
    access: frozenset[Access],
    readers: tuple[Reader, ...],
    writers: tuple[Writer, ...],
    description: str,
) -> list[tuple[str, PropertyDraft]]:
    """A cover's one ``position`` becomes MIoT's current-position (read) and target (write)."""
    rng = ValueRange(0, 100, 1)
    out = []
    if readers:
        out.append(
            (
                "",
                PropertyDraft(
                    "current-position",
                    description,
                    Format.UINT8,
                    access - {Access.WRITE},
                    "percentage",
                    rng,
                    (),
                    readers,
                ),
            )
        )
    if writers:
        out.append(
            (
                "",
                PropertyDraft(
                    "target-position",
                    description,
                    Format.UINT8,
                    frozenset({Access.WRITE}),
                    "percentage",
                    rng,
                    (),
                    (),
                    writers,
                ),
            )
        )
    return out


def _special_numeric(
    parent: str, name: str, feature: Mapping[str, Any]
) -> tuple[Codec, Format, str | None, ValueRange | None] | None:
    if parent == "light" and name == "brightness":
        top = _num(feature, "value_max") or 254
        return ScaleCodec(0, top, 0, 100, 1), Format.UINT8, "percentage", ValueRange(1, 100, 1)
    if parent == "light" and name == "color_temp":
        lo_mired, hi_mired = _num(feature, "value_min") or 153, _num(feature, "value_max") or 500
        lo, hi = round(1_000_000 / hi_mired), round(1_000_000 / lo_mired)
        return ReciprocalCodec(lo, hi), Format.UINT16, "kelvin", ValueRange(lo, hi, 1)
    return None


def _standard(parent: str, name: str, prop: str, kind: str) -> tuple[str, str, Reading | None]:
    """``(service, property name, standard reading)``; service "" means the parent's."""
    if parent:
        renamed = _RENAMES.get((parent, name))
        if renamed is None and parent == "light" and name == "color_temp":
            renamed = "color-temperature"
        return "", renamed or slug(name), None
    table = BINARY_READINGS if kind == "binary" else READINGS
    standard = table.get(prop)
    if standard is not None:
        return standard.service, standard.name, standard
    if prop == "action":
        return "event", "action", None
    return "sensor", slug(prop), None


def _renamed(draft: PropertyDraft, name: str) -> PropertyDraft:
    return PropertyDraft(
        name,
        draft.description,
        draft.format,
        draft.access,
        draft.unit,
        draft.value_range,
        draft.value_list,
        draft.readers,
        draft.writers,
    )


def map_exposes(
    exposes: list[Any], topics: DeviceTopics
) -> tuple[tuple[ServiceDraft, ...], tuple[Skipped, ...], str]:
    """Service drafts for a device's exposes, what was skipped, and the device kind."""
    skipped: list[Skipped] = []
    services: list[ServiceDraft] = []
    loose: list[tuple[str, PropertyDraft]] = []
    kind = ""
    for expose in exposes:
        if not isinstance(expose, Mapping):
            skipped.append(Skipped("expose", f"not an object: {expose!r}"))
            continue
        etype = _text(expose, "type")
        if etype in _SPECIFIC:
            endpoint = _text(expose, "endpoint")
            ctx = _Context(topics, etype, endpoint)
            props: list[PropertyDraft] = []
            features = expose.get("features")
            for feature in features if isinstance(features, list) else []:
                if isinstance(feature, Mapping):
                    props.extend(d for _, d in _feature(ctx, feature, skipped))
            name = _SPECIFIC[etype] + (f"-{slug(endpoint)}" if endpoint else "")
            services.append(ServiceDraft(name, _text(expose, "description"), tuple(props)))
            kind = kind or _SPECIFIC[etype]
            continue
        ctx = _Context(topics, "", _text(expose, "endpoint"))
        loose.extend(_feature(ctx, expose, skipped))
    for service, draft in loose:
        if not service:
            service = "sensor"
        if service == "sensor" and Access.WRITE in draft.access:
            service = "settings"
        services.append(ServiceDraft(service, "", (draft,), shared=True))
    return tuple(services), tuple(skipped), kind or "sensor"
