"""Publish OrbitHub's own devices to Home Assistant over MQTT discovery, and take its commands.

The reverse of :mod:`~orbithub.adapters.mqtt.ha_discovery`: each device that did not come from
MQTT becomes HA entities — ``light`` (JSON schema, brightness and colour temperature in kelvin),
``climate`` (a service with a writable ``target-temperature``), ``switch`` (writable bools),
``binary_sensor`` (read-only bools), ``number`` (writable numbers) and ``sensor`` (other
readable numbers, with HA's unit and ``device_class``). Configs are published retained, so HA
keeps the entities across restarts of either side; :meth:`HaPublisher.stop` clears nothing.

State goes out on every ``PropertyChanged`` and commands come back on each entity's command
topic, decoded and handed to ``command(device_id, path, value)`` (the hub's ``set``). Neither
path blocks the loop: messages wait in bounded queues drained by the publisher's own tasks.

The client must deliver its messages to :meth:`HaPublisher.handle`; give the publisher a
connection of its own (the adapter's connection routes its messages to the adapter).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import orjson

from orbithub.adapters.mqtt.client import MqttClient, MqttUnavailable
from orbithub.adapters.mqtt.faults import InputFaults
from orbithub.adapters.mqtt.ha_entities import Decode, Entity, device_entities, slug
from orbithub.core.bus import Bus
from orbithub.core.events import HubEvent, PropertyChanged, RegistryChanged, RegistryKind
from orbithub.core.registry import Device, Registry, discovered
from orbithub.core.state import State
from orbithub.errors import OrbitHubError
from orbithub.spec.model import Value

__all__ = ["HaPublisher", "came_from_discovery"]

_LOGGER = logging.getLogger(__name__)

Command = Callable[[str, str, object], Awaitable[object]]
"""``command(device_id, path, value)``: the hub's ``set``."""


_MAX_OUTGOING = 10_000
_MAX_COMMANDS = 256
_BATCH = 100


def came_from_discovery(device: Device) -> bool:
    """Whether a device came from Home Assistant discovery or zigbee2mqtt, which HA already has.

    Their hub ids carry the ``mqtt:`` / ``z2m:`` prefixes discovery gives them; ids announced on
    OrbitHub's own protocol cannot contain a colon.
    """
    return discovered(device)


