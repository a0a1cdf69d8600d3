"""Answer questions about the home: current state from the hub, the past from history."""

# ruff: noqa: RUF001 - Chinese answers use Chinese punctuation

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.assistant.answers import display_name, join
from orbithub.assistant.model import Language
from orbithub.assistant.phrases import PHRASES
from orbithub.assistant.resolve import query_properties
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.language import words
from orbithub.spec.model import Property, Value
from orbithub.storage import Database, EventKind, history

__all__ = ["answer_history", "answer_state", "is_polar"]

_UNITS_EN = {"celsius": " °C", "percentage": "%", "km": " km", "watt": " W", "μg/m3": " µg/m³"}
_UNITS_ZH = {
    "celsius": "度",
    "percentage": "%",
    "km": "公里",
    "watt": "瓦",
    "μg/m3": "微克每立方米",
}
_WORDS_ZH = {
    "idle": "空闲",
    "sweeping": "正在清扫",
    "paused": "已暂停",
    "error": "故障",
    "charging": "正在充电",
    "returning": "正在回充",
    "closed": "关着",
    "open": "开着",
    "disconnected": "没插枪",
    "plugged": "插着枪但没在充电",
    "complete": "已充满",
    "finished": "已充完",
    "fault": "故障",
}
_WORDS_EN = {
    "plugged": "plugged in but not charging",
    "disconnected": "not plugged in",
}
# A yes/no question: English opens with its verb, Chinese ends with 吗 or asks 是不是 / 有没有.
_POLAR_EN = re.compile(r"^(?:is|are|was|were|does|do|did|has|have|can)\b")
_POLAR_ZH = re.compile(r"(?:吗|么|没有?|了没)$|是不是|有没有|开没开|在不在|锁没锁")
# The question asks about the "off" side ("is the door closed", "灯关了吗"): yes means off.
# In the languages read by templates alone, a question without a question word is yes/no.
_OPEN_QUESTION = re.compile(
    r"\b(?:wie|was|welche[rs]?|wo|wann|quel(?:le)?s?|combien|comment|où|cuál|cuánto|qué|"
    r"dónde|quale|quanto|quanti|cosa|dove|wat|hoe|welke|waar|qual|quantos|onde|como|"
    r"vad|hur|vilken|hvad|hvor|hvilken)\b"
)
_NEGATIVE_EN = re.compile(r"\b(?:off|closed|shut|unlocked|away|out)\b")
_NEGATIVE_ZH = re.compile(r"关|没锁|不在|没在")


def _number(value: float, prop: Property, language: Language) -> str:
    shown = f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    units = _UNITS_ZH if language is Language.ZH else _UNITS_EN
    return shown + units.get(
        prop.unit or "", "" if language is Language.ZH else f" {prop.unit or ''}".rstrip()
    )


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Haversine on a sphere: plenty for "how far is the car from home".
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _location(hub: Hub, device: Device, language: Language) -> str | None:
    lat = hub.state.value(device.id, "location.latitude")
    lon = hub.state.value(device.id, "location.longitude")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    name = display_name(device, language)
    best: tuple[float, str] | None = None
    for space in hub.registry.spaces():
        if (
            space.latitude is None
            or space.longitude is None
            or space.tracker_device_id == device.id
        ):
            continue
        km = _distance_km(float(lat), float(lon), space.latitude, space.longitude)
        if km * 1000 <= space.radius_m:
            place = next((a for a in space.aliases if language is Language.ZH), space.name)
            return (
                f"{name}在{place}。" if language is Language.ZH else f"{name} is at {space.name}."
            )
        if best is None or km < best[0]:
            best = (
                km,
                next((a for a in space.aliases), space.name)
                if language is Language.ZH
                else space.name,
            )
    if best is None:
        return None
    if language is Language.ZH:
        return f"{name}离{best[1]}大约{best[0]:.1f}公里。"
    return f"{name} is about {best[0]:.1f} km from {best[1]}."


