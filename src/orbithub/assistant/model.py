"""What the assistant understands and answers: intents, parsed requests, replies."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = [
    "ActionTaken",
    "Choice",
    "Intent",
    "Language",
    "Permissions",
    "Reply",
    "SceneRef",
    "Speaker",
]


class Language(StrEnum):
    """The languages the assistant understands and answers in.

    English and Chinese are understood fully; the others by Home Assistant's sentence
    templates alone (switching, brightness, temperature, covers, questions about state).
    """

    EN = "en"
    ZH = "zh-CN"
    DE = "de"
    FR = "fr"
    ES = "es"
    IT = "it"
    NL = "nl"
    PT = "pt"
    SV = "sv"
    DA = "da"

    @property
    def full(self) -> bool:
        """Whether the language has OrbitHub's own reading (keywords, history, scenes)."""
        return self in (Language.EN, Language.ZH)


class Intent(StrEnum):
    """What a sentence asks for, independent of the language and of the matcher."""

    TURN_ON = "turn_on"
    TURN_OFF = "turn_off"
    SET_BRIGHTNESS = "set_brightness"
    SET_COLOR_TEMPERATURE = "set_color_temperature"
    SET_TEMPERATURE = "set_temperature"
    SET_MODE = "set_mode"
    SET_FAN_LEVEL = "set_fan_level"
    SET_POSITION = "set_position"
    SET_VOLUME = "set_volume"
    SET_CHANNEL = "set_channel"
    SET_CHARGE_LIMIT = "set_charge_limit"
    OPEN = "open"
    CLOSE = "close"
    LOCK = "lock"
    UNLOCK = "unlock"
    START = "start"
    STOP = "stop"
    DOCK = "dock"
    MUTE = "mute"
    UNMUTE = "unmute"
    ACTIVATE_SCENE = "activate_scene"
    QUERY_STATE = "query_state"
    QUERY_HISTORY = "query_history"
    UNKNOWN = "unknown"


class Permissions(Protocol):
    """Who is speaking, as the API's principal describes them (matched by shape)."""

    @property
    def username(self) -> str:
        """The user's name: commands carry it, and "my phone" means a device they own."""
        ...

    def can_view_device(self, device: Device) -> bool:
        """Whether the speaker may see the device (and hear about it)."""
        ...

    def can_control_device(self, device: Device) -> bool:
        """Whether the speaker may command the device."""
        ...


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker who may see and control everything (the local CLI, tests, the owner)."""

    username: str = "local"

    def can_view_device(self, device: Device) -> bool:
        """Everything is visible."""
        return True

    def can_control_device(self, device: Device) -> bool:
        """Everything is controllable."""
        return True


@dataclass(frozen=True, slots=True)
class SceneRef:
    """A scene the assistant can activate, with the names people call it by.

    Attributes:
        id: the scene's id (the automation engine's scene id).
        names: what people call it, in any language (``Movie night``, ``观影模式``).
    """

    id: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Choice:
    """One option offered back when a request was ambiguous."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class ActionTaken:
    """One command the assistant sent (or tried to) on the speaker's behalf.

    Attributes:
        device_id: the device commanded (or the scene id for a scene).
        kind: ``set``, ``call`` or ``scene``.
        path: the property or action path.
        value: the value written (None for actions and scenes).
        ok: whether the hub accepted and delivered it.
        message: the device's or the hub's message (why it failed, when it did).
    """

    device_id: str
    kind: str
    path: str
    value: Value | None
    ok: bool
    message: str = ""


@dataclass(frozen=True, slots=True)
class Reply:
    """The assistant's answer to one sentence.

    Attributes:
        language: the language of the request (and of the answer).
        intent: what was understood.
        answer: a short spoken-style sentence.
        needs_clarification: True when the assistant asks back instead of acting.
        needs_confirmation: True when it asks the speaker to confirm unlocking, opening or
            disarming (a yes, or the choice ``confirm``, acts).
        choices: the options when it asks back.
        targets: the device (or scene) ids the request was resolved to.
        actions: the commands sent.
        matched_by: ``hassil`` (sentence templates) or ``rules`` (keyword fallback).
        value: the value understood (a number, a mode name, ``up``/``down``), if any.
    """

    language: Language
    intent: Intent
    answer: str
    needs_clarification: bool = False
    choices: tuple[Choice, ...] = ()
    targets: tuple[str, ...] = ()
    actions: tuple[ActionTaken, ...] = field(default=())
    matched_by: str = "rules"
    value: Value | None = None
    needs_confirmation: bool = False
