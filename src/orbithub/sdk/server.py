"""Serve a device's set and action requests: queue them, run the handlers, reply exactly once.

The connection's message callback only queues (it must never block the MQTT client); one task
takes requests in order, runs the maker's handlers through :class:`~orbithub.sdk.commands.
Handlers` and answers on the MQTT 5 response topic, or on ``.../reply`` under MQTT 3.1.1.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping

from orbithub.adapters.mqtt import protocol as wire
from orbithub.adapters.mqtt.protocol import MessageKind
from orbithub.sdk.commands import Handlers, Outcome
from orbithub.sdk.link import Incoming, Link
from orbithub.spec.model import Value

__all__ = ["CommandServer"]

_LOG = logging.getLogger(__name__)

_INBOX_SIZE = 256
_REMEMBERED_REPLIES = 128


class CommandServer:
    """The request side of one device.

    Args:
        device_id: the device's id, for log lines.
        handlers: the maker's handlers, checked against the spec.
        prefix: the protocol's topic prefix.
        reply_topic: the device's ``.../reply`` topic (used without a response topic).
        link: the device's live connection, None while it reconnects.
        report: sends the values a handled set changed, as a state report.
    """

    def __init__(
        self,
        device_id: str,
        handlers: Handlers,
        *,
        prefix: str,
        reply_topic: str,
        link: Callable[[], Link | None],
        report: Callable[[Mapping[str, Value]], object],
    ) -> None:
        self._id = device_id
        self._handlers = handlers
        self._prefix = prefix
        self._reply_topic = reply_topic
        self._link = link
        self._report = report
        self._inbox: asyncio.Queue[Incoming] = asyncio.Queue(_INBOX_SIZE)
        self._replies: OrderedDict[str, wire.Reply] = OrderedDict()

    def receive(self, message: Incoming) -> None:
        """Queue a request for :meth:`serve`. Loop only; never blocks the client."""
        try:
            self._inbox.put_nowait(message)
        except asyncio.QueueFull:
            _LOG.warning(
                "%s: too many pending requests; dropped one on %s", self._id, message.topic
            )

    async def serve(self) -> None:
        """Answer queued requests, in order, until cancelled."""
        while True:
            message = await self._inbox.get()
            try:
                await self._serve(message)
            except wire.ProtocolError as exc:
                _LOG.warning("%s: ignored a malformed request: %s", self._id, exc)

    async def _serve(self, message: Incoming) -> None:
        parsed = wire.parse_topic(message.topic, self._prefix)
        kind = parsed[2] if parsed else None
        request: wire.SetRequest | wire.ActionRequest
        if kind is MessageKind.SET:
            request = wire.decode_set(message.topic, message.payload)
        elif kind is MessageKind.ACTION:
            request = wire.decode_action(message.topic, message.payload)
        else:
            return
        reply = self._replies.get(request.id)
        if reply is None:
            outcome: Outcome
            if isinstance(request, wire.SetRequest):
                outcome = await self._handlers.run_set(request)
            else:
                outcome = await self._handlers.run_action(request)
            if not outcome.reply.ok:
                _LOG.warning(
                    "%s: refused %s %s: %s", self._id, kind, request.id, outcome.reply.error
                )
            if outcome.report:
                self._report(outcome.report)
            reply = outcome.reply
            self._remember(reply)
        else:
            _LOG.info("%s: request %s seen before; replying again", self._id, request.id)
        topic = message.response_topic or self._reply_topic
        correlation = message.correlation_data if message.response_topic else None
        link = self._link()
        if link is not None:  # reconnecting: the hub times out and may ask again
            link.publish(
                topic, wire.encode_reply(topic, reply), qos=1, correlation_data=correlation
            )

    def _remember(self, reply: wire.Reply) -> None:
        # QoS 1 may deliver a request twice: the same id gets the same reply, handlers run once.
        self._replies[reply.id] = reply
        while len(self._replies) > _REMEMBERED_REPLIES:
            self._replies.popitem(last=False)
