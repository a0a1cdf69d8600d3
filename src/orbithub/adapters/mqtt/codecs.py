"""Convert one value between its typed form (the spec's) and its wire form (the device's).

A codec is a small frozen object with ``decode(wire) -> Value | None`` and
``encode(value) -> wire``; ``None`` from ``decode`` means "the device said nothing usable about
this property" (an intermediate state such as ``LOCKING``, or HA's ``None`` payload). A value the
codec cannot make sense of raises :class:`ValueError`; the caller wraps it in a typed error that
names the topic.

Payload builders turn an encoded wire value into the bytes a command topic expects.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeAlias

import orjson

from orbithub.adapters.mqtt.templates import render_template
from orbithub.spec.model import Format, Value

__all__ = [
    "BoolCodec",
    "Codec",
    "EnumCodec",
    "JsonPayload",
    "PayloadBuilder",
    "PlainCodec",
    "RawPayload",
    "ReciprocalCodec",
    "ScaleCodec",
    "SpeedRangeCodec",
    "SwitchTemplatePayload",
    "TemplatePayload",
    "WireScalar",
    "wire_text",
]

WireScalar: TypeAlias = str | int | float | bool
"""A value as a device sends or expects it: JSON scalar or payload text."""

_ABSENT = frozenset({"", "None", "none", "null"})
"""Texts meaning "no value": HA's ``payload_reset`` default and what templates print for None."""


def wire_text(wire: object) -> str:
    """The text form used to compare wire values: ``True`` -> ``"True"``, 21.0 -> ``"21.0"``.

    Home Assistant compares rendered template output (always text, Python-style ``True``)
    with configured payloads; normalising both sides the same way makes a JSON ``true`` from
    zigbee2mqtt and a rendered ``"True"`` match a configured ``payload_on: true``.
    """
    if wire is None:
        return "None"
    return str(wire)


class Codec(Protocol):
    """Converts between a property's typed value and its wire value."""

    def decode(self, wire: object) -> Value | None:
        """The typed value of ``wire``, or None when it carries no value for this property."""
        ...

    def encode(self, value: Value) -> WireScalar:
        """The wire value for the typed ``value``."""
        ...


def _number(wire: object) -> float:
    if isinstance(wire, bool):
        raise ValueError(f"expected a number, got {wire!r}")
    if isinstance(wire, int | float):
        number = float(wire)
    elif isinstance(wire, str):
        try:
            number = float(wire.strip())
        except ValueError:
            raise ValueError(f"expected a number, got {wire!r}") from None
    else:
        raise ValueError(f"expected a number, got {wire!r}")
    if not math.isfinite(number):
        raise ValueError(f"expected a finite number, got {wire!r}")
    return number


@dataclass(frozen=True, slots=True)
class PlainCodec:
    """Values that need no translation beyond parsing text into the property's format."""

    format: Format

    def decode(self, wire: object) -> Value | None:
        """Parse ``wire`` as the format says; absent markers give None."""
        if wire is None or (isinstance(wire, str) and wire.strip() in _ABSENT):
            return None
        if self.format is Format.STRING:
            if isinstance(wire, dict | list):
                return orjson.dumps(wire).decode()
            return wire_text(wire)
        if self.format is Format.BOOL:
            if isinstance(wire, bool):
                return wire
            text = wire_text(wire).strip().lower()
            if text in ("true", "1", "on"):
                return True
            if text in ("false", "0", "off"):
                return False
            raise ValueError(f"expected a boolean, got {wire!r}")
        number = _number(wire)
        if self.format is Format.FLOAT:
            return number
        if not number.is_integer():
            raise ValueError(f"expected a whole number, got {wire!r}")
        return int(number)

    def encode(self, value: Value) -> WireScalar:
        """The value itself: the wire speaks the same type."""
        return value


