"""Messages per second through the embedded broker (amqtt) and through Mosquitto.

One gmqtt publisher and one gmqtt subscriber, QoS 0, 20,000 small messages, on loopback;
the figure is messages received per second from the first publish to the last receipt. On the
embedded broker the publisher logs in as a device and publishes its own state topic, the
subscriber as the hub, so every message passes the broker's topic checks as in a running hub.

    python bench/bench_broker.py [--mosquitto mqtt://127.0.0.1:1883] [--count 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import gmqtt  # type: ignore[import-untyped]

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.broker import EmbeddedBroker

PAYLOAD = b'{"values":{"power-meter.electric-power":38.4},"ts":1718000000.25,"seq":1}'


async def _client(url: str, client_id: str) -> Any:
    parts = urlsplit(url)
    client = gmqtt.Client(client_id)
    client.set_config({"reconnect_retries": 0, "reconnect_delay": 0})
    if parts.username:
        client.set_auth_credentials(unquote(parts.username), unquote(parts.password or ""))
    async with asyncio.timeout(10):
        await client.connect(parts.hostname, parts.port or 1883, version=4)
    return client


async def measure(url: str, count: int, *, publisher_url: str = "", topic: str = "") -> float:
    """Messages/s from one publisher to one subscriber through the broker at ``url``."""
    topic = topic or f"bench/broker/{time.monotonic_ns()}"
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
    publisher = await _client(publisher_url or url, "bench-pub")
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
    with tempfile.TemporaryDirectory() as data_dir:
        accounts = BrokerAccounts.in_data_dir(Path(data_dir))
        plug = accounts.issue("bench-plug", "home")
        async with EmbeddedBroker(accounts, port=0) as broker:
            url = broker.url
            embedded = await measure(
                broker.hub_url,
                args.count,
                publisher_url=broker.login_url(plug.username, plug.password),
                topic="orbit/home/bench-plug/state",
            )
    print(f"embedded broker (amqtt) {url}: {embedded:,.0f} msg/s")
    try:
        mosquitto = await measure(args.mosquitto, args.count)
    except (OSError, TimeoutError) as exc:
        print(f"mosquitto {args.mosquitto}: not measured ({exc})")
    else:
        print(f"mosquitto {args.mosquitto}: {mosquitto:,.0f} msg/s")


if __name__ == "__main__":
    asyncio.run(main())
