"""The embedded MQTT broker for a zero-setup hub: amqtt, listening on loopback only.

It is for one home on one machine: MQTT 3.1.1, a few thousand messages a second. Every client
logs in with an account of the hub's :class:`~orbithub.adapters.mqtt.accounts.BrokerAccounts`
(the hub's own, or a device's) and may use only that account's topics; connections are bounded
per client address and must send their CONNECT in time (:mod:`.broker_guard`). Production points
OrbitHub at Mosquitto or EMQX instead (``--mqtt-url``). amqtt's own default listener binds every
interface and loads a ``$SYS`` publisher and packet loggers; here the one listener binds a
loopback address and only OrbitHub's authentication plugin is loaded.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import socket
from types import TracebackType
from typing import Any, Self
from urllib.parse import quote

from amqtt.broker import Broker  # type: ignore[import-untyped]
from amqtt.errors import BrokerError as AmqttBrokerError  # type: ignore[import-untyped]

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.broker_guard import BrokerGuard, ConnectionLimits
from orbithub.adapters.mqtt.broker_session import first_connect
from orbithub.errors import OrbitHubError

__all__ = ["BrokerError", "BrokerPortInUse", "EmbeddedBroker"]

_LOG = logging.getLogger(__name__)
_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 10.0


class BrokerError(OrbitHubError):
    """The embedded broker cannot start (bad address, amqtt failure) or stop."""


class BrokerPortInUse(BrokerError):
    """The embedded broker's port is taken, most often by another MQTT broker."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        super().__init__(
            f"port {port} on {host} is taken (another MQTT broker such as Mosquitto may be "
            f"running): point OrbitHub at it with --mqtt-url mqtt://{host}:{port}, or choose a "
            "free port with --mqtt-port"
        )


class EmbeddedBroker:
    """An amqtt broker on a loopback address; use ``async with`` or ``start``/``stop``.

    Args:
        accounts: who may log in and which topics each may use.
        host: a loopback address (``127.0.0.1``, ``::1``); any other address is refused: the
            broker is the zero-setup one, without TLS.
        port: the TCP port; 0 picks a free one (read it back from :attr:`port`).
        limits: connection limits per client address and the CONNECT timeout.

    Raises:
        BrokerError: ``host`` is not a loopback address.
    """

    def __init__(
        self,
        accounts: BrokerAccounts,
        host: str = "127.0.0.1",
        port: int = 1883,
        *,
        limits: ConnectionLimits | None = None,
    ) -> None:
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise BrokerError(
                f"the embedded broker only listens on a loopback address, got {host!r}: it has "
                "no TLS; use an external broker (--mqtt-url) to serve the network"
            )
        if not 0 <= port <= 65535:
            raise BrokerError(f"port must be 0-65535, got {port}")
        self._host = host
        self._requested_port = port
        self._port = port
        self._broker: Any = None
        self._guard = BrokerGuard(accounts, limits or ConnectionLimits())

    @property
    def guard(self) -> BrokerGuard:
        """Its credentials, topic rights and connection counts."""
        return self._guard

    @property
    def host(self) -> str:
        """The loopback address the broker listens on."""
        return self._host

    @property
    def port(self) -> int:
        """The port it listens on (the chosen one once started with ``port=0``)."""
        return self._port

    @property
    def url(self) -> str:
        """``mqtt://127.0.0.1:<port>`` for clients."""
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"mqtt://{host}:{self._port}"

    def login_url(self, username: str, password: str) -> str:
        """:attr:`url` with a login in it, as a client of one account uses it.

        It pins MQTT 3.1.1, the only version amqtt speaks: amqtt mistakes an MQTT 5 CONNECT
        that carries a login for a longer packet and waits for bytes that never come.
        """
        host = f"[{self._host}]" if ":" in self._host else self._host
        login = f"{quote(username, safe='')}:{quote(password, safe='')}"
        return f"mqtt://{login}@{host}:{self._port}?version=3.1.1"

    @property
    def hub_url(self) -> str:
        """:attr:`url` with the hub's own login (which may use every topic)."""
        accounts = self._guard.accounts
        return self.login_url(accounts.hub_username, accounts.hub_password)

    @property
    def running(self) -> bool:
        """Whether the broker is listening."""
        return self._broker is not None

    def listening_addresses(self) -> list[tuple[str, int]]:
        """The (address, port) of every socket the broker listens on (empty when stopped)."""
        if self._broker is None:
            return []
        return [(s.getsockname()[0], s.getsockname()[1]) for s in _listener_sockets(self._broker)]

    async def start(self) -> None:
        """Start listening.

        Raises:
            BrokerPortInUse: the port is taken (checked before amqtt runs, and again if amqtt
                fails to bind because the port was taken in between).
            BrokerError: amqtt failed to start for another reason, or took too long.
        """
        if self._broker is not None:
            return
        port = self._requested_port
        if port != 0:
            _check_port_free(self._host, port)
        broker = _new_broker(self._host, port, self._guard)
        try:
            async with asyncio.timeout(_START_TIMEOUT):
                await broker.start()
        except AmqttBrokerError as exc:
            cause = exc.__cause__
            if isinstance(cause, OSError) and cause.errno == errno.EADDRINUSE:
                raise BrokerPortInUse(self._host, port) from None
            raise BrokerError(f"the embedded MQTT broker failed to start: {exc}") from exc
        except TimeoutError:
            raise BrokerError(
                f"the embedded MQTT broker did not start within {_START_TIMEOUT:.0f} s"
            ) from None
        self._broker = broker
        sockets = _listener_sockets(broker)
        if sockets:
            self._port = sockets[0].getsockname()[1]
        _LOG.info("embedded MQTT broker listening on %s", self.url)

    async def stop(self) -> None:
        """Disconnect every client and stop listening; retained messages are dropped."""
        broker, self._broker = self._broker, None
        if broker is None:
            return
        try:
            async with asyncio.timeout(_STOP_TIMEOUT):
                await broker.shutdown()
        except TimeoutError:
            raise BrokerError(
                f"the embedded MQTT broker did not stop within {_STOP_TIMEOUT:.0f} s"
            ) from None
        finally:
            self._port = self._requested_port
        _LOG.info("embedded MQTT broker stopped")

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


