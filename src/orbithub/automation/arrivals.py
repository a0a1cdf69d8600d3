"""Arrival (ETA) triggers at work: estimates checked after each move, one fire per approach.

An estimate from a car in traffic swings (three hours at a red light, fifteen minutes a moment
later), so what ends an approach is the car's *distance*, which does not swing: after a fire
the trigger waits until the device has arrived (inside the space's radius) or is clearly
farther away than when it fired, before it may fire again.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Protocol

from orbithub.automation import triggers as trig
from orbithub.automation.model import EtaTrigger
from orbithub.automation.trace import Reason, ReasonCode
from orbithub.automation.triggers import eta as eta_trigger
from orbithub.mobility.eta import Eta
from orbithub.mobility.geo import distance_m, is_valid_coordinate

if TYPE_CHECKING:
    from orbithub.automation.engine import Engine

__all__ = ["Arrivals", "EtaSource"]

_LATITUDE = "location.latitude"
_LONGITUDE = "location.longitude"


class EtaSource(Protocol):
    """Arrival estimates per moving device (``orbithub.mobility.Tracks``)."""

    def eta(self, device_id: str, space_id: str) -> Eta | None:
        """When the device will be within the space's radius; None when not approaching."""
        ...


class Arrivals:
    """Checks the ETA triggers of moving devices. Loop only.

    Args:
        engine: the engine whose automations fire.
        index: the engine's trigger index (ETA triggers by device).
        etas: where estimates come from (None: ETA triggers never fire).
    """

    def __init__(self, engine: Engine, index: trig.TriggerIndex, etas: EtaSource | None) -> None:
        self._engine = engine
        self._index = index
        self.etas = etas
        self._due: set[str] = set()
        self._fired: dict[tuple[str, int], float] = {}
        """(automation, trigger index) -> the device's distance when it fired."""

    def moved(self, device_id: str) -> None:
        """A device with ETA triggers reported a position."""
        # Checked on the next loop turn: the tracker may listen after the engine, and a
        # position arrives as two reports (latitude, longitude); one check sees both.
        if device_id not in self._due:
            self._due.add(device_id)
            asyncio.get_running_loop().call_soon(self._check, device_id)

    def forget(self, automation_id: str) -> None:
        """Drop an automation's approach state (it was removed or replaced)."""
        self._fired = {k: v for k, v in self._fired.items() if k[0] != automation_id}

    def _distance(self, device_id: str, space_id: str) -> tuple[float, float] | None:
        """The device's distance to the space and the space's radius, metres."""
        hub = self._engine.hub
        space = next((s for s in hub.registry.spaces() if s.id == space_id), None)
        lat, lon = hub.state.value(device_id, _LATITUDE), hub.state.value(device_id, _LONGITUDE)
        if space is None or space.latitude is None or space.longitude is None:
            return None
        if not is_valid_coordinate(lat, lon) or not isinstance(lat, int | float):
            return None
        if not isinstance(lon, int | float):
            return None
        return distance_m(lat, lon, space.latitude, space.longitude), space.radius_m

    def _check(self, device_id: str) -> None:
        self._due.discard(device_id)
        if self.etas is None or self._engine.stopping:
            return
        for ref in self._index.etas.get(device_id, ()):
            trigger = ref.trigger
            automation = self._engine.find(ref.automation_id)
            if automation is None or not isinstance(trigger, EtaTrigger):
                continue
            key = (ref.automation_id, ref.index)
            where = self._distance(device_id, trigger.space)
            fired = self._fired.get(key)
            if fired is not None and where is not None and eta_trigger.rearms(fired, *where):
                del self._fired[key]
                fired = None
            eta = self.etas.eta(device_id, trigger.space)
            text = trig.describe(trigger)
            if fired is None and eta is not None and eta_trigger.in_window(trigger, eta):
                self._fired[key] = where[0] if where is not None else eta.distance_m
                self._engine.evaluate(automation, text, data=eta_trigger.data(trigger, eta))
                continue
            detail = (
                eta_trigger.why_not(trigger, eta)
                if fired is None
                else f"{trigger.device} is on the approach that fired already"
            )
            self._engine.record(automation, text, Reason.of(ReasonCode.NOT_MATCHED, detail=detail))
