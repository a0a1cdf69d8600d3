"""OrbitHub-protocol devices end to end: an SDK device and a hub's MQTT adapter on one broker.

Every test runs against Mosquitto and against the embedded broker (amqtt, MQTT 3.1.1 only).
On amqtt the hub's login URL pins MQTT 3.1.1 (the only version amqtt speaks); the SDK devices
are pinned to 3.1.1 there too, because the SDK's fallback waits for a CONNACK that
amqtt never sends (5 s per device; tests/sdk covers that fallback once).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from orbithub.adapters.mqtt.adapter import MqttAdapter
from orbithub.adapters.mqtt.client import MQTT_V311
from orbithub.adapters.mqtt.protocol import MessageKind
from orbithub.core.events import DeviceEvent, HubEvent
from orbithub.core.hub import Hub
from orbithub.core.registry import Room, Space
from orbithub.sdk import Device
from tests.sdk.proxy import CuttableProxy

from .wire import WITHIN, embedded_broker, mqtt_url, probe, topic_prefix, until

KETTLE: dict[str, object] = {
    "type": "urn:miot-spec-v2:device:kettle:0000A001:test:1",
    "description": "Kettle",
    "services": [
        {
            "iid": 1,
            "type": "urn:miot-spec-v2:service:kettle:00007801:test:1",
            "description": "Kettle",
            "properties": [
                {
                    "iid": 1,
                    "type": "urn:orbithub-spec:property:target-temperature:00000101:test:1",
                    "description": "Target temperature",
                    "format": "uint8",
                    "access": ["read", "write", "notify"],
                    "unit": "celsius",
                    "value-range": [40, 100, 1],
                },
                {
                    "iid": 2,
                    "type": "urn:orbithub-spec:property:boil-time:00000102:test:1",
                    "description": "Seconds the boil took",
                    "format": "uint16",
                    "access": ["read", "notify"],
                    "value-range": [0, 3600, 1],
                },
            ],
            "actions": [
                {
                    "iid": 1,
                    "type": "urn:orbithub-spec:action:boil:00002801:test:1",
                    "description": "Boil to a temperature",
                    "in": [1],
                    "out": [2],
                }
            ],
        }
    ],
}
"""A device type with an action that takes an input and returns an output."""


@dataclass(frozen=True, slots=True)
class Broker:
    """A running broker: its URL and whether it speaks MQTT 5."""

    url: str
    mqtt5: bool


@pytest.fixture(params=["mosquitto", "embedded"])
async def broker(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Broker]:
    if request.param == "mosquitto":
        yield Broker(mqtt_url(), mqtt5=True)
        return
    async with embedded_broker(tmp_path) as embedded:
        yield Broker(embedded.hub_url, mqtt5=False)


class Refusals(logging.Handler):
    """Collects the adapter's WARNING lines, so a test can await a refusal instead of sleeping."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []
        self._seen = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        # The adapter logs on the loop's thread (its receive path is loop only).
        self.lines.append(record.getMessage())
        self._seen.set()

    async def wait_for(self, text: str, within: float = WITHIN) -> str:
        async with asyncio.timeout(within):
            while True:
                found = next((line for line in self.lines if text in line), None)
                if found is not None:
                    return found
                self._seen.clear()
                await self._seen.wait()


@dataclass(slots=True)
class World:
    """A running hub (spaces ``home`` and ``office``) with its MQTT adapter, and device maker."""

    hub: Hub
    adapter: MqttAdapter
    broker: Broker
    prefix: str
    refusals: Refusals
    topics: set[str] = field(default_factory=set)

    def device(
        self, device_id: str, *, space: str = "home", url: str | None = None, **kw: Any
    ) -> Device:
        if "spec" not in kw:
            kw.setdefault("model", "light")
        device = Device(
            device_id,
            space=space,
            name=kw.pop("name", device_id),
            broker=url or self.broker.url,
            prefix=self.prefix,
            mqtt_version="auto" if self.broker.mqtt5 else "3.1.1",
            **kw,
        )
        self.topics.update(
            device.topic(k) for k in (MessageKind.ANNOUNCE, MessageKind.AVAILABILITY)
        )
        return device


