"""The family's phones: location, Wi-Fi, battery and presence, following their owners."""

from __future__ import annotations

import math
import random

from orbithub.adapters.sim.base import DeviceSim, Readings
from orbithub.adapters.sim.family import PEOPLE, Mode, Place
from orbithub.adapters.sim.route import haversine_m
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device

__all__ = ["PhoneSim", "owner_of"]

_HOME_RADIUS_M = 100.0
_FIX_INTERVAL_S = 300.0
"""A resting phone reports its location every few minutes; a moving one on every fix."""
_NAMES = {"alex": ("alex", "阿力"), "mei": ("mei", "梅")}


def owner_of(device: Device, index: int) -> str:
    """Whose phone this is, from its id or names; otherwise the ``index``-th family member."""
    text = f"{device.id} {device.name} {' '.join(device.aliases)}".lower()
    for person, words in _NAMES.items():
        if any(w in text for w in words):
            return person
    return PEOPLE[index % len(PEOPLE)]


class PhoneSim(DeviceSim):
    """A smartphone carried by one family member."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        index = sum(1 for s in scene.sims.values() if isinstance(s, PhoneSim))
        self.person = owner_of(device, index)
        self.battery = rng.uniform(60.0, 100.0)
        self.charging = False
        self.latitude, self.longitude = scene.places.home
        self.accuracy = 10.0
        self.speed = 0.0
        self.ssid = ""
        self.next_fix = now
        self.step(now, 0.0)

    def _jitter(self, lat: float, lon: float, sigma_m: float) -> tuple[float, float]:
        north = self.rng.gauss(0.0, sigma_m)
        east = self.rng.gauss(0.0, sigma_m)
        return (
            lat + north / 111_320.0,
            lon + east / (111_320.0 * math.cos(math.radians(lat))),
        )

    def step(self, now: float, dt: float) -> None:
        """Move with the owner, join Wi-Fi where it is known, drain or charge."""
        family = self.scene.family
        leg = family.leg_at(self.person, now)
        if leg is not None:
            pos = leg.drive.position_at(now)
            self.speed = leg.drive.speed_at(now)
            # Underground, the subway gives a coarse cell fix; in a car GPS is sharp.
            sigma = 60.0 if leg.mode is Mode.TRANSIT else 6.0
            self.latitude, self.longitude = self._jitter(pos.latitude, pos.longitude, sigma)
            self.accuracy = sigma * self.rng.uniform(0.8, 1.6)
            self.ssid = ""
            self.next_fix = now
        else:
            self.speed = 0.0
            place = family.place_at(self.person, now) or Place.HOME
            self.ssid = self.scene.places.ssid(place)
            if now >= self.next_fix:
                # Indoors the fix comes from Wi-Fi and a weak GPS: ten to thirty metres. The
                # person stands where their last trip ended (the shops have no fixed place).
                last = family.plan(self.person, now).last_arrival(now)
                lat, lon = last.drive.route.end if last is not None else self.scene.places.home
                self.accuracy = self.rng.uniform(8.0, 30.0)
                self.latitude, self.longitude = self._jitter(lat, lon, self.accuracy / 2)
                self.next_fix = now + _FIX_INTERVAL_S
        asleep_home = family.asleep(self.person, now) and family.place_at(self.person, now) in (
            Place.HOME,
        )
        self.charging = asleep_home
        if self.charging:
            self.battery = min(100.0, self.battery + 45.0 * dt / 3600)
        else:
            per_hour = 6.0 if leg is not None else 3.5
            self.battery = max(2.0, self.battery - per_hour * dt / 3600)

    def readings(self) -> Readings:
        """Battery, location, Wi-Fi, presence."""
        home_lat, home_lon = self.scene.places.home
        distance = haversine_m(self.latitude, self.longitude, home_lat, home_lon)
        return {
            "battery.battery-level": self.battery,
            "battery.charging": self.charging,
            "location.latitude": self.latitude,
            "location.longitude": self.longitude,
            "location.accuracy": self.accuracy,
            "location.speed": self.speed,
            "wifi.ssid": self.ssid,
            "presence.at-home": distance <= _HOME_RADIUS_M,
        }
