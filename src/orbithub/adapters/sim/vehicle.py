"""The electric car and the home charger it plugs into.

The car makes its driver's car trips from the family's plan: Alex's commute on weekdays and an
errand on most weekend days (see :mod:`~orbithub.adapters.sim.errands`), with speeds from the
traffic model. It spends energy by
speed (rolling losses plus drag growing with v², more in stop-and-go traffic), more in the cold
(a cold pack and stiff drivetrain lose more), and on the cabin climate's work against the
outside temperature. Its outside-temperature sensor reads the demo's weather, the model that
also drives the rooms' climate. It charges from the home wallbox when parked at home and the
wallbox is switched on, tapering above 80 % like a real lithium-ion pack.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from datetime import date, datetime
from zoneinfo import ZoneInfo

from orbithub.adapters.sim.base import DeviceSim, Readings
from orbithub.adapters.sim.errands import Trip
from orbithub.adapters.sim.family import PEOPLE, Family, Mode, Place
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["ChargerSim", "VehicleSim", "car_trips", "consumption_wh_per_km", "taper"]

_PACK_KWH = 75.0
_CHARGER_EFFICIENCY = 0.92
_MAINS_V = 220.0
_CABIN_TAU_S = 40 * 60.0
_CLIMATE_TAU_S = 5 * 60.0
DISCONNECTED, PLUGGED, CHARGING, COMPLETE = 0, 1, 2, 3


def car_trips(family: Family, now: float) -> list[Trip]:
    """Every trip of the car on the local day of ``now``, in order of departure.

    They are the car legs of the family's plans, so whoever drives travels with the car.
    """
    trips = [
        Trip(
            leg.drive,
            leg.drive.route.start,
            leg.drive.route.end,
            leg.destination is Place.HOME,
            leg.purpose,
        )
        for person in PEOPLE
        for leg in family.plan(person, now).legs
        if leg.mode is Mode.CAR
    ]
    return sorted(trips, key=lambda t: t.drive.depart)


def taper(soc: float) -> float:
    """Share of the offered power a pack accepts at ``soc`` percent (1 up to 80 %)."""
    if soc <= 80.0:
        return 1.0
    return max(0.15, 1.0 - 0.85 * (soc - 80.0) / 20.0)


def consumption_wh_per_km(speed_kmh: float, outside_c: float = 20.0) -> float:
    """Traction energy per km: rolling losses, drag growing with v², stop-and-go below 25.

    Below 15 °C every kelvin adds about 0.8 %: a cold pack has a higher internal resistance
    and cold tyres and bearings roll harder (the cabin's heating is counted separately).
    """
    stop_go = 25.0 * max(0.0, 25.0 - speed_kmh) / 25.0
    cold = 1.0 + 0.008 * max(0.0, 15.0 - outside_c)
    return (115.0 + 0.009 * speed_kmh**2 + stop_go) * cold


class ChargerSim(DeviceSim):
    """A 7 kW single-phase wallbox; the car it charges sets its power."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.on = True
        self.max_current = 32
        self.power_w = 0.0
        self.energy_kwh = rng.uniform(300.0, 2000.0)
        self.vehicle: VehicleSim | None = None

    def step(self, now: float, dt: float) -> None:
        """Meter what the plugged-in car drew."""
        self.power_w = self.vehicle.charge_w if self.vehicle is not None else 0.0
        self.energy_kwh += self.power_w * dt / 3.6e6

    def readings(self) -> Readings:
        """Switch, plug, state, current limit and meter."""
        car = self.vehicle
        if car is None:
            state = 0
        elif car.charge_w > 0:
            state = 1
        elif car.soc >= car.limit - 0.05:
            state = 2
        else:
            state = 0
        return {
            "charger.on": self.on,
            "charger.plugged": car is not None,
            "charger.charging-state": state,
            "charger.max-current": self.max_current,
            "power-meter.electric-power": self.power_w,
            "power-meter.power-consumption": self.energy_kwh,
        }

    def write(self, path: str, value: Value) -> bool:
        """Enable the charger or set the current limit."""
        if path == "charger.on":
            self.on = bool(value)
        elif path == "charger.max-current":
            self.max_current = int(value)
        else:
            return super().write(path, value)
        return True


class VehicleSim(DeviceSim):
    """A 75 kWh electric car that commutes with Alex."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.soc = rng.uniform(55.0, 90.0)
        self.limit = 90
        self.odometer = rng.uniform(12_000.0, 30_000.0)
        self.wh_per_km = 160.0
        self.outside = scene.weather.temperature(now)
        self.cabin = self.outside
        self.cabin_on = False
        self.cabin_target = 22.0
        self.locked = True
        self.charge_enabled = True
        self.charge_w = 0.0
        self.plugged = False
        self.speed = 0.0
        self._trips: dict[date, list[Trip]] = {}
        self._zone = ZoneInfo(scene.timezone)
        self.latitude, self.longitude = self._parked(now)[0]
        self.heading = 0.0
        self.step(now, 0.0)

    # -- where the car is -------------------------------------------------------------------
    def trips(self, now: float) -> list[Trip]:
        """The car's trips on the local day of ``now``, in order."""
        day = datetime.fromtimestamp(now, self._zone).date()
        cached = self._trips.get(day)
        if cached is None:
            cached = car_trips(self.scene.family, now)
            if len(self._trips) > 8:
                self._trips.clear()
            self._trips[day] = cached
        return cached

    def _parked(self, now: float) -> tuple[tuple[float, float], bool]:
        """Where the car stands when not driving, and whether that is at home."""
        where, home = self.scene.places.home, True
        for trip in self.trips(now):
            if now >= trip.drive.arrive:
                where, home = trip.destination, trip.home
        return where, home

    def driving(self, now: float) -> Trip | None:
        """The trip under way, if any."""
        return next((t for t in self.trips(now) if t.drive.active(now)), None)

    def charger(self) -> ChargerSim | None:
        """The home wallbox, when there is one."""
        home = self.scene.home_space_id
        found = [s for s in self.scene.find("ev-charger", home) if isinstance(s, ChargerSim)]
        return found[0] if found else None

    # -- physics ----------------------------------------------------------------------------
    def step(self, now: float, dt: float) -> None:
        """Drive or park, run the cabin climate, charge."""
        trip = self.driving(now)
        km = (
            sum(t.drive.distance_at(now) - t.drive.distance_at(now - dt) for t in self.trips(now))
            / 1000
        )
        driving = self.edge("driving", trip is not None)
        if driving is not None:
            # Climate comes on with the car and goes off when it is parked and locked.
            self.cabin_on = driving
            self.locked = not driving
        outdoor = self.outside = self.scene.weather.temperature(now)
        if trip is not None:
            pos = trip.drive.position_at(now)
            self.latitude, self.longitude, self.heading = pos.latitude, pos.longitude, pos.heading
            self.speed = trip.drive.speed_at(now)
        else:
            self.speed = 0.0
            self.latitude, self.longitude = self._parked(now)[0]
        mean_kmh = km / dt * 3600 if dt > 0 else 0.0
        traction_kwh = km * consumption_wh_per_km(mean_kmh, outdoor) / 1000
        climate_kw = self._climate(now, outdoor, dt)
        used = traction_kwh + climate_kw * dt / 3600
        if km > 0:
            # A running average so the range estimate follows recent driving and weather.
            w = min(1.0, km / 20.0)
            self.wh_per_km += (used * 1000 / km - self.wh_per_km) * w
            self.odometer += km
        self.soc = max(0.0, self.soc - used / _PACK_KWH * 100)
        self._charge(now, dt)

    def _climate(self, now: float, outdoor: float, dt: float) -> float:
        """Move the cabin temperature; return the climate's electric draw, kW."""
        if self.cabin_on:
            f = 1 - math.exp(-dt / _CLIMATE_TAU_S) if dt > 0 else 0.0
            self.cabin += (self.cabin_target - self.cabin) * f
            # A heat pump: ~0.1 kW per kelvin of difference, resistive boost below -5 °C.
            gap = abs(self.cabin_target - outdoor)
            return min(5.0, 0.3 + gap * (0.1 if outdoor > -5 else 0.18))
        f = 1 - math.exp(-dt / _CABIN_TAU_S) if dt > 0 else 0.0
        # A parked car in the sun is a greenhouse: up to ~8 K above the air outside.
        outside = self.speed == 0 and not self._parked(now)[1]  # at home: in the garage
        sun = 8.0 * self.scene.weather.daylight(now) if outside else 0.0
        self.cabin += (outdoor + sun - self.cabin) * f
        return 0.0

    def _charge(self, now: float, dt: float) -> None:
        at_home = self._parked(now)[1] and self.driving(now) is None
        charger = self.charger() if at_home else None
        if charger is not None:
            charger.vehicle = self
        else:
            for other in self.scene.find("ev-charger"):
                if isinstance(other, ChargerSim) and other.vehicle is self:
                    other.vehicle = None
        self.plugged = charger is not None
        self.charge_w = 0.0
        if charger is None or not charger.on or not self.charge_enabled or self.soc >= self.limit:
            return
        self.charge_w = charger.max_current * _MAINS_V * taper(self.soc)
        self.soc = min(
            float(self.limit),
            self.soc + self.charge_w * _CHARGER_EFFICIENCY * dt / 3.6e6 / _PACK_KWH * 100,
        )

    # -- reports and commands ---------------------------------------------------------------
    def readings(self) -> Readings:
        """Battery, range, charging, location, motion, cabin, lock, outside air."""
        if not self.plugged:
            state = DISCONNECTED
        elif self.charge_w > 0:
            state = CHARGING
        elif self.soc >= self.limit - 0.05:
            state = COMPLETE
        else:
            state = PLUGGED
        return {
            "battery.battery-level": self.soc,
            "vehicle.range": self.soc / 100 * _PACK_KWH * 1000 / self.wh_per_km,
            "vehicle.speed": self.speed,
            "vehicle.odometer": self.odometer,
            "charging.charging-state": state,
            "charging.charge-limit": self.limit,
            "location.latitude": self.latitude,
            "location.longitude": self.longitude,
            "location.heading": self.heading,
            "cabin.temperature": self.cabin,
            "cabin.target-temperature": self.cabin_target,
            "cabin.on": self.cabin_on,
            "lock.locked": self.locked,
            "environment.outside-temperature": self.outside,
        }

    def write(self, path: str, value: Value) -> bool:
        """Charge limit, cabin climate, lock."""
        if path == "charging.charge-limit":
            self.limit = int(value)
        elif path == "cabin.on":
            self.cabin_on = bool(value)
        elif path == "cabin.target-temperature":
            self.cabin_target = float(value)
        elif path == "lock.locked":
            self.locked = bool(value)
        else:
            return super().write(path, value)
        return True

    def call(self, path: str, arguments: Mapping[str, Value]) -> bool:
        """Start or stop charging."""
        if path == "charging.start-charge":
            self.charge_enabled = True
            return True
        if path == "charging.stop-charge":
            self.charge_enabled = False
            self.charge_w = 0.0
            return True
        return False
