"""Availability triggers: a device went online or offline."""

from __future__ import annotations

from orbithub.automation.model import OnlineTrigger
from orbithub.core.events import DeviceOnline

__all__ = ["describe", "match"]


def describe(trigger: OnlineTrigger) -> str:
    """``door goes offline``."""
    return f"{trigger.device} goes {'online' if trigger.online else 'offline'}"


def match(trigger: OnlineTrigger, event: DeviceOnline) -> str | None:
    """None when the change fires the trigger, otherwise why not."""
    if event.online is trigger.online:
        return None
    return f"{trigger.device} went {'online' if event.online else 'offline'}"
