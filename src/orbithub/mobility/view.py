"""What a person sees of a vehicle: where it is, how far each place is, and its drawn track.

Pure functions over the hub's state and recorded history values, shared by the API and
anything else that shows a car (the CLI, a notification).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from orbithub.core.hub import Hub
from orbithub.core.registry import Space, SpaceKind
from orbithub.mobility.eta import Eta
from orbithub.mobility.geo import distance_m, is_valid_coordinate
from orbithub.mobility.tracks import LATITUDE, LONGITUDE, Tracks
from orbithub.mobility.vehicles import number

__all__ = [
    "SPEED",
    "TRACK_PATHS",
    "Location",
    "PlaceView",
    "TrackPoint",
    "location_of",
    "merge_track",
    "places_of",
    "thin",
]

SPEED = "vehicle.speed"
TRACK_PATHS = (LATITUDE, LONGITUDE, SPEED)
"""The recorded properties a track is drawn from."""


@dataclass(frozen=True, slots=True)
class Location:
    """Where a vehicle is, and when that was last reported."""

    latitude: float
    longitude: float
    heading: float | None
    speed_kmh: float | None
    updated: float | None


@dataclass(frozen=True, slots=True)
class PlaceView:
    """A place seen from a vehicle: distance, whether it is there, and its ETA."""

    space: Space
    distance_m: float | None
    inside: bool
    eta: Eta | None


@dataclass(frozen=True, slots=True)
class TrackPoint:
    """One position of a track."""

    time: float
    latitude: float
    longitude: float
    speed_kmh: float | None


def _float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def location_of(hub: Hub, device_id: str) -> Location | None:
    """The device's current position, None when it has not reported one."""
    lat = _float(hub.state.value(device_id, LATITUDE))
    lon = _float(hub.state.value(device_id, LONGITUDE))
    if lat is None or lon is None or not is_valid_coordinate(lat, lon):
        return None
    seen = hub.state.get(device_id, LATITUDE)
    return Location(
        lat,
        lon,
        number(hub, device_id, "location.heading"),
        number(hub, device_id, SPEED),
        None if seen is None else seen.last_reported,
    )


def places_of(
    hub: Hub,
    device_id: str | None,
    location: Location | None,
    tracks: Tracks | None,
    visible: Callable[[Space], bool],
) -> list[PlaceView]:
    """Every home and office ``visible`` lets through, seen from the vehicle's device."""
    views: list[PlaceView] = []
    for place in hub.registry.spaces():
        if place.kind is SpaceKind.VEHICLE or not visible(place):
            continue
        distance = None
        if (
            location is not None
            and place.latitude is not None
            and place.longitude is not None
            and is_valid_coordinate(place.latitude, place.longitude)
        ):
            distance = distance_m(
                location.latitude, location.longitude, place.latitude, place.longitude
            )
        eta = None
        if tracks is not None and device_id is not None:
            eta = tracks.eta(device_id, place.id)
        inside = distance is not None and distance <= place.radius_m
        views.append(PlaceView(place, distance, inside, eta))
    return views


def merge_track(
    series: Mapping[str, Sequence[tuple[float, object]]],
    start: Mapping[str, object],
) -> list[TrackPoint]:
    """Positions from the separately recorded latitude, longitude and speed.

    Each property is recorded only when it changes, so a point carries the others forward
    from ``start`` (their values just before the range) and from earlier points.

    Args:
        series: ``(time, value)`` pairs by property path (:data:`TRACK_PATHS`), oldest first.
        start: each path's value before the first time, when known.
    """
    current: dict[str, float | None] = {path: _float(start.get(path)) for path in TRACK_PATHS}
    changes = sorted(
        ((t, path, _float(v)) for path, points in series.items() for t, v in points),
        key=lambda item: item[0],
    )
    out: list[TrackPoint] = []
    for time, group in itertools.groupby(changes, key=lambda item: item[0]):
        for _, path, value in group:
            current[path] = value
        lat, lon = current[LATITUDE], current[LONGITUDE]
        if lat is None or lon is None or not is_valid_coordinate(lat, lon):
            continue
        out.append(TrackPoint(time, lat, lon, current[SPEED]))
    return out


def thin(points: Sequence[TrackPoint], most: int) -> list[TrackPoint]:
    """At most ``most`` points spread evenly, first and last kept (``most`` >= 2)."""
    if len(points) <= most:
        return list(points)
    step = (len(points) - 1) / (most - 1)
    return [points[round(i * step)] for i in range(most)]