async def _clear(url: str, topics: set[str]) -> None:
    async with probe(url) as p:
        for topic in sorted(topics):
            await p.publish(topic, b"", retain=True)
        p.retained.clear()  # cleared above; nothing of the probe's own is left


@asynccontextmanager
async def _world(
    broker: Broker, prefix: str, *, provisioned: frozenset[str] = frozenset()
) -> AsyncIterator[World]:
    hub = Hub()
    hub.add_space(Space("home", "Home"))
    hub.add_space(Space("office", "Office"))
    hub.add_room(Room("living", "home", "Living room"))
    hub.add_room(Room("desk", "office", "Desk"))
    adapter = MqttAdapter(
        broker.url,
        space_id="home",
        ha_prefix=None,
        z2m_base=None,
        orbit_prefix=prefix,
        provisioned=provisioned.__contains__,
    )
    hub.add_adapter(adapter)
    refusals = Refusals()
    logger = logging.getLogger("orbithub.adapters.mqtt.adapter")
    logger.addHandler(refusals)
    world = World(hub, adapter, broker, prefix, refusals)
    try:
        async with hub:
            await adapter.settled(WITHIN)
            yield world
    finally:
        logger.removeHandler(refusals)
        await _clear(broker.url, world.topics)


def _events(hub: Hub, kind: type[DeviceEvent]) -> tuple[list[DeviceEvent], Callable[[], None]]:
    seen: list[DeviceEvent] = []

    def on_event(event: HubEvent) -> None:
        if isinstance(event, kind):
            seen.append(event)

    return seen, hub.bus.listen(on_event)


