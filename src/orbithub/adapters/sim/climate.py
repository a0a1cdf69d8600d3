"""Air conditioners and temperature/humidity sensors: the room-climate devices."""

from __future__ import annotations

import random
from collections.abc import Mapping

from orbithub.adapters.sim.base import DeviceSim, Readings, drain
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["AirConditionerSim", "SensorSim"]

AUTO, COOL, DRY, HEAT, FAN = 0, 1, 2, 3, 4
_FAN_SHARE = {0: 1.0, 1: 0.55, 2: 0.8, 3: 1.0}
_OFF = (False, -1, 0.0)
_APPROACH_S = 300.0
"""Inverter units slow down near the set point; ~5 min to close the last degree."""


class AirConditionerSim(DeviceSim):
    """A split inverter air conditioner that heats or cools its room.

    Capacity is limited (3.5 kW at home, 7 kW in the office), so a hot room takes 15-30 minutes
    to reach the set point; electric power is the thermal load over the COP plus the fans.
    """

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.on = False
        self.mode = COOL
        self.target = 26.0
        self.fan_level = 0
        self.power_w = 0.0
        self.office = device.space_id == scene.office_space_id
        text = f"{device.id} {device.room_id or ''}".lower()
        self.bedroom = "bed" in text
        self.capacity_w = 7000.0 if self.office else 3500.0
        self.step(now, 0.0)

    def _wish(self, now: float) -> tuple[bool, int, float] | None:
        """What the family (or the office) wants from this unit now; None: no opinion."""
        family, weather = self.scene.family, self.scene.weather
        room = self.room
        indoor = room.temperature if room is not None else weather.temperature(now)
        if self.office:
            hour = family.hour(now)
            working = family.local(now).weekday() < 5 and 8.5 <= hour < 18.5
            return (True, AUTO, 24.0) if working else _OFF
        if self.bedroom:
            if family.home_count(now) == family.awake_home_count(now):
                return _OFF
            return (True, COOL, 27.0) if indoor > 26.5 else None
        if family.awake_home_count(now) == 0:
            return _OFF
        if indoor > 28.0:
            return (True, COOL, 26.0)
        if indoor < 16.0:
            return (True, HEAT, 22.0)
        return None

    def step(self, now: float, dt: float) -> None:
        """Follow the routine, then move heat in or out of the room."""
        wish = self.edge("wish", self._wish(now))
        if wish == _OFF:
            self.on = False
        elif wish is not None:
            self.on, self.mode, self.target = wish
        room = self.room
        if room is None:
            return
        outdoor = self.scene.weather.temperature(now)
        fan_w = 15.0 + 12.0 * (self.fan_level or 2)
        if not self.on:
            self.power_w = 0.0
            return
        if self.mode == FAN:
            self.power_w = fan_w
            return
        want = room.holding_power(outdoor) + room.capacity * (self.target - room.temperature) / (
            _APPROACH_S
        )
        if self.mode in (COOL, DRY):
            want = min(want, 0.0)
        elif self.mode == HEAT:
            want = max(want, 0.0)
        cap = self.capacity_w * _FAN_SHARE.get(self.fan_level, 1.0)
        if self.mode == DRY:
            cap *= 0.4
        q = min(max(want, -cap), cap)
        room.heat_w += q
        if q < 0:
            # The evaporator condenses water: up to ~12 %RH/h at full load; dry mode more.
            room.dry_pct_per_h += 12.0 * (-q / self.capacity_w) + (10.0 if self.mode == DRY else 0)
            cop = max(2.0, 3.6 - 0.06 * max(0.0, outdoor - 30.0))
        else:
            cop = max(1.8, 3.2 + 0.04 * min(outdoor, 10.0))
        self.power_w = abs(q) / cop + fan_w

    def readings(self) -> Readings:
        """Power, mode, set point and the unit's own temperature sensor."""
        room = self.room
        indoor = room.temperature if room is not None else self.target
        return {
            "air-conditioner.on": self.on,
            "air-conditioner.mode": self.mode,
            "air-conditioner.target-temperature": self.target,
            "fan-control.fan-level": self.fan_level,
            "environment.temperature": indoor + 0.3,  # the unit sits high, where air is warmer
            "power-meter.electric-power": self.power_w,
        }

    def write(self, path: str, value: Value) -> bool:
        """Set power, mode, set point or fan speed."""
        if path == "air-conditioner.on":
            self.on = bool(value)
        elif path == "air-conditioner.mode":
            self.mode = int(value)
        elif path == "air-conditioner.target-temperature":
            self.target = float(value)
        elif path == "fan-control.fan-level":
            self.fan_level = int(value)
        else:
            return super().write(path, value)
        return True

    def call(self, path: str, arguments: Mapping[str, Value]) -> bool:
        """Toggle, the one action some units have."""
        if path.endswith(".toggle"):
            self.on = not self.on
            return True
        return False


class SensorSim(DeviceSim):
    """A battery temperature/humidity sensor reading its room (or the outdoors without one)."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.bias_t = rng.uniform(-0.2, 0.2)
        self.bias_h = rng.uniform(-2.0, 2.0)
        self.battery = rng.uniform(55.0, 100.0)
        self.now = now

    def step(self, now: float, dt: float) -> None:
        """A coin cell lasts about a year."""
        self.battery = drain(self.battery, dt, 0.27)
        self.now = now

    def readings(self) -> Readings:
        """Temperature, humidity and battery."""
        room = self.room
        weather = self.scene.weather
        t = room.temperature if room is not None else weather.temperature(self.now)
        h = room.humidity if room is not None else weather.humidity(self.now)
        return {
            "temperature-humidity-sensor.temperature": t + self.bias_t,
            "temperature-humidity-sensor.relative-humidity": h + self.bias_h,
            "battery.battery-level": self.battery,
        }
