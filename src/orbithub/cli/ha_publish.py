"""Publishing the hub's own devices to Home Assistant, when asked with ``--publish-ha``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any

from orbithub.access import Actor, Commands, Via
from orbithub.adapters.mqtt.client import MqttClient
from orbithub.adapters.mqtt.publish_ha import HaPublisher, came_from_discovery
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.core.context import Context, Origin
from orbithub.core.tasks import task_scope

__all__ = ["publishing_to_ha"]

_LOGGER = logging.getLogger(__name__)
_CONNECT_WITHIN = 10.0


class _Inbox:
    """Hands the client's messages to the publisher, which needs the client to exist first."""

    def __init__(self) -> None:
        self.publisher: HaPublisher | None = None

    def __call__(self, topic: str, payload: bytes, props: Mapping[str, Any]) -> None:
        if self.publisher is not None:
            self.publisher.handle(topic, payload, props)


@contextlib.asynccontextmanager
async def publishing_to_ha(
    commands: Commands, broker_url: str, *, prefix: str = "homeassistant", base: str = "orbithub"
) -> AsyncIterator[HaPublisher]:
    """Publish the hub's devices as Home Assistant entities for as long as the block runs.

    Commands from Home Assistant go through the hub's guarded command entry as
    ``home-assistant``, a bridge the owner set up: the system's rights, checked against the
    spec and audited like any other. Discovered devices are not published back. ``prefix`` is
    Home Assistant's discovery prefix, ``base`` the root of the entities' topics.
    """
    hub = commands.hub
    inbox = _Inbox()
    client = MqttClient(parse_broker_url(broker_url), inbox, client_id="orbithub-ha-publisher")
    actor = Actor.system(Via.HOME_ASSISTANT, Context(Origin.USER, "home-assistant"))

    async def command(device_id: str, path: str, value: object) -> object:
        return await commands.set(actor, device_id, path, value)

    publisher = HaPublisher(
        hub.bus,
        hub.registry,
        client,
        command,
        prefix=prefix,
        base=base,
        state=hub.state,
        skip=came_from_discovery,
    )
    inbox.publisher = publisher
    async with task_scope() as tasks:
        tasks.create_task(client.run())
        try:
            try:
                async with asyncio.timeout(_CONNECT_WITHIN):
                    await client.connected.wait()
            except TimeoutError:
                _LOGGER.warning(
                    "Home Assistant publishing waits for the broker %s; it keeps trying",
                    client.url.redacted(),
                )
            await publisher.start(tasks)
            yield publisher
        finally:
            await publisher.stop()
            await client.close()