async def test_announce_creates_the_device_under_its_own_id_in_its_room(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    async with _world(broker, topic_prefix(request) + "/orbit") as world:
        hub = world.hub
        async with world.device("lamp-1", name="Desk lamp", room="Living room"):
            await until(hub, lambda: hub.registry.find_device("lamp-1") is not None)
            record = hub.registry.device("lamp-1")
            assert (record.name, record.space_id, record.room_id) == ("Desk lamp", "home", "living")
            assert (record.adapter, record.spec.name) == ("mqtt", "light")
            await until(hub, lambda: hub.state.is_online("lamp-1") is True)
        if not world.broker.mqtt5:
            assert world.adapter.client.protocol_version == MQTT_V311  # the adapter fell back


async def test_a_room_the_hub_does_not_know_is_logged_and_the_device_added_without_one(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    async with _world(broker, topic_prefix(request) + "/orbit") as world:
        hub = world.hub
        async with world.device("lamp-2", name="Attic lamp", room="Attic"):
            await until(hub, lambda: hub.registry.find_device("lamp-2") is not None)
            assert hub.registry.device("lamp-2").room_id is None
            assert [r.id for r in hub.registry.rooms("home")] == ["living"]
            line = await world.refusals.wait_for("'Attic'")
            assert "create the room" in line


async def test_a_phone_announced_with_its_owner_belongs_to_that_person(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    # The owner made the phone's broker login: its announce may name its owner.
    prefix = topic_prefix(request) + "/orbit"
    async with _world(broker, prefix, provisioned=frozenset({"phone-mei"})) as world:
        hub = world.hub
        async with world.device("phone-mei", model="phone", owner="mei"):
            await until(hub, lambda: hub.registry.find_device("phone-mei") is not None)
            assert hub.registry.device("phone-mei").owner == "mei"


async def test_reports_and_events_reach_the_hub(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    async with _world(broker, topic_prefix(request) + "/orbit") as world:
        hub = world.hub
        events, stop = _events(hub, DeviceEvent)
        try:
            async with world.device("lock-1", model="lock") as lock:
                await until(hub, lambda: hub.registry.find_device("lock-1") is not None)
                assert await lock.report({"lock.locked": True, "battery.battery-level": 80})
                await until(hub, lambda: hub.state.value("lock-1", "battery.battery-level") == 80)
                assert hub.state.value("lock-1", "lock.locked") is True
                assert await lock.report_event("lock.unlocked", {"operation-method": 2})
                await until(hub, lambda: bool(events))
        finally:
            stop()
        event = events[0]
        assert (event.device_id, event.space_id, event.path) == ("lock-1", "home", "lock.unlocked")
        assert event.arguments == (("operation-method", 2),)


async def test_set_reaches_the_handler_and_the_state_comes_back(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    async with _world(broker, topic_prefix(request) + "/orbit") as world:
        hub = world.hub
        lamp = world.device("lamp-2")
        written: list[int] = []

        @lamp.on_set("light.brightness")
        async def brightness(value: int) -> None:
            written.append(value)

        async with lamp:
            await until(hub, lambda: hub.registry.find_device("lamp-2") is not None)
            result = await hub.set("lamp-2", "light.brightness", 42)
            assert result.confirmed, result.message
            assert written == [42]
            await until(hub, lambda: hub.state.value("lamp-2", "light.brightness") == 42)


async def test_action_with_inputs_and_outputs(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    async with _world(broker, topic_prefix(request) + "/orbit") as world:
        hub = world.hub
        kettle = world.device("kettle-1", spec=KETTLE)
        asked: list[int] = []

        @kettle.on_action("kettle.boil")
        async def boil(target: int) -> dict[str, object]:
            asked.append(target)
            return {"kettle.boil-time": 95}

        async with kettle:
            await until(hub, lambda: hub.registry.find_device("kettle-1") is not None)
            result = await hub.call("kettle-1", "kettle.boil", [80])
        assert result.confirmed, result.message
        assert asked == [80]
        assert dict(result.outputs) == {"kettle.boil-time": 95}


async def test_a_failing_handler_is_an_unconfirmed_command_saying_why(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    async with _world(broker, topic_prefix(request) + "/orbit") as world:
        hub = world.hub
        lamp = world.device("lamp-3")

        @lamp.on_set("light.on")
        async def power(value: bool) -> None:
            raise RuntimeError("relay stuck")

        async with lamp:
            await until(hub, lambda: hub.registry.find_device("lamp-3") is not None)
            result = await hub.set("lamp-3", "light.on", True)
        assert not result.confirmed
        assert "relay stuck" in result.message
        assert hub.state.value("lamp-3", "light.on") is None


async def test_availability_follows_a_clean_exit_and_a_killed_connection(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    async with _world(broker, topic_prefix(request) + "/orbit") as world:
        hub = world.hub

        def online() -> bool | None:
            return hub.state.is_online("lamp-4")

        async with world.device("lamp-4"):
            await until(hub, lambda: online() is True)
        await until(hub, lambda: online() is False)  # the clean exit's "offline"

        proxy = await CuttableProxy.start(world.broker.url)
        try:
            async with world.device("lamp-4", url=proxy.url) as lamp:
                await until(hub, lambda: online() is True)
                proxy.cut()  # no DISCONNECT: the broker publishes the will
                await until(hub, lambda: online() is False)
                await until(hub, lambda: online() is True)  # the SDK reconnects by itself
                await lamp.wait_connected(WITHIN)
        finally:
            await proxy.close()


async def test_an_empty_retained_announce_removes_the_device(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    async with _world(broker, topic_prefix(request) + "/orbit") as world:
        hub = world.hub
        lamp = world.device("lamp-5")
        await lamp.start()
        try:
            await until(hub, lambda: hub.registry.find_device("lamp-5") is not None)
        finally:
            await lamp.remove()
        await until(hub, lambda: hub.registry.find_device("lamp-5") is None)


async def test_an_announce_for_an_unknown_space_is_refused(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    async with _world(broker, topic_prefix(request) + "/orbit") as world:
        async with world.device("lamp-6", space="garage"):
            line = await world.refusals.wait_for("garage")
        assert "does not exist" in line
        assert world.adapter.faults.counts["announce"] >= 1
        assert world.hub.registry.find_device("lamp-6") is None


async def test_an_id_held_by_a_device_of_another_space_is_refused(
    broker: Broker, request: pytest.FixtureRequest
) -> None:
    async with _world(broker, topic_prefix(request) + "/orbit") as world:
        hub = world.hub
        async with world.device("shared-1", space="office", room="desk"):
            await until(hub, lambda: hub.registry.find_device("shared-1") is not None)
            async with world.device("shared-1", space="home"):
                line = await world.refusals.wait_for("shared-1")
        assert "office" in line
        assert world.adapter.faults.counts["announce"] >= 1
        record = hub.registry.device("shared-1")
        assert (record.space_id, record.room_id) == ("office", "desk")
