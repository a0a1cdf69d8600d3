"""A part started by a context manager or into a task group runs under the one lifecycle."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from orbithub.core.held import HeldContext, Later, scoped
from orbithub.core.lifecycle import Service, running


async def test_a_later_part_reads_an_earlier_one_and_stops_before_it() -> None:
    log: list[str] = []

    @asynccontextmanager
    async def broker() -> AsyncIterator[str]:
        log.append("broker up")
        yield "mqtt://127.0.0.1:1883"
        log.append("broker down")

    first = HeldContext("broker", broker)

    @asynccontextmanager
    async def client() -> AsyncIterator[str]:
        log.append(f"client on {first.value}")
        yield "client"
        log.append("client down")

    parts: list[Service] = [first, HeldContext("client", client)]
    async with asyncio.TaskGroup() as tasks, running(parts, tasks):
        assert log == ["broker up", "client on mqtt://127.0.0.1:1883"]
    assert log[2:] == ["client down", "broker down"]


async def test_stopping_ends_the_loops_then_closes() -> None:
    log: list[str] = []
    loop_ended = asyncio.Event()

    async def loop() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            loop_ended.set()

    async def start(tasks: asyncio.TaskGroup) -> str:
        tasks.create_task(loop())
        return "push client"

    async def close(value: str) -> None:
        log.append(f"closed {value}; loop ended: {loop_ended.is_set()}")

    part = HeldContext("companion", scoped(start, close=close))
    async with asyncio.TaskGroup() as tasks, running([part], tasks):
        assert not loop_ended.is_set()
    assert log == ["closed push client; loop ended: True"]


async def test_a_failed_start_is_raised_by_start_and_stops_what_started() -> None:
    log: list[str] = []

    @asynccontextmanager
    async def store() -> AsyncIterator[None]:
        yield
        log.append("store stopped")

    async def start(tasks: asyncio.TaskGroup) -> None:
        raise OSError("port 8123 is taken")

    parts: list[Service] = [HeldContext("store", store), HeldContext("api", scoped(start))]
    with pytest.raises(ExceptionGroup) as raised:
        async with asyncio.TaskGroup() as tasks, running(parts, tasks):
            pytest.fail("the block must not run when a part fails to start")
    assert raised.group_contains(OSError, match="8123")
    assert log == ["store stopped"]


async def test_a_value_is_not_there_before_start() -> None:
    @asynccontextmanager
    async def nothing() -> AsyncIterator[int]:
        yield 1

    with pytest.raises(RuntimeError, match="not started"):
        _ = HeldContext("broker", nothing).value


class _Fleet:
    def __init__(self, broker: str, log: list[str]) -> None:
        self._broker = broker
        self._log = log

    @property
    def name(self) -> str:
        return "fleet"

    async def start(self, tasks: asyncio.TaskGroup) -> None:
        self._log.append(f"fleet on {self._broker}")

    async def stop(self) -> None:
        self._log.append("fleet stopped")


async def test_a_later_service_is_made_from_what_started_before_it() -> None:
    log: list[str] = []

    @asynccontextmanager
    async def broker() -> AsyncIterator[str]:
        yield "mqtt://127.0.0.1:41883"
        log.append("broker down")

    first = HeldContext("broker", broker)
    parts: list[Service] = [first, Later("fleet", lambda: _Fleet(first.value, log))]
    async with asyncio.TaskGroup() as tasks, running(parts, tasks):
        assert log == ["fleet on mqtt://127.0.0.1:41883"]
    assert log[1:] == ["fleet stopped", "broker down"]
