"""One injectable clock for the whole hub, so tests jump time and the demo runs time faster.

Everything that asks "what time is it" or "wake me in N seconds" goes through a :class:`Clock`:
the hub's timestamps, the simulators' physics, later the scheduler. Tests use
:class:`ManualClock` and advance it instead of sleeping.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from typing import Protocol

__all__ = ["Clock", "ManualClock", "ScaledClock", "SystemClock"]


class Clock(Protocol):
    """A source of time in epoch seconds, with a matching sleep."""

    def now(self) -> float:
        """Current time, epoch seconds."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` of this clock's time."""
        ...


class SystemClock:
    """Wall-clock time."""

    def now(self) -> float:
        """Current wall-clock time."""
        return time.time()

    async def sleep(self, seconds: float) -> None:
        """Sleep in real time."""
        await asyncio.sleep(max(0.0, seconds))


class ScaledClock:
    """Time that runs ``speed`` times faster than the wall clock, from ``start``.

    The demo uses it so a simulated day passes in minutes while every timestamp stays coherent.
    """

    def __init__(self, speed: float = 1.0, start: float | None = None) -> None:
        if speed <= 0:
            raise ValueError(f"clock speed must be positive, got {speed}")
        self.speed = speed
        self._origin_real = time.monotonic()
        self._origin = time.time() if start is None else start

    def now(self) -> float:
        """Current scaled time."""
        return self._origin + (time.monotonic() - self._origin_real) * self.speed

    async def sleep(self, seconds: float) -> None:
        """Sleep ``seconds`` of scaled time (``seconds / speed`` real seconds)."""
        await asyncio.sleep(max(0.0, seconds) / self.speed)


class ManualClock:
    """A clock that only moves when told to; sleepers wake as :meth:`advance` passes them."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self._now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._counter = itertools.count()

    def now(self) -> float:
        """The time the clock was last set or advanced to."""
        return self._now

    async def sleep(self, seconds: float) -> None:
        """Wait until the clock has been advanced past ``now + seconds``."""
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self._now + seconds, next(self._counter), future))
        await future

    async def advance(self, seconds: float) -> None:
        """Move time forward, waking each sleeper in due order and letting it run."""
        target = self._now + seconds
        while self._sleepers and self._sleepers[0][0] <= target:
            when, _, future = heapq.heappop(self._sleepers)
            self._now = max(self._now, when)
            if not future.done():
                future.set_result(None)
            # Let the woken task run (and perhaps sleep again) before time moves on.
            for _ in range(5):
                await asyncio.sleep(0)
        self._now = target
