"""Which devices a sentence means: names, aliases, rooms, spaces, kinds, owners and capability.

Named devices come first ("the desk lamp"); a place narrows them ("my desk lamp at the
office"). Without a name, a room or space and a kind pick the devices ("the lights in the
garage"); without any place, the speaker's home is searched first. Only devices the speaker may
see are ever candidates, and only those able to do what is asked. More than one left without
"all" is a question back, never a guess.

A place that was named is never dropped: "the desk lamp in the bedroom", when the desk lamp is
in the study, is not the study's desk lamp but a question offering what the bedroom has of
that type (or, when it has nothing alike, the device named, elsewhere). Locks and other
guarding devices are never offered from another place than the one named.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from orbithub.assistant.model import Intent, Permissions
from orbithub.assistant.nlu.mentions import EntryKind, Mention
from orbithub.assistant.nlu.parse import Understanding
from orbithub.assistant.nlu.vocabulary import KINDS, Kind, kind_matches
from orbithub.core.registry import Device, Registry, SpaceKind
from orbithub.spec.model import Property

__all__ = ["Resolution", "find_property", "pick", "query_properties", "resolve"]

_KINDS = {k.key: k for k in KINDS}
_MY = re.compile(r"\bmy\b|我的")
_AND = re.compile(r"\band\b|和|跟|还有|以及|、")
_HOT_WATER = frozenset({"water-heater"})
# Offered from another place only when named there: suggesting another door to open is not help.
_GUARDING = frozenset({"lock", "door-lock", "camera", "alarm", "security-system", "garage-door"})
# Types that say little about what a device is: a plug may hold a kettle or a computer.
_GENERIC = frozenset({"outlet", "switch", "plug"})
_OUTDOORS = re.compile(r"\boutside\b|\boutdoors?\b|外面|室外|户外|外边")

# What a question asks, as property names in order of preference; "service:name" pins the
# service (a room's air temperature is a sensor's, not a water heater's).
_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "temperature": (
        "temperature-humidity-sensor:temperature",
        "thermostat:temperature",
        "cabin:temperature",
        "environment:temperature",
    ),
    "target-temperature": ("target-temperature",),
    "humidity": ("temperature-humidity-sensor:relative-humidity", "relative-humidity"),
    "pm": ("pm2.5-density",),
    "range": ("range",),
    "battery": ("battery-level",),
    "charging": ("charging:charging-state", "charger:charging-state", "charging", "status"),
    "locked": ("locked",),
    "open": (
        "magnet-sensor:contact-state",
        "lock:door-state",
        "curtain:current-position",
        "on",
    ),
    "on": ("on", "status"),
    "power": ("electric-power",),
    "location": ("latitude",),
    "presence": ("at-home",),
    "motion": ("motion-state",),
    "status": ("status", "charging-state", "on"),
    "mode": ("mode",),
    "brightness": ("light:brightness",),
    "volume": ("volume",),
    "position": ("current-position", "target-position"),
    "fan": ("fan-level",),
}
# Properties a device type answers with when a question names it without saying what.
_DEFAULT_STATE = (
    "locked",
    "contact-state",
    "motion-state",
    "status",
    "on",
    "current-position",
    "temperature",
    "range",
    "at-home",
)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The devices a request acts on, or the ones it might mean.

    Attributes:
        targets: the devices to act on (empty when none fits or when asking back).
        choices: the devices offered back when the request is ambiguous.
        named: the devices the sentence named even if none can do what is asked.
        missing: the place named that has no such device (its near matches are the choices).
        hidden: what the sentence named that the speaker may not see (said back as not found).
    """

    targets: tuple[Device, ...] = ()
    choices: tuple[Device, ...] = ()
    named: tuple[Device, ...] = ()
    missing: str | None = None
    hidden: str | None = None


def find_property(device: Device, spec_name: str, *, writable: bool = False) -> Property | None:
    """The first property named ``spec_name`` (or ``service:name``) of the device."""
    service, _, name = spec_name.rpartition(":")
    for prop in device.spec.properties():
        if prop.name != name or (service and prop.path.split(".")[0] != service):
            continue
        if writable and not prop.writable:
            continue
        return prop
    return None


def _has_action(device: Device, name: str) -> bool:
    return any(a.name == name for s in device.spec.services for a in s.actions)


