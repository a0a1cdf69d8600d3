"""Who is asking, and what their role and grants let them see and do.

Role semantics (the one place they are decided; every route and the WebSocket ask here):

* **owner** sees and controls everything in every space, and manages users, grants and
  tokens. Owners need no grants.
* **adult** sees and controls everything within their grants (usually whole spaces), locks
  included, and may manage automations; they cannot manage users.
* **child** sees what their grants cover and controls it, except *security devices* (see
  :mod:`orbithub.access.security`: anything with a lock, a garage door or gate, a door or window
  opener, an alarm or a camera, whatever its type): a child may operate one of those only when a
  grant names that device explicitly in ``device_ids`` (a grant of the hallway is not enough to
  open the front door; a grant naming ``front-door-lock`` is).
* **guest** is like a child but always scoped: their grants list rooms and/or devices (never a
  whole space) and usually expire (``expires_at``); the same explicit-naming rule applies to
  security-class devices.

A person's own device (a phone: a device with an ``owner``) tells where that person is, so it is
seen by that person and by owners of the hub; anyone else needs a grant naming the device (a
grant of the whole home is not enough to follow someone's phone).

Guests never see the household: who of the family is where (presence), and what happens in
the space beyond their grants (presence changes, automation runs, notices for everyone).

A grant with neither ``room_ids`` nor ``device_ids`` covers its whole space; otherwise it covers
the devices in the listed rooms plus the listed devices. Grants whose ``expires_at`` has passed
(hub time) are not part of a principal at all. An integration token never has more rights than
its user, and may be limited further to some spaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from orbithub.access.security import is_security_device
from orbithub.core.registry import Device, Registry, Room
from orbithub.storage.users import Grant, Role, User

__all__ = ["Principal", "Role", "TokenKind"]


class TokenKind(StrEnum):
    """How the caller signed in."""

    ACCESS = "access"
    """A short-lived access token from a login (the apps)."""
    INTEGRATION = "integration"
    """A long-lived integration token (a script, a wall tablet)."""


def _names(grant: Grant, device: Device) -> bool:
    return grant.space_id == device.space_id and device.id in (grant.device_ids or ())


def _covers(grant: Grant, device: Device, username: str) -> bool:
    if grant.space_id != device.space_id:
        return False
    if device.owner is not None and device.owner != username:
        return _names(grant, device)
    if grant.whole_space:
        return True
    if grant.device_ids is not None and device.id in grant.device_ids:
        return True
    return (
        grant.room_ids is not None
        and device.room_id is not None
        and device.room_id in grant.room_ids
    )


@dataclass(frozen=True, slots=True)
class Principal:
    """The signed-in caller of one request (or one WebSocket connection).

    Attributes:
        user_id: the user's id.
        username: the user's sign-in name (also the ``owner`` of their phones).
        role: owner, adult, child or guest.
        grants: the grants active when the principal was built.
        token_kind: access token or integration token.
        display_name: the user's display name.
        language: the user's language.
        space_limit: an integration token's spaces (None: no limit beyond the grants).
        valid_until: hub time at which one of the grants expires; a long-lived connection
            rebuilds its principal then.
        session_id: the sign-in session of an access token (None for integration tokens).
        token_expires_at: when the token in use expires (None: an integration token without
            an expiry); tokens it creates may not outlive it.
    """

    user_id: str
    username: str
    role: Role
    grants: tuple[Grant, ...] = ()
    token_kind: TokenKind = TokenKind.ACCESS
    display_name: str = ""
    language: str = "en"
    space_limit: frozenset[str] | None = None
    valid_until: float | None = None
    session_id: str | None = None
    token_expires_at: float | None = None

    @classmethod
    def build(
        cls,
        user: User,
        grants: list[Grant] | tuple[Grant, ...],
        *,
        now: float,
        token_kind: TokenKind = TokenKind.ACCESS,
        space_limit: frozenset[str] | None = None,
        session_id: str | None = None,
        token_expires_at: float | None = None,
    ) -> Principal:
        """The principal of ``user`` at hub time ``now`` (expired grants left out)."""
        active = tuple(g for g in grants if g.active(now))
        ends = [g.expires_at for g in active if g.expires_at is not None]
        return cls(
            user.id,
            user.username,
            user.role,
            active,
            token_kind,
            user.display_name,
            user.language,
            space_limit,
            min(ends) if ends else None,
            session_id,
            token_expires_at,
        )

    @property
    def is_owner(self) -> bool:
        """Whether the caller is an owner."""
        return self.role is Role.OWNER

    @property
    def signed_in(self) -> bool:
        """Whether the caller signed in with a password (an access token, not a script's)."""
        return self.token_kind is TokenKind.ACCESS

    @property
    def is_adult(self) -> bool:
        """Whether the caller is an owner or an adult."""
        return self.role in (Role.OWNER, Role.ADULT)

    def can_view_space(self, space_id: str) -> bool:
        """Whether the caller may see anything of the space."""
        if self.space_limit is not None and space_id not in self.space_limit:
            return False
        if self.is_owner:
            return True
        return any(g.space_id == space_id for g in self.grants)

    def can_view_household(self, space_id: str) -> bool:
        """Whether the caller may see who is at the space and its space-wide activity.

        The family may (owners, adults, children with access to the space); guests never.
        """
        return self.role is not Role.GUEST and self.can_view_space(space_id)

    def can_view_room(self, room: Room) -> bool:
        """Whether the caller may see the room (a grant covers it, or a device in it)."""
        if not self.can_view_space(room.space_id):
            return False
        if self.is_owner:
            return True
        return any(
            g.space_id == room.space_id and (g.whole_space or room.id in (g.room_ids or ()))
            for g in self.grants
        )

    def can_view_device(self, device: Device) -> bool:
        """Whether the caller may see the device and its state."""
        if not self.can_view_space(device.space_id):
            return False
        if self.is_owner:
            return True
        return any(_covers(g, device, self.username) for g in self.grants)

    def can_control_device(self, device: Device) -> bool:
        """Whether the caller may command the device (see the module docstring)."""
        if not self.can_view_device(device):
            return False
        if self.is_adult:
            return True
        if not is_security_device(device):
            return True
        return any(_names(g, device) for g in self.grants)

    def visible_space_ids(self, registry: Registry) -> set[str]:
        """The ids of the spaces the caller may see."""
        return {s.id for s in registry.spaces() if self.can_view_space(s.id)}