def _describe(hub: Hub, device: Device, prop: Property, value: Value, language: Language) -> str:
    name = display_name(device, language)
    zh = language is Language.ZH
    if isinstance(value, bool):
        code = "zh-CN" if zh else "en"
        yes, no = words.state(code, prop.name, True), words.state(code, prop.name, False)
        if prop.name == "at-home" and device.owner:
            name = _owner(device, language)
        return f"{name}{yes if value else no}。" if zh else f"{name} is {yes if value else no}."
    if prop.value_list and isinstance(value, int):
        text = (prop.describe_value(value) or str(value)).lower()
        if prop.name == "door-state":
            text = {"closed": "关着", "open": "开着"}[text] if zh else text
        return (
            f"{name}：{_WORDS_ZH.get(text, text)}。"
            if zh
            else f"{name}: {_WORDS_EN.get(text, text)}."
        )
    if isinstance(value, int | float):
        label_en = {
            "target-temperature": "is set to",
            "battery-level": "has battery",
            "range": "has a range of",
            "electric-power": "is drawing",
            "relative-humidity": "reads humidity",
            "pm2.5-density": "reads PM2.5",
            "brightness": "is at brightness",
            "volume": "is at volume",
            "current-position": "is open",
        }
        label_zh = {
            "target-temperature": "设定在",
            "battery-level": "电量",
            "range": "续航",
            "electric-power": "功率",
            "relative-humidity": "湿度",
            "pm2.5-density": "PM2.5为",
            "temperature": "温度",
            "brightness": "亮度",
            "volume": "音量",
            "current-position": "开合度",
        }
        shown = _number(float(value), prop, language)
        if zh:
            return f"{name}{label_zh.get(prop.name, '')}{shown}。"
        return f"{name} {label_en.get(prop.name, 'reads')} {shown}."
    return f"{name}：{value}。" if zh else f"{name}: {value}."


def _room_reading(
    hub: Hub, device: Device, prop: Property, value: Value, language: Language
) -> str | None:
    """A room's air, said of the room: "It's 21.5 °C in the Bedroom" / "卧室现在21.5度"."""
    if device.room_id is None or prop.name not in ("temperature", "relative-humidity"):
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    room = hub.registry.room(device.room_id)
    shown = _number(float(value), prop, language)
    if language is Language.ZH:
        name = next(
            (a for a in room.aliases if any("\u4e00" <= c <= "\u9fff" for c in a)), room.name
        )
        return f"{name}现在{shown}。" if prop.name == "temperature" else f"{name}湿度{shown}。"
    if prop.name == "temperature":
        return f"It's {shown} in the {room.name}."
    return f"Humidity in the {room.name} is {shown}."


def _owner(device: Device, language: Language) -> str:
    owner = device.owner or ""
    if language is Language.ZH:
        alias = next((a for a in device.aliases if "的" in a), "")
        return alias.split("的")[0] or owner
    return owner.capitalize()


def is_polar(normalized: str, language: Language) -> bool:
    """Whether a question asks for yes or no ("is the car charging?", "前门锁了吗")."""
    if language in PHRASES:
        return not _OPEN_QUESTION.search(normalized)
    if language is Language.ZH:
        return _POLAR_ZH.search(normalized.replace(" ", "")) is not None
    return _POLAR_EN.search(normalized) is not None


def _truth(prop: Property, value: Value, attribute: str | None) -> bool | None:
    """Whether the state read is the "yes" side of what is asked (None: not a yes/no state)."""
    if prop.name == "contact-state" and isinstance(value, bool):
        return not value  # a contact that touches is a closed door
    if prop.name == "door-state" and isinstance(value, int):
        return value == 1
    if prop.name == "current-position" and isinstance(value, int | float):
        return value > 0
    if prop.name == "charging-state" and isinstance(value, int):
        return (prop.describe_value(value) or "").lower() == "charging"
    if isinstance(value, bool):
        return value
    if attribute in ("on", None) and prop.value_list and isinstance(value, int):
        return (prop.describe_value(value) or "").lower() not in ("idle", "off", "standby")
    return None


