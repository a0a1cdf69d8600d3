"""What conditions look at: device values and availability from the hub, people per space.

Presence comes from the ``PresenceChanged`` events the engine sees (each carries everyone
present after the change), or from a presence source the application passes in (which knows
who was home before the engine started).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from orbithub.core.events import PresenceChanged
from orbithub.core.state import State
from orbithub.spec.model import Value

__all__ = ["HubFacts", "PresenceSource"]


class PresenceSource(Protocol):
    """Who is at a space now, as the application's presence tracker decided it."""

    def people_at(self, space_id: str) -> Sequence[str] | None:
        """The people present (None when the source has not decided yet)."""
        ...


class HubFacts:
    """Facts for conditions: the hub's state plus who is where. Loop only.

    Args:
        state: the hub's current values and availability.
        presence: a presence source asked first; events fill in what it does not know.
    """

    def __init__(self, state: State, presence: PresenceSource | None = None) -> None:
        self._state = state
        self._source = presence
        self._seen: dict[str, tuple[str, ...]] = {}

    def value(self, device_id: str, path: str) -> Value | None:
        """The current value, None when never reported."""
        return self._state.value(device_id, path)

    def is_online(self, device_id: str) -> bool | None:
        """Availability, None when unknown."""
        return self._state.is_online(device_id)

    def people_at(self, space_id: str) -> tuple[str, ...] | None:
        """Who is at a space, sorted; None when no presence is known for it yet."""
        if self._source is not None:
            known = self._source.people_at(space_id)
            if known is not None:
                return tuple(sorted(known))
        return self._seen.get(space_id)

    def observe(self, event: PresenceChanged) -> None:
        """Remember who is present after a presence change."""
        self._seen[event.space_id] = tuple(sorted(event.people_present))
