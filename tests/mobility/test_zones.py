"""Geofences: arrivals and departures of located devices, with hysteresis against GPS noise."""

from __future__ import annotations

import itertools

import pytest
from geographiclib.geodesic import Geodesic  # type: ignore[import-untyped]
from hypothesis import given, settings
from hypothesis import strategies as st

from orbithub.core.clock import ManualClock
from orbithub.core.events import HubEvent, ZoneChanged
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.mobility.geo import distance_m
from orbithub.mobility.zones import Zones, ZoneSettings, decide, is_place
from orbithub.spec.library import device_type
from tests.mobility.conftest import HOME, OFFICE, build_hub

RADIUS = 200.0  # the home's radius in build_hub


def offset(origin: tuple[float, float], bearing: float, metres: float) -> tuple[float, float]:
    """The point ``metres`` from ``origin`` towards ``bearing`` degrees, on WGS84."""
    result = Geodesic.WGS84.Direct(origin[0], origin[1], bearing, metres)
    return float(result["lat2"]), float(result["lon2"])


def fix(hub: Hub, device: str, point: tuple[float, float], accuracy: float = 10.0) -> None:
    hub.report_many(
        device,
        {
            "location.latitude": point[0],
            "location.longitude": point[1],
            "location.accuracy": accuracy,
        },
    )


def crossings(hub: Hub) -> list[ZoneChanged]:
    seen: list[ZoneChanged] = []

    def keep(event: HubEvent) -> None:
        if isinstance(event, ZoneChanged):
            seen.append(event)

    hub.bus.listen(keep)
    return seen


def test_a_phone_arriving_and_leaving_home_crosses_the_fence_once_each_way(hub: Hub) -> None:
    zones = Zones(hub)
    seen = crossings(hub)
    fix(hub, "phone-alex", offset(HOME, 90, 3000))
    assert zones.update("phone-alex") == []
    fix(hub, "phone-alex", offset(HOME, 90, 120))
    [arrived] = zones.update("phone-alex")
    assert (arrived.space_id, arrived.device_id, arrived.entered) == ("home", "phone-alex", True)
    assert 115 < arrived.distance_m < 125
    assert zones.inside("phone-alex", "home")
    assert zones.devices_inside("home") == ["phone-alex"]
    fix(hub, "phone-alex", offset(HOME, 90, 900))
    [left] = zones.update("phone-alex")
    assert (left.space_id, left.entered) == ("home", False)
    assert not zones.inside("phone-alex", "home")
    assert seen == [arrived, left]  # published on the bus, in order


def test_a_fix_just_past_the_radius_does_not_end_a_stay(hub: Hub) -> None:
    zones = Zones(hub, ZoneSettings(margin_m=50))
    fix(hub, "phone-alex", offset(HOME, 0, 10))
    assert zones.update("phone-alex")[0].entered
    fix(hub, "phone-alex", offset(HOME, 0, RADIUS + 40))
    assert zones.update("phone-alex") == []
    # A coarse fix far out is not believed more than its own error bar allows.
    fix(hub, "phone-alex", offset(HOME, 0, RADIUS + 150), accuracy=180)
    assert zones.update("phone-alex") == []
    fix(hub, "phone-alex", offset(HOME, 0, RADIUS + 60))
    assert not zones.update("phone-alex")[0].entered


def test_fixes_worse_than_the_accuracy_limit_are_ignored(hub: Hub) -> None:
    zones = Zones(hub, ZoneSettings(max_accuracy_m=100))
    fix(hub, "phone-alex", offset(HOME, 45, 20), accuracy=400)
    assert zones.update("phone-alex") == []
    assert not zones.inside("phone-alex", "home")
    fix(hub, "phone-alex", offset(HOME, 45, 20), accuracy=30)
    assert zones.update("phone-alex")[0].entered


def test_every_place_is_decided_and_vehicles_have_no_fence(hub: Hub) -> None:
    zones = Zones(hub)
    fix(hub, "phone-alex", offset(OFFICE, 180, 50))
    [entered] = zones.update("phone-alex")
    assert entered.space_id == "office"
    assert not is_place(hub.registry.space("car"))
    # The car's tracker is at home: it gets the home fence, and the car space none.
    hub.report_many("car", {"location.latitude": HOME[0], "location.longitude": HOME[1]})
    assert [(c.space_id, c.device_id) for c in zones.update("car")] == [("home", "car")]


def test_devices_without_a_location_or_unknown_ids_are_left_alone(hub: Hub) -> None:
    zones = Zones(hub)
    assert zones.update("charger") == []
    assert zones.update("no-such-device") == []
    assert zones.update("phone-alex") == []  # no fix yet


def test_a_removed_place_no_longer_holds_anyone() -> None:
    hub = build_hub(ManualClock())
    zones = Zones(hub)
    fix(hub, "phone-alex", HOME)
    zones.update("phone-alex")
    hub.add_space(Space("home", "Home", SpaceKind.HOME), replace=True)  # coordinates dropped
    zones.update("phone-alex")
    assert zones.places_of("phone-alex") == frozenset()


