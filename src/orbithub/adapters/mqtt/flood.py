"""Per-device flood protection and the discovery limits, as the owner sees them.

A device that sends more messages a second than ``max_rate`` (a stuck sensor, a hostile
client publishing on its topics) has the surplus dropped before any decoding, and is flagged:
its neighbours keep their share of the hub. Counting costs one clock read per message and a
few integer operations per device, in a one-second window.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

__all__ = ["DEFAULT_MAX_RATE", "DiscoveryStatus", "FloodGate", "Flow", "ThrottledDevice"]

_LOGGER = logging.getLogger("orbithub.adapters.mqtt.adapter")  # where owners look for it
_monotonic = time.monotonic  # a local name: read once per message on the hot path

DEFAULT_MAX_RATE = 50
"""Messages a second one device may send (a fast power meter sends a few)."""


@dataclass(slots=True)
class Flow:
    """How many messages one device sent in the current one-second window. Loop only.

    Discovered devices are counted on the adapter's receive path (inlined there: it runs for
    every message); OrbitHub-protocol devices and TeslaMate cars through :class:`FloodGate`.

    Attributes:
        window: when the window started (monotonic seconds).
        count: messages in the window.
        dropped: messages dropped since the device was first throttled.
        flagged: wall time the device was first throttled, None while it never was.
    """

    window: float = 0.0
    count: int = 0
    dropped: int = 0
    flagged: float | None = None


@dataclass(frozen=True, slots=True)
class ThrottledDevice:
    """A device that sent more than its rate.

    Attributes:
        device_id: the device.
        dropped: messages dropped so far.
        since: when it was first throttled (Unix time).
    """

    device_id: str
    dropped: int
    since: float


class FloodGate:
    """The one rate limit of an adapter's devices, and the flows of devices found by id. Loop only.

    Args:
        max_rate: messages a second one device may send.
    """

    def __init__(self, max_rate: int) -> None:
        self.max_rate = max_rate
        self._flows: dict[str, Flow] = {}

    def admit(self, device_id: str) -> bool:
        """Count one message of a known device; False when it is over the rate (drop it).

        Only devices the hub already knows are counted, so the flows stay as bounded as the
        devices themselves.
        """
        flow = self._flows.get(device_id)
        if flow is None:
            flow = self._flows[device_id] = Flow()
        now = _monotonic()
        if now - flow.window >= 1.0:
            flow.window, flow.count = now, 1
            return True
        flow.count += 1
        if flow.count <= self.max_rate:
            return True
        self.throttle(device_id, flow)
        return False

    def throttle(self, device_id: str, flow: Flow) -> None:
        """Count a dropped message; flag the device and log it the first time."""
        flow.dropped += 1
        if flow.flagged is not None:
            return
        flow.flagged = time.time()
        _LOGGER.warning(
            "device %s sends more than %d messages a second; the surplus is dropped "
            "(throttled) and the device flagged; check the device or whoever publishes on its "
            "topics",
            device_id,
            self.max_rate,
        )

    def forget(self, device_id: str) -> None:
        """Drop the flow of a device that is gone."""
        self._flows.pop(device_id, None)

    def throttled(self) -> tuple[ThrottledDevice, ...]:
        """The devices counted here that were throttled."""
        return tuple(
            ThrottledDevice(device_id, flow.dropped, flow.flagged)
            for device_id, flow in self._flows.items()
            if flow.flagged is not None
        )


@dataclass(frozen=True, slots=True)
class DiscoveryStatus:
    """Discovery's limits and what they refused.

    Attributes:
        devices: discovered devices kept (Home Assistant and zigbee2mqtt).
        max_devices: the most that are kept.
        refused_devices: devices refused because the limit was reached.
        configs: discovery configs (Home Assistant components) kept.
        max_configs: the most that are kept.
        refused_configs: configs refused because their limit was reached.
        max_rate: messages a second one device may send.
        throttled: devices that sent more.
    """

    devices: int
    max_devices: int
    refused_devices: int
    configs: int
    max_configs: int
    refused_configs: int
    max_rate: int
    throttled: tuple[ThrottledDevice, ...]
