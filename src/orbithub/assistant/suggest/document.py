"""Automation documents for mined habits, in the shape the automation loader accepts."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

import yaml

from orbithub.spec.model import Value

__all__ = [
    "DAY_SETS",
    "fingerprint_id",
    "presence_document",
    "routine_document",
    "sequence_document",
    "to_yaml",
    "with_automation_id",
]

DAY_SETS: dict[str, tuple[str, ...]] = {
    "weekdays": ("mon", "tue", "wed", "thu", "fri"),
    "weekends": ("sat", "sun"),
    "daily": (),
}
"""The day classes a routine is mined for, as the weekday condition spells them."""

Document = dict[str, object]


def fingerprint_id(fingerprint: str) -> str:
    """A short id that stays the same for the same fingerprint, run after run."""
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:12]


def _set(device_id: str, path: str, value: Value) -> dict[str, object]:
    return {"type": "set", "device": device_id, "path": path, "value": value}


def _wrap(automation: dict[str, object]) -> Document:
    return {"automations": [automation]}


def routine_document(
    automation_id: str,
    name: str,
    space_id: str,
    at: str,
    days: str,
    action: tuple[str, str, Value],
) -> Document:
    """Every day of ``days`` at ``at`` (``HH:MM``), set the property."""
    automation: dict[str, object] = {
        "id": automation_id,
        "name": name,
        "space": space_id,
        "triggers": [{"type": "time", "at": at}],
    }
    if DAY_SETS[days]:
        automation["conditions"] = [{"type": "weekday", "days": list(DAY_SETS[days])}]
    automation["actions"] = [_set(*action)]
    return _wrap(automation)


def sequence_document(
    automation_id: str,
    name: str,
    space_id: str,
    first: tuple[str, str, Value],
    then: tuple[str, str, Value],
) -> Document:
    """When the first property takes its value, set the second."""
    device, path, value = first
    return _wrap(
        {
            "id": automation_id,
            "name": name,
            "space": space_id,
            "triggers": [{"type": "property", "device": device, "path": path, "to": value}],
            "actions": [_set(*then)],
        }
    )


def presence_document(
    automation_id: str,
    name: str,
    space_id: str,
    phone: tuple[str, str],
    present: bool,
    action: tuple[str, str, Value],
) -> Document:
    """When a person's phone says they arrived (or left), set the property."""
    device, path = phone
    return _wrap(
        {
            "id": automation_id,
            "name": name,
            "space": space_id,
            "triggers": [{"type": "property", "device": device, "path": path, "to": present}],
            "actions": [_set(*action)],
        }
    )


def with_automation_id(document: Mapping[str, object], automation_id: str) -> Document:
    """A copy of a one-automation document whose automation has ``automation_id``."""
    automations = document.get("automations")
    if not isinstance(automations, list):
        return dict(document)
    renamed = [{**a, "id": automation_id} if isinstance(a, dict) else a for a in automations]
    return {**document, "automations": renamed}


def to_yaml(document: object) -> str:
    """The document as YAML, times quoted so YAML 1.1 does not read them as numbers."""
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