def _polar(
    hub: Hub, device: Device, attribute: str | None, normalized: str, language: Language
) -> bool | None:
    """The yes or no to a question about one device, None when the state is not yes/no."""
    for prop in query_properties(device, attribute, room_wide=False):
        value = hub.state.value(device.id, prop.path)
        if value is None:
            continue
        truth = _truth(prop, value, attribute)
        if truth is None:
            return None
        negative = _NEGATIVE_ZH if language is Language.ZH else _NEGATIVE_EN
        return truth != (negative.search(normalized) is not None)
    return None


def _plain_state(
    hub: Hub,
    targets: Sequence[Device],
    attribute: str | None,
    language: Language,
    polar: str | None,
) -> str:
    """The state in a language read by templates alone: on or off, or the reading."""
    phrases = PHRASES[language]
    parts: list[str] = []
    for device in targets:
        name = display_name(device, language)
        prop = next(
            (
                p
                for p in query_properties(device, attribute, room_wide=False)
                if hub.state.value(device.id, p.path) is not None
            ),
            None,
        )
        value = None if prop is None else hub.state.value(device.id, prop.path)
        if prop is None or value is None:
            parts.append(phrases.reading.format(names=name, value="–"))
            continue
        truth = _truth(prop, value, attribute)
        if prop.name == "on" and isinstance(value, bool):
            text = (phrases.state_on if value else phrases.state_off).format(names=name)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            text = phrases.reading.format(
                names=name, value=_number(float(value), prop, Language.EN)
            )
        else:
            shown = (
                prop.describe_value(value) if isinstance(value, int) and prop.value_list else None
            )
            text = phrases.reading.format(names=name, value=shown or str(value))
        if polar is not None and len(targets) == 1 and truth is not None:
            text = (phrases.yes if truth else phrases.no) + text
        parts.append(text)
    return " ".join(parts)


def answer_state(
    hub: Hub,
    targets: Sequence[Device],
    attribute: str | None,
    language: Language,
    *,
    room_wide: bool,
    polar: str | None = None,
) -> str:
    """The current state behind a question, one short sentence per device.

    ``polar``: the normalised question when it asks for yes or no: the answer then opens with
    yes or no ("No — Car: plugged in but not charging."), then says the state.
    """
    if language in PHRASES:
        return _plain_state(hub, targets, attribute, language, polar)
    zh = language is Language.ZH
    if polar is not None and len(targets) == 1:
        said = answer_state(hub, targets, attribute, language, room_wide=room_wide)
        yes = _polar(hub, targets[0], attribute, polar, language)
        if yes is None:
            return said
        if zh:
            return ("是的，" if yes else "没有，") + said
        return ("Yes — " if yes else "No — ") + said
    if attribute == "on" and len(targets) > 1:
        on = [
            display_name(d, language)
            for d in targets
            if any(
                hub.state.value(d.id, p.path) is True
                for p in query_properties(d, "on", room_wide=False)
            )
        ]
        if not on:
            return "都关着。" if zh else "None of them is on."
        return f"开着的有：{join(on, language)}。" if zh else f"On: {join(on, language)}."
    parts: list[str] = []
    for device in targets:
        if attribute == "location":
            text = _location(hub, device, language)
            if text:
                parts.append(text)
                continue
        props = query_properties(device, attribute, room_wide=room_wide)
        value: Value | None = None
        chosen = None
        for prop in props:
            value = hub.state.value(device.id, prop.path)
            if value is not None:
                chosen = prop
                break
        if chosen is None or value is None:
            name = display_name(device, language)
            parts.append(f"{name}还没有读数。" if zh else f"I have no reading from {name} yet.")
            continue
        room = _room_reading(hub, device, chosen, value, language) if room_wide else None
        parts.append(room or _describe(hub, device, chosen, value, language))
    return ("" if zh else " ").join(parts)


