"""Login limits that slow a guesser down without locking the owner out.

Failures are counted per *user name and address* together: after a few free failures, each
further attempt of that pair waits a delay that doubles with every failure (1 s, 2 s, 4 s...,
capped). A stranger guessing Alex's password from their own address therefore never delays
Alex on Alex's phone. Each address also has a ceiling of failures over all user names within
the window, so one address cannot try many names quickly; behind a reverse proxy the address
is the one the proxy forwards, and only proxies the owner named are believed.

A guesser spreading over many addresses is slowed by argon2 (each guess costs the hub tens of
milliseconds of hashing, see :mod:`orbithub.api.auth`) and by the per-address ceiling; no
counter keyed on the user name alone exists, since that is what turned the old limit against
the owner.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

__all__ = ["LoginLimiter", "LoginPolicy"]

_MAX_KEYS = 20_000
"""Keys kept at most; past this the oldest are forgotten (a flood of made-up names)."""


@dataclass(frozen=True, slots=True)
class LoginPolicy:
    """How patient the hub is with failed sign-ins.

    Attributes:
        free_failures: failures of one user name from one address before delays start.
        first_delay: seconds of the first delay; each further failure doubles it.
        max_delay: the longest delay.
        per_address: failures of one address over all user names within ``window`` before
            that address must wait for the window to pass.
        window: seconds failures are remembered.
    """

    free_failures: int = 5
    first_delay: float = 1.0
    max_delay: float = 900.0
    per_address: int = 20
    window: float = 900.0


class LoginLimiter:
    """Counts failed sign-ins per (user name, address) and per address; loop only."""

    def __init__(self, policy: LoginPolicy) -> None:
        self.policy = policy
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        while times and times[0] <= now - self.policy.window:
            times.popleft()
        if not times:
            del self._failures[key]
        return times

    @staticmethod
    def _pair(username: str, address: str) -> str:
        return f"pair:{username.lower()}\x00{address}"

    @staticmethod
    def _address(address: str) -> str:
        return f"addr:{address}"

    def retry_after(self, username: str, address: str, now: float) -> float | None:
        """Seconds until ``username`` may be tried again from ``address``; None: now."""
        policy = self.policy
        waits: list[float] = []
        pair = self._recent(self._pair(username, address), now)
        extra = len(pair) - policy.free_failures
        if extra >= 0:
            delay = min(policy.max_delay, policy.first_delay * 2.0**extra)
            waits.append(pair[-1] + delay - now)
        spread = self._recent(self._address(address), now)
        if len(spread) >= policy.per_address:
            waits.append(spread[len(spread) - policy.per_address] + policy.window - now)
        wait = max(waits, default=0.0)
        return wait if wait > 0 else None

    def fail(self, username: str, address: str, now: float) -> None:
        """Count one failed sign-in of ``username`` from ``address``."""
        if len(self._failures) >= _MAX_KEYS:
            self._forget_oldest(now)
        for key in (self._pair(username, address), self._address(address)):
            self._recent(key, now)
            self._failures.setdefault(key, deque()).append(now)

    def succeed(self, username: str, address: str) -> None:
        """Forget the failures of ``username`` from ``address`` (it signed in)."""
        self._failures.pop(self._pair(username, address), None)

    def _forget_oldest(self, now: float) -> None:
        for key in list(self._failures):
            self._recent(key, now)
        if len(self._failures) >= _MAX_KEYS:
            # Still full of recent keys: drop the older half (dicts keep insertion order).
            for key in list(self._failures)[: _MAX_KEYS // 2]:
                del self._failures[key]
