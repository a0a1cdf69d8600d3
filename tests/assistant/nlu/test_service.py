"""The assistant acting on the simulated demo home: commands, answers, refusals, questions."""

# ruff: noqa: RUF001 - Chinese answers use Chinese punctuation

from __future__ import annotations

from orbithub.assistant import Intent, Language, Speaker
from orbithub.core.context import Origin
from orbithub.core.events import CommandSent, HubEvent
from orbithub.core.hub import Hub

from .conftest import Guest, running_demo

ALEX = Speaker("alex")


def _commands(hub: Hub) -> list[CommandSent]:
    seen: list[CommandSent] = []

    def note(event: HubEvent) -> None:
        if isinstance(event, CommandSent):
            seen.append(event)

    hub.bus.listen(note)
    return seen


async def test_a_command_goes_through_the_hub_as_the_speaker() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("kitchen-light", "light.on", False)
        sent = _commands(hub)
        reply = await assistant.ask("turn on the kitchn light", speaker=ALEX)
        assert reply.intent is Intent.TURN_ON
        assert reply.targets == ("kitchen-light",)
        assert hub.state.value("kitchen-light", "light.on") is True
        assert [a.path for a in reply.actions] == ["light.on"]
        assert all(a.ok for a in reply.actions)
        (command,) = sent
        assert command.context.origin is Origin.ASSISTANT
        assert command.context.actor == "alex"
        assert "Kitchen light" in reply.answer


async def test_mixed_chinese_and_english_sets_the_living_room_ac() -> None:
    async with running_demo() as (hub, assistant):
        reply = await assistant.ask("把客厅的 AC 调到 24 度", speaker=ALEX)
        assert reply.language is Language.ZH
        assert hub.state.value("living-room-ac", "air-conditioner.target-temperature") == 24
        assert reply.answer == "已将客厅空调调到24度。"


async def test_out_of_range_answers_with_the_allowed_range_and_changes_nothing() -> None:
    async with running_demo() as (hub, assistant):
        before = hub.state.value("bedroom-ac", "air-conditioner.target-temperature")
        reply = await assistant.ask("set the AC in the bedroom to 50 degrees", speaker=ALEX)
        assert "16 to 31" in reply.answer
        assert hub.state.value("bedroom-ac", "air-conditioner.target-temperature") == before
        assert reply.actions == ()  # refused before anything was sent
        chinese = await assistant.ask("把卧室空调调到50度", speaker=ALEX)
        assert "16到31度" in chinese.answer


async def test_an_ambiguous_request_asks_back_and_does_nothing() -> None:
    async with running_demo() as (hub, assistant):
        sent = _commands(hub)
        reply = await assistant.ask("turn on the AC", speaker=ALEX)
        assert reply.needs_clarification
        assert {c.id for c in reply.choices} == {"living-room-ac", "bedroom-ac"}
        assert reply.answer.startswith("Which one do you mean")
        assert sent == []
        chinese = await assistant.ask("打开空调", speaker=ALEX)
        assert chinese.answer == "你指的是哪一个：客厅空调还是卧室空调？"


async def test_all_the_lights_of_the_home_but_not_the_office() -> None:
    async with running_demo() as (hub, assistant):
        for device_id in ("living-room-light", "kitchen-light", "office-desk-lamp"):
            await hub.set(device_id, "light.on", True)
        reply = await assistant.ask("把所有的灯都关了", speaker=ALEX)
        assert len(reply.targets) == 5
        assert hub.state.value("living-room-light", "light.on") is False
        assert hub.state.value("kitchen-light", "light.on") is False
        assert hub.state.value("office-desk-lamp", "light.on") is True


async def test_a_speaker_only_commands_what_they_may() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("front-door-lock", "lock.locked", True)
        refused = await assistant.ask("unlock the front door", speaker=Guest())
        assert refused.answer == "You don't have access to Front door lock."
        assert refused.actions == ()
        assert hub.state.value("front-door-lock", "lock.locked") is True
        unseen = await assistant.ask("turn on the office AC", speaker=Guest())
        assert unseen.targets == ()
        assert not unseen.choices  # never other devices instead
        assert hub.state.value("office-ac", "air-conditioner.on") is not True
        allowed = await assistant.ask("turn on the desk lamp", speaker=Guest())
        assert hub.state.value("desk-lamp", "light.on") is True
        assert allowed.targets == ("desk-lamp",)


