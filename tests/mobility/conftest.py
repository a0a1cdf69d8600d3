"""A hub with the demo's car, phones, home and office, on a manual clock, with no adapter."""

from __future__ import annotations

import pytest

from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.spec.library import device_type

HOME = (39.9042, 116.4074)
OFFICE = (39.9087, 116.4600)


def build_hub(clock: ManualClock | None = None) -> Hub:
    """Home, office, a car space tracked by ``car``, a phone and a home charger."""
    hub = Hub(clock=clock or ManualClock())
    hub.add_space(Space("home", "Home", SpaceKind.HOME, *HOME, "Asia/Shanghai", radius_m=200))
    hub.add_space(Space("office", "Office", SpaceKind.OFFICE, *OFFICE, "Asia/Shanghai"))
    hub.add_space(
        Space("car", "Car", SpaceKind.VEHICLE, *HOME, "Asia/Shanghai", tracker_device_id="car")
    )
    hub.add_device(Device("car", "Car", device_type("vehicle"), "car", "sim"))
    hub.add_device(
        Device("phone-alex", "Alex's phone", device_type("phone"), "home", "sim", owner="alex")
    )
    hub.add_device(Device("charger", "Charger", device_type("ev-charger"), "home", "sim"))
    return hub


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def hub(clock: ManualClock) -> Hub:
    return build_hub(clock)
