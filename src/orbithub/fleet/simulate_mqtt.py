"""Simulated homes over MQTT 3.1.1 to the cluster's nodes, moving to the next node on failure.

A few connections (like home gateways) carry all homes, each home always on the same one so
its messages stay in order. A QoS 1 publish not acknowledged in time closes that connection and
sends the message again through the next node, as the groundwork's publisher did. An MQTT
PUBACK from NATS says the node took the message, not that the stream stored it on a quorum;
real devices re-report their state, so a reading lost to a node crash is replaced by the next.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
import uuid
from collections.abc import Iterator, Sequence

from orbithub.adapters.mqtt.client import MqttClient, MqttUnavailable
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.fleet.errors import FleetError
from orbithub.fleet.partition import partition_of
from orbithub.fleet.simulate import Reading

__all__ = ["publish_mqtt"]

_LOGGER = logging.getLogger(__name__)
_ACK_WITHIN = 3.0
_WINDOW = 100
_CONNECT_WITHIN = 10.0


class _Link:
    """One MQTT connection that moves to the next node when a publish is not acknowledged."""

    def __init__(self, urls: Sequence[str], first: int) -> None:
        self._urls = list(urls)
        self._next = first
        self._client: MqttClient | None = None
        self._task: asyncio.Task[None] | None = None
        self.failovers = 0

    async def _open(self) -> MqttClient:
        url = self._urls[self._next % len(self._urls)]
        self._next += 1
        broker = parse_broker_url(f"{url}?version=3.1.1")
        client = MqttClient(
            broker,
            lambda *_: None,
            client_id=f"sim-{uuid.uuid4().hex[:10]}",
            delivery_timeout=_ACK_WITHIN,
            # A node's first MQTT client makes it create its MQTT streams (replicated), which
            # takes seconds on a busy cluster.
            connect_timeout=_CONNECT_WITHIN,
            backoff=(0.2, 1.0),
        )
        self._task = asyncio.create_task(client.run())
        self._client = client
        return client

    async def publish(self, reading: Reading, qos: int) -> None:
        payload = reading.payload()
        for _ in range(3 * len(self._urls)):
            client = self._client or await self._open()
            try:
                if qos == 0:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(client.connected.wait(), _CONNECT_WITHIN)
                    if client.publish_nowait(reading.topic, payload):
                        return
                    raise MqttUnavailable("not connected")
                await client.publish(reading.topic, payload, qos=1)
                return
            except MqttUnavailable as exc:
                _LOGGER.info("%s; moving to the next node", exc)
                self.failovers += 1
                await self.close()
        raise FleetError(f"no node of {self._urls} acknowledged {reading.topic}")

    async def close(self) -> None:
        client, task = self._client, self._task
        self._client, self._task = None, None
        if client is not None:
            await client.close()
        if task is not None:
            with contextlib.suppress(Exception):
                await task


async def publish_mqtt(
    urls: Sequence[str],
    readings: Iterator[Reading],
    *,
    count: int,
    rate: float,
    connections: int = 4,
    qos: int = 1,
) -> int:
    """Publish ``count`` readings at about ``rate`` per second over MQTT 3.1.1.

    Returns:
        how many were acknowledged (QoS 1) or handed to a connection (QoS 0).
    """
    links = [_Link(urls, i) for i in range(connections)]
    queues: list[asyncio.Queue[Reading | None]] = [asyncio.Queue(1000) for _ in links]
    done = 0

    async def send(link: _Link, reading: Reading, window: asyncio.Semaphore) -> None:
        nonlocal done
        try:
            await link.publish(reading, qos)
            done += 1
        finally:
            window.release()

    async def drain(link: _Link, queue: asyncio.Queue[Reading | None]) -> None:
        # Up to _WINDOW messages of a connection wait for their PUBACK at once; they leave in
        # order, so a home's readings reach the node in order unless one is sent again.
        window = asyncio.Semaphore(_WINDOW)
        async with asyncio.TaskGroup() as sending:
            while (reading := await queue.get()) is not None:
                await window.acquire()
                sending.create_task(send(link, reading, window))

    start = time.monotonic()
    try:
        async with asyncio.TaskGroup() as tasks:
            for link, queue in zip(links, queues, strict=True):
                tasks.create_task(drain(link, queue))
            for n, reading in enumerate(itertools.islice(readings, count)):
                if rate > 0 and (ahead := n / rate - (time.monotonic() - start)) > 0:
                    await asyncio.sleep(ahead)
                await queues[partition_of(reading.home, connections)].put(reading)
            for queue in queues:
                await queue.put(None)
    finally:
        for link in links:
            await link.close()
    return done