@dataclass(frozen=True, slots=True)
class BoolCodec:
    """A boolean carried as two payloads (``ON``/``OFF``, ``LOCKED``/``UNLOCKED``...).

    Attributes:
        true_states: wire values read as True.
        false_states: wire values read as False.
        on: what to send for True.
        off: what to send for False.
        ignored: wire values that carry no boolean (``LOCKING``, ``JAMMED``); decoded as None.
    """

    true_states: tuple[WireScalar, ...]
    false_states: tuple[WireScalar, ...]
    on: WireScalar
    off: WireScalar
    ignored: tuple[WireScalar, ...] = ()

    def decode(self, wire: object) -> Value | None:
        """True or False by matching the configured states; None for ignored or absent."""
        text = wire_text(wire)
        if any(text == wire_text(s) for s in self.true_states):
            return True
        if any(text == wire_text(s) for s in self.false_states):
            return False
        if text in _ABSENT or any(text == wire_text(s) for s in self.ignored):
            return None
        expected = ", ".join(repr(s) for s in (*self.true_states, *self.false_states))
        raise ValueError(f"expected one of {expected}, got {wire!r}")

    def encode(self, value: Value) -> WireScalar:
        """``on`` for a truthy value, ``off`` otherwise."""
        return self.on if value else self.off


@dataclass(frozen=True, slots=True)
class EnumCodec:
    """An enumeration: the wire speaks option texts, the spec speaks value-list integers.

    Option ``i`` has the value ``start + i`` (the value-list built beside it uses the same
    numbering), so the mapping works both ways without a lookup table per device.
    """

    options: tuple[WireScalar, ...]
    start: int = 0

    def decode(self, wire: object) -> Value | None:
        """The value-list integer of the option text ``wire``."""
        text = wire_text(wire)
        for index, option in enumerate(self.options):
            if text == wire_text(option):
                return self.start + index
        if text in _ABSENT:
            return None
        raise ValueError(f"{wire!r} is not one of the options {list(self.options)!r}")

    def encode(self, value: Value) -> WireScalar:
        """The option text of the value-list integer ``value``."""
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected an option number, got {value!r}")
        index = value - self.start
        if not 0 <= index < len(self.options):
            raise ValueError(f"{value} is not an option number ({self.start}..)")
        return self.options[index]


@dataclass(frozen=True, slots=True)
class ScaleCodec:
    """A linear rescale: wire ``[wire_lo, wire_hi]`` <-> spec ``[lo, hi]``, clamped at ``clamp_lo``.

    Used for brightness (0..254 or 0..255 on the wire, 1..100 % in the spec) and cover
    positions whose open/closed ends are not 100/0.
    """

    wire_lo: float
    wire_hi: float
    lo: float
    hi: float
    clamp_lo: float
    integer: bool = True
    wire_integer: bool = True

    def decode(self, wire: object) -> Value | None:
        """The spec value of ``wire``, rounded when the spec is integral."""
        if wire is None or (isinstance(wire, str) and wire.strip() in _ABSENT):
            return None
        number = _number(wire)
        span = self.wire_hi - self.wire_lo
        scaled = self.lo + (number - self.wire_lo) * (self.hi - self.lo) / span
        low, high = sorted((self.clamp_lo, self.hi))
        scaled = min(max(scaled, low), high)
        return round(scaled) if self.integer else scaled

    def encode(self, value: Value) -> WireScalar:
        """The wire value of the spec ``value``."""
        number = _number(value)
        wire = self.wire_lo + (number - self.lo) * (self.wire_hi - self.wire_lo) / (
            self.hi - self.lo
        )
        if not math.isfinite(wire):
            # A huge value (7e305) scales past the largest float: refused, not an overflow.
            raise ValueError(f"{value!r} is too large to send")
        return round(wire) if self.wire_integer else wire


