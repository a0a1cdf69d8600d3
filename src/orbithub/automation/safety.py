"""Safety valves: per-automation rate limits and loop detection (automations feeding themselves)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from orbithub.automation.model import RateLimit

__all__ = ["LoopGuard", "LoopLimit", "RateLimiter"]


class RateLimiter:
    """Sliding-window count of runs per automation."""

    def __init__(self) -> None:
        self._starts: dict[str, deque[float]] = {}

    def allow(self, automation_id: str, limit: RateLimit, now: float) -> bool:
        """Whether one more run fits in the window; when it does, counts it."""
        starts = self._starts.setdefault(automation_id, deque())
        while starts and starts[0] <= now - limit.per:
            starts.popleft()
        if len(starts) >= limit.runs:
            return False
        starts.append(now)
        return True

    def forget(self, automation_id: str) -> None:
        """Drop an automation's window."""
        self._starts.pop(automation_id, None)


@dataclass(frozen=True, slots=True)
class LoopLimit:
    """More than ``fires`` self-caused fires within ``window`` seconds is a loop.

    A fire is self-caused when its event comes from a device the same automation commanded
    within ``echo`` seconds: a device echoing the automation's own write.
    """

    fires: int = 10
    window: float = 60.0
    echo: float = 2.0


class LoopGuard:
    """Tracks which devices each automation commanded and how often it re-triggered itself."""

    def __init__(self, limit: LoopLimit) -> None:
        self.limit = limit
        self._commanded: dict[tuple[str, str], float] = {}
        self._self_fires: dict[str, deque[float]] = {}

    def commanded(self, automation_id: str, device_id: str, now: float) -> None:
        """A run of ``automation_id`` sent a command to ``device_id``."""
        self._commanded[(automation_id, device_id)] = now

    def self_caused(self, automation_id: str, device_id: str | None, now: float) -> bool:
        """Whether an event of ``device_id`` at ``now`` is likely an echo of its own command."""
        if device_id is None:
            return False
        sent = self._commanded.get((automation_id, device_id))
        return sent is not None and now - sent <= self.limit.echo

    def count(self, automation_id: str, now: float) -> int:
        """Record one self-caused fire; the number within the window, this one included."""
        fires = self._self_fires.setdefault(automation_id, deque())
        while fires and fires[0] <= now - self.limit.window:
            fires.popleft()
        fires.append(now)
        return len(fires)

    def forget(self, automation_id: str) -> None:
        """Drop an automation's history (re-enabled or removed)."""
        self._self_fires.pop(automation_id, None)
        for key in [k for k in self._commanded if k[0] == automation_id]:
            del self._commanded[key]
