"""Render Home Assistant ``value_template`` / ``command_template`` strings safely.

Discovery messages carry Jinja2 templates that turn a state payload into a value and a value
into a command payload. They come from the network, so they run in OrbitHub's bounded sandbox
(:mod:`orbithub.bounded`: limits on time, loops, sizes and numbers) with only
the small set of helpers real devices use (the ones Home Assistant documents for MQTT
templates): ``value``, ``value_json``, the ``float``/``int``/``round``/``default``/``lower``/
``upper``/``is_defined``/``tojson``/``from_json``/``bool``/``iif`` filters, ``min``/``max`` and
the time-limited ``regex_*`` family. Each template source is compiled once and cached.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, NoReturn

import jinja2
import orjson

from orbithub.bounded import (
    REGEX_FILTERS,
    BoundedEnvironment,
    BoundedTemplate,
    LimitExceeded,
    Limits,
)
from orbithub.errors import OrbitHubError
from orbithub.spec.model import Value

__all__ = [
    "TemplateError",
    "TemplateValueMissing",
    "check_template",
    "render_template",
    "render_value",
    "simple_json_key",
]

_SHOWN = 200  # characters of a template or payload quoted in an error message


class TemplateError(OrbitHubError):
    """A template could not be compiled or rendered against a payload.

    Attributes:
        template: the template source.
        payload: the payload text it was rendered with (may be empty for command templates).
    """

    def __init__(self, template: str, payload: str, reason: str) -> None:
        self.template = template
        self.payload = payload
        self.reason = reason
        super().__init__(
            f"template {_clip(template)!r} failed on payload {_clip(payload)!r}: {reason}"
        )


class TemplateValueMissing(TemplateError):
    """The template rendered an undefined value: the payload lacks what the template reads.

    Devices that publish one JSON object for many properties often send partial objects, so
    a caller decoding state treats this as "not reported in this message", not as an error.
    """


def _clip(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "..."


class _Undefined(jinja2.ChainableUndefined):
    """Undefined that chains (``value_json.a.b``), is falsy, but refuses to be printed.

    Printing an undefined silently as ``""`` (Jinja's default) would turn a missing key into
    an empty reading; raising lets the caller tell "missing" from "empty string".
    """

    __slots__ = ()

    def __str__(self) -> str:
        self._fail_with_undefined_error()


class _Missing(Exception):
    """Internal signal: a filter was asked to convert an undefined value with no default."""


def _fail(message: str) -> NoReturn:
    raise _Missing(message)


def _to_float(value: Any, default: Any = _Missing) -> Any:
    # HA's float filter returns the default when conversion fails and raises without one.
    try:
        return float(value)
    except (TypeError, ValueError):
        if default is _Missing:
            _fail(f"cannot convert {value!r} to float")
        return default


def _to_int(value: Any, default: Any = _Missing, base: int = 10) -> Any:
    try:
        if isinstance(value, str):
            return int(value, base) if base != 10 else int(float(value))
        return int(value)
    except (TypeError, ValueError, OverflowError):
        if default is _Missing:
            _fail(f"cannot convert {value!r} to int")
        return default


def _round(value: Any, precision: int = 0, method: str = "common", default: Any = _Missing) -> Any:
    try:
        number = float(value)
    except (TypeError, ValueError):
        if default is _Missing:
            _fail(f"cannot round {value!r}")
        return default
    if not isinstance(precision, int) or not -20 <= precision <= 20:
        _fail(f"round to {precision!r} digits: use a precision from -20 to 20")
    if method == "ceil":
        factor = 10**precision
        return math.ceil(number * factor) / factor
    if method == "floor":
        factor = 10**precision
        return math.floor(number * factor) / factor
    result = round(number, precision)
    return int(result) if precision == 0 else result


def _to_bool(value: Any, default: Any = _Missing) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on", "enable"):
        return True
    if text in ("0", "false", "no", "off", "disable"):
        return False
    if default is _Missing:
        _fail(f"cannot convert {value!r} to bool")
    return default


def _iif(value: Any, if_true: Any = True, if_false: Any = False, if_none: Any = _Missing) -> Any:
    if value is None and if_none is not _Missing:
        return if_none
    return if_true if bool(value) else if_false


def _is_defined(value: Any) -> Any:
    if isinstance(value, jinja2.Undefined):
        _fail("value is undefined")
    return value


def _to_json(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError as exc:
        _fail(f"cannot serialise {value!r} as JSON: {exc}")


def _from_json(value: Any) -> Any:
    try:
        return orjson.loads(str(value))
    except orjson.JSONDecodeError as exc:
        _fail(f"not JSON: {exc}")


def _minimum(*args: Any) -> Any:
    return min(args[0]) if len(args) == 1 else min(args)


def _maximum(*args: Any) -> Any:
    return max(args[0]) if len(args) == 1 else max(args)


class _Dict(dict[Any, Any]):
    """``dict`` for templates, with ``from_keys`` (pairs -> dict) that z2m's event templates use."""

    @staticmethod
    def from_keys(pairs: Any) -> dict[Any, Any]:
        return dict(pairs)


def _now() -> datetime:
    return datetime.now(UTC)


_FILTERS: Mapping[str, Callable[..., Any]] = {
    "float": _to_float,
    "int": _to_int,
    "round": _round,
    "bool": _to_bool,
    "iif": _iif,
    "is_defined": _is_defined,
    "tojson": _to_json,
    "to_json": _to_json,
    "from_json": _from_json,
    **REGEX_FILTERS,
}
_GLOBALS: Mapping[str, Any] = {
    "float": _to_float,
    "int": _to_int,
    "bool": _to_bool,
    "iif": _iif,
    "min": _minimum,
    "max": _maximum,
    "zip": zip,
    "dict": _Dict,
    "now": _now,
}


# Compiling costs about 5 ms of CPU per KiB of source, once per distinct template: 4 KiB keeps
# a hostile config's cost near 20 ms (zigbee2mqtt's longest, the event template, is under 2 KiB).
DISCOVERY_LIMITS = Limits(source=4096)

_ENV = BoundedEnvironment(
    DISCOVERY_LIMITS,
    filters=_FILTERS,
    tests={"match": REGEX_FILTERS["regex_match"], "search": REGEX_FILTERS["regex_search"]},
    globals=_GLOBALS,
    undefined=_Undefined,
    keep_trailing_newline=False,
)


@lru_cache(maxsize=4096)
def _compile(source: str) -> BoundedTemplate | str:
    """Compile ``source`` once; a compile error is cached as its message (a str)."""
    try:
        return _ENV.bounded(source)
    except jinja2.TemplateSyntaxError as exc:
        return f"syntax error: {exc.message} (line {exc.lineno})"
    except LimitExceeded as exc:
        return f"refused: {exc}"


def check_template(template: str) -> None:
    """Compile ``template`` (once) so a bad one is refused when its config arrives.

    Raises:
        TemplateError: a syntax error, or a source over the limits (too long, a huge number).
    """
    compiled = _compile(template)
    if isinstance(compiled, str):
        raise TemplateError(template, "", compiled)


def render_template(
    template: str,
    *,
    payload: str = "",
    value_json: Any = None,
    variables: Mapping[str, Any] | None = None,
) -> str:
    """Render ``template`` with ``value`` (the payload text) and ``value_json``.

    Args:
        template: the Jinja2 source from a discovery message.
        payload: the payload text, bound to ``value`` unless ``variables`` binds it otherwise.
        value_json: the parsed JSON payload, or None when the payload is not JSON (then
            ``value_json`` is undefined inside the template, as in Home Assistant).
        variables: more names to bind (``value`` for a command, ``position`` for a cover...).

    Returns:
        The rendered text, stripped of surrounding whitespace.

    Raises:
        TemplateValueMissing: the template printed an undefined value.
        TemplateError: the template does not compile or fails while rendering.
    """
    compiled = _compile(template)
    if isinstance(compiled, str):
        raise TemplateError(template, payload, compiled)
    context: dict[str, Any] = {"value": payload}
    if value_json is not None:
        context["value_json"] = value_json
    if variables:
        context.update(variables)
    try:
        return compiled.render(context).strip()
    except LimitExceeded as exc:
        raise TemplateError(template, payload, f"refused: {exc}") from exc
    except jinja2.UndefinedError as exc:
        raise TemplateValueMissing(template, payload, f"undefined value ({exc.message})") from exc
    except _Missing as exc:
        raise TemplateValueMissing(template, payload, str(exc)) from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(template, payload, str(exc)) from exc
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as exc:
        # A template from the network may divide by zero or index past a list; that is bad
        # input from outside, not a bug here.
        raise TemplateError(template, payload, f"{type(exc).__name__}: {exc}") from exc
    except RecursionError as exc:
        raise TemplateError(template, payload, "recursion too deep") from exc


_INT_RE = re.compile(r"[+-]?\d+")
_FLOAT_RE = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")


def render_value(text: str) -> Value:
    """Turn rendered text into the most specific value: bool, int, float, else str.

    ``"true"``/``"false"`` (any case) become bools; ``"21"`` an int; ``"21.5"`` a float;
    everything else stays text (``"ON"`` is a payload, not a bool, until a codec says so).
    """
    stripped = text.strip()
    lowered = stripped.lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    if _INT_RE.fullmatch(stripped):
        return int(stripped)
    if _FLOAT_RE.fullmatch(stripped):
        number = float(stripped)
        if math.isfinite(number):
            return number
    return text


_SIMPLE_KEY = re.compile(
    r"\{\{\s*value_json(?:\.(?P<attr>[A-Za-z_][A-Za-z0-9_]*)"
    r"|\[\s*(?P<q>['\"])(?P<item>[^'\"\\]+)(?P=q)\s*\])\s*\}\}"
)


def simple_json_key(template: str) -> str | None:
    """The key when ``template`` only prints one top-level key of ``value_json``, else None.

    ``{{ value_json.temperature }}`` and ``{{ value_json["temperature"] }}`` are by far the most
    common templates; reading the key directly skips Jinja on the hot path (it is ~20x faster)
    with the same result.
    """
    match = _SIMPLE_KEY.fullmatch(template.strip())
    if match is None:
        return None
    return match.group("attr") or match.group("item")
