"""Unlocking by voice asks first, and acts only on a yes said soon after."""

# ruff: noqa: RUF001 - Chinese answers use Chinese punctuation

from __future__ import annotations

import pytest

from orbithub.access import Principal
from orbithub.assistant.confirm import CONFIRM_S
from orbithub.core.clock import ManualClock
from orbithub.storage.users import Grant, Role, User

from .conftest import T0, running_demo


def _adult(name: str) -> Principal:
    user = User(name, name, name.title(), Role.ADULT, "en", "x", 0.0)
    return Principal.build(user, [Grant("g", name, "home", None, None, None, 0.0)], now=T0)


MIA = _adult("mia")


@pytest.mark.parametrize(
    ("ask", "question", "yes"),
    [
        ("unlock the front door", "Unlock Front door lock? Say yes to confirm.", "yes"),
        ("打开前门", "要解锁前门门锁吗？说“是”或“确认”继续。", "是"),
        ("前门解锁", "要解锁前门门锁吗？说“是”或“确认”继续。", "确认"),
    ],
)
async def test_unlocking_asks_then_acts_on_yes(ask: str, question: str, yes: str) -> None:
    async with running_demo() as (hub, assistant):
        asked = await assistant.ask(ask, speaker=MIA)
        assert asked.needs_confirmation
        assert asked.answer == question
        assert asked.actions == ()
        assert hub.state.value("front-door-lock", "lock.locked") is True
        done = await assistant.ask(yes, speaker=MIA)
        assert [a.ok for a in done.actions] == [True]
        assert hub.state.value("front-door-lock", "lock.locked") is False


async def test_a_late_yes_or_another_request_does_not_unlock() -> None:
    clock = ManualClock(start=T0)
    async with running_demo(clock) as (hub, assistant):
        await assistant.ask("unlock the front door", speaker=MIA)
        await clock.advance(CONFIRM_S + 1)
        late = await assistant.ask("yes", speaker=MIA)
        assert late.actions == ()
        await assistant.ask("unlock the front door", speaker=MIA)
        other = await assistant.ask("turn on the kitchen light", speaker=MIA)
        assert hub.state.value("kitchen-light", "light.on") is True
        assert other.actions
        after = await assistant.ask("yes", speaker=MIA)  # the question went with the request
        assert after.actions == ()
        assert hub.state.value("front-door-lock", "lock.locked") is True


async def test_locking_needs_no_confirmation() -> None:
    async with running_demo() as (hub, assistant):
        await assistant.ask("unlock the front door", speaker=MIA)
        await assistant.ask("yes", speaker=MIA)
        locked = await assistant.ask("lock the front door", speaker=MIA)
        assert not locked.needs_confirmation
        assert hub.state.value("front-door-lock", "lock.locked") is True
