"""What a phone reports (location, battery, Wi-Fi), checked and turned into property values.

The phone device type (``phone.json``) stores speed in km/h and the battery as a whole percent;
a browser's Geolocation API gives speed in metres per second, so a report carries m/s and is
converted here. Everything is checked before anything is applied, so a report with one bad value
changes nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from orbithub.adapters.phone.errors import ReportRejected
from orbithub.spec.model import Value

__all__ = ["Battery", "Location", "PhoneReport", "report_values"]

MAX_SPEED_KMH = 300.0
"""The phone type's speed range ends here; a faster fix (a plane) is clamped, not refused."""
MAX_ACCURACY_M = 100_000.0
MAX_SSID = 64
"""An SSID is at most 32 bytes; 64 characters leaves room for escapes some phones apply."""


@dataclass(frozen=True, slots=True)
class Location:
    """A position fix.

    Attributes:
        latitude: WGS84 degrees, -90..90.
        longitude: WGS84 degrees, -180..180.
        accuracy: the fix's accuracy radius in metres (None when unknown).
        speed: metres per second (None when unknown).
    """

    latitude: float
    longitude: float
    accuracy: float | None = None
    speed: float | None = None


@dataclass(frozen=True, slots=True)
class Battery:
    """The battery: ``level`` in percent (0..100), whether it is charging."""

    level: float
    charging: bool | None = None


@dataclass(frozen=True, slots=True)
class PhoneReport:
    """One report of the companion app; a part that is None was not reported.

    ``wifi_ssid`` is the network the phone is connected to; an empty string means none.
    """

    location: Location | None = None
    battery: Battery | None = None
    wifi_ssid: str | None = None


def _finite(name: str, value: float, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ReportRejected(f"{name} must be a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number) or not low <= number <= high:
        raise ReportRejected(f"{name} must be within {low:g}..{high:g}, got {value!r}")
    return number


def report_values(report: PhoneReport) -> dict[str, Value]:
    """The property values of the phone device type for a report.

    Raises:
        ReportRejected: a value is out of range or of the wrong kind (nothing is returned).
    """
    values: dict[str, Value] = {}
    loc = report.location
    if loc is not None:
        values["location.latitude"] = _finite("latitude", loc.latitude, -90.0, 90.0)
        values["location.longitude"] = _finite("longitude", loc.longitude, -180.0, 180.0)
        if loc.accuracy is not None:
            accuracy = _finite("accuracy", loc.accuracy, 0.0, math.inf)
            # The spec's step is 0.1 m; a worse fix than its range still says "somewhere".
            values["location.accuracy"] = round(min(accuracy, MAX_ACCURACY_M), 1)
        if loc.speed is not None:
            speed = _finite("speed", loc.speed, 0.0, math.inf) * 3.6
            values["location.speed"] = round(min(speed, MAX_SPEED_KMH), 1)
    battery = report.battery
    if battery is not None:
        values["battery.battery-level"] = round(_finite("battery level", battery.level, 0, 100))
        if battery.charging is not None:
            if not isinstance(battery.charging, bool):
                raise ReportRejected(f"charging must be true or false, got {battery.charging!r}")
            values["battery.charging"] = battery.charging
    if report.wifi_ssid is not None:
        if not isinstance(report.wifi_ssid, str) or len(report.wifi_ssid) > MAX_SSID:
            raise ReportRejected(f"wifi_ssid must be text of at most {MAX_SSID} characters")
        values["wifi.ssid"] = report.wifi_ssid
    return values
