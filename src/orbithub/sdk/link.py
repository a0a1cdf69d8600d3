"""One MQTT connection of a device: a typed skin over one gmqtt client.

gmqtt has no type hints, so every call into it is here, on a few precisely ignored lines. A
:class:`Link` is one connection: when it drops, the device makes a new one (with its own
backoff and re-announce), so gmqtt's built-in reconnect, which has a fixed delay and no jitter,
is switched off.
"""

from __future__ import annotations

import asyncio
import logging
import random
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import gmqtt  # type: ignore[import-untyped]
from gmqtt.mqtt.handler import MQTTConnectError  # type: ignore[import-untyped]

from orbithub.adapters.mqtt.url import BrokerUrl
from orbithub.sdk.errors import ConnectError

__all__ = ["ConnectTimeout", "Incoming", "Link", "MqttVersion", "Will", "backoff", "refuses_v5"]

_LOG = logging.getLogger(__name__)

_Acks = dict[int, "asyncio.Future[None]"]
"""SUBACK waiters by packet id."""

_BACKOFF_FIRST = 0.5
_BACKOFF_MAX = 30.0
# CONNACK "unsupported protocol version" in 3.1.1 (1) and 5 (0x84): try MQTT 3.1.1 instead.
_VERSION_REFUSALS = frozenset({1, 0x84})
# CONNACK codes that retrying cannot fix: bad credentials, not authorised, banned (3.1.1 and 5).
_PERMANENT_REFUSALS = frozenset({2, 4, 5, 0x85, 0x86, 0x87, 0x8A, 0x8C})


class ConnectTimeout(ConnectError):
    """The broker took the TCP connection but never answered CONNECT.

    amqtt (MQTT 3.1.1 only) answers an MQTT 5 CONNECT this way, so it is the cue to fall back.
    """


class MqttVersion(IntEnum):
    """The MQTT protocol level sent in CONNECT."""

    V311 = 4
    V5 = 5


@dataclass(frozen=True, slots=True)
class Will:
    """The message the broker publishes for the device when its connection dies unclean."""

    topic: str
    payload: bytes
    qos: int = 1
    retain: bool = True


@dataclass(frozen=True, slots=True)
class Incoming:
    """A message the broker delivered, with the MQTT 5 request/response properties if any."""

    topic: str
    payload: bytes
    response_topic: str | None = None
    correlation_data: bytes | None = None


class Link:
    """One live connection; build it with :meth:`open`."""

    def __init__(self, client: Any, version: MqttVersion, lost: asyncio.Event, acks: _Acks) -> None:
        self._client = client
        self._acks = acks
        self.version = version
        self.lost = lost
        """Set when the connection is gone (dropped, or closed by :meth:`close`)."""

    @classmethod
    async def open(
        cls,
        address: BrokerUrl,
        *,
        client_id: str,
        will: Will,
        version: MqttVersion,
        on_message: Callable[[Incoming], None],
        connack_within: float,
        keepalive: int = 30,
        tls_context: ssl.SSLContext | None = None,
    ) -> Link:
        """Connect and wait for the broker's CONNACK.

        Raises:
            ConnectError: refused (``permanent`` says whether retrying can help), unreachable,
                or no CONNACK within ``connack_within`` seconds.
        """
        lost = asyncio.Event()
        acks: _Acks = {}
        client = _new_client(client_id, will, on_message, lost, acks)
        if address.username is not None:
            client.set_auth_credentials(address.username, address.password)
        tls: bool | ssl.SSLContext = False
        if address.tls:
            tls = tls_context or ssl.create_default_context()
        try:
            async with asyncio.timeout(connack_within):
                await client.connect(
                    address.host, address.port, ssl=tls, keepalive=keepalive, version=int(version)
                )
        except MQTTConnectError as exc:
            await _drop(client)
            code = int(getattr(exc, "_code", 0) or 0)
            raise _refused(address, code, str(exc)) from None
        except TimeoutError:
            await _drop(client)
            raise ConnectTimeout(
                f"{address}: no answer to MQTT {_name(version)} CONNECT "
                f"within {connack_within:.0f} s"
            ) from None
        except OSError as exc:
            await _drop(client)
            raise ConnectError(f"{address}: cannot connect: {exc.strerror or exc}") from None
        return cls(client, version, lost, acks)

    async def subscribe(self, topics: list[str], *, qos: int = 1, within: float = 5.0) -> None:
        """Subscribe and wait for the SUBACK: a request sent after this reaches the device.

        Raises:
            TimeoutError: no SUBACK within ``within`` seconds.
        """
        mid = int(self._client.subscribe([gmqtt.Subscription(t, qos=qos) for t in topics]))
        acked = self._acks[mid] = asyncio.get_running_loop().create_future()
        try:
            async with asyncio.timeout(within):
                await acked
        finally:
            self._acks.pop(mid, None)

    def publish(
        self,
        topic: str,
        payload: bytes,
        *,
        qos: int,
        retain: bool = False,
        response_topic: str | None = None,
        correlation_data: bytes | None = None,
    ) -> None:
        """Hand one message to the connection (QoS 1 messages are resent on loss by the broker).

        The request/response properties are only sent on an MQTT 5 connection.
        """
        properties: dict[str, object] = {}
        if self.version is MqttVersion.V5:
            if response_topic is not None:
                properties["response_topic"] = response_topic
            if correlation_data is not None:
                properties["correlation_data"] = correlation_data
        self._client.publish(topic, payload, qos=qos, retain=retain, **properties)

    async def close(self, within: float) -> None:
        """Send DISCONNECT and close; the broker then does not publish the will."""
        if self.lost.is_set():
            await _drop(self._client)
            return
        self.lost.set()
        try:
            async with asyncio.timeout(within):
                await self._client.disconnect()
                # gmqtt schedules a (no-op, the client is inactive) reconnect when the socket
                # closes; let it run now rather than be left pending when the loop ends.
                await asyncio.sleep(0)
        except (TimeoutError, OSError) as exc:
            _LOG.warning("MQTT disconnect did not complete cleanly: %s", exc)


