"""A device that speaks the OrbitHub protocol: announce, report, answer commands, stay online.

A maker declares the device type, registers handlers for the properties and actions it
implements, and reports readings; this module keeps the connection (reconnecting with backoff
and jitter, announcing again each time), checks every value against the spec in both
directions, and answers every request exactly once. See docs/protocol.md for the wire.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import random
import ssl
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Literal, Self, TypeVar

from orbithub.adapters.mqtt import protocol as wire
from orbithub.adapters.mqtt.protocol import MessageKind
from orbithub.sdk.commands import ActionHandler, Handlers, Outcome, SetHandler
from orbithub.sdk.errors import ConnectError, NotConnected
from orbithub.sdk.link import ConnectTimeout, Incoming, Link, MqttVersion, Will
from orbithub.sdk.url import parse_broker_url
from orbithub.spec.errors import UnknownProperty
from orbithub.spec.formats import check_report, check_value
from orbithub.spec.library import device_type
from orbithub.spec.miot import load_spec
from orbithub.spec.model import DeviceType, Property, Value

__all__ = ["Device"]

_LOG = logging.getLogger(__name__)
_S = TypeVar("_S", bound=SetHandler)
_A = TypeVar("_A", bound=ActionHandler)

_BACKOFF_FIRST = 0.5
_BACKOFF_MAX = 30.0
_INBOX_SIZE = 256
_REMEMBERED_REPLIES = 128
# CONNACK "unsupported protocol version" in 3.1.1 (1) and 5 (0x84): try MQTT 3.1.1 instead.
_VERSION_REFUSALS = frozenset({1, 0x84})


class Device:
    """One device on an MQTT broker, speaking the OrbitHub protocol.

    Args:
        device_id: the stable device id (``[A-Za-z0-9_-]{1,64}``).
        space: the space (home, office, vehicle) id it belongs to.
        name: the display name.
        model: a key of the hub's built-in library (``plug``); or give ``spec``.
        spec: a MIoT spec v2 document (parsed JSON) or a DeviceType; or give ``model``.
        broker: ``mqtt://[user[:password]@]host[:port]`` or ``mqtts://...``.
        prefix: the topic prefix the hub listens on.
        room: the room to put the device in, aliases: other names, sw_version: firmware.
        mqtt_version: ``"auto"`` (MQTT 5, falling back to 3.1.1), ``"5"`` or ``"3.1.1"``.
        connect_timeout: seconds :meth:`start` waits for the first connection.
        state_qos: QoS of state reports (0: a lost reading is replaced by the next).
        tls_context: the TLS settings for ``mqtts://`` (default: the system's CA store).
        client_id: the MQTT client id (default: ``orbithub-<space>-<device_id>``).

    Raises:
        ProtocolError: an id is not valid in a topic, or the announce would be refused.
        UnknownDeviceType: ``model`` names no built-in device type.
        SpecFileError: ``spec`` is not a valid MIoT spec.
        BrokerUrlError: the broker URL is malformed.
    """

    def __init__(
        self,
        device_id: str,
        *,
        space: str,
        name: str,
        model: str | None = None,
        spec: DeviceType | Mapping[str, object] | None = None,
        broker: str = "mqtt://127.0.0.1:1883",
        prefix: str = wire.DEFAULT_PREFIX,
        room: str | None = None,
        aliases: tuple[str, ...] = (),
        sw_version: str | None = None,
        mqtt_version: Literal["auto", "5", "3.1.1"] = "auto",
        connect_timeout: float = 10.0,
        state_qos: Literal[0, 1] = 0,
        tls_context: ssl.SSLContext | None = None,
        client_id: str | None = None,
    ) -> None:
        if (model is None) == (spec is None):
            raise ValueError("give exactly one of model= (a library key) and spec=")
        if model is not None:
            self._spec = device_type(model)
        elif isinstance(spec, DeviceType):
            self._spec = spec
        else:
            self._spec = load_spec(spec, source=f"spec of {device_id}")
        self._id = device_id
        self._space = space
        self._prefix = prefix
        self._topics = {k: wire.device_topic(space, device_id, k, prefix) for k in MessageKind}
        announce = wire.Announce(
            id=device_id,
            name=name,
            model=model,
            spec=None if model is not None else self._spec,
            room=room,
            aliases=aliases,
            sw_version=sw_version,
        )
        self._announce = wire.encode_announce(self._topics[MessageKind.ANNOUNCE], announce)
        self._address = parse_broker_url(broker)
        self._auto_version = mqtt_version == "auto"
        self._version = MqttVersion.V311 if mqtt_version == "3.1.1" else MqttVersion.V5
        self._connect_timeout = connect_timeout
        self._state_qos = state_qos
        self._tls_context = tls_context
        self._client_id = client_id or f"orbithub-{space}-{device_id}"
        self._handlers = Handlers(self._spec)
        self._link: Link | None = None
        self._connected = asyncio.Event()
        self._runner: asyncio.Task[None] | None = None
        self._inbox: asyncio.Queue[Incoming] = asyncio.Queue(_INBOX_SIZE)
        self._replies: OrderedDict[str, wire.Reply] = OrderedDict()
        self._seq = itertools.count(1)
        self._last_error: ConnectError | None = None
        self._fatal: ConnectError | None = None

    # --- what the device is ---------------------------------------------------------------

    @property
    def id(self) -> str:
        """The device id."""
        return self._id

    @property
    def space(self) -> str:
        """The space id."""
        return self._space

    @property
    def spec(self) -> DeviceType:
        """The device type the values are checked against."""
        return self._spec

    def topic(self, kind: MessageKind) -> str:
        """This device's topic of one message kind."""
        return self._topics[kind]

    @property
    def connected(self) -> bool:
        """Whether the device is connected and announced right now."""
        return self._connected.is_set()

    @property
    def mqtt_version(self) -> str:
        """The MQTT version in use (or to be tried next): ``5`` or ``3.1.1``."""
        return "5" if self._version is MqttVersion.V5 else "3.1.1"

    # --- handlers ---------------------------------------------------------------------------

    def on_set(self, address: str) -> Callable[[_S], _S]:
        """Register the handler of a writable property (decorator).

        The handler gets the value already checked against the spec. After it returns, the
        new value is reported as state unless it returned False (say, the hardware will report
        it itself). An exception becomes an ``ok: false`` reply with its message.

        Raises:
            HandlerError: the spec has no such property, or it is not writable.
        """
        path = self._handlers.set_path(address)  # raise here, where the maker wrote it

        def register(handler: _S) -> _S:
            self._handlers.add_set(path, handler)
            return handler

        return register

    def on_action(self, address: str) -> Callable[[_A], _A]:
        """Register the handler of an action (decorator).

        The handler gets the action's ``in`` values, checked, in order; it may return the
        ``out`` values by address, which are checked too.

        Raises:
            HandlerError: the spec has no such action.
        """
        path = self._handlers.action_path(address)

        def register(handler: _A) -> _A:
            self._handlers.add_action(path, handler)
            return handler

        return register

    # --- reporting --------------------------------------------------------------------------

    async def report(self, values: Mapping[str, object], *, ts: float | None = None) -> bool:
        """Report property values (by path or ``siid.piid``), checked against the spec first.

        Returns:
            Whether the report was handed to the connection (False while reconnecting: a
            reading is not queued, the next one replaces it).

        Raises:
            SpecError: a value is off-spec or the property unknown or not readable; nothing
                of the report is sent.
        """
        checked: dict[str, Value] = {}
        for address, raw in values.items():
            prop = self._spec.property(address)
            checked[prop.path] = check_report(prop, raw)
        return self._send_state(checked, ts)

    async def report_event(
        self, address: str, arguments: Mapping[str, object] | None = None
    ) -> bool:
        """Report an event of the spec, arguments by property name, path or piid.

        Raises:
            SpecError: unknown event, or an argument the event does not have or is off-spec.
        """
        event = self._spec.event(address)
        service = self._spec.service(event.siid)
        by_key: dict[str, Property] = {}
        if service is not None:
            for piid in event.arguments:
                prop = service.property(piid)
                if prop is not None:
                    by_key.update({prop.name: prop, prop.path: prop, str(piid): prop})
        checked: dict[str, Value] = {}
        for key, raw in (arguments or {}).items():
            prop = by_key.get(key)
            if prop is None:
                known = ", ".join(sorted({p.name for p in by_key.values()})) or "none"
                raise UnknownProperty(f"{event.path} has no argument {key!r}; arguments: {known}")
            checked[prop.name] = check_value(prop, raw)
        topic = self._topics[MessageKind.EVENT]
        payload = wire.encode_event(topic, wire.EventReport(event.path, checked, time.time()))
        return self._publish(MessageKind.EVENT, payload)

    def _send_state(self, values: Mapping[str, Value], ts: float | None) -> bool:
        topic = self._topics[MessageKind.STATE]
        report = wire.StateReport(values, ts if ts is not None else time.time(), next(self._seq))
        link = self._link
        if link is None:
            return False
        link.publish(topic, wire.encode_state(topic, report), qos=self._state_qos)
        return True

    def _publish(self, kind: MessageKind, payload: bytes) -> bool:
        link = self._link
        if link is None:
            return False
        link.publish(self._topics[kind], payload, qos=wire.QOS[kind], retain=kind in wire.RETAINED)
        return True

    # --- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        """Connect (last will ``offline``), subscribe, announce, and publish ``online``.

        Returns once connected; afterwards the device reconnects by itself when the
        connection drops, announcing again each time.

        Raises:
            ConnectError: not connected within ``connect_timeout`` seconds (the message says
                the last failure), or the broker refused for good (bad credentials).
        """
        if self._runner is not None:
            return
        self._fatal = None
        self._runner = asyncio.create_task(self._run(), name=f"orbithub-device-{self._id}")
        waiter = asyncio.create_task(self._connected.wait())
        try:
            done, _ = await asyncio.wait(
                {waiter, self._runner},
                timeout=self._connect_timeout,
                return_when=asyncio.FIRST_COMPLETED,
            )
        finally:
            waiter.cancel()
        if waiter in done:
            return
        await self._cancel_runner()
        if self._fatal is not None:
            raise self._fatal
        last = f": {self._last_error}" if self._last_error else ""
        raise ConnectError(
            f"{self._id}: not connected to {self._address} within {self._connect_timeout:.0f} s"
            f"{last}"
        )

    async def stop(self) -> None:
        """Publish ``offline``, disconnect cleanly, and stop reconnecting."""
        runner, self._runner = self._runner, None
        link, self._link = self._link, None
        self._connected.clear()
        if link is not None:
            link.publish(
                self._topics[MessageKind.AVAILABILITY],
                wire.encode_availability(False),
                qos=1,
                retain=True,
            )
            await link.close(within=5.0)
        if runner is not None:
            self._runner = runner
            await self._cancel_runner()

    async def remove(self) -> None:
        """Tell the hub the device is gone for good (clear its retained announce), then stop.

        Raises:
            NotConnected: the device is not connected.
        """
        link = self._link
        if link is None:
            raise NotConnected(f"{self._id}: connect (start) before removing the device")
        for kind in (MessageKind.ANNOUNCE, MessageKind.AVAILABILITY):
            link.publish(self._topics[kind], wire.encode_removal(), qos=1, retain=True)
        self._link = None
        self._connected.clear()
        await link.close(within=5.0)
        await self._cancel_runner()

    async def wait_connected(self, within: float) -> None:
        """Wait until the device is connected and announced (after a reconnect, say).

        Raises:
            TimeoutError: not connected within ``within`` seconds.
        """
        async with asyncio.timeout(within):
            await self._connected.wait()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def _cancel_runner(self) -> None:
        runner, self._runner = self._runner, None
        if runner is None:
            return
        runner.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await runner

    async def _run(self) -> None:
        async with asyncio.TaskGroup() as tasks:
            server = tasks.create_task(self._serve_commands())
            try:
                await self._keep_connected()
            except ConnectError as exc:  # refused for good: start() reports it
                self._fatal = exc
                _LOG.error("%s: %s; not retrying", self._id, exc)
            finally:
                server.cancel()

    async def _keep_connected(self) -> None:
        failures = 0
        while True:
            try:
                link = await self._open()
            except ConnectError as exc:
                if exc.permanent:
                    raise
                if (
                    self._auto_version
                    and self._version is MqttVersion.V5
                    and (isinstance(exc, ConnectTimeout) or exc.code in _VERSION_REFUSALS)
                ):
                    _LOG.info("%s: MQTT 5 not accepted (%s); using MQTT 3.1.1", self._id, exc)
                    self._version = MqttVersion.V311
                    continue
                self._last_error = exc
                delay = _backoff(failures)
                failures += 1
                _LOG.warning("%s: %s; retrying in %.1f s", self._id, exc, delay)
                await asyncio.sleep(delay)
                continue
            failures = 0
            self._go_online(link)
            await link.lost.wait()
            if self._link is not link:
                return  # stop() or remove() took the link: a clean exit
            self._link = None
            self._connected.clear()
            delay = _backoff(0)
            _LOG.warning(
                "%s: connection to %s lost; reconnecting in %.1f s", self._id, self._address, delay
            )
            await asyncio.sleep(delay)

    async def _open(self) -> Link:
        return await Link.open(
            self._address,
            client_id=self._client_id,
            will=Will(self._topics[MessageKind.AVAILABILITY], wire.encode_availability(False)),
            version=self._version,
            on_message=self._receive,
            connack_within=min(self._connect_timeout, 5.0),
            tls_context=self._tls_context,
        )

    def _go_online(self, link: Link) -> None:
        link.subscribe(self._topics[MessageKind.SET], qos=1)
        link.subscribe(self._topics[MessageKind.ACTION], qos=1)
        self._link = link
        self._publish(MessageKind.ANNOUNCE, self._announce)
        self._publish(MessageKind.AVAILABILITY, wire.encode_availability(True))
        self._connected.set()
        _LOG.info(
            "%s: connected to %s (MQTT %s), announced and online",
            self._id,
            self._address,
            self.mqtt_version,
        )

    # --- commands ---------------------------------------------------------------------------

    def _receive(self, message: Incoming) -> None:
        """Loop only: queue a request for the command task; never blocks the client."""
        try:
            self._inbox.put_nowait(message)
        except asyncio.QueueFull:
            _LOG.warning(
                "%s: too many pending requests; dropped one on %s", self._id, message.topic
            )

    async def _serve_commands(self) -> None:
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
                self._send_state(outcome.report, None)
            reply = outcome.reply
            self._remember(reply)
        else:
            _LOG.info("%s: request %s seen before; replying again", self._id, request.id)
        self._send_reply(reply, message)

    def _remember(self, reply: wire.Reply) -> None:
        # QoS 1 may deliver a request twice: the same id gets the same reply, handlers run once.
        self._replies[reply.id] = reply
        while len(self._replies) > _REMEMBERED_REPLIES:
            self._replies.popitem(last=False)

    def _send_reply(self, reply: wire.Reply, request: Incoming) -> None:
        link = self._link
        if link is None:
            return
        topic = request.response_topic or self._topics[MessageKind.REPLY]
        link.publish(
            topic,
            wire.encode_reply(topic, reply),
            qos=1,
            correlation_data=request.correlation_data if request.response_topic else None,
        )


def _backoff(failures: int) -> float:
    """Exponential backoff with jitter: up to 0.5, 1, 2... 30 s, each randomly 50-100%."""
    ceiling = min(_BACKOFF_MAX, _BACKOFF_FIRST * 2.0**failures)
    return ceiling * random.uniform(0.5, 1.0)  # noqa: S311  # jitter, not cryptography
