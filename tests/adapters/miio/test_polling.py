"""The polling rhythm: quick after a command, slower while nothing changes, within a budget."""

from __future__ import annotations

import pytest

from orbithub.adapters.miio.polling import Pacer, PollPolicy

POLICY = PollPolicy(fastest=5, slowest=60, growth=2, after_command=0.5, budget=4)


def test_quiet_devices_are_asked_less_and_less_often_and_changes_speed_it_up() -> None:
    pacer = Pacer(POLICY, now=0)
    assert pacer.next_poll(0) == 0  # the first poll at once
    intervals = []
    now = 0.0
    for _ in range(6):
        pacer.polled(now, answered=True, changed=False)
        intervals.append(pacer.interval)
        now = pacer.next_poll(now)
    assert intervals == [10, 20, 40, 60, 60, 60]
    pacer.polled(now, answered=True, changed=True)
    assert pacer.next_poll(now) == now + 5


def test_a_command_brings_a_poll_soon_and_another_a_little_later() -> None:
    pacer = Pacer(POLICY, now=0)
    pacer.polled(0, answered=True, changed=False)
    assert pacer.next_poll(0) == 10
    pacer.commanded(3)
    assert pacer.next_poll(3) == 3.5
    pacer.polled(3.5, answered=True, changed=False)
    assert pacer.next_poll(3.5) == 8.5


def test_the_budget_caps_requests_in_any_minute() -> None:
    pacer = Pacer(POLICY, now=0)
    for t in (0, 1, 2, 3):
        pacer.spend(t)
    pacer.commanded(3)
    assert pacer.next_poll(3) == 60  # the first of the four leaves the minute at 60
    pacer.spend(60)
    assert pacer.next_poll(60) == 61


def test_a_silent_device_is_unavailable_and_asked_ever_more_rarely_until_it_answers() -> None:
    policy = PollPolicy(fastest=5, slowest=60, offline_retry=10, offline_slowest=40)
    pacer = Pacer(policy, now=0)
    assert pacer.polled(0, answered=False, changed=False)  # availability changed
    assert pacer.state_word() == "unavailable"
    waits, now = [], 0.0
    for _ in range(4):
        nxt = pacer.next_poll(now)
        waits.append(nxt - now)
        now = nxt
        assert not pacer.polled(now, answered=False, changed=False)
    assert waits == [10, 20, 40, 40]
    assert pacer.polled(now, answered=True, changed=False)
    assert pacer.state_word() == "available"
    assert pacer.next_poll(now) == now + 5


def test_an_inconsistent_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="fastest <= slowest"):
        PollPolicy(fastest=10, slowest=5)


def test_a_poll_in_two_batches_spends_two_requests_of_the_budget() -> None:
    pacer = Pacer(POLICY, now=0)
    pacer.spend(0, 2)
    pacer.spend(1, 2)
    pacer.polled(1, answered=True, changed=True)
    assert pacer.next_poll(1) == 60
