"""Geofences: decide whether each located device is inside each place, without flapping.

A place is a home or an office with coordinates and a ``radius_m``. A device is tracked when its
spec has ``location.latitude`` and ``location.longitude`` (a phone, a car's tracker). The
decision has hysteresis so a GPS jump at the edge does not flap:

* a fix whose ``location.accuracy`` is worse than ``max_accuracy_m`` is ignored (a coarse cell
  fix in the subway says little about which side of a 150 m fence the phone is on);
* a device outside enters when its fix lies within the radius;
* a device inside leaves only when its fix lies beyond ``radius + max(margin, accuracy)``, so
  noise of up to the margin (or the fix's own error) cannot take it out.

A device not seen yet counts as outside, so its first fix inside a place is an arrival.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from orbithub.core.context import Context, Origin
from orbithub.core.events import ZoneChanged
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.mobility.geo import distance_m, is_valid_coordinate

__all__ = [
    "LOCATION_PATHS",
    "ZoneSettings",
    "Zones",
    "decide",
    "is_place",
    "is_tracked",
]

LATITUDE = "location.latitude"
LONGITUDE = "location.longitude"
ACCURACY = "location.accuracy"
LOCATION_PATHS = frozenset({LATITUDE, LONGITUDE, ACCURACY})
"""The properties whose change may move a device across a fence."""

_CONTEXT = Context(Origin.SYSTEM, "zones")


@dataclass(frozen=True, slots=True)
class ZoneSettings:
    """How forgiving the fences are.

    Attributes:
        margin_m: how far beyond the radius a device inside must be seen before it leaves.
        max_accuracy_m: fixes less accurate than this are ignored.
    """

    margin_m: float = 50.0
    max_accuracy_m: float = 250.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.margin_m) and self.margin_m >= 0):
            raise ValueError(f"margin_m must be a finite distance >= 0, got {self.margin_m!r}")
        if not (math.isfinite(self.max_accuracy_m) and self.max_accuracy_m > 0):
            raise ValueError(
                f"max_accuracy_m must be a finite distance > 0, got {self.max_accuracy_m!r}"
            )


def decide(
    inside: bool, distance: float, radius: float, accuracy: float, settings: ZoneSettings
) -> bool:
    """Whether a device is inside after a fix, given whether it was inside before.

    Args:
        inside: the decision before this fix.
        distance: the fix's distance from the place's centre, metres.
        radius: the place's radius, metres.
        accuracy: the fix's accuracy radius, metres (0 when the device does not say).
        settings: margin and the worst accuracy still believed.

    Returns:
        The new decision; the old one when the fix is too coarse to tell.
    """
    if not math.isfinite(accuracy) or accuracy > settings.max_accuracy_m:
        return inside
    if inside:
        return distance <= radius + max(settings.margin_m, accuracy)
    return distance <= radius


def is_place(space: Space) -> bool:
    """Whether a space has a fence: a home or office with coordinates and a positive radius."""
    return (
        space.kind is not SpaceKind.VEHICLE
        and space.latitude is not None
        and space.longitude is not None
        and space.radius_m > 0
    )


def is_tracked(device: Device) -> bool:
    """Whether a device reports a location the fences apply to."""
    spec = device.spec
    return spec.find_property(LATITUDE) is not None and spec.find_property(LONGITUDE) is not None


class Zones:
    """The inside/outside decision of every tracked device for every place. Loop only.

    Call :meth:`update` after a device's location changed (the presence tracker does, from the
    bus); it publishes one :class:`ZoneChanged` per fence crossed.

    Args:
        hub: the hub whose registry, state and bus are used.
        settings: margin and accuracy limit.
    """

    def __init__(self, hub: Hub, settings: ZoneSettings | None = None) -> None:
        self._hub = hub
        self.settings = settings or ZoneSettings()
        self._inside: dict[str, set[str]] = {}
        """device id -> the places it is inside."""

    def inside(self, device_id: str, space_id: str) -> bool:
        """Whether the device is inside the place's fence right now."""
        return space_id in self._inside.get(device_id, ())

    def places_of(self, device_id: str) -> frozenset[str]:
        """The places the device is inside."""
        return frozenset(self._inside.get(device_id, ()))

    def devices_inside(self, space_id: str) -> list[str]:
        """The devices inside a place's fence, sorted."""
        return sorted(d for d, places in self._inside.items() if space_id in places)

    def restore(self, device_id: str, space_id: str) -> None:
        """Start with a device inside a place (from the activity log after a restart), silently.

        Its next fix is then judged with the hysteresis of a device inside, so a restart does
        not announce arrivals again.
        """
        self._inside.setdefault(device_id, set()).add(space_id)

    def forget(self, device_id: str) -> None:
        """Drop a removed device's decisions (no event: it did not move)."""
        self._inside.pop(device_id, None)

    def update(self, device_id: str) -> list[ZoneChanged]:
        """Decide again from the device's current location; publish and return the crossings."""
        hub = self._hub
        device = hub.registry.find_device(device_id)
        if device is None or not is_tracked(device):
            self.forget(device_id)
            return []
        lat = _number(hub.state.value(device_id, LATITUDE))
        lon = _number(hub.state.value(device_id, LONGITUDE))
        if lat is None or lon is None or not is_valid_coordinate(lat, lon):
            return []
        accuracy = _number(hub.state.value(device_id, ACCURACY)) or 0.0
        current = self._inside.setdefault(device_id, set())
        changes: list[ZoneChanged] = []
        places = _places(hub.registry.spaces())
        for space, centre_lat, centre_lon in places:
            was = space.id in current
            distance = _rough_distance(lat, lon, centre_lat, centre_lon)
            if _near_a_threshold(distance, space.radius_m, accuracy, self.settings):
                distance = distance_m(lat, lon, centre_lat, centre_lon)
            now_inside = decide(was, distance, space.radius_m, accuracy, self.settings)
            if now_inside == was:
                continue
            # A crossing is rare; its event carries the exact distance.
            distance = distance_m(lat, lon, centre_lat, centre_lon)
            if now_inside:
                current.add(space.id)
            else:
                current.discard(space.id)
            event = ZoneChanged(
                hub.bus.next_seq(), hub.now(), space.id, device_id, now_inside, distance, _CONTEXT
            )
            hub.bus.publish(event)
            changes.append(event)
        # A place that lost its fence (deleted, moved to a vehicle) no longer holds anyone.
        current.intersection_update({space.id for space, _, _ in places})
        return changes


_EARTH_RADIUS_M = 6_371_008.8
_SPHERE_ERROR = 0.006
"""A distance on the mean sphere is within 0.56 % of the WGS84 geodesic (plus rounding)."""


def _rough_distance(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Haversine on the mean sphere: ~10x cheaper than the geodesic, good enough to see that a
    # fix is nowhere near a fence (most fixes), never used to decide near one.
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _near_a_threshold(
    distance: float, radius: float, accuracy: float, settings: ZoneSettings
) -> bool:
    slack = distance * _SPHERE_ERROR + 1.0
    leave = radius + max(settings.margin_m, accuracy)
    return abs(distance - radius) <= slack or abs(distance - leave) <= slack


def _places(spaces: Iterable[Space]) -> list[tuple[Space, float, float]]:
    return [
        (s, s.latitude, s.longitude)
        for s in spaces
        if s.latitude is not None and s.longitude is not None and is_place(s)
    ]


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
