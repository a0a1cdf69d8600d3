"""MQTT ingest: messages/s from Mosquitto through the adapter into the core, recorder on.

Workload (DESIGN.md): HA discovery, 4 of 5 devices temperature sensors with ``value_template``,
1 of 5 JSON dimmable lights; bursts of 10,000 state messages round-robin, published by a
separate process. Printed next to a bare gmqtt client's receive rate on the same broker.

    ORBITHUB_TEST_MQTT_URL=mqtt://127.0.0.1:1883 python bench/bench_mqtt.py [100 1000 10000]
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from orbithub.adapters.mqtt.adapter import MqttAdapter
from orbithub.adapters.mqtt.client import MqttClient
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.core.hub import Hub
from orbithub.core.registry import Space
from orbithub.storage import Database, Recorder

URL = os.environ.get("ORBITHUB_TEST_MQTT_URL", "mqtt://127.0.0.1:1883")
BURST = 10_000


def _config(prefix: str, n: int) -> tuple[str, bytes, str, bytes]:
    """Discovery topic/payload and one state topic/payload for device ``n``."""
    state = f"{prefix}/dev/{n}/state"
    if n % 5 == 4:
        cfg: dict[str, Any] = {
            "name": "Lamp",
            "schema": "json",
            "brightness": True,
            "state_topic": state,
            "command_topic": f"{prefix}/dev/{n}/set",
            "unique_id": f"lamp{n}",
            "device": {"identifiers": [f"d{n}"], "name": f"Lamp {n}"},
        }
        return f"{prefix}/ha/light/lamp{n}/config", orjson.dumps(cfg), state, b""
    cfg = {
        "name": "Temperature",
        "device_class": "temperature",
        "unit_of_measurement": "°C",
        "state_class": "measurement",
        "value_template": "{{ value_json.temperature }}",
        "state_topic": state,
        "unique_id": f"temp{n}",
        "device": {"identifiers": [f"d{n}"], "name": f"Sensor {n}"},
    }
    return f"{prefix}/ha/sensor/temp{n}/config", orjson.dumps(cfg), state, b""


def _state(n: int, i: int) -> bytes:
    if n % 5 == 4:
        return orjson.dumps({"state": "ON" if i % 2 else "OFF", "brightness": 1 + i % 254})
    return orjson.dumps({"temperature": round(15 + (i % 100) / 10, 1)})


def _publisher(prefix: str, devices: int, count: int, retained_configs: bool) -> None:
    """Run in another process: publish discovery (optionally) then ``count`` state messages."""

    async def run() -> None:
        client = MqttClient(parse_broker_url(URL), lambda *_: None, queue_size=count + devices)
        task = asyncio.create_task(client.run())
        await client.connected.wait()
        if retained_configs:
            for n in range(devices):
                topic, payload, _, _ = _config(prefix, n)
                await client.publish(topic, payload, retain=True, qos=1)
        else:
            for i in range(count):
                n = i % devices
                client.publish_nowait(f"{prefix}/dev/{n}/state", _state(n, i))
                if i % 500 == 0:
                    await asyncio.sleep(0)
            await client.publish(f"{prefix}/done", b"1", qos=1)
        await client.close()
        await task

    asyncio.run(run())


def _spawn(prefix: str, devices: int, count: int, configs: bool) -> Any:
    proc = multiprocessing.get_context("spawn").Process(
        target=_publisher, args=(prefix, devices, count, configs)
    )
    proc.start()
    return proc


async def bare_rate(prefix: str, devices: int) -> float:
    done = asyncio.Event()
    got = 0

    def on(topic: str, _p: bytes, _r: Any) -> None:
        nonlocal got
        got += 1
        if topic.endswith("/done"):
            done.set()

    client = MqttClient(parse_broker_url(URL), on)
    task = asyncio.create_task(client.run())
    client.subscribe([f"{prefix}/#"])
    await client.settled()
    start = time.perf_counter()
    proc = _spawn(prefix, devices, BURST, False)
    await asyncio.wait_for(done.wait(), 120)
    elapsed = time.perf_counter() - start
    proc.join()
    await client.close()
    await task
    return got / elapsed


async def hub_figures(prefix: str, devices: int) -> dict[str, float]:
    hub = Hub()
    hub.add_space(Space("home", "Home"))
    adapter = MqttAdapter(URL, space_id="home", ha_prefix=f"{prefix}/ha", z2m_base=None)
    hub.add_adapter(adapter)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(None, data_dir=Path(tmp))
        try:
            recorder = Recorder(db, hub.bus, hub.registry, clock=hub.clock)
            # Discovery: retained configs are on the broker before the hub starts.
            proc = _spawn(prefix, devices, 0, True)
            await asyncio.to_thread(proc.join)
            start = time.perf_counter()
            async with hub, asyncio.TaskGroup() as tasks:
                await recorder.start(tasks)
                found = asyncio.Event()
                stop = hub.bus.listen(
                    lambda _e: found.set() if len(hub.registry) >= devices else None
                )
                if len(hub.registry) < devices:
                    await asyncio.wait_for(found.wait(), 300)
                stop()
                figures["discovery devices/s"] = devices / (time.perf_counter() - start)
                await adapter.settled(60)
                # Ingest burst.
                done = asyncio.Event()
                adapter.client.subscribe([f"{prefix}/done"])
                await adapter.settled()
                seen = adapter.received
                original = adapter._on_message

                def on(topic: str, payload: bytes, props: Any) -> None:
                    original(topic, payload, props)
                    if topic.endswith("/done"):
                        done.set()

                adapter.client._on_message = on
                cpu0, start = time.process_time(), time.perf_counter()
                proc = _spawn(prefix, devices, BURST, False)
                await asyncio.wait_for(done.wait(), 300)
                elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu0
                proc.join()
                got = adapter.received - seen
                figures["hub msg/s"] = got / elapsed
                figures["hub CPU µs/msg (incl. recorder)"] = cpu / got * 1e6
                figures["rejected"] = float(hub.rejected.total + adapter.faults.total)
                await recorder.stop()
                await adapter.client.close()
        finally:
            await db.close()
    return figures


async def main(sizes: list[int]) -> None:
    print(f"broker {URL}; bursts of {BURST} messages, publisher in another process")
    for devices in sizes:
        prefix = f"bench-{os.getpid()}-{devices}"
        bare = await bare_rate(prefix + "-bare", devices)
        figures = await hub_figures(prefix, devices)
        print(
            f"{devices:>6} devices: bare gmqtt {bare:8.0f} msg/s | "
            + " | ".join(f"{k} {v:,.0f}" for k, v in figures.items())
        )


if __name__ == "__main__":
    asyncio.run(main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000]))
