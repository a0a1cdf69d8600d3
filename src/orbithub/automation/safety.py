"""Safety valves: per-automation rate limits and cycles of automations feeding each other."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from orbithub.automation.model import RateLimit
from orbithub.core.context import Link

__all__ = [
    "DEFAULT_RATE_LIMIT",
    "MAX_CHAIN",
    "LoopLimit",
    "RateLimiter",
    "extend_chain",
    "find_cycle",
]


class RateLimiter:
    """Sliding-window count of runs per automation."""

    def __init__(self) -> None:
        self._starts: dict[str, deque[float]] = {}
        self._told: dict[str, float] = {}

    def allow(self, automation_id: str, limit: RateLimit, now: float) -> bool:
        """Whether one more run fits in the window; when it does, counts it."""
        starts = self._starts.setdefault(automation_id, deque())
        while starts and starts[0] <= now - limit.per:
            starts.popleft()
        if len(starts) >= limit.runs:
            return False
        starts.append(now)
        return True

    def first_refusal(self, automation_id: str) -> bool:
        """Whether this refusal is the first since the window last moved (worth telling)."""
        starts = self._starts.get(automation_id)
        oldest = starts[0] if starts else 0.0
        if self._told.get(automation_id) == oldest:
            return False
        self._told[automation_id] = oldest
        return True

    def forget(self, automation_id: str) -> None:
        """Drop an automation's window."""
        self._starts.pop(automation_id, None)
        self._told.pop(automation_id, None)


@dataclass(frozen=True, slots=True)
class LoopLimit:
    """When a chain of automation runs is a runaway cycle.

    Every command an automation sends carries the chain of runs that caused it, and so does the
    device's report of its effect (see :mod:`orbithub.core.echoes`). A chain that comes back to
    an automation already in it more than ``returns`` times within ``window`` seconds is a
    cycle: one automation re-triggered by its own command, two answering each other, or a ring.
    Links older than the window drop out of the chain, so slow, deliberate alternation (a pump
    on for an hour, off for an hour) is not a cycle.
    """

    returns: int = 2
    window: float = 60.0


MAX_CHAIN = 32
"""Links a chain keeps (the newest); enough for a ring of ten automations to be seen."""

DEFAULT_RATE_LIMIT = RateLimit(runs=30, per=60.0)
"""Runs per automation when it sets no ``rate_limit``: a fence for loops no chain reveals."""


def extend_chain(chain: tuple[Link, ...], link: Link, limit: LoopLimit) -> tuple[Link, ...]:
    """``chain`` with ``link`` appended, without links older than the window, at most MAX_CHAIN."""
    horizon = link.time - limit.window
    recent = tuple(old for old in chain if old.time >= horizon)
    return (*recent[-(MAX_CHAIN - 1) :], link)


def find_cycle(
    automation_id: str, chain: tuple[Link, ...], now: float, limit: LoopLimit
) -> tuple[str, ...] | None:
    """The automations of the cycle a new run of ``automation_id`` would close, or None.

    Returns:
        Every automation from the first return to ``automation_id`` on, in order of the chain,
        each once; None while the chain came back to it at most ``limit.returns`` times.
    """
    recent = [link.automation for link in chain if link.time >= now - limit.window]
    if recent.count(automation_id) <= limit.returns:
        return None
    members = recent[recent.index(automation_id) :]
    return tuple(dict.fromkeys(members))
