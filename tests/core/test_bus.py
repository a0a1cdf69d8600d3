"""Bus ordering, bounded subscriptions and listener isolation."""

from __future__ import annotations

import asyncio

import pytest

from orbithub.core.bus import Bus, Overflow
from orbithub.core.context import Context
from orbithub.core.events import DeviceOnline, HubEvent


def _event(bus: Bus, device: str = "d", online: bool = True) -> DeviceOnline:
    return DeviceOnline(bus.next_seq(), 0.0, "home", device, online, Context())


async def test_subscription_receives_in_order() -> None:
    bus = Bus()
    sub = bus.subscribe(maxsize=10)
    sent = [_event(bus) for _ in range(5)]
    for event in sent:
        bus.publish(event)
    got = [await sub.get() for _ in range(5)]
    assert got == sent


async def test_slow_subscriber_is_dropped_from_not_waited_for() -> None:
    bus = Bus()
    slow = bus.subscribe(maxsize=3)
    fast: list[HubEvent] = []
    bus.listen(fast.append)
    for _ in range(10):
        bus.publish(_event(bus))
    assert len(fast) == 10
    assert slow.dropped == 7
    first = await slow.get()
    assert first == Overflow(7)
    rest = [await slow.get() for _ in range(3)]
    assert [e.seq for e in rest if not isinstance(e, Overflow)] == [1, 2, 3]


async def test_filtered_subscription_sees_only_its_devices() -> None:
    bus = Bus()
    sub = bus.subscribe(accept=lambda e: isinstance(e, DeviceOnline) and e.device_id == "a")
    bus.publish(_event(bus, "b"))
    bus.publish(_event(bus, "a"))
    event = await asyncio.wait_for(sub.get(), 1)
    assert isinstance(event, DeviceOnline)
    assert event.device_id == "a"
    assert sub.pending() == 0


async def test_failing_listener_does_not_stop_others(caplog: pytest.LogCaptureFixture) -> None:
    bus = Bus()
    seen: list[HubEvent] = []

    def broken(event: HubEvent) -> None:
        raise RuntimeError("boom")

    bus.listen(broken)
    bus.listen(seen.append)
    bus.publish(_event(bus))
    assert len(seen) == 1
    assert "boom" in caplog.text


async def test_closed_subscription_ends_iteration_and_unlisten_stops() -> None:
    bus = Bus()
    seen: list[HubEvent] = []
    stop = bus.listen(seen.append)
    with bus.subscribe() as sub:
        bus.publish(_event(bus))
    stop()
    bus.publish(_event(bus))
    assert len(seen) == 1
    got = [e async for e in sub]
    assert len(got) == 1


async def test_waiting_reader_wakes_on_publish() -> None:
    bus = Bus()
    sub = bus.subscribe()
    reader = asyncio.create_task(sub.get())
    await asyncio.sleep(0)
    bus.publish(_event(bus))
    assert isinstance(await asyncio.wait_for(reader, 1), DeviceOnline)
