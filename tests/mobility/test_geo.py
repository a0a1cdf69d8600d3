"""Geodesy: distances and bearings on WGS84 against known values, and bad coordinates."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orbithub.mobility import InvalidCoordinateError, bearing_deg, distance_m, is_valid_coordinate

lats = st.floats(-90, 90, allow_nan=False)
lons = st.floats(-180, 180, allow_nan=False)


def test_wellington_to_salamanca_matches_the_published_geodesic() -> None:
    # The worked example of GeographicLib's documentation: 19,959,679.267 m on WGS84.
    d = distance_m(-41.32, 174.81, 40.96, -5.50)
    assert d == pytest.approx(19_959_679.267, abs=0.01)


def test_one_degree_of_latitude_at_the_equator_is_the_ellipsoids_not_a_spheres() -> None:
    # On WGS84, 0->1 degree of latitude along a meridian is 110,574 m; a sphere says 111,195 m.
    assert distance_m(0, 0, 1, 0) == pytest.approx(110_574.4, abs=1)


def test_bearings_point_the_right_way() -> None:
    assert bearing_deg(39.9, 116.4, 40.0, 116.4) == pytest.approx(0.0, abs=1e-6)
    assert bearing_deg(39.9, 116.4, 39.9, 116.5) == pytest.approx(90.0, abs=0.1)
    assert bearing_deg(39.9, 116.4, 39.8, 116.4) == pytest.approx(180.0, abs=1e-6)
    assert bearing_deg(39.9, 116.4, 39.9, 116.3) == pytest.approx(270.0, abs=0.1)
    assert bearing_deg(39.9, 116.4, 39.9, 116.4) == 0.0


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(91.0, 0.0), (-90.5, 0.0), (0.0, 180.01), (math.nan, 0.0), (0.0, math.inf)],
)
def test_out_of_range_or_non_finite_coordinates_are_refused(lat: float, lon: float) -> None:
    assert not is_valid_coordinate(lat, lon)
    with pytest.raises(InvalidCoordinateError, match=r"-90\.\.90"):
        distance_m(lat, lon, 0.0, 0.0)
    with pytest.raises(InvalidCoordinateError):
        bearing_deg(0.0, 0.0, lat, lon)


def test_non_numbers_are_not_coordinates() -> None:
    assert not is_valid_coordinate("39.9", 116.4)
    assert not is_valid_coordinate(True, 116.4)
    assert not is_valid_coordinate(None, None)


@given(lats, lons, lats, lons)
def test_distance_is_symmetric_non_negative_and_bounded(
    a: float, b: float, c: float, d: float
) -> None:
    there = distance_m(a, b, c, d)
    back = distance_m(c, d, a, b)
    assert there >= 0.0
    assert there == pytest.approx(back, abs=1e-6)
    # No two points on Earth are further apart than half the meridian (~20,004 km).
    assert there <= 20_004_000


def test_a_bearing_a_hair_west_of_north_is_north_not_360() -> None:
    assert bearing_deg(0.0, 0.0, 46.0, -179.99999999999997) == 0.0


@given(lats, lons, lats, lons)
def test_bearing_is_within_a_full_turn(a: float, b: float, c: float, d: float) -> None:
    assert 0.0 <= bearing_deg(a, b, c, d) < 360.0
