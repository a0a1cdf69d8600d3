"""Helpers for the tests that use a real broker: per-test topic prefixes, a probe, waiting."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import pytest

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.adapter import MqttAdapter
from orbithub.adapters.mqtt.broker import EmbeddedBroker
from orbithub.adapters.mqtt.broker_guard import ConnectionLimits
from orbithub.adapters.mqtt.client import MqttClient
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.core.clock import Clock
from orbithub.core.events import HubEvent
from orbithub.core.hub import Hub
from orbithub.core.registry import Room, Space
from tests.conftest import service_url

WITHIN = 10.0


def mqtt_url() -> str:
    """The Mosquitto under test (skips, or fails in CI, when not configured)."""
    return service_url("ORBITHUB_TEST_MQTT_URL", "MQTT")


@asynccontextmanager
async def embedded_broker(
    data_dir: Path, *, limits: ConnectionLimits | None = None
) -> AsyncIterator[EmbeddedBroker]:
    """A running embedded broker on a free port, its accounts kept in ``data_dir``."""
    accounts = BrokerAccounts.in_data_dir(data_dir)
    async with EmbeddedBroker(accounts, port=0, limits=limits) as broker:
        yield broker


def topic_prefix(request: pytest.FixtureRequest) -> str:
    """A topic prefix unique to the test, so retained messages never leak between tests."""
    name = re.sub(r"[^A-Za-z0-9_-]", "_", request.node.name)[:80]
    return f"orbithub-test/{name}"


class Probe:
    """A plain MQTT client: publishes (tracking retained topics to clear) and collects."""

    def __init__(self, url: str) -> None:
        self.messages: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue()
        self.client = MqttClient(parse_broker_url(url), self._got)
        self.retained: set[str] = set()

    def _got(self, topic: str, payload: bytes, _props: Any) -> None:
        self.messages.put_nowait((topic, payload))

    async def subscribe(self, *topics: str) -> None:
        self.client.subscribe(topics, qos=1)
        await self.client.settled(WITHIN)

    async def publish(self, topic: str, payload: bytes, *, retain: bool = False) -> None:
        if retain:
            self.retained.add(topic)
        await self.client.publish(topic, payload, qos=1, retain=retain)

    async def next(self, within: float = WITHIN) -> tuple[str, bytes]:
        async with asyncio.timeout(within):
            return await self.messages.get()

    async def clear_retained(self) -> None:
        for topic in sorted(self.retained):
            await self.client.publish(topic, b"", qos=1, retain=True)
        self.retained.clear()


@asynccontextmanager
async def probe(url: str) -> AsyncIterator[Probe]:
    """A connected :class:`Probe`; its retained messages are cleared on exit."""
    p = Probe(url)
    async with asyncio.TaskGroup() as tasks:
        tasks.create_task(p.client.run())
        try:
            async with asyncio.timeout(WITHIN):
                await p.client.connected.wait()
            yield p
            await p.clear_retained()
        finally:
            await p.client.close()


def make_hub(clock: Clock | None = None) -> Hub:
    """A hub with one home (``home``) and a living room."""
    hub = Hub(clock=clock)
    hub.add_space(Space("home", "Home"))
    hub.add_room(Room("living", "home", "Living room"))
    return hub


@asynccontextmanager
async def running_hub(
    url: str, prefix: str, *, clock: Clock | None = None, **options: Any
) -> AsyncIterator[tuple[Hub, MqttAdapter]]:
    """A started hub with an MQTT adapter whose prefixes all live under ``prefix``."""
    hub = make_hub(clock)
    settings: dict[str, Any] = {
        "space_id": "home",
        "ha_prefix": f"{prefix}/ha",
        "z2m_base": f"{prefix}/z2m",
        "orbit_prefix": f"{prefix}/orbit",
    }
    settings.update(options)
    adapter = MqttAdapter(url, **settings)
    hub.add_adapter(adapter)
    async with hub:
        yield hub, adapter


async def until(hub: Hub, check: Callable[[], bool], within: float = WITHIN) -> None:
    """Wait until ``check()`` holds, re-checking on every hub event (no sleeping)."""
    if check():
        return
    changed = asyncio.Event()

    def on_event(_event: HubEvent) -> None:
        changed.set()

    stop = hub.bus.listen(on_event)
    try:
        async with asyncio.timeout(within):
            while not check():
                await changed.wait()
                changed.clear()
    finally:
        stop()


async def collect(p: Probe, count: int, within: float = WITHIN) -> list[tuple[str, bytes]]:
    """The next ``count`` messages the probe receives."""
    return [await p.next(within) for _ in range(count)]


def subset(found: Iterable[tuple[str, bytes]], expected: Iterable[tuple[str, bytes]]) -> bool:
    """Whether every expected message is among those found."""
    got = list(found)
    return all(m in got for m in expected)


class LogLines(logging.Handler):
    """The WARNING lines of one logger, awaited instead of sleeping."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []
        self._seen = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())
        self._seen.set()

    def count(self, text: str) -> int:
        """How many lines so far hold ``text``."""
        return sum(text in line for line in self.lines)

    async def wait_for(self, text: str, times: int = 1, within: float = WITHIN) -> None:
        """Wait until ``times`` lines hold ``text``."""
        async with asyncio.timeout(within):
            while self.count(text) < times:
                self._seen.clear()
                await self._seen.wait()


@contextmanager
def log_lines(logger: str) -> Iterator[LogLines]:
    """Collect ``logger``'s WARNING lines while in the block."""
    handler = LogLines()
    log = logging.getLogger(logger)
    log.addHandler(handler)
    try:
        yield handler
    finally:
        log.removeHandler(handler)
