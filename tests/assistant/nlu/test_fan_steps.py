"""Fan speed "up one level" / "调高一档": a step through the fan's levels, not level 1.

The purifier's fan is a range (1..3), the AC's a value list (Auto, Low, Medium, High); a step
moves one level in order and stops at the ends (never into Auto). A level to reach ("调到三档",
"set the fan to high") is still a target.
"""

from __future__ import annotations

import pytest

from orbithub.assistant import Assistant, Intent, Speaker
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub

from .conftest import T0, demo_assistant, demo_hub, running_demo

ALEX = Speaker("alex")
PURIFIER = ("living-room-purifier", "air-purifier.fan-level")
AC = ("living-room-ac", "fan-control.fan-level")


async def _interpret(text: str) -> tuple[Intent, float | str | None, set[str], set[str]]:
    assistant: Assistant = demo_assistant(demo_hub(ManualClock(start=T0)))
    try:
        seen = await assistant.interpret(text, speaker=ALEX)
    finally:
        assistant.close()
    choices = {d.id for d in seen.choices}
    return seen.intent, seen.heard.parsed.value, set(seen.targets), choices


@pytest.mark.parametrize(
    ("text", "value", "targets"),
    [
        ("空气净化器风速调高一档", "up", {"living-room-purifier"}),
        ("客厅空调风速再低一档", "down", {"living-room-ac"}),
        ("客厅空调风速调大一点", "up", {"living-room-ac"}),
        ("卧室空调风速调小一级", "down", {"bedroom-ac"}),
        ("空气净化器风速再调高两档", "+2", {"living-room-purifier"}),
        ("turn the purifier fan up one level", "up", {"living-room-purifier"}),
        ("turn the living room AC fan down a notch", "down", {"living-room-ac"}),
        ("turn the bedroom AC fan up a bit", "up", {"bedroom-ac"}),
        ("raise the purifier fan speed a level", "up", {"living-room-purifier"}),
    ],
)
async def test_a_fan_step_is_read_as_a_step(text: str, value: str, targets: set[str]) -> None:
    assert await _interpret(text) == (Intent.SET_FAN_LEVEL, value, targets, set())


@pytest.mark.parametrize("text", ["风速再低一档", "fan speed down a notch"])
async def test_a_fan_step_without_a_device_asks_among_the_fans(text: str) -> None:
    fans = {"living-room-ac", "living-room-purifier", "bedroom-ac"}
    assert await _interpret(text) == (Intent.SET_FAN_LEVEL, "down", set(), fans)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("空气净化器调到三档", 3.0),
        ("把空气净化器风速调到高档", "high"),
        ("set the purifier fan to high", "high"),
        ("set the living room AC fan to low", "low"),
    ],
)
async def test_a_fan_level_to_reach_stays_a_target(text: str, value: float | str) -> None:
    intent, seen, _, _ = await _interpret(text)
    assert (intent, seen) == (Intent.SET_FAN_LEVEL, value)


async def _set(hub: Hub, device_id: str, path: str, value: int) -> None:
    await hub.set(device_id, path, value)
    assert hub.state.value(device_id, path) == value


async def test_purifier_fan_steps_up_and_stops_at_its_top_level() -> None:
    async with running_demo() as (hub, assistant):
        await _set(hub, *PURIFIER, 1)
        reply = await assistant.ask("空气净化器风速调高一档", speaker=ALEX)
        assert hub.state.value(*PURIFIER) == 2
        assert reply.answer == "已将空气净化器风速调到中速。"

        reply = await assistant.ask("turn the purifier fan up one level", speaker=ALEX)
        assert hub.state.value(*PURIFIER) == 3
        assert reply.answer == "Fan of Air purifier set to high."

        reply = await assistant.ask("空气净化器风速再高一档", speaker=ALEX)
        assert hub.state.value(*PURIFIER) == 3
        assert reply.answer == "已将空气净化器风速调到高速。"

        reply = await assistant.ask("空气净化器风速调低两档", speaker=ALEX)
        assert hub.state.value(*PURIFIER) == 1
        assert reply.answer == "已将空气净化器风速调到低速。"


async def test_ac_fan_steps_through_its_levels_and_never_into_auto() -> None:
    async with running_demo() as (hub, assistant):
        await _set(hub, *AC, 2)  # Medium
        reply = await assistant.ask("turn the living room AC fan down a notch", speaker=ALEX)
        assert hub.state.value(*AC) == 1
        assert reply.answer == "Fan of Living room AC set to low."

        # Low is the slowest: Auto (0) is not a speed below it.
        reply = await assistant.ask("客厅空调风速再低一档", speaker=ALEX)
        assert hub.state.value(*AC) == 1
        assert reply.answer == "已将客厅空调风速调到低速。"

        reply = await assistant.ask("客厅空调风速调大一点", speaker=ALEX)
        assert hub.state.value(*AC) == 2
        assert reply.answer == "已将客厅空调风速调到中速。"

        await _set(hub, *AC, 3)
        reply = await assistant.ask("turn the living room AC fan up a bit", speaker=ALEX)
        assert hub.state.value(*AC) == 3
        assert reply.answer == "Fan of Living room AC set to high."


async def test_ac_fan_on_auto_steps_from_its_middle_speed() -> None:
    async with running_demo() as (hub, assistant):
        await _set(hub, *AC, 0)  # Auto: the speed it runs at is unknown
        reply = await assistant.ask("客厅空调风速调高一档", speaker=ALEX)
        assert hub.state.value(*AC) == 3
        assert reply.answer == "已将客厅空调风速调到高速。"
