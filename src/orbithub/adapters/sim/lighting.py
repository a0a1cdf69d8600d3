"""Lights and plain switches, switched by the family's routine and by commands."""

from __future__ import annotations

import random
from collections.abc import Mapping

from orbithub.adapters.sim.base import DeviceSim, Readings
from orbithub.adapters.sim.family import PEOPLE, Mode, Place
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["LightSim", "SwitchSim"]

_DARK = 0.15
"""Daylight share below which people reach for the switch."""


def _text(device: Device) -> str:
    return f"{device.id} {device.room_id or ''} {device.name}".lower()


class LightSim(DeviceSim):
    """A dimmable, tunable-white light.

    Which routine it follows comes from where it is: the living-room light at dusk while
    someone is up, the kitchen light while cooking after dark, the bedside lamp before sleep,
    the desk lamp during working hours at home, the garage light around the car coming and
    going, the office lamp while Alex is at the office.
    """

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.on = False
        self.brightness = 80
        self.color_temperature = 4000
        self.role = next(
            (
                role
                for role in ("garage", "kitchen", "bed", "desk", "living")
                if role in _text(device)
            ),
            "office" if device.space_id == scene.office_space_id else "other",
        )
        self.step(now, 0.0)

    def _wish(self, now: float) -> bool | None:
        family, weather = self.scene.family, self.scene.weather
        dark = weather.daylight(now) < _DARK
        awake = family.awake_home_count(now) > 0
        if self.role == "living":
            return awake and dark
        if self.role == "kitchen":
            return family.cooking(now) and dark
        if self.role == "bed":
            return awake and dark and family.hour(now) >= 21.5
        if self.role == "desk":
            return family.working_from_home(now) and weather.daylight(now) < 0.5
        if self.role == "office":
            return family.at_office(now) and weather.daylight(now) < 0.6
        if self.role == "garage":
            return self._car_moving_near_home(now)
        return None

    def _car_moving_near_home(self, now: float) -> bool:
        for person in PEOPLE:
            for leg in self.scene.family.plan(person, now).legs:
                if leg.mode is not Mode.CAR:
                    continue
                if leg.origin is Place.HOME and -120 <= now - leg.drive.depart < 60:
                    return True
                if leg.destination is Place.HOME and 0 <= now - leg.drive.arrive < 180:
                    return True
        return False

    def step(self, now: float, dt: float) -> None:
        """Follow the routine's changes of mind."""
        wish = self.edge("on", self._wish(now))
        if wish is not None:
            self.on = wish
            if wish:
                # Warm light in the evening, neutral during the day.
                self.color_temperature = 2900 if self.scene.family.hour(now) >= 19 else 4000

    def readings(self) -> Readings:
        """On, brightness, colour temperature."""
        return {
            "light.on": self.on,
            "light.brightness": self.brightness,
            "light.color-temperature": self.color_temperature,
        }

    def write(self, path: str, value: Value) -> bool:
        """Switch, dim or tune the light."""
        if path == "light.on":
            self.on = bool(value)
        elif path == "light.brightness":
            self.brightness = int(value)
        elif path == "light.color-temperature":
            self.color_temperature = int(value)
        else:
            return super().write(path, value)
        return True

    def call(self, path: str, arguments: Mapping[str, Value]) -> bool:
        """Toggle."""
        if path == "light.toggle":
            self.on = not self.on
            return True
        return False


class SwitchSim(DeviceSim):
    """A wall switch or relay: on and off, by command only."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.on = False

    def readings(self) -> Readings:
        """On or off."""
        return {"switch.on": self.on}

    def write(self, path: str, value: Value) -> bool:
        """Switch."""
        if path == "switch.on":
            self.on = bool(value)
            return True
        return super().write(path, value)

    def call(self, path: str, arguments: Mapping[str, Value]) -> bool:
        """Toggle."""
        if path == "switch.toggle":
            self.on = not self.on
            return True
        return False
