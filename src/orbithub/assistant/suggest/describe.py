"""Words for suggestions: what a command does and why it is proposed, in English and Chinese."""

from __future__ import annotations

from dataclasses import dataclass

from orbithub.core.errors import UnknownSpaceError
from orbithub.core.registry import Device, Registry, Space, SpaceKind
from orbithub.language import words
from orbithub.spec.model import Value

__all__ = ["Phrases", "action_phrases", "device_names", "place_phrases", "slot_phrases"]

_UNITS = {"percentage": "%", "celsius": "°C", "kelvin": "K", "watt": "W"}
_DAYS_EN = {"weekdays": "weekdays", "weekends": "weekend days", "daily": "days"}
_DAYS_ZH = {"weekdays": "工作日", "weekends": "周末", "daily": "天"}


@dataclass(frozen=True, slots=True)
class Phrases:
    """The same thing said in both languages."""

    en: str
    zh: str


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def device_names(registry: Registry, device_id: str) -> Phrases:
    """``the kitchen light`` / ``厨房灯``; the id when the device is gone."""
    device = registry.find_device(device_id)
    if device is None:
        return Phrases(device_id, device_id)
    return Phrases(_english_name(device), _chinese_name(device))


def _english_name(device: Device) -> str:
    name = device.name
    if "'" in name or not name:
        return name or device.id
    # "Kitchen light" reads as "the kitchen light" inside a sentence.
    return f"the {name[0].lower()}{name[1:]}"


def _chinese_name(device: Device) -> str:
    return next((a for a in device.aliases if _has_cjk(a)), device.name)


def action_phrases(registry: Registry, device_id: str, path: str, value: Value) -> Phrases:
    """``turned on the kitchen light`` / ``打开了厨房灯`` (past tense, for explanations)."""
    names = device_names(registry, device_id)
    if path.endswith(".on") and isinstance(value, bool):
        if value:
            return Phrases(f"turned on {names.en}", f"打开了{names.zh}")
        return Phrases(f"turned off {names.en}", f"关闭了{names.zh}")
    name = path.rsplit(".", 1)[-1]
    prop_en, unit = name.replace("-", " "), ""
    device = registry.find_device(device_id)
    prop = None if device is None else device.spec.find_property(path)
    if prop is not None:
        if prop.unit not in (None, "none"):
            symbol = _UNITS.get(prop.unit or "", f" {prop.unit}")
            unit = symbol if symbol in ("%", "°C") else f" {symbol.strip()}"
        prop_en = prop.description or prop_en
    shown = _value_text(value)
    return Phrases(
        f"set {names.en} {prop_en.lower()} to {shown}{unit}",
        f"把{names.zh}的{words.label('zh-CN', name, prop_en)}设为 {shown}{unit}",
    )


def _value_text(value: Value) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def slot_phrases(days: str, support: int, opportunities: int) -> Phrases:
    """``9 of the last 10 weekdays`` / ``过去 10 个工作日中有 9 天``."""
    return Phrases(
        f"{support} of the last {opportunities} {_DAYS_EN[days]}",
        f"过去 {opportunities} 个{_DAYS_ZH[days]}中有 {support} 天",
    )


def place_phrases(registry: Registry, space_id: str, person: str, present: bool) -> Phrases:
    """``Alex arrived home`` / ``Alex 到家``, or left, for a space of any kind."""
    try:
        space: Space | None = registry.space(space_id)
    except UnknownSpaceError:
        space = None
    who = person[:1].upper() + person[1:]
    if space is None or space.kind is SpaceKind.HOME:
        return Phrases(
            f"{who} arrived home" if present else f"{who} left home",
            f"{who} 到家" if present else f"{who} 离家",
        )
    zh_name = next((a for a in space.aliases if _has_cjk(a)), space.name)
    return Phrases(
        f"{who} arrived at {space.name}" if present else f"{who} left {space.name}",
        f"{who} 到达{zh_name}" if present else f"{who} 离开{zh_name}",
    )
