"""Measure how well the assistant understands a set of sentences with known meanings.

An evaluation file is YAML with one list of cases per language::

    en:
      - {text: "turn on the kitchen light", intent: turn_on, targets: [kitchen-light]}
      - {text: "turn on the light", intent: turn_on, clarify: true, targets: [a, b]}
    zh:
      - {text: "卧室多少度", intent: query_state, targets: [bedroom-sensor]}

A case is right when the intent matches, the devices (or the choices offered back, with
``clarify: true``) are exactly the targets, and the value matches when one is given.

A conversation file (:func:`evaluate_dialogue`) asks each case through :meth:`Assistant.ask`,
so commands really go out, with more keys per case: ``app`` (the app's language, sent along),
``speaker`` (one of :data:`SPEAKERS`), ``before`` (sentences said first), ``after_s`` (seconds
passing before the case), ``says`` (words the answer must hold) and ``acts`` (whether a command
must, or must not, go out). There the answer must also be in the sentence's language.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

import yaml

from orbithub.assistant.model import Intent, Language, Permissions, Reply, Speaker
from orbithub.assistant.service import Assistant
from orbithub.core.registry import Device

__all__ = [
    "SPEAKERS",
    "Case",
    "GrantedSpeaker",
    "Home",
    "Outcome",
    "accuracy",
    "evaluate",
    "evaluate_dialogue",
    "load_cases",
]

# Device types a child or guest may use only when a grant names the device (as the accounts
# of the demo home are set up).
_GUARDED = frozenset({"lock", "door-lock", "camera", "alarm", "security-system", "garage-door"})


@dataclass(frozen=True, slots=True)
class GrantedSpeaker:
    """A child or guest of the demo home: some rooms, some named devices.

    Attributes:
        username: the user's name.
        rooms: the rooms granted (every device in them is seen).
        devices: the devices granted by name (security devices need this to be controlled).
        adult: an adult controls security devices in what they see.
        spaces: whole spaces granted.
    """

    username: str
    rooms: frozenset[str] = frozenset()
    devices: frozenset[str] = frozenset()
    adult: bool = False
    spaces: frozenset[str] = frozenset()

    def can_view_device(self, device: Device) -> bool:
        """Whether a grant covers the device."""
        return (
            device.space_id in self.spaces
            or device.id in self.devices
            or (device.room_id is not None and device.room_id in self.rooms)
        )

    def can_control_device(self, device: Device) -> bool:
        """Seen, and not a security device unless adult or named."""
        if not self.can_view_device(device):
            return False
        return self.adult or device.spec.name not in _GUARDED or device.id in self.devices


SPEAKERS: Mapping[str, Permissions] = {
    "alex": Speaker("alex"),
    "mei": GrantedSpeaker("mei", adult=True, spaces=frozenset({"home", "car"})),
    "leo": GrantedSpeaker("leo", rooms=frozenset({"living-room", "study"})),
    "guest": GrantedSpeaker(
        "guest", rooms=frozenset({"living-room"}), devices=frozenset({"front-door-lock"})
    ),
    "sam": GrantedSpeaker("sam", rooms=frozenset({"living-room", "hallway"})),
}
"""The speakers of the conversation sets, with the demo home's grants."""


@dataclass(frozen=True, slots=True)
class Case:
    """One sentence with its expected meaning."""

    section: str
    text: str
    intent: Intent
    targets: frozenset[str]
    clarify: bool
    value: float | str | None
    app: Language | None = None
    speaker: str = "alex"
    before: tuple[str, ...] = ()
    after_s: float = 0.0
    says: tuple[str, ...] = ()
    acts: bool | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the assistant did on one case."""

    case: Case
    right: bool
    intent: Intent
    targets: frozenset[str]
    clarify: bool
    value: float | str | None
    matched_by: str
    answer: str = ""


_APP = {"en": Language.EN, "zh": Language.ZH, "zh-CN": Language.ZH}


def load_cases(path: Path) -> list[Case]:
    """The cases of an evaluation file, every section."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping):
        raise ValueError(f"{path}: expected sections of cases (en:, zh:)")
    cases: list[Case] = []
    for section, items in data.items():
        for item in items:
            raw_value = item.get("value")
            value = float(raw_value) if isinstance(raw_value, int | float) else raw_value
            acts = item.get("acts")
            cases.append(
                Case(
                    str(section),
                    str(item["text"]),
                    Intent(item["intent"]),
                    frozenset(item.get("targets") or ()),
                    bool(item.get("clarify", False)),
                    value,
                    _APP[item["app"]] if "app" in item else None,
                    str(item.get("speaker", "alex")),
                    tuple(str(t) for t in item.get("before", ())),
                    float(item.get("after_s", 0.0)),
                    tuple(str(t) for t in item.get("says", ())),
                    None if acts is None else bool(acts),
                )
            )
    return cases


