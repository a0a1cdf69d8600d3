"""Follows every device that reports a position and answers "when will it be there?".

A vehicle's tracker, a phone: any device with ``location.latitude`` and
``location.longitude`` properties gets its own :class:`EtaEstimator`, fed from the hub's bus.
This module only listens; arrival events and triggers are built on top of it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from orbithub.core.errors import UnknownSpaceError
from orbithub.core.events import HubEvent, PropertyChanged, RegistryChanged, RegistryKind
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.mobility.eta import Eta, EtaEstimator, Fix
from orbithub.mobility.geo import is_valid_coordinate

__all__ = ["LATITUDE", "LONGITUDE", "SPEED_PATHS", "Tracks", "has_location"]

_LOGGER = logging.getLogger(__name__)

LATITUDE = "location.latitude"
LONGITUDE = "location.longitude"
SPEED_PATHS = ("vehicle.speed", "location.speed")
"""Where a device reports its own speed in km/h: a vehicle's drive service, a phone's GPS."""


def has_location(device: Device) -> bool:
    """Whether the device's spec reports a position."""
    return (
        device.spec.find_property(LATITUDE) is not None
        and device.spec.find_property(LONGITUDE) is not None
    )


class Tracks:
    """One ETA estimator per positioned device, kept current from the bus. Loop only.

    Args:
        hub: the hub whose devices are followed.
        window_s: how far back fixes are used for an estimate.
    """

    def __init__(self, hub: Hub, *, window_s: float = 300.0) -> None:
        self._hub = hub
        self._window_s = window_s
        self._estimators: dict[str, EtaEstimator] = {}
        self._stop: Callable[[], None] | None = None

    def start(self) -> None:
        """Start listening; positions already in the hub's state become each device's first fix."""
        if self._stop is not None:
            return
        for device in self._hub.registry.devices():
            if has_location(device):
                self._take_fix(device.id, self._hub.now())
        self._stop = self._hub.bus.listen(self._on_event)

    def stop(self) -> None:
        """Stop listening; the estimators are kept until the next start."""
        if self._stop is not None:
            self._stop()
            self._stop = None

    @property
    def running(self) -> bool:
        """Whether it is listening."""
        return self._stop is not None

    def device_ids(self) -> list[str]:
        """The devices that have at least one fix."""
        return sorted(self._estimators)

    def estimator(self, device_id: str) -> EtaEstimator | None:
        """The estimator of one device, None when it has reported no position yet."""
        return self._estimators.get(device_id)

    def fix(self, device_id: str) -> Fix | None:
        """The latest fix of a device, None when unknown."""
        est = self._estimators.get(device_id)
        return None if est is None else est.last

    def eta(self, device_id: str, space_id: str) -> Eta | None:
        """When the device will be within the space's geofence radius.

        Returns:
            None when the device or space is unknown, the space has no location, the device is
            the space's own tracker (a car cannot arrive at itself), too few fixes are known, or
            the device is not approaching.
        """
        est = self._estimators.get(device_id)
        if est is None:
            return None
        try:
            space = self._hub.registry.space(space_id)
        except UnknownSpaceError:
            return None
        if space.tracker_device_id == device_id:
            return None
        if space.latitude is None or space.longitude is None:
            return None
        if not is_valid_coordinate(space.latitude, space.longitude):
            return None
        return est.eta(space.latitude, space.longitude, space.radius_m, now=self._hub.now())

    # -- bus ----------------------------------------------------------------------------------
    def _on_event(self, event: HubEvent) -> None:
        if isinstance(event, PropertyChanged):
            if event.path == LATITUDE or event.path == LONGITUDE:
                self._take_fix(event.device_id, event.time)
        elif (
            isinstance(event, RegistryChanged)
            and event.kind is RegistryKind.DEVICE
            and event.removed
        ):
            self._estimators.pop(event.record_id, None)

    def _take_fix(self, device_id: str, time: float) -> None:
        state = self._hub.state
        lat = state.value(device_id, LATITUDE)
        lon = state.value(device_id, LONGITUDE)
        if not (isinstance(lat, float | int) and isinstance(lon, float | int)):
            return
        if not is_valid_coordinate(lat, lon):
            return
        speed: float | None = None
        for path in SPEED_PATHS:
            value = state.value(device_id, path)
            if isinstance(value, int | float) and not isinstance(value, bool):
                speed = float(value)
                break
        est = self._estimators.get(device_id)
        if est is None:
            est = self._estimators[device_id] = EtaEstimator(window_s=self._window_s)
        if not est.add(Fix(time, float(lat), float(lon), speed)):
            _LOGGER.debug("fix of %s at %s refused (late or implausible jump)", device_id, time)
