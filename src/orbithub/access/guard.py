"""The one guarded command entry: every command of every origin is decided here, then sent.

:class:`Commands` takes an :class:`~orbithub.access.actor.Actor` with each command and, before
anything reaches ``hub.set`` / ``hub.call``:

1. checks the device and the path exist and the value or arguments fit the spec;
2. applies the actor's rights: a person's grants (and token limit), an automation owner's grants
   as they are *now* (looked up per command), the system's for household automations and the
   hub's own services;
3. holds back a discovered security device the owner has not approved (only an owner acts on
   it before that);
4. asks a person to confirm a command that opens a security device.

It then sends the command and publishes one :class:`~orbithub.core.events.CommandDecided` per
command on the bus, accepted or refused: the audit log is written from those events, so every
command is audited exactly once with its actor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Protocol

from orbithub.access.actor import Actor, ActorKind, Via
from orbithub.access.roles import Principal
from orbithub.access.security import is_security_device, opens
from orbithub.core.adapter import CommandResult
from orbithub.core.commands import CommandPort
from orbithub.core.context import Context, Origin
from orbithub.core.errors import AdapterUnavailableError
from orbithub.core.events import CommandDecided, CommandKind, CommandVerdict
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.errors import OrbitHubError
from orbithub.spec.errors import SpecError, UnknownProperty, ValueRejected
from orbithub.spec.formats import check_write
from orbithub.spec.model import Value

__all__ = ["AccessError", "Approvals", "CommandRefused", "Commands", "OwnerRights", "Refusal"]

_MAX_TEXT = 200


class AccessError(OrbitHubError):
    """Something was refused by the access rules."""


class Refusal(StrEnum):
    """Why the guarded entry refused a command (the API's error code)."""

    NOT_FOUND = "not_found"
    FORBIDDEN = "forbidden"
    CONFIRMATION_REQUIRED = "confirmation_required"
    AWAITING_APPROVAL = "awaiting_approval"


class CommandRefused(AccessError):
    """The actor may not send this command; nothing was sent.

    Attributes:
        code: why, as a stable code.
        device_id: the device asked for.
    """

    def __init__(self, code: Refusal, message: str, device_id: str) -> None:
        super().__init__(message)
        self.code = code
        self.device_id = device_id


class OwnerRights(Protocol):
    """An automation owner's rights as they are now (None: no such user any more)."""

    async def __call__(self, user_id: str) -> Principal | None:
        """Build the principal of the user ``user_id`` from their current grants."""
        ...


class Approvals(Protocol):
    """Which discovered security devices still wait for the owner's approval."""

    def awaiting(self, device: Device) -> bool:
        """Whether ``device`` may be commanded only by an owner until approved."""
        ...


def _plain(value: object) -> Value:
    if isinstance(value, bool | int | float | str):
        return value if not isinstance(value, str) else value[:_MAX_TEXT]
    return repr(value)[:_MAX_TEXT]


def _pairs(arguments: Mapping[str, object] | Sequence[object]) -> tuple[tuple[str, Value], ...]:
    if isinstance(arguments, Mapping):
        return tuple((str(k)[:_MAX_TEXT], _plain(v)) for k, v in arguments.items())
    if isinstance(arguments, str | bytes):
        return (("arguments", _plain(arguments)),)
    return tuple((str(i), _plain(v)) for i, v in enumerate(arguments))


class Commands:
    """The guarded command entry of one hub. Loop only.

    Args:
        hub: the hub whose devices it commands.
        owner_rights: looks an automation owner's rights up; without it an automation with an
            owner is refused (nothing could say what that owner may do).
        approvals: the discovered security devices waiting for approval; None: none wait.
    """

    def __init__(
        self,
        hub: Hub,
        *,
        owner_rights: OwnerRights | None = None,
        approvals: Approvals | None = None,
    ) -> None:
        self.hub = hub
        self._owner_rights = owner_rights
        self.approvals = approvals

    # -- the entry ------------------------------------------------------------------------------
    async def set(
        self, actor: Actor, device_id: str, address: str, value: object, *, confirm: bool = False
    ) -> CommandResult:
        """Write one property for ``actor``.

        Raises:
            UnknownDeviceError: no such device (nothing to audit it against).
            CommandRefused: the actor may not (the code says why); audited.
            UnknownProperty, ValueRejected: the spec refuses it; audited.
            AdapterUnavailableError: the device's adapter is down or did not answer; audited.
        """
        device = self.hub.registry.device(device_id)
        shown = (("value", _plain(value)),)
        prop = device.spec.find_property(address)
        path = prop.path if prop is not None else address
        try:
            if prop is None:
                device.spec.property(address)  # raises UnknownProperty with the known paths
                raise UnknownProperty(address)
            checked = check_write(prop, value)
        except SpecError as exc:
            self._decided(actor, device, CommandKind.SET, path, shown, "rejected", str(exc))
            raise
        opening = opens(device, CommandKind.SET, path, checked)
        await self._admit(actor, device, CommandKind.SET, path, shown, opening, confirm)
        try:
            result = await self.hub.set(device.id, path, checked, context=actor.context)
        except OrbitHubError as exc:
            self._failed(actor, device, CommandKind.SET, path, shown, exc)
            raise
        self._accepted(actor, device, CommandKind.SET, path, shown, result)
        return result

    async def call(
        self,
        actor: Actor,
        device_id: str,
        address: str,
        arguments: Mapping[str, object] | Sequence[object] = (),
        *,
        confirm: bool = False,
    ) -> CommandResult:
        """Run one action for ``actor`` (same errors as :meth:`set`, UnknownAction for a path)."""
        device = self.hub.registry.device(device_id)
        shown = _pairs(arguments)
        try:
            action = device.spec.action(address)
        except SpecError as exc:
            self._decided(actor, device, CommandKind.CALL, address, shown, "rejected", str(exc))
            raise
        opening = opens(device, CommandKind.CALL, action.path, None, arguments)
        await self._admit(actor, device, CommandKind.CALL, action.path, shown, opening, confirm)
        try:
            result = await self.hub.call(device.id, action.path, arguments, context=actor.context)
        except OrbitHubError as exc:
            self._failed(actor, device, CommandKind.CALL, action.path, shown, exc)
            raise
        self._accepted(actor, device, CommandKind.CALL, action.path, shown, result)
        return result

    def port(self, via: Via | None = None) -> CommandPort:
        """The entry as a :class:`~orbithub.core.commands.CommandPort`.

        For parts that act on their own: each command's context names its actor (an automation
        and its owner, or the system).
        """
        return _Port(self, via)

    def acting_as(self, actor: Actor, *, confirm: bool = False) -> CommandPort:
        """The entry as a port whose every command is ``actor``'s (a person applying a scene).

        The rights, the audit name and the context are the actor's, whatever context the
        caller passes; ``confirm`` is the person's confirmation of opening commands.
        """
        return _BoundPort(self, actor, confirm)

    # -- deciding -------------------------------------------------------------------------------
    async def rights(self, actor: Actor) -> Principal | None:
        """The principal whose grants bound ``actor`` (None: the system's rights, no bound).

        Raises:
            CommandRefused: an automation whose owner no longer exists or cannot be looked up.
        """
        if actor.kind is ActorKind.PERSON:
            return actor.principal
        if actor.kind is ActorKind.AUTOMATION and actor.owner is not None:
            owner = None if self._owner_rights is None else await self._owner_rights(actor.owner)
            if owner is None:
                raise CommandRefused(
                    Refusal.FORBIDDEN,
                    f"{actor.name} runs with the rights of its owner, whose account no longer "
                    "exists; an owner of the hub may save it again to take it over, or mark it "
                    "household",
                    "",
                )
            return owner
        return None

    async def _admit(
        self,
        actor: Actor,
        device: Device,
        kind: CommandKind,
        path: str,
        shown: tuple[tuple[str, Value], ...],
        opening: bool,
        confirm: bool,
    ) -> None:
        try:
            principal = await self.rights(actor)
            self._check_rights(actor, principal, device)
            awaiting = self.approvals is not None and self.approvals.awaiting(device)
            if awaiting and not _counts_as_owner(actor, principal):
                raise CommandRefused(
                    Refusal.AWAITING_APPROVAL,
                    f"{device.name} is a discovered security device the owner has not "
                    "approved yet; until then only an owner may command it (the owner "
                    f"approves it with POST /api/devices/{device.id}/approve)",
                    device.id,
                )
            if opening and actor.confirms and not confirm:
                raise CommandRefused(
                    Refusal.CONFIRMATION_REQUIRED,
                    f"{path} of {device.name} opens a security device; confirm it: send the "
                    'command again with "confirm": true',
                    device.id,
                )
        except CommandRefused as exc:
            self._decided(actor, device, kind, path, shown, str(exc.code), str(exc))
            raise CommandRefused(exc.code, str(exc), device.id) from None

    def _check_rights(self, actor: Actor, principal: Principal | None, device: Device) -> None:
        if principal is None:
            return
        if not principal.can_view_device(device):
            if actor.kind is ActorKind.PERSON:
                raise CommandRefused(
                    Refusal.NOT_FOUND,
                    f"no device {device.id!r} that you may see; GET /api/devices lists yours",
                    device.id,
                )
            raise CommandRefused(Refusal.FORBIDDEN, _outside(actor, principal, device), device.id)
        if principal.can_control_device(device):
            return
        if actor.kind is not ActorKind.PERSON:
            why = _outside(actor, principal, device)
        elif is_security_device(device):
            why = (
                f"{device.name} is a security device; a {principal.role} needs a grant that "
                "names it; ask an owner"
            )
        else:
            why = f"you may see {device.name} but not control it; ask an owner for a grant"
        raise CommandRefused(Refusal.FORBIDDEN, why, device.id)

    # -- telling the bus ----------------------------------------------------------------------
    def _accepted(
        self,
        actor: Actor,
        device: Device,
        kind: CommandKind,
        path: str,
        shown: tuple[tuple[str, Value], ...],
        result: CommandResult,
    ) -> None:
        outcome = "confirmed" if result.confirmed else "unconfirmed"
        self._decided(actor, device, kind, path, shown, outcome, result.message)

    def _failed(
        self,
        actor: Actor,
        device: Device,
        kind: CommandKind,
        path: str,
        shown: tuple[tuple[str, Value], ...],
        exc: OrbitHubError,
    ) -> None:
        if isinstance(exc, ValueRejected):
            outcome = "rejected"
        elif isinstance(exc, AdapterUnavailableError):
            outcome = "unavailable"
        else:
            outcome = "failed"
        self._decided(actor, device, kind, path, shown, outcome, str(exc))

    def _decided(
        self,
        actor: Actor,
        device: Device,
        kind: CommandKind,
        path: str,
        shown: tuple[tuple[str, Value], ...],
        result: str,
        message: str,
    ) -> None:
        sent = result in ("confirmed", "unconfirmed", "unavailable", "failed")
        bus = self.hub.bus
        bus.publish(
            CommandDecided(
                bus.next_seq(),
                self.hub.now(),
                device.space_id,
                device.id,
                kind,
                path,
                shown,
                CommandVerdict.ACCEPTED if sent else CommandVerdict.REFUSED,
                result,
                actor.name,
                str(actor.via),
                message[: _MAX_TEXT * 5],
                actor.context,
            )
        )


def _counts_as_owner(actor: Actor, principal: Principal | None) -> bool:
    if actor.kind is ActorKind.LOCAL:
        return True
    return actor.kind is ActorKind.PERSON and principal is not None and principal.is_owner


def _outside(actor: Actor, principal: Principal, device: Device) -> str:
    return (
        f"{actor.name} runs with the rights of its owner {principal.username}, which do not "
        f"cover {device.name}; ask an owner for a grant, or have an owner mark it household"
    )


class _Port:
    """A :class:`CommandPort` over the guarded entry (see :meth:`Commands.port`)."""

    def __init__(self, commands: Commands, via: Via | None) -> None:
        self._commands = commands
        self._via = via

    async def set(
        self, device_id: str, address: str, value: object, *, context: Context | None = None
    ) -> CommandResult:
        actor = Actor.from_context(context or Context(Origin.SYSTEM), self._via)
        return await self._commands.set(actor, device_id, address, value)

    async def call(
        self,
        device_id: str,
        address: str,
        arguments: Mapping[str, object] | Sequence[object] = (),
        *,
        context: Context | None = None,
    ) -> CommandResult:
        actor = Actor.from_context(context or Context(Origin.SYSTEM), self._via)
        return await self._commands.call(actor, device_id, address, arguments)


class _BoundPort:
    """A :class:`CommandPort` whose commands are one actor's (see :meth:`Commands.acting_as`)."""

    def __init__(self, commands: Commands, actor: Actor, confirm: bool) -> None:
        self._commands = commands
        self._actor = actor
        self._confirm = confirm

    async def set(
        self, device_id: str, address: str, value: object, *, context: Context | None = None
    ) -> CommandResult:
        return await self._commands.set(
            self._actor, device_id, address, value, confirm=self._confirm
        )

    async def call(
        self,
        device_id: str,
        address: str,
        arguments: Mapping[str, object] | Sequence[object] = (),
        *,
        context: Context | None = None,
    ) -> CommandResult:
        return await self._commands.call(
            self._actor, device_id, address, arguments, confirm=self._confirm
        )