def _when(t: float, now: float, tz: str, language: Language) -> str:
    zone = ZoneInfo(tz)
    then, today = datetime.fromtimestamp(t, zone), datetime.fromtimestamp(now, zone)
    clock = then.strftime("%H:%M")
    days = (today.date() - then.date()).days
    if language is Language.ZH:
        day = {0: "今天", 1: "昨天"}.get(days, f"{then.month}月{then.day}日")
        return f"{day}{clock}"
    day = {0: "today", 1: "yesterday"}.get(days, f"on {then.day} {then.strftime('%b')}")
    return f"{day} at {clock}"


# For "when did X last ...": the property and the value that means it happened.
_LAST: dict[str, tuple[str, bool]] = {
    "open": ("contact-state", False),
    "locked": ("locked", False),
    "motion": ("motion-state", True),
    "on": ("on", True),
}
_DONE_EN = {
    "open": "opened",
    "locked": "was unlocked",
    "motion": "saw motion",
    "on": "was turned on",
}
_DONE_ZH = {"open": "打开", "locked": "开锁", "motion": "检测到有人", "on": "打开"}


async def answer_history(
    hub: Hub,
    db: Database | None,
    device: Device,
    attribute: str | None,
    normalized: str,
    language: Language,
) -> str:
    """When something last happened, or today's highest/lowest/average reading."""
    zh = language is Language.ZH
    name = display_name(device, language)
    if db is None:
        return "这里没有记录历史。" if zh else "History isn't recorded on this hub."
    now = hub.now()
    tz = hub.registry.space(device.space_id).timezone
    if attribute in (None, "temperature", "humidity") and any(
        w in normalized
        for w in ("highest", "lowest", "average", "max", "min", "最高", "最低", "平均")
    ):
        props = query_properties(device, attribute or "temperature", room_wide=False)
        if not props:
            return f"{name}没有这项记录。" if zh else f"{name} records nothing like that."
        zone = ZoneInfo(tz)
        start = datetime.fromtimestamp(now, zone).replace(hour=0, minute=0, second=0, microsecond=0)
        points = await history.history(db, device.id, props[0].path, start.timestamp(), now + 1)
        values = [float(p.value) for p in points if isinstance(p.value, int | float)]
        if not values:
            return f"{name}今天还没有记录。" if zh else f"{name} has no readings today yet."
        if "lowest" in normalized or "min" in normalized or "最低" in normalized:
            figure, word_en, word_zh = min(values), "lowest", "最低"
        elif "average" in normalized or "平均" in normalized:
            figure, word_en, word_zh = sum(values) / len(values), "average", "平均"
        else:
            figure, word_en, word_zh = max(values), "highest", "最高"
        shown = _number(figure, props[0], language)
        return (
            f"{name}今天{word_zh}{shown}。" if zh else f"Today's {word_en} at {name} was {shown}."
        )
    # "开的" of a light means it was turned on; of a door, that it opened.
    keys = [k for k in (attribute, "open", "locked", "motion", "on") if k in _LAST]
    key = next((k for k in keys if _prop(device, _LAST[k][0]) is not None), "on")
    prop_name, wanted = _LAST[key]
    prop = _prop(device, prop_name)
    if prop is None:
        return f"{name}没有这项记录。" if zh else f"{name} records nothing like that."
    week = now - 7 * 86_400
    points = await history.history(db, device.id, prop.path, week, now + 1)
    last = next((p for p in reversed(points) if p.value is wanted), None)
    if last is None:
        events = await history.events(
            db, device_id=device.id, start=week, kinds=(EventKind.EVENT,), limit=1
        )
        if not events:
            return (
                f"{name}过去一周没有这样的记录。"
                if zh
                else f"{name} has no such record in the past week."
            )
        return (
            f"{name}最近一次事件是{_when(events[0].time, now, tz, language)}。"
            if zh
            else (f"{name}'s last event was {_when(events[0].time, now, tz, language)}.")
        )
    when = _when(last.time, now, tz, language)
    if zh:
        return f"{name}上次{_DONE_ZH[key]}是{when}。"
    return f"{name} last {_DONE_EN[key]} {when}."


def _prop(device: Device, name: str) -> Property | None:
    return next((p for p in device.spec.properties() if p.name == name and p.readable), None)
