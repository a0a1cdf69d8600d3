"""The fleet's homes, their devices (the registry per home) and who may use each home.

A person signs in with the accounts a hub already has (``users``); what they may see and do in
the fleet comes only from their memberships: one role per home (owner, adult, child, guest),
with the single hub's meaning within that home. No membership, no home: every query here
takes the home, and the gateway asks :meth:`FleetHomes.role` before reading anything of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import asyncpg

from orbithub.storage.errors import StorageError
from orbithub.storage.fleet.model import check_home
from orbithub.storage.fleet.pool import Connection
from orbithub.storage.users import Role

__all__ = ["FleetDevice", "FleetHome", "FleetHomes", "UnknownHomeError"]


class UnknownHomeError(StorageError):
    """No home with that id is provisioned (or the user named does not exist)."""


@dataclass(frozen=True, slots=True)
class FleetHome:
    """A provisioned home.

    Attributes:
        id: the home's id (one NATS subject token).
        name: its display name.
    """

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class FleetDevice:
    """A device of a home, as its registry keeps it.

    Attributes:
        home: the home's id.
        id: the device's id within its home.
        name: display name.
        type_id: the device type it follows (a library key such as ``light``).
        room: its room's name, None for the whole home.
    """

    home: str
    id: str
    name: str
    type_id: str
    room: str | None = None


_PUT_HOME = """
INSERT INTO fleet_homes (home, name) VALUES ($1, $2)
ON CONFLICT (home) DO UPDATE SET name = EXCLUDED.name
"""
_PUT_DEVICES = """
INSERT INTO fleet_devices (home, device, name, type_id, room)
SELECT $1, d, n, t, r FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS u(d, n, t, r)
ON CONFLICT (home, device) DO UPDATE
SET name = EXCLUDED.name, type_id = EXCLUDED.type_id, room = EXCLUDED.room
"""
_PUT_MEMBER = """
INSERT INTO fleet_members (home, user_id, role) VALUES ($1, $2, $3)
ON CONFLICT (home, user_id) DO UPDATE SET role = EXCLUDED.role
"""


class FleetHomes:
    """Homes, devices and memberships; reached as :attr:`FleetStore.homes`."""

    def __init__(self, connection: Callable[[], Connection]) -> None:
        self._connection = connection

    async def put_home(self, home: str, name: str) -> None:
        """Provision a home, or rename it."""
        check_home(home)
        async with self._connection() as conn:
            await conn.execute(_PUT_HOME, home, name)

    async def home(self, home: str) -> FleetHome | None:
        """One home, or None when it is not provisioned."""
        check_home(home)
        async with self._connection() as conn:
            row = await conn.fetchrow("SELECT home, name FROM fleet_homes WHERE home = $1", home)
        return None if row is None else FleetHome(row["home"], row["name"])

    async def count(self) -> int:
        """How many homes are provisioned."""
        async with self._connection() as conn:
            return int(await conn.fetchval("SELECT count(*) FROM fleet_homes"))

    async def put_devices(self, home: str, devices: Sequence[FleetDevice]) -> None:
        """Add or update devices of one home (all of ``devices`` must be of ``home``).

        Raises:
            UnknownHomeError: the home is not provisioned.
            ValueError: a device belongs to another home.
        """
        check_home(home)
        if any(d.home != home for d in devices):
            raise ValueError(f"every device put into home {home!r} must name that home")
        try:
            async with self._connection() as conn:
                await conn.execute(
                    _PUT_DEVICES,
                    home,
                    [d.id for d in devices],
                    [d.name for d in devices],
                    [d.type_id for d in devices],
                    [d.room for d in devices],
                )
        except StorageError as exc:
            if not isinstance(exc.__cause__, asyncpg.ForeignKeyViolationError):
                raise
            raise UnknownHomeError(f"no home {home!r}; provision it first") from None

    async def devices(self, home: str) -> list[FleetDevice]:
        """The devices of one home, ordered by id."""
        check_home(home)
        async with self._connection() as conn:
            rows = await conn.fetch(
                "SELECT device, name, type_id, room FROM fleet_devices WHERE home = $1 "
                "ORDER BY device",
                home,
            )
        return [FleetDevice(home, r["device"], r["name"], r["type_id"], r["room"]) for r in rows]

    async def put_member(self, home: str, user_id: str, role: Role) -> None:
        """Let a user into a home with a role (or change their role there).

        Raises:
            UnknownHomeError: the home is not provisioned or the user does not exist.
        """
        check_home(home)
        try:
            async with self._connection() as conn:
                await conn.execute(_PUT_MEMBER, home, user_id, str(Role(role)))
        except StorageError as exc:
            if not isinstance(exc.__cause__, asyncpg.ForeignKeyViolationError):
                raise
            raise UnknownHomeError(
                f"no home {home!r} or no user {user_id!r}; provision the home and create the "
                "user first"
            ) from None

    async def remove_member(self, home: str, user_id: str) -> bool:
        """Take a user out of a home; whether they were in it."""
        check_home(home)
        async with self._connection() as conn:
            status: str = await conn.execute(
                "DELETE FROM fleet_members WHERE home = $1 AND user_id = $2", home, user_id
            )
        return status != "DELETE 0"

    async def role(self, user_id: str, home: str) -> Role | None:
        """The user's role in the home; None when they may not see it at all."""
        try:
            check_home(home)
        except ValueError:
            return None
        async with self._connection() as conn:
            role = await conn.fetchval(
                "SELECT role FROM fleet_members WHERE home = $1 AND user_id = $2", home, user_id
            )
        return None if role is None else Role(role)

    async def memberships(self, user_id: str) -> list[tuple[FleetHome, Role]]:
        """Every home the user may see with their role there, ordered by home id."""
        async with self._connection() as conn:
            rows = await conn.fetch(
                "SELECT h.home, h.name, m.role FROM fleet_members m "
                "JOIN fleet_homes h ON h.home = m.home WHERE m.user_id = $1 ORDER BY h.home",
                user_id,
            )
        return [(FleetHome(r["home"], r["name"]), Role(r["role"])) for r in rows]
