"""Standard OrbitHub names for common readings, shared by the HA and zigbee2mqtt mappings.

A temperature is ``environment.temperature`` and a battery ``battery.battery-level`` whichever
bridge reported it, matching the built-in library, so automations and the assistant see one
vocabulary. Keys are HA ``device_class`` values and zigbee2mqtt property names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from orbithub.spec.model import Format, ValueRange

__all__ = ["BINARY_READINGS", "ORBITHUB_ORIGIN", "READINGS", "UNITS", "Reading", "spec_unit"]


@dataclass(frozen=True, slots=True)
class Reading:
    """Where a kind of reading lives in the model and what it looks like.

    Attributes:
        service: the service name (``environment``).
        name: the property name (``relative-humidity``).
        format: the value format.
        unit: the spec unit, or None to take the unit the device announces.
        value_range: a default range when the device announces none.
        inverted: for booleans, whether the source's "on" means our False (HA's door sensor
            is on when open; MIoT ``contact-state`` is true when closed).
    """

    service: str
    name: str
    format: Format = Format.FLOAT
    unit: str | None = None
    value_range: ValueRange | None = None
    inverted: bool = False


_PERCENT = ValueRange(0, 100, 1)

READINGS: Mapping[str, Reading] = {
    "temperature": Reading("environment", "temperature"),
    "humidity": Reading("environment", "relative-humidity", unit="percentage"),
    "illuminance": Reading("environment", "illumination", unit="lux"),
    "illuminance_lux": Reading("environment", "illumination", unit="lux"),
    "pressure": Reading("environment", "atmospheric-pressure"),
    "atmospheric_pressure": Reading("environment", "atmospheric-pressure"),
    "carbon_dioxide": Reading("environment", "co2-density", unit="ppm"),
    "co2": Reading("environment", "co2-density", unit="ppm"),
    "pm25": Reading("environment", "pm2.5-density"),
    "pm10": Reading("environment", "pm10-density"),
    "battery": Reading("battery", "battery-level", Format.UINT8, "percentage", _PERCENT),
    "voltage": Reading("power-meter", "voltage"),
    "current": Reading("power-meter", "electric-current"),
    "power": Reading("power-meter", "electric-power"),
    "energy": Reading("power-meter", "power-consumption"),
    "linkquality": Reading(
        "connectivity", "link-quality", Format.UINT8, None, ValueRange(0, 255, 1)
    ),
    "local_temperature": Reading("thermostat", "temperature"),
}
"""Numeric readings by HA sensor ``device_class`` / zigbee2mqtt property."""

BINARY_READINGS: Mapping[str, Reading] = {
    "door": Reading("magnet-sensor", "contact-state", Format.BOOL, inverted=True),
    "window": Reading("magnet-sensor", "contact-state", Format.BOOL, inverted=True),
    "opening": Reading("magnet-sensor", "contact-state", Format.BOOL, inverted=True),
    "garage_door": Reading("magnet-sensor", "contact-state", Format.BOOL, inverted=True),
    "contact": Reading("magnet-sensor", "contact-state", Format.BOOL, inverted=True),
    "motion": Reading("motion-sensor", "motion-state", Format.BOOL),
    "occupancy": Reading("motion-sensor", "motion-state", Format.BOOL),
    "presence": Reading("motion-sensor", "motion-state", Format.BOOL),
    "smoke": Reading("smoke-sensor", "smoke-detected", Format.BOOL),
    "moisture": Reading("submersion-sensor", "submersion-state", Format.BOOL),
    "water_leak": Reading("submersion-sensor", "submersion-state", Format.BOOL),
    "battery_low": Reading("battery", "low-battery", Format.BOOL),
    "battery": Reading("battery", "low-battery", Format.BOOL),
    "connectivity": Reading("connectivity", "connected", Format.BOOL),
}
"""Boolean readings by HA binary_sensor ``device_class`` / zigbee2mqtt property."""

UNITS: Mapping[str, str] = {
    "%": "percentage",
    "°C": "celsius",
    "C": "celsius",
    "°F": "fahrenheit",
    "F": "fahrenheit",
    "K": "kelvin",
    "lx": "lux",
    "W": "watt",
    "kW": "kilowatt",
    "kWh": "kWh",
    "Wh": "Wh",
    "V": "volt",
    "mV": "millivolt",
    "A": "ampere",
    "mA": "milliampere",
    "hPa": "hPa",
    "Pa": "pascal",
    "ppm": "ppm",
    "µg/m³": "μg/m3",
    "μg/m³": "μg/m3",
    "s": "seconds",
    "min": "minutes",
    "h": "hours",
    "d": "days",
    "mired": "mired",
}
"""Units as devices announce them -> units as MIoT specs spell them."""


def spec_unit(unit: str | None) -> str | None:
    """The spec spelling of a device unit; unknown units pass through unchanged."""
    if not unit:
        return None
    return UNITS.get(unit.strip(), unit.strip())


ORBITHUB_ORIGIN = "OrbitHub"
"""The ``origin.name`` OrbitHub puts on the Home Assistant discovery configs it publishes."""
