"""Which device listens on which topic: exact-topic routing for discovered MQTT devices.

Home Assistant and zigbee2mqtt devices each name their own state, event and availability
topics; the receive path looks a topic up in one dict. Several devices may share a topic (a
zigbee2mqtt state message feeds every entity of the device; HA lets entities share a topic), so
topics are reference counted: the broker subscription goes when the last listener does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from orbithub.adapters.mqtt.flood import Flow
from orbithub.adapters.mqtt.mapping import DeviceBinding, DiscoveredDevice

__all__ = ["Listener", "Routes", "Source"]


class Source(StrEnum):
    """Where a device was discovered."""

    HA = "ha"
    Z2M = "z2m"


@dataclass(slots=True, eq=False)
class Listener:
    """One discovered device as the receive path sees it.

    Attributes:
        discovered: the device as discovery described it (binding, spec, info).
        source: HA discovery or zigbee2mqtt.
        seen: the last availability decoded on each of its availability topics.
        flow: how fast it sends (flood protection).
    """

    discovered: DiscoveredDevice
    source: Source
    seen: dict[str, bool] = field(default_factory=dict)
    flow: Flow = field(default_factory=Flow)

    @property
    def device_id(self) -> str:
        """The device's id."""
        return self.discovered.id

    @property
    def binding(self) -> DeviceBinding:
        """How the device's properties travel over MQTT."""
        return self.discovered.binding


class Routes:
    """Listeners by exact topic and by device id. Loop only."""

    def __init__(self) -> None:
        self.by_topic: dict[str, list[Listener]] = {}
        """Listeners by topic; the receive path reads this directly."""
        self._devices: dict[str, Listener] = {}

    def __len__(self) -> int:
        return len(self._devices)

    def device(self, device_id: str) -> Listener | None:
        """The listener of ``device_id``, or None."""
        return self._devices.get(device_id)

    def listeners(self) -> list[Listener]:
        """Every device's listener."""
        return list(self._devices.values())

    def device_ids(self, source: Source) -> list[str]:
        """Ids of the devices discovered through ``source``."""
        return [i for i, lst in self._devices.items() if lst.source is source]

    def put(self, listener: Listener) -> tuple[list[str], list[str]]:
        """Add or replace a device's listener.

        Returns:
            ``(subscribe, unsubscribe)``: topics that gained their first listener and topics
            that lost their last one.
        """
        gone = self.remove(listener.device_id)
        self._devices[listener.device_id] = listener
        fresh = []
        for topic in listener.binding.topics:
            listeners = self.by_topic.get(topic)
            if listeners is None:
                self.by_topic[topic] = [listener]
                fresh.append(topic)
            else:
                listeners.append(listener)
        fresh_set = set(fresh)
        # A topic the old form used and the new one still uses was never really released.
        kept = [t for t in gone if t not in fresh_set]
        renewed = [t for t in fresh if t not in set(gone)]
        return renewed, kept

    def remove(self, device_id: str) -> list[str]:
        """Drop a device's listener; returns the topics nobody listens on any more."""
        listener = self._devices.pop(device_id, None)
        if listener is None:
            return []
        released = []
        for topic in listener.binding.topics:
            listeners = self.by_topic.get(topic)
            if listeners is None:
                continue
            listeners[:] = [x for x in listeners if x is not listener]
            if not listeners:
                del self.by_topic[topic]
                released.append(topic)
        return released
