"""A reason's or a step's device, property and value as a person says them, from the registry.

A trace keeps ids and raw values (``desk-lamp``, ``light.on``, ``false``) so it stays true
whatever the device is called later; an explanation read by a person says "Desk lamp was off"
(or "台灯是关着的", "Desk lamp war aus"). The words come from :mod:`orbithub.language.words`,
the ones the assistant answers with.
"""

from __future__ import annotations

from typing import Literal

from orbithub.core.registry import Device, Registry
from orbithub.language import words
from orbithub.spec.model import Property, Value

__all__ = ["device_name", "property_params", "set_params"]

Language = Literal["en", "zh", "de"]


def _code(lang: Language) -> str:
    return "zh-CN" if lang == "zh" else lang


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _name(device: Device, lang: Language) -> str:
    if lang == "zh":
        return next((a for a in device.aliases if _has_cjk(a)), device.name)
    return device.name


def device_name(registry: Registry, device_id: str, lang: Language) -> str:
    """The device's name as people know it (its Chinese name in Chinese); else its id."""
    device = registry.find_device(device_id)
    return device_id if device is None else _name(device, lang)


def _parsed(text: str) -> Value:
    """A value as a trace writes it (``true``, ``19.5``, ``2``) back as a value."""
    if text in ("true", "false"):
        return text == "true"
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def _value(prop: Property | None, value: Value, lang: Language) -> str:
    code = _code(lang)
    if isinstance(value, bool):
        return words.state(code, prop.name if prop is not None else "", value)
    if prop is not None and prop.value_list and isinstance(value, int):
        return prop.describe_value(value) or str(value)
    if isinstance(value, int | float):
        return words.number(code, float(value), prop.unit if prop is not None else None)
    return str(value)


def _subject(name: str, prop: Property | None, value: Value, lang: Language) -> str:
    """Who "was" the value: the device for a switch or a door, else the device's property."""
    if isinstance(value, bool) or prop is None:
        return name
    return words.of(_code(lang), name, words.label(_code(lang), prop.name, prop.description))


def _expected(prop: Property | None, expected: str, lang: Language) -> str:
    """The condition's test (``= true``, ``> 20 and < 25``) in words: ``on``, ``above 20 °C``."""
    bounds: dict[str, str] = {}
    for test in expected.split(" and "):
        op, _, raw = test.partition(" ")
        if op not in ("=", ">", "<") or not raw:
            return expected
        bounds[op] = _value(prop, _parsed(raw), lang)
    if "=" in bounds:
        return bounds["="]
    return words.compared(_code(lang), bounds.get(">"), bounds.get("<"))


def property_params(
    registry: Registry, params: dict[str, str], lang: Language
) -> dict[str, str] | None:
    """A property reason's params in words, or None when it names no device and property.

    Adds ``subject`` and ``label`` and says ``device``, ``value`` and ``expected`` in words.
    """
    device_id, path = params.get("device"), params.get("path")
    if device_id is None or path is None:
        return None
    device = registry.find_device(device_id)
    prop = device.spec.find_property(path) if device is not None else None
    name = device_id if device is None else _name(device, lang)
    spoken = {**params, "device": name}
    code = _code(lang)
    spoken["label"] = words.label(code, prop.name, prop.description) if prop is not None else path
    if "value" in params:
        value = _parsed(params["value"])
        spoken["subject"] = _subject(name, prop, value, lang)
        spoken["value"] = _value(prop, value, lang)
        if lang == "zh" and isinstance(value, bool):
            spoken["value"] += "的"  # 台灯是关着的
    if "expected" in params:
        spoken["expected"] = _expected(prop, params["expected"], lang)
    return spoken


def set_params(
    registry: Registry, device_id: str, path: str, value: Value, lang: Language
) -> dict[str, str]:
    """What a set step did, in words: ``device``, ``subject`` and ``value``."""
    device = registry.find_device(device_id)
    prop = device.spec.find_property(path) if device is not None else None
    name = device_id if device is None else _name(device, lang)
    return {
        "device": name,
        "subject": _subject(name, prop, value, lang),
        "value": _value(prop, value, lang),
    }
