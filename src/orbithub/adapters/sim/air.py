"""The air purifier: cleans its room's air at a rate set by the fan level."""

from __future__ import annotations

import random
from collections.abc import Mapping

from orbithub.adapters.sim.base import DeviceSim, Readings
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["AirPurifierSim"]

_CADR = {1: 110.0, 2: 220.0, 3: 380.0}
"""Clean air delivery rate by fan level, m³/h (a typical 40 m² unit)."""
_POWER_W = {1: 8.0, 2: 19.0, 3: 42.0}
_FILTER_HOURS = 3000.0
"""Filter life at the medium level; higher levels wear it faster."""


class AirPurifierSim(DeviceSim):
    """An air purifier with Auto, Sleep and manual modes."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.on = False
        self.auto = self.enum_value("air-purifier.mode", "auto", default=0)
        self.sleep = self.enum_value("air-purifier.mode", "sleep", default=1)
        self.manual = self.enum_value("air-purifier.mode", "manual", "favorite", default=2)
        self.mode = self.auto
        self.fan_level = 1
        self.filter_life = rng.uniform(40.0, 95.0)
        self.power_w = 0.0
        self.step(now, 0.0)

    def _level(self) -> int:
        room = self.room
        if self.mode == self.sleep:
            return 1
        if self.mode == self.auto and room is not None:
            return 1 if room.pm25 < 25 else 2 if room.pm25 < 75 else 3
        return self.fan_level

    def step(self, now: float, dt: float) -> None:
        """Run while someone is up at home; clean the room."""
        wish = self.edge("on", self.scene.family.awake_home_count(now) > 0)
        if wish is not None:
            self.on = wish
        if not self.on:
            self.power_w = 0.0
            return
        level = self._level()
        self.fan_level = level
        room = self.room
        if room is not None:
            room.cadr_m3_per_h += _CADR[level]
        self.power_w = _POWER_W[level]
        wear = dt / 3600 / _FILTER_HOURS * 100 * (_CADR[level] / _CADR[2])
        self.filter_life = max(0.0, self.filter_life - wear)

    def readings(self) -> Readings:
        """Power, mode, fan, the room's air, filter and power draw."""
        room = self.room
        values: Readings = {
            "air-purifier.on": self.on,
            "air-purifier.mode": self.mode,
            "air-purifier.fan-level": self.fan_level,
            "filter.filter-life-level": self.filter_life,
            "power-meter.electric-power": self.power_w,
        }
        if room is not None:
            values["environment.pm2.5-density"] = room.pm25
            values["environment.relative-humidity"] = room.humidity
            values["environment.temperature"] = room.temperature
        return values

    def write(self, path: str, value: Value) -> bool:
        """Switch, change mode, or set the fan (which leaves Auto)."""
        if path == "air-purifier.on":
            self.on = bool(value)
        elif path == "air-purifier.mode":
            self.mode = int(value)
        elif path == "air-purifier.fan-level":
            self.fan_level = int(value)
            self.mode = self.manual
        else:
            return super().write(path, value)
        if self.on:
            self.fan_level = self._level()
        return True

    def call(self, path: str, arguments: Mapping[str, Value]) -> bool:
        """Reset the filter after a change."""
        if path == "filter.reset-filter-life":
            self.filter_life = 100.0
            return True
        return False
