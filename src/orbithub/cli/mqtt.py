"""Which MQTT broker a hub uses: one the user runs, or the embedded one on localhost."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.broker import BrokerPortInUse, EmbeddedBroker

__all__ = ["DEFAULT_PORT", "Broker", "mqtt_broker"]

_LOGGER = logging.getLogger(__name__)

DEFAULT_PORT = 1883


@dataclass(frozen=True, slots=True)
class Broker:
    """The broker a hub talks to.

    Attributes:
        url: its URL as devices should use it (without credentials).
        embedded: whether this process runs it (then it speaks MQTT 3.1.1 only).
        login_url: the embedded broker's URL with the hub's own login; None for an external
            broker, where ``url`` carries the hub's credentials.
    """

    url: str
    embedded: bool
    login_url: str | None = field(default=None, repr=False)

    @property
    def hub_url(self) -> str:
        """The URL for the hub's own client (with its login for the embedded broker)."""
        if not self.embedded or self.login_url is None:
            return self.url
        return self.login_url


@asynccontextmanager
async def mqtt_broker(
    url: str | None,
    port: int | None,
    *,
    accounts: BrokerAccounts | None = None,
    any_free_port: bool = False,
) -> AsyncIterator[Broker]:
    """Yield the broker to use, starting the embedded one when no URL is given.

    Args:
        url: an external broker's URL; when set, nothing is started.
        port: the embedded broker's port; None for the default 1883.
        accounts: who may log in to the embedded broker (required when ``url`` is None).
        any_free_port: when the default port is taken and no port was asked for, listen on a
            free one instead of failing (the demo's devices run in this process and follow).

    Raises:
        BrokerPortInUse: the port is taken (and no fallback applies); its message says what
            to do.
    """
    if url:
        yield Broker(url, embedded=False)
        return
    if accounts is None:
        raise ValueError("the embedded broker needs the hub's accounts")
    broker = EmbeddedBroker(accounts, port=DEFAULT_PORT if port is None else port)
    try:
        await broker.start()
    except BrokerPortInUse:
        if port is not None or not any_free_port:
            raise
        broker = EmbeddedBroker(accounts, port=0)
        await broker.start()
        _LOGGER.warning(
            "port %d is taken (another MQTT broker may be running); the embedded broker listens "
            "on %s instead. Use --mqtt-url to share the other broker.",
            DEFAULT_PORT,
            broker.url,
        )
    try:
        yield Broker(broker.url, embedded=True, login_url=broker.hub_url)
    finally:
        await broker.stop()
