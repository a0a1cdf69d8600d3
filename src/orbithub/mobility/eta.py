"""Estimated time of arrival of a moving device (a car, a phone) at a place, from its fixes.

The estimate uses the *closing speed*: how fast the distance to the target shrinks, measured
from consecutive positions over the last few minutes (recent pairs weigh more), so a road that
winds or a detour counts as it really is. When the device also reports its speed, that reading
is the most current one: it is scaled by how direct the recent path was and blended in, so a car
that has just sped up on the ring road is not judged by the traffic light it left a minute ago.

Confidence (0..1) says how much to trust the figure: it falls when the closing speeds disagree
with each other, when the last fix is old, and when only a couple of fixes are known.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

from orbithub.mobility.geo import bearing_deg, check_coordinates, distance_m

__all__ = ["Eta", "EtaEstimator", "Fix"]

_KMH = 1000.0 / 3600.0
_MERGE_S = 0.5
"""Fixes closer in time than this replace each other: a position arrives as two reports."""
_MAX_PLAUSIBLE_MS = 100.0
"""360 km/h: a jump faster than this between two fixes is a GPS glitch, not a journey."""
_MIN_CLOSING_MS = 0.3
"""Below ~1 km/h of closing speed the device is not approaching; it is parked or drifting."""
_HALF_LIFE_S = 60.0
"""Weight of a pair of fixes halves every minute of age."""
_REPORTED_WEIGHT = 0.4
"""Share of the reported speed in the ground speed, beside the speed measured from fixes."""
_MAX_TARGETS = 16
"""Distances to this many recent targets (spaces asked about) are remembered per device."""
_STALE_S = 180.0
"""Confidence halves for every three minutes without a new fix."""


@dataclass(frozen=True, slots=True)
class Fix:
    """One position of a moving device.

    Attributes:
        time: when it was taken, epoch seconds.
        latitude: WGS84 degrees.
        longitude: WGS84 degrees.
        speed_kmh: the speed the device reported with it, None when it reports none.
    """

    time: float
    latitude: float
    longitude: float
    speed_kmh: float | None = None


@dataclass(frozen=True, slots=True)
class Eta:
    """An estimated arrival.

    Attributes:
        seconds: time left until the device is within the target's radius (0 when it is).
        distance_m: straight-line distance left to the edge of that radius, metres.
        confidence: 0..1, how far to trust ``seconds``.
        approaching: whether the distance is shrinking.
    """

    seconds: float
    distance_m: float
    confidence: float
    approaching: bool


class EtaEstimator:
    """Keeps the recent fixes of one device and estimates its arrival anywhere. Loop only.

    Args:
        window_s: how far back fixes are used, seconds.
        max_fixes: at most this many fixes are kept.
    """

    def __init__(self, *, window_s: float = 300.0, max_fixes: int = 32) -> None:
        if window_s <= 0 or max_fixes < 2:
            raise ValueError(
                f"an ETA needs a positive window and at least two fixes (got {window_s}, "
                f"{max_fixes})"
            )
        self.window_s = window_s
        self._fixes: deque[Fix] = deque(maxlen=max_fixes)
        # A geodesic costs ~0.1 ms; each fix's step from the previous one and its distance to
        # each recent target are computed once, so an estimate after a new fix costs one.
        self._steps: dict[Fix, float] = {}
        self._targets: dict[tuple[float, float], dict[Fix, float]] = {}

    @property
    def fixes(self) -> tuple[Fix, ...]:
        """The fixes in use, oldest first."""
        return tuple(self._fixes)

    @property
    def last(self) -> Fix | None:
        """The latest fix, None before the first."""
        return self._fixes[-1] if self._fixes else None

    def add(self, fix: Fix) -> bool:
        """Add a fix; returns False when it is refused.

        A fix older than the latest is refused (a late delivery), and so is one that would mean
        moving faster than 360 km/h (a GPS glitch); a fix within half a second of the latest
        replaces it.

        Raises:
            InvalidCoordinateError: the position is not a WGS84 coordinate.
        """
        check_coordinates(fix.latitude, fix.longitude)
        if fix.speed_kmh is not None and not (math.isfinite(fix.speed_kmh) and fix.speed_kmh >= 0):
            fix = Fix(fix.time, fix.latitude, fix.longitude, None)
        last = self.last
        if last is not None:
            dt = fix.time - last.time
            if dt < -_MERGE_S:
                return False
            if dt < _MERGE_S:
                self._fixes.pop()
                last = self.last
        moved = 0.0
        if last is not None:
            dt = fix.time - last.time
            moved = distance_m(last.latitude, last.longitude, fix.latitude, fix.longitude)
            if moved > _MAX_PLAUSIBLE_MS * dt:
                return False
        self._fixes.append(fix)
        self._steps[fix] = moved
        while self._fixes and fix.time - self._fixes[0].time > self.window_s:
            self._fixes.popleft()
        if len(self._steps) > 2 * len(self._fixes):
            self._prune()
        return True

    def _prune(self) -> None:
        kept = set(self._fixes)
        self._steps = {f: d for f, d in self._steps.items() if f in kept}
        for target, distances in self._targets.items():
            self._targets[target] = {f: d for f, d in distances.items() if f in kept}

    def clear(self) -> None:
        """Forget every fix (the device was removed or teleported by a reset)."""
        self._fixes.clear()
        self._steps.clear()
        self._targets.clear()

    def _distances(self, fixes: list[Fix], latitude: float, longitude: float) -> list[float]:
        key = (latitude, longitude)
        cache = self._targets.get(key)
        if cache is None:
            if len(self._targets) >= _MAX_TARGETS:
                self._targets.pop(next(iter(self._targets)))
            cache = self._targets[key] = {}
        out = []
        for f in fixes:
            d = cache.get(f)
            if d is None:
                d = cache[f] = distance_m(f.latitude, f.longitude, latitude, longitude)
            out.append(d)
        return out

    def eta(
        self, latitude: float, longitude: float, radius_m: float = 0.0, *, now: float | None = None
    ) -> Eta | None:
        """The estimated arrival within ``radius_m`` of a position.

        Args:
            latitude: the target's WGS84 latitude.
            longitude: the target's WGS84 longitude.
            radius_m: arrival means being this close (a space's geofence radius).
            now: the current time, for recency; default the latest fix's time.

        Returns:
            None when fewer than two usable fixes are known, or when the device is outside the
            radius and not approaching (parked, or driving away). Inside the radius the ETA is
            zero seconds.

        Raises:
            InvalidCoordinateError: the target is not a WGS84 coordinate.
        """
        check_coordinates(latitude, longitude)
        fixes = list(self._fixes)
        if len(fixes) < 2:
            return None
        last = fixes[-1]
        now = last.time if now is None else max(now, last.time)
        distances = self._distances(fixes, latitude, longitude)
        left = max(0.0, distances[-1] - max(0.0, radius_m))
        steps = [self._steps.get(f, 0.0) for f in fixes]
        closing, ground, consistency = _weighted_speeds(fixes, distances, steps, now)
        if ground is None or closing is None:
            return None
        if last.speed_kmh is not None:
            directness = 0.0 if ground <= 0 else max(-1.0, min(1.0, closing / ground))
            reported = last.speed_kmh * _KMH
            blended = (1 - _REPORTED_WEIGHT) * ground + _REPORTED_WEIGHT * reported
            closing = directness * blended
            consistency *= _agreement(ground, reported)
        approaching = closing > _MIN_CLOSING_MS
        recency = 0.5 ** ((now - last.time) / _STALE_S)
        samples = min(1.0, (len(fixes) - 1) / 4.0)
        confidence = round(max(0.0, min(1.0, consistency * recency * samples)), 3)
        if left == 0.0:
            return Eta(0.0, 0.0, confidence, approaching)
        if not approaching:
            return None
        # The device has kept moving since its last fix; count that time as already travelled.
        seconds = max(0.0, left / closing - (now - last.time))
        return Eta(seconds, left, confidence, approaching)

    def heading_deg(self) -> float | None:
        """The direction of travel between the last two fixes, degrees 0..360; None if unknown."""
        if len(self._fixes) < 2:
            return None
        a, b = self._fixes[-2], self._fixes[-1]
        if (a.latitude, a.longitude) == (b.latitude, b.longitude):
            return None
        return bearing_deg(a.latitude, a.longitude, b.latitude, b.longitude)


def _weighted_speeds(
    fixes: list[Fix], distances: list[float], steps: list[float], now: float
) -> tuple[float | None, float | None, float]:
    """Closing and ground speed (m/s), recency-weighted over pairs, and their consistency."""
    total = closing_sum = ground_sum = 0.0
    samples: list[tuple[float, float]] = []
    for i in range(1, len(fixes)):
        a, b = fixes[i - 1], fixes[i]
        dt = b.time - a.time
        if dt <= 0:
            continue
        weight = dt * 0.5 ** ((now - b.time) / _HALF_LIFE_S)
        closing = (distances[i - 1] - distances[i]) / dt
        ground = steps[i] / dt
        total += weight
        closing_sum += weight * closing
        ground_sum += weight * ground
        samples.append((weight, closing))
    if total <= 0:
        return None, None, 0.0
    mean = closing_sum / total
    if len(samples) == 1:
        return mean, ground_sum / total, 0.7
    spread = math.sqrt(sum(w * (c - mean) ** 2 for w, c in samples) / total)
    # Spread relative to the speed itself: 0 spread gives 1, a spread as large as the mean ~0.5.
    consistency = 1.0 / (1.0 + (spread / max(abs(mean), 1.0)) ** 2)
    return mean, ground_sum / total, consistency


def _agreement(measured: float, reported: float) -> float:
    """1 when the reported speed matches the measured one, falling towards 0.5 as they differ."""
    scale = max(measured, reported, 1.0)
    return 1.0 - 0.5 * min(1.0, abs(measured - reported) / scale)
