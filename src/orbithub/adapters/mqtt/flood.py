"""Per-device flood protection and the discovery limits, as the owner sees them.

A device that sends more messages a second than ``max_rate`` (a stuck sensor, a hostile
client publishing on its topics) has the surplus dropped before any decoding, and is flagged:
its neighbours keep their share of the hub. Counting costs one clock read per message and a
few integer operations per device, in a one-second window.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_MAX_RATE", "DiscoveryStatus", "Flow", "ThrottledDevice"]

DEFAULT_MAX_RATE = 50
"""Messages a second one device may send (a fast power meter sends a few)."""


@dataclass(slots=True)
class Flow:
    """How many messages one device sent in the current one-second window. Loop only.

    The adapter counts on its receive path (inlined there: it runs for every message).

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
