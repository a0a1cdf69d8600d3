"""A discovery cap that fits a home, and flood protection per device, through Mosquitto."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import orjson
import pytest

from orbithub.adapters.mqtt import MqttAdapter, parse_discovery
from orbithub.adapters.mqtt.ha_discovery import DiscoveryCatalog
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Registry, Space
from orbithub.spec.library import device_type
from orbithub.storage import Database, Recorder

from .wire import make_hub, mqtt_url, probe, running_hub, topic_prefix, until


def _sensor(prefix: str, name: str) -> tuple[str, bytes]:
    config = {"name": name, "unique_id": name, "state_topic": f"{prefix}/dev/{name}"}
    return f"{prefix}/ha/sensor/{name}/config", orjson.dumps(config)


def test_the_catalog_keeps_at_most_its_devices_and_configs() -> None:
    catalog = DiscoveryCatalog(max_devices=2, max_configs=3)
    refused: list[str] = []
    for name in ("a", "b", "c"):
        topic, payload = _sensor("p", name)
        change = catalog.apply(parse_discovery(topic, payload, prefix="p/ha"))
        refused += change.refused_devices
    assert refused == ["mqtt:c"]
    assert (len(catalog), catalog.refused_configs) == (2, 1)
    # An update of a kept config is never refused.
    topic, payload = _sensor("p", "a")
    assert catalog.apply(parse_discovery(topic, payload, prefix="p/ha")).refused_devices == ()


def _discovered(hub_ids: set[str]) -> set[str]:
    return {i for i in hub_ids if i.startswith("mqtt:")}


async def test_junk_configs_beyond_the_cap_are_refused_counted_and_logged_once(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    caplog.set_level(logging.WARNING, logger="orbithub.adapters.mqtt.adapter")
    async with running_hub(url, prefix, max_devices=5) as (hub, adapter), probe(url) as p:
        for i in range(20):
            topic, payload = _sensor(prefix, f"junk{i}")
            await p.publish(topic, payload, retain=True)
        await until(hub, lambda: len(_discovered({d.id for d in hub.registry.devices()})) == 5)
        await adapter.settled()
        # Refusals make no hub event to wait on; a state message published after every config
        # arrives after they were all handled (one client's messages keep their order).
        await p.publish(f"{prefix}/dev/junk0", b"last")
        path = hub.registry.device("mqtt:junk0").spec.properties()[0].path
        await until(hub, lambda: hub.state.value("mqtt:junk0", path) == "last")
        assert adapter.discovery_status().refused_devices == 15
        status = adapter.discovery_status()
        assert (status.devices, status.max_devices, status.configs) == (5, 5, 5)
        # The same junk again (a reconnect replays retained configs) is not counted twice.
        await p.publish(*_sensor(prefix, "junk19"), retain=True)
        await p.publish(*_sensor(prefix, "junk0"), retain=True)
        await p.publish(f"{prefix}/dev/junk0", b"again")
        await until(hub, lambda: hub.state.value("mqtt:junk0", path) == "again")
        assert adapter.discovery_status().refused_devices == 15
    warnings = [r for r in caplog.records if "discovery limit" in r.getMessage()]
    assert len(warnings) == 1
    assert "--max-discovered-devices" in warnings[0].getMessage()


async def test_stored_devices_beyond_the_cap_do_not_survive_a_restart(
    request: pytest.FixtureRequest,
) -> None:
    hub = make_hub()
    spec = device_type("temperature-humidity-sensor")
    for i in range(8):
        hub.registry.add_device(Device(f"mqtt:junk{i}", f"junk {i}", spec, "home", "mqtt"))
    hub.registry.add_device(Device("lamp", "Lamp", device_type("light"), "home", "sim"))
    prefix = topic_prefix(request)
    adapter = MqttAdapter(
        mqtt_url(), space_id="home", ha_prefix=f"{prefix}/ha", max_devices=5, start_timeout=5
    )
    hub.add_adapter(adapter)
    async with hub:
        ids = {d.id for d in hub.registry.devices()}
        assert len(_discovered(ids)) == 5
        assert "lamp" in ids  # other adapters' devices are not counted or touched
        assert adapter.discovery_status().devices == 5


async def test_a_flooding_device_is_throttled_and_flagged_while_others_keep_their_values(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    caplog.set_level(logging.WARNING, logger="orbithub.adapters.mqtt.adapter")
    async with running_hub(url, prefix, max_rate=20) as (hub, adapter), probe(url) as p:
        for name in ("noisy", "calm"):
            await p.publish(*_sensor(prefix, name), retain=True)
        await until(
            hub, lambda: {"mqtt:noisy", "mqtt:calm"} <= {d.id for d in hub.registry.devices()}
        )
        await adapter.settled()
        path = hub.registry.device("mqtt:calm").spec.properties()[0].path
        sends = [p.publish(f"{prefix}/dev/noisy", str(i).encode()) for i in range(300)]
        sends += [p.publish(f"{prefix}/dev/calm", str(i).encode()) for i in range(5)]
        await asyncio.gather(*sends)
        await until(hub, lambda: hub.state.value("mqtt:calm", path) == "4")
        await until(hub, lambda: bool(adapter.discovery_status().throttled))
        (throttled,) = adapter.discovery_status().throttled
        assert throttled.device_id == "mqtt:noisy"
        assert throttled.dropped > 0
        assert adapter.discovery_status().max_rate == 20
    flagged = [r for r in caplog.records if "messages a second" in r.getMessage()]
    assert len(flagged) == 1
    assert "mqtt:noisy" in flagged[0].getMessage()


async def _hub_on(db: Database, url: str, prefix: str, max_devices: int) -> AsyncIterator[Hub]:
    spaces, rooms, devices = await db.load_registry()
    registry = Registry()
    registry.load(spaces, rooms, devices)
    hub = Hub(registry=registry)
    adapter = MqttAdapter(url, space_id="home", ha_prefix=f"{prefix}/ha", max_devices=max_devices)
    hub.add_adapter(adapter)
    recorder = Recorder(db, hub.bus, hub.registry, clock=hub.clock, retention_days=None)
    async with asyncio.TaskGroup() as tasks:
        await recorder.start(tasks)
        if not spaces:
            hub.add_space(Space("home", "Home"))  # with the recorder listening: it is stored
        try:
            async with hub:
                yield hub
                assert await recorder.flush()
        finally:
            await recorder.stop()


async def test_junk_stored_by_a_hub_does_not_outlive_a_restart_with_a_cap(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    db = await Database.open(data_dir=tmp_path)
    try:
        async with probe(url) as p:
            hubs = contextlib.asynccontextmanager(_hub_on)
            async with hubs(db, url, prefix, 1000) as hub:
                for i in range(12):
                    await p.publish(*_sensor(prefix, f"junk{i}"), retain=True)
                await until(
                    hub, lambda: len(_discovered({d.id for d in hub.registry.devices()})) == 12
                )
            # Restarted with a cap of 5, with the junk still retained on the broker.
            async with hubs(db, url, prefix, 5) as hub:
                assert len(_discovered({d.id for d in hub.registry.devices()})) == 5
            _, _, stored = await db.load_registry()
            assert len(_discovered({d.id for d in stored})) == 5
    finally:
        await db.close()
