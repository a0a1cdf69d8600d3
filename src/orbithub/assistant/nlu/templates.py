"""Sentence templates: Home Assistant's sentence data plus OrbitHub's own, matched by hassil.

The Home Assistant intents (``home-assistant-intents``, English and Simplified Chinese) know
the common sentences of a home; ``sentences/<language>.yaml`` adds what they lack (scenes by
name, the car, charging, modes, history). Compiled templates are cached per language; the slot
lists (device names, rooms, floors, scenes) come from the home and are rebuilt with it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from hassil import Intents, TextSlotList, recognize_all
from hassil.intents import SlotList
from hassil.util import merge_dict
from home_assistant_intents import get_intents

from orbithub.assistant.model import Intent, Language
from orbithub.core.registry import Registry

__all__ = ["SlotLists", "TemplateMatch", "match_templates", "slot_lists"]

_LOGGER = logging.getLogger(__name__)

# Intents of the Home Assistant data that OrbitHub can act on, or that it recognises only to
# answer "I can't do that" instead of guessing a device command.
_HA_INTENTS = frozenset(
    {
        "HassTurnOn",
        "HassTurnOff",
        "HassLightSet",
        "HassClimateSetTemperature",
        "HassClimateGetTemperature",
        "HassGetState",
        "HassSetPosition",
        "HassVacuumStart",
        "HassVacuumReturnToBase",
        "HassSetVolume",
        "HassMediaPlayerMute",
        "HassMediaPlayerUnmute",
        "HassGetWeather",
        "HassStartTimer",
        "HassGetCurrentTime",
        "HassGetCurrentDate",
        "HassNevermind",
        "HassBroadcast",
        "HassShoppingListAddItem",
        "HassListAddItem",
    }
)
_UNSUPPORTED = frozenset(
    {
        "HassGetWeather",
        "HassStartTimer",
        "HassGetCurrentTime",
        "HassGetCurrentDate",
        "HassNevermind",
        "HassBroadcast",
        "HassShoppingListAddItem",
        "HassListAddItem",
    }
)
# Home Assistant domains of OrbitHub device types (their templates require one).
_DOMAINS = {
    "light": "light",
    "outlet": "switch",
    "switch": "switch",
    "ev-charger": "switch",
    "water-heater": "switch",
    "air-conditioner": "climate",
    "thermostat": "climate",
    "curtain": "cover",
    "lock": "lock",
    "vacuum": "vacuum",
    "television": "media_player",
    "air-purifier": "fan",
    "magnet-sensor": "binary_sensor",
    "motion-sensor": "binary_sensor",
    "vehicle": "sensor",
}

SlotLists = dict[str, SlotList]


@dataclass(frozen=True, slots=True)
class TemplateMatch:
    """A sentence template that matched.

    Attributes:
        intent: the OrbitHub intent it maps to.
        template_intent: the template's own intent name (``HassTurnOn``, ``OrbitSetMode``).
        names: device names it captured.
        areas: room names it captured.
        scene: the scene name it captured, if any.
        value: the number or mode it captured, if any.
        attribute: what a question asks, when the template says.
        domain: the kind of device the template's words named ("das Licht": ``light``).
    """

    intent: Intent
    template_intent: str
    names: tuple[str, ...]
    areas: tuple[str, ...]
    scene: str | None
    value: float | str | None
    attribute: str | None
    domain: str | None = None


@functools.cache
def _intents(language: Language) -> Intents:
    ha = get_intents(language.value) or {"language": language.value, "intents": {}}
    ha = {**ha, "intents": {k: v for k, v in ha["intents"].items() if k in _HA_INTENTS}}
    own_file = resources.files("orbithub.assistant.nlu") / "sentences" / f"{language.value}.yaml"
    if own_file.is_file():  # only English and Chinese have OrbitHub's own sentences
        own: dict[str, Any] = yaml.safe_load(own_file.read_text(encoding="utf-8"))
        merge_dict(ha, own)  # merges in place
    return Intents.from_dict(ha)


def slot_lists(registry: Registry, scenes: Mapping[str, Iterable[str]]) -> SlotLists:
    """The home's names as hassil slot lists: ``name``, ``area``, ``floor`` and ``scene``."""
    names: list[tuple[str, str, dict[str, Any]]] = []
    for device in registry:
        domain = _DOMAINS.get(device.spec.name, "sensor")
        for name in (device.name, *device.aliases):
            names.append((name, name, {"domain": domain}))
    areas = [n for room in registry.rooms() for n in (room.name, *room.aliases)]
    floors = sorted({str(r.floor) for r in registry.rooms() if r.floor is not None}) or ["1"]
    scene_names = [(n, scene_id) for scene_id, ns in scenes.items() for n in ns]
    return {
        "name": TextSlotList.from_tuples(names, allow_template=False),
        "area": TextSlotList.from_strings(areas, allow_template=False),
        # The Chinese data refers to {floor} in many templates: a list must exist.
        "floor": TextSlotList.from_strings(floors, allow_template=False),
        "scene": TextSlotList.from_tuples(scene_names or [("-", "-")], allow_template=False),
    }


