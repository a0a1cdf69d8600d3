"""Metered appliances: smart plugs (kettle, computer, anything) and the electric water heater."""

from __future__ import annotations

import random
from collections.abc import Mapping

from orbithub.adapters.sim.base import DeviceSim, Readings
from orbithub.adapters.sim.scene import Scene
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["PlugSim", "WaterHeaterSim"]

_J_PER_KWH = 3.6e6
_NOMINAL_V = 220.0
"""China's mains: 220 V, 50 Hz."""


def _kind(device: Device) -> str:
    text = f"{device.id} {device.name} {' '.join(device.aliases)}".lower()
    if "kettle" in text or "水壶" in text:
        return "kettle"
    if "computer" in text or "电脑" in text or "pc" in text.split():
        return "computer"
    return "other"


class PlugSim(DeviceSim):
    """A metering plug; what is plugged in (kettle, computer, lamp) is guessed from its name.

    A kettle draws its rated 1800-2200 W for the few minutes it takes to boil a litre; a
    computer 60-150 W while someone works at home and ~2 W asleep. Energy is power times time.
    """

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.kind = _kind(device)
        self.on = True
        self.rated_w = rng.uniform(1800.0, 2200.0)
        self.energy_kwh = rng.uniform(5.0, 80.0)
        self.power_w = 0.0
        self.voltage = _NOMINAL_V + rng.uniform(-3.0, 3.0)
        self._load_w = 0.0
        self._next_change = now
        self.now = now
        self.step(now, 0.0)

    def _demand(self, now: float) -> float:
        family = self.scene.family
        if self.kind == "kettle":
            # The element's resistance rises a little as it heats: a few watts of wander.
            return self.rated_w + self.rng.uniform(-15.0, 15.0) if family.kettle_boiling(now) else 0
        if now >= self._next_change:
            self._next_change = now + self.rng.uniform(20.0, 120.0)
            if self.kind == "computer":
                busy = family.working_from_home(now)
                # Mostly light office work, now and then a build or a video call.
                self._load_w = 60 + 90 * self.rng.random() ** 2 if busy else 1.8
            else:
                self._load_w = 4.0 + self.rng.uniform(0.0, 1.0)
            self.voltage = _NOMINAL_V + self.rng.uniform(-3.0, 3.0)
        return self._load_w

    def step(self, now: float, dt: float) -> None:
        """Draw this step's power and add it to the meter."""
        self.now = now
        self.power_w = self._demand(now) if self.on else 0.0
        self.energy_kwh += self.power_w * dt / _J_PER_KWH

    def readings(self) -> Readings:
        """Switch, power, energy, voltage, current."""
        return {
            "switch.on": self.on,
            "power-meter.electric-power": self.power_w,
            "power-meter.power-consumption": self.energy_kwh,
            "power-meter.voltage": self.voltage,
            "power-meter.electric-current": self.power_w / self.voltage,
        }

    def write(self, path: str, value: Value) -> bool:
        """Switch the socket."""
        if path == "switch.on":
            self.on = bool(value)
            self.power_w = self._demand(self.now) if self.on else 0.0
            return True
        return super().write(path, value)

    def call(self, path: str, arguments: Mapping[str, Value]) -> bool:
        """Toggle the socket."""
        if path == "switch.toggle":
            return self.write("switch.on", not self.on)
        return False


_TANK_L = 60.0
_ELEMENT_W = 2000.0
_LOSS_W_PER_K = 1.6
"""Standing loss of a well-insulated 60 L tank: ~1.3 kWh/day at 55 K above the room."""
_SHOWER_L_PER_S = 3.5 / 60
"""Hot water drawn by a shower mixed to ~40 °C from a 60 °C tank."""
_HYSTERESIS_K = 4.0


class WaterHeaterSim(DeviceSim):
    """A 60 L electric storage water heater with a 2 kW element and a thermostat."""

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        super().__init__(device, scene, rng, now)
        self.on = True
        self.target = 60.0
        self.temperature = self.target - rng.uniform(0.0, 3.0)
        self.heating = False
        self.power_w = 0.0
        self.energy_kwh = rng.uniform(100.0, 900.0)

    def step(self, now: float, dt: float) -> None:
        """Heat with the element, lose heat to the room, and mix in cold water on draws."""
        room = self.room
        ambient = room.temperature if room is not None else 20.0
        inlet = 10.0 + 0.4 * max(0.0, self.scene.weather.temperature(now) - 5.0)
        if not self.on:
            self.heating = False
        elif self.temperature < self.target - _HYSTERESIS_K:
            self.heating = True
        elif self.temperature >= self.target:
            self.heating = False
        self.power_w = _ELEMENT_W if self.heating else 0.0
        capacity = _TANK_L * 4186.0
        net = self.power_w - _LOSS_W_PER_K * (self.temperature - ambient)
        self.temperature += net * dt / capacity
        if self.scene.family.showering(now):
            share = min(1.0, _SHOWER_L_PER_S * dt / _TANK_L)
            self.temperature -= share * (self.temperature - inlet)
        self.energy_kwh += self.power_w * dt / _J_PER_KWH

    def readings(self) -> Readings:
        """Power switch, set point, tank temperature and the meter."""
        return {
            "water-heater.on": self.on,
            "water-heater.target-temperature": self.target,
            "water-heater.temperature": self.temperature,
            "power-meter.electric-power": self.power_w,
            "power-meter.power-consumption": self.energy_kwh,
        }

    def write(self, path: str, value: Value) -> bool:
        """Switch on/off or change the set point."""
        if path == "water-heater.on":
            self.on = bool(value)
        elif path == "water-heater.target-temperature":
            self.target = float(value)
        else:
            return super().write(path, value)
        if not self.on:
            self.heating = False
            self.power_w = 0.0
        return True
