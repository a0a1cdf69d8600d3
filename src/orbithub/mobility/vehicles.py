"""Which spaces are vehicles, which device tracks them, and which home charger serves them."""

from __future__ import annotations

from orbithub.core.errors import UnknownSpaceError
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.mobility.geo import distance_m, is_valid_coordinate

__all__ = [
    "BATTERY",
    "CABIN_ON",
    "CABIN_TARGET",
    "CABIN_TEMPERATURE",
    "CHARGER_ON",
    "CHARGER_PLUGGED",
    "CHARGE_LIMIT",
    "CHARGING_STATE",
    "RANGE",
    "find_charger",
    "home_of",
    "is_charger",
    "is_vehicle_device",
    "number",
    "tracker_of",
    "vehicle_spaces",
]

BATTERY = "battery.battery-level"
RANGE = "vehicle.range"
CHARGING_STATE = "charging.charging-state"
CHARGE_LIMIT = "charging.charge-limit"
CABIN_ON = "cabin.on"
CABIN_TARGET = "cabin.target-temperature"
CABIN_TEMPERATURE = "cabin.temperature"
CHARGER_ON = "charger.on"
CHARGER_PLUGGED = "charger.plugged"
CHARGER_MAX_CURRENT = "charger.max-current"


def vehicle_spaces(hub: Hub) -> list[Space]:
    """Every vehicle space, in registry order."""
    return [s for s in hub.registry.spaces() if s.kind is SpaceKind.VEHICLE]


def vehicle_space(hub: Hub, space_id: str) -> Space | None:
    """The vehicle space with this id, None when there is none (or it is not a vehicle)."""
    try:
        space = hub.registry.space(space_id)
    except UnknownSpaceError:
        return None
    return space if space.kind is SpaceKind.VEHICLE else None


def is_vehicle_device(device: Device) -> bool:
    """Whether a device speaks the vehicle type (battery, charging, cabin, location)."""
    return device.spec.find_property(BATTERY) is not None and (
        device.spec.find_property(CHARGING_STATE) is not None
    )


def tracker_of(hub: Hub, space: Space) -> Device | None:
    """The device that reports the vehicle's battery and position.

    The space's tracker when it names one, otherwise its first device of the vehicle type.
    """
    if space.tracker_device_id is not None:
        device = hub.registry.find_device(space.tracker_device_id)
        if device is not None:
            return device
    return next((d for d in hub.registry.devices(space_id=space.id) if is_vehicle_device(d)), None)


def is_charger(device: Device) -> bool:
    """Whether a device is an EV charger with a switch."""
    return (
        device.spec.find_property(CHARGER_ON) is not None
        and device.spec.find_property(CHARGER_PLUGGED) is not None
    )


def find_charger(hub: Hub, home_id: str) -> Device | None:
    """The first EV charger of a home."""
    return next((d for d in hub.registry.devices(space_id=home_id) if is_charger(d)), None)


def home_of(hub: Hub, vehicle: Space, preferred: str | None = None) -> Space | None:
    """The home whose charger the vehicle uses.

    ``preferred`` when it is a home; otherwise the home with a charger nearest the vehicle
    (the only one, in most households).
    """
    homes = [s for s in hub.registry.spaces() if s.kind is SpaceKind.HOME]
    if preferred is not None:
        chosen = next((s for s in homes if s.id == preferred), None)
        if chosen is not None:
            return chosen
    with_charger = [h for h in homes if find_charger(hub, h.id) is not None] or homes
    if not with_charger:
        return None
    lat, lon = vehicle.latitude, vehicle.longitude
    if lat is None or lon is None or not is_valid_coordinate(lat, lon):
        return with_charger[0]

    def away(home: Space) -> float:
        if home.latitude is None or home.longitude is None:
            return float("inf")
        if not is_valid_coordinate(home.latitude, home.longitude):
            return float("inf")
        return distance_m(lat, lon, home.latitude, home.longitude)

    return min(with_charger, key=away)


def number(hub: Hub, device_id: str, path: str) -> float | None:
    """A numeric property's current value, None when unknown."""
    value = hub.state.value(device_id, path)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