async def test_questions_read_the_current_state() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("front-door-lock", "lock.locked", True)
        assert (await assistant.ask("is the front door locked", speaker=ALEX)).answer == (
            "Yes — Front door lock is locked."
        )
        temperature = hub.state.value("bedroom-sensor", "temperature-humidity-sensor.temperature")
        assert isinstance(temperature, float)
        answer = (await assistant.ask("卧室多少度", speaker=ALEX)).answer
        assert answer.startswith("卧室现在")
        assert f"{temperature:.1f}".rstrip("0").rstrip(".") in answer
        air = await assistant.ask("客厅空气质量怎么样", speaker=ALEX)
        assert air.answer.startswith("空气净化器PM2.5")
        car = await assistant.ask("how much range does the car have", speaker=ALEX)
        assert car.answer.startswith("Car has a range of")
        assert car.answer.endswith(" km.")


async def test_a_scene_by_its_chinese_name() -> None:
    async with running_demo() as (hub, assistant):
        reply = await assistant.ask("打开观影模式", speaker=ALEX)
        assert reply.intent is Intent.ACTIVATE_SCENE
        assert reply.answer == "已启动观影模式。"
        assert hub.state.value("living-room-light", "light.brightness") == 20
        assert hub.state.value("living-room-tv", "television.on") is True


async def test_vacuum_and_charging() -> None:
    async with running_demo() as (_, assistant):
        reply = await assistant.ask("扫地机器人开始扫地", speaker=ALEX)
        assert [(a.kind, a.path) for a in reply.actions] == [("call", "vacuum.start-sweep")]
        charge = await assistant.ask("stop charging", speaker=ALEX)
        assert [(a.device_id, a.path) for a in charge.actions] == [("car", "charging.stop-charge")]


async def test_something_the_home_cannot_do() -> None:
    async with running_demo() as (_, assistant):
        reply = await assistant.ask("给我讲个笑话", speaker=ALEX)
        assert reply.intent is Intent.UNKNOWN
        assert reply.answer.startswith("抱歉")
        empty = await assistant.ask("   ", speaker=ALEX)
        assert empty.intent is Intent.UNKNOWN


async def test_the_answer_to_which_one_finishes_the_request() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("bedroom-ac", "air-conditioner.on", False)
        await hub.set("living-room-ac", "air-conditioner.on", False)
        asked = await assistant.ask("turn on the AC", speaker=ALEX)
        assert asked.needs_clarification
        done = await assistant.ask("the bedroom one", speaker=ALEX)
        assert done.intent is Intent.TURN_ON
        assert done.targets == ("bedroom-ac",)
        assert hub.state.value("bedroom-ac", "air-conditioner.on") is True
        assert hub.state.value("living-room-ac", "air-conditioner.on") is False
        # Another speaker's answer does not complete alex's question; the question lapses.
        await assistant.ask("把空调调到24度", speaker=ALEX)
        other = await assistant.ask("第一个", speaker=Speaker("mei"))
        assert other.intent is Intent.UNKNOWN
        first = await assistant.ask("第一个", speaker=ALEX)
        assert first.targets == ("living-room-ac",)
        assert hub.state.value("living-room-ac", "air-conditioner.target-temperature") == 24
        again = await assistant.ask("第一个", speaker=ALEX)
        assert again.intent is Intent.UNKNOWN


async def test_a_refused_value_switches_nothing_on_first() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("kitchen-light", "light.on", False)
        sent = _commands(hub)
        reply = await assistant.ask("set the kitchen light to 0%", speaker=ALEX)
        assert reply.answer == "Kitchen light only goes from 1 to 100%; I left it as it was."
        assert sent == []
        assert hub.state.value("kitchen-light", "light.on") is False
        off_step = await assistant.ask("把卧室空调调到23.3度", speaker=ALEX)
        assert off_step.answer == "卧室空调只能设在16到31度之间，每档0.5，我没有改动。"
