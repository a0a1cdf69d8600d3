"""Presence per person per space: quick arrivals, departures only after consistent absence."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from geographiclib.geodesic import Geodesic  # type: ignore[import-untyped]
from hypothesis import given, settings
from hypothesis import strategies as st

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.core.clock import ManualClock
from orbithub.core.events import HubEvent, PresenceChanged
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Registry
from orbithub.core.tasks import task_scope
from orbithub.mobility.presence import Presence
from orbithub.mobility.zones import Zones, ZoneSettings
from orbithub.spec.library import device_type
from tests.mobility.conftest import HOME, OFFICE, build_hub

LEAVE = 300.0


def offset(origin: tuple[float, float], bearing: float, metres: float) -> tuple[float, float]:
    result = Geodesic.WGS84.Direct(origin[0], origin[1], bearing, metres)
    return float(result["lat2"]), float(result["lon2"])


def changes(hub: Hub) -> list[tuple[str, str, bool, tuple[str, ...]]]:
    """Every PresenceChanged from now on, as (space, person, present, people present)."""
    seen: list[tuple[str, str, bool, tuple[str, ...]]] = []

    def keep(event: HubEvent) -> None:
        if isinstance(event, PresenceChanged):
            seen.append((event.space_id, event.person, event.present, event.people_present))

    hub.bus.listen(keep)
    return seen


async def until(condition: Callable[[], bool], within: float = 5.0) -> None:
    async with asyncio.timeout(within):
        # The tracker signals nothing when idle; yielding lets it run (no wall-clock wait).
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0)


@asynccontextmanager
async def running(presence: Presence) -> AsyncIterator[Presence]:
    async with task_scope() as tasks:
        tasks.create_task(presence.run())
        await until(lambda: presence.running)
        yield presence


async def settle(presence: Presence) -> None:
    """Wait until the tracker has handled everything published so far."""
    await until(lambda: presence.pending == 0)


def add_people(hub: Hub) -> None:
    phone = device_type("phone")
    hub.add_device(Device("phone-mei", "Mei's phone", phone, "home", "sim", owner="mei"))
    hub.add_device(Device("tablet-alex", "Alex's tablet", phone, "home", "sim", owner="alex"))


async def test_wifi_arrival_is_immediate_and_departure_waits(hub: Hub, clock: ManualClock) -> None:
    seen = changes(hub)
    async with running(Presence(hub, leave_after_s=LEAVE, wifi={"home": ["OrbitHome"]})) as p:
        hub.report("phone-alex", "wifi.ssid", "OrbitHome")
        await settle(p)
        assert seen == [("home", "alex", True, ("alex",))]
        assert [(s.person, s.since) for s in p.present("home")] == [("alex", clock.now())]
        assert p.evidence("alex", "home") == ["phone-alex: on Wi-Fi 'OrbitHome'"]

        hub.report("phone-alex", "wifi.ssid", "")
        await settle(p)
        await clock.advance(LEAVE - 1)
        assert p.people_present("home") == ("alex",)  # not yet: absence is not long enough
        await clock.advance(1)
        await until(lambda: len(seen) == 2)
        assert seen[1] == ("home", "alex", False, ())
        assert p.present("home") == []


async def test_a_short_absence_is_not_a_departure(hub: Hub, clock: ManualClock) -> None:
    seen = changes(hub)
    async with running(Presence(hub, leave_after_s=LEAVE, wifi={"home": ["OrbitHome"]})) as p:
        hub.report("phone-alex", "wifi.ssid", "OrbitHome")
        await settle(p)
        for _ in range(5):  # the phone drops off Wi-Fi for four minutes, five times
            hub.report("phone-alex", "wifi.ssid", "")
            await settle(p)
            await clock.advance(LEAVE - 60)
            hub.report("phone-alex", "wifi.ssid", "OrbitHome")
            await settle(p)
        await clock.advance(10 * LEAVE)
        await settle(p)
        assert seen == [("home", "alex", True, ("alex",))]
        assert p.is_present("alex", "home")


async def test_any_of_a_persons_devices_keeps_them_present(hub: Hub, clock: ManualClock) -> None:
    add_people(hub)
    seen = changes(hub)
    async with running(Presence(hub, leave_after_s=LEAVE, wifi={"home": ["OrbitHome"]})) as p:
        hub.report("phone-alex", "wifi.ssid", "OrbitHome")
        hub.report_many(
            "tablet-alex", {"location.latitude": HOME[0], "location.longitude": HOME[1]}
        )
        hub.report("phone-mei", "presence.at-home", True)
        await settle(p)
        assert p.people_present("home") == ("alex", "mei")
        assert sorted(p.evidence("alex", "home")) == [
            "phone-alex: on Wi-Fi 'OrbitHome'",
            "tablet-alex: inside the 200 m geofence",
        ]
        hub.report("phone-alex", "wifi.ssid", "")  # the tablet is still at home
        hub.report("phone-mei", "presence.at-home", False)
        await settle(p)
        await clock.advance(LEAVE)
        await until(lambda: len(seen) == 3)
        assert seen == [
            ("home", "alex", True, ("alex",)),
            ("home", "mei", True, ("alex", "mei")),
            ("home", "mei", False, ("alex",)),
        ]


async def test_location_moves_a_person_from_home_to_the_office(
    hub: Hub, clock: ManualClock
) -> None:
    seen = changes(hub)
    async with running(Presence(hub, Zones(hub, ZoneSettings()), leave_after_s=LEAVE)) as p:
        for point in (offset(HOME, 10, 30), offset(HOME, 80, 2500), offset(OFFICE, 200, 40)):
            hub.report_many(
                "phone-alex",
                {
                    "location.latitude": point[0],
                    "location.longitude": point[1],
                    "location.accuracy": 12.0,
                },
            )
            await settle(p)
            await clock.advance(60)
        await clock.advance(LEAVE)
        await until(lambda: len(seen) == 3)
        assert [(s, person, present) for s, person, present, _ in seen] == [
            ("home", "alex", True),
            ("office", "alex", True),
            ("home", "alex", False),
        ]


async def test_a_removed_phone_makes_its_owner_leave_after_the_delay(
    hub: Hub, clock: ManualClock
) -> None:
    seen = changes(hub)
    async with running(Presence(hub, leave_after_s=LEAVE, wifi={"home": ["OrbitHome"]})) as p:
        hub.report("phone-alex", "wifi.ssid", "OrbitHome")
        await settle(p)
        hub.remove_device("phone-alex")
        await settle(p)
        await clock.advance(LEAVE)
        await until(lambda: len(seen) == 2)
        assert seen[-1] == ("home", "alex", False, ())


async def test_wifi_configured_while_running_applies_at_once(hub: Hub) -> None:
    async with running(Presence(hub, leave_after_s=LEAVE)) as p:
        hub.report("phone-alex", "wifi.ssid", "Office-Staff")
        await settle(p)
        assert p.people_present("office") == ()
        p.set_wifi("office", ["Office-Staff", ""])
        assert p.wifi("office") == frozenset({"Office-Staff"})
        assert p.people_present("office") == ("alex",)
        p.set_wifi("office", [])
        assert p.wifi("office") == frozenset()


def test_a_negative_delay_is_refused(hub: Hub) -> None:
    with pytest.raises(ValueError, match="leave_after_s"):
        Presence(hub, leave_after_s=-1)


# -- property: GPS jitter at the fence never makes a resting person come and go ------------------
@settings(max_examples=40, deadline=None)
@given(
    fixes=st.lists(
        st.tuples(
            st.floats(-24.0, 24.0),  # metres from the fence, less than half the margin
            st.floats(0.0, 360.0),  # bearing
            st.floats(3.0, 60.0),  # accuracy
            st.floats(5.0, 600.0),  # seconds until the next fix
        ),
        min_size=1,
        max_size=30,
    ),
)
def test_jitter_at_the_fence_never_flaps_presence(
    fixes: list[tuple[float, float, float, float]],
) -> None:
    async def scenario() -> list[tuple[str, str, bool, tuple[str, ...]]]:
        clock = ManualClock()
        hub = build_hub(clock)
        seen = changes(hub)
        presence = Presence(hub, Zones(hub, ZoneSettings(margin_m=50)), leave_after_s=LEAVE)
        async with running(presence) as p:
            for radial, bearing, accuracy, wait in fixes:
                point = offset(HOME, bearing, 200.0 + radial)
                hub.report_many(
                    "phone-alex",
                    {
                        "location.latitude": point[0],
                        "location.longitude": point[1],
                        "location.accuracy": accuracy,
                    },
                )
                await settle(p)
                await clock.advance(wait)
            await clock.advance(2 * LEAVE)
            await settle(p)
        return [c for c in seen if c[0] == "home"]

    seen = asyncio.run(scenario())
    # At most one arrival, and never a departure.
    assert seen in ([], [("home", "alex", True, ("alex",))])


# -- the demo family ------------------------------------------------------------------------------
async def test_the_demo_family_is_at_work_by_day_and_home_at_night() -> None:
    start = datetime(2025, 7, 8, 6, 0, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp()  # Tuesday
    clock = ManualClock(start)
    world = demo_world()
    registry = Registry()
    wanted = {"phone-alex", "phone-mei", "car"}
    registry.load(world.spaces, world.rooms, [d for d in world.devices if d.id in wanted])
    hub = Hub(clock=clock, registry=registry)
    hub.add_adapter(SimAdapter(clock=clock, routines=True))
    seen = changes(hub)
    presence = Presence(hub, leave_after_s=LEAVE, wifi={"home": ["OrbitHome"]})
    async with hub, running(presence) as p:
        await clock.advance(60)
        await settle(p)
        assert p.people_present("home") == ("alex", "mei")
        await clock.advance(5 * 3600)  # 11:00
        await settle(p)
        assert p.is_present("alex", "office")  # by location: the office has no Wi-Fi set
        assert not p.is_present("alex", "home")
        await clock.advance(15 * 3600)  # 02:00 the next night
        await settle(p)
        assert p.people_present("home") == ("alex", "mei")
        assert not p.is_present("alex", "office")
    alex = [(s, present) for s, person, present, _ in seen if person == "alex"]
    # One trip each way: no flapping on the road or at either end.
    assert alex == [
        ("home", True),
        ("home", False),
        ("office", True),
        ("office", False),
        ("home", True),
    ]
    mei = [present for s, person, present, _ in seen if person == "mei" and s == "home"]
    assert mei == [True, False, True]


async def test_a_restored_person_is_not_announced_again(hub: Hub, clock: ManualClock) -> None:
    seen = changes(hub)
    presence = Presence(hub, leave_after_s=LEAVE, wifi={"home": ["OrbitHome"]})
    presence.restore("alex", "home", since=clock.now() - 3600)
    presence.zones.restore("phone-alex", "home")
    async with running(presence) as p:
        hub.report("phone-alex", "wifi.ssid", "OrbitHome")
        await settle(p)
        await clock.advance(2 * LEAVE)
        await settle(p)
        assert seen == []
        assert [(s.person, s.since) for s in p.present("home")] == [
            ("alex", clock.now() - 2 * LEAVE - 3600)
        ]
        assert p.zones.inside("phone-alex", "home")


async def test_a_restored_person_whose_phones_stay_quiet_leaves_after_the_delay(
    hub: Hub, clock: ManualClock
) -> None:
    seen = changes(hub)
    presence = Presence(hub, leave_after_s=LEAVE)
    presence.restore("mei", "home", since=clock.now() - 60)
    async with running(presence) as p:
        await settle(p)
        assert p.people_present("home") == ("mei",)
        await clock.advance(LEAVE)
        await until(lambda: len(seen) == 1)
        assert seen == [("home", "mei", False, ())]
