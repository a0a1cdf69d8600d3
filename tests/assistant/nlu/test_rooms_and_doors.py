"""A named room is never dropped, doors open by their locks, and no access is said plainly."""

# ruff: noqa: RUF001 - Chinese answers use Chinese punctuation

from __future__ import annotations

import pytest

from orbithub.assistant import Intent, Speaker
from orbithub.assistant.evaluate import SPEAKERS

from .conftest import running_demo

ALEX = Speaker("alex")


@pytest.mark.parametrize(
    ("text", "offered", "answer"),
    [
        (
            "turn on the desk lamp in the bedroom",
            ["bedroom-lamp"],
            "There's no desk lamp in the Bedroom. Do you mean Bedside lamp?",
        ),
        ("打开卧室的台灯", ["bedroom-lamp"], "卧室没有台灯。你是指床头灯吗？"),
        ("turn on the kettle in the study", ["kettle"], None),
        ("set the kitchen AC to 24", ["living-room-ac", "bedroom-ac"], None),
    ],
)
async def test_a_room_without_the_device_asks_and_switches_nothing(
    text: str, offered: list[str], answer: str | None
) -> None:
    async with running_demo() as (hub, assistant):
        before = {d.id: hub.state.value(d.id, "light.on") for d in hub.registry}
        reply = await assistant.ask(text, speaker=ALEX)
        assert reply.needs_clarification
        assert [c.id for c in reply.choices] == offered
        assert reply.actions == ()
        if answer is not None:
            assert reply.answer == answer
        assert {d.id: hub.state.value(d.id, "light.on") for d in hub.registry} == before


async def test_yes_takes_the_single_offer_and_no_declines_it() -> None:
    async with running_demo() as (hub, assistant):
        await assistant.ask("turn on the desk lamp in the bedroom", speaker=ALEX)
        done = await assistant.ask("yes", speaker=ALEX)
        assert done.targets == ("bedroom-lamp",)
        assert hub.state.value("bedroom-lamp", "light.on") is True
        assert hub.state.value("desk-lamp", "light.on") is False
        await assistant.ask("打开卧室的电视", speaker=ALEX)
        declined = await assistant.ask("不用了", speaker=ALEX)
        assert declined.actions == ()
        assert hub.state.value("living-room-tv", "television.on") is False


@pytest.mark.parametrize("text", ["open the front door", "打开前门", "开门", "unlock the door"])
async def test_opening_a_door_goes_to_its_lock_not_its_sensor(text: str) -> None:
    async with running_demo() as (_, assistant):
        seen = await assistant.interpret(text, speaker=ALEX)
        assert seen.intent is Intent.UNLOCK
        assert seen.targets == ("front-door-lock",)


@pytest.mark.parametrize("text", ["open the garage door", "打开车库门", "open the garage"])
async def test_nothing_opens_a_garage_without_a_garage_door(text: str) -> None:
    async with running_demo() as (hub, assistant):
        reply = await assistant.ask(text, speaker=ALEX)
        assert reply.actions == ()
        assert not reply.choices
        assert hub.state.value("front-door-lock", "lock.locked") is True


@pytest.mark.parametrize(
    ("speaker", "text", "answer"),
    [
        ("sam", "open the front door", "You don't have access to Front door lock."),
        ("sam", "前门解锁", "你没有权限控制前门门锁。"),
        ("leo", "unlock the front door", "I can't find the front door."),
        ("leo", "打开床头灯", "我找不到床头灯。"),
        ("guest", "turn on the kitchen light", "I can't find the kitchen light."),
        # A typo is said back as typed: the name it matched would give the device away.
        ("guest", "turn on the bedroom acc", "I can't find the bedroom acc."),
    ],
)
async def test_no_access_is_said_plainly_without_offering_other_devices(
    speaker: str, text: str, answer: str
) -> None:
    async with running_demo() as (_, assistant):
        reply = await assistant.ask(text, speaker=SPEAKERS[speaker])
        assert reply.answer == answer
        assert not reply.choices
        assert reply.actions == ()
