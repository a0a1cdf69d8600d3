"""The robot vacuum: sweeps, drains its battery, returns to the dock and charges."""

from __future__ import annotations

import random
from collections.abc import Mapping

from orbithub.adapters.sim.base import DeviceSim, Readings
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["VacuumSim"]

IDLE, SWEEPING, PAUSED, ERROR, CHARGING, RETURNING = 1, 2, 3, 4, 5, 6
_AREA_M2_PER_S = 1.0 / 60
"""About a square metre a minute, what robot makers quote for a 60 m² flat in an hour."""
_DRAIN_PCT_PER_S = 1.1 / 60
_CHARGE_PCT_PER_S = 1.3 / 60
_RETURN_S = 90.0
_LOW_PCT = 20.0


class VacuumSim(DeviceSim):
    """A robot vacuum that cleans weekday mornings once everyone has left."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.status = IDLE
        self.battery = 100.0
        self.area = 0.0
        self.plan_m2 = 60.0
        self.returning_for = 0.0
        self.step(now, 0.0)

    def _wish(self, now: float) -> bool:
        family = self.scene.family
        hour = family.hour(now)
        weekday = family.local(now).weekday() < 5
        return weekday and 10.5 <= hour < 11.0 and family.home_count(now) == 0

    def start(self) -> bool:
        """Begin a new clean (refused on a flat battery)."""
        if self.battery <= _LOW_PCT:
            return False
        self.status = SWEEPING
        self.area = 0.0
        self.plan_m2 = self.rng.uniform(50.0, 70.0)
        return True

    def step(self, now: float, dt: float) -> None:
        """Clean, drive home, or charge."""
        if self.edge("clean", self._wish(now)):
            self.start()
        if self.status == SWEEPING:
            self.area += _AREA_M2_PER_S * dt
            self.battery -= _DRAIN_PCT_PER_S * dt
            if self.area >= self.plan_m2 or self.battery <= _LOW_PCT:
                self.status, self.returning_for = RETURNING, 0.0
        elif self.status == RETURNING:
            self.battery -= _DRAIN_PCT_PER_S * dt
            self.returning_for += dt
            if self.returning_for >= _RETURN_S:
                self.status = CHARGING
        elif self.status == CHARGING:
            self.battery += _CHARGE_PCT_PER_S * dt
            if self.battery >= 100.0:
                self.status = IDLE
        elif self.status == PAUSED:
            self.battery -= 0.05 / 60 * dt
        self.battery = min(100.0, max(0.0, self.battery))

    def readings(self) -> Readings:
        """Status, area cleaned this run, battery."""
        return {
            "vacuum.status": self.status,
            "vacuum.cleaned-area": self.area,
            "battery.battery-level": self.battery,
        }

    def call(self, path: str, arguments: Mapping[str, Value]) -> bool:
        """Start, stop (pause where it stands) or send home."""
        if path == "vacuum.start-sweep":
            if self.status == PAUSED:
                self.status = SWEEPING
                return True
            return self.start()
        if path == "vacuum.stop-sweeping":
            if self.status in (SWEEPING, RETURNING):
                self.status = PAUSED
            return True
        if path == "vacuum.return-to-dock":
            if self.status not in (CHARGING, IDLE):
                self.status, self.returning_for = RETURNING, 0.0
            return True
        return False
