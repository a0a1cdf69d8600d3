"""The television: on in the evening while someone is home, with channel and volume."""

from __future__ import annotations

import random

from orbithub.adapters.sim.base import DeviceSim, Readings
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["TelevisionSim"]

_FAVOURITES = (1, 5, 6, 13)
"""CCTV-1, sports, films and news: what a Beijing family flicks between."""


class TelevisionSim(DeviceSim):
    """A smart TV."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.on = False
        self.channel = 1
        self.volume = 20
        self.mute = False
        self.step(now, 0.0)

    def _wish(self, now: float) -> bool:
        family = self.scene.family
        if family.awake_home_count(now) == 0:
            return False
        hour = family.hour(now)
        weekend = family.local(now).weekday() >= 5
        return 20.0 <= hour < 22.5 or (weekend and 14.0 <= hour < 15.2)

    def step(self, now: float, dt: float) -> None:
        """Switch on for the evening shows, hop channels now and then."""
        wish = self.edge("on", self._wish(now))
        if wish is not None:
            self.on = wish
            if wish:
                self.channel = self.rng.choice(_FAVOURITES)
                self.volume = self.rng.randint(15, 25)
        elif self.on and self.rng.random() < dt / 1800:
            self.channel = self.rng.choice(_FAVOURITES)

    def readings(self) -> Readings:
        """Power, channel, volume, mute."""
        return {
            "television.on": self.on,
            "television.channel": self.channel,
            "speaker.volume": self.volume,
            "speaker.mute": self.mute,
        }

    def write(self, path: str, value: Value) -> bool:
        """Change power, channel, volume or mute."""
        if path == "television.on":
            self.on = bool(value)
        elif path == "television.channel":
            self.channel = int(value)
        elif path == "speaker.volume":
            self.volume = int(value)
        elif path == "speaker.mute":
            self.mute = bool(value)
        else:
            return super().write(path, value)
        return True
