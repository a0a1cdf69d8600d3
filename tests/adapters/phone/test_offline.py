"""Silent phones go offline, come back on their next report, and their owners stay home."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest

from orbithub.adapters.phone import (
    OFFLINE_AFTER_S,
    CompanionError,
    Location,
    PhoneAdapter,
    PhoneReport,
)
from orbithub.core.clock import ManualClock
from orbithub.core.events import DeviceOnline, HubEvent, PresenceChanged
from orbithub.core.hub import Hub
from orbithub.core.registry import Space, SpaceKind
from orbithub.core.tasks import task_scope
from orbithub.mobility.presence import Presence

HOME = (39.9042, 116.4074)
MINUTE = 60.0


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def hub(clock: ManualClock) -> Hub:
    hub = Hub(clock=clock)
    hub.add_space(Space("home", "Home", SpaceKind.HOME, *HOME, "Asia/Shanghai"))
    return hub


def availability(hub: Hub) -> list[tuple[float, str, bool]]:
    """Every DeviceOnline from now on, as (time, device, online)."""
    seen: list[tuple[float, str, bool]] = []

    def keep(event: HubEvent) -> None:
        if isinstance(event, DeviceOnline):
            seen.append((event.time, event.device_id, event.online))

    hub.bus.listen(keep)
    return seen


async def until(condition: Callable[[], bool], within: float = 5.0) -> None:
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - yielding lets the watcher run, no wall clock
            await asyncio.sleep(0)


@asynccontextmanager
async def watching(phones: PhoneAdapter) -> AsyncIterator[PhoneAdapter]:
    async with task_scope() as tasks:
        task = tasks.create_task(phones.watch())
        await asyncio.sleep(0)  # let the watcher take its first look and sleep on the clock
        yield phones
        task.cancel()


async def test_a_silent_phone_goes_offline_after_thirty_minutes_and_back_on_report(
    hub: Hub, clock: ManualClock
) -> None:
    seen = availability(hub)
    phones = PhoneAdapter(hub, clock=clock)
    assert phones.offline_after_s == OFFLINE_AFTER_S == 30 * MINUTE
    phone = phones.register("alex", "home").id
    start = clock.now()
    async with watching(phones):
        phones.report(phone, PhoneReport(wifi_ssid="OrbitHome"))
        assert hub.state.is_online(phone) is True
        await clock.advance(29 * MINUTE)
        assert hub.state.is_online(phone) is True  # quiet, but not long enough
        # A report restarts the countdown.
        phones.report(phone, PhoneReport(Location(*HOME, accuracy=12.0)))
        await clock.advance(29 * MINUTE)
        assert hub.state.is_online(phone) is True
        await clock.advance(1 * MINUTE)
        assert hub.state.is_online(phone) is False
        assert seen == [
            (start, phone, True),
            (start + 59 * MINUTE, phone, False),  # exactly 30 minutes after the last report
        ]
        # Values stay as last reported; the next report brings the phone back at once.
        assert hub.state.value(phone, "wifi.ssid") == "OrbitHome"
        await clock.advance(3 * 3600)
        assert len(seen) == 2  # offline is said once, not every half hour
        phones.report(phone, PhoneReport())  # even an empty report is a sign of life
        assert hub.state.is_online(phone) is True
        assert seen[-1] == (start + 59 * MINUTE + 3 * 3600, phone, True)
        await clock.advance(30 * MINUTE)
        assert seen[-1] == (clock.now(), phone, False)


async def test_the_time_is_configurable_and_each_phone_counts_for_itself(
    hub: Hub, clock: ManualClock
) -> None:
    phones = PhoneAdapter(hub, clock=clock, offline_after_s=10 * MINUTE)
    alex = phones.register("alex", "home").id
    async with watching(phones):
        await clock.advance(5 * MINUTE)
        mei = phones.register("mei", "home").id  # registered while the watcher sleeps
        await clock.advance(2 * MINUTE)
        phones.report(alex, PhoneReport(wifi_ssid="OrbitHome"))
        await clock.advance(7 * MINUTE)
        assert hub.state.is_online(alex) is True
        # Mei's phone never reported: offline ten minutes after it registered.
        assert hub.state.is_online(mei) is None
        await clock.advance(1 * MINUTE)
        assert hub.state.is_online(mei) is False
        assert hub.state.is_online(alex) is True
        await clock.advance(2 * MINUTE)
        assert hub.state.is_online(alex) is False
        assert phones.last_seen(alex) == clock.now() - 10 * MINUTE


async def test_after_a_restart_phones_get_the_full_time_to_report_again(
    hub: Hub, clock: ManualClock
) -> None:
    before = PhoneAdapter(hub, clock=clock)
    phone = before.register("alex", "home").id
    before.report(phone, PhoneReport(wifi_ssid="OrbitHome"))
    await clock.advance(25 * MINUTE)
    restarted = PhoneAdapter(hub, clock=clock)  # knows nothing of the last report
    assert restarted.last_seen(phone) is None
    async with watching(restarted):
        await clock.advance(29 * MINUTE)
        assert hub.state.is_online(phone) is True
        await clock.advance(1 * MINUTE)
        assert hub.state.is_online(phone) is False


async def test_going_offline_does_not_make_the_owner_leave_home(
    hub: Hub, clock: ManualClock
) -> None:
    left: list[PresenceChanged] = []
    hub.bus.listen(lambda e: left.append(e) if isinstance(e, PresenceChanged) else None)
    phones = PhoneAdapter(hub, clock=clock)
    phone = phones.register("alex", "home").id
    presence = Presence(hub, leave_after_s=2 * MINUTE, wifi={"home": ["OrbitHome"]})
    async with task_scope() as tasks, watching(phones):
        task = tasks.create_task(presence.run())
        await until(lambda: presence.running)
        phones.report(phone, PhoneReport(Location(*HOME, accuracy=10.0), wifi_ssid="OrbitHome"))
        await until(lambda: presence.people_present("home") == ("alex",))
        # The phone dies on the nightstand: offline after half an hour, still home all night.
        await clock.advance(8 * 3600)
        assert hub.state.is_online(phone) is False
        await until(lambda: presence.pending == 0)
        assert presence.people_present("home") == ("alex",)
        assert [(e.person, e.present) for e in left] == [("alex", True)]
        task.cancel()


async def test_removed_phones_are_forgotten_and_bad_settings_refused(
    hub: Hub, clock: ManualClock
) -> None:
    phones = PhoneAdapter(hub, clock=clock)
    phone = phones.register("alex", "home").id
    async with watching(phones):
        phones.remove(phone, actor="alex")
        assert phones.last_seen(phone) is None
        await clock.advance(2 * 3600)
        assert hub.rejected.total == 0  # nothing was said about a phone that is gone
        with pytest.raises(CompanionError, match="already watching"):
            await phones.watch()
    for bad in (0.0, -5.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="offline_after_s"):
            PhoneAdapter(hub, offline_after_s=bad)
