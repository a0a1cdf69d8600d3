"""Outdoor weather: Beijing's temperature, humidity, PM2.5 and daylight for any instant.

Every value is a pure function of the time and the seed (noise comes from per-day and per-hour
random draws keyed by the date), so the weather does not depend on how often it is asked.
Monthly means are Beijing climate normals (1991-2020, China Meteorological Administration),
rounded; the daily curve peaks mid-afternoon and bottoms out before dawn.
"""

from __future__ import annotations

import math
import random
from datetime import datetime
from zoneinfo import ZoneInfo

__all__ = ["Weather"]

# Mid-month values, January first.
_MEAN_C = (-3.1, 0.3, 6.7, 14.8, 20.8, 24.9, 26.7, 25.5, 20.8, 13.7, 5.0, -0.9)
_HALF_RANGE_C = (6.0, 6.3, 6.5, 6.8, 6.5, 5.5, 4.5, 4.5, 5.5, 6.0, 6.0, 5.8)
_RH_PCT = (44, 44, 45, 46, 53, 61, 75, 77, 68, 61, 56, 48)
# Winter heating season and spring dust make PM2.5 worst from November to March.
_PM25 = (85, 80, 65, 55, 45, 40, 38, 35, 40, 55, 75, 85)

_PEAK_HOUR = 14.5
_CACHE_LIMIT = 512


def _monthly(table: tuple[float, ...] | tuple[int, ...], month: int, day: int) -> float:
    """Interpolate a mid-month table for a day of the month."""
    frac = (day - 15) / 30.5
    if frac >= 0:
        a, b = table[month - 1], table[month % 12]
    else:
        a, b = table[(month - 2) % 12], table[month - 1]
        frac += 1.0
    return a + (b - a) * frac


class Weather:
    """The outdoor weather of one place, seeded.

    Args:
        seed: the simulation seed.
        timezone: IANA zone of the place (time of day comes from it).
    """

    def __init__(self, seed: int, timezone: str = "Asia/Shanghai") -> None:
        self._seed = seed
        self._tz = ZoneInfo(timezone)
        self._draws: dict[str, float] = {}

    def _draw(self, key: str, low: float, high: float) -> float:
        value = self._draws.get(key)
        if value is None:
            if len(self._draws) > _CACHE_LIMIT:
                self._draws.clear()
            value = random.Random(f"{self._seed}:weather:{key}").uniform(low, high)  # noqa: S311 - simulation noise, not secrets
            self._draws[key] = value
        return value

    def _local(self, t: float) -> datetime:
        return datetime.fromtimestamp(t, self._tz)

    def _smooth(self, name: str, t: float, period: float, amplitude: float) -> float:
        """Noise that varies smoothly: interpolate draws at multiples of ``period`` seconds."""
        k = math.floor(t / period)
        f = (t - k * period) / period
        f = f * f * (3 - 2 * f)  # smoothstep: no kinks at the knots
        a = self._draw(f"{name}:{k}", -amplitude, amplitude)
        b = self._draw(f"{name}:{k + 1}", -amplitude, amplitude)
        return a + (b - a) * f

    def temperature(self, t: float) -> float:
        """Outdoor air temperature, °C."""
        local = self._local(t)
        hour = local.hour + local.minute / 60 + local.second / 3600
        mean = _monthly(_MEAN_C, local.month, local.day)
        half = _monthly(_HALF_RANGE_C, local.month, local.day)
        daily = half * math.cos(2 * math.pi * (hour - _PEAK_HOUR) / 24)
        return (
            mean + daily + self._smooth("day", t, 86_400, 3.0) + self._smooth("hour", t, 3_600, 0.4)
        )

    def humidity(self, t: float) -> float:
        """Outdoor relative humidity, %: drier in the warm afternoon, damper before dawn."""
        local = self._local(t)
        hour = local.hour + local.minute / 60
        base = _monthly(_RH_PCT, local.month, local.day)
        daily = -12 * math.cos(2 * math.pi * (hour - _PEAK_HOUR) / 24)
        return min(98.0, max(10.0, base + daily + self._smooth("rh", t, 86_400, 12.0)))

    def pm25(self, t: float) -> float:
        """Outdoor PM2.5, µg/m³: seasonal level times a day-to-day swing (wind, inversions)."""
        local = self._local(t)
        base = _monthly(_PM25, local.month, local.day)
        swing = math.exp(self._smooth("pm", t, 86_400, 0.8))
        return max(3.0, base * swing)

    def daylight(self, t: float) -> float:
        """Daylight from 0 (night) to 1 (clear noon), for Beijing's latitude."""
        local = self._local(t)
        doy = local.timetuple().tm_yday
        hour = local.hour + local.minute / 60 + local.second / 3600
        # Day length swings about ±2.9 h around 12 h at 40° N; solar noon is ~12:10 in UTC+8.
        half_day = (12 + 2.9 * math.sin(2 * math.pi * (doy - 80) / 365)) / 2
        x = (hour - 12.17) / half_day
        if abs(x) >= 1:
            return 0.0
        return math.cos(x * math.pi / 2)

    def sunset_hour(self, t: float) -> float:
        """Local hour of sunset on the day of ``t``."""
        doy = self._local(t).timetuple().tm_yday
        return 12.17 + (12 + 2.9 * math.sin(2 * math.pi * (doy - 80) / 365)) / 2
