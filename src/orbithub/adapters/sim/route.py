"""Routes as polylines of waypoints, and timed trips along them with traffic.

No map service: the demo's routes are a handful of hand-placed waypoints along Beijing's main
roads, and distances come from the haversine formula (good to ~0.5 % at city scale, plenty for
a simulation; the ``mobility`` package uses exact WGS84 geodesy where it matters).
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["EARTH_RADIUS_M", "Drive", "Position", "Route", "bearing_deg", "haversine_m"]

EARTH_RADIUS_M = 6_371_008.8
"""Mean Earth radius (IUGG), metres."""


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two WGS84 points, in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial compass bearing from the first point to the second, 0..360 degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360.0


@dataclass(frozen=True, slots=True)
class Position:
    """Where something is on a route: coordinates, heading (degrees) and distance covered (m)."""

    latitude: float
    longitude: float
    heading: float
    distance: float


@dataclass(frozen=True, slots=True)
class Route:
    """A polyline of (latitude, longitude) waypoints with cumulative distances."""

    waypoints: tuple[tuple[float, float], ...]
    _cumulative: tuple[float, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def of(cls, waypoints: Sequence[tuple[float, float]]) -> Route:
        """Build a route; it needs at least two waypoints."""
        if len(waypoints) < 2:
            raise ValueError(f"a route needs at least two waypoints, got {len(waypoints)}")
        cumulative = [0.0]
        for (a_lat, a_lon), (b_lat, b_lon) in itertools.pairwise(waypoints):
            cumulative.append(cumulative[-1] + haversine_m(a_lat, a_lon, b_lat, b_lon))
        return cls(tuple(waypoints), tuple(cumulative))

    @property
    def length(self) -> float:
        """Total length, metres."""
        return self._cumulative[-1]

    @property
    def start(self) -> tuple[float, float]:
        """The first waypoint."""
        return self.waypoints[0]

    @property
    def end(self) -> tuple[float, float]:
        """The last waypoint."""
        return self.waypoints[-1]

    def reversed(self) -> Route:
        """The same road driven the other way."""
        return Route.of(self.waypoints[::-1])

    def at(self, distance: float) -> Position:
        """The point ``distance`` metres along the route (clamped to its ends)."""
        d = min(max(distance, 0.0), self.length)
        i = max(0, min(bisect.bisect_right(self._cumulative, d) - 1, len(self.waypoints) - 2))
        seg = self._cumulative[i + 1] - self._cumulative[i]
        f = 0.0 if seg <= 0 else (d - self._cumulative[i]) / seg
        (a_lat, a_lon), (b_lat, b_lon) = self.waypoints[i], self.waypoints[i + 1]
        # Linear interpolation in degrees is fine over a few hundred metres of one segment.
        return Position(
            a_lat + (b_lat - a_lat) * f,
            a_lon + (b_lon - a_lon) * f,
            bearing_deg(a_lat, a_lon, b_lat, b_lon),
            d,
        )


_CHUNK_M = 400.0
"""Traffic changes speed every few hundred metres: a light, a queue, a free stretch."""


@dataclass(frozen=True, slots=True)
class Drive:
    """One timed trip along a route, with a speed per stretch drawn from the traffic.

    Attributes:
        route: the road travelled.
        depart: departure time, epoch seconds.
        speeds: speed on each stretch of ``_CHUNK_M`` metres, km/h.
    """

    route: Route
    depart: float
    speeds: tuple[float, ...]
    _times: tuple[float, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def plan(
        cls,
        route: Route,
        depart: float,
        rng: random.Random,
        *,
        free_kmh: float = 60.0,
        congestion: float = 0.0,
    ) -> Drive:
        """Draw the speed of every stretch.

        Args:
            route: the road.
            depart: departure time.
            rng: the trip's own random source (seeded by the caller).
            free_kmh: typical speed without traffic.
            congestion: 0 (empty roads) .. 1 (rush hour gridlock); lowers speeds and adds stops.
        """
        count = max(1, math.ceil(route.length / _CHUNK_M))
        speeds: list[float] = []
        for _ in range(count):
            factor = rng.uniform(0.55, 1.1) * (1.0 - 0.6 * congestion)
            if rng.random() < 0.12 + 0.3 * congestion:
                factor *= rng.uniform(0.1, 0.35)  # a red light or a queue
            speeds.append(max(4.0, free_kmh * factor))
        return cls.timed(route, depart, speeds)

    @classmethod
    def timed(cls, route: Route, depart: float, speeds: Sequence[float]) -> Drive:
        """A drive with given stretch speeds (km/h)."""
        times = [depart]
        for i, v in enumerate(speeds):
            length = min(_CHUNK_M, route.length - i * _CHUNK_M)
            times.append(times[-1] + max(0.0, length) / (v / 3.6))
        return cls(route, depart, tuple(speeds), tuple(times))

    @property
    def arrive(self) -> float:
        """Arrival time, epoch seconds."""
        return self._times[-1]

    def active(self, t: float) -> bool:
        """Whether the trip is under way at ``t``."""
        return self.depart <= t < self.arrive

    def speed_at(self, t: float) -> float:
        """Speed at ``t`` in km/h (0 before departure and after arrival)."""
        if not self.active(t):
            return 0.0
        i = min(bisect.bisect_right(self._times, t) - 1, len(self.speeds) - 1)
        return self.speeds[i]

    def distance_at(self, t: float) -> float:
        """Metres covered by ``t``."""
        if t <= self.depart:
            return 0.0
        if t >= self.arrive:
            return self.route.length
        i = min(bisect.bisect_right(self._times, t) - 1, len(self.speeds) - 1)
        d = i * _CHUNK_M + (t - self._times[i]) * self.speeds[i] / 3.6
        return min(d, self.route.length)

    def position_at(self, t: float) -> Position:
        """Where the traveller is at ``t``."""
        return self.route.at(self.distance_at(t))
