"""Who may see and command what in one home of the fleet.

A signed-in person's rights in a home come from their membership there alone: the role of the
membership, over the whole home, and nothing beyond it (the principal is limited to that one
home). The single hub's rules then decide device by device (a child or a guest commands a
security device only when a grant names it, which a whole-home membership never does).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Final

from orbithub.access import Principal
from orbithub.core.registry import Device, Registry, Room, Space
from orbithub.spec.errors import SpecError
from orbithub.spec.library import device_type
from orbithub.storage.fleet import FleetDevice, FleetHome
from orbithub.storage.users import Grant, Role

__all__ = ["ADAPTER", "home_principal", "home_registry"]

_LOGGER = logging.getLogger(__name__)

ADAPTER: Final = "fleet"
"""The adapter name of every device a gateway knows: commands leave through NATS."""


def home_principal(base: Principal, home: str, role: Role) -> Principal:
    """The principal of a signed-in person inside one home where their role is ``role``."""
    grants: tuple[Grant, ...] = ()
    if role is not Role.OWNER:
        grants = (Grant(f"member:{home}", base.user_id, home, None, None, None, 0.0),)
    limit = frozenset({home})
    if base.space_limit is not None:
        limit &= base.space_limit
    return Principal(
        base.user_id,
        base.username,
        role,
        grants,
        base.token_kind,
        base.display_name,
        base.language,
        limit,
        None,
        base.session_id,
        base.token_expires_at,
    )


def home_registry(home: FleetHome, devices: Sequence[FleetDevice]) -> Registry:
    """One home's registry: the home as a space, its rooms, and its devices with their specs.

    A device of a type this version does not know is left out (logged): it cannot be checked,
    so it cannot be commanded either.
    """
    registry = Registry()
    registry.add_space(Space(home.id, home.name))
    for room in sorted({d.room for d in devices if d.room}):
        registry.add_room(Room(room, home.id, room))
    for item in devices:
        try:
            spec = device_type(item.type_id)
        except SpecError as exc:
            _LOGGER.warning("home %s: device %s left out: %s", home.id, item.id, exc)
            continue
        registry.add_device(
            Device(item.id, item.name, spec, home.id, ADAPTER, item.room, model=item.type_id)
        )
    return registry
