"""The MQTT adapter: Home Assistant discovery, zigbee2mqtt and OrbitHub-protocol devices.

One broker connection (:class:`~orbithub.adapters.mqtt.client.MqttClient`) carries all three.
Discovery messages add, replace and remove devices in the hub; the device's own topics are
then subscribed and routed by exact topic (:mod:`~orbithub.adapters.mqtt.routes`) to the pure
decoders of :mod:`~orbithub.adapters.mqtt.translate`. Bad input is counted and logged once per
(topic, kind) by :class:`~orbithub.adapters.mqtt.faults.InputFaults`; it never raises into the
loop, and the core keeps the last good state.

For HA and zigbee2mqtt devices a command is confirmed when the broker acknowledged the QoS 1
publish: those devices do not answer commands. OrbitHub-protocol devices reply, and their
commands are confirmed by the reply.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from orbithub.adapters.mqtt.client import MqttClient, MqttUnavailable
from orbithub.adapters.mqtt.faults import InputFaults
from orbithub.adapters.mqtt.flood import (
    DEFAULT_MAX_RATE,
    DiscoveryStatus,
    FloodGate,
    ThrottledDevice,
)
from orbithub.adapters.mqtt.ha_discovery import DiscoveryCatalog, parse_discovery
from orbithub.adapters.mqtt.mapping import DiscoveredDevice, MqttMappingError, StateDecodeError
from orbithub.adapters.mqtt.orbit_devices import OrbitDevices
from orbithub.adapters.mqtt.outage import DEFAULT_OUTAGE_GRACE_S, RememberingHost, watch_broker
from orbithub.adapters.mqtt.routes import Listener, Routes, Source
from orbithub.adapters.mqtt.teslamate import TeslaMateCars
from orbithub.adapters.mqtt.translate import (
    decode_availability,
    decode_events,
    decode_state,
    encode_action,
    encode_command,
    is_available,
)
from orbithub.adapters.mqtt.url import BrokerUrl, parse_broker_url
from orbithub.adapters.mqtt.z2m import parse_bridge_devices
from orbithub.core.adapter import AdapterHost, Command, CommandResult, SetProperty
from orbithub.core.errors import UnknownDeviceError
from orbithub.core.pending import PendingChanges
from orbithub.core.registry import Device, discovered
from orbithub.errors import OrbitHubError

__all__ = ["DEFAULT_MAX_DEVICES", "MqttAdapter"]

_LOGGER = logging.getLogger(__name__)

DEFAULT_MAX_DEVICES = 1000
"""Discovered devices kept by default: a large home has a few hundred."""
_CONFIGS_PER_DEVICE = 32  # discovery configs (entities) kept per allowed device, on average
_REFUSED_KEPT = 10_000  # refused ids remembered to count each once (they come from the network)
_monotonic = time.monotonic  # a local name: read once per message on the hot path

_BROKER_ACK = (
    "the broker acknowledged the QoS 1 publish; {source} devices do not confirm commands, "
    "their next state message shows the result"
)


class MqttAdapter:
    """Devices on an MQTT broker, named ``mqtt``.

    Args:
        url: the broker (``mqtt://user:pass@host:1883``, ``mqtts://...``); see
            :func:`~orbithub.adapters.mqtt.url.parse_broker_url`.
        space_id: the space HA and zigbee2mqtt devices are put in (it must exist).
        ha_prefix: HA discovery prefix, None to ignore HA discovery.
        z2m_base: zigbee2mqtt base topic, None to ignore zigbee2mqtt.
        orbit_prefix: OrbitHub protocol prefix, None to ignore it.
        teslamate_prefix: TeslaMate's base topic (cars become vehicle spaces), None to ignore.
        client_id: MQTT client id (default: the URL's, else random).
        queue_size: commands that may wait while the broker is unreachable.
        delivery_timeout: seconds a command may wait for the broker's acknowledgement.
        reply_timeout: seconds an OrbitHub-protocol device has to reply to a command.
        start_timeout: seconds :meth:`start` waits for the first connection before going on
            (the client keeps trying in the background).
        max_devices: most devices Home Assistant discovery and zigbee2mqtt may create (a flood of
            discovery topics stops here; stored ones beyond it are removed at start).
        max_rate: messages a second one device (discovered, OrbitHub-protocol or TeslaMate car)
            may send; more are dropped before decoding and the device is flagged.
        outage_grace: seconds without the broker before its devices are shown as unavailable.
        pending: where OrbitHub-protocol devices' changes of type or owner wait for the owner
            (default: a store of its own, :attr:`pending`).
        provisioned: whether the owner made broker credentials for a device id; a new device
            claiming an owner without them has the claim held for the owner (default: none
            made, every claim is held).
    """

    name = "mqtt"

    def __init__(
        self,
        url: str | BrokerUrl,
        *,
        space_id: str,
        ha_prefix: str | None = "homeassistant",
        z2m_base: str | None = "zigbee2mqtt",
        orbit_prefix: str | None = "orbit",
        teslamate_prefix: str | None = "teslamate",
        client_id: str | None = None,
        queue_size: int = 1000,
        delivery_timeout: float = 5.0,
        reply_timeout: float = 5.0,
        start_timeout: float = 5.0,
        max_devices: int = DEFAULT_MAX_DEVICES,
        max_rate: int = DEFAULT_MAX_RATE,
        outage_grace: float = DEFAULT_OUTAGE_GRACE_S,
        pending: PendingChanges | None = None,
        provisioned: Callable[[str], bool] | None = None,
    ) -> None:
        self.url = parse_broker_url(url) if isinstance(url, str) else url
        self.pending = pending if pending is not None else PendingChanges()
        """Device changes waiting for the owner."""
        self.space_id = space_id
        self.ha_prefix = ha_prefix
        self.z2m_base = z2m_base
        self.faults = InputFaults(_LOGGER)
        """Refused input by kind (``faults.counts``)."""
        self.received = 0
        """Messages received since start."""
        self._client_id = client_id
        self._queue_size = queue_size
        self._delivery_timeout = delivery_timeout
        self._start_timeout = start_timeout
        self._max_devices = max_devices
        self._max_rate = max_rate
        self._gate = FloodGate(max_rate)
        self._admitted: set[str] = set()  # discovered devices kept (stored or announced)
        self._refused: set[str] = set()  # distinct devices refused by the cap (bounded)
        self._refused_count = 0
        self._cap_logged = False
        self._outage_grace = outage_grace
        self._ha_root = f"{ha_prefix}/" if ha_prefix else None
        self._z2m_bridge = f"{z2m_base}/bridge/devices" if z2m_base else None
        self._orbit = (
            OrbitDevices(
                orbit_prefix,
                self.name,
                self.faults,
                reply_timeout,
                self._gate,
                pending=self.pending,
                provisioned=provisioned,
            )
            if orbit_prefix
            else None
        )
        self._teslamate = (
            TeslaMateCars(teslamate_prefix, self.name, self.faults, space_id, self._gate)
            if teslamate_prefix
            else None
        )
        self._routes = Routes()
        self._by_topic = self._routes.by_topic
        self._catalog = DiscoveryCatalog(max_devices, max_devices * _CONFIGS_PER_DEVICE)
        self._host: AdapterHost | None = None
        self._client: MqttClient | None = None
        self._to_subscribe: list[str] = []
        self._to_unsubscribe: list[str] = []
        self._flush_scheduled = False

    # -- lifecycle ------------------------------------------------------------------------------
    @property
    def client(self) -> MqttClient:
        """The broker connection (after :meth:`start`)."""
        if self._client is None:
            raise MqttUnavailable("the MQTT adapter has not been started")
        return self._client

    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        """Connect, subscribe to discovery topics, and return once subscribed (or timed out)."""
        host.registry.space(self.space_id)  # fail early on a misconfigured space
        self._keep_within_cap(host)
        remembering = RememberingHost(host)
        self._host = remembering
        client = MqttClient(
            self.url,
            self._on_message,
            client_id=self._client_id,
            queue_size=self._queue_size,
            delivery_timeout=self._delivery_timeout,
        )
        self._client = client
        client.subscribe(self._base_topics())
        tasks.create_task(client.run(), name=f"mqtt-client {self.url.redacted()}")
        tasks.create_task(
            watch_broker(client, remembering, self.name, self._outage_grace),
            name=f"mqtt-outage {self.url.redacted()}",
        )
        try:
            await client.settled(self._start_timeout)
        except MqttUnavailable as exc:
            _LOGGER.warning("MQTT adapter starting without its broker (%s); will keep trying", exc)

    async def stop(self) -> None:
        """Disconnect from the broker."""
        if self._client is not None:
            await self._client.close()

    async def settled(self, within: float = 10.0) -> None:
        """Wait until every subscription made so far was acknowledged (tests, benchmarks)."""
        self._flush_subscriptions()
        await self.client.settled(within)

    def _base_topics(self) -> list[str]:
        topics = []
        if self.ha_prefix:
            p = self.ha_prefix
            topics += [f"{p}/+/+/config", f"{p}/+/+/+/config"]
        if self._z2m_bridge:
            topics.append(self._z2m_bridge)
        if self._orbit is not None:
            topics += self._orbit.subscriptions()
        if self._teslamate is not None:
            topics += self._teslamate.subscriptions()
        return topics

    # -- receiving (loop only) ------------------------------------------------------------------
    def _on_message(self, topic: str, payload: bytes, props: Mapping[str, Any]) -> None:
        self.received += 1
        host = self._host
        if host is None:
            return
        listeners = self._by_topic.get(topic)
        if listeners is not None:
            now = _monotonic()
            for listener in listeners:
                # Flood protection, inlined: this runs for every message of every device.
                flow = listener.flow
                if now - flow.window >= 1.0:
                    flow.window, flow.count = now, 1
                else:
                    flow.count += 1
                    if flow.count > self._max_rate:
                        self._gate.throttle(listener.device_id, flow)
                        continue
                self._device_message(host, listener, topic, payload)
            return
        if self._ha_root is not None and topic.startswith(self._ha_root):
            if topic.endswith("/config"):
                self._ha_discovery(host, topic, payload)
        elif topic == self._z2m_bridge:
            self._z2m_discovery(host, topic, payload)
        else:
            # The broker's replay of retained topics on subscribing is not a flood: a TeslaMate
            # car alone keeps dozens of them, all delivered at once.
            live = not props.get("retain")
            if self._teslamate is not None and self._teslamate.handle(host, topic, payload, live):
                return
            if self._orbit is not None:
                self._orbit.handle(host, topic, payload, live)

    def _device_message(
        self, host: AdapterHost, listener: Listener, topic: str, payload: bytes
    ) -> None:
        binding = listener.binding
        device_id = listener.discovered.id
        try:
            if topic in binding.reads:
                try:
                    values = decode_state(binding, topic, payload)
                except StateDecodeError as exc:
                    self.faults.note("state", topic, device_id, exc.reason)
                    values = dict(exc.values)
                if values:
                    host.report_many(device_id, values)
            if topic in binding.events:
                for path in decode_events(binding, topic, payload):
                    host.report_event(device_id, path, {})
            availability = binding.availability
            if availability is not None:
                online = decode_availability(binding, topic, payload)
                if online is not None:
                    listener.seen[topic] = online
                    host.set_online(device_id, is_available(availability, listener.seen, topic))
        except MqttMappingError as exc:
            self.faults.note("message", topic, device_id, exc.reason)

    def _ha_discovery(self, host: AdapterHost, topic: str, payload: bytes) -> None:
        assert self.ha_prefix is not None  # noqa: S101 - _ha_root is set only with a prefix
        try:
            result = parse_discovery(topic, payload, prefix=self.ha_prefix)
        except MqttMappingError as exc:
            self.faults.note("discovery", topic, None, exc.reason)
            return
        for skipped in result.skipped:
            _LOGGER.info("HA discovery %s: not mapped: %s", topic, skipped)
        change = self._catalog.apply(result)
        for device_id in change.refused_devices:
            self._refuse(device_id, topic)
        for device in change.devices:
            self._upsert(host, device, Source.HA, topic)
        for device_id in change.removed_devices:
            self._drop(host, device_id)

    def _z2m_discovery(self, host: AdapterHost, topic: str, payload: bytes) -> None:
        if not payload.strip():
            found: tuple[DiscoveredDevice, ...] = ()  # retained list cleared: no devices left
        else:
            try:
                parsed = parse_bridge_devices(payload, base_topic=self.z2m_base or "")
            except MqttMappingError as exc:
                self.faults.note("discovery", topic, None, exc.reason)
                return
            for skipped in parsed.skipped:
                _LOGGER.info("zigbee2mqtt %s: not mapped: %s", topic, skipped)
            found = parsed.devices
        listed = {d.id for d in found}
        for device_id in self._routes.device_ids(Source.Z2M):
            if device_id not in listed:
                self._drop(host, device_id)
        for device in found:
            self._upsert(host, device, Source.Z2M, topic)

    def _upsert(
        self, host: AdapterHost, found: DiscoveredDevice, source: Source, topic: str
    ) -> None:
        known = self._routes.device(found.id)
        if known is not None and known.discovered == found:
            return  # the same retained config again (after a reconnect)
        if found.id not in self._admitted and len(self._admitted) >= self._max_devices:
            self._refuse(found.id, topic)
            return
        existing = host.registry.find_device(found.id)
        if existing is not None and existing.adapter != self.name:
            self.faults.note("discovery", topic, found.id, f"id taken by {existing.adapter}")
            return
        info = found.info
        record = Device(
            found.id,
            found.name,
            found.spec,
            existing.space_id if existing is not None else self.space_id,
            self.name,
            # Room and aliases are the user's choice; rediscovery must not undo them.
            room_id=existing.room_id if existing is not None else None,
            aliases=existing.aliases if existing is not None else (),
            model="-".join(p for p in (info.manufacturer, info.model) if p),
        )
        try:
            host.add_device(record, replace=existing is not None)
        except OrbitHubError as exc:
            self.faults.note("discovery", topic, found.id, str(exc))
            return
        listener = Listener(found, source)
        if known is not None:
            listener.flow = known.flow  # a re-announce does not clear a flood flag
        self._admitted.add(found.id)
        subscribe, unsubscribe = self._routes.put(listener)
        self._queue_subscriptions(subscribe, unsubscribe)
        if found.binding.availability is None:
            host.set_online(found.id, True)

    def _drop(self, host: AdapterHost, device_id: str) -> None:
        self._admitted.discard(device_id)
        self._queue_subscriptions([], self._routes.remove(device_id))
        device = host.registry.find_device(device_id)
        if device is not None and device.adapter == self.name:
            host.remove_device(device_id)

    def _queue_subscriptions(self, subscribe: list[str], unsubscribe: list[str]) -> None:
        # A retained bridge/devices list or a burst of discovery configs touches thousands of
        # topics in one loop turn; one SUBSCRIBE per batch instead of one per device.
        self._to_subscribe += subscribe
        self._to_unsubscribe += unsubscribe
        if not self._flush_scheduled and (subscribe or unsubscribe):
            self._flush_scheduled = True
            asyncio.get_running_loop().call_soon(self._flush_subscriptions)

    def _flush_subscriptions(self) -> None:
        self._flush_scheduled = False
        client = self._client
        subscribe, self._to_subscribe = self._to_subscribe, []
        unsubscribe, self._to_unsubscribe = self._to_unsubscribe, []
        if client is None:
            return
        if unsubscribe:
            client.unsubscribe(t for t in unsubscribe if t not in self._by_topic)
        if subscribe:
            client.subscribe(t for t in subscribe if t in self._by_topic)

    # -- limits (loop only) ----------------------------------------------------------------------
    def _keep_within_cap(self, host: AdapterHost) -> None:
        """Remove stored discovered devices beyond the cap, so junk does not outlive a restart."""
        stored = [d.id for d in host.registry.devices() if d.adapter == self.name and discovered(d)]
        kept, surplus = stored[: self._max_devices], stored[self._max_devices :]
        self._admitted.update(kept)
        for device_id in surplus:
            host.remove_device(device_id)
        if surplus:
            _LOGGER.warning(
                "removed %d stored discovered devices beyond the limit of %d (kept the first "
                "%d); raise it with --max-discovered-devices",
                len(surplus),
                self._max_devices,
                len(kept),
            )

    def _refuse(self, device_id: str, topic: str) -> None:
        if device_id in self._refused:
            return
        self._refused_count += 1
        if len(self._refused) < _REFUSED_KEPT:
            self._refused.add(device_id)
        if not self._cap_logged:
            self._cap_logged = True
            _LOGGER.warning(
                "discovery limit of %d devices reached (%s); further devices are refused and "
                "counted; raise it with --max-discovered-devices if the home is that large",
                self._max_devices,
                topic,
            )

    def discovery_status(self) -> DiscoveryStatus:
        """The discovery limits, what they refused, and the devices throttled (loop only)."""
        throttled = (
            tuple(
                ThrottledDevice(listener.device_id, listener.flow.dropped, listener.flow.flagged)
                for listener in self._routes.listeners()
                if listener.flow.flagged is not None
            )
            + self._gate.throttled()
        )
        return DiscoveryStatus(
            devices=len(self._admitted),
            max_devices=self._max_devices,
            refused_devices=self._refused_count,
            configs=len(self._catalog),
            max_configs=self._catalog.max_configs,
            refused_configs=self._catalog.refused_configs,
            max_rate=self._max_rate,
            throttled=throttled,
        )

    # -- commands -------------------------------------------------------------------------------
    async def send(self, command: Command) -> CommandResult:
        """Publish a command for one MQTT device.

        Raises:
            UnknownDeviceError: the device is not (or no longer) discovered on MQTT.
            CommandEncodeError: the write cannot be expressed on the device's wire.
            MqttUnavailable: the broker is unreachable, or did not acknowledge the command in
                time.
        """
        client = self.client
        if not client.connected.is_set():
            # Queued, it would wait out the whole timeout for a broker that is gone; the person
            # or service asking learns at once and retries by its own rules.
            raise MqttUnavailable(
                f"broker unreachable: {client.url.redacted()} is not connected, so the command "
                f"to {command.device.id!r} was not sent; check that the broker runs (the hub "
                "reconnects by itself)"
            )
        device_id = command.device.id
        if self._orbit is not None and self._orbit.owns(device_id):
            return await self._orbit.send(client, command)
        if self._teslamate is not None and self._teslamate.owns(device_id):
            return self._teslamate.refuse(command)
        listener = self._routes.device(device_id)
        if listener is None:
            raise UnknownDeviceError(
                f"{device_id!r} has not been discovered on MQTT (yet); check that its "
                "discovery config is published (retained)"
            )
        if isinstance(command, SetProperty):
            messages = encode_command(listener.binding, command.prop.path, command.value)
        else:
            messages = encode_action(listener.binding, command.action.path)
        for topic, payload in messages:
            await client.publish(topic, payload, qos=1)
        source = "Home Assistant MQTT" if listener.source is Source.HA else "zigbee2mqtt"
        return CommandResult(True, message=_BROKER_ACK.format(source=source))
