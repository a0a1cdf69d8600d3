"""The words for kinds of device, in English and Chinese, and which devices each kind covers.

A kind is matched by the device type (``light``) or, for things that share a generic type
(a kettle is a plug), by words in the device's own name or aliases.
"""

from __future__ import annotations

from dataclasses import dataclass

from orbithub.core.registry import Device

__all__ = ["ALL_WORDS", "FLOOR_WORDS", "KINDS", "Kind", "kind_matches"]


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of device people name ("the lights", "空调").

    Attributes:
        key: the kind's id.
        types: device type names (``spec.name``) it covers.
        name_words: words in a device's name or aliases that also make it one.
        words: what people call it, English and Chinese together.
    """

    key: str
    types: frozenset[str]
    name_words: tuple[str, ...]
    words: tuple[str, ...]


def _kind(key: str, types: str, name_words: str, words: str) -> Kind:
    return Kind(
        key,
        frozenset(types.split()),
        tuple(w for w in name_words.split("|") if w),
        tuple(w for w in words.split("|") if w),
    )


KINDS: tuple[Kind, ...] = (
    _kind("light", "light", "", "light|lights|lighting|灯|灯光|电灯|灯泡"),
    _kind("lamp", "", "lamp|台灯|床头灯", "lamp|lamps"),
    _kind(
        "ac",
        "air-conditioner",
        "",
        "ac|acs|a c|aircon|air con|air conditioner|air conditioners|air conditioning|空调",
    ),
    _kind("climate", "air-conditioner thermostat vehicle", "", "heating|climate|cabin|暖气"),
    _kind("purifier", "air-purifier", "", "purifier|purifiers|air purifier|净化器|空气净化器"),
    _kind("curtain", "curtain", "", "curtain|curtains|blind|blinds|drapes|shades|窗帘|帘子"),
    _kind("tv", "television", "", "tv|television|telly|电视|电视机"),
    _kind("door", "lock magnet-sensor", "", "door|doors|门|大门|房门"),
    _kind(
        "contact",
        "magnet-sensor",
        "",
        "contact sensor|door sensor|window sensor|门磁|门窗传感器",
    ),
    _kind("lock", "lock", "", "lock|door lock|门锁"),
    _kind(
        "sensor",
        "temperature-humidity-sensor motion-sensor magnet-sensor",
        "",
        "sensor|sensors|thermometer|传感器|温湿度计",
    ),
    _kind("motion", "motion-sensor", "", "motion sensor|人体传感器"),
    _kind(
        "vacuum",
        "vacuum",
        "",
        "vacuum|robot vacuum|vacuum cleaner|hoover|robot|扫地机|扫地机器人|扫地机器|机器人",
    ),
    _kind("water-heater", "water-heater", "", "water heater|boiler|热水器"),
    _kind("kettle", "", "kettle|水壶", "kettle|水壶|热水壶|烧水|烧壶水|烧点水"),
    _kind("plug", "outlet switch", "", "plug|socket|outlet|插座"),
    _kind("charger", "ev-charger", "", "charger|ev charger|wallbox|charging station|充电桩"),
    _kind("car", "vehicle", "", "car|vehicle|车|汽车|车子|车门|车里|车内|车上"),
    _kind("phone", "phone", "", "phone|mobile|手机"),
    _kind("computer", "", "computer|电脑", "computer|pc|电脑"),
    _kind("thermostat", "thermostat", "", "thermostat|温控器"),
    _kind("appliance", "*", "", "everything|appliances|devices|电器|东西|设备|家电"),
)

ALL_WORDS: tuple[str, ...] = (
    "all",
    "every",
    "everything",
    "both",
    "each",
    "any",
    "which",
    "所有",
    "全部",
    "全屋",
    "都",
    "全都",
    "统统",
    "哪些",
)
"""Words that make a request cover every matching device instead of asking which one."""


FLOOR_WORDS: dict[str, str] = {
    "downstairs": "down",
    "ground floor": "down",
    "楼下": "down",
    "upstairs": "up",
    "楼上": "up",
    **{
        f"{word} floor": str(n)
        for n, word in enumerate(("first", "second", "third", "fourth", "fifth"), start=1)
    },
    **{f"floor {n}": str(n) for n in range(1, 6)},
    **{f"{n}楼": str(n) for n in range(1, 6)},
    **{f"{n}层": str(n) for n in range(1, 6)},
}
"""Floor words: a number is the room's ``floor``; down/up are the space's lowest/higher floors."""


def kind_matches(kind: Kind, device: Device) -> bool:
    """Whether ``device`` is one of ``kind``."""
    if "*" in kind.types or device.spec.name in kind.types:
        return True
    if not kind.name_words:
        return False
    names = " ".join((device.name, *device.aliases)).lower()
    return any(word in names for word in kind.name_words)
