"""The car's trips and energy: weekend errands, consumption by speed and by cold weather."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orbithub.adapters.sim.errands import errand_trips
from orbithub.adapters.sim.places import Places
from orbithub.adapters.sim.route import haversine_m
from orbithub.adapters.sim.vehicle import VehicleSim, consumption_wh_per_km, taper

from .conftest import at, simulation


def test_errands_happen_on_most_weekend_days_and_never_on_weekdays() -> None:
    places = Places()
    saturday = date(2025, 7, 5)
    weekends = [saturday + timedelta(weeks=w, days=d) for w in range(20) for d in (0, 1)]
    with_errand = [d for d in weekends if errand_trips(0, "Asia/Shanghai", places, d)]
    assert 0.5 * len(weekends) <= len(with_errand) <= 0.9 * len(weekends)
    weekdays = [saturday + timedelta(days=2 + i) for i in range(5)]
    assert all(errand_trips(0, "Asia/Shanghai", places, d) == [] for d in weekdays)
    out, back = errand_trips(0, "Asia/Shanghai", places, with_errand[0])
    assert out.origin == places.home
    assert back.destination == places.home
    assert back.home
    assert not out.home
    assert back.drive.depart - out.drive.arrive >= 45 * 60
    # The same day asked twice gives the same errand.
    again = errand_trips(0, "Asia/Shanghai", places, with_errand[0])
    assert again[0].drive.depart == out.drive.depart


def test_consumption_rises_with_speed_squared_and_in_the_cold() -> None:
    city, ring, motorway = (consumption_wh_per_km(v) for v in (40, 80, 120))
    assert city < ring < motorway
    # Drag: the step from 80 to 120 costs more than the step from 40 to 80.
    assert motorway - ring > ring - city
    assert consumption_wh_per_km(25) < consumption_wh_per_km(5)  # stop-and-go
    assert consumption_wh_per_km(60, -10) == pytest.approx(consumption_wh_per_km(60) * 1.2)
    assert consumption_wh_per_km(60, 30) == consumption_wh_per_km(60, 15)
    assert taper(50) == 1.0
    assert taper(90) < taper(85) < 1.0


async def test_a_weekend_errand_drives_the_car_away_and_back_home() -> None:
    places = Places()
    day = next(
        d
        for d in (date(2025, 7, 5) + timedelta(days=i) for i in range(28))
        if errand_trips(0, "Asia/Shanghai", places, d)
    )
    out, back = errand_trips(0, "Asia/Shanghai", places, day)
    async with simulation(at(day.year, day.month, day.day, 8), ["car", "ev-charger"]) as (
        adapter,
        host,
        clock,
    ):
        car = adapter.simulator("car")
        assert isinstance(car, VehicleSim)
        odometer = host.number("car", "vehicle.odometer")
        await clock.advance(out.drive.depart + 60 - clock.now())
        assert host.number("car", "vehicle.speed") > 0
        assert host.value("car", "charging.charging-state") == 0  # unplugged to leave
        await clock.advance(out.drive.arrive + 120 - clock.now())
        lat, lon = host.number("car", "location.latitude"), host.number("car", "location.longitude")
        assert haversine_m(lat, lon, *out.destination) < 50
        assert haversine_m(lat, lon, *places.home) > 1_000
        await clock.advance(back.drive.arrive + 120 - clock.now())
        lat, lon = host.number("car", "location.latitude"), host.number("car", "location.longitude")
        assert haversine_m(lat, lon, *places.home) < 50
        driven = host.number("car", "vehicle.odometer") - odometer
        assert driven == pytest.approx(2 * out.drive.route.length / 1000, abs=0.5)
        assert host.value("ev-charger", "charger.plugged") is True


async def test_a_winter_commute_costs_more_energy_per_km_than_a_summer_one() -> None:
    used: list[float] = []
    for month in (1, 7):
        # A Tuesday morning commute in January and in July.
        start = at(2025, month, 7 if month == 1 else 8, 5, 0)
        async with simulation(start, ["car"]) as (adapter, _host, clock):
            car = adapter.simulator("car")
            assert isinstance(car, VehicleSim)
            trip = car.trips(start)[0]
            car.soc = 80.0
            await clock.advance(trip.drive.depart - 30 - clock.now())
            before = car.soc
            await clock.advance(trip.drive.arrive + 30 - clock.now())
            used.append((before - car.soc) / (trip.drive.route.length / 1000))
    winter, summer = used
    assert winter > summer * 1.1
