"""Who may do what: roles, grants, token scopes, security devices, and the guarded command entry.

Every command of every origin goes through :class:`Commands` with an :class:`Actor`; the rules
of roles and grants live in :class:`Principal`, the notion of a security device in
:mod:`orbithub.access.security`.
"""

from orbithub.access.actor import Actor, ActorKind, Via
from orbithub.access.approval import DeviceApprovals, discovered
from orbithub.access.guard import (
    AccessError,
    Approvals,
    CommandRefused,
    Commands,
    OwnerRights,
    Refusal,
)
from orbithub.access.rights import StoredOwnerRights
from orbithub.access.roles import Principal, Role, TokenKind
from orbithub.access.security import is_security_device, opens

__all__ = [
    "AccessError",
    "Actor",
    "ActorKind",
    "Approvals",
    "CommandRefused",
    "Commands",
    "DeviceApprovals",
    "OwnerRights",
    "Principal",
    "Refusal",
    "Role",
    "StoredOwnerRights",
    "TokenKind",
    "Via",
    "discovered",
    "is_security_device",
    "opens",
]
