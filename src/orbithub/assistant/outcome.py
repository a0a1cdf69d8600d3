"""What happened to one device when the assistant commanded it, and why it did not work."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from orbithub.assistant.model import ActionTaken
from orbithub.core.registry import Device
from orbithub.spec.model import Property, Value

__all__ = ["Outcome", "Problem"]


class Problem(StrEnum):
    """Why a command did not go out (or did not succeed)."""

    FORBIDDEN = "forbidden"
    UNSUPPORTED = "unsupported"
    OUT_OF_RANGE = "out_of_range"
    NO_SUCH_VALUE = "no_such_value"
    FAILED = "failed"
    NOT_PLUGGED = "not_plugged"
    """Charging asked of a car that is not plugged in."""
    NEEDS_CONFIRMATION = "needs_confirmation"
    """It opens a security device: nothing was sent, the speaker is asked to confirm."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one device.

    Attributes:
        device: the device.
        actions: the commands sent to it.
        problem: why it did not work, None when it did.
        prop: the property a refused value was meant for (its range explains the refusal).
        value: the value that was written or refused.
        message: the hub's or device's message.
        confirmed: whether every device commanded acknowledged its command (the answer says
            when one did not).
        via: the device commanded on this one's behalf (the home charger for a car).
        at_end: ``max`` or ``min`` when a relative change stopped at that end of the range.
    """

    device: Device
    actions: tuple[ActionTaken, ...] = ()
    problem: Problem | None = None
    prop: Property | None = None
    value: Value | None = None
    message: str = ""
    confirmed: bool = True
    via: Device | None = None
    at_end: str = ""
