"""Tracks: the hub's positioned devices get ETAs per space from what they report."""

from __future__ import annotations

import pytest
from geographiclib.geodesic import Geodesic  # type: ignore[import-untyped]

from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.mobility import Tracks
from tests.mobility.conftest import HOME


def _north_of_home(metres: float) -> tuple[float, float]:
    out = Geodesic.WGS84.Direct(HOME[0], HOME[1], 0.0, metres)
    return float(out["lat2"]), float(out["lon2"])


async def _drive_home(hub: Hub, clock: ManualClock, device: str, speed_path: str) -> None:
    for i in range(7):
        lat, lon = _north_of_home(6_000 - 150 * i)  # 15 m/s
        hub.report_many(
            device,
            {"location.latitude": lat, "location.longitude": lon, speed_path: 54.0},
        )
        await clock.advance(10)


async def test_a_car_driving_home_has_an_eta_for_home_but_not_for_itself(
    hub: Hub, clock: ManualClock
) -> None:
    tracks = Tracks(hub)
    tracks.start()
    await _drive_home(hub, clock, "car", "vehicle.speed")
    eta = tracks.eta("car", "home")
    assert eta is not None
    # 5,100 m from home at the last fix, 200 m geofence, 10 s since: (4,900 / 15) - 10 s.
    assert eta.distance_m == pytest.approx(4_900, abs=5)
    assert eta.seconds == pytest.approx(4_900 / 15 - 10, rel=0.03)
    assert tracks.eta("car", "car") is None
    assert tracks.eta("car", "nowhere") is None
    assert tracks.eta("charger", "home") is None
    assert tracks.device_ids() == ["car"]


async def test_a_phone_is_tracked_too_and_stop_ends_the_updates(
    hub: Hub, clock: ManualClock
) -> None:
    tracks = Tracks(hub)
    tracks.start()
    await _drive_home(hub, clock, "phone-alex", "location.speed")
    assert tracks.eta("phone-alex", "home") is not None
    last = tracks.fix("phone-alex")
    tracks.stop()
    hub.report_many("phone-alex", {"location.latitude": 39.95, "location.longitude": 116.41})
    assert tracks.fix("phone-alex") == last
    assert not tracks.running


async def test_start_takes_positions_already_known_and_removed_devices_are_forgotten(
    hub: Hub, clock: ManualClock
) -> None:
    hub.report_many("car", {"location.latitude": 39.95, "location.longitude": 116.40})
    tracks = Tracks(hub)
    tracks.start()
    fix = tracks.fix("car")
    assert fix is not None
    assert (fix.latitude, fix.longitude) == (39.95, 116.40)
    hub.remove_device("car")
    assert tracks.fix("car") is None


async def test_a_space_without_a_location_has_no_eta(hub: Hub, clock: ManualClock) -> None:
    from orbithub.core.registry import Space

    hub.add_space(Space("cabin", "Cabin"))
    tracks = Tracks(hub)
    tracks.start()
    await _drive_home(hub, clock, "car", "vehicle.speed")
    assert tracks.eta("car", "cabin") is None
