"""The records of suggestion mining: what was observed, and what is proposed from it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from orbithub.spec.model import Value

__all__ = [
    "Candidate",
    "ManualCommand",
    "PresenceRecord",
    "Status",
    "Suggestion",
    "SuggestionKind",
]


class SuggestionKind(StrEnum):
    """The kind of habit a suggestion was mined from."""

    ROUTINE = "routine"
    """The same command around the same time of day, on weekdays, weekends or every day."""
    SEQUENCE = "sequence"
    """One command usually followed by another within a minute."""
    PRESENCE = "presence"
    """A command that usually follows a person arriving or leaving."""


class Status(StrEnum):
    """Where a suggestion stands with the people of the home."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class ManualCommand:
    """A ``set`` command a person gave (app, voice, wall panel), read from the activity log."""

    time: float
    space_id: str
    device_id: str
    path: str
    value: Value
    actor: str | None


@dataclass(frozen=True, slots=True)
class PresenceRecord:
    """A person arrived at (``present``) or left a space."""

    time: float
    space_id: str
    person: str
    present: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    """A habit found in history, before it is filtered against decisions and the daily cap.

    Attributes:
        kind: routine, sequence or presence.
        fingerprint: stable key of what is proposed (device, path, value, slot/kind); a
            rejected fingerprint is never proposed again.
        space_id: the space whose automation it becomes.
        device_id: the device the automation would command.
        path: the property it would set.
        value: the value it would set.
        support: how many times the habit was seen.
        opportunities: how many times it could have been seen.
        explanation_en: why it is proposed, in English.
        explanation_zh: why it is proposed, in Chinese.
        title_en: a short name in English (the automation's name).
        title_zh: a short name in Chinese.
        document: the automation document (``{"automations": [...]}``) ready to load.
    """

    kind: SuggestionKind
    fingerprint: str
    space_id: str
    device_id: str
    path: str
    value: Value
    support: int
    opportunities: int
    explanation_en: str
    explanation_zh: str
    title_en: str
    title_zh: str
    document: Mapping[str, object]

    @property
    def confidence(self) -> float:
        """Occurrences over opportunities, 0..1."""
        return self.support / self.opportunities if self.opportunities else 0.0


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate shown to people, with its id and what they decided.

    Attributes:
        id: short stable id derived from the fingerprint.
        candidate: what was mined.
        status: pending, accepted or rejected.
        proposed_at: when it was first shown (epoch seconds).
        decided_at: when it was accepted or rejected; None while pending.
        decided_by: the user who decided.
    """

    id: str
    candidate: Candidate
    status: Status
    proposed_at: float
    decided_at: float | None = None
    decided_by: str | None = None

    @property
    def automation_id(self) -> str:
        """The id of the automation accepting it creates."""
        return f"suggested-{self.id}"
