"""The demo world: a Beijing flat, Alex's office, the family car and two phones."""

from __future__ import annotations

from dataclasses import dataclass

from orbithub.adapters.sim.places import DEMO_HOME, DEMO_OFFICE
from orbithub.core.registry import Device, Room, Space, SpaceKind
from orbithub.spec.library import device_type

__all__ = ["DemoWorld", "demo_world"]

_TZ = "Asia/Shanghai"


@dataclass(frozen=True, slots=True)
class DemoWorld:
    """Records describing the demo: add them to a hub and start a :class:`SimAdapter`."""

    spaces: tuple[Space, ...]
    rooms: tuple[Room, ...]
    devices: tuple[Device, ...]


_ROOMS = (
    ("living-room", "home", "Living room", ("客厅",)),
    ("bedroom", "home", "Bedroom", ("卧室",)),
    ("kitchen", "home", "Kitchen", ("厨房",)),
    ("study", "home", "Study", ("书房",)),
    ("hallway", "home", "Hallway", ("玄关", "门厅")),
    ("garage", "home", "Garage", ("车库",)),
    ("office-room", "office", "Office", ("办公室",)),
)

# id, name, Chinese alias, library key, space, room
_DEVICES: tuple[tuple[str, str, str, str, str, str | None], ...] = (
    ("living-room-light", "Ceiling light", "客厅吊灯", "light", "home", "living-room"),
    ("living-room-ac", "Living room AC", "客厅空调", "air-conditioner", "home", "living-room"),
    ("living-room-purifier", "Air purifier", "空气净化器", "air-purifier", "home", "living-room"),
    ("living-room-curtain", "Living room curtain", "客厅窗帘", "curtain", "home", "living-room"),
    ("living-room-tv", "TV", "电视", "television", "home", "living-room"),
    (
        "living-room-sensor",
        "Living room sensor",
        "客厅温湿度计",
        "temperature-humidity-sensor",
        "home",
        "living-room",
    ),
    ("robot-vacuum", "Robot vacuum", "扫地机器人", "vacuum", "home", "living-room"),
    ("bedroom-lamp", "Bedside lamp", "床头灯", "light", "home", "bedroom"),
    ("bedroom-ac", "Bedroom AC", "卧室空调", "air-conditioner", "home", "bedroom"),
    (
        "bedroom-sensor",
        "Bedroom sensor",
        "卧室温湿度计",
        "temperature-humidity-sensor",
        "home",
        "bedroom",
    ),
    ("bedroom-curtain", "Bedroom curtain", "卧室窗帘", "curtain", "home", "bedroom"),
    ("kitchen-light", "Kitchen light", "厨房灯", "light", "home", "kitchen"),
    ("kettle", "Kettle", "水壶", "plug", "home", "kitchen"),
    ("water-heater", "Water heater", "热水器", "water-heater", "home", "kitchen"),
    ("desk-lamp", "Desk lamp", "台灯", "light", "home", "study"),
    ("computer", "Computer", "电脑", "plug", "home", "study"),
    (
        "hallway-motion",
        "Hallway motion sensor",
        "玄关人体传感器",
        "motion-sensor",
        "home",
        "hallway",
    ),
    ("front-door-lock", "Front door lock", "前门门锁", "lock", "home", "hallway"),
    ("front-door", "Front door sensor", "前门门磁", "contact-sensor", "home", "hallway"),
    ("garage-light", "Garage light", "车库灯", "light", "home", "garage"),
    ("ev-charger", "EV charger", "充电桩", "ev-charger", "home", "garage"),
    ("office-desk-lamp", "Office desk lamp", "办公室台灯", "light", "office", "office-room"),
    ("office-ac", "Office AC", "办公室空调", "air-conditioner", "office", "office-room"),
    (
        "office-sensor",
        "Office sensor",
        "办公室温湿度计",
        "temperature-humidity-sensor",
        "office",
        "office-room",
    ),
    ("car", "Car", "汽车", "vehicle", "car", None),
    ("phone-alex", "Alex's phone", "阿力的手机", "phone", "home", None),
    ("phone-mei", "Mei's phone", "梅的手机", "phone", "home", None),
)

_OWNERS = {"phone-alex": "alex", "phone-mei": "mei"}
"""Whose phone is whose: presence is worked out per person from their phones."""


def demo_world() -> DemoWorld:
    """The demo's spaces, rooms and devices, every device simulated (adapter ``sim``)."""
    spaces = (
        Space("home", "Home", SpaceKind.HOME, DEMO_HOME[0], DEMO_HOME[1], _TZ, ("家",)),
        Space(
            "office",
            "Office",
            SpaceKind.OFFICE,
            DEMO_OFFICE[0],
            DEMO_OFFICE[1],
            _TZ,
            ("办公室", "公司"),
        ),
        # The car starts in the garage; its tracker (the car device) moves it from there.
        Space(
            "car",
            "Car",
            SpaceKind.VEHICLE,
            DEMO_HOME[0],
            DEMO_HOME[1],
            _TZ,
            ("车", "汽车"),
            tracker_device_id="car",
        ),
    )
    rooms = tuple(Room(rid, space, name, aliases) for rid, space, name, aliases in _ROOMS)
    devices = tuple(
        Device(
            id=did,
            name=name,
            spec=device_type(key),
            space_id=space,
            adapter="sim",
            room_id=room,
            aliases=(alias,),
            model=key,
            owner=_OWNERS.get(did),
        )
        for did, name, alias, key, space, room in _DEVICES
    )
    return DemoWorld(spaces, rooms, devices)
