"""A mode and a temperature in one sentence: the mode is set, then the temperature, both said."""

# ruff: noqa: RUF001 - Chinese answers use Chinese punctuation

from __future__ import annotations

import pytest

from orbithub.assistant import Intent, Language, Speaker
from orbithub.core.clock import ManualClock
from orbithub.core.context import Origin
from orbithub.core.events import CommandSent, HubEvent
from orbithub.core.hub import Hub

from .conftest import T0, demo_assistant, demo_hub, running_demo

ALEX = Speaker("alex")
MODE = "air-conditioner.mode"
TARGET = "air-conditioner.target-temperature"
COOL, HEAT, AUTO = 1, 3, 0


def _commands(hub: Hub) -> list[CommandSent]:
    seen: list[CommandSent] = []

    def note(event: HubEvent) -> None:
        if isinstance(event, CommandSent):
            seen.append(event)

    hub.bus.listen(note)
    return seen


@pytest.mark.parametrize(
    ("text", "mode", "degrees"),
    [
        ("空调开到制冷26度", "cool", 26.0),
        ("set the bedroom AC to cool at 24 degrees", "cool", 24.0),
        ("卧室空调制热22度", "heat", 22.0),
        ("switch the living room AC to heat mode, 22 degrees", "heat", 22.0),
        ("set the bedroom AC to 23 degrees in cool mode", "cool", 23.0),
    ],
)
async def test_the_sentence_is_read_as_a_mode_with_its_temperature(
    text: str, mode: str, degrees: float
) -> None:
    assistant = demo_assistant(demo_hub(ManualClock(start=T0)))
    try:
        heard = await assistant.understand(text)
    finally:
        assistant.close()
    assert heard.parsed.intent is Intent.SET_MODE
    assert (heard.parsed.value, heard.parsed.temperature) == (mode, degrees)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("把卧室空调调到制冷", Intent.SET_MODE),
        ("set the bedroom AC to cool", Intent.SET_MODE),
        ("set the bedroom AC to 24 degrees", Intent.SET_TEMPERATURE),
        ("把卧室空调调到24度", Intent.SET_TEMPERATURE),
    ],
)
async def test_a_mode_or_a_temperature_alone_stays_alone(text: str, intent: Intent) -> None:
    assistant = demo_assistant(demo_hub(ManualClock(start=T0)))
    try:
        heard = await assistant.understand(text)
    finally:
        assistant.close()
    assert heard.parsed.intent is intent
    assert heard.parsed.temperature is None


async def test_english_sets_the_mode_then_the_temperature_through_the_hub() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("bedroom-ac", MODE, AUTO)
        await hub.set("bedroom-ac", TARGET, 20)
        sent = _commands(hub)
        reply = await assistant.ask("set the bedroom AC to cool at 24 degrees", speaker=ALEX)
        assert reply.intent is Intent.SET_MODE
        assert reply.targets == ("bedroom-ac",)
        assert [c.path for c in sent] == [MODE, TARGET]
        assert all(c.confirmed for c in sent)
        assert all(c.context.origin is Origin.ASSISTANT for c in sent)
        assert all(c.context.actor == "alex" for c in sent)
        assert hub.state.value("bedroom-ac", MODE) == COOL
        assert hub.state.value("bedroom-ac", TARGET) == 24
        assert [(a.path, a.value, a.ok) for a in reply.actions] == [
            (MODE, COOL, True),
            (TARGET, 24.0, True),
        ]
        assert reply.answer == "Bedroom AC switched to cool mode at 24 °C."


async def test_chinese_sets_both_and_says_both() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("bedroom-ac", MODE, COOL)
        await hub.set("bedroom-ac", TARGET, 26)
        reply = await assistant.ask("卧室空调制热22度", speaker=ALEX)
        assert reply.language is Language.ZH
        assert hub.state.value("bedroom-ac", MODE) == HEAT
        assert hub.state.value("bedroom-ac", TARGET) == 22
        assert reply.answer == "已将卧室空调切换到制热模式，温度调到22度。"


async def test_which_ac_is_asked_back_and_the_answer_sets_both() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("living-room-ac", MODE, HEAT)
        await hub.set("living-room-ac", TARGET, 20)
        asked = await assistant.ask("空调开到制冷26度", speaker=ALEX)
        assert asked.needs_clarification
        assert hub.state.value("living-room-ac", MODE) == HEAT
        reply = await assistant.ask("客厅的", speaker=ALEX)
        assert reply.targets == ("living-room-ac",)
        assert hub.state.value("living-room-ac", MODE) == COOL
        assert hub.state.value("living-room-ac", TARGET) == 26
        assert reply.answer == "已将客厅空调切换到制冷模式，温度调到26度。"


async def test_a_temperature_out_of_range_refuses_the_whole_request() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("bedroom-ac", MODE, COOL)
        await hub.set("bedroom-ac", TARGET, 25)
        sent = _commands(hub)
        reply = await assistant.ask("set the bedroom AC to heat at 50 degrees", speaker=ALEX)
        # The spec refuses 50 °C, so nothing is sent: not even the mode said with it.
        assert hub.state.value("bedroom-ac", MODE) == COOL
        assert hub.state.value("bedroom-ac", TARGET) == 25
        assert reply.actions == ()
        assert sent == []
        assert reply.answer == "Bedroom AC only goes from 16 to 31 °C; I left it as it was."
        chinese = await assistant.ask("卧室空调制热40度", speaker=ALEX)
        assert hub.state.value("bedroom-ac", MODE) == COOL
        assert chinese.answer == "卧室空调只能设在16到31度之间，我没有改动。"


async def test_a_device_without_a_temperature_changes_nothing() -> None:
    async with running_demo() as (hub, assistant):
        sent = _commands(hub)
        reply = await assistant.ask("set the air purifier to sleep mode at 24 degrees")
        assert sent == []
        assert reply.actions == ()
        assert "can't do that" in reply.answer
