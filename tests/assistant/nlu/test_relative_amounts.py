"""Brighter, warmer, louder "a bit" or "by 20%": a change from where the device is, not a target.

A bit is 20 brightness points, 10 volume points or 1 °C; an amount said ("by 10%", "再开20%")
wins; the result stays in the spec's range and the answer says the value reached.
"""

from __future__ import annotations

import asyncio

import pytest

from orbithub.assistant import Assistant, Intent, Speaker
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub

from .conftest import T0, demo_assistant, demo_hub, running_demo

ALEX = Speaker("alex")
BRIGHTNESS = "light.brightness"
VOLUME = "speaker.volume"
AC_TARGET = "air-conditioner.target-temperature"
CURTAIN_TARGET = "curtain.target-position"


async def _interpret(text: str) -> tuple[Intent, float | str | None, set[str]]:
    assistant: Assistant = demo_assistant(demo_hub(ManualClock(start=T0)))
    try:
        seen = await assistant.interpret(text, speaker=ALEX)
    finally:
        assistant.close()
    return seen.intent, seen.heard.parsed.value, set(seen.targets)


@pytest.mark.parametrize(
    ("text", "intent", "value", "targets"),
    [
        ("客厅窗帘再开20%", Intent.SET_POSITION, "+20", {"living-room-curtain"}),
        ("卧室窗帘再关10%", Intent.SET_POSITION, "-10", {"bedroom-curtain"}),
        ("客厅窗帘多开百分之三十", Intent.SET_POSITION, "+30", {"living-room-curtain"}),
        ("客厅吊灯亮度再调高10%", Intent.SET_BRIGHTNESS, "+10", {"living-room-light"}),
        ("把厨房灯调亮20%", Intent.SET_BRIGHTNESS, "+20", {"kitchen-light"}),
        ("厨房灯调暗20%", Intent.SET_BRIGHTNESS, "-20", {"kitchen-light"}),
        ("把台灯再调暗一点", Intent.SET_BRIGHTNESS, "down", {"desk-lamp"}),
        ("客厅空调再降一度", Intent.SET_TEMPERATURE, "-1", {"living-room-ac"}),
        ("卧室空调再升两度", Intent.SET_TEMPERATURE, "+2", {"bedroom-ac"}),
        ("客厅空调温度再高一点", Intent.SET_TEMPERATURE, "up", {"living-room-ac"}),
        ("音量再大一点", Intent.SET_VOLUME, "up", {"living-room-tv"}),
        ("声音小一点", Intent.SET_VOLUME, "down", {"living-room-tv"}),
        ("电视音量调高10", Intent.SET_VOLUME, "+10", {"living-room-tv"}),
        ("电视声音再加五", Intent.SET_VOLUME, "+5", {"living-room-tv"}),
    ],
)
async def test_chinese_relative_changes_are_read_as_changes(
    text: str, intent: Intent, value: str, targets: set[str]
) -> None:
    assert await _interpret(text) == (intent, value, targets)


@pytest.mark.parametrize(
    ("text", "intent", "value", "targets"),
    [
        ("brighten the kitchen light by 20%", Intent.SET_BRIGHTNESS, "+20", {"kitchen-light"}),
        ("dim the kitchen light by 10%", Intent.SET_BRIGHTNESS, "-10", {"kitchen-light"}),
        (
            "lower the kitchen light brightness by 30 percent",
            Intent.SET_BRIGHTNESS,
            "-30",
            {"kitchen-light"},
        ),
        ("make the desk lamp 20% brighter", Intent.SET_BRIGHTNESS, "+20", {"desk-lamp"}),
        ("make the kitchen light a bit brighter", Intent.SET_BRIGHTNESS, "up", {"kitchen-light"}),
        (
            "turn the kitchen light brightness down",
            Intent.SET_BRIGHTNESS,
            "down",
            {"kitchen-light"},
        ),
        ("turn the kitchen light up by 20", Intent.SET_BRIGHTNESS, "+20", {"kitchen-light"}),
        ("turn down the desk lamp a bit", Intent.SET_BRIGHTNESS, "down", {"desk-lamp"}),
        (
            "make the living room a little warmer",
            Intent.SET_TEMPERATURE,
            "up",
            {"living-room-ac"},
        ),
        ("make the bedroom AC 2 degrees cooler", Intent.SET_TEMPERATURE, "-2", {"bedroom-ac"}),
        ("turn the TV up a bit", Intent.SET_VOLUME, "up", {"living-room-tv"}),
        ("turn the TV down a little", Intent.SET_VOLUME, "down", {"living-room-tv"}),
        ("turn the TV volume up by 20", Intent.SET_VOLUME, "+20", {"living-room-tv"}),
        ("lower the tv volume by 5", Intent.SET_VOLUME, "-5", {"living-room-tv"}),
        ("volume down a little", Intent.SET_VOLUME, "down", {"living-room-tv"}),
    ],
)
async def test_english_relative_changes_are_read_as_changes(
    text: str, intent: Intent, value: str, targets: set[str]
) -> None:
    assert await _interpret(text) == (intent, value, targets)


