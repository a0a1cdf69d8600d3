"""The hub side of the SDK tests: a plain gmqtt client with typed, time-bounded waits."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Self
from urllib.parse import unquote, urlsplit

import gmqtt  # type: ignore[import-untyped]


@dataclass(frozen=True, slots=True)
class Received:
    topic: str
    payload: bytes
    retain: bool
    correlation_data: bytes | None


class HubClient:
    """One gmqtt connection; messages are queued per topic and awaited with a timeout."""

    def __init__(self, client: Any, mqtt5: bool) -> None:
        self._client = client
        self.mqtt5 = mqtt5
        self._queues: defaultdict[str, asyncio.Queue[Received]] = defaultdict(asyncio.Queue)
        self._subscribed = asyncio.Event()
        self.last: dict[str, bytes] = {}
        """The last payload seen on each topic, whether a test read it or not."""
        self._arrived = asyncio.Event()

    @classmethod
    async def connect(
        cls, url: str, client_id: str, *, mqtt5: bool = True, clean_session: bool = True
    ) -> Self:
        parts = urlsplit(url)
        client = gmqtt.Client(client_id, clean_session=clean_session)
        client.set_config({"reconnect_retries": 0, "reconnect_delay": 0})
        if parts.username:
            client.set_auth_credentials(unquote(parts.username), unquote(parts.password or ""))
        hub = cls(client, mqtt5)
        client.on_message = hub._on_message
        client.on_subscribe = hub._on_subscribe
        async with asyncio.timeout(5):
            await client.connect(parts.hostname, parts.port or 1883, version=5 if mqtt5 else 4)
        return hub

    def _on_message(self, _c: Any, topic: str, payload: bytes, _q: int, props: Any) -> int:
        correlation = props.get("correlation_data") if isinstance(props, dict) else None
        retain = bool(props.get("retain")) if isinstance(props, dict) else False
        self._queues[topic].put_nowait(
            Received(topic, bytes(payload), retain, correlation[0] if correlation else None)
        )
        self.last[topic] = bytes(payload)
        self._arrived.set()
        return 0

    def _on_subscribe(self, *_args: Any) -> None:
        self._subscribed.set()

    async def subscribe(self, topic: str) -> None:
        self._subscribed.clear()
        self._client.subscribe(topic, qos=1)
        async with asyncio.timeout(5):
            await self._subscribed.wait()

    def publish(
        self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False, **properties: Any
    ) -> None:
        self._client.publish(topic, payload, qos=qos, retain=retain, **properties)

    async def next_on(self, topic: str, *, within: float) -> Received:
        async with asyncio.timeout(within):
            return await self._queues[topic].get()

    async def until_last(self, topic: str, check: Any, *, within: float) -> None:
        """Wait until the last payload seen on ``topic`` satisfies ``check``."""
        async with asyncio.timeout(within):
            while not check(self.last.get(topic)):
                self._arrived.clear()
                await self._arrived.wait()

    def forget(self) -> None:
        """Drop everything received so far, as if just connected."""
        self._queues.clear()
        self.last.clear()

    def pending(self, topic: str) -> int:
        return self._queues[topic].qsize()

    async def close(self) -> None:
        self._client._is_active = False  # no reconnect of a client we close
        async with asyncio.timeout(5):
            await self._client.disconnect()
            await asyncio.sleep(0)  # let gmqtt's no-op reconnect callback finish now
