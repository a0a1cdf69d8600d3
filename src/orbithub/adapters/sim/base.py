"""The plumbing every simulated device shares: state, routine edges, events, battery."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar

from orbithub.core.registry import Device
from orbithub.spec.model import Value

if TYPE_CHECKING:
    from orbithub.adapters.sim.rooms import RoomClimate
    from orbithub.adapters.sim.scene import Scene

__all__ = ["DeviceSim", "Readings", "drain", "model_of"]

Readings = dict[str, Value]
_T = TypeVar("_T")


class DeviceSim:
    """One simulated device. Subclasses model a family of devices.

    The adapter calls :meth:`step` with each slice of simulated time, then reads
    :meth:`readings` (raw values by property path; the adapter fits them to the spec) and
    :meth:`take_events`. Commands arrive through :meth:`write` and :meth:`call`.

    Args:
        device: the registry record.
        scene: the shared world (weather, family, rooms, other devices).
        rng: this device's own random source.
        now: the clock time the simulation starts at.
    """

    def __init__(self, device: Device, scene: Scene, rng: random.Random, now: float) -> None:
        self.device = device
        self.scene = scene
        self.rng = rng
        self.extra: Readings = {}
        self._events: list[tuple[str, dict[str, Value]]] = []
        self._edges: dict[str, object] = {}

    @property
    def room(self) -> RoomClimate | None:
        """The climate of the device's room, if it has one."""
        return self.scene.room(self.device.room_id)

    def step(self, now: float, dt: float) -> None:
        """Advance the device's physics by ``dt`` seconds ending at ``now``."""

    def readings(self) -> Readings:
        """Current raw values by property path."""
        return {}

    def write(self, path: str, value: Value) -> bool:
        """Apply a property write; unknown properties are remembered and echoed back."""
        self.extra[path] = value
        return True

    def call(self, path: str, arguments: Mapping[str, Value]) -> bool:
        """Run an action; returns False when the simulator does not model it."""
        return False

    def emit(self, address: str, arguments: dict[str, Value] | None = None) -> None:
        """Queue an event for the adapter to report."""
        self._events.append((address, arguments or {}))

    def take_events(self) -> list[tuple[str, dict[str, Value]]]:
        """The events queued since the last call."""
        events, self._events = self._events, []
        return events

    def enum_value(self, path: str, *words: str, default: int = 0) -> int:
        """The value-list entry of ``path`` whose description contains one of ``words``.

        Enumerations differ between vendors (``Auto`` is 0 on one purifier, 2 on another), so
        the simulator looks meanings up in the spec instead of hard-coding numbers.
        """
        prop = self.device.spec.find_property(path)
        if prop is not None:
            for word in words:
                for item in prop.value_list:
                    if word.lower() in item.description.lower():
                        return item.value
        return default

    def edge(self, key: str, desired: _T) -> _T | None:
        """``desired`` when it differs from the last call's (a routine's edge), else None.

        The family acts on a device when their wish changes (lights on at dusk), not all the
        time, so a command from the app holds until the routine's next change of mind.
        """
        if not self.scene.routines:
            return None
        if key in self._edges and self._edges[key] == desired:
            return None
        self._edges[key] = desired
        return desired


def drain(level: float, dt: float, per_day: float) -> float:
    """A battery level after ``dt`` seconds of a slow drain of ``per_day`` percent a day."""
    return max(1.0, level - per_day * dt / 86_400)


def model_of(device: Device) -> str:
    """The library key a device was made from, or its spec's device name when it has none."""
    return device.model or device.spec.name