def test_settings_refuse_nonsense() -> None:
    for bad in ({"margin_m": -1.0}, {"max_accuracy_m": 0.0}, {"margin_m": float("nan")}):
        with pytest.raises(ValueError, match="must be a finite distance"):
            ZoneSettings(**bad)


# -- properties ---------------------------------------------------------------------------------
_SETTINGS = ZoneSettings(margin_m=50.0, max_accuracy_m=250.0)


@settings(max_examples=200, deadline=None)
@given(
    start_inside=st.booleans(),
    jitter=st.lists(
        st.tuples(st.floats(-24.0, 24.0), st.floats(0.0, 360.0), st.floats(3.0, 50.0)),
        min_size=1,
        max_size=60,
    ),
)
def test_jitter_around_the_boundary_changes_the_decision_at_most_once(
    start_inside: bool, jitter: list[tuple[float, float, float]]
) -> None:
    # A phone resting right on the fence, its fixes scattered by less than half the margin:
    # it may enter once, and then never leaves (nor, if it started inside, ever leaves).
    hub = build_hub(ManualClock())
    zones = Zones(hub, _SETTINGS)
    first = offset(HOME, 0, 10 if start_inside else 2000)
    fix(hub, "phone-alex", first)
    zones.update("phone-alex")
    assert zones.inside("phone-alex", "home") is start_inside
    changes: list[ZoneChanged] = []
    for radial, bearing, accuracy in jitter:
        fix(hub, "phone-alex", offset(HOME, bearing, RADIUS + radial), accuracy)
        changes += zones.update("phone-alex")
    assert len(changes) <= (0 if start_inside else 1)
    assert all(c.entered for c in changes)


@settings(max_examples=300, deadline=None)
@given(
    inside=st.booleans(),
    distance=st.floats(0.0, 5000.0),
    radius=st.floats(10.0, 1000.0),
    accuracy=st.floats(0.0, 400.0),
)
def test_the_decision_table(inside: bool, distance: float, radius: float, accuracy: float) -> None:
    after = decide(inside, distance, radius, accuracy, _SETTINGS)
    if accuracy > _SETTINGS.max_accuracy_m:
        assert after is inside  # too coarse to tell
    elif not inside:
        assert after is (distance <= radius)  # enter inside the radius
    elif distance <= radius + _SETTINGS.margin_m:
        assert after  # never leave within the margin
    else:
        assert after is (distance <= radius + accuracy)  # nor within the fix's own error


@settings(max_examples=100, deadline=None)
@given(
    path=st.lists(st.floats(0.0, 1500.0), min_size=2, max_size=40),
    bearing=st.floats(0.0, 360.0),
)
def test_crossings_alternate_and_end_in_the_final_decision(
    path: list[float], bearing: float
) -> None:
    hub = build_hub(ManualClock())
    zones = Zones(hub, _SETTINGS)
    events: list[bool] = []
    for distance in path:
        fix(hub, "phone-alex", offset(HOME, bearing, distance), accuracy=5.0)
        events += [c.entered for c in zones.update("phone-alex") if c.space_id == "home"]
    assert all(a != b for a, b in itertools.pairwise(events))
    assert (events[-1] if events else False) is zones.inside("phone-alex", "home")
    if path[-1] <= RADIUS:
        assert zones.inside("phone-alex", "home")
    if path[-1] > RADIUS + _SETTINGS.margin_m:
        assert not zones.inside("phone-alex", "home")


@settings(max_examples=300, deadline=None)
@given(
    centre_lat=st.floats(-85.0, 85.0),
    centre_lon=st.floats(-179.0, 179.0),
    radius=st.floats(20.0, 5000.0),
    distance=st.floats(0.0, 20000.0),
    bearing=st.floats(0.0, 360.0),
    accuracy=st.floats(0.0, 240.0),
    start_inside=st.booleans(),
)
def test_the_quick_distance_check_never_changes_a_decision(
    centre_lat: float,
    centre_lon: float,
    radius: float,
    distance: float,
    bearing: float,
    accuracy: float,
    start_inside: bool,
) -> None:
    # Fixes far from a fence are judged on a sphere, near one on the ellipsoid: the outcome
    # must be what the exact geodesic alone decides, anywhere on Earth.
    hub = Hub(clock=ManualClock())
    centre = (centre_lat, centre_lon)
    hub.add_space(Space("p", "P", SpaceKind.HOME, centre_lat, centre_lon, radius_m=radius))
    hub.add_device(Device("d", "D", device_type("phone"), "p", "sim"))
    zones = Zones(hub, _SETTINGS)
    if start_inside:
        fix(hub, "d", centre, accuracy=1.0)
        zones.update("d")
    point = offset(centre, bearing, distance)
    fix(hub, "d", point, accuracy)
    zones.update("d")
    # The hub keeps the position at the spec's step (1e-6 degrees): judge what it kept.
    lat, lon = hub.state.value("d", "location.latitude"), hub.state.value("d", "location.longitude")
    assert isinstance(lat, float)
    assert isinstance(lon, float)
    exact = distance_m(lat, lon, centre_lat, centre_lon)
    assert zones.inside("d", "p") is decide(start_inside, exact, radius, accuracy, _SETTINGS)
