"""The front door: lock, door contact and hallway motion, driven by people coming and going."""

from __future__ import annotations

import random

from orbithub.adapters.sim.base import DeviceSim, Readings, drain
from orbithub.adapters.sim.family import Crossing
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["ContactSensorSim", "LockSim", "MotionSensorSim"]

_LOOKBACK_S = 180.0
"""A door cycle (unlock, open, close, relock) is over within this long after a crossing."""
_MOTION_HOLD_S = 60.0
"""Zigbee motion sensors report "no motion" a minute after the last movement."""


def _door_window(seed: int, crossing: Crossing) -> tuple[float, float]:
    """When the door opens and closes for one crossing (drawn from the crossing itself)."""
    rng = random.Random(f"{seed}:door:{crossing.time:.3f}:{crossing.person}")  # noqa: S311 - simulation noise, not secrets
    opens = crossing.time + (rng.uniform(3, 8) if crossing.arriving else 0.0)
    return opens, opens + rng.uniform(8.0, 30.0)


class _DoorDevice(DeviceSim):
    """Shared by the lock and the contact sensor: the door cycles of the home's front door."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.at_home = device.space_id == scene.home_space_id
        self.battery = rng.uniform(50.0, 100.0)
        self.now = now
        self.held: tuple[Crossing, float, float] | None = None

    def hold_open(self, person: str, start: float, end: float) -> None:
        """Script a visit: ``person`` comes in at ``start`` and leaves the door open until ``end``.

        The door's usual cycles go on beside it; a scripted scenario (the demo's guest leaving
        the door ajar) uses it to give the hub something real to notice.
        """
        if end <= start:
            raise ValueError(f"the door must close after it opens ({start} >= {end})")
        self.held = (Crossing(start, person, arriving=True), start, end)

    def _cycles(self, start: float, end: float) -> list[tuple[Crossing, float, float]]:
        if not self.at_home:
            return []
        crossings = self.scene.family.crossings(start - _LOOKBACK_S, end)
        cycles = [(c, *_door_window(self.scene.seed, c)) for c in crossings]
        if self.held is not None and self.held[1] <= end and self.held[2] + _LOOKBACK_S > start:
            cycles.append(self.held)
        return cycles

    def door_open(self, now: float) -> bool:
        """Whether the door stands open at ``now``."""
        return any(o <= now < c for _, o, c in self._cycles(now - 1, now))


class ContactSensorSim(_DoorDevice):
    """A door/window magnet sensor: contact (True = closed) and opened/closed events."""

    def step(self, now: float, dt: float) -> None:
        """Report each opening and closing in this step."""
        start = now - dt
        for _, opens, closes in self._cycles(start, now):
            if start < opens <= now:
                self.emit("magnet-sensor.opened")
            if start < closes <= now:
                self.emit("magnet-sensor.closed")
        self.battery = drain(self.battery, dt, 0.15)
        self.now = now

    def readings(self) -> Readings:
        """Contact state and battery."""
        return {
            "magnet-sensor.contact-state": not self.door_open(self.now),
            "battery.battery-level": self.battery,
        }


class LockSim(_DoorDevice):
    """A smart lock that auto-locks a few seconds after the door closes.

    Arrivals unlock by fingerprint (Alex) or password (Mei); leaving turns the inside knob.
    """

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.locked = True
        self.method = self.enum_value("lock.operation-method", "auto", default=0)

    def step(self, now: float, dt: float) -> None:
        """Unlock before each crossing, relock after the door closes."""
        start = now - dt
        for crossing, opens, closes in self._cycles(start, now):
            unlock_at = opens - 2.0
            if start < unlock_at <= now:
                if crossing.arriving:
                    word = "fingerprint" if crossing.person == "alex" else "password"
                else:
                    word = "key"
                self.method = self.enum_value("lock.operation-method", word)
                self.locked = False
                self.emit("lock.unlocked", {"lock.operation-method": self.method})
            if start < closes + 5.0 <= now:
                self.locked = True
                self.method = self.enum_value("lock.operation-method", "auto", default=0)
        # Motor locks burn batteries faster than sensors: ~4 months on four AAs.
        self.battery = drain(self.battery, dt, 0.8)
        self.now = now

    def readings(self) -> Readings:
        """Locked, door state, last operation method, battery."""
        return {
            "lock.locked": self.locked,
            "lock.door-state": 1 if self.door_open(self.now) else 0,
            "lock.operation-method": self.method,
            "battery.battery-level": self.battery,
        }

    def write(self, path: str, value: Value) -> bool:
        """Lock or unlock from the app."""
        if path == "lock.locked":
            if self.locked and not value:
                self.method = self.enum_value("lock.operation-method", "app", default=1)
                self.emit("lock.unlocked", {"lock.operation-method": self.method})
            self.locked = bool(value)
            return True
        return super().write(path, value)


class MotionSensorSim(DeviceSim):
    """A PIR motion sensor with a light sensor, in the hallway (or any room of the home)."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.at_home = device.space_id == scene.home_space_id
        self.battery = rng.uniform(50.0, 100.0)
        self.window_lux = rng.uniform(150.0, 400.0)
        self.last_motion = float("-inf")
        self.now = now

    def step(self, now: float, dt: float) -> None:
        """Detect everyone walking past in this step."""
        if self.at_home:
            for t in self.scene.family.hallway_passes(now - dt, now):
                self.last_motion = t
                self.emit("motion-sensor.motion-detected")
        self.battery = drain(self.battery, dt, 0.2)
        self.now = now

    def readings(self) -> Readings:
        """Motion, illuminance, battery."""
        return {
            "motion-sensor.motion-state": self.now - self.last_motion < _MOTION_HOLD_S,
            "motion-sensor.illumination": self.window_lux * self.scene.weather.daylight(self.now),
            "battery.battery-level": self.battery,
        }
