"""Any text at all gets an answer, never an exception: noise, mixed scripts, odd numbers."""

from __future__ import annotations

import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orbithub.assistant import Speaker
from orbithub.core.clock import ManualClock

from .conftest import T0, demo_assistant, demo_hub

WORDS = [
    "turn",
    "on",
    "off",
    "the",
    "all",
    "lights",
    "客厅",
    "卧室",
    "灯",
    "空调",
    "打开",
    "关掉",
    "把",
    "调到",
    "度",
    "%",
    "50",
    "-3",
    "1e9",
    "二十五",
    "curtain",
    "窗帘",
    "吗",
    "?",
    "when",
    "last",
    "上次",
    "lock",
    "锁",
    "car",
    "车",
    "scene",
    "晚安",
    "and",
    "和",
    "first",
    "第一个",
    "℃",
    "°",
]


# One assistant for every example. Commands go to a hub that is not running: they fail, and
# the answer says so.
ASSISTANT = demo_assistant(demo_hub(ManualClock(start=T0)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=60),
        st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
        st.lists(st.sampled_from(WORDS), max_size=8).map("".join),
    )
)
def test_every_text_gets_an_answer(text: str) -> None:
    reply = asyncio.run(ASSISTANT.ask(text, speaker=Speaker("alex")))
    assert reply.answer
    assert not (reply.needs_clarification and reply.actions)
