"""Flood protection for OrbitHub-protocol devices and TeslaMate cars, through Mosquitto.

The same per-device rate as discovered devices: a device over it has the surplus dropped
before decoding, is flagged once in the log and shows in the owner's diagnostics, while its
neighbours' reports still arrive.
"""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import orjson
import pytest

from orbithub.adapters.mqtt.adapter import MqttAdapter
from orbithub.core.hub import Hub

from .wire import mqtt_url, probe, running_hub, topic_prefix, until

POWER = "power-meter.electric-power"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "teslamate"


def _announce(device_id: str) -> bytes:
    return orjson.dumps({"protocol": 1, "id": device_id, "name": device_id, "model": "plug"})


def _state(watts: int) -> bytes:
    return orjson.dumps({"values": {POWER: watts}})


@pytest.fixture
def broker(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture) -> tuple[str, str]:
    """Mosquitto's URL and this test's topic prefix; the flood warnings captured."""
    caplog.set_level(logging.WARNING, logger="orbithub.adapters.mqtt.adapter")
    return mqtt_url(), topic_prefix(request)


async def _only_throttled(hub: Hub, adapter: MqttAdapter, device_id: str) -> None:
    """``device_id`` shows as the one throttled device in the owner's diagnostics."""
    await until(hub, lambda: bool(adapter.discovery_status().throttled))
    (throttled,) = adapter.discovery_status().throttled
    assert throttled.device_id == device_id
    assert throttled.dropped > 0


def _flagged_once(caplog: pytest.LogCaptureFixture, device_id: str) -> None:
    flagged = [r.getMessage() for r in caplog.records if "messages a second" in r.getMessage()]
    assert len(flagged) == 1
    assert device_id in flagged[0]


async def test_a_flooding_protocol_device_is_throttled_and_flagged_while_its_neighbour_reports(
    broker: tuple[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    url, prefix = broker
    orbit = f"{prefix}/orbit"
    async with running_hub(url, prefix, max_rate=20) as (hub, adapter), probe(url) as p:
        for name in ("noisy-plug", "calm-plug"):
            await p.publish(f"{orbit}/home/{name}/announce", _announce(name), retain=True)
        await until(
            hub, lambda: {"noisy-plug", "calm-plug"} <= {d.id for d in hub.registry.devices()}
        )
        sends = [p.publish(f"{orbit}/home/noisy-plug/state", _state(i)) for i in range(300)]
        sends += [p.publish(f"{orbit}/home/calm-plug/state", _state(i)) for i in range(1, 6)]
        await asyncio.gather(*sends)
        await until(hub, lambda: hub.state.value("calm-plug", POWER) == 5.0)
        await _only_throttled(hub, adapter, "noisy-plug")
    _flagged_once(caplog, "noisy-plug")


async def test_a_flooding_teslamate_car_is_flagged_but_its_retained_topics_are_not_a_flood(
    broker: tuple[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    url, prefix = broker
    base = f"{prefix}/teslamate"
    rows = json.loads((FIXTURES / "parked-charging.json").read_text(encoding="utf-8"))
    async with probe(url) as p:
        # TeslaMate keeps one retained topic per value: more than the rate, all at once when
        # the hub subscribes.
        for row in rows:
            await p.publish(f"{base}/{row['topic']}", row["payload"].encode(), retain=True)
        assert len(rows) > 20
        async with running_hub(url, prefix, teslamate_prefix=base, max_rate=20) as (hub, adapter):
            await until(hub, lambda: hub.state.value("teslamate-1", "charging.charge-limit") == 85)
            assert hub.state.value("teslamate-1", "battery.battery-level") == 54.0
            assert adapter.discovery_status().throttled == ()
            sends = [p.publish(f"{base}/cars/1/speed", str(i).encode()) for i in range(300)]
            await asyncio.gather(*sends)
            await _only_throttled(hub, adapter, "teslamate-1")
    _flagged_once(caplog, "teslamate-1")