def match_templates(text: str, language: Language, lists: SlotLists) -> TemplateMatch | None:
    """The first template that matches ``text``, mapped to an OrbitHub intent; None if none.

    CPU work of a few milliseconds: call it off the event loop.
    """
    intents = _intents(language)
    for result in recognize_all(text, intents, slot_lists=lists, language=language.value):
        mapped = _map(result.intent.name, {k: v.value for k, v in result.entities.items()})
        if mapped is not None:
            names = tuple(str(e.value) for e in result.entities_list if e.name == "name")
            areas = tuple(str(e.value) for e in result.entities_list if e.name == "area")
            scene = result.entities.get("scene")
            domain = result.entities.get("domain")
            intent, value, attribute = mapped
            return TemplateMatch(
                intent,
                result.intent.name,
                names,
                areas,
                None if scene is None else str(scene.value),
                value,
                attribute,
                None if domain is None else str(domain.value),
            )
    return None


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _map(
    name: str, slots: Mapping[str, object]
) -> tuple[Intent, float | str | None, str | None] | None:
    domain = slots.get("domain")
    if name in _UNSUPPORTED:
        return Intent.UNKNOWN, None, None
    if name == "HassTurnOn":
        if domain == "cover":
            return Intent.OPEN, None, None
        if domain == "lock":
            return Intent.LOCK, None, None
        if domain in ("scene", "script"):
            return None
        return Intent.TURN_ON, None, None
    if name == "HassTurnOff":
        if domain == "cover":
            return Intent.CLOSE, None, None
        if domain == "lock":
            return Intent.UNLOCK, None, None
        return Intent.TURN_OFF, None, None
    if name == "HassLightSet":
        if "brightness" in slots:
            return Intent.SET_BRIGHTNESS, _number(slots["brightness"]), None
        if "temperature" in slots:
            return Intent.SET_COLOR_TEMPERATURE, _number(slots["temperature"]), None
        return None
    if name == "HassClimateSetTemperature":
        return Intent.SET_TEMPERATURE, _number(slots.get("temperature")), None
    if name == "HassClimateGetTemperature":
        return Intent.QUERY_STATE, None, "temperature"
    if name == "HassGetState":
        state = str(slots.get("state", ""))
        attribute = {"locked": "locked", "unlocked": "locked", "open": "open", "closed": "open"}
        return Intent.QUERY_STATE, None, attribute.get(state, "on" if state else None)
    simple = {
        "HassSetPosition": (Intent.SET_POSITION, "position"),
        "HassSetVolume": (Intent.SET_VOLUME, "volume_level"),
        "HassVacuumStart": (Intent.START, ""),
        "HassVacuumReturnToBase": (Intent.DOCK, ""),
        "HassMediaPlayerMute": (Intent.MUTE, ""),
        "HassMediaPlayerUnmute": (Intent.UNMUTE, ""),
        "OrbitActivateScene": (Intent.ACTIVATE_SCENE, ""),
        "OrbitQueryHistory": (Intent.QUERY_HISTORY, ""),
        "OrbitVehicleQuery": (Intent.QUERY_STATE, ""),
        "OrbitStartCharging": (Intent.START, ""),
        "OrbitStopCharging": (Intent.STOP, ""),
        "OrbitSetMode": (Intent.SET_MODE, "mode"),
    }
    if name in simple:
        intent, slot = simple[name]
        raw = slots.get(slot) if slot else None
        value = _number(raw) if slot != "mode" else (None if raw is None else str(raw))
        return intent, value, None
    _LOGGER.debug("template intent %s has no OrbitHub mapping", name)
    return None
