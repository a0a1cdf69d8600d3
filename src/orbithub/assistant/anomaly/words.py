"""Alert texts in English and Chinese: the reading, the time, and the baseline it broke."""

# ruff: noqa: RUF001 - Chinese sentences use full-width punctuation.

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.core.registry import Device

__all__ = [
    "door_texts",
    "duration_texts",
    "number",
    "property_names",
    "reading_texts",
    "silent_texts",
    "unit_of",
    "window_texts",
]

_UNITS = {
    "celsius": "°C",
    "percentage": "%",
    "watt": "W",
    "ampere": "A",
    "volt": "V",
    "lux": "lx",
    "kWh": "kWh",
    "μg/m3": "µg/m³",
    "ppm": "ppm",
}
_PROPERTY_ZH = {
    "temperature": "温度",
    "relative-humidity": "湿度",
    "electric-power": "功率",
    "electric-current": "电流",
    "voltage": "电压",
    "illumination": "照度",
    "pm2.5-density": "PM2.5",
}
_DAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _zh_name(device: Device) -> str:
    return next((a for a in device.aliases if _has_cjk(a)), device.name)


def unit_of(device: Device, path: str) -> str:
    """The unit symbol of a property, empty when it has none."""
    prop = device.spec.find_property(path)
    unit = None if prop is None else prop.unit
    if unit is None or unit == "none":
        return ""
    return _UNITS.get(unit, unit)


def number(value: float) -> str:
    """A reading shown with as many decimals as it deserves."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}"


def property_names(device: Device, path: str) -> tuple[str, str]:
    """``Living room sensor temperature`` / ``客厅温湿度计温度``."""
    prop = device.spec.find_property(path)
    name = path.rsplit(".", 1)[-1]
    label = (prop.description if prop is not None and prop.description else name).lower()
    return f"{device.name} {label}", f"{_zh_name(device)}{_PROPERTY_ZH.get(name, label)}"


def _when(t: float, zone: ZoneInfo) -> tuple[str, str]:
    local = datetime.fromtimestamp(t, zone)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    return f"{_DAYS_EN[local.weekday()]} {clock}", f"{_DAYS_ZH[local.weekday()]} {clock}"


def reading_texts(
    device: Device,
    path: str,
    value: float,
    t: float,
    zone: ZoneInfo,
    usual: float,
    spread: float,
    low: float,
    high: float,
) -> tuple[str, str, str, str]:
    """Title and message in both languages for a reading far from its baseline."""
    unit = unit_of(device, path)
    sep = "" if unit in ("%", "°C") else " "
    en_name, zh_name = property_names(device, path)
    when_en, when_zh = _when(t, zone)

    def show(x: float) -> str:
        return f"{number(x)}{sep}{unit}" if unit else number(x)

    high_side = value > usual
    seen_en = f"highest seen at this hour {show(high)}" if high_side else f"lowest {show(low)}"
    seen_zh = f"此时段最高 {show(high)}" if high_side else f"此时段最低 {show(low)}"
    word_en = "high" if high_side else "low"
    word_zh = "偏高" if high_side else "偏低"
    return (
        f"Unusual {en_name}",
        f"{zh_name}异常",
        f"{en_name} {show(value)} at {when_en}; usual {show(usual)} ± {number(spread)} "
        f"({seen_en}), far too {word_en} for this hour.",
        f"{zh_name} {show(value)}（{when_zh}）；通常为 {show(usual)} ± {number(spread)}"
        f"（{seen_zh}），对这个时段来说{word_zh}。",
    )


def duration_texts(seconds: float) -> tuple[str, str]:
    """``1 h 5 min`` / ``1 小时 5 分钟``; ``2 h`` / ``2 小时`` on the hour."""
    minutes = max(1, round(seconds / 60))
    hours, rest = divmod(minutes, 60)
    if hours and not rest:
        return f"{hours} h", f"{hours} 小时"
    if hours:
        return f"{hours} h {rest} min", f"{hours} 小时 {rest} 分钟"
    return f"{minutes} min", f"{minutes} 分钟"


def door_texts(device: Device, open_for: float, limit: float) -> tuple[str, str, str, str]:
    """Title and message for a door left open."""
    how_long_en, how_long_zh = duration_texts(open_for)
    limit_en, limit_zh = duration_texts(limit)
    return (
        f"{device.name}: door left open",
        f"{_zh_name(device)}：门未关",
        f"{device.name} has been open for {how_long_en}; doors are expected to close within "
        f"{limit_en}.",
        f"{_zh_name(device)}已打开 {how_long_zh}；门通常应在 {limit_zh}内关上。",
    )


def window_texts(device: Device, open_for: float, limit: float) -> tuple[str, str, str, str]:
    """Title and message for a window left open past the time airing a room takes."""
    how_long_en, how_long_zh = duration_texts(open_for)
    limit_en, limit_zh = duration_texts(limit)
    return (
        f"{device.name} open for {how_long_en}",
        f"{_zh_name(device)}已打开 {how_long_zh}",
        f"{device.name} has been open for {how_long_en}; airing a room rarely takes more than "
        f"{limit_en}. Was it left open?",
        f"{_zh_name(device)}已打开 {how_long_zh}；通风一般不超过 {limit_zh}，是不是忘了关？",
    )


def silent_texts(device: Device, silent_for: float, usual: float) -> tuple[str, str, str, str]:
    """Title and message for a device that stopped reporting."""
    silent_en, silent_zh = duration_texts(silent_for)
    usual_en, usual_zh = duration_texts(usual)
    return (
        f"{device.name} stopped reporting",
        f"{_zh_name(device)}停止上报",
        f"{device.name} has not reported for {silent_en}; in its history it was never silent "
        f"for more than {usual_en}. Check its power and connection.",
        f"{_zh_name(device)}已 {silent_zh}没有上报；历史上它最长也只有 {usual_zh}没有上报。"
        "请检查电源和连接。",
    )
