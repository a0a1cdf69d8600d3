"""The injectable clocks."""

from __future__ import annotations

import asyncio

import pytest

from orbithub.core.clock import ManualClock, ScaledClock


async def test_manual_clock_wakes_sleepers_in_order() -> None:
    clock = ManualClock(start=0)
    woke: list[tuple[str, float]] = []

    async def sleeper(name: str, seconds: float) -> None:
        await clock.sleep(seconds)
        woke.append((name, clock.now()))

    tasks = [asyncio.create_task(sleeper("late", 3600)), asyncio.create_task(sleeper("soon", 60))]
    await asyncio.sleep(0)
    await clock.advance(30)
    assert woke == []
    await clock.advance(7200)
    await asyncio.gather(*tasks)
    assert woke == [("soon", 60), ("late", 3600)]
    assert clock.now() == 7230


async def test_scaled_clock_runs_faster() -> None:
    clock = ScaledClock(speed=1000, start=0)
    await clock.sleep(50)  # 50 ms of real time
    assert 45 <= clock.now() < 5000


def test_scaled_clock_refuses_non_positive_speed() -> None:
    with pytest.raises(ValueError, match="positive"):
        ScaledClock(speed=0)
