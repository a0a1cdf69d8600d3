"""Who or what caused a change or a command: a user, an automation, the assistant, a device."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Context", "Link", "Origin"]


class Origin(StrEnum):
    """The kind of actor behind a change."""

    DEVICE = "device"
    USER = "user"
    AUTOMATION = "automation"
    ASSISTANT = "assistant"
    SYSTEM = "system"


def _new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class Link:
    """One automation run in a chain of causes: which automation, and when the run started."""

    automation: str
    time: float


@dataclass(frozen=True, slots=True)
class Context:
    """Carried by every event and command, for the audit log and permission checks.

    Attributes:
        origin: what kind of actor.
        actor: the user id, automation id or adapter name; None when anonymous.
        parent_id: the id of the context that led to this one (a command caused by a change).
        id: unique id of this context.
        chain: the automation runs that led here, oldest first (empty when none did); a
            command an automation sends carries it, and so does the device's report of that
            command's effect, so the engine sees automations feeding each other in a cycle.
        owner: for an automation, the id of the user whose current rights its commands carry;
            None for a household automation, which acts with the system's rights.
    """

    origin: Origin = Origin.SYSTEM
    actor: str | None = None
    parent_id: str | None = None
    id: str = field(default_factory=_new_id)
    chain: tuple[Link, ...] = ()
    owner: str | None = None

    def child(self, origin: Origin, actor: str | None = None) -> Context:
        """A new context caused by this one (it carries the same chain)."""
        return Context(origin, actor, self.id, chain=self.chain)


DEVICE_CONTEXT = Context(Origin.DEVICE, None, None, "device")
"""Shared by all device reports: allocating a context per report costs more than it tells."""
