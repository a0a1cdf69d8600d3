"""Motorised curtains that travel to a target at a real motor's speed."""

from __future__ import annotations

import random

from orbithub.adapters.sim.base import DeviceSim, Readings
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["CurtainSim"]

_PCT_PER_S = 100 / 28.0
"""A 3 m track motor (e.g. Aqara B1) takes about half a minute end to end."""
PAUSE, OPEN, CLOSE = 0, 1, 2


class CurtainSim(DeviceSim):
    """A curtain: 0 is closed, 100 open.

    Bedroom curtains stay closed while anyone sleeps; living-room curtains follow daylight.
    """

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.bedroom = "bed" in f"{device.id} {device.room_id or ''}".lower()
        self.target = 100.0 if scene.weather.daylight(now) > 0 else 0.0
        self.position = self.target
        self.step(now, 0.0)
        self.position = self.target

    def _wish(self, now: float) -> float:
        family = self.scene.family
        if self.bedroom:
            return 0.0 if family.home_count(now) > family.awake_home_count(now) else 100.0
        return 100.0 if self.scene.weather.daylight(now) > 0.05 else 0.0

    def step(self, now: float, dt: float) -> None:
        """Move toward the target."""
        wish = self.edge("target", self._wish(now))
        if wish is not None:
            self.target = wish
        travel = _PCT_PER_S * dt
        if self.position < self.target:
            self.position = min(self.target, self.position + travel)
        else:
            self.position = max(self.target, self.position - travel)

    def readings(self) -> Readings:
        """Where it is and where it is going."""
        return {
            "curtain.current-position": self.position,
            "curtain.target-position": self.target,
        }

    def write(self, path: str, value: Value) -> bool:
        """Open, close, pause, or go to a position."""
        if path == "curtain.target-position":
            self.target = float(value)
        elif path == "curtain.motor-control":
            command = int(value)
            self.target = {OPEN: 100.0, CLOSE: 0.0}.get(command, round(self.position))
        else:
            return super().write(path, value)
        return True
