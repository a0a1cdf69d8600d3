"""A task group whose tasks end when its block does: long-lived work with an owner.

``asyncio.TaskGroup`` waits for its tasks on exit; loops that run until stopped never end by
themselves. A :func:`task_scope` cancels whatever is still running when its block exits, so
every long-lived task has an owner and none is orphaned.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

__all__ = ["task_scope"]


class _ScopeExit(Exception):
    """Raised inside the group to make it cancel its remaining tasks."""


async def _abort() -> None:
    raise _ScopeExit


@asynccontextmanager
async def task_scope() -> AsyncIterator[asyncio.TaskGroup]:
    """A task group; leaving the block cancels the tasks still running in it."""
    try:
        async with asyncio.TaskGroup() as tasks:
            yield tasks
            # A task group has no cancel(); a child that raises makes it cancel the others.
            tasks.create_task(_abort())
    except* _ScopeExit:
        pass
