"""Where an automation runs: the space's timezone and coordinates, for time and sun."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.core.registry import Space

__all__ = ["Place", "place_of"]


@dataclass(frozen=True, slots=True)
class Place:
    """A timezone and (when known) coordinates."""

    tz: ZoneInfo
    latitude: float | None = None
    longitude: float | None = None

    def local(self, epoch: float) -> datetime:
        """The local wall time of an instant."""
        return datetime.fromtimestamp(epoch, self.tz)


def place_of(space: Space | None) -> Place:
    """The place of a space (UTC without coordinates when there is none)."""
    if space is None:
        return Place(ZoneInfo("UTC"))
    return Place(ZoneInfo(space.timezone), space.latitude, space.longitude)
