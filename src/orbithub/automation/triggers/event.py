"""Device-event triggers: a device reported one of its spec's events, with given arguments."""

from __future__ import annotations

from orbithub.automation.model import EventTrigger
from orbithub.core.events import DeviceEvent

__all__ = ["describe", "match"]


def describe(trigger: EventTrigger) -> str:
    """``button switch.click (count=2)``."""
    args = ", ".join(f"{k}={v}" for k, v in trigger.arguments)
    return f"{trigger.device} {trigger.event}" + (f" ({args})" if args else "")


def match(trigger: EventTrigger, event: DeviceEvent) -> str | None:
    """None when the event fires the trigger, otherwise why not."""
    seen = dict(event.arguments)
    for name, wanted in trigger.arguments:
        if name not in seen or seen[name] != wanted:
            return f"argument {name} was {seen.get(name)}, needed {wanted}"
    return None
