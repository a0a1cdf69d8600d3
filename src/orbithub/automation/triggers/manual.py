"""Manual triggers: fired only on request (the app, a scene button, another automation)."""

from __future__ import annotations

from orbithub.automation.model import ManualTrigger

__all__ = ["describe"]


def describe(trigger: ManualTrigger) -> str:
    """``manual``."""
    return "manual"
