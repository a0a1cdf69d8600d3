"""A question asked back is answered only by an answer; anything else is a new request."""

from __future__ import annotations

import pytest

from orbithub.assistant import Intent, Language, Speaker
from orbithub.assistant.service import FOLLOW_UP_S
from orbithub.core.clock import ManualClock

from .conftest import T0, running_demo

ALEX = Speaker("alex")


@pytest.mark.parametrize(
    ("question", "command"),
    [
        ("turn on the light", "关掉厨房灯"),
        ("开灯", "turn off the kitchen light"),
        ("turn on the light", "turn off the kitchen light"),
        ("开灯", "关掉厨房灯"),
    ],
)
async def test_a_new_command_cancels_the_question_and_does_what_it_says(
    question: str, command: str
) -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("kitchen-light", "light.on", True)
        asked = await assistant.ask(question, speaker=ALEX)
        assert asked.needs_clarification
        reply = await assistant.ask(command, speaker=ALEX)
        assert reply.intent is Intent.TURN_OFF
        assert hub.state.value("kitchen-light", "light.on") is False
        # The question is gone: an answer now asks for nothing.
        late = await assistant.ask("the bedroom one", speaker=ALEX)
        assert late.intent is Intent.UNKNOWN
        assert hub.state.value("bedroom-lamp", "light.on") is False


async def test_answers_by_number_both_and_cancel() -> None:
    async with running_demo() as (hub, assistant):
        await assistant.ask("turn on the AC", speaker=ALEX)
        second = await assistant.ask("2", speaker=ALEX)
        assert second.targets == ("bedroom-ac",)
        await assistant.ask("打开空调", speaker=ALEX)
        both = await assistant.ask("两个都要", speaker=ALEX)
        assert set(both.targets) == {"living-room-ac", "bedroom-ac"}
        await hub.set("living-room-ac", "air-conditioner.on", False)
        await assistant.ask("turn off the AC", speaker=ALEX)
        cancelled = await assistant.ask("cancel", speaker=ALEX)
        assert cancelled.actions == ()
        assert "cancelled" in cancelled.answer
        assert hub.state.value("bedroom-ac", "air-conditioner.on") is True


async def test_a_question_expires() -> None:
    clock = ManualClock(start=T0)
    async with running_demo(clock) as (hub, assistant):
        await assistant.ask("turn on the AC", speaker=ALEX)
        await clock.advance(FOLLOW_UP_S + 1)
        late = await assistant.ask("the bedroom one", speaker=ALEX)
        assert late.intent is Intent.UNKNOWN
        assert late.actions == ()
        assert hub.state.value("bedroom-ac", "air-conditioner.on") is False


async def test_a_tapped_choice_finishes_the_request_in_the_questions_language() -> None:
    async with running_demo() as (hub, assistant):
        asked = await assistant.ask("打开空调", speaker=ALEX, language=Language.EN)
        assert asked.language is Language.ZH
        assert [c.name for c in asked.choices] == ["客厅空调", "卧室空调"]
        wrong = await assistant.choose("kettle", speaker=ALEX)
        assert wrong.needs_clarification
        done = await assistant.choose("bedroom-ac", speaker=ALEX)
        assert done.language is Language.ZH
        assert done.targets == ("bedroom-ac",)
        assert hub.state.value("bedroom-ac", "air-conditioner.on") is True
        nothing = await assistant.choose("bedroom-ac", speaker=ALEX)
        assert nothing.intent is Intent.UNKNOWN


@pytest.mark.parametrize(
    ("text", "app", "language"),
    [
        ("turn on the kitchen light", Language.ZH, Language.EN),
        ("打开厨房灯", Language.EN, Language.ZH),
        ("把客厅的 AC 关掉", Language.EN, Language.ZH),
        ("turn on the 台灯", Language.ZH, Language.EN),
    ],
)
async def test_each_sentence_is_answered_in_its_own_language(
    text: str, app: Language, language: Language
) -> None:
    async with running_demo() as (_, assistant):
        reply = await assistant.ask(text, speaker=ALEX, language=app)
        assert reply.language is language
        assert reply.intent is not Intent.UNKNOWN
        assert reply.actions
