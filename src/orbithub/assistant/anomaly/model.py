"""Alerts: what was unusual, the baseline it broke, and whether the condition still lasts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Alert", "AlertKind"]


class AlertKind(StrEnum):
    """What kind of unusual thing an alert is about."""

    READING = "reading"
    """A reading far from what the property usually reads at this hour of the week."""
    DOOR_OPEN = "door-open"
    """A door (contact sensor) open longer than allowed."""
    WINDOW_OPEN = "window-open"
    """A window (a contact sensor named, or placed, as one) open longer than airing takes."""
    SILENT = "silent"
    """A device that stopped reporting for much longer than it usually does."""


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert.

    Attributes:
        id: unique id.
        kind: reading, door-open, window-open or silent.
        space_id: the space of the device.
        device_id: the device.
        path: the property (empty for a silent device).
        time: when the condition was noticed (epoch seconds).
        value: the unusual reading, or the seconds open / silent.
        usual: the baseline's median (reading), the allowed open time, or the usual interval.
        spread: the baseline's robust standard deviation (readings only).
        title_en: a headline in English.
        title_zh: a headline in Chinese.
        message_en: what happened and the baseline it broke, in English.
        message_zh: the same in Chinese.
        active: whether the condition still lasts.
        ended_at: when it ended; None while active.
        dismissed: whether someone dismissed it.
    """

    id: str
    kind: AlertKind
    space_id: str
    device_id: str
    path: str
    time: float
    value: float
    usual: float
    spread: float
    title_en: str
    title_zh: str
    message_en: str
    message_zh: str
    active: bool = True
    ended_at: float | None = None
    dismissed: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        """What the alert is about; one active alert per key at a time."""
        return (str(self.kind), self.device_id, self.path)