def _same_value(expected: float | str | None, got: float | str | None) -> bool:
    if expected is None:
        return True
    if isinstance(expected, float) and isinstance(got, int | float):
        return abs(expected - float(got)) < 0.01
    return expected == got


async def evaluate(
    assistant: Assistant, cases: Sequence[Case], speaker: Permissions
) -> list[Outcome]:
    """Interpret every case (nothing is executed) and score it."""
    out: list[Outcome] = []
    for case in cases:
        seen = await assistant.interpret(case.text, speaker=speaker)
        clarify = bool(seen.choices)
        targets = frozenset(d.id for d in seen.choices) if clarify else frozenset(seen.targets)
        value = seen.heard.parsed.value
        right = (
            seen.intent is case.intent
            and (
                case.intent is Intent.UNKNOWN
                or (clarify == case.clarify and targets == case.targets)
            )
            and _same_value(case.value, value)
        )
        out.append(
            Outcome(case, right, seen.intent, targets, clarify, value, seen.heard.matched_by)
        )
    return out


def _says(answer: str, word: str) -> bool:
    # Latin words match whole ("no" is not in "not"); Chinese has no spaces to bound them.
    if word.isascii():
        return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", answer) is not None
    return word in answer


def _heard_right(case: Case, reply: Reply) -> bool:
    clarify = reply.needs_clarification and bool(reply.choices)
    targets = frozenset(c.id for c in reply.choices) if clarify else frozenset(reply.targets)
    wanted = Language.ZH if case.section.startswith("zh") else Language.EN
    answer = reply.answer.casefold()
    return (
        reply.language is wanted
        and reply.intent is case.intent
        and (case.intent is Intent.UNKNOWN or (clarify == case.clarify and targets == case.targets))
        and _same_value(case.value, reply.value if isinstance(reply.value, float | str) else None)
        and all(_says(answer, word.casefold()) for word in case.says)
        and (case.acts is None or case.acts == bool(reply.actions))
    )


Home: TypeAlias = Callable[
    [], AbstractAsyncContextManager[tuple[Assistant, Callable[[float], Awaitable[None]]]]
]
"""Opens a fresh home: its assistant, and a way to move its clock on by some seconds."""


async def evaluate_dialogue(cases: Sequence[Case], home: Home) -> list[Outcome]:
    """Ask every case (and the sentences before it) in a fresh home; commands really go out.

    Each case gets its own home, so what one case switched never answers another's question.
    """
    out: list[Outcome] = []
    for case in cases:
        speaker = SPEAKERS[case.speaker]
        async with home() as (assistant, advance):
            for text in case.before:
                await assistant.ask(text, speaker=speaker, language=case.app)
            if case.after_s:
                await advance(case.after_s)
            reply = await assistant.ask(case.text, speaker=speaker, language=case.app)
        clarify = reply.needs_clarification and bool(reply.choices)
        targets = frozenset(c.id for c in reply.choices) if clarify else frozenset(reply.targets)
        value = reply.value if isinstance(reply.value, float | str) else None
        out.append(
            Outcome(
                case,
                _heard_right(case, reply),
                reply.intent,
                targets,
                clarify,
                value,
                reply.matched_by,
                reply.answer,
            )
        )
    return out


def accuracy(outcomes: Sequence[Outcome]) -> dict[str, tuple[int, int]]:
    """Right and total per section."""
    table: dict[str, tuple[int, int]] = {}
    for outcome in outcomes:
        right, total = table.get(outcome.case.section, (0, 0))
        table[outcome.case.section] = (right + outcome.right, total + 1)
    return table
