"""Which devices a sentence means: lists of rooms, verbs that fit another device, the outdoors."""

from __future__ import annotations

import pytest

from orbithub.assistant import Assistant, Intent, Speaker
from orbithub.core.clock import ManualClock

from .conftest import T0, demo_assistant, demo_hub

ALEX = Speaker("alex")


@pytest.fixture
def assistant() -> Assistant:
    return demo_assistant(demo_hub(ManualClock(start=T0)))


@pytest.mark.parametrize(
    ("text", "intent", "targets"),
    [
        (
            "switch off the garage and kitchen lights",
            Intent.TURN_OFF,
            {"garage-light", "kitchen-light"},
        ),
        ("打开客厅和卧室的空调", Intent.TURN_ON, {"living-room-ac", "bedroom-ac"}),
        ("open the front door", Intent.UNLOCK, {"front-door-lock"}),
        ("turn on the vacuum", Intent.START, {"robot-vacuum"}),
        ("stop the kettle", Intent.TURN_OFF, {"kettle"}),
        ("put the TV on channel 5", Intent.SET_CHANNEL, {"living-room-tv"}),
        ("电视换到5台", Intent.SET_CHANNEL, {"living-room-tv"}),
        ("what's the living room humidity", Intent.QUERY_STATE, {"living-room-sensor"}),
        ("is the robot vacuum charging", Intent.QUERY_STATE, {"robot-vacuum"}),
        ("帮我看看前门锁没锁", Intent.QUERY_STATE, {"front-door-lock"}),
        ("车能开多远", Intent.QUERY_STATE, {"car"}),
        ("what's the temperature outside", Intent.QUERY_STATE, set()),
        ("close the front door", Intent.CLOSE, set()),
        ("卧室太冷了", Intent.SET_TEMPERATURE, {"bedroom-ac"}),
        ("make the bedroom warmer", Intent.SET_TEMPERATURE, {"bedroom-ac"}),
        ("净化器开到最大", Intent.SET_FAN_LEVEL, {"living-room-purifier"}),
        ("扫地机器人现在在干嘛", Intent.QUERY_STATE, {"robot-vacuum"}),
    ],
)
async def test_targets(assistant: Assistant, text: str, intent: Intent, targets: set[str]) -> None:
    seen = await assistant.interpret(text, speaker=ALEX)
    assert seen.intent is intent
    assert set(seen.targets) == targets
    assert seen.choices == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("increase the bedroom AC temperature by 2 degrees", "+2"),
        ("空调温度调低两度", "-2"),
        ("make the kitchen light a bit warmer", "down"),
    ],
)
async def test_relative_values(assistant: Assistant, text: str, value: str) -> None:
    seen = await assistant.interpret(text, speaker=ALEX)
    assert seen.heard.parsed.value == value
