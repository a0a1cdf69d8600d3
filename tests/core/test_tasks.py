"""Task scopes end their long-lived tasks with the block."""

from __future__ import annotations

import asyncio

import pytest

from orbithub.core.tasks import task_scope


async def test_leaving_the_scope_cancels_running_tasks() -> None:
    cancelled = asyncio.Event()

    async def forever() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            cancelled.set()

    async with task_scope() as tasks:
        tasks.create_task(forever())
        await asyncio.sleep(0)
    assert cancelled.is_set()


async def test_a_failing_task_still_reaches_the_caller() -> None:
    async def broken() -> None:
        raise RuntimeError("adapter crashed")

    async def run() -> None:
        async with task_scope() as tasks:
            tasks.create_task(broken())
            await asyncio.sleep(0.01)

    with pytest.raises(ExceptionGroup) as info:
        await run()
    assert info.group_contains(RuntimeError, match="adapter crashed")