def query_properties(device: Device, attribute: str | None, *, room_wide: bool) -> list[Property]:
    """The properties that answer a question about ``attribute`` on this device, best first."""
    if attribute is None:
        names: Sequence[str] = _DEFAULT_STATE
    else:
        names = _ATTRIBUTES.get(attribute, ())
        if attribute == "temperature" and not room_wide:
            names = (*names, "temperature")
    found: list[Property] = []
    for name in names:
        prop = find_property(device, name)
        if prop is not None and prop.readable and prop not in found:
            found.append(prop)
    return found


def _rank(device: Device, attribute: str | None, room_wide: bool) -> int | None:
    names = _ATTRIBUTES.get(attribute or "", ())
    for i, name in enumerate((*names, "temperature") if not room_wide else names):
        prop = find_property(device, name)
        if prop is not None and prop.readable:
            return i
    return None if attribute else 0


def capable(
    device: Device, intent: Intent, feature: str | None, attribute: str | None, room_wide: bool
) -> bool:
    """Whether the device can do (or answer) what the intent asks."""
    spec = device.spec.name
    if intent in (Intent.TURN_ON, Intent.TURN_OFF):
        return find_property(device, "on", writable=True) is not None
    if intent in (Intent.QUERY_STATE, Intent.QUERY_HISTORY):
        return bool(query_properties(device, attribute, room_wide=room_wide))
    if intent in (Intent.START, Intent.STOP):
        if feature == "charging":
            return _has_action(device, "start-charge")
        if feature == "climate":
            return (
                spec == "vehicle"
                or find_property(device, "target-temperature", writable=True) is not None
            )
        if feature == "clean":
            return spec == "vacuum"
        return spec == "vacuum" or _has_action(device, "start-charge")
    wanted = {
        Intent.SET_BRIGHTNESS: "light:brightness",
        Intent.SET_COLOR_TEMPERATURE: "color-temperature",
        Intent.SET_TEMPERATURE: "target-temperature",
        Intent.SET_MODE: "mode",
        Intent.SET_FAN_LEVEL: "fan-level",
        Intent.SET_POSITION: "target-position",
        Intent.OPEN: "target-position",
        Intent.CLOSE: "target-position",
        Intent.LOCK: "locked",
        Intent.UNLOCK: "locked",
        Intent.SET_CHARGE_LIMIT: "charge-limit",
        Intent.SET_VOLUME: "volume",
        Intent.SET_CHANNEL: "channel",
        Intent.MUTE: "mute",
        Intent.UNMUTE: "mute",
    }
    if intent is Intent.DOCK:
        return _has_action(device, "return-to-dock")
    name = wanted.get(intent)
    return name is not None and find_property(device, name, writable=True) is not None


