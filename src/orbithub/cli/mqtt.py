"""Which MQTT broker a hub uses: one the user runs, or the embedded one on localhost."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from orbithub.adapters.mqtt.broker import BrokerPortInUse, EmbeddedBroker

__all__ = ["DEFAULT_PORT", "Broker", "mqtt_broker"]

_LOGGER = logging.getLogger(__name__)

DEFAULT_PORT = 1883


@dataclass(frozen=True, slots=True)
class Broker:
    """The broker a hub talks to.

    Attributes:
        url: its URL as devices should use it.
        embedded: whether this process runs it (then it speaks MQTT 3.1.1 only).
    """

    url: str
    embedded: bool

    @property
    def hub_url(self) -> str:
        """The URL for the hub's own client; pins 3.1.1 for the embedded broker."""
        if not self.embedded:
            return self.url
        # The embedded broker never answers an MQTT 5 CONNECT; pinning the version saves the
        # fallback's wait on every start.
        return f"{self.url}?version=3.1.1"


@asynccontextmanager
async def mqtt_broker(
    url: str | None, port: int | None, *, any_free_port: bool = False
) -> AsyncIterator[Broker]:
    """Yield the broker to use, starting the embedded one when no URL is given.

    Args:
        url: an external broker's URL; when set, nothing is started.
        port: the embedded broker's port; None for the default 1883.
        any_free_port: when the default port is taken and no port was asked for, listen on a
            free one instead of failing (the demo's devices run in this process and follow).

    Raises:
        BrokerPortInUse: the port is taken (and no fallback applies); its message says what
            to do.
    """
    if url:
        yield Broker(url, embedded=False)
        return
    broker = EmbeddedBroker(port=DEFAULT_PORT if port is None else port)
    try:
        await broker.start()
    except BrokerPortInUse:
        if port is not None or not any_free_port:
            raise
        broker = EmbeddedBroker(port=0)
        await broker.start()
        _LOGGER.warning(
            "port %d is taken (another MQTT broker may be running); the embedded broker listens "
            "on %s instead. Use --mqtt-url to share the other broker.",
            DEFAULT_PORT,
            broker.url,
        )
    try:
        yield Broker(broker.url, embedded=True)
    finally:
        await broker.stop()
