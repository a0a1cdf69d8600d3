"""The start, stop and retry pacing shared by the writers that batch bus events into the database.

The recorder (history and events) and the audit trail (commands) both listen to the bus, gather
what they hear, and write it from a task of their own; this module is the part they share, so a
fix to how they stop or retry is made once.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Coroutine
from typing import Any, Final

from orbithub.core.bus import Bus
from orbithub.core.events import HubEvent

__all__ = ["BACKOFF_MAX", "WriterLoop", "next_backoff", "wait_for"]

BACKOFF_MAX: Final = 30.0
"""The longest pause between two failed writes, in seconds."""


def next_backoff(backoff: float) -> float:
    """The pause after another failed write: doubling from half a second up to ``BACKOFF_MAX``.

    Jittered, so that many hubs behind one PostgreSQL do not retry in step.
    """
    pause = min(BACKOFF_MAX, max(0.5, backoff * 2))
    return pause * (0.5 + random.random() / 2)  # noqa: S311 - jitter, not security


async def wait_for(event: asyncio.Event, seconds: float) -> None:
    """Wait until ``event`` is set or ``seconds`` have passed, whichever comes first."""
    try:
        async with asyncio.timeout(seconds):
            await event.wait()
    except TimeoutError:
        pass


class WriterLoop:
    """A writer's bus listener and the task that writes what it gathered. Loop only.

    Args:
        bus: the hub's bus.
        label: what the writer is called in errors (``recorder``).
        task_name: the name of the writing task.

    Attributes:
        wake: set by the listener when there is something to write.
        stopped: set when the writer stops; the writing loop ends when it sees it.
    """

    def __init__(self, bus: Bus, label: str, task_name: str) -> None:
        self.wake = asyncio.Event()
        self.stopped = asyncio.Event()
        self._bus = bus
        self._label = label
        self._task_name = task_name
        self._unlisten: Callable[[], None] | None = None
        self._task: asyncio.Task[None] | None = None

    def start(
        self,
        tasks: asyncio.TaskGroup,
        on_event: Callable[[HubEvent], None],
        run: Callable[[], Coroutine[Any, Any, None]],
    ) -> None:
        """Listen with ``on_event`` and run the writing loop ``run`` in ``tasks``."""
        if self._unlisten is not None:
            raise RuntimeError(f"the {self._label} is already started")
        self.stopped.clear()
        self._unlisten = self._bus.listen(on_event)
        self._task = tasks.create_task(run(), name=self._task_name)

    async def stop(self) -> bool:
        """Stop listening and let the writing loop finish.

        Returns:
            True when the loop did not run to its end (it never started, or the task group is
            shutting down because another task failed): what is pending is then the caller's
            to write.
        """
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        self.stopped.set()
        self.wake.set()
        task, self._task = self._task, None
        if task is None:
            return True
        try:
            await task
        except asyncio.CancelledError:
            if not task.cancelled():
                raise  # stop() itself is being cancelled
            return True
        return False
