"""Messages per second through the embedded broker (amqtt) and through Mosquitto.

One gmqtt publisher and one gmqtt subscriber, QoS 0, 20,000 small messages, on loopback;
the figure is messages received per second from the first publish to the last receipt.

    python bench/bench_broker.py [--mosquitto mqtt://127.0.0.1:1883] [--count 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any
from urllib.parse import urlsplit

import gmqtt  # type: ignore[import-untyped]

from orbithub.adapters.mqtt.broker import EmbeddedBroker

PAYLOAD = b'{"values":{"power-meter.electric-power":38.4},"ts":1718000000.25,"seq":1}'


async def _client(url: str, client_id: str) -> Any:
    parts = urlsplit(url)
    client = gmqtt.Client(client_id)
    client.set_config({"reconnect_retries": 0, "reconnect_delay": 0})
    async with asyncio.timeout(10):
        await client.connect(parts.hostname, parts.port or 1883, version=4)
    return client


async def measure(url: str, count: int) -> float:
    """Messages/s from one publisher to one subscriber through the broker at ``url``."""
    topic = f"bench/broker/{time.monotonic_ns()}"
    received = 0
    done = asyncio.Event()
    subscribed = asyncio.Event()

    def on_message(*_args: Any) -> int:
        nonlocal received
        received += 1
        if received == count:
            done.set()
        return 0

    subscriber = await _client(url, "bench-sub")
    subscriber.on_message = on_message
    subscriber.on_subscribe = lambda *_args: subscribed.set()
    subscriber.subscribe(topic, qos=0)
    publisher = await _client(url, "bench-pub")
    try:
        async with asyncio.timeout(10):
            await subscribed.wait()
        start = time.perf_counter()
        for i in range(count):
            publisher.publish(topic, PAYLOAD, qos=0)
            if i % 500 == 499:
                await asyncio.sleep(0)  # let the transport flush and the subscriber read
        async with asyncio.timeout(120):
            await done.wait()
        return count / (time.perf_counter() - start)
    finally:
        for client in (publisher, subscriber):
            client._is_active = False  # no reconnect of a client we close
            await client.disconnect()
        await asyncio.sleep(0)


async def main() -> None:
    parser = argparse.ArgumentParser(description="MQTT broker throughput, QoS 0")
    parser.add_argument("--mosquitto", default="mqtt://127.0.0.1:1883")
    parser.add_argument("--count", type=int, default=20_000)
    args = parser.parse_args()
    async with EmbeddedBroker(port=0) as broker:
        url = broker.url
        embedded = await measure(url, args.count)
    print(f"embedded broker (amqtt) {url}: {embedded:,.0f} msg/s")
    try:
        mosquitto = await measure(args.mosquitto, args.count)
    except (OSError, TimeoutError) as exc:
        print(f"mosquitto {args.mosquitto}: not measured ({exc})")
    else:
        print(f"mosquitto {args.mosquitto}: {mosquitto:,.0f} msg/s")


if __name__ == "__main__":
    asyncio.run(main())
