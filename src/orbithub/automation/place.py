"""Where an automation runs: the space's timezone and coordinates, for time and sun."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.core.registry import Registry, Space

__all__ = ["Place", "place_for", "place_of"]


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


def place_for(registry: Registry, space_id: str | None) -> Place:
    """The place of a space by id; with None, of the registry's first space.

    Raises:
        UnknownSpaceError: no space has this id.
    """
    if space_id is not None:
        return place_of(registry.space(space_id))
    spaces = registry.spaces()
    return place_of(spaces[0] if spaces else None)
