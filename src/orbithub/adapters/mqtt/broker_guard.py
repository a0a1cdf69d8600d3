"""The embedded broker's door: credentials, each account's topics, and connection limits.

amqtt asks its authentication plugins whether a CONNECT may pass; :class:`AccountsAuthPlugin`
answers from the hub's :class:`~orbithub.adapters.mqtt.accounts.BrokerAccounts`. amqtt's own
password-file plugin reads its file once at start and its ACL plugin takes fixed lists, so
neither would see a device's credentials made while the hub runs; the accounts are read again
whenever their file changes. Whether a client may publish, subscribe to or receive a topic is
:meth:`BrokerGuard.allowed`, which the broker calls directly (see ``broker.py`` for why not
through amqtt's topic plugins).

:class:`BrokerGuard` also bounds connections, which amqtt does not: a socket that sends no
CONNECT within the handshake timeout is closed, and each client address may hold only so many
connections, fewer still before they have logged in, so idle sockets from one process cannot
use up the slots every device needs.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from amqtt.contexts import Action  # type: ignore[import-untyped]
from amqtt.plugins.base import BaseAuthPlugin  # type: ignore[import-untyped]

from orbithub.adapters.mqtt.accounts import BrokerAccounts

__all__ = ["AccountsAuthPlugin", "BrokerGuard", "ConnectionLimits"]

_LOG = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ConnectionLimits:
    """How many connections the embedded broker holds, and how long it waits for a CONNECT.

    Attributes:
        per_address: connections one client address may hold, logged in or not.
        unauthenticated_per_address: of those, how many may be still waiting to log in.
        total: connections over all addresses.
        handshake_timeout: seconds a new connection has to send its CONNECT.
    """

    per_address: int = 256
    unauthenticated_per_address: int = 64
    total: int = 1000
    handshake_timeout: float = 10.0


_Peer = tuple[str, int]
# Kept in each amqtt session: the account's password stamp it logged in with, and whether its
# going stale was logged.
_STAMP = "orbithub.login_stamp"
_STALE = "orbithub.login_stale"


class BrokerGuard:
    """Credentials, topic rights and connection counts for one embedded broker. Loop only."""

    def __init__(self, accounts: BrokerAccounts, limits: ConnectionLimits) -> None:
        self.accounts = accounts
        self.limits = limits
        self._per_address: Counter[str] = Counter()
        self._waiting: Counter[str] = Counter()
        self._logged_in: set[_Peer] = set()
        self._total = 0
        self.refused_connections = 0
        """Connections closed at once because a limit was reached."""
        self.refused_logins = 0
        """CONNECTs refused for bad or missing credentials."""

    # -- connections -------------------------------------------------------------------------
    async def guard_stream(
        self,
        writer: asyncio.StreamWriter,
        handle: Callable[[], Awaitable[None]],
    ) -> None:
        """Run ``handle`` for one new connection, or close it at once past a limit."""
        peer = _peer(writer)
        address = peer[0]
        limits = self.limits
        if (
            self._total >= limits.total
            or self._per_address[address] >= limits.per_address
            or self._waiting[address] >= limits.unauthenticated_per_address
        ):
            self.refused_connections += 1
            if self.refused_connections == 1 or self.refused_connections % 100 == 0:
                _LOG.warning(
                    "embedded MQTT broker: connection from %s refused, over its limits "
                    "(%d from that address, %d not logged in; %d in all); %d refused so far",
                    address,
                    self._per_address[address],
                    self._waiting[address],
                    self._total,
                    self.refused_connections,
                )
            writer.transport.abort()
            return
        self._total += 1
        self._per_address[address] += 1
        self._waiting[address] += 1
        try:
            await handle()
        finally:
            self._total -= 1
            _decrement(self._per_address, address)
            if peer in self._logged_in:
                self._logged_in.discard(peer)
            else:
                _decrement(self._waiting, address)

    def _logged_in_now(self, peer: _Peer) -> None:
        if peer not in self._logged_in:
            self._logged_in.add(peer)
            _decrement(self._waiting, peer[0])

    # -- what amqtt's plugins ask --------------------------------------------------------------
    def authenticate(self, session: Any) -> bool:
        """Whether a CONNECT's credentials are good and its last will is on its own topic."""
        username: str | None = session.username
        if not self.accounts.authenticate(username, session.password):
            self.refused_logins += 1
            _LOG.warning(
                "embedded MQTT broker: login refused for %r from %s (no or wrong credentials)",
                username,
                session.remote_address,
            )
            return False
        if session.will_flag and not self.accounts.may_publish(username, session.will_topic or ""):
            self.refused_logins += 1
            _LOG.warning(
                "embedded MQTT broker: %r may not set its last will on %r; login refused",
                username,
                session.will_topic,
            )
            return False
        if session.remote_address is not None and session.remote_port is not None:
            self._logged_in_now((str(session.remote_address), int(session.remote_port)))
        session.attributes[_STAMP] = self.accounts.login_stamp(username)
        return True

    def allowed(self, session: Any, topic: str, action: Action) -> bool:
        """Whether the session's account may publish, subscribe to or receive ``topic``.

        A connection whose password was replaced or removed since it logged in may do nothing
        more: a rotated password also shuts out whoever logged in with the old one.
        """
        username: str | None = session.username if session is not None else None
        # One stat per check (about a microsecond): a password replaced by the CLI counts at the
        # connection's next message.
        self.accounts.refresh()
        if session is None or session.attributes.get(_STAMP) != self.accounts.login_stamp(username):
            if session is not None and not session.attributes.get(_STALE):
                session.attributes[_STALE] = True
                _LOG.warning(
                    "embedded MQTT broker: the login of %r was replaced or removed; its "
                    "connection may do nothing more until it logs in again",
                    username,
                )
            return False
        if action == Action.PUBLISH:
            ok = self.accounts.may_publish(username, topic)
        else:
            # Receiving follows subscribing: a device receives only its own command topics.
            ok = self.accounts.may_subscribe(username, topic)
        if not ok and action != Action.RECEIVE:
            _LOG.warning(
                "embedded MQTT broker: %r may not %s %r; refused", username, action.value, topic
            )
        return ok


def _peer(writer: asyncio.StreamWriter) -> _Peer:
    info = writer.get_extra_info("peername")
    if not info:
        return ("?", 0)
    return (str(info[0]), int(info[1]))


def _decrement(counter: Counter[str], key: str) -> None:
    counter[key] -= 1
    if counter[key] <= 0:
        del counter[key]


class AccountsAuthPlugin(BaseAuthPlugin):  # type: ignore[misc]
    """amqtt authentication plugin: a CONNECT passes only with an account's credentials."""

    @dataclass
    class Config:
        """The guard to ask (amqtt builds this from the broker's configuration)."""

        guard: Any = None

    async def authenticate(self, *, session: Any) -> bool:
        """Answer amqtt once per CONNECT."""
        guard: BrokerGuard = self.context.config.guard
        return guard.authenticate(session)
