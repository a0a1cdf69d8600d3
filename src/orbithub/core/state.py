"""Current property values of every device, with when each was last changed and reported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from orbithub.spec.model import Value

__all__ = ["PropertyState", "State"]


@dataclass(slots=True)
class PropertyState:
    """The current value of one property.

    Attributes:
        value: the last good value.
        last_changed: hub time the value last became different.
        last_reported: hub time the device last reported it, changed or not ("last seen").
        device_time: the device's own timestamp of the reading, when it sends one; readings
            older than this are stale and dropped.
    """

    value: Value
    last_changed: float
    last_reported: float
    device_time: float | None = None


_EMPTY: Mapping[str, PropertyState] = {}


class State:
    """Values by device and property path, and each device's availability. Loop only.

    Only the hub writes here; everyone else reads.
    """

    def __init__(self) -> None:
        self._values: dict[str, dict[str, PropertyState]] = {}
        self._online: dict[str, bool] = {}

    def get(self, device_id: str, path: str) -> PropertyState | None:
        """The state of one property, None when it was never reported."""
        props = self._values.get(device_id)
        return None if props is None else props.get(path)

    def value(self, device_id: str, path: str) -> Value | None:
        """The current value of one property, None when it was never reported."""
        state = self.get(device_id, path)
        return None if state is None else state.value

    def device(self, device_id: str) -> Mapping[str, PropertyState]:
        """Every reported property of a device, by path."""
        return self._values.get(device_id, _EMPTY)

    def is_online(self, device_id: str) -> bool | None:
        """Whether the device is online; None when it never said."""
        return self._online.get(device_id)

    def _props(self, device_id: str) -> dict[str, PropertyState]:
        props = self._values.get(device_id)
        if props is None:
            props = self._values[device_id] = {}
        return props

    def _set_online(self, device_id: str, online: bool) -> bool:
        """Record availability; returns whether it changed."""
        changed = self._online.get(device_id) != online
        self._online[device_id] = online
        return changed

    def _forget(self, device_id: str) -> None:
        self._values.pop(device_id, None)
        self._online.pop(device_id, None)

    def __len__(self) -> int:
        return sum(len(props) for props in self._values.values())
