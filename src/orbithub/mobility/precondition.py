"""Pre-conditioning: a comfortable cabin at departure, and a comfortable home at arrival.

The car: a cabin's temperature approaches the climate's set point roughly exponentially, with a
time constant of about five minutes for a heat pump in mild weather, longer when it fights a
large difference to the air outside. So the climate starts ``lead_time_s`` before departure:
the time to come within half a kelvin of the set point, clamped to 5..45 minutes. The air
outside comes from the car's own sensor (:func:`reported_outside_c`) when it has a recent
reading, otherwise from the parked cabin, which follows it. The home: an
automation's ETA trigger can ask :func:`home_lead_time_s` how early to start the air
conditioning for the car's :class:`~orbithub.mobility.eta.Eta`.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

from orbithub.core.commands import CommandPort
from orbithub.core.context import Context, Origin
from orbithub.core.errors import CoreError
from orbithub.core.hub import Hub
from orbithub.mobility.errors import MobilityError
from orbithub.mobility.eta import Eta
from orbithub.mobility.vehicles import (
    CABIN_ON,
    CABIN_TARGET,
    CABIN_TEMPERATURE,
    number,
    tracker_of,
    vehicle_space,
    vehicle_spaces,
)
from orbithub.spec.errors import SpecError

__all__ = [
    "OUTSIDE_TEMPERATURE",
    "PreconditionResult",
    "Preconditioner",
    "home_lead_time_s",
    "lead_time_s",
    "reported_outside_c",
    "should_precondition_home",
]

_LOGGER = logging.getLogger(__name__)
_ACTOR = "mobility.precondition"
_BASE_TAU_S = 300.0
_MIN_LEAD_S = 300.0
_MAX_LEAD_S = 45 * 60.0
_OFF_AFTER_S = 20 * 60.0
"""A car still parked this long after its departure time is not leaving: stop the climate."""
_REPLAN_S = 600.0
OUTSIDE_TEMPERATURE = "environment.outside-temperature"
_OUTSIDE_MAX_AGE_S = 3 * 3600.0
"""An outside reading older than this is ignored: Beijing's air swings by more than 10 K between
dawn and mid-afternoon, so last evening's reading says little about a morning departure. A sensor
that publishes only on change looks stale after steady hours; the lead then comes from the parked
cabin, as for a car without the sensor."""

DepartureFor = Callable[[str, float], float | None]
"""Given a vehicle space id and now, when it leaves next (None: no departure planned)."""
TargetFor = Callable[[str], float]
"""Given a vehicle space id, the cabin temperature wanted at departure."""
OutsideFor = Callable[[str], float | None]
"""Given a vehicle space id, the outside air temperature near it (None: unknown)."""


def lead_time_s(cabin_c: float, target_c: float, outside_c: float | None = None) -> float:
    """Seconds the cabin climate needs to bring the cabin within 0.5 K of ``target_c``.

    Args:
        cabin_c: the cabin's temperature now.
        target_c: the set point.
        outside_c: the air outside; a large difference to it slows the climate down.
    """
    for name, value in (("cabin_c", cabin_c), ("target_c", target_c)):
        if not math.isfinite(value):
            raise MobilityError(f"{name} must be a temperature in celsius, got {value!r}")
    gap = abs(target_c - cabin_c)
    if gap <= 0.5:
        return _MIN_LEAD_S
    outside = cabin_c if outside_c is None or not math.isfinite(outside_c) else outside_c
    # Every 10 K beyond 10 K of difference to the outside air adds half a time constant.
    tau = _BASE_TAU_S * (1 + max(0.0, abs(target_c - outside) - 10.0) / 20.0)
    return min(_MAX_LEAD_S, max(_MIN_LEAD_S, tau * math.log(gap / 0.5)))


def reported_outside_c(hub: Hub, space_id: str) -> float | None:
    """The outside air temperature a vehicle's tracker reports; None when unknown or stale.

    Stale: the tracker is offline, or its last report of the reading is over three hours old.
    """
    space = vehicle_space(hub, space_id)
    device = None if space is None else tracker_of(hub, space)
    if device is None or hub.state.is_online(device.id) is False:
        return None
    reading = hub.state.get(device.id, OUTSIDE_TEMPERATURE)
    if reading is None or hub.now() - reading.last_reported > _OUTSIDE_MAX_AGE_S:
        return None
    value = reading.value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def home_lead_time_s(indoor_c: float, target_c: float, outside_c: float | None = None) -> float:
    """Seconds a home's air conditioning needs to bring a room to ``target_c``.

    Rooms are slower than a cabin (a flat's walls and furniture store heat): about six minutes
    per kelvin, more when it is very hot or cold outside, at most an hour.
    """
    gap = abs(target_c - indoor_c)
    extreme = 0.0 if outside_c is None else max(0.0, abs(target_c - outside_c) - 10.0)
    return min(3600.0, max(300.0, gap * 360.0 * (1 + extreme / 20.0)))


def should_precondition_home(
    eta: Eta | None, lead_s: float, *, min_confidence: float = 0.4
) -> bool:
    """Whether to start conditioning the home now for a car arriving at ``eta``.

    True once the car is approaching, trusted enough, and due within ``lead_s``.
    """
    return (
        eta is not None
        and eta.approaching
        and eta.confidence >= min_confidence
        and eta.seconds <= lead_s
    )


@dataclass(frozen=True, slots=True)
class PreconditionResult:
    """What a pre-conditioning request did.

    Attributes:
        space_id: the vehicle.
        device_id: its device whose climate was started.
        target_c: the set point.
        lead_s: the estimated time to reach it.
        confirmed: whether the car acknowledged both commands.
        message: the car's answer, when it gave one.
    """

    space_id: str
    device_id: str
    target_c: float
    lead_s: float
    confirmed: bool
    message: str


class Preconditioner:
    """Starts each vehicle's cabin climate in time for its departure, or when asked.

    Args:
        hub: the hub.
        departure_for: when each vehicle leaves next (the charging settings know).
        outside_for: the outside temperature near each vehicle (:func:`reported_outside_c`
            reads the car's own sensor); when it gives none, the parked cabin's temperature
            while its climate is off (it follows the air outside).
        target_for: the set point of each vehicle (default: ``target_c`` for all).
        target_c: the default set point.
    """

    def __init__(
        self,
        hub: Hub,
        *,
        departure_for: DepartureFor | None = None,
        outside_for: OutsideFor | None = None,
        target_for: TargetFor | None = None,
        target_c: float = 22.0,
        commands: CommandPort | None = None,
    ) -> None:
        self._hub = hub
        # The running hub passes its guarded entry, so the cabin commands are audited.
        self._commands: CommandPort = commands if commands is not None else hub
        self._departure_for = departure_for
        self._outside_for = outside_for
        self._target_for = target_for
        self.target_c = target_c
        self._started_for: dict[str, float] = {}
        self.enabled: dict[str, bool] = {}

    def target(self, space_id: str) -> float:
        """The set point used for a vehicle."""
        return self.target_c if self._target_for is None else self._target_for(space_id)

    def outside(self, space_id: str) -> float | None:
        """The outside temperature used for a vehicle."""
        if self._outside_for is not None:
            value = self._outside_for(space_id)
            if value is not None:
                return value
        space = vehicle_space(self._hub, space_id)
        device = None if space is None else tracker_of(self._hub, space)
        if device is None or self._hub.state.value(device.id, CABIN_ON) is True:
            return None
        return number(self._hub, device.id, CABIN_TEMPERATURE)

    def lead_s(self, space_id: str, target_c: float | None = None) -> float | None:
        """How long this vehicle's cabin needs now; None when its temperature is unknown."""
        space = vehicle_space(self._hub, space_id)
        device = None if space is None else tracker_of(self._hub, space)
        if device is None:
            return None
        cabin = number(self._hub, device.id, CABIN_TEMPERATURE)
        if cabin is None:
            return None
        return lead_time_s(
            cabin, self.target(space_id) if target_c is None else target_c, self.outside(space_id)
        )

    async def precondition_now(
        self, space_id: str, target_c: float | None = None, *, context: Context | None = None
    ) -> PreconditionResult:
        """Start the cabin climate now.

        Raises:
            MobilityError: not a vehicle, or it has no cabin climate.
            ValueRejected: the set point is outside the car's range (its message says the range).
            AdapterUnavailableError: the car cannot be reached.
        """
        space = vehicle_space(self._hub, space_id)
        if space is None:
            raise MobilityError(f"{space_id!r} is not a vehicle space")
        device = tracker_of(self._hub, space)
        if device is None or device.spec.find_property(CABIN_ON) is None:
            raise MobilityError(f"vehicle {space_id!r} has no cabin climate to start")
        target = self.target(space_id) if target_c is None else target_c
        ctx = context or Context(Origin.AUTOMATION, _ACTOR)
        messages: list[str] = []
        confirmed = True
        if device.spec.find_property(CABIN_TARGET) is not None:
            result = await self._commands.set(device.id, CABIN_TARGET, target, context=ctx)
            confirmed &= result.confirmed
            messages.append(result.message)
        result = await self._commands.set(device.id, CABIN_ON, True, context=ctx)
        confirmed &= result.confirmed
        messages.append(result.message)
        lead = self.lead_s(space_id, target) or _MIN_LEAD_S
        _LOGGER.info("cabin climate of %s started for %.1f °C", space_id, target)
        return PreconditionResult(
            space_id, device.id, target, lead, confirmed, "; ".join(m for m in messages if m)
        )

    async def run(self) -> None:
        """Start each car's climate ahead of its departure, until cancelled."""
        while True:
            now = self._hub.now()
            wake = now + _REPLAN_S
            for space in vehicle_spaces(self._hub):
                due = await self._check(space.id, now)
                if due is not None:
                    wake = min(wake, due)
            await self._hub.clock.sleep(max(1.0, wake - self._hub.now()))

    async def _check(self, space_id: str, now: float) -> float | None:
        """Act for one vehicle; returns when to look again (None: the usual interval)."""
        if self._departure_for is None or not self.enabled.get(space_id, True):
            return None
        departure = self._departure_for(space_id, now)
        if departure is None:
            return None
        started = self._started_for.get(space_id)
        space = vehicle_space(self._hub, space_id)
        device = None if space is None else tracker_of(self._hub, space)
        if device is None:
            return None
        if started is not None:
            if now < started + _OFF_AFTER_S:
                return started + _OFF_AFTER_S
            del self._started_for[space_id]
            if self._parked(device.id):
                await self._switch_off(device.id)
            return None
        lead = self.lead_s(space_id)
        if lead is None or departure - now > lead:
            return None if lead is None else departure - lead
        try:
            await self.precondition_now(space_id)
        except (CoreError, SpecError, MobilityError) as exc:
            _LOGGER.warning("could not pre-condition %s for its departure: %s", space_id, exc)
            return None
        self._started_for[space_id] = departure
        return departure + _OFF_AFTER_S

    def _parked(self, device_id: str) -> bool:
        speed = number(self._hub, device_id, "vehicle.speed")
        return speed is None or speed < 1.0

    async def _switch_off(self, device_id: str) -> None:
        try:
            await self._commands.set(
                device_id, CABIN_ON, False, context=Context(Origin.AUTOMATION, _ACTOR)
            )
        except (CoreError, SpecError) as exc:
            _LOGGER.warning("could not stop the cabin climate of %s: %s", device_id, exc)
