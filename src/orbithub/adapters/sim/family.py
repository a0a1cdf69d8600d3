"""The daily routine of the family of two adults the demo home is built around.

Alex drives the car to the office on weekdays. Mei works from home on some days and takes the
subway to her workplace on the others. Weekends start later; on most weekend days Alex drives
to the shops (:mod:`~orbithub.adapters.sim.errands`), and on most weekend afternoons the two
walk to the park (Alex only when back from the shops in time). Every plan is drawn from a random
source keyed by the seed and the local date, so any instant can be asked about in any order and
the answers never change.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from orbithub.adapters.sim.errands import Errand, draw_errand
from orbithub.adapters.sim.route import Drive, Route

__all__ = [
    "DRIVER",
    "PEOPLE",
    "Commute",
    "Crossing",
    "DayPlan",
    "Family",
    "Leg",
    "Mode",
    "Place",
    "Routes",
]

PEOPLE = ("alex", "mei")
DRIVER = "alex"
"""Whose car it is: the one who drives it to work on weekdays and to the shops at weekends."""
_CACHE_LIMIT = 64


class Place(StrEnum):
    """Where a person can be when not travelling."""

    HOME = "home"
    OFFICE = "office"
    MEI_WORK = "mei-work"
    PARK = "park"
    ERRAND = "errand"
    """Out shopping; where exactly is the end of the trip that led there."""


class Mode(StrEnum):
    """How a leg is travelled."""

    CAR = "car"
    TRANSIT = "transit"
    WALK = "walk"


class Commute(StrEnum):
    """How a person gets to work on a given day."""

    CAR = "car"
    TRANSIT = "transit"
    REMOTE = "remote"


@dataclass(frozen=True, slots=True)
class Routes:
    """The roads the family uses, each drawn from home outwards."""

    car: Route
    transit: Route
    walk: Route

    @property
    def home(self) -> tuple[float, float]:
        """Where every route starts."""
        return self.car.start


@dataclass(frozen=True, slots=True)
class Leg:
    """One trip of one person; ``purpose`` is ``commute``, ``walk`` or an errand's destination."""

    person: str
    mode: Mode
    origin: Place
    destination: Place
    drive: Drive
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class Crossing:
    """Someone passing the front door: leaving or arriving."""

    time: float
    person: str
    arriving: bool


@dataclass(frozen=True, slots=True)
class DayPlan:
    """One person's day: when they wake and go to bed, and their trips in order."""

    person: str
    weekend: bool
    commute: Commute | None
    wake: float
    bedtime: float
    legs: tuple[Leg, ...]

    def leg_at(self, t: float) -> Leg | None:
        """The trip under way at ``t``, if any."""
        return next((leg for leg in self.legs if leg.drive.active(t)), None)

    def place_at(self, t: float) -> Place | None:
        """Where the person is at ``t``; None while travelling."""
        place = Place.HOME
        for leg in self.legs:
            if t < leg.drive.depart:
                break
            if t < leg.drive.arrive:
                return None
            place = leg.destination
        return place

    def last_arrival(self, t: float) -> Leg | None:
        """The last trip finished by ``t`` (None: the person has not left home yet today)."""
        found = None
        for leg in self.legs:
            if t < leg.drive.arrive:
                break
            found = leg
        return found

    def asleep(self, t: float) -> bool:
        """Whether the person is in bed at ``t``."""
        return t < self.wake or t >= self.bedtime


@dataclass(frozen=True, slots=True)
class _Day:
    plans: dict[str, DayPlan]
    tea: tuple[tuple[float, float], ...]
    cooking: tuple[tuple[float, float], ...]
    showers: tuple[tuple[float, float], ...]