def _new_client(
    client_id: str,
    will: Will,
    on_message: Callable[[Incoming], None],
    lost: asyncio.Event,
    acks: _Acks,
) -> Any:
    will_message = gmqtt.Message(will.topic, will.payload, qos=will.qos, retain=will.retain)
    client = gmqtt.Client(client_id, clean_session=True, will_message=will_message)
    # One connection per Link: the device reconnects with its own backoff (jitter, re-announce).
    client.set_config({"reconnect_retries": 0, "reconnect_delay": 0})

    def _message(_client: Any, topic: str, payload: bytes, _qos: int, props: Any) -> int:
        on_message(
            Incoming(
                topic,
                bytes(payload),
                _first(props, "response_topic", str),
                _first(props, "correlation_data", bytes),
            )
        )
        return 0  # PUBACK with success

    def _disconnect(_client: Any, _packet: Any, _exc: Any = None) -> None:
        # gmqtt scheduled its own reconnect just before calling this; marking the client
        # inactive makes that attempt a no-op (reconnect_retries=0 still allows one).
        client._is_active = False
        lost.set()

    def _subscribed(_client: Any, mid: int, _qos: Any, _props: Any) -> None:
        acked = acks.pop(mid, None)
        if acked is not None and not acked.done():
            acked.set_result(None)

    client.on_message = _message
    client.on_disconnect = _disconnect
    client.on_subscribe = _subscribed
    return client


async def _drop(client: Any) -> None:
    """Release a client that failed or lost its connection, without waiting on the network."""
    client._is_active = False  # see _disconnect: no reconnect of a client we let go
    connection = client._connection
    if connection is not None:
        try:
            await asyncio.wait_for(connection.close(), timeout=1.0)
        except (TimeoutError, OSError) as exc:
            _LOG.debug("closing a dead MQTT connection: %s", exc)


def _first(props: Any, key: str, kind: type[str] | type[bytes]) -> Any:
    values = props.get(key) if isinstance(props, dict) else None
    if values and isinstance(values[0], kind):
        return values[0]
    return None


def _name(version: MqttVersion) -> str:
    return "5" if version is MqttVersion.V5 else "3.1.1"


def _refused(address: BrokerUrl, code: int, text: str) -> ConnectError:
    return ConnectError(
        f"{address}: the broker refused the connection: {text}",
        code=code,
        permanent=code in _PERMANENT_REFUSALS,
    )


def backoff(failures: int) -> float:
    """Seconds before the next attempt: up to 0.5, 1, 2... 30 s, each randomly 50-100%."""
    ceiling = min(_BACKOFF_MAX, _BACKOFF_FIRST * 2.0**failures)
    return ceiling * random.uniform(0.5, 1.0)  # noqa: S311  # jitter, not cryptography


def refuses_v5(exc: ConnectError) -> bool:
    """Whether a failed MQTT 5 connect means the broker wants MQTT 3.1.1 instead."""
    return isinstance(exc, ConnectTimeout) or exc.code in _VERSION_REFUSALS