@pytest.mark.parametrize(
    ("text", "intent", "value"),
    [
        ("把厨房灯调到20%", Intent.SET_BRIGHTNESS, 20.0),
        ("厨房灯亮度调高到60%", Intent.SET_BRIGHTNESS, 60.0),
        ("客厅窗帘开到20%", Intent.SET_POSITION, 20.0),
        ("电视音量调到30", Intent.SET_VOLUME, 30.0),
        ("卧室空调调高到26度", Intent.SET_TEMPERATURE, 26.0),
        ("set the kitchen light to 20%", Intent.SET_BRIGHTNESS, 20.0),
        ("turn the TV volume up to 30", Intent.SET_VOLUME, 30.0),
        ("set the bedroom AC to 24 degrees", Intent.SET_TEMPERATURE, 24.0),
    ],
)
async def test_a_value_to_reach_stays_a_target(text: str, intent: Intent, value: float) -> None:
    seen_intent, seen_value, _ = await _interpret(text)
    assert (seen_intent, seen_value) == (intent, value)


async def _set(hub: Hub, device_id: str, path: str, value: float) -> None:
    await hub.set(device_id, path, value)
    assert hub.state.value(device_id, path) == value


async def test_brightness_moves_from_where_it_is_in_both_languages() -> None:
    async with running_demo() as (hub, assistant):
        await _set(hub, "kitchen-light", BRIGHTNESS, 50)
        reply = await assistant.ask("brighten the kitchen light by 20%", speaker=ALEX)
        assert hub.state.value("kitchen-light", BRIGHTNESS) == 70
        assert hub.state.value("kitchen-light", "light.on") is True
        assert reply.answer == "Kitchen light set to 70% brightness."

        reply = await assistant.ask("make the kitchen light a bit dimmer", speaker=ALEX)
        assert hub.state.value("kitchen-light", BRIGHTNESS) == 50
        assert reply.answer == "Kitchen light set to 50% brightness."

        reply = await assistant.ask("把厨房灯调亮20%", speaker=ALEX)
        assert hub.state.value("kitchen-light", BRIGHTNESS) == 70
        assert reply.answer == "已将厨房灯亮度调到70%。"

        reply = await assistant.ask("厨房灯再亮一点", speaker=ALEX)
        assert hub.state.value("kitchen-light", BRIGHTNESS) == 90
        assert reply.answer == "已将厨房灯亮度调到90%。"


async def test_brightness_stops_at_the_ends_of_its_range() -> None:
    async with running_demo() as (hub, assistant):
        await _set(hub, "kitchen-light", BRIGHTNESS, 90)
        reply = await assistant.ask("make the kitchen light a bit brighter", speaker=ALEX)
        assert hub.state.value("kitchen-light", BRIGHTNESS) == 100
        assert reply.answer == (
            "Kitchen light set to 100% brightness. That's as high as Kitchen light goes."
        )

        # The light's range starts at 1: dimming past it leaves the light on at its lowest.
        await _set(hub, "desk-lamp", BRIGHTNESS, 30)
        reply = await assistant.ask("台灯亮度再调低50%", speaker=ALEX)
        assert hub.state.value("desk-lamp", BRIGHTNESS) == 1
        assert reply.answer == "已将台灯亮度调到1%。台灯已经调到最低了。"


