"""ETA from fixes: a car driving towards a place, away from it, parked, or reporting nonsense."""

from __future__ import annotations

import pytest
from geographiclib.geodesic import Geodesic  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

from orbithub.mobility import EtaEstimator, Fix, InvalidCoordinateError, distance_m

HOME = (39.9042, 116.4074)


def _point_towards(distance: float, azimuth: float = 0.0) -> tuple[float, float]:
    """The point ``distance`` metres from HOME along ``azimuth`` (0 = north of home)."""
    out = Geodesic.WGS84.Direct(HOME[0], HOME[1], azimuth, distance)
    return float(out["lat2"]), float(out["lon2"])


def _drive(
    est: EtaEstimator, start_m: float, speed_ms: float, seconds: int, step: int = 10
) -> float:
    """Feed fixes of a car coming straight at HOME from the north; returns the last time."""
    t = 0.0
    for t_i in range(0, seconds + 1, step):
        t = 1_700_000_000.0 + t_i
        lat, lon = _point_towards(max(0.0, start_m - speed_ms * t_i))
        est.add(Fix(t, lat, lon, speed_ms * 3.6))
    return t


def test_a_car_driving_straight_home_at_a_steady_speed_gets_a_confident_exact_eta() -> None:
    est = EtaEstimator()
    _drive(est, 10_000, 15.0, 120)  # 54 km/h for two minutes: 8,200 m left
    eta = est.eta(*HOME)
    assert eta is not None
    assert eta.approaching
    assert eta.distance_m == pytest.approx(8_200, abs=5)
    assert eta.seconds == pytest.approx(8_200 / 15.0, rel=0.02)
    assert eta.confidence > 0.9


def test_the_radius_is_subtracted_and_inside_it_the_eta_is_zero() -> None:
    est = EtaEstimator()
    _drive(est, 2_000, 10.0, 60)  # 1,400 m left
    eta = est.eta(*HOME, radius_m=400)
    assert eta is not None
    assert eta.distance_m == pytest.approx(1_000, abs=5)
    assert eta.seconds == pytest.approx(100, rel=0.02)
    _drive(est, 2_000, 10.0, 180)  # 200 m left: inside a 400 m geofence
    arrived = est.eta(*HOME, radius_m=400)
    assert arrived is not None
    assert (arrived.seconds, arrived.distance_m) == (0.0, 0.0)


def test_driving_away_or_parked_gives_no_eta() -> None:
    away = EtaEstimator()
    _drive(away, 1_000, -12.0, 60)
    assert away.eta(*HOME) is None
    parked = EtaEstimator()
    lat, lon = _point_towards(3_000)
    for i in range(6):
        parked.add(Fix(1_700_000_000.0 + 30 * i, lat, lon, 0.0))
    assert parked.eta(*HOME) is None


def test_one_fix_is_not_enough() -> None:
    est = EtaEstimator()
    est.add(Fix(1_700_000_000.0, *_point_towards(5_000), 50.0))
    assert est.eta(*HOME) is None


def test_a_stop_at_a_red_light_does_not_make_the_eta_explode() -> None:
    est = EtaEstimator()
    t = _drive(est, 10_000, 15.0, 180)
    lat, lon = _point_towards(10_000 - 15.0 * 180)
    est.add(Fix(t + 10, lat, lon, 0.0))  # standing still for ten seconds
    eta = est.eta(*HOME)
    assert eta is not None
    # 7,300 m at 54 km/h is ~8 minutes; a red light must not turn that into an hour.
    assert 400 < eta.seconds < 1_200


def test_confidence_falls_as_the_last_fix_gets_old() -> None:
    est = EtaEstimator()
    t = _drive(est, 10_000, 15.0, 120)
    fresh = est.eta(*HOME, now=t)
    stale = est.eta(*HOME, now=t + 600)
    assert fresh is not None
    assert stale is not None
    assert stale.confidence < fresh.confidence / 4
    # The car kept driving meanwhile: ten more minutes of the trip count as travelled.
    assert stale.seconds == pytest.approx(max(0.0, fresh.seconds - 600), abs=1)


def test_erratic_progress_lowers_confidence() -> None:
    steady = EtaEstimator()
    _drive(steady, 10_000, 15.0, 120)
    jerky = EtaEstimator()
    left = 10_000.0
    for i, v in enumerate([25, 2, 30, 0, 28, 1, 27, 3, 26, 0, 24, 2, 29]):
        left -= v * 10
        jerky.add(Fix(1_700_000_000.0 + 10 * (i + 1), *_point_towards(left), None))
    a, b = steady.eta(*HOME), jerky.eta(*HOME)
    assert a is not None
    assert b is not None
    assert b.confidence < a.confidence - 0.3


def test_late_fixes_and_gps_jumps_are_refused_and_close_fixes_merge() -> None:
    est = EtaEstimator()
    assert est.add(Fix(100.0, *_point_towards(5_000)))
    assert est.add(Fix(110.0, *_point_towards(4_850)))
    assert not est.add(Fix(90.0, *_point_towards(4_990)))  # arrived late
    assert not est.add(Fix(120.0, 31.23, 121.47))  # Shanghai ten seconds later: a glitch
    # Latitude and longitude arrive as two reports: a fix 0.1 s later replaces the last one.
    assert est.add(Fix(110.1, *_point_towards(4_840)))
    assert len(est.fixes) == 2
    assert distance_m(*HOME, est.fixes[-1].latitude, est.fixes[-1].longitude) == pytest.approx(
        4_840, abs=1
    )


def test_invalid_positions_are_refused_with_a_clear_error() -> None:
    est = EtaEstimator()
    with pytest.raises(InvalidCoordinateError):
        est.add(Fix(1.0, 95.0, 0.0))
    with pytest.raises(InvalidCoordinateError):
        est.eta(0.0, 200.0)
    assert est.fixes == ()


def test_old_fixes_leave_the_window() -> None:
    est = EtaEstimator(window_s=60)
    _drive(est, 10_000, 15.0, 300)
    assert est.fixes[-1].time - est.fixes[0].time <= 60


@given(
    start=st.floats(3_000, 50_000),
    speed=st.floats(3.0, 40.0),
    azimuth=st.floats(0, 359.9),
)
def test_a_straight_steady_approach_is_estimated_within_five_percent(
    start: float, speed: float, azimuth: float
) -> None:
    est = EtaEstimator()
    t0 = 1_700_000_000.0
    for i in range(7):
        lat, lon = _point_towards(start - speed * 10 * i, azimuth)
        est.add(Fix(t0 + 10 * i, lat, lon, speed * 3.6))
    left = start - speed * 60
    eta = est.eta(*HOME)
    assert eta is not None
    assert eta.approaching
    assert eta.seconds == pytest.approx(left / speed, rel=0.05)
