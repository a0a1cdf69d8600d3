"""One gmqtt connection, bent to :class:`~orbithub.adapters.mqtt.client.MqttClient`'s reconnect.

gmqtt reconnects on its own (fixed delay, no jitter, tasks outside any task group) and hides
which packet id the broker acknowledged. :class:`Connection` reports a lost connection instead
of reconnecting, writes PUBLISH/SUBSCRIBE/UNSUBSCRIBE packets and answers their packet ids, and
:class:`AckStorage` reports each acknowledged QoS 1 publish; the client does the rest.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from gmqtt import Client as _GmqttClient  # type: ignore[import-untyped]
from gmqtt import Message as _GmqttMessage
from gmqtt import Subscription as _GmqttSubscription
from gmqtt.storage import PersistentStorage as _GmqttStorage  # type: ignore[import-untyped]

__all__ = ["AckStorage", "Connection", "quietly_close", "quietly_disconnect", "will_message"]

_LOGGER = logging.getLogger(__name__)

_WINDOW_MAX = 1024


class AckStorage(_GmqttStorage):  # type: ignore[misc]
    """gmqtt's in-flight store, telling us which packet id the broker acknowledged."""

    def __init__(self, on_ack: Callable[[int], None]) -> None:
        super().__init__()
        self._on_ack = on_ack

    def remove_message_by_mid(self, mid: int) -> None:
        """Forget the acknowledged message ``mid``, then report its packet id."""
        super().remove_message_by_mid(mid)
        self._on_ack(mid)


class Connection(_GmqttClient):  # type: ignore[misc]
    """One gmqtt connection whose loss is reported to us instead of reconnecting on its own."""

    def __init__(self, client_id: str, on_lost: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(client_id, **kwargs)
        self._orbit_lost = on_lost

    def report_loss_to(self, on_lost: Callable[[], None]) -> None:
        """From now on, report the loss of this connection to ``on_lost``."""
        self._orbit_lost = on_lost

    async def reconnect(self, delay: bool = False) -> None:
        """Report the loss; never reconnect (a fresh connection replaces this one)."""
        # gmqtt calls this whenever the socket drops or the broker refuses the CONNECT;
        # MqttClient.run reconnects (with backoff and jitter) on a fresh connection instead.
        del delay
        self._orbit_lost()

    def send(
        self, topic: str, payload: bytes, qos: int, retain: bool, props: Mapping[str, Any]
    ) -> int:
        """Write one PUBLISH; returns its packet id (0 for QoS 0)."""
        message = _GmqttMessage(topic, payload, qos=qos, retain=retain, **props)
        mid, package = self._connection.publish(message)
        if qos > 0:
            self._persistent_storage.push_message(mid, package)
        return int(mid or 0)

    def subscribe_many(self, topics: list[tuple[str, int]]) -> int:
        """Write one SUBSCRIBE for ``topics``; returns its packet id."""
        return int(self.subscribe([_GmqttSubscription(t, qos=q) for t, q in topics]))

    def unsubscribe_many(self, topics: list[str]) -> int:
        """Write one UNSUBSCRIBE for ``topics``; returns its packet id."""
        return int(self.unsubscribe(topics))

    def send_window(self) -> int:
        """How many QoS 1 messages may await their PUBACK at once on this connection.

        MQTT 5 brokers announce a receive maximum (Mosquitto: 20 by default) and gmqtt refuses
        to allocate more packet ids than that; under 3.1.1 the limit is ours (a bounded window
        keeps a burst from flooding the socket buffer).
        """
        props = self._package_handler._connack_properties
        announced = props.get("receive_maximum", [_WINDOW_MAX])[0]
        return max(1, min(int(announced), _WINDOW_MAX) - 1)

    async def drop(self) -> None:
        """Close a connection that is already lost (no DISCONNECT to send)."""
        self._is_active = False
        if self._connection is not None:
            await self._connection.close()


def will_message(will: tuple[str, bytes] | None) -> Any:
    """The gmqtt will message for ``(topic, payload)``: QoS 1, retained; None for no will."""
    if will is None:
        return None
    return _GmqttMessage(will[0], will[1], qos=1, retain=True)


async def quietly_disconnect(conn: Connection) -> None:
    """Send DISCONNECT and close, ignoring a connection that is already gone."""
    await quietly_close(conn.disconnect())


async def quietly_close(closing: Awaitable[None]) -> None:
    """Await ``closing`` for up to 2 s, ignoring the errors of a connection already gone."""
    try:
        async with asyncio.timeout(2.0):
            await closing
    except Exception as exc:
        # Already gone (broker killed, socket reset): nothing left to close cleanly.
        _LOGGER.debug("ignored error while closing an MQTT connection: %r", exc)
