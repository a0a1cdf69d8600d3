"""Haversine distances and positions along a route."""

from __future__ import annotations

import random

import pytest

from orbithub.adapters.sim.route import Drive, Route, haversine_m


def test_haversine_matches_a_known_distance() -> None:
    # Beijing Capital airport to Tiananmen: ~25.3 km great-circle.
    assert haversine_m(40.0799, 116.6031, 39.9042, 116.4074) == pytest.approx(25_800, rel=0.03)
    assert haversine_m(0, 0, 0, 1) == pytest.approx(111_195, rel=1e-3)


def test_route_positions_and_drive_timing() -> None:
    route = Route.of([(39.90, 116.40), (39.90, 116.42), (39.92, 116.42)])
    assert route.at(0).latitude == 39.90
    end = route.at(route.length + 50)
    assert (end.latitude, end.longitude) == (39.92, 116.42)
    assert route.at(100).heading == pytest.approx(90, abs=0.5)
    drive = Drive.plan(route, 1000.0, random.Random(3), congestion=0.5)
    assert drive.arrive > 1000 + route.length / (60 / 3.6)
    assert drive.distance_at(drive.arrive) == route.length
    middle = (drive.depart + drive.arrive) / 2
    assert 0 < drive.distance_at(middle) < route.length
    assert drive.speed_at(middle) > 0
    assert drive.speed_at(drive.arrive + 1) == 0
