"""Measure how well the assistant understands a set of sentences with known meanings.

An evaluation file is YAML with one list of cases per language::

    en:
      - {text: "turn on the kitchen light", intent: turn_on, targets: [kitchen-light]}
      - {text: "turn on the light", intent: turn_on, clarify: true, targets: [a, b]}
    zh:
      - {text: "卧室多少度", intent: query_state, targets: [bedroom-sensor]}

A case is right when the intent matches, the devices (or the choices offered back, with
``clarify: true``) are exactly the targets, and the value matches when one is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from orbithub.assistant.model import Intent, Permissions
from orbithub.assistant.service import Assistant

__all__ = ["Case", "Outcome", "accuracy", "evaluate", "load_cases"]


@dataclass(frozen=True, slots=True)
class Case:
    """One sentence with its expected meaning."""

    section: str
    text: str
    intent: Intent
    targets: frozenset[str]
    clarify: bool
    value: float | str | None


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
            cases.append(
                Case(
                    str(section),
                    str(item["text"]),
                    Intent(item["intent"]),
                    frozenset(item.get("targets") or ()),
                    bool(item.get("clarify", False)),
                    value,
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


def accuracy(outcomes: Sequence[Outcome]) -> dict[str, tuple[int, int]]:
    """Right and total per section."""
    table: dict[str, tuple[int, int]] = {}
    for outcome in outcomes:
        right, total = table.get(outcome.case.section, (0, 0))
        table[outcome.case.section] = (right + outcome.right, total + 1)
    return table
