"""When to ask a Xiaomi device for its state again: an adaptive interval within a budget.

miIO devices do not report changes on the local network; the hub has to ask. Asking often
makes the app quick but loads small devices (and their Wi-Fi), so the interval adapts: soon
after a command (to see its effect), short while values keep changing, growing while nothing
changes, and a per-device budget caps the requests in any minute whatever else asks. A device
that stops answering is asked less and less often, but never given up on.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

__all__ = ["Pacer", "PollPolicy"]


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """How often devices are asked.

    Attributes:
        fastest: seconds between polls while values change.
        slowest: seconds between polls once nothing has changed for a while.
        growth: each poll that finds nothing new multiplies the interval by this.
        after_command: seconds after a command before the poll that shows its effect (and a
            second one ``fastest`` later, for devices that take a moment to get there).
        offline_retry: seconds between attempts while a device is silent, at first.
        offline_slowest: the longest wait between attempts at a silent device.
        budget: the most requests (polls and commands) one device gets in any 60 seconds.
        silent_polls: polls without an answer before the device is marked unavailable.
    """

    fastest: float = 5.0
    slowest: float = 60.0
    growth: float = 1.5
    after_command: float = 0.3
    offline_retry: float = 10.0
    offline_slowest: float = 120.0
    budget: int = 30
    silent_polls: int = 1

    def __post_init__(self) -> None:
        if not 0 < self.fastest <= self.slowest:
            raise ValueError(f"poll intervals must satisfy 0 < fastest <= slowest: {self}")
        if self.growth < 1 or self.budget < 1 or self.silent_polls < 1:
            raise ValueError(f"growth must be >= 1, budget and silent_polls >= 1: {self}")
        if not 0 < self.offline_retry <= self.offline_slowest or self.after_command < 0:
            raise ValueError(f"inconsistent offline retry or command delay: {self}")


class Pacer:
    """The polling rhythm of one device. Pure bookkeeping: times are given, never read.

    Args:
        policy: the intervals and the budget.
        now: the time the device was added (seconds, any monotonic origin).
    """

    def __init__(self, policy: PollPolicy, now: float) -> None:
        self._policy = policy
        self._interval = policy.fastest
        self._offline_wait = policy.offline_retry
        self._due = now  # the first poll at once
        self._sent: deque[float] = deque()
        self._silent = 0
        self._followups: list[float] = []

    @property
    def interval(self) -> float:
        """The current interval between polls of a device that answers."""
        return self._interval

    @property
    def online(self) -> bool:
        """Whether the device answered recently enough to count as available."""
        return self._silent < self._policy.silent_polls

    def state_word(self) -> str:
        """``available`` or ``unavailable``, for listings."""
        return "available" if self.online else "unavailable"

    def next_poll(self, now: float) -> float:
        """When the next poll may go, the budget respected (never before ``now``)."""
        due = min([self._due, *self._followups])
        return max(now, due, self._budget_frees(now))

    def spend(self, now: float, requests: int = 1) -> None:
        """Requests went to the device (a poll's batches, a command): they count in the budget."""
        self._sent.extend([now] * requests)
        self._forget(now)

    def polled(self, now: float, *, answered: bool, changed: bool) -> bool:
        """Record a poll's outcome; returns whether the device's availability changed."""
        self._followups = [t for t in self._followups if t > now]
        was_online = self.online
        if not answered:
            self._silent += 1
            if self.online:
                self._due = now + self._interval
            else:
                self._due = now + self._offline_wait
                self._offline_wait = min(self._offline_wait * 2, self._policy.offline_slowest)
            return was_online != self.online
        self._silent = 0
        self._offline_wait = self._policy.offline_retry
        if changed or not was_online:
            self._interval = self._policy.fastest
        else:
            self._interval = min(self._interval * self._policy.growth, self._policy.slowest)
        self._due = now + self._interval
        return not was_online

    def commanded(self, now: float) -> None:
        """A command went out: look soon, and once more a little later."""
        soon = now + self._policy.after_command
        self._followups = [soon, soon + self._policy.fastest]
        self._interval = self._policy.fastest

    def _budget_frees(self, now: float) -> float:
        self._forget(now)
        if len(self._sent) < self._policy.budget:
            return now
        return self._sent[0] + 60.0

    def _forget(self, now: float) -> None:
        while self._sent and self._sent[0] <= now - 60.0:
            self._sent.popleft()
