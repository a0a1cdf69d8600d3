"""Real brokers for the SDK tests: Mosquitto from the environment and the embedded one."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.adapters.mqtt.wire import embedded_broker
from tests.conftest import service_url
from tests.sdk.hub import HubClient


@dataclass(frozen=True, slots=True)
class Broker:
    """A running broker: its URL and whether it speaks MQTT 5 (amqtt is 3.1.1 only).

    The embedded broker's URL carries the hub's own login, which may use every topic.
    """

    url: str
    mqtt5: bool


@pytest.fixture(params=["mosquitto", "embedded"])
async def broker(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Broker]:
    if request.param == "mosquitto":
        yield Broker(service_url("ORBITHUB_TEST_MQTT_URL", "MQTT"), mqtt5=True)
        return
    async with embedded_broker(tmp_path) as embedded:
        yield Broker(embedded.hub_url, mqtt5=False)


@pytest.fixture
def prefix(request: pytest.FixtureRequest) -> str:
    """A topic prefix made from the test's own name, so retained messages never leak."""
    return "test/" + re.sub(r"[^A-Za-z0-9_-]", "_", request.node.name)[:100]


@pytest.fixture
async def hub(broker: Broker, prefix: str) -> AsyncIterator[HubClient]:
    """The hub side, subscribed to everything under the test's prefix; cleans retained topics."""
    client = await HubClient.connect(broker.url, f"hub-{prefix[-40:]}", mqtt5=broker.mqtt5)
    await client.subscribe(f"{prefix}/#")
    # Left by an interrupted earlier run, if any. Cleared after subscribing, and awaited: a
    # broker may deliver the clearing after a later subscription, where a test would read it.
    _clear_retained(client, prefix)
    for kind in ("announce", "availability"):
        await client.until_last(f"{prefix}/home/dev-1/{kind}", lambda last: last == b"", within=10)
    client.forget()
    yield client
    # A device that went online says goodbye (offline, its will, or a removal) on its own
    # connection; clear only after that arrived, or it would land after the clearing.
    await client.until_last(
        f"{prefix}/home/dev-1/availability", lambda last: last != b"online", within=10
    )
    _clear_retained(client, prefix)
    await client.close()


def _clear_retained(client: HubClient, prefix: str) -> None:
    for kind in ("announce", "availability"):
        client.publish(f"{prefix}/home/dev-1/{kind}", b"", qos=1, retain=True)
