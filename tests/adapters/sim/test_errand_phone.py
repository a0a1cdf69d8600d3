"""The driver's phone rides along on weekend errands; the rest of the family stays behind."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from orbithub.adapters.sim import SimAdapter
from orbithub.adapters.sim.errands import draw_errand
from orbithub.adapters.sim.family import DRIVER, Family, Mode, Place
from orbithub.adapters.sim.places import Places
from orbithub.adapters.sim.route import haversine_m
from orbithub.adapters.sim.vehicle import car_trips
from orbithub.core.clock import ManualClock
from orbithub.core.events import HubEvent, PresenceChanged, ZoneChanged
from orbithub.core.hub import Hub
from orbithub.core.tasks import task_scope
from orbithub.mobility.presence import Presence

from .conftest import FakeHost, at, demo_registry, simulation

TZ = "Asia/Shanghai"
HOME_RADIUS_M = 150.0  # the demo home's geofence
SATURDAY = date(2025, 7, 5)
WEEKENDS = [SATURDAY + timedelta(weeks=w, days=d) for w in range(30) for d in (0, 1)]


def family(seed: int = 0) -> Family:
    return Family(seed, TZ, Places().routes())


async def until(done: Callable[[], bool]) -> None:
    async with asyncio.timeout(5):
        while not done():  # noqa: ASYNC110 - yielding lets presence run, no wall-clock wait
            await asyncio.sleep(0)


def where(host: FakeHost, device: str) -> tuple[float, float]:
    return host.number(device, "location.latitude"), host.number(device, "location.longitude")


def from_home(host: FakeHost, device: str) -> float:
    return haversine_m(*where(host, device), *Places().home)


def test_the_driver_is_out_on_the_errand_and_the_car_makes_the_same_trips() -> None:
    fam = family()
    day = next(d for d in WEEKENDS if draw_errand(0, TZ, Places().home, d) is not None)
    errand = draw_errand(0, TZ, Places().home, day)
    assert errand is not None
    noon = at(day.year, day.month, day.day, 12)
    shopping = [leg for leg in fam.plan(DRIVER, noon).legs if leg.mode is Mode.CAR]
    assert [(leg.origin, leg.destination) for leg in shopping] == [
        (Place.HOME, Place.ERRAND),
        (Place.ERRAND, Place.HOME),
    ]
    assert [leg.drive for leg in shopping] == [errand.out, errand.back]
    assert [t.drive for t in car_trips(fam, noon)] == [errand.out, errand.back]
    assert {t.purpose for t in car_trips(fam, noon)} == {errand.destination.name}
    # Deterministic: a new family with the same seed plans the same day; another seed does not.
    assert family().plan(DRIVER, noon) == fam.plan(DRIVER, noon)
    assert family(1).plan(DRIVER, noon) != fam.plan(DRIVER, noon)
    stay = (errand.out.arrive + errand.back.depart) / 2
    assert fam.place_at(DRIVER, stay) is Place.ERRAND
    assert fam.place_at("mei", stay) is not Place.ERRAND
    # Leaving and coming back through the front door, like any other trip.
    crossings = [
        (c.time, c.arriving)
        for c in fam.crossings(noon - 12 * 3600, noon + 12 * 3600)
        if c.person == DRIVER
    ]
    assert (errand.out.depart, False) in crossings
    assert (errand.back.arrive, True) in crossings


def test_the_driver_skips_the_walk_that_clashes_with_the_shopping() -> None:
    clashes = []
    for seed in range(6):
        fam = family(seed)
        for day in WEEKENDS:
            noon = at(day.year, day.month, day.day, 12)
            mei = fam.plan("mei", noon)
            walk = [leg for leg in mei.legs if leg.mode is Mode.WALK]
            errand = draw_errand(seed, TZ, Places().home, day)
            if not walk or errand is None:
                continue
            overlap = errand.out.depart < walk[-1].drive.arrive and (
                walk[0].drive.depart < errand.back.arrive
            )
            driver_walks = any(leg.mode is Mode.WALK for leg in fam.plan(DRIVER, noon).legs)
            assert driver_walks is not overlap
            clashes.append(overlap)
    assert True in clashes  # the rule was exercised both ways
    assert False in clashes


def test_the_driver_is_one_of_the_family() -> None:
    assert family().driver == "alex"
    mei_drives = Family(0, TZ, Places().routes(), driver="mei")
    tuesday = at(2025, 7, 8, 12)
    assert mei_drives.plan("mei", tuesday).legs[0].mode is Mode.CAR
    assert all(leg.mode is not Mode.CAR for leg in mei_drives.plan("alex", tuesday).legs)
    with pytest.raises(ValueError, match="driver must be one of alex, mei"):
        Family(0, TZ, Places().routes(), driver="grandma")


async def test_on_a_weekend_errand_the_drivers_phone_leaves_and_returns_with_the_car() -> None:
    places = Places()
    # A morning errand, so the afternoon walk to the park does not take Mei out meanwhile.
    day, errand = next(
        (d, e)
        for d in WEEKENDS
        if (e := draw_errand(0, TZ, places.home, d)) is not None and e.destination.morning
    )
    start = at(day.year, day.month, day.day, 8)
    devices = ["car", "ev-charger", "phone-alex", "phone-mei"]
    async with simulation(start, devices) as (adapter, host, clock):
        assert adapter.scene is not None
        home_ssid = adapter.scene.places.home_ssid
        await clock.advance(errand.out.depart - 60 - clock.now())
        assert from_home(host, "phone-alex") < HOME_RADIUS_M
        assert host.value("phone-alex", "wifi.ssid") == home_ssid

        left: dict[str, float] = {}
        back: dict[str, float] = {}
        apart = farthest = 0.0
        while clock.now() < errand.back.arrive + 600:
            await clock.advance(10)
            now = clock.now()
            for device in ("car", "phone-alex"):
                away = from_home(host, device) > HOME_RADIUS_M
                if away:
                    left.setdefault(device, now)
                elif device in left:
                    back.setdefault(device, now)
            if errand.out.depart < now < errand.back.arrive:
                apart = max(apart, haversine_m(*where(host, "car"), *where(host, "phone-alex")))
                farthest = max(farthest, from_home(host, "car"))
                assert host.value("phone-alex", "wifi.ssid") != home_ssid
            if errand.out.arrive < now < errand.back.depart:
                assert host.value("phone-alex", "presence.at-home") is False
            # Mei stays at home all morning.
            assert from_home(host, "phone-mei") < HOME_RADIUS_M
            assert host.value("phone-mei", "wifi.ssid") == home_ssid
            assert host.value("phone-mei", "presence.at-home") is True

        assert set(left) == set(back) == {"car", "phone-alex"}
        assert abs(left["phone-alex"] - left["car"]) <= 120
        assert abs(back["phone-alex"] - back["car"]) <= 120
        assert farthest > 1_000
        # Riding along: never farther from the car than GPS noise and a shop's walls explain.
        assert 0 < apart < 80
        assert host.value("phone-alex", "wifi.ssid") == home_ssid
        assert host.value("phone-alex", "presence.at-home") is True
        assert host.value("car", "lock.locked") is True


async def test_presence_sees_the_driver_go_shopping_and_come_home_with_the_car() -> None:
    places = Places()
    day, errand = next(
        (d, e)
        for d in WEEKENDS
        if (e := draw_errand(0, TZ, places.home, d)) is not None and e.destination.morning
    )
    clock = ManualClock(at(day.year, day.month, day.day, 8))
    hub = Hub(clock=clock, registry=demo_registry(["car", "phone-alex", "phone-mei"]))
    hub.add_adapter(SimAdapter(clock=clock, routines=True))
    seen: list[HubEvent] = []
    hub.bus.listen(seen.append)
    presence = Presence(hub, leave_after_s=300, wifi={"home": [places.home_ssid]})
    async with hub, task_scope() as tasks:
        task = tasks.create_task(presence.run())
        await until(lambda: presence.running)
        while clock.now() < errand.back.arrive + 600:
            # Tick by tick, so presence decides at the time of each report.
            await clock.advance(10)
            await until(lambda: presence.pending == 0)
        task.cancel()
    alex = [
        (e.time, e.present)
        for e in seen
        if isinstance(e, PresenceChanged) and e.person == "alex" and e.space_id == "home"
    ]
    mei = [e.present for e in seen if isinstance(e, PresenceChanged) and e.person == "mei"]
    assert [present for _, present in alex] == [True, False, True]
    assert mei == [True]  # home all morning
    # Gone once the phone has been away for the five minutes presence waits for.
    assert 300 <= alex[1][0] - errand.out.depart <= 300 + 120
    entered = {
        e.device_id: e.time
        for e in seen
        if isinstance(e, ZoneChanged)
        and e.space_id == "home"
        and e.entered
        and e.time > errand.out.depart
    }
    # Back in the home geofence together: the arriving scene finds Alex's phone with the car.
    assert abs(entered["phone-alex"] - entered["car"]) <= 120
    assert abs(alex[-1][0] - entered["car"]) <= 120
