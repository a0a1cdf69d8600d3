"""The hub's one way in (reports) and one way out (commands)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from orbithub.core.clock import ManualClock
from orbithub.core.context import Context, Origin
from orbithub.core.errors import AdapterUnavailableError, UnknownDeviceError
from orbithub.core.events import (
    CommandKind,
    CommandSent,
    DeviceEvent,
    DeviceOnline,
    HubEvent,
    PropertyChanged,
)
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.spec.errors import (
    NotWritable,
    OutOfRange,
    UnknownAction,
    UnknownProperty,
    ValueRejected,
)

from .conftest import RecordingAdapter, light_type


def _running(hub: Hub) -> bool:
    # Read through a call so the type checker does not carry the narrowing from inside the block.
    return hub.running


def _collect(hub: Hub) -> list[HubEvent]:
    events: list[HubEvent] = []
    hub.bus.listen(events.append)
    return events


async def test_report_updates_state_and_publishes_one_change(hub: Hub, clock: ManualClock) -> None:
    events = _collect(hub)
    assert hub.report("lamp", "light.brightness", 40)
    assert hub.report("lamp", "2.2", 40)  # same value by ids: seen, not a change
    await clock.advance(5)
    assert hub.report("lamp", "light.brightness", 41)
    changes = [e for e in events if isinstance(e, PropertyChanged)]
    assert [(c.path, c.value, c.old_value) for c in changes] == [
        ("light.brightness", 40, None),
        ("light.brightness", 41, 40),
    ]
    assert changes[0].seq < changes[1].seq
    assert changes[0].space_id == "home"
    state = hub.state.get("lamp", "light.brightness")
    assert state is not None
    assert state.value == 41
    assert state.last_changed == clock.now()


async def test_repeated_value_updates_last_seen_only(hub: Hub, clock: ManualClock) -> None:
    events = _collect(hub)
    hub.report("lamp", "light.on", True)
    first = hub.state.get("lamp", "light.on")
    assert first is not None
    changed_at = first.last_changed
    await clock.advance(60)
    hub.report("lamp", "light.on", True)
    assert len(events) == 1
    assert first.last_changed == changed_at
    assert first.last_reported == changed_at + 60


@pytest.mark.parametrize(
    ("address", "value"),
    [
        ("light.brightness", 0),  # below range
        ("light.brightness", 101),  # above range
        ("light.brightness", "50"),  # wrong type
        ("light.mode", 7),  # not in value list
        ("light.on", "yes"),
        ("light.temperature", float("nan")),
        ("light.nonsense", 1),  # unknown property
        ("9.9", 1),
    ],
)
async def test_bad_report_is_refused_and_keeps_last_good_value(
    hub: Hub, address: str, value: object, caplog: pytest.LogCaptureFixture
) -> None:
    hub.report("lamp", "light.brightness", 55)
    events = _collect(hub)
    with caplog.at_level(logging.WARNING):
        assert not hub.report("lamp", address, value)
    assert events == []
    assert hub.state.value("lamp", "light.brightness") == 55
    assert "lamp" in caplog.text
    assert hub.rejected.total == 1


async def test_unknown_device_report_is_counted_not_raised(hub: Hub) -> None:
    assert not hub.report("ghost", "light.on", True)
    assert hub.report_many("ghost", {"light.on": True}) == 0
    assert not hub.report_event("ghost", "lock.unlocked", {})
    hub.set_online("ghost", True)
    assert hub.rejected.total == 4


async def test_flood_of_bad_reports_logs_once(hub: Hub, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        for _ in range(1000):
            hub.report("lamp", "light.brightness", 500)
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1
    assert hub.rejected.counts[("lamp", "light.brightness")] == 1000


async def test_report_many_accepts_good_values_and_skips_bad(hub: Hub) -> None:
    accepted = hub.report_many("lamp", {"light.on": True, "light.brightness": 900, "2.3": 1})
    assert accepted == 2
    assert hub.state.value("lamp", "light.on") is True
    assert hub.state.value("lamp", "light.mode") == 1
    assert hub.state.value("lamp", "light.brightness") is None


async def test_stale_reading_by_device_timestamp_is_dropped(hub: Hub) -> None:
    hub.report("lamp", "light.brightness", 30, timestamp=100.0)
    hub.report("lamp", "light.brightness", 70, timestamp=90.0)  # delivered late
    assert hub.state.value("lamp", "light.brightness") == 30
    hub.report("lamp", "light.brightness", 70, timestamp=110.0)
    assert hub.state.value("lamp", "light.brightness") == 70


async def test_set_checks_spec_then_routes_to_owning_adapter(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    events = _collect(hub)
    ctx = Context(Origin.USER, "alex")
    result = await hub.set("lamp", "light.brightness", 75.0, context=ctx)
    assert result.confirmed
    assert len(adapter.sent) == 1
    assert hub.state.value("lamp", "light.brightness") == 75
    sent = [e for e in events if isinstance(e, CommandSent)]
    assert len(sent) == 1
    assert sent[0].kind is CommandKind.SET
    assert sent[0].arguments == (("brightness", 75),)
    assert sent[0].context.actor == "alex"


async def test_refused_commands_never_reach_the_adapter(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    with pytest.raises(OutOfRange, match="100"):
        await hub.set("lamp", "light.brightness", 150)
    with pytest.raises(NotWritable):
        await hub.set("lamp", "light.temperature", 20.0)
    with pytest.raises(UnknownProperty, match=r"light\.brightness"):
        await hub.set("lamp", "light.colour", 1)
    with pytest.raises(UnknownDeviceError):
        await hub.set("nope", "light.on", True)
    with pytest.raises(UnknownAction):
        await hub.call("lamp", "light.explode")
    assert adapter.sent == []


async def test_call_checks_arguments(hub: Hub, adapter: RecordingAdapter) -> None:
    assert (await hub.call("door", "lock.unlock-for", {"duration": 30})).confirmed
    assert (await hub.call("door", "2.1", [5])).confirmed
    with pytest.raises(ValueRejected, match="missing argument"):
        await hub.call("door", "lock.unlock-for", {})
    with pytest.raises(ValueRejected, match="unexpected"):
        await hub.call("door", "lock.unlock-for", {"duration": 3, "force": True})
    with pytest.raises(OutOfRange):
        await hub.call("door", "lock.unlock-for", [120])
    assert len(adapter.sent) == 2


async def test_device_event_is_checked_and_published(hub: Hub) -> None:
    events = _collect(hub)
    assert hub.report_event("door", "lock.unlocked", {"operation-method": 1})
    assert not hub.report_event("door", "lock.unlocked", {"operation-method": 9})
    assert not hub.report_event("door", "lock.unlocked", {"locked": True})
    assert not hub.report_event("door", "lock.exploded", {})
    assert len(events) == 1
    assert isinstance(events[0], DeviceEvent)
    assert events[0].arguments == (("operation-method", 1),)


async def test_online_changes_publish_once(hub: Hub) -> None:
    events = _collect(hub)
    hub.set_online("lamp", True)
    hub.set_online("lamp", True)
    hub.set_online("lamp", False)
    assert [e.online for e in events if isinstance(e, DeviceOnline)] == [True, False]
    assert hub.state.is_online("lamp") is False


async def test_command_to_device_of_missing_adapter_fails_clearly(hub: Hub) -> None:
    hub.add_device(Device("orphan", "Orphan", light_type(), "home", "zigbee"))
    with pytest.raises(AdapterUnavailableError, match="zigbee"):
        await hub.set("orphan", "light.on", True)


async def test_slow_adapter_times_out_with_clear_error(clock: ManualClock) -> None:
    hub = Hub(clock=clock, command_timeout=0.05)
    hub.add_space(Space("home", "Home"))
    hub.add_device(Device("lamp", "Lamp", light_type(), "home", "test"))
    hub.add_adapter(RecordingAdapter(delay=5))
    async with hub:
        with pytest.raises(AdapterUnavailableError, match="within"):
            await hub.set("lamp", "light.on", True)


async def test_adapters_start_and_stop_with_the_hub(clock: ManualClock) -> None:
    adapter = RecordingAdapter()
    hub = Hub(clock=clock)
    hub.add_adapter(adapter)
    ran: list[str] = []

    async def forever() -> None:
        ran.append("started")
        await asyncio.Event().wait()

    async with hub:
        assert adapter.started
        assert hub.running
        assert hub._tasks is not None
        hub._tasks.create_task(forever())
        await asyncio.sleep(0)
    assert adapter.stopped
    assert not _running(hub)
    assert ran == ["started"]


async def test_vehicle_space_moves_with_its_tracker(hub: Hub) -> None:
    from orbithub.spec.model import Access, DeviceType, Format, Property, Service, Urn, ValueRange

    def urn(kind: str, name: str) -> Urn:
        return Urn("orbithub-spec", kind, name, "00000001", "t", "1")

    rn = frozenset({Access.READ, Access.NOTIFY})
    tracker = DeviceType.create(
        urn("device", "vehicle"),
        "car",
        [
            Service(
                1,
                urn("service", "location"),
                "Location",
                (
                    Property(
                        1,
                        urn("property", "latitude"),
                        "Lat",
                        Format.FLOAT,
                        rn,
                        None,
                        ValueRange(-90, 90, 0.000001),
                    ),
                    Property(
                        2,
                        urn("property", "longitude"),
                        "Lon",
                        Format.FLOAT,
                        rn,
                        None,
                        ValueRange(-180, 180, 0.000001),
                    ),
                ),
            ),
        ],
    )
    hub.add_space(Space("car", "Car", SpaceKind.VEHICLE, tracker_device_id="car-1"))
    hub.add_device(Device("car-1", "Car", tracker, "car", "test"))
    hub.report_many("car-1", {"location.latitude": 39.95, "location.longitude": 116.35})
    space = hub.registry.space("car")
    assert (space.latitude, space.longitude) == (39.95, 116.35)


async def test_finer_float_reading_is_snapped_but_finer_command_is_refused(hub: Hub) -> None:
    assert hub.report("lamp", "light.temperature", 21.2345)
    assert hub.state.value("lamp", "light.temperature") == 21.2
    from orbithub.spec.errors import OffStep

    with pytest.raises(OffStep):
        await hub.set("lamp", "light.target", 23.3)
    assert (await hub.set("lamp", "light.target", 23.5)).confirmed