class Family:
    """Answers "where is everyone and what are they doing" for any instant.

    Args:
        seed: the simulation seed.
        timezone: the home's IANA zone (routines run on local time).
        routes: the roads used for commuting and walking.
        driver: who takes the car, to work and to the shops (one of ``PEOPLE``).

    Raises:
        ValueError: ``driver`` is not one of the family.
    """

    def __init__(self, seed: int, timezone: str, routes: Routes, *, driver: str = DRIVER) -> None:
        if driver not in PEOPLE:
            raise ValueError(f"the driver must be one of {', '.join(PEOPLE)}, got {driver!r}")
        self._seed = seed
        self._timezone = timezone
        self._tz = ZoneInfo(timezone)
        self.routes = routes
        self.driver = driver
        self._days: dict[date, _Day] = {}

    # -- time -------------------------------------------------------------------------------
    def local(self, t: float) -> datetime:
        """``t`` as a local date and time."""
        return datetime.fromtimestamp(t, self._tz)

    def hour(self, t: float) -> float:
        """Local hour of the day, fractional."""
        local = self.local(t)
        return local.hour + local.minute / 60 + local.second / 3600

    def _at(self, day: date, hour: float) -> float:
        midnight = datetime.combine(day, time(0), tzinfo=self._tz)
        return (midnight + timedelta(hours=hour)).timestamp()

    # -- plans ------------------------------------------------------------------------------
    def plan(self, person: str, t: float) -> DayPlan:
        """The plan of ``person`` for the local day of ``t``."""
        return self._day(self.local(t).date()).plans[person]

    def _day(self, day: date) -> _Day:
        cached = self._days.get(day)
        if cached is None:
            if len(self._days) > _CACHE_LIMIT:
                self._days.clear()
            cached = self._make_day(day)
            self._days[day] = cached
        return cached

    def _make_day(self, day: date) -> _Day:
        shared = random.Random(f"{self._seed}:family:{day.isoformat()}")  # noqa: S311 - simulation noise, not secrets
        weekend = day.weekday() >= 5
        walk: tuple[Drive, Drive] | None = None
        if weekend and shared.random() < 0.7:
            start, stay = self._at(day, shared.uniform(15.3, 16.0)), shared.uniform(3600, 6000)
            # Walked together: one path and one timing for everyone who goes.
            walk_rng = random.Random(f"{self._seed}:walk:{day.isoformat()}")  # noqa: S311 - simulation noise, not secrets
            there = Drive.plan(self.routes.walk, start, walk_rng, free_kmh=5.0)
            back = Drive.plan(
                self.routes.walk.reversed(), there.arrive + stay, walk_rng, free_kmh=5.0
            )
            walk = (there, back)
        remote = shared.random() < 0.4
        errand = draw_errand(self._seed, self._timezone, self.routes.home, day)
        plans = {
            person: self._make_plan(day, person, weekend, walk, remote, errand) for person in PEOPLE
        }
        first_wake = min(p.wake for p in plans.values())
        tea = [
            (first_wake + shared.uniform(1200, 1800), shared.uniform(150, 260)),
            (self._at(day, shared.uniform(14.6, 15.3)), shared.uniform(150, 260)),
            (self._at(day, shared.uniform(20.2, 21.0)), shared.uniform(150, 260)),
        ]
        cooking = [
            (first_wake + shared.uniform(600, 1200), shared.uniform(600, 900)),
            (self._at(day, shared.uniform(18.75, 19.25)), shared.uniform(1800, 2700)),
        ]
        if weekend:
            cooking.append((self._at(day, shared.uniform(11.7, 12.2)), shared.uniform(1800, 2700)))
        showers = tuple(
            (p.wake + shared.uniform(300, 600), shared.uniform(420, 720)) for p in plans.values()
        )
        return _Day(
            plans,
            tuple(w for w in tea if self._anyone_home_in(plans, w[0])),
            tuple(w for w in cooking if self._anyone_home_in(plans, w[0])),
            showers,
        )

    @staticmethod
    def _anyone_home_in(plans: dict[str, DayPlan], t: float) -> bool:
        return any(p.place_at(t) is Place.HOME and not p.asleep(t) for p in plans.values())

    def _make_plan(
        self,
        day: date,
        person: str,
        weekend: bool,
        walk: tuple[Drive, Drive] | None,
        remote: bool,
        errand: Errand | None,
    ) -> DayPlan:
        rng = random.Random(f"{self._seed}:family:{person}:{day.isoformat()}")  # noqa: S311 - simulation noise, not secrets
        legs: list[Leg] = []
        commute: Commute | None = None
        if weekend:
            wake = self._at(day, rng.uniform(8.0, 9.0))
            bedtime = self._at(day, rng.uniform(23.0, 23.8))
            busy = False
            if errand is not None and person == self.driver:
                name = errand.destination.name
                legs += [
                    Leg(person, Mode.CAR, Place.HOME, Place.ERRAND, errand.out, name),
                    Leg(person, Mode.CAR, Place.ERRAND, Place.HOME, errand.back, name),
                ]
                # The driver joins the walk only when home from the shops for all of it.
                busy = walk is not None and (
                    errand.out.depart < walk[1].arrive and walk[0].depart < errand.back.arrive
                )
            if walk is not None and not busy:
                legs += [
                    Leg(person, Mode.WALK, Place.HOME, Place.PARK, walk[0], "walk"),
                    Leg(person, Mode.WALK, Place.PARK, Place.HOME, walk[1], "walk"),
                ]
            legs.sort(key=lambda leg: leg.drive.depart)
        elif person == self.driver:
            commute = Commute.CAR
            wake = self._at(day, rng.uniform(6.45, 6.9))
            bedtime = self._at(day, rng.uniform(22.8, 23.6))
            there = Drive.plan(
                self.routes.car,
                wake + rng.uniform(3600, 4500),
                rng,
                free_kmh=60.0,
                congestion=rng.uniform(0.3, 0.7),
            )
            back = Drive.plan(
                self.routes.car.reversed(),
                self._at(day, rng.uniform(17.8, 18.6)),
                rng,
                free_kmh=60.0,
                congestion=rng.uniform(0.4, 0.8),
            )
            legs += [
                Leg(person, Mode.CAR, Place.HOME, Place.OFFICE, there, "commute"),
                Leg(person, Mode.CAR, Place.OFFICE, Place.HOME, back, "commute"),
            ]
        else:
            wake = self._at(day, rng.uniform(6.9, 7.3))
            bedtime = self._at(day, rng.uniform(22.6, 23.3))
            commute = Commute.REMOTE if remote else Commute.TRANSIT
            if commute is Commute.TRANSIT:
                there = Drive.plan(
                    self.routes.transit,
                    self._at(day, rng.uniform(8.1, 8.4)),
                    rng,
                    free_kmh=24.0,
                    congestion=0.1,
                )
                back = Drive.plan(
                    self.routes.transit.reversed(),
                    self._at(day, rng.uniform(17.6, 18.1)),
                    rng,
                    free_kmh=24.0,
                    congestion=0.1,
                )
                legs += [
                    Leg(person, Mode.TRANSIT, Place.HOME, Place.MEI_WORK, there, "commute"),
                    Leg(person, Mode.TRANSIT, Place.MEI_WORK, Place.HOME, back, "commute"),
                ]
        return DayPlan(person, weekend, commute, wake, bedtime, tuple(legs))

    # -- questions about an instant ---------------------------------------------------------
    def leg_at(self, person: str, t: float) -> Leg | None:
        """The trip ``person`` is on at ``t``, if any."""
        return self.plan(person, t).leg_at(t)

    def place_at(self, person: str, t: float) -> Place | None:
        """Where ``person`` is at ``t``; None while travelling."""
        return self.plan(person, t).place_at(t)

    def asleep(self, person: str, t: float) -> bool:
        """Whether ``person`` is in bed at ``t``."""
        return self.plan(person, t).asleep(t)

    def home_count(self, t: float) -> int:
        """How many people are at home at ``t`` (asleep or not)."""
        return sum(1 for p in PEOPLE if self.place_at(p, t) is Place.HOME)

    def awake_home_count(self, t: float) -> int:
        """How many people are at home and awake at ``t``."""
        return sum(1 for p in PEOPLE if self.place_at(p, t) is Place.HOME and not self.asleep(p, t))

    def at_office(self, t: float) -> bool:
        """Whether anyone is at the office (Alex's workplace) at ``t``."""
        return any(self.place_at(p, t) is Place.OFFICE for p in PEOPLE)

    def working_from_home(self, t: float) -> bool:
        """Whether someone is at their desk at home (working hours on a remote day)."""
        hour = self.hour(t)
        in_hours = 9.0 <= hour < 12.0 or 13.0 <= hour < 17.5
        return in_hours and any(
            self.plan(p, t).commute is Commute.REMOTE and self.place_at(p, t) is Place.HOME
            for p in PEOPLE
        )

    def _in_window(self, windows: tuple[tuple[float, float], ...], t: float) -> bool:
        return any(start <= t < start + length for start, length in windows)

    def kettle_boiling(self, t: float) -> bool:
        """Whether someone is boiling water for tea at ``t``."""
        return self._in_window(self._day(self.local(t).date()).tea, t)

    def cooking(self, t: float) -> bool:
        """Whether someone is cooking at ``t``."""
        return self._in_window(self._day(self.local(t).date()).cooking, t)

    def showering(self, t: float) -> bool:
        """Whether someone is drawing hot water for a shower at ``t``."""
        return self._in_window(self._day(self.local(t).date()).showers, t)

    def crossings(self, start: float, end: float) -> list[Crossing]:
        """Everyone passing the front door in ``(start, end]``, in time order."""
        found: list[Crossing] = []
        day = self.local(start).date()
        last = self.local(end).date()
        while day <= last:
            for plan in self._day(day).plans.values():
                for leg in plan.legs:
                    if leg.origin is Place.HOME and start < leg.drive.depart <= end:
                        found.append(Crossing(leg.drive.depart, plan.person, False))
                    if leg.destination is Place.HOME and start < leg.drive.arrive <= end:
                        found.append(Crossing(leg.drive.arrive, plan.person, True))
            day += timedelta(days=1)
        return sorted(found, key=lambda c: c.time)

    def hallway_passes(self, start: float, end: float) -> list[float]:
        """Times someone walks through the hallway in ``(start, end]``: doors plus errands."""
        times = [c.time for c in self.crossings(start, end)]
        hour = int(start // 3600)
        while hour * 3600 <= end:
            rng = random.Random(f"{self._seed}:hall:{hour}")  # noqa: S311 - simulation noise, not secrets
            for _ in range(rng.randint(0, 4)):
                t = hour * 3600 + rng.uniform(0, 3600)
                if start < t <= end and self.awake_home_count(t) > 0:
                    times.append(t)
            hour += 1
        return sorted(times)
