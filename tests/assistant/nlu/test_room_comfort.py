"""Warmer, cooler, "太冷了": room comfort is the air's, so the water heater is never asked about.

With no device named, a temperature change goes to the air conditioners (the one in the
speaker's room when the assistant knows it); the water heater only when it is named.
"""

from __future__ import annotations

import pytest

from orbithub.assistant import Intent, Speaker
from orbithub.core.clock import ManualClock

from .conftest import T0, demo_assistant, demo_hub, running_demo

ALEX = Speaker("alex")
ACS = {"living-room-ac", "bedroom-ac"}
AC_TARGET = "air-conditioner.target-temperature"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("make it a little warmer", "up"),
        ("it's too cold", "up"),
        ("make it cooler", "down"),
        ("温度再高一点", "up"),
        ("调暖一点", "up"),
        ("调凉一点", "down"),
        ("太冷了", "up"),
        ("有点热", "down"),
    ],
)
async def test_comfort_without_a_device_asks_among_the_air_conditioners(
    text: str, value: str
) -> None:
    assistant = demo_assistant(demo_hub(ManualClock(start=T0)))
    try:
        seen = await assistant.interpret(text, speaker=ALEX)
    finally:
        assistant.close()
    assert (seen.intent, seen.heard.parsed.value) == (Intent.SET_TEMPERATURE, value)
    assert {d.id for d in seen.choices} == ACS


@pytest.mark.parametrize(
    ("text", "room", "targets"),
    [
        ("make it a little warmer", "bedroom", {"bedroom-ac"}),
        ("调暖一点", "living-room", {"living-room-ac"}),
        ("热水器温度调高一点", "bedroom", {"water-heater"}),
        ("make the water heater a little warmer", None, {"water-heater"}),
    ],
)
async def test_the_speakers_room_or_a_named_device_decides(
    text: str, room: str | None, targets: set[str]
) -> None:
    assistant = demo_assistant(demo_hub(ManualClock(start=T0)))
    try:
        seen = await assistant.interpret(text, speaker=ALEX, room_id=room)
    finally:
        assistant.close()
    assert (seen.intent, set(seen.targets), seen.choices) == (Intent.SET_TEMPERATURE, targets, ())


async def test_comfort_in_the_speakers_room_changes_its_ac() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("bedroom-ac", AC_TARGET, 24)
        reply = await assistant.ask("太冷了", speaker=ALEX, room_id="bedroom")
        assert hub.state.value("bedroom-ac", AC_TARGET) == 25
        assert reply.answer == "已将卧室空调调到25度。"


async def test_a_room_without_an_ac_still_asks_among_the_acs() -> None:
    async with running_demo() as (hub, assistant):
        before = hub.state.value("water-heater", "water-heater.target-temperature")
        reply = await assistant.ask("make it a little warmer", speaker=ALEX, room_id="kitchen")
        assert reply.needs_clarification
        assert {c.id for c in reply.choices} == ACS
        assert reply.answer == "Which one do you mean: Living room AC or Bedroom AC?"
        assert hub.state.value("water-heater", "water-heater.target-temperature") == before
