"""Opening or closing a curtain a bit moves it by a step from where it is, and says where to."""

from __future__ import annotations

import asyncio

import pytest

from orbithub.assistant import Assistant, Intent, Speaker
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub

from .conftest import T0, demo_assistant, demo_hub, running_demo

ALEX = Speaker("alex")
TARGET = "curtain.target-position"
CURRENT = "curtain.current-position"


async def _rest_at(hub: Hub, clock: ManualClock, device_id: str, position: int) -> None:
    """Send the curtain to ``position`` and let the motor get there."""
    await hub.set(device_id, TARGET, position)
    await asyncio.sleep(0)  # the simulation's tick task waits on the clock from its first turn
    await clock.advance(60)
    assert hub.state.value(device_id, CURRENT) == position


@pytest.mark.parametrize(
    ("text", "value", "targets"),
    [
        ("open the living room curtains a bit", "up", {"living-room-curtain"}),
        ("close the bedroom blinds a little", "down", {"bedroom-curtain"}),
        ("raise the bedroom curtain slightly", "up", {"bedroom-curtain"}),
        ("open the bedroom curtains by 10%", "+10", {"bedroom-curtain"}),
        ("把客厅窗帘开一点", "up", {"living-room-curtain"}),
        ("卧室窗帘稍微关一些", "down", {"bedroom-curtain"}),
        ("客厅窗帘拉开一点儿", "up", {"living-room-curtain"}),
    ],
)
async def test_a_bit_is_a_relative_position(text: str, value: str, targets: set[str]) -> None:
    assistant = demo_assistant(demo_hub(ManualClock(start=T0)))
    try:
        seen = await assistant.interpret(text, speaker=ALEX)
    finally:
        assistant.close()
    assert seen.intent is Intent.SET_POSITION
    assert seen.heard.parsed.value == value
    assert set(seen.targets) == targets


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("open the living room curtains", Intent.OPEN),
        ("关上客厅窗帘", Intent.CLOSE),
        ("open the bedroom curtains to 30%", Intent.SET_POSITION),
    ],
)
async def test_without_a_bit_the_curtain_still_goes_all_the_way_or_to_the_number(
    text: str, intent: Intent
) -> None:
    assistant: Assistant = demo_assistant(demo_hub(ManualClock(start=T0)))
    try:
        seen = await assistant.interpret(text, speaker=ALEX)
    finally:
        assistant.close()
    assert seen.intent is intent
    assert seen.heard.parsed.value not in ("up", "down")


async def test_english_opens_and_closes_a_bit_and_says_the_new_position() -> None:
    clock = ManualClock(start=T0)
    async with running_demo(clock) as (hub, assistant):
        await _rest_at(hub, clock, "living-room-curtain", 20)
        opened = await assistant.ask("open the living room curtains a bit", speaker=ALEX)
        assert hub.state.value("living-room-curtain", TARGET) == 40
        assert [(a.path, a.value, a.ok) for a in opened.actions] == [(TARGET, 40.0, True)]
        assert opened.answer == "Living room curtain opened to 40%."

        await clock.advance(60)
        closed = await assistant.ask("close the living room blinds a little", speaker=ALEX)
        assert hub.state.value("living-room-curtain", TARGET) == 20
        assert closed.answer == "Living room curtain closed to 20%."


async def test_chinese_opens_and_closes_a_bit_and_says_the_new_position() -> None:
    clock = ManualClock(start=T0)
    async with running_demo(clock) as (hub, assistant):
        await _rest_at(hub, clock, "bedroom-curtain", 50)
        opened = await assistant.ask("把卧室窗帘开一点", speaker=ALEX)
        assert hub.state.value("bedroom-curtain", TARGET) == 70
        assert opened.answer == "已将卧室窗帘开到70%。"

        await clock.advance(60)
        closed = await assistant.ask("卧室窗帘关一点", speaker=ALEX)
        assert hub.state.value("bedroom-curtain", TARGET) == 50
        assert closed.answer == "已将卧室窗帘关到50%。"


async def test_a_bit_stops_at_fully_open_and_fully_closed() -> None:
    clock = ManualClock(start=T0)
    async with running_demo(clock) as (hub, assistant):
        await _rest_at(hub, clock, "living-room-curtain", 95)
        opened = await assistant.ask("open the living room curtain a bit", speaker=ALEX)
        assert hub.state.value("living-room-curtain", TARGET) == 100
        assert opened.answer == "Living room curtain opened to 100%."

        await _rest_at(hub, clock, "bedroom-curtain", 5)
        closed = await assistant.ask("把卧室窗帘关一点", speaker=ALEX)
        assert hub.state.value("bedroom-curtain", TARGET) == 0
        assert closed.answer == "已将卧室窗帘关到0%。"


async def test_both_curtains_asked_back_then_each_says_its_own_position() -> None:
    clock = ManualClock(start=T0)
    async with running_demo(clock) as (hub, assistant):
        await _rest_at(hub, clock, "living-room-curtain", 10)
        await _rest_at(hub, clock, "bedroom-curtain", 50)
        asked = await assistant.ask("把窗帘开一点", speaker=ALEX)
        assert asked.needs_clarification
        assert hub.state.value("living-room-curtain", TARGET) == 10
        reply = await assistant.ask("都要", speaker=ALEX)
        assert hub.state.value("living-room-curtain", TARGET) == 30
        assert hub.state.value("bedroom-curtain", TARGET) == 70
        assert reply.answer == "已将客厅窗帘开到30%。已将卧室窗帘开到70%。"
