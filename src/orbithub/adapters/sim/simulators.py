"""Which simulator models which library device type."""

from __future__ import annotations

import random
from collections.abc import Callable

from orbithub.adapters.sim.air import AirPurifierSim
from orbithub.adapters.sim.base import DeviceSim
from orbithub.adapters.sim.climate import AirConditionerSim, SensorSim
from orbithub.adapters.sim.curtain import CurtainSim
from orbithub.adapters.sim.entry import ContactSensorSim, LockSim, MotionSensorSim
from orbithub.adapters.sim.heating import SmokeDetectorSim, ThermostatSim
from orbithub.adapters.sim.lighting import LightSim, SwitchSim
from orbithub.adapters.sim.media import TelevisionSim
from orbithub.adapters.sim.phone import PhoneSim
from orbithub.adapters.sim.power import PlugSim, WaterHeaterSim
from orbithub.adapters.sim.scene import Scene
from orbithub.adapters.sim.vacuum import VacuumSim
from orbithub.adapters.sim.vehicle import ChargerSim, VehicleSim
from orbithub.core.registry import Device

__all__ = ["SIMULATORS", "Factory"]

Factory = Callable[[Device, Scene, random.Random, float], DeviceSim]

SIMULATORS: dict[str, Factory] = {
    "light": LightSim,
    "switch": SwitchSim,
    "plug": PlugSim,
    "temperature-humidity-sensor": SensorSim,
    "motion-sensor": MotionSensorSim,
    "contact-sensor": ContactSensorSim,
    "air-conditioner": AirConditionerSim,
    "air-purifier": AirPurifierSim,
    "curtain": CurtainSim,
    "lock": LockSim,
    "vacuum": VacuumSim,
    "water-heater": WaterHeaterSim,
    "television": TelevisionSim,
    "ev-charger": ChargerSim,
    "vehicle": VehicleSim,
    "phone": PhoneSim,
    "thermostat": ThermostatSim,
    "smoke-detector": SmokeDetectorSim,
}
"""Library key -> simulator. A device of any other type gets a plain :class:`DeviceSim`,
which only echoes writes back."""
