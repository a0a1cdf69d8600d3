"""A device that speaks the OrbitHub protocol: announce, report, answer commands, stay online.

A maker declares the device type, registers handlers for the properties and actions it
implements, and reports readings; this module keeps the connection (reconnecting with backoff
and jitter, announcing again each time), checks every value against the spec in both
directions, and answers every request exactly once. See docs/protocol.md for the wire.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import logging
import ssl
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Literal, Self, TypeVar

from orbithub.adapters.mqtt import protocol as wire
from orbithub.adapters.mqtt.protocol import MessageKind
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.sdk.commands import ActionHandler, Handlers, SetHandler, check_event, check_state
from orbithub.sdk.errors import ConnectError, NotConnected
from orbithub.sdk.link import Link, MqttVersion, Will, backoff, refuses_v5
from orbithub.sdk.server import CommandServer
from orbithub.spec.library import device_type
from orbithub.spec.miot import load_spec
from orbithub.spec.model import DeviceType, Value

__all__ = ["Device"]

_LOG = logging.getLogger(__name__)
_S = TypeVar("_S", bound=SetHandler)
_A = TypeVar("_A", bound=ActionHandler)


class Device:
    """One device on an MQTT broker, speaking the OrbitHub protocol.

    Args:
        device_id: the stable device id (``[A-Za-z0-9_-]{1,64}``).
        space: the space (home, office, vehicle) id it belongs to.
        name: the display name.
        model: a key of the hub's built-in library (``plug``); or give ``spec``.
        spec: a MIoT spec v2 document (parsed JSON) or a DeviceType; or give ``model``.
        broker: ``mqtt://[user[:password]@]host[:port]`` or ``mqtts://...``, optionally with
            ``?client_id=...&keepalive=...&version=3.1.1`` (see
            :func:`~orbithub.adapters.mqtt.url.parse_broker_url`).
        prefix: the topic prefix the hub listens on.
        room: the room to put the device in, aliases: other names, sw_version: firmware.
        owner: the user name of the person a personal device (a phone) belongs to.
        mqtt_version: ``"auto"`` (MQTT 5, falling back to 3.1.1), ``"5"`` or ``"3.1.1"``.
        connect_timeout: seconds :meth:`start` waits for the first connection.
        state_qos: QoS of state reports (0: a lost reading is replaced by the next).
        tls_context: the TLS settings for ``mqtts://`` (default: the system's CA store).
        client_id: the MQTT client id (default: ``orbithub-<space>-<device_id>``).
        username: the user name to log in with (the hub's ``orbithub devices credentials``
            prints it: the device id); overrides one in ``broker``.
        password: the password that goes with it; overrides one in ``broker``.

    Raises:
        ProtocolError: an id is not valid in a topic, or the announce would be refused.
        UnknownDeviceType: ``model`` names no built-in device type.
        SpecFileError: ``spec`` is not a valid MIoT spec.
        MqttUrlError: the broker URL is malformed.
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
        owner: str | None = None,
        username: str | None = None,
        password: str | None = None,
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
            owner=owner,
        )
        self._announce = wire.encode_announce(self._topics[MessageKind.ANNOUNCE], announce)
        self._address = parse_broker_url(broker)
        if username is not None or password is not None:
            if username is None:
                raise ValueError("a password needs a username= too (the device id)")
            self._address = dataclasses.replace(self._address, username=username, password=password)
        if mqtt_version == "auto" and self._address.version is not None:
            mqtt_version = "5" if self._address.version == MqttVersion.V5 else "3.1.1"
        self._auto_version = mqtt_version == "auto"
        self._version = MqttVersion.V311 if mqtt_version == "3.1.1" else MqttVersion.V5
        self._connect_timeout = connect_timeout
        self._state_qos = state_qos
        self._tls_context = tls_context
        self._client_id = client_id or self._address.client_id or f"orbithub-{space}-{device_id}"
        self._handlers = Handlers(self._spec)
        self._server = CommandServer(
            device_id,
            self._handlers,
            prefix=prefix,
            reply_topic=self._topics[MessageKind.REPLY],
            link=lambda: self._link,
            report=lambda values: self._send_state(values, None),
        )
        self._link: Link | None = None
        self._connected = asyncio.Event()
        self._runner: asyncio.Task[None] | None = None
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
        return self._handlers.on_set(address)

    def on_action(self, address: str) -> Callable[[_A], _A]:
        """Register the handler of an action (decorator).

        The handler gets the action's ``in`` values, checked, in order; it may return the
        ``out`` values by address, which are checked too.

        Raises:
            HandlerError: the spec has no such action.
        """
        return self._handlers.on_action(address)

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
        checked = check_state(self._spec, values)
        return self._send_state(checked, ts)

    async def report_event(
        self, address: str, arguments: Mapping[str, object] | None = None
    ) -> bool:
        """Report an event of the spec, arguments by property name, path or piid.

        Raises:
            SpecError: unknown event, or an argument the event does not have or is off-spec.
        """
        path, checked = check_event(self._spec, address, arguments or {})
        topic = self._topics[MessageKind.EVENT]
        payload = wire.encode_event(topic, wire.EventReport(path, checked, time.time()))
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
        where, within = self._address.redacted(), self._connect_timeout
        raise ConnectError(f"{self._id}: not connected to {where} within {within:.0f} s{last}")

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
            server = tasks.create_task(self._server.serve())
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
                if self._auto_version and self._version is MqttVersion.V5 and refuses_v5(exc):
                    _LOG.info("%s: MQTT 5 not accepted (%s); using MQTT 3.1.1", self._id, exc)
                    self._version = MqttVersion.V311
                    continue
                self._last_error = exc
                delay = backoff(failures)
                failures += 1
                _LOG.warning("%s: %s; retrying in %.1f s", self._id, exc, delay)
                await asyncio.sleep(delay)
                continue
            failures = 0
            await self._go_online(link)
            await link.lost.wait()
            if self._link is not link:
                return  # stop() or remove() took the link: a clean exit
            self._link = None
            self._connected.clear()
            delay = backoff(0)
            _LOG.warning(
                "%s: connection to %s lost; reconnecting in %.1f s",
                self._id,
                self._address.redacted(),
                delay,
            )
            await asyncio.sleep(delay)

    async def _open(self) -> Link:
        return await Link.open(
            self._address,
            client_id=self._client_id,
            will=Will(self._topics[MessageKind.AVAILABILITY], wire.encode_availability(False)),
            version=self._version,
            on_message=self._server.receive,
            keepalive=self._address.keepalive,
            connack_within=min(self._connect_timeout, 5.0),
            tls_context=self._tls_context,
        )

    async def _go_online(self, link: Link) -> None:
        self._link = link  # first, so stop() closes it even while we wait for the SUBACK
        try:  # subscribed before announcing: the hub's first request finds us listening
            await link.subscribe([self._topics[k] for k in (MessageKind.SET, MessageKind.ACTION)])
        except TimeoutError:
            _LOG.warning("%s: the broker did not confirm the subscriptions in time", self._id)
        self._publish(MessageKind.ANNOUNCE, self._announce)
        self._publish(MessageKind.AVAILABILITY, wire.encode_availability(True))
        self._connected.set()
        version, where = self.mqtt_version, self._address.redacted()
        _LOG.info("%s: connected to %s (MQTT %s), announced, online", self._id, where, version)