def resolve(
    mentions: Sequence[Mention],
    *,
    normalized: str,
    intent: Intent,
    feature: str | None,
    attribute: str | None,
    registry: Registry,
    speaker: Permissions,
    space_id: str | None = None,
    room_id: str | None = None,
) -> Resolution:
    """The devices a request means, among those the speaker may see.

    Args:
        mentions: what the sentence names.
        normalized: the normalised sentence ("my" is read from it).
        intent: what is asked.
        feature: for start/stop, what starts (charging, climate, clean).
        attribute: for questions, what is asked.
        registry: the home.
        speaker: who asks.
        space_id: the space the speaker is in, when known (searched first).
        room_id: the room the speaker is in, when known (its device wins a "which one?").
    """
    visible = [d for d in registry if speaker.can_view_device(d)]
    by_id = {d.id: d for d in visible}
    rooms = {e.key for m in mentions for e in m.of(EntryKind.ROOM)}
    spaces = {e.key for m in mentions for e in m.of(EntryKind.SPACE)}
    kinds: list[Kind] = [_KINDS[e.key] for m in mentions for e in m.of(EntryKind.KIND)]
    if any(k.key == "car" for k in kinds):
        # "车里的空调": the car is where, not what.
        spaces |= {s.id for s in registry.spaces() if s.kind is SpaceKind.VEHICLE}
        kinds = [k for k in kinds if k.key != "car"] or [_KINDS["car"]]
    floors = {e.key for m in mentions for e in m.of(EntryKind.FLOOR)}
    if floors:
        rooms |= _floor_rooms(registry, floors, rooms, spaces, space_id, speaker)
    unseen = next(
        (
            normalized[m.start : m.end]
            for m in mentions
            for e in m.of(EntryKind.ROOM)
            if not any(d.room_id == e.key for d in visible)
        ),
        None,
    )
    if unseen is not None:
        return Resolution(hidden=unseen)  # a room the speaker may not see is not found
    persons = {e.key for m in mentions for e in m.of(EntryKind.PERSON)}
    everything = any(m.of(EntryKind.ALL) for m in mentions) or any(
        k.key == "appliance" for k in kinds
    )
    conjoined = _AND.search(normalized) is not None
    everything = everything or conjoined  # "the garage and kitchen lights": each of them
    room_wide = bool(rooms or spaces)

    def at_place(device: Device) -> bool:
        if rooms and spaces:
            return device.room_id in rooms or device.space_id in spaces
        if rooms:
            return device.room_id in rooms
        return not spaces or device.space_id in spaces

    named: list[Device] = []
    placed_any = False
    device_mentions = [m for m in mentions if m.of(EntryKind.DEVICE)]
    for mention in device_mentions:
        entries = mention.of(EntryKind.DEVICE)
        full = [by_id[e.key] for e in entries if e.full and e.key in by_id]
        every = [by_id[e.key] for e in entries if e.key in by_id]
        placed = [d for d in every if at_place(d)] if room_wide else []
        placed_any = placed_any or bool(placed)
        pick = placed or full or every
        named.extend(d for d in pick if d not in named)
    if device_mentions and not named and not kinds and not rooms and not spaces:
        # Only devices the speaker may not see were named: not found, and nothing else
        # offered. (When none of them could do it anyway, the next reading of the verb tries.)
        unseen_devices = [
            registry.find_device(e.key) for m in device_mentions for e in m.of(EntryKind.DEVICE)
        ]
        if any(
            d is not None and capable(d, intent, feature, attribute, False) for d in unseen_devices
        ):
            # Said back in the speaker's own words: the name it was matched to (a typo
            # corrected) would tell that such a device exists.
            first = device_mentions[0]
            return Resolution(hidden=normalized[first.start : first.end])
        return Resolution()
    place = _place_name(registry, rooms, spaces)
    if named and room_wide and not placed_any and not conjoined:
        near = _near(visible, named, at_place, intent, feature, attribute)
        return Resolution(choices=tuple(near), named=tuple(named), missing=place)
    if named and conjoined and rooms:
        # "the garage and kitchen lights" named one device and one more room of its type.
        types = {d.spec.name for d in named}
        more = rooms - {d.room_id for d in named}
        named.extend(d for d in visible if d.room_id in more and d.spec.name in types)
    if _OUTDOORS.search(normalized) and not named:
        return Resolution()  # no outdoor sensor is a device of the home
    if named:
        room_wide = False
        pool = named
    elif persons:
        pool = [d for d in visible if d.owner in persons]
    else:
        pool = [d for d in visible if at_place(d)]
        if kinds:
            kinded = [d for d in pool if any(kind_matches(k, d) for k in kinds)]
            in_car = not rooms and any(
                s.kind is SpaceKind.VEHICLE for s in registry.spaces() if s.id in spaces
            )
            if in_car and not kinded:
                kinded = pool  # "车里的空调": the car's own climate is its air conditioner
            if room_wide and not kinded and not everything:
                # "The lamp in the kitchen" when the kitchen has none: ask, never guess.
                alike = [d for d in visible if any(kind_matches(k, d) for k in kinds)]
                home = _home(registry, space_id, speaker)
                alike = [d for d in alike if d.space_id == home] or alike
                near = _near(visible, alike, at_place, intent, feature, attribute)
                return Resolution(choices=tuple(near), missing=place)
            pool = kinded
    if _MY.search(normalized) and any(d.owner for d in pool):
        mine = [d for d in pool if d.owner == speaker.username]
        pool = mine or pool
    if (
        intent is Intent.SET_TEMPERATURE
        and not named
        and not any(k.types & _HOT_WATER for k in kinds)
    ):
        # "Make it warmer", "温度再高一点": comfort is the air's; hot water only when named.
        pool = [d for d in pool if d.spec.name not in _HOT_WATER]
    able = [d for d in pool if capable(d, intent, feature, attribute, room_wide)]
    if not (named or persons or room_wide):
        home = _home(registry, space_id, speaker)
        at_home = [d for d in able if d.space_id == home]
        able = at_home or able
        if room_id is not None and len(able) > 1 and not everything:
            here = [d for d in able if d.room_id == room_id]
            able = here or able
    if intent in (Intent.QUERY_STATE, Intent.QUERY_HISTORY) and attribute and len(able) > 1:
        ranks = {d.id: _rank(d, attribute, room_wide) for d in able}
        best = min((r for r in ranks.values() if r is not None), default=None)
        able = [d for d in able if ranks[d.id] == best]
        if room_wide and not everything and len({d.room_id for d in able}) == len(able):
            everything = True  # one answer per room ("how warm is it in the office")
    if len(able) > 1 and not everything:
        return Resolution(choices=tuple(able), named=tuple(named))
    return Resolution(targets=tuple(able), named=tuple(named))


