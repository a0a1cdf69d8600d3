"""A yes/no question is answered yes or no first, then with the state behind it."""

# ruff: noqa: RUF001 - Chinese answers use Chinese punctuation

from __future__ import annotations

import pytest

from orbithub.assistant import Speaker

from .conftest import running_demo

ALEX = Speaker("alex")


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Is the car charging?", "No — Car: plugged in but not charging."),
        ("车在充电吗", "没有，汽车：插着枪但没在充电。"),
        ("is the front door locked?", "Yes — Front door lock is locked."),
        ("is the front door open?", "No — Front door sensor is closed."),
        ("前门开着吗", "没有，前门门磁关着。"),
        ("is the kitchen light off?", "Yes — Kitchen light is off."),
        ("厨房灯开着吗", "没有，厨房灯关着。"),
        ("is Mei at home?", "Yes — Mei is home."),
        ("what's the car's range", "Car has a range of 274.3 km."),
    ],
)
async def test_yes_or_no_then_the_detail(text: str, answer: str) -> None:
    async with running_demo() as (hub, assistant):
        hub.report("car", "charging.charging-state", 1)  # plugged in, not charging
        await hub.set("kitchen-light", "light.on", False)
        reply = await assistant.ask(text, speaker=ALEX)
        assert reply.answer == answer
