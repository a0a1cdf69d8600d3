"""Any async context manager as a :class:`~orbithub.core.lifecycle.Service`.

Most parts of the hub are started by a context manager (the broker, the hub core) or by a
function that puts loops in a task group (the companion, automations). :class:`HeldContext`
runs either under the one lifecycle without rewriting it: a task of its own enters the context
on start and leaves it on stop, so the context is entered and left in the same task (a task
group or timeout inside it would otherwise cancel the wrong task).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Generic, TypeVar

from orbithub.core.lifecycle import Service
from orbithub.core.tasks import task_scope

__all__ = ["HeldContext", "Later", "scoped"]

T = TypeVar("T")


class HeldContext(Generic[T]):
    """A service that holds ``enter()``'s context from :meth:`start` until :meth:`stop`.

    Args:
        name: a short name for log lines.
        enter: makes the context; called on start, so it may read parts started before it.
    """

    def __init__(self, name: str, enter: Callable[[], AbstractAsyncContextManager[T]]) -> None:
        self._name = name
        self._enter = enter
        self._entered: asyncio.Future[T] | None = None
        self._stopping = asyncio.Event()
        self._holder: asyncio.Task[None] | None = None

    @property
    def name(self) -> str:
        """A short name for log lines."""
        return self._name

    @property
    def value(self) -> T:
        """What the context gave; only once started."""
        if self._entered is None or not self._entered.done():
            raise RuntimeError(f"{self._name} is not started")
        return self._entered.result()

    async def start(self, tasks: asyncio.TaskGroup) -> None:
        """Enter the context in a task of its own; its error on entry is raised here."""
        entered: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._entered = entered
        self._holder = tasks.create_task(self._hold(entered), name=f"orbithub-{self._name}")
        await entered

    async def stop(self) -> None:
        """Leave the context and wait until it has been left."""
        self._stopping.set()
        if self._holder is None:
            return
        # Waited for, not awaited: the holder being cancelled with its task group is not this
        # caller being cancelled.
        await asyncio.wait({self._holder})
        if not self._holder.cancelled() and (error := self._holder.exception()) is not None:
            raise error

    async def _hold(self, entered: asyncio.Future[T]) -> None:
        try:
            async with self._enter() as value:
                if entered.cancelled():
                    return  # the start was given up (the run is being cancelled)
                entered.set_result(value)
                await self._stopping.wait()
        except BaseException as exc:
            if not entered.done():
                # A failed start is the starter's error, not the task group's.
                entered.set_exception(exc)
                return
            raise


def scoped(
    start: Callable[[asyncio.TaskGroup], Awaitable[T]],
    *,
    close: Callable[[T], Awaitable[None]] | None = None,
) -> Callable[[], AbstractAsyncContextManager[T]]:
    """A context for a part started by ``start(tasks)``: its loops end when it stops.

    ``close`` runs after the loops have ended (a push client closed once nothing sends).
    """

    @asynccontextmanager
    async def context() -> AsyncIterator[T]:
        started: list[T] = []
        try:
            async with task_scope() as tasks:
                started.append(await start(tasks))
                yield started[0]
        finally:
            if close is not None and started:
                await close(started[0])

    return context


class Later:
    """A service made only when it starts, from what the parts before it gave (a broker's URL).

    Args:
        name: a short name for log lines.
        make: makes the service; called on start.
    """

    def __init__(self, name: str, make: Callable[[], Service]) -> None:
        self._name = name
        self._make = make
        self._service: Service | None = None

    @property
    def name(self) -> str:
        """A short name for log lines."""
        return self._name

    async def start(self, tasks: asyncio.TaskGroup) -> None:
        """Make the service and start it."""
        service = self._make()
        await service.start(tasks)
        self._service = service

    async def stop(self) -> None:
        """Stop the service made on start."""
        if self._service is not None:
            await self._service.stop()
