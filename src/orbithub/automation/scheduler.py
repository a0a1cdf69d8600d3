"""Timers on the hub's clock: each keyed timer wakes once at its due time, or is cancelled.

Sleeping goes through ``clock.sleep`` in a loop that re-reads ``clock.now()``, so a
:class:`~orbithub.core.clock.ManualClock` jumping hours wakes exactly the timers that are due,
in order, and a wall clock that drifts still wakes at the right instant.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from orbithub.core.clock import Clock

__all__ = ["Scheduler"]

_LOGGER = logging.getLogger(__name__)


class Scheduler:
    """Keyed one-shot timers owned by a task group. Loop only.

    Args:
        clock: the hub's clock.
        tasks: the task group that owns every timer's task.
    """

    def __init__(self, clock: Clock, tasks: asyncio.TaskGroup) -> None:
        self._clock = clock
        self._tasks = tasks
        self._timers: dict[str, tuple[float, asyncio.Task[None]]] = {}

    def at(self, key: str, due: float, callback: Callable[[], None]) -> None:
        """Call ``callback`` (loop only, must not block) at ``due``; replaces a timer of ``key``."""
        self.cancel(key)
        task = self._tasks.create_task(self._wait(key, due, callback), name=f"timer {key}")
        self._timers[key] = (due, task)

    def cancel(self, key: str) -> bool:
        """Stop a timer; True when one was pending."""
        entry = self._timers.pop(key, None)
        if entry is None:
            return False
        entry[1].cancel()
        return True

    def due(self, key: str) -> float | None:
        """When a pending timer is due, None when there is none."""
        entry = self._timers.get(key)
        return None if entry is None else entry[0]

    def __len__(self) -> int:
        return len(self._timers)

    async def _wait(self, key: str, due: float, callback: Callable[[], None]) -> None:
        while (remaining := due - self._clock.now()) > 0:
            await self._clock.sleep(remaining)
        entry = self._timers.get(key)
        if entry is not None and entry[1] is asyncio.current_task():
            del self._timers[key]
        try:
            callback()
        except Exception:
            # A broken callback must not take the engine's task group down with it.
            _LOGGER.exception("timer %s failed", key)
