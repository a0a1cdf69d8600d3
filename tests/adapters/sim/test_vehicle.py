"""The car: the commute along its route, charging at home with a taper, the air outside."""

from __future__ import annotations

import pytest

from orbithub.adapters.sim.family import Mode
from orbithub.adapters.sim.route import haversine_m
from orbithub.adapters.sim.vehicle import VehicleSim
from orbithub.core.adapter import SetProperty
from orbithub.core.context import Context

from .conftest import at, simulation


async def test_drive_to_the_office_arrives_and_uses_battery() -> None:
    start = at(2025, 7, 8, 5, 0)
    async with simulation(start, ["car", "ev-charger"]) as (adapter, host, clock):
        assert adapter.scene is not None
        leg = next(
            leg for leg in adapter.scene.family.plan("alex", start).legs if leg.mode is Mode.CAR
        )
        await clock.advance(leg.drive.depart - 30 - clock.now())
        battery = host.number("car", "battery.battery-level")
        range_km = host.number("car", "vehicle.range")
        odometer = host.number("car", "vehicle.odometer")
        await clock.advance(leg.drive.arrive + 600 - clock.now())
        lat, lon = host.number("car", "location.latitude"), host.number("car", "location.longitude")
        office = host.registry.space("office")
        assert office.latitude is not None
        assert office.longitude is not None
        assert haversine_m(lat, lon, office.latitude, office.longitude) < 200
        assert host.number("car", "battery.battery-level") < battery
        assert host.number("car", "vehicle.range") < range_km
        driven = host.number("car", "vehicle.odometer") - odometer
        assert abs(driven - leg.drive.route.length / 1000) < 0.5
        speeds = {v for _, v in host.series("car", "vehicle.speed")}
        assert len(speeds) > 5  # traffic
        assert host.value("car", "vehicle.speed") == 0
        assert host.value("car", "charging.charging-state") == 0


async def test_charging_raises_battery_and_tapers_above_80() -> None:
    start = at(2025, 7, 8, 21, 0)
    async with simulation(start, ["car", "ev-charger"]) as (adapter, host, clock):
        car = adapter.simulator("car")
        assert isinstance(car, VehicleSim)
        device = host.registry.device("car")
        await adapter.send(
            SetProperty(device, device.spec.property("charging.charge-limit"), 100, Context())
        )
        car.soc = 60.0
        await clock.advance(600)
        assert host.value("car", "charging.charging-state") == 2
        assert host.value("ev-charger", "charger.charging-state") == 1
        low_power = host.number("ev-charger", "power-meter.electric-power")
        low_battery = host.number("car", "battery.battery-level")
        await clock.advance(3600)
        assert host.number("car", "battery.battery-level") > low_battery + 5
        car.soc = 92.0
        await clock.advance(600)
        high_power = host.number("ev-charger", "power-meter.electric-power")
        assert 6500 < low_power < 7200
        assert high_power < 0.6 * low_power
        await clock.advance(4 * 3600)
        assert host.value("car", "charging.charging-state") == 3
        assert host.value("ev-charger", "power-meter.electric-power") == 0


async def test_the_car_reports_the_outside_air_of_the_demo_weather() -> None:
    dawn = at(2025, 1, 14, 6, 0)
    async with simulation(dawn, ["car"]) as (adapter, host, clock):
        assert adapter.scene is not None
        weather = adapter.scene.weather
        cold = host.number("car", "environment.outside-temperature")
        assert cold == pytest.approx(weather.temperature(clock.now()), abs=0.05)
        assert cold < 0  # a January dawn in Beijing
        await clock.advance(at(2025, 1, 14, 14, 30) - clock.now())
        afternoon = host.number("car", "environment.outside-temperature")
        assert afternoon == pytest.approx(weather.temperature(clock.now()), abs=0.05)
        assert afternoon > cold + 5
