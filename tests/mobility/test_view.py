"""The vehicle as people see it: places around it and its track from recorded values."""

from __future__ import annotations

from orbithub.core.hub import Hub
from orbithub.mobility.view import TrackPoint, location_of, merge_track, places_of, thin


def test_a_track_carries_unchanged_coordinates_forward() -> None:
    series: dict[str, list[tuple[float, object]]] = {
        "location.latitude": [(10.0, 39.91), (20.0, 39.92), (30.0, 39.93)],
        "location.longitude": [(10.0, 116.40), (30.0, 116.41)],
        "vehicle.speed": [(20.0, 30.0)],
    }
    points = merge_track(series, {"vehicle.speed": 0.0})
    assert points == [
        TrackPoint(10.0, 39.91, 116.40, 0.0),
        TrackPoint(20.0, 39.92, 116.40, 30.0),
        TrackPoint(30.0, 39.93, 116.41, 30.0),
    ]


def test_a_track_starts_from_the_position_before_the_range_and_skips_nonsense() -> None:
    series: dict[str, list[tuple[float, object]]] = {
        "location.latitude": [(5.0, 39.95), (6.0, 95.0)],
        "location.longitude": [],
        "vehicle.speed": [],
    }
    points = merge_track(series, {"location.longitude": 116.4})
    assert points == [TrackPoint(5.0, 39.95, 116.4, None)]
    assert merge_track({"location.latitude": [(1.0, 39.9)]}, {}) == []


def test_thinning_keeps_the_ends() -> None:
    points = [TrackPoint(float(i), 39.9, 116.4, None) for i in range(101)]
    kept = thin(points, 5)
    assert [p.time for p in kept] == [0.0, 25.0, 50.0, 75.0, 100.0]
    assert thin(points[:3], 5) == points[:3]


def test_places_around_the_car_with_distance_and_inside(hub: Hub) -> None:
    hub.report_many("car", {"location.latitude": 39.9050, "location.longitude": 116.4074})
    location = location_of(hub, "car")
    assert location is not None
    views = {v.space.id: v for v in places_of(hub, "car", location, None, lambda s: True)}
    assert set(views) == {"home", "office"}
    assert views["home"].inside
    assert views["home"].distance_m is not None
    assert 80 < views["home"].distance_m < 100
    assert not views["office"].inside
    only_home = places_of(hub, "car", location, None, lambda s: s.id == "home")
    assert [v.space.id for v in only_home] == ["home"]
    assert location_of(hub, "phone-alex") is None
