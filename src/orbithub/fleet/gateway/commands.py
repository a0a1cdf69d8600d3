"""Commands from the gateway to a home's devices: checked, decided, audited, sent through NATS.

Every command goes through the single hub's guarded entry (:class:`orbithub.access.Commands`)
over a hub made of one home's registry, with the person's rights in that home: the spec check,
the rights, the confirmation of opening commands and the audit entry are the same code as a
single hub's. The hub's one adapter publishes the OrbitHub protocol's ``set`` / ``action``
message on the device's subject (``orbit.<home>.<device>.set``, which NATS also hands to MQTT
subscribers of ``orbit/<home>/<device>/set``) and waits briefly for the device's ``reply``.
"""

from __future__ import annotations

import asyncio
import math
import secrets
from typing import Final

import nats.errors
from nats.aio.client import Client
from nats.aio.msg import Msg

from orbithub.access import Actor, Commands
from orbithub.adapters.mqtt import protocol
from orbithub.adapters.mqtt.protocol import MessageKind, ProtocolError
from orbithub.core.adapter import AdapterHost, Command, CommandResult, SetProperty
from orbithub.core.errors import AdapterUnavailableError
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.fleet.gateway.access import ADAPTER
from orbithub.storage.audit import AuditTrail
from orbithub.storage.db import Database

__all__ = ["REPLY_TIMEOUT", "NatsDevices", "send_command"]

REPLY_TIMEOUT: Final = 3.0
"""Seconds a command waits for the device's reply before it is answered as sent, unconfirmed."""


def subject_of(topic: str) -> str:
    """The NATS subject of an MQTT topic (levels become tokens)."""
    return topic.replace("/", ".")


class NatsDevices:
    """The adapter of a gateway's hub: commands leave as OrbitHub protocol messages on NATS."""

    def __init__(self, nc: Client, reply_timeout: float = REPLY_TIMEOUT) -> None:
        self._nc = nc
        self._reply_timeout = reply_timeout

    @property
    def name(self) -> str:
        """``fleet``: the adapter every device of a gateway's hub names."""
        return ADAPTER

    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        """Nothing to start: the NATS connection is the gateway's."""

    async def stop(self) -> None:
        """Nothing to stop."""

    async def send(self, command: Command) -> CommandResult:
        """Publish the command on the device's subject and wait a little for its reply."""
        device = command.device
        request_id = secrets.token_hex(8)
        try:
            if isinstance(command, SetProperty):
                topic = protocol.device_topic(device.space_id, device.id, MessageKind.SET)
                payload = protocol.encode_set(
                    topic, protocol.SetRequest(request_id, {command.prop.path: command.value})
                )
            else:
                topic = protocol.device_topic(device.space_id, device.id, MessageKind.ACTION)
                inputs = tuple(value for _, value in command.arguments)
                payload = protocol.encode_action(
                    topic, protocol.ActionRequest(request_id, command.action.path, inputs)
                )
        except ProtocolError as exc:
            raise AdapterUnavailableError(f"{device.id}: cannot be commanded: {exc}") from None
        reply_topic = protocol.device_topic(device.space_id, device.id, MessageKind.REPLY)
        answered: asyncio.Future[protocol.Reply] = asyncio.get_running_loop().create_future()

        async def on_reply(msg: Msg) -> None:
            try:
                reply = protocol.decode_reply(reply_topic, msg.data)
            except ProtocolError:
                return
            if reply.id == request_id and not answered.done():
                answered.set_result(reply)

        try:
            sub = await self._nc.subscribe(subject_of(reply_topic), cb=on_reply)
            try:
                await self._nc.publish(subject_of(topic), payload)
                await self._nc.flush(timeout=math.ceil(self._reply_timeout))
                async with asyncio.timeout(self._reply_timeout):
                    reply = await answered
            finally:
                await sub.unsubscribe()
        except TimeoutError:
            return CommandResult(False, message="sent; the device did not reply in time")
        except nats.errors.Error as exc:
            raise AdapterUnavailableError(f"NATS did not take the command: {exc}") from None
        if not reply.ok:
            return CommandResult(False, message=f"the device refused: {reply.error}")
        return CommandResult(True, dict(reply.outputs))


async def send_command(
    registry: Registry,
    nc: Client,
    db: Database,
    actor: Actor,
    device_id: str,
    path: str,
    value: object,
    *,
    confirm: bool = False,
    reply_timeout: float = REPLY_TIMEOUT,
) -> CommandResult:
    """Write one property of one device of the home ``registry`` holds, for ``actor``.

    Whatever happens (refused, rejected by the spec, sent), the decision is in the audit log,
    under the home's id, before this returns.

    Raises:
        CommandRefused, UnknownDeviceError, UnknownProperty, ValueRejected,
        AdapterUnavailableError: as :meth:`Commands.set`.
    """
    hub = Hub(registry=registry, command_timeout=reply_timeout + 2.0)
    hub.add_adapter(NatsDevices(nc, reply_timeout))
    trail = AuditTrail(db, hub.bus)
    result: CommandResult | None = None
    refused: Exception | None = None
    async with asyncio.TaskGroup() as tasks:
        await trail.start(tasks)
        try:
            async with hub:
                # Kept and raised after the hub's task group closed, which would wrap it.
                try:
                    result = await Commands(hub).set(actor, device_id, path, value, confirm=confirm)
                except Exception as exc:
                    refused = exc
        finally:
            await trail.stop()
    if refused is not None:
        raise refused
    assert result is not None  # noqa: S101 - set returned or raised
    return result
