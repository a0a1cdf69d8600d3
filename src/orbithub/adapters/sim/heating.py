"""Radiator thermostats and smoke detectors: the remaining library types."""

from __future__ import annotations

import random
from collections.abc import Mapping

from orbithub.adapters.sim.base import DeviceSim, Readings, drain
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["SmokeDetectorSim", "ThermostatSim"]

_VALVE_W = 1200.0
"""Heat a radiator delivers with its valve wide open."""


class ThermostatSim(DeviceSim):
    """A thermostatic radiator valve: heats its room toward the set point while water flows.

    Beijing's radiators only carry hot water in the heating season; outside it the valve can
    open all it likes and nothing warms.
    """

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.on = True
        self.auto = self.enum_value("thermostat.mode", "auto", default=0)
        self.eco = self.enum_value("thermostat.mode", "eco", default=2)
        self.frost = self.enum_value("thermostat.mode", "frost", default=3)
        self.mode = self.auto
        self.target = 21.0
        self.battery = rng.uniform(50.0, 100.0)
        self.now = now

    def _set_point(self) -> float:
        if self.mode == self.eco:
            return self.target - 3.0
        if self.mode == self.frost:
            return 7.0
        return self.target

    def step(self, now: float, dt: float) -> None:
        """Open the valve in proportion to how cold the room is."""
        self.now = now
        self.battery = drain(self.battery, dt, 0.3)
        room = self.room
        if room is None or not self.on or not self.scene.heating_season(now):
            return
        opening = min(1.0, max(0.0, (self._set_point() - room.temperature) / 1.5))
        room.heat_w += _VALVE_W * opening

    def readings(self) -> Readings:
        """Power, mode, set point, measured temperature, battery."""
        room = self.room
        measured = room.temperature if room is not None else self._set_point()
        return {
            "thermostat.on": self.on,
            "thermostat.mode": self.mode,
            "thermostat.target-temperature": self.target,
            # Mounted on the hot radiator, the valve reads a little warm.
            "thermostat.temperature": measured + 0.4,
            "battery.battery-level": self.battery,
        }

    def write(self, path: str, value: Value) -> bool:
        """Switch, change mode or set point."""
        if path == "thermostat.on":
            self.on = bool(value)
        elif path == "thermostat.mode":
            self.mode = int(value)
        elif path == "thermostat.target-temperature":
            self.target = float(value)
        else:
            return super().write(path, value)
        return True


class SmokeDetectorSim(DeviceSim):
    """An optical smoke detector: cooking fumes show as a trace, never as an alarm."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.battery = rng.uniform(50.0, 100.0)
        self.now = now

    def step(self, now: float, dt: float) -> None:
        """Age the battery."""
        self.now = now
        self.battery = drain(self.battery, dt, 0.1)

    def readings(self) -> Readings:
        """Smoke trace (from the room's particles), alarm state, fault, battery."""
        room = self.room
        trace = 0.0 if room is None else min(5.0, room.pm25 / 200.0)
        return {
            "smoke-sensor.smoke-detected": False,
            "smoke-sensor.smoke-concentration": trace,
            "smoke-sensor.fault": 0,
            "battery.battery-level": self.battery,
        }

    def call(self, path: str, arguments: Mapping[str, Value]) -> bool:
        """The self-test beeps and reports nothing new."""
        return path == "smoke-sensor.self-test"