def _check_port_free(host: str, port: int) -> None:
    """Bind the port once ourselves, so a taken port gets a clear error before amqtt logs one.

    SO_REUSEADDR matches what amqtt (asyncio.start_server) sets: a port left in TIME_WAIT by a
    broker that just stopped counts as free, a port another process listens on does not.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                raise BrokerPortInUse(host, port) from None
            raise BrokerError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def _new_broker(host: str, port: int, guard: BrokerGuard) -> Any:
    """An amqtt broker with one loopback TCP listener and only OrbitHub's guard plugins."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    plugin = "orbithub.adapters.mqtt.broker_guard."
    config = {
        # No amqtt connection cap: past its cap amqtt makes new sockets wait, holding them; the
        # guard refuses them at once instead.
        "listeners": {"default": {"type": "tcp", "bind": bind, "max_connections": -1}},
        # Naming the plugins replaces amqtt's defaults ($SYS publisher every 20 s, event and
        # packet loggers, anonymous logins), which no OrbitHub part wants.
        "plugins": {f"{plugin}AccountsAuthPlugin": {"guard": guard}},
    }
    _quiet_amqtt()
    broker = Broker(config)
    original = broker.stream_connected

    async def stream_connected(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter, listener_name: str
    ) -> None:
        # amqtt 0.12 leaves some accepted sockets open after the client has gone (pytest sees
        # "ResourceWarning: unclosed transport"); close each one when its handler ends.
        try:
            await guard.guard_stream(writer, lambda: original(reader, writer, listener_name))
        except OSError as exc:
            # amqtt lets a peer that hung up first surface as an error of the accept callback.
            _LOG.debug("embedded MQTT broker: connection ended: %s", exc)
        finally:
            writer.transport.abort()

    async def initialize_client_session(
        reader: Any, writer: Any, _address: str, _port: int
    ) -> tuple[Any, Any]:
        return await first_connect(broker, guard, reader, writer)

    async def topic_filtering(session: Any, topic: str, action: Any) -> bool:
        # Not through amqtt's topic plugins: its plugin manager runs every check in a task of
        # its own, once per message and subscriber. Besides the cost, the broker then handles
        # a client's messages slower than it reads and acknowledges them, and amqtt drops the
        # acknowledged ones still queued when that client disconnects (a burst then loses its
        # tail). A direct call never yields, as amqtt's own path with no topic plugin.
        return guard.allowed(session, topic, action)

    broker.stream_connected = stream_connected  # read by amqtt when it starts the listener
    broker._initialize_client_session = initialize_client_session
    broker._topic_filtering = topic_filtering
    return broker


def _listener_sockets(broker: Any) -> list[socket.socket]:
    servers: dict[str, Any] = broker._servers  # amqtt keeps the asyncio servers here
    sockets: list[socket.socket] = []
    for server in servers.values():
        sockets.extend(getattr(server.instance, "sockets", ()) or ())
    return sockets


def _quiet_amqtt() -> None:
    """Keep amqtt, which logs every connection and subscription at INFO, to warnings.

    Only when the application has not set a level for amqtt itself.
    """
    amqtt_log = logging.getLogger("amqtt")
    if amqtt_log.level == logging.NOTSET:
        amqtt_log.setLevel(logging.WARNING)