@dataclass(frozen=True, slots=True)
class SpeedRangeCodec:
    """Fan speed steps ``lo..hi`` on the wire <-> percentage 0..100 (0 is off).

    Follows HA's ranged-value rule: step ``k`` of ``n`` is ``k * 100 / n`` percent, and a
    percentage is sent as the smallest step that reaches it (``ceil``).
    """

    lo: int
    hi: int

    def decode(self, wire: object) -> Value | None:
        """Percentage of the wire step."""
        if wire is None or (isinstance(wire, str) and wire.strip() in _ABSENT):
            return None
        number = _number(wire)
        if number <= 0:
            return 0
        steps = self.hi - self.lo + 1
        return round(min(max((number - self.lo + 1) * 100 / steps, 0), 100))

    def encode(self, value: Value) -> WireScalar:
        """Wire step for a percentage."""
        number = _number(value)
        if number <= 0:
            return 0
        steps = self.hi - self.lo + 1
        return min(self.hi, math.ceil(number * steps / 100) + self.lo - 1)


@dataclass(frozen=True, slots=True)
class ReciprocalCodec:
    """Mired on the wire <-> kelvin in the spec (``K = 1e6 / mired``), clamped to the range."""

    lo: int
    hi: int

    def decode(self, wire: object) -> Value | None:
        """Kelvin for a mired value."""
        if wire is None or (isinstance(wire, str) and wire.strip() in _ABSENT):
            return None
        number = _number(wire)
        if number <= 0:
            raise ValueError(f"expected a positive mired value, got {wire!r}")
        return min(max(round(1_000_000 / number), self.lo), self.hi)

    def encode(self, value: Value) -> WireScalar:
        """Mired for a kelvin value."""
        number = _number(value)
        if number <= 0:
            raise ValueError(f"expected a positive kelvin value, got {value!r}")
        return round(1_000_000 / number)


class PayloadBuilder(Protocol):
    """Builds the bytes a command topic expects from a typed value and its wire form."""

    def build(self, value: Value, wire: WireScalar) -> bytes:
        """The payload to publish."""
        ...


@dataclass(frozen=True, slots=True)
class RawPayload:
    """The wire value as text (``ON``, ``21.5``, ``LOCK``)."""

    def build(self, value: Value, wire: WireScalar) -> bytes:
        """The wire text, JSON spelling for booleans."""
        if isinstance(wire, bool):
            return b"true" if wire else b"false"
        return wire_text(wire).encode()


@dataclass(frozen=True, slots=True)
class JsonPayload:
    """A JSON object ``{key: wire, **extra}``; ``key`` may be nested (``("color", "x")``)."""

    key: tuple[str, ...]
    extra: tuple[tuple[str, WireScalar], ...] = ()

    def build(self, value: Value, wire: WireScalar) -> bytes:
        """The JSON object, keys in the order given."""
        body: dict[str, Any] = dict(self.extra)
        node = body
        for part in self.key[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = {}
                node[part] = child
            node = child
        node[self.key[-1]] = wire
        return orjson.dumps(body)


@dataclass(frozen=True, slots=True)
class TemplatePayload:
    """A command template rendered with the wire value bound to ``value`` and to ``variable``."""

    template: str
    variable: str = "value"
    extra: tuple[tuple[str, WireScalar], ...] = ()

    def build(self, value: Value, wire: WireScalar) -> bytes:
        """The rendered template."""
        variables: Mapping[str, Any] = {**dict(self.extra), "value": wire, self.variable: wire}
        return render_template(self.template, variables=variables).encode()


@dataclass(frozen=True, slots=True)
class SwitchTemplatePayload:
    """Two templates chosen by the typed value's truth: ``on_template`` or ``off_template``.

    The HA template-schema light and the siren send ``command_on_template`` /
    ``command_off_template``; a brightness write goes through ``on_template`` with
    ``variable`` (``brightness``) bound.
    """

    on_template: str
    off_template: str
    variable: str = "state"
    extra: tuple[tuple[str, WireScalar], ...] = ()

    def build(self, value: Value, wire: WireScalar) -> bytes:
        """The rendered on or off template."""
        template = self.on_template if value else self.off_template
        state = "on" if value else "off"
        variables: dict[str, Any] = {"state": state, **dict(self.extra)}
        variables[self.variable] = wire if self.variable != "state" else state
        variables["value"] = wire
        return render_template(template, variables=variables).encode()