async def test_curtain_opens_further_by_the_amount_said() -> None:
    clock = ManualClock(start=T0)
    async with running_demo(clock) as (hub, assistant):
        await _set(hub, "living-room-curtain", CURTAIN_TARGET, 30)
        await asyncio.sleep(0)  # the simulation's tick task waits on the clock from its first turn
        await clock.advance(60)  # a change starts from where the curtain is, not where it goes
        assert hub.state.value("living-room-curtain", "curtain.current-position") == 30
        reply = await assistant.ask("客厅窗帘再开20%", speaker=ALEX)
        assert hub.state.value("living-room-curtain", CURTAIN_TARGET) == 50
        assert reply.answer == "已将客厅窗帘开到50%。"

        reply = await assistant.ask("客厅窗帘再关百分之八十", speaker=ALEX)
        assert hub.state.value("living-room-curtain", CURTAIN_TARGET) == 0
        assert reply.answer == "已将客厅窗帘关到0%。"


async def test_temperature_moves_a_degree_or_as_many_as_said() -> None:
    async with running_demo() as (hub, assistant):
        await _set(hub, "living-room-ac", AC_TARGET, 26)
        reply = await assistant.ask("客厅空调再降一度", speaker=ALEX)
        assert hub.state.value("living-room-ac", AC_TARGET) == 25
        assert reply.answer == "已将客厅空调调到25度。"

        reply = await assistant.ask("make the living room a little warmer", speaker=ALEX)
        assert hub.state.value("living-room-ac", AC_TARGET) == 26
        assert reply.answer == "Living room AC set to 26 °C."

        reply = await assistant.ask("客厅空调温度再高一点", speaker=ALEX)
        assert hub.state.value("living-room-ac", AC_TARGET) == 27
        assert reply.answer == "已将客厅空调调到27度。"

        # The AC goes no lower than 16 °C: two degrees down from 17 stop there.
        await _set(hub, "bedroom-ac", AC_TARGET, 17)
        reply = await assistant.ask("make the bedroom AC 2 degrees cooler", speaker=ALEX)
        assert hub.state.value("bedroom-ac", AC_TARGET) == 16
        assert reply.answer == "Bedroom AC set to 16 °C. That's as low as Bedroom AC goes."


async def test_tv_volume_moves_ten_points_or_as_many_as_said() -> None:
    async with running_demo() as (hub, assistant):
        await _set(hub, "living-room-tv", VOLUME, 20)
        reply = await assistant.ask("turn the TV up a bit", speaker=ALEX)
        assert hub.state.value("living-room-tv", VOLUME) == 30
        assert reply.answer == "Volume of TV set to 30."

        reply = await assistant.ask("电视声音小一点", speaker=ALEX)
        assert hub.state.value("living-room-tv", VOLUME) == 20
        assert reply.answer == "已将电视音量调到20。"

        reply = await assistant.ask("电视音量调高5", speaker=ALEX)
        assert hub.state.value("living-room-tv", VOLUME) == 25
        assert reply.answer == "已将电视音量调到25。"


async def test_tv_volume_stops_at_the_ends_of_its_range() -> None:
    async with running_demo() as (hub, assistant):
        await _set(hub, "living-room-tv", VOLUME, 95)
        reply = await assistant.ask("音量再大一点", speaker=ALEX)
        assert hub.state.value("living-room-tv", VOLUME) == 100
        assert reply.answer == "已将电视音量调到100。电视已经调到最高了。"

        await _set(hub, "living-room-tv", VOLUME, 5)
        reply = await assistant.ask("volume down a little", speaker=ALEX)
        assert hub.state.value("living-room-tv", VOLUME) == 0
        assert reply.answer == "Volume of TV set to 0. That's as low as TV goes."