class HaPublisher:
    """Publishes OrbitHub devices as Home Assistant MQTT entities and applies HA's commands.

    Args:
        bus: the hub's bus (``PropertyChanged`` and device ``RegistryChanged`` are followed).
        registry: the hub's registry.
        client: a connection whose messages go to :meth:`handle` (the owner runs it).
        command: ``command(device_id, path, value)``, called for each decoded HA command.
        prefix: the HA discovery prefix.
        exclude_adapter: devices of this adapter are not published (they came from MQTT).
        skip: decides per device instead of ``exclude_adapter`` when given (the wiring passes
            "came from Home Assistant or zigbee2mqtt", so devices on OrbitHub's own protocol,
            which Home Assistant cannot see otherwise, are published).
        base: the topic prefix of the entities' state and command topics.
        state: the hub's state, to publish current values at start (optional).
    """

    def __init__(
        self,
        bus: Bus,
        registry: Registry,
        client: MqttClient,
        command: Command,
        *,
        prefix: str = "homeassistant",
        exclude_adapter: str = "mqtt",
        base: str = "orbithub",
        state: State | None = None,
        skip: Callable[[Device], bool] | None = None,
    ) -> None:
        self._bus = bus
        self._registry = registry
        self._client = client
        self._command = command
        self.prefix = prefix
        self._exclude = exclude_adapter
        self._skip = skip
        self._base = base
        self._state = state
        self._entities: dict[str, list[Entity]] = {}
        self._values: dict[str, dict[str, Value]] = {}
        self._routes: dict[str, tuple[str, Decode]] = {}
        self._outgoing: dict[str, tuple[bytes, bool]] = {}
        self._commands: asyncio.Queue[tuple[str, list[tuple[str, Value]]]] = asyncio.Queue(
            _MAX_COMMANDS
        )
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._unlisten: Callable[[], None] | None = None
        self.dropped = 0
        """Messages not published because the outgoing queue was full."""
        self.faults = InputFaults(_LOGGER)
        """Refused HA commands (``faults.counts["command"]``), each topic logged once."""

    # -- lifecycle ------------------------------------------------------------------------------
    async def start(self, tasks: asyncio.TaskGroup) -> None:
        """Publish every current device and follow the bus; the drain tasks join ``tasks``."""
        self._unlisten = self._bus.listen(self._on_event)
        for device in list(self._registry):
            self._publish_device(device)
        tasks.create_task(self._drain(), name="ha-publisher-out")
        tasks.create_task(self._apply_commands(), name="ha-publisher-commands")

    async def stop(self, within: float = 5.0) -> None:
        """Stop following the bus and send what is queued (for up to ``within`` seconds).

        Retained configs stay, so HA keeps the entities while the hub is away.
        """
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        try:
            async with asyncio.timeout(within):
                await self._idle.wait()
        except TimeoutError:
            _LOGGER.warning("HA publisher stopped with %d message(s) unsent", len(self._outgoing))

    def config_topic(self, entity: Entity) -> str:
        """The discovery topic of an entity."""
        return f"{self.prefix}/{entity.component}/orbithub/{entity.object_id}/config"

    def configs(self) -> dict[str, bytes]:
        """Every discovery config published so far, by topic (tests, diagnostics)."""
        return {
            self.config_topic(e): orjson.dumps(e.config)
            for entities in self._entities.values()
            for e in entities
        }

    # -- hub side (loop only) -------------------------------------------------------------------
    def _on_event(self, event: HubEvent) -> None:
        if isinstance(event, PropertyChanged):
            values = self._values.get(event.device_id)
            if values is None:
                return
            values[event.path] = event.value
            for entity in self._entities[event.device_id]:
                if event.path in entity.paths:
                    self._render(entity, values)
        elif isinstance(event, RegistryChanged) and event.kind is RegistryKind.DEVICE:
            device = self._registry.find_device(event.record_id)
            if event.removed or device is None:
                self._unpublish(event.record_id)
            else:
                self._publish_device(device)

    def _publish_device(self, device: Device) -> None:
        skipped = self._skip(device) if self._skip is not None else device.adapter == self._exclude
        if skipped:
            return
        before = {self.config_topic(e) for e in self._entities.get(device.id, [])}
        self._unpublish(device.id, clear=False)
        entities = device_entities(device, f"{self._base}/{slug(device.id)}")
        for gone in sorted(before - {self.config_topic(e) for e in entities}):
            self._enqueue(gone, b"", retain=True)  # the new spec has no such entity
        if not entities:
            return
        values = self._values.setdefault(device.id, {})
        if self._state is not None:
            values.update({p: s.value for p, s in self._state.device(device.id).items()})
        self._entities[device.id] = entities
        info = {
            "identifiers": [f"orbithub_{device.id}"],
            "name": device.name,
            "manufacturer": "OrbitHub",
            "model": device.model or device.spec.name,
        }
        for entity in entities:
            entity.config["device"] = info
            self._enqueue(self.config_topic(entity), orjson.dumps(entity.config), retain=True)
            for topic, decode in entity.commands.items():
                self._routes[topic] = (device.id, decode)
            self._client.subscribe(entity.commands, qos=1)
            self._render(entity, values)

    def _unpublish(self, device_id: str, *, clear: bool = True) -> None:
        entities = self._entities.pop(device_id, [])
        for entity in entities:
            if clear:  # the device left the hub: HA removes the entity on an empty config
                self._enqueue(self.config_topic(entity), b"", retain=True)
            for topic in entity.commands:
                self._routes.pop(topic, None)
            self._client.unsubscribe(entity.commands)
        if clear:
            self._values.pop(device_id, None)

    def _render(self, entity: Entity, values: Mapping[str, Value]) -> None:
        for topic, payload in entity.render(values):
            self._enqueue(topic, payload, retain=True)

    def _enqueue(self, topic: str, payload: bytes, *, retain: bool) -> None:
        # Latest message per topic wins: a burst of changes to one lamp sends its last state.
        if topic not in self._outgoing and len(self._outgoing) >= _MAX_OUTGOING:
            self.dropped += 1
            _LOGGER.warning("HA publisher queue full; dropped %s", topic)
            return
        self._outgoing.pop(topic, None)
        self._outgoing[topic] = (payload, retain)
        self._idle.clear()
        self._wake.set()

    async def _drain(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._outgoing:
                batch = list(self._outgoing.items())[:_BATCH]
                for topic, _ in batch:
                    del self._outgoing[topic]
                results = await asyncio.gather(
                    *(self._client.publish(t, p, qos=1, retain=r) for t, (p, r) in batch),
                    return_exceptions=True,
                )
                for (topic, _), result in zip(batch, results, strict=True):
                    if isinstance(result, MqttUnavailable):
                        _LOGGER.warning("HA publisher: %s not published: %s", topic, result)
                    elif isinstance(result, BaseException):
                        raise result
            self._idle.set()

    # -- HA side --------------------------------------------------------------------------------
    def handle(self, topic: str, payload: bytes, _props: Mapping[str, Any]) -> None:
        """Take one message from the client: a command of a published entity. Loop only."""
        route = self._routes.get(topic)
        if route is None:
            return
        device_id, decode = route
        try:
            writes = decode(payload)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            self.faults.note("command", topic, device_id, repr(exc))
            return
        try:
            self._commands.put_nowait((device_id, writes))
        except asyncio.QueueFull:
            _LOGGER.warning("HA commands arrive faster than devices take them; dropped %s", topic)

    async def _apply_commands(self) -> None:
        while True:
            device_id, writes = await self._commands.get()
            for path, value in writes:
                try:
                    await self._command(device_id, path, value)
                except OrbitHubError as exc:
                    _LOGGER.warning(
                        "HA command %s=%r for %s failed: %s", path, value, device_id, exc
                    )
                    break
                except Exception:
                    # A bug behind `command` must not end this task (and with it the owner's
                    # task group); the next command still gets its chance.
                    _LOGGER.exception("HA command %s=%r for %s raised", path, value, device_id)
                    break
