"""Weekend errands: on which days the car is taken shopping, where to, and when.

On most weekend days the family's driver takes the car shopping: to the supermarket a few
kilometres away in the morning, or to a mall across town in the afternoon, staying an hour or
two. Each day's errand is drawn from a random source keyed by the seed and the local date, so
any instant can be asked about in any order and the answer never changes. The family's plan
(:mod:`~orbithub.adapters.sim.family`) makes the errand the driver's trips, so the driver's
phone travels with the car; the car's own trips come from that plan.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from orbithub.adapters.sim.route import Drive, Route

if TYPE_CHECKING:
    from orbithub.adapters.sim.places import Places

__all__ = ["DESTINATIONS", "Destination", "Errand", "Trip", "draw_errand", "errand_trips"]

_ERRAND_CHANCE = 0.7
_M_PER_DEG_LAT = 111_000.0


@dataclass(frozen=True, slots=True)
class Destination:
    """Somewhere the car is taken shopping.

    Attributes:
        name: what it is (``supermarket``, ``mall``, ``market``).
        north_m: metres north of home.
        east_m: metres east of home.
        free_kmh: typical speed on the way without traffic.
        morning: whether the family goes in the morning (else in the afternoon).
    """

    name: str
    north_m: float
    east_m: float
    free_kmh: float
    morning: bool


DESTINATIONS = (
    Destination("supermarket", 2_600.0, -1_900.0, 40.0, morning=True),
    Destination("mall", -4_200.0, 6_800.0, 55.0, morning=False),
    Destination("market", 1_200.0, 3_400.0, 35.0, morning=True),
)


@dataclass(frozen=True, slots=True)
class Errand:
    """One day's shopping trip: there, a stay, and back along the same roads.

    Attributes:
        destination: where to.
        there: its coordinates (latitude, longitude).
        out: the drive from home.
        back: the drive home.
    """

    destination: Destination
    there: tuple[float, float]
    out: Drive
    back: Drive


@dataclass(frozen=True, slots=True)
class Trip:
    """One drive of the car between two parking spots.

    Attributes:
        drive: the timed drive along its route.
        origin: where it starts (latitude, longitude).
        destination: where the car parks afterwards.
        home: whether it parks at home (in the garage, by the charger) afterwards.
        purpose: ``commute`` or the errand's destination name.
    """

    drive: Drive
    origin: tuple[float, float]
    destination: tuple[float, float]
    home: bool
    purpose: str


def _offset(home: tuple[float, float], north: float, east: float) -> tuple[float, float]:
    lat = home[0] + north / _M_PER_DEG_LAT
    lon = home[1] + east / (_M_PER_DEG_LAT * math.cos(math.radians(home[0])))
    return (lat, lon)


def draw_errand(seed: int, timezone: str, home: tuple[float, float], day: date) -> Errand | None:
    """The weekend errand of ``day`` from ``home``, or None (weekdays, and some weekend days)."""
    if day.weekday() < 5:
        return None
    rng = random.Random(f"{seed}:errand:{day.isoformat()}")  # noqa: S311 - simulation noise, not secrets
    if rng.random() >= _ERRAND_CHANCE:
        return None
    destination = rng.choice(DESTINATIONS)
    hour = rng.uniform(9.5, 11.0) if destination.morning else rng.uniform(14.5, 16.0)
    depart = datetime.combine(day, time(0), ZoneInfo(timezone)) + timedelta(hours=hour)
    there = _offset(home, destination.north_m, destination.east_m)
    # City blocks: along one axis, then the other (no map service in the simulation).
    route = Route.of([home, (home[0], there[1]), there])
    free_kmh = destination.free_kmh
    out = Drive.plan(
        route, depart.timestamp(), rng, free_kmh=free_kmh, congestion=rng.uniform(0.1, 0.5)
    )
    stay = rng.uniform(45, 110) * 60
    back = Drive.plan(
        route.reversed(),
        out.arrive + stay,
        rng,
        free_kmh=free_kmh,
        congestion=rng.uniform(0.1, 0.5),
    )
    return Errand(destination, there, out, back)


def errand_trips(seed: int, timezone: str, places: Places, day: date) -> list[Trip]:
    """The car's trips for the weekend errand of ``day`` (out and back), or none."""
    errand = draw_errand(seed, timezone, places.home, day)
    if errand is None:
        return []
    name = errand.destination.name
    return [
        Trip(errand.out, places.home, errand.there, False, name),
        Trip(errand.back, errand.there, places.home, True, name),
    ]
