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

from .wire import mqtt_url, probe, running_hub, topic_prefix, until

POWER = "power-meter.electric-power"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "teslamate"


def _announce(device_id: str) -> bytes:
    return orjson.dumps({"protocol": 1, "id": device_id, "name": device_id, "model": "plug"})


def _state(watts: int) -> bytes:
    return orjson.dumps({"values": {POWER: watts}})


def _flagged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "messages a second" in r.getMessage()]


async def test_a_flooding_protocol_device_is_throttled_and_flagged_while_its_neighbour_reports(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    caplog.set_level(logging.WARNING, logger="orbithub.adapters.mqtt.adapter")
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
        await until(hub, lambda: bool(adapter.discovery_status().throttled))
        (throttled,) = adapter.discovery_status().throttled
        assert throttled.device_id == "noisy-plug"
        assert throttled.dropped > 0
    flagged = _flagged(caplog)
    assert len(flagged) == 1
    assert "noisy-plug" in flagged[0]


async def test_a_flooding_teslamate_car_is_flagged_but_its_retained_topics_are_not_a_flood(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    caplog.set_level(logging.WARNING, logger="orbithub.adapters.mqtt.adapter")
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
            await until(hub, lambda: bool(adapter.discovery_status().throttled))
            (throttled,) = adapter.discovery_status().throttled
            assert throttled.device_id == "teslamate-1"
            assert throttled.dropped > 0
    flagged = _flagged(caplog)
    assert len(flagged) == 1
    assert "teslamate-1" in flagged[0]
