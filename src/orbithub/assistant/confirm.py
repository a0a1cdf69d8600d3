"""Asking the speaker to confirm before the assistant unlocks, opens or disarms."""

# ruff: noqa: RUF001 - Chinese questions use Chinese punctuation

from __future__ import annotations

from collections.abc import Sequence

from orbithub.access.security import security_services
from orbithub.assistant.answers import display_name
from orbithub.assistant.model import Language
from orbithub.core.registry import Device

__all__ = ["CONFIRM_S", "confirm_question"]

CONFIRM_S = 30.0
"""How long a confirmation question waits for its yes, in seconds (hub time)."""


def _verb(devices: Sequence[Device], language: Language) -> str:
    kinds = {s.name.split("-")[0] for d in devices for s in security_services(d.spec)}
    if kinds and kinds <= {"lock", "door"} and "lock" in kinds:
        return "解锁" if language is Language.ZH else "Unlock"
    if "arming" in kinds or "alarm" in kinds:
        return "撤防" if language is Language.ZH else "Disarm"
    return "打开" if language is Language.ZH else "Open"


def confirm_question(devices: Sequence[Device], language: Language) -> str:
    """``Unlock the front door lock? Say yes to confirm.`` (or in Chinese)."""
    names = [display_name(d, language) for d in devices]
    verb = _verb(devices, language)
    if language is Language.ZH:
        return f"要{verb}{'、'.join(names)}吗？说“是”或“确认”继续。"
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{verb} {joined}? Say yes to confirm."
