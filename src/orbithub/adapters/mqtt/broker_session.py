"""A new connection's CONNECT on the embedded broker: read in time, login checked first.

This replaces amqtt's ``Broker._initialize_client_session`` (amqtt 0.12) for two reasons:

- amqtt waits for the first packet without a time limit, so a socket that never sends CONNECT
  holds its slot for ever; here it has the guard's handshake timeout.
- amqtt ends the existing session of the client id a CONNECT names (a clean session deletes
  it, a takeover closes its connection and fires its last will) before it checks the login. A
  process without the front door lock's password could so disconnect the lock, and make it
  seem to go offline, just by naming its client id. Here a CONNECT whose login fails is refused
  before any session is looked at.

After the login, the rest follows amqtt's own steps (clean or resumed session, keep-alive
allowance); amqtt then checks the login once more through its authentication plugin
and goes on as usual.
"""

from __future__ import annotations

import asyncio
from typing import Any

from amqtt.errors import AMQTTError, MQTTError, NoDataError  # type: ignore[import-untyped]
from amqtt.mqtt.connack import BAD_USERNAME_PASSWORD, ConnackPacket  # type: ignore[import-untyped]
from amqtt.mqtt.protocol.broker_handler import BrokerProtocolHandler  # type: ignore[import-untyped]
from amqtt.utils import gen_client_id  # type: ignore[import-untyped]

from orbithub.adapters.mqtt.broker_guard import BrokerGuard

__all__ = ["first_connect"]


async def first_connect(
    broker: Any, guard: BrokerGuard, reader: Any, writer: Any
) -> tuple[Any, Any]:
    """Read a new connection's CONNECT and set up its session; returns (handler, session).

    Raises:
        AMQTTError: no CONNECT in time, or not readable as one (amqtt ends the connection).
        MQTTError: a CONNECT amqtt refused, or one whose login failed (answered, then closed).
    """
    timeout = guard.limits.handshake_timeout
    try:
        async with asyncio.timeout(timeout):
            handler, session = await BrokerProtocolHandler.init_from_connect(
                reader, writer, broker.plugins_manager
            )
    except TimeoutError:
        raise AMQTTError(f"no CONNECT within {timeout:g} s") from None
    except MQTTError:
        await writer.close()  # amqtt has answered it
        raise
    except NoDataError as exc:
        raise AMQTTError(exc) from exc
    if not guard.authenticate(session):
        await ConnackPacket.build(0, BAD_USERNAME_PASSWORD).to_stream(writer)
        await writer.close()
        raise MQTTError(f"login refused for {session.username!r}")
    if session.clean_session:
        if session.client_id:
            await broker._delete_session(session.client_id)
        else:
            session.client_id = gen_client_id()
        session.parent = 0
    elif session.client_id in broker._sessions:
        # A resumed session keeps its subscriptions and queued messages, and takes the new
        # connection's will, keep-alive and login.
        existing, _ = broker._sessions[session.client_id]
        for name in (
            "will_flag",
            "will_retain",
            "will_message",
            "will_topic",
            "will_qos",
            "keep_alive",
            "username",
            "password",
        ):
            setattr(existing, name, getattr(session, name))
        session = existing
        session.parent = 1
    else:
        session.parent = 0
    delay = broker.config.get("timeout-disconnect-delay", 0)
    if session.keep_alive > 0 and isinstance(delay, int):
        session.keep_alive += delay
    return handler, session
