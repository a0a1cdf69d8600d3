"""Services start in order and stop in reverse, each within its time, none ever skipped."""

from __future__ import annotations

import asyncio
import logging

import pytest

from orbithub.core.lifecycle import Service, running


class _Part:
    def __init__(self, name: str, log: list[str], *, stop: str = "ok") -> None:
        self._name = name
        self._log = log
        self._stop = stop

    @property
    def name(self) -> str:
        return self._name

    async def start(self, tasks: asyncio.TaskGroup) -> None:
        self._log.append(f"start {self._name}")

    async def stop(self) -> None:
        if self._stop == "fails":
            raise RuntimeError("disk full")
        if self._stop == "hangs":
            await asyncio.Event().wait()
        self._log.append(f"stop {self._name}")


async def test_started_in_order_and_stopped_in_reverse() -> None:
    log: list[str] = []
    parts: list[Service] = [_Part("recorder", log), _Part("socket", log), _Part("fleet", log)]
    async with asyncio.TaskGroup() as tasks, running(parts, tasks):
        assert log == ["start recorder", "start socket", "start fleet"]
    assert log[3:] == ["stop fleet", "stop socket", "stop recorder"]


async def test_a_failing_or_hanging_stop_never_skips_the_recorder(
    caplog: pytest.LogCaptureFixture,
) -> None:
    log: list[str] = []
    parts: list[Service] = [
        _Part("recorder", log),
        _Part("web", log, stop="hangs"),
        _Part("fleet", log, stop="fails"),
    ]
    with caplog.at_level(logging.ERROR):
        async with asyncio.TaskGroup() as tasks, running(parts, tasks, stop_timeout=0.05):
            pass
    assert log[-1] == "stop recorder"
    assert "web did not stop within 0.05 s" in caplog.text
    assert "fleet failed to stop cleanly" in caplog.text


async def test_a_cancelled_run_still_stops_everything_then_stays_cancelled() -> None:
    log: list[str] = []
    started = asyncio.Event()

    async def run() -> None:
        parts: list[Service] = [_Part("recorder", log), _Part("socket", log)]
        async with asyncio.TaskGroup() as tasks, running(parts, tasks):
            started.set()
            await asyncio.Event().wait()

    task = asyncio.create_task(run())
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert log[2:] == ["stop socket", "stop recorder"]
