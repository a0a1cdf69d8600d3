"""Who a command comes from: a person, an automation with its owner, the local owner, the system.

Every origin builds an :class:`Actor` and hands it to :class:`~orbithub.access.guard.Commands`
with the command. The actor decides three things there: whose rights apply, whether an opening
command needs the person's confirmation, and how the audit log names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from orbithub.access.roles import Principal, TokenKind
from orbithub.core.context import Context, Origin

__all__ = ["Actor", "ActorKind", "Via"]


class ActorKind(StrEnum):
    """Whose rights a command carries."""

    PERSON = "person"
    """A signed-in person (the app, an integration token, a sentence to the assistant)."""
    AUTOMATION = "automation"
    """An automation: its owner's current rights, or the system's for a household one."""
    LOCAL = "local"
    """The owner of the data directory, through the local control socket: an owner's rights."""
    SYSTEM = "system"
    """The hub itself (charging, pre-conditioning, a bridge): every device but unapproved
    security devices."""


class Via(StrEnum):
    """The way a command came in, kept in the audit log."""

    APP = "app"
    INTEGRATION_TOKEN = "integration token"  # noqa: S105 - a way in, not a secret
    ASSISTANT = "assistant"
    AUTOMATION = "automation"
    SCENE = "scene"
    CONTROL_SOCKET = "control socket"
    HOME_ASSISTANT = "home assistant"
    COMPANION = "companion"
    CHARGING = "charging"
    PRECONDITIONING = "pre-conditioning"
    SUGGESTION = "suggestion"
    SIMULATION = "simulation"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Actor:
    """The one a command is decided for.

    Attributes:
        kind: whose rights apply.
        name: how the audit log names them (a user name, ``automation:<id>``, ``system``).
        via: the way in.
        context: carried to the device's command and every event it causes.
        principal: a person's rights (for :attr:`ActorKind.PERSON`).
        owner: an automation's owner, whose *current* rights are looked up per command; None
            for a household automation.
    """

    kind: ActorKind
    name: str
    via: Via
    context: Context
    principal: Principal | None = None
    owner: str | None = None

    @classmethod
    def person(cls, principal: Principal, via: Via | None = None) -> Actor:
        """A signed-in person; ``via`` defaults to the app or their integration token."""
        if via is None:
            integration = principal.token_kind is TokenKind.INTEGRATION
            via = Via.INTEGRATION_TOKEN if integration else Via.APP
        origin = Origin.ASSISTANT if via is Via.ASSISTANT else Origin.USER
        return cls(
            ActorKind.PERSON,
            principal.username,
            via,
            Context(origin, principal.username),
            principal,
        )

    @classmethod
    def from_context(cls, context: Context, via: Via | None = None) -> Actor:
        """The actor of a part that acts on its own, from the context it sends.

        A hub service (``via`` charging, pre-conditioning, a bridge) acts with the system's
        rights. Otherwise an automation's context names the automation (``actor``) and, unless
        it is a household automation, its owner; any other context acts as the system.
        """
        own_service = via is not None and via not in (Via.AUTOMATION, Via.SCENE)
        if context.origin is Origin.AUTOMATION and not own_service:
            return cls(
                ActorKind.AUTOMATION,
                f"automation:{context.actor or '?'}",
                via or Via.AUTOMATION,
                context,
                owner=context.owner,
            )
        return cls(ActorKind.SYSTEM, context.actor or "system", via or Via.SYSTEM, context)

    @classmethod
    def local(cls, user: str | None = None, via: Via = Via.CONTROL_SOCKET) -> Actor:
        """The data directory's owner (``user`` as the shell names them).

        On the control socket, or asking the assistant there (``via``).
        """
        name = user or "local owner"
        origin = Origin.ASSISTANT if via is Via.ASSISTANT else Origin.USER
        return cls(ActorKind.LOCAL, name, via, Context(origin, name))

    @classmethod
    def system(cls, via: Via = Via.SYSTEM, context: Context | None = None) -> Actor:
        """The hub itself, or a bridge or service of it; named by ``context.actor`` if any."""
        if context is None:
            return cls(ActorKind.SYSTEM, "system", via, Context(Origin.SYSTEM, str(via)))
        return cls(ActorKind.SYSTEM, context.actor or "system", via, context)

    @property
    def confirms(self) -> bool:
        """Whether opening a security device needs this actor's explicit confirmation."""
        return self.kind is ActorKind.PERSON
