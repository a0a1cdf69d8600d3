"""Room climate: temperature, humidity and PM2.5 of one room, driven by weather and devices.

Devices add their influence to a room between two integrations (an air conditioner's heat, a
purifier's clean air delivery, a stove's smoke); :meth:`RoomClimate.integrate` then advances the
room over the step with the exact solution of a first-order system, so a long step never
overshoots.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["RoomClimate"]

_PERSON_W = 90.0
"""Sensible heat of a resting adult (ASHRAE Fundamentals: ~70-100 W)."""
_INFILTRATION_S = 3 * 3600.0
"""Outdoor air replaces indoor air about once every three hours in a closed flat."""
_PENETRATION = 0.6
"""Share of outdoor PM2.5 that gets through the building envelope."""
_HUMIDITY_TAU_S = 2 * 3600.0


@dataclass(slots=True)
class RoomClimate:
    """The air of one room.

    Attributes:
        temperature: air temperature, °C.
        humidity: relative humidity, %.
        pm25: PM2.5 density, µg/m³.
        capacity: heat capacity of air, furniture and walls that swing with it, J/K.
        insulation: envelope time constant, seconds (how fast it drifts to outdoors).
        volume: air volume, m³.
        heated: whether the building has district heating (Beijing: 15 Nov to 15 Mar).
    """

    temperature: float
    humidity: float
    pm25: float
    capacity: float = 1.0e6
    insulation: float = 5 * 3600.0
    volume: float = 45.0
    heated: bool = True
    # Influences collected during one step; integrate() consumes and clears them.
    heat_w: float = 0.0
    dry_pct_per_h: float = 0.0
    moisture_pct_per_h: float = 0.0
    cadr_m3_per_h: float = 0.0
    pm_source: float = 0.0
    occupants: int = 0

    def holding_power(self, outdoor: float) -> float:
        """Heat flow that holds the room where it is against the envelope, W (negative cools)."""
        return self.capacity * (self.temperature - outdoor) / self.insulation

    def integrate(
        self,
        dt: float,
        *,
        outdoor: float,
        outdoor_rh: float,
        outdoor_pm: float,
        heating_season: bool,
    ) -> None:
        """Advance the room by ``dt`` seconds and clear the collected influences."""
        heat = self.heat_w + _PERSON_W * self.occupants
        if heating_season and self.heated:
            # Radiators run all winter and hold about 21 °C whatever the weather.
            heat += max(0.0, self.capacity * (21.0 - outdoor) / self.insulation)
        target = outdoor + heat * self.insulation / self.capacity
        self.temperature += (target - self.temperature) * (1 - math.exp(-dt / self.insulation))

        # Warmer indoor air holds more water: saturation pressure grows ~6.5 % per kelvin.
        base_rh = outdoor_rh * math.exp(-0.065 * (self.temperature - outdoor))
        drift = (base_rh - self.humidity) * (1 - math.exp(-dt / _HUMIDITY_TAU_S))
        sources = (self.moisture_pct_per_h + 1.5 * self.occupants - self.dry_pct_per_h) * dt / 3600
        self.humidity = min(95.0, max(12.0, self.humidity + drift + sources))

        rate = 1 / _INFILTRATION_S + self.cadr_m3_per_h / self.volume / 3600
        eq = (_PENETRATION * outdoor_pm / _INFILTRATION_S + self.pm_source) / rate
        self.pm25 = max(0.0, self.pm25 + (eq - self.pm25) * (1 - math.exp(-rate * dt)))

        self.heat_w = self.dry_pct_per_h = self.moisture_pct_per_h = 0.0
        self.cadr_m3_per_h = self.pm_source = 0.0
        self.occupants = 0

    def mix(self, mean_temperature: float, mean_humidity: float, mean_pm: float, dt: float) -> None:
        """Exchange air with the rest of the flat through open doors."""
        f = 1 - math.exp(-dt / 1800.0)
        self.temperature += (mean_temperature - self.temperature) * f * 0.3
        self.humidity += (mean_humidity - self.humidity) * f
        self.pm25 += (mean_pm - self.pm25) * f
