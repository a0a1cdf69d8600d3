"""Devices behind a lost broker: unavailable after a grace period, back with the broker.

While the broker is unreachable nothing a device says can arrive, so what the hub shows of it
is stale. A short outage (a broker restart) is bridged quietly; past the grace period every
device of the adapter is shown as unavailable. When the broker is back, each device returns to
the availability it last reported; retained availability messages, delivered again on the
resubscribe, then correct anything that changed meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping

from orbithub.adapters.mqtt.client import MqttClient
from orbithub.core.adapter import AdapterHost
from orbithub.core.context import Context
from orbithub.core.registry import Device, Registry, Space

__all__ = ["DEFAULT_OUTAGE_GRACE_S", "RememberingHost", "watch_broker"]

_LOGGER = logging.getLogger(__name__)

DEFAULT_OUTAGE_GRACE_S = 5.0
"""Seconds without the broker before its devices are shown as unavailable."""


class RememberingHost:
    """The hub as an adapter sees it, remembering each device's last reported availability."""

    def __init__(self, host: AdapterHost) -> None:
        self._host = host
        self._said: dict[str, bool] = {}
        self._lost: frozenset[str] = frozenset()

    @property
    def registry(self) -> Registry:
        """The hub's spaces, rooms and devices."""
        return self._host.registry

    def now(self) -> float:
        """The hub clock's current time."""
        return self._host.now()

    def report(
        self, device_id: str, address: str, value: object, *, timestamp: float | None = None
    ) -> bool:
        """See :meth:`AdapterHost.report`."""
        return self._host.report(device_id, address, value, timestamp=timestamp)

    def report_many(
        self, device_id: str, values: Mapping[str, object], *, timestamp: float | None = None
    ) -> int:
        """See :meth:`AdapterHost.report_many`."""
        return self._host.report_many(device_id, values, timestamp=timestamp)

    def report_event(self, device_id: str, address: str, arguments: Mapping[str, object]) -> bool:
        """See :meth:`AdapterHost.report_event`."""
        return self._host.report_event(device_id, address, arguments)

    def set_online(self, device_id: str, online: bool) -> None:
        """See :meth:`AdapterHost.set_online`; remembered for the broker's return."""
        self._said[device_id] = online
        self._host.set_online(device_id, online)

    def add_device(
        self, device: Device, *, replace: bool = False, context: Context | None = None
    ) -> None:
        """See :meth:`AdapterHost.add_device`."""
        self._host.add_device(device, replace=replace, context=context)

    def add_space(
        self, space: Space, *, replace: bool = False, context: Context | None = None
    ) -> None:
        """See :meth:`AdapterHost.add_space`."""
        self._host.add_space(space, replace=replace, context=context)

    def remove_device(self, device_id: str, *, context: Context | None = None) -> Device:
        """See :meth:`AdapterHost.remove_device`."""
        self._said.pop(device_id, None)
        return self._host.remove_device(device_id, context=context)

    def lose(self, adapter: str) -> int:
        """Show every device of ``adapter`` as unavailable; returns how many. Loop only."""
        self._lost = frozenset(d.id for d in self._host.registry.devices(adapter=adapter))
        for device_id in self._lost:
            self._host.set_online(device_id, False)
        return len(self._lost)

    def restore(self) -> int:
        """Give the lost devices back the availability they last reported. Loop only."""
        lost, self._lost = self._lost, frozenset()
        back = 0
        for device_id in lost:
            said = self._said.get(device_id)
            if said is not None and self._host.registry.find_device(device_id) is not None:
                self._host.set_online(device_id, said)
                back += said
        return back


async def watch_broker(
    client: MqttClient, host: RememberingHost, adapter: str, grace: float
) -> None:
    """Show ``adapter``'s devices as unavailable while its broker is lost; run until cancelled.

    Args:
        client: the adapter's broker connection.
        host: the hub, as the adapter reports to it.
        adapter: the adapter's name (its devices are those it owns).
        grace: seconds of outage bridged before the devices are shown as unavailable.
    """
    while True:
        await client.disconnected.wait()
        try:
            async with asyncio.timeout(grace):
                await client.connected.wait()
            continue  # back within the grace period: nothing to show
        except TimeoutError:
            pass
        count = host.lose(adapter)
        _LOGGER.warning(
            "MQTT broker %s unreachable for %g s: its %d device(s) are shown as unavailable "
            "until it is back",
            client.url.redacted(),
            grace,
            count,
        )
        await client.connected.wait()
        back = host.restore()
        _LOGGER.info(
            "MQTT broker %s is back: %d device(s) available again", client.url.redacted(), back
        )
