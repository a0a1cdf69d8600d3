"""The demo world's records."""

from __future__ import annotations

from orbithub.adapters.sim import demo_world
from orbithub.adapters.sim.route import haversine_m
from orbithub.core.registry import Registry, SpaceKind


def test_demo_world_loads_into_a_registry() -> None:
    world = demo_world()
    registry = Registry()
    registry.load(world.spaces, world.rooms, world.devices)
    assert len(registry) == 27
    assert all(d.adapter == "sim" for d in registry)
    assert registry.device("kettle").model == "plug"
    assert registry.device("phone-mei").room_id is None
    assert "前门门锁" in registry.device("front-door-lock").aliases
    car = registry.space("car")
    assert car.kind is SpaceKind.VEHICLE
    assert car.tracker_device_id == "car"
    assert {r.id for r in registry.rooms("home")} == {
        "living-room",
        "bedroom",
        "kitchen",
        "study",
        "hallway",
        "garage",
    }


def test_office_is_about_twelve_km_from_home() -> None:
    world = demo_world()
    home = next(s for s in world.spaces if s.id == "home")
    office = next(s for s in world.spaces if s.id == "office")
    assert home.latitude
    assert home.longitude
    assert office.latitude
    assert office.longitude
    distance = haversine_m(home.latitude, home.longitude, office.latitude, office.longitude)
    assert 11_000 < distance < 13_000