def _near(
    visible: Sequence[Device],
    meant: Sequence[Device],
    at_place: Callable[[Device], bool],
    intent: Intent,
    feature: str | None,
    attribute: str | None,
) -> list[Device]:
    """What the place named has that is like the devices meant, else those devices themselves.

    Guarding devices (locks, alarms) are offered only from the place named.
    """
    here = [
        d
        for d in visible
        if at_place(d)
        and any(_alike(d, m) for m in meant)
        and capable(d, intent, feature, attribute, False)
    ]
    if here:
        return here
    return [
        d
        for d in meant
        if d.spec.name not in _GUARDING and capable(d, intent, feature, attribute, False)
    ]


def _alike(device: Device, meant: Device) -> bool:
    """Whether ``device`` could be what was meant: the same type (for plugs, the same thing).

    A plug says little: the kettle's and the computer's are alike only by name.
    """
    if device.spec.name != meant.spec.name:
        return False
    if device.spec.name not in _GENERIC:
        return True
    return all(kind_matches(k, device) for k in KINDS if k.name_words and kind_matches(k, meant))


def _place_name(registry: Registry, rooms: set[str], spaces: set[str]) -> str | None:
    """The id of the room (or space) named, for saying that it lacks the device."""
    for room_id in sorted(rooms):
        if room_id != "-":
            return room_id
    return next(iter(sorted(spaces)), None)


def _floor_rooms(
    registry: Registry,
    floors: set[str],
    rooms: set[str],
    spaces: set[str],
    space_id: str | None,
    speaker: Permissions,
) -> set[str]:
    """The rooms on the floors named ("downstairs" is the lowest floor of the space)."""
    home = next(iter(spaces), None) or _home(registry, space_id, speaker)
    candidates = [r for r in registry.rooms(home) if r.floor is not None]
    if not candidates:
        return set()
    levels = sorted({r.floor for r in candidates if r.floor is not None})
    wanted: set[int] = set()
    for floor in floors:
        if floor == "down":
            wanted.add(levels[0])
        elif floor == "up":
            wanted.update(levels[1:])
        elif floor.isdigit():
            wanted.add(int(floor))
    found = {r.id for r in candidates if r.floor in wanted}
    return found or {"-"}  # a named floor with no rooms matches nothing, not everything


_ORDINALS = re.compile(
    r"\b(first|1st|second|2nd|third|3rd|fourth|4th|last)\b|第\s*([1-9一二三四五])|最后"
)
_ORDINAL_INDEX = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2}
_ORDINAL_INDEX |= {"fourth": 3, "4th": 3, "一": 0, "二": 1, "三": 2, "四": 3, "五": 4}


def pick(choices: Sequence[Device], heard: Understanding) -> tuple[Device, ...]:
    """The choices an answer to "which one?" selects: by name, room, kind, order, or all."""
    mentions = heard.mentions
    if any(m.of(EntryKind.ALL) for m in mentions) or re.search(
        r"\bboth\b|两个|都", heard.normalized
    ):
        return tuple(choices)
    ordinal = _ORDINALS.search(heard.normalized)
    if ordinal is not None:
        word = ordinal.group(1) or ordinal.group(2) or "last"
        index = (
            -1
            if word == "last"
            else _ORDINAL_INDEX.get(word, int(word) - 1 if word.isdigit() else 99)
        )
        return (choices[index],) if -len(choices) <= index < len(choices) else ()
    devices = {e.key for m in mentions for e in m.of(EntryKind.DEVICE)}
    rooms = {e.key for m in mentions for e in m.of(EntryKind.ROOM)}
    spaces = {e.key for m in mentions for e in m.of(EntryKind.SPACE)}
    kinds = [_KINDS[e.key] for m in mentions for e in m.of(EntryKind.KIND)]
    chosen = [
        d
        for d in choices
        if d.id in devices
        or d.room_id in rooms
        or (d.space_id in spaces and not rooms)
        or (kinds and not devices and not rooms and any(kind_matches(k, d) for k in kinds))
    ]
    return tuple(chosen) if len(chosen) < len(choices) or len(chosen) == 1 else ()


def _home(registry: Registry, space_id: str | None, speaker: Permissions) -> str | None:
    if space_id is not None:
        return space_id
    for space in registry.spaces():
        if space.kind is SpaceKind.HOME and any(
            speaker.can_view_device(d) for d in registry.devices(space_id=space.id)
        ):
            return space.id
    return None
