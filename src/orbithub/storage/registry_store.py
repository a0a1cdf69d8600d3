"""Persist the registry (spaces, rooms, devices and their device types) and load it back.

A device type is stored once per URN as the MIoT JSON that ``spec.miot.dump_spec`` writes;
devices reference it by URN, and loading rebuilds one shared :class:`DeviceType` per URN.
Everything here works inside a caller's transaction: the recorder writes registry changes in
the same transaction as its history batch, and :class:`~orbithub.storage.db.Database` wraps
these in one transaction each for its ``save_*`` / ``delete_*`` / ``load_registry`` methods.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from orbithub.core.registry import Device, Room, Space, SpaceKind
from orbithub.errors import OrbitHubError
from orbithub.spec.miot import dump_spec, load_spec
from orbithub.spec.model import DeviceType
from orbithub.storage.tables import device_types, devices, rooms, spaces

__all__ = ["put_devices", "put_rooms", "put_spaces", "read_registry", "remove"]

_LOGGER = logging.getLogger(__name__)

_Row = dict[str, object]


async def _upsert(
    conn: AsyncConnection, table: sa.Table, rows: Sequence[_Row], *, update: bool = True
) -> None:
    if not rows:
        return
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(table)
    key = [c.name for c in table.primary_key.columns]
    if update:
        changes = {c.name: stmt.excluded[c.name] for c in table.columns if c.name not in key}
        upsert = stmt.on_conflict_do_update(index_elements=key, set_=changes)
    else:
        upsert = stmt.on_conflict_do_nothing(index_elements=key)
    await conn.execute(upsert, list(rows))


def _space_row(space: Space) -> _Row:
    return {
        "id": space.id,
        "name": space.name,
        "kind": str(space.kind),
        "latitude": space.latitude,
        "longitude": space.longitude,
        "timezone": space.timezone,
        "aliases": list(space.aliases),
        "tracker_device_id": space.tracker_device_id,
        "radius_m": space.radius_m,
    }


def _room_row(room: Room) -> _Row:
    return {
        "id": room.id,
        "space_id": room.space_id,
        "name": room.name,
        "aliases": list(room.aliases),
        "floor": room.floor,
    }


def _device_row(device: Device) -> _Row:
    return {
        "id": device.id,
        "space_id": device.space_id,
        "name": device.name,
        "room_id": device.room_id,
        "adapter": device.adapter,
        "aliases": list(device.aliases),
        "model": device.model,
        "type_urn": str(device.spec.type),
        "owner": device.owner,
    }


async def put_spaces(conn: AsyncConnection, records: Iterable[Space]) -> None:
    """Insert or update spaces inside the caller's transaction."""
    await _upsert(conn, spaces, [_space_row(s) for s in records])


async def put_rooms(conn: AsyncConnection, records: Iterable[Room]) -> None:
    """Insert or update rooms inside the caller's transaction."""
    await _upsert(conn, rooms, [_room_row(r) for r in records])


async def put_devices(
    conn: AsyncConnection, records: Iterable[Device], stored_types: set[str] | None = None
) -> set[str]:
    """Insert or update devices, and store each device type not stored yet.

    Args:
        conn: a connection in a transaction.
        records: the devices.
        stored_types: URNs the caller knows are stored already (skips serialising them).

    Returns:
        The URNs of the device types written (new ones; existing rows are left alone).
    """
    records = list(records)
    known = stored_types or set()
    new_types: dict[str, DeviceType] = {}
    for device in records:
        urn = str(device.spec.type)
        if urn not in known:
            new_types.setdefault(urn, device.spec)
    # A device type's spec is fixed by its URN (vendor model and version are in it), so an
    # existing row is never rewritten.
    await _upsert(
        conn,
        device_types,
        [{"urn": urn, "spec": dump_spec(spec)} for urn, spec in new_types.items()],
        update=False,
    )
    await _upsert(conn, devices, [_device_row(d) for d in records])
    return set(new_types)


async def remove(conn: AsyncConnection, table: sa.Table, ids: Iterable[str]) -> None:
    """Delete the rows of ``table`` with these ids, inside the caller's transaction."""
    id_list = list(ids)
    if id_list:
        await conn.execute(sa.delete(table).where(table.c.id.in_(id_list)))


async def read_registry(conn: AsyncConnection) -> tuple[list[Space], list[Room], list[Device]]:
    """Every stored space, room and device, ready for ``Registry.load``.

    Records that cannot be rebuilt (a device type this version cannot read, an unknown space
    kind) are logged at ERROR and left out, so one bad row does not stop the hub starting.
    """
    space_rows = (await conn.execute(sa.select(spaces).order_by(spaces.c.id))).all()
    room_rows = (await conn.execute(sa.select(rooms).order_by(rooms.c.id))).all()
    type_rows = (await conn.execute(sa.select(device_types))).all()
    device_rows = (await conn.execute(sa.select(devices).order_by(devices.c.id))).all()

    loaded_spaces: list[Space] = []
    for row in space_rows:
        try:
            kind = SpaceKind(row.kind)
        except ValueError:
            _LOGGER.error(
                "space %r has kind %r, which this OrbitHub does not know; it is not loaded "
                "(upgrade OrbitHub or fix the row in the spaces table)",
                row.id,
                row.kind,
            )
            continue
        loaded_spaces.append(
            Space(
                row.id,
                row.name,
                kind,
                row.latitude,
                row.longitude,
                row.timezone,
                _strings(row.aliases),
                row.tracker_device_id,
                row.radius_m,
            )
        )
    loaded_rooms = [
        Room(row.id, row.space_id, row.name, _strings(row.aliases), row.floor) for row in room_rows
    ]
    types = _device_types([(str(r.urn), r.spec) for r in type_rows])
    loaded_devices: list[Device] = []
    for row in device_rows:
        spec = types.get(row.type_urn)
        if spec is None:
            _LOGGER.error(
                "device %r has device type %s, which is missing or unreadable; it is not "
                "loaded (add the device again to store its type)",
                row.id,
                row.type_urn,
            )
            continue
        loaded_devices.append(
            Device(
                row.id,
                row.name,
                spec,
                row.space_id,
                row.adapter,
                row.room_id,
                _strings(row.aliases),
                row.model,
                row.owner,
            )
        )
    return loaded_spaces, loaded_rooms, loaded_devices


def _device_types(rows: Iterable[tuple[str, object]]) -> dict[str, DeviceType]:
    out: dict[str, DeviceType] = {}
    for urn, spec in rows:
        try:
            out[urn] = load_spec(spec, source=f"stored device type {urn}")
        except OrbitHubError as exc:
            _LOGGER.error("stored device type %s cannot be read: %s", urn, exc)
    return out


def _strings(value: object) -> tuple[str, ...]:
    # Aliases are stored as a JSON list of strings; anything else reads as no aliases.
    return tuple(str(v) for v in value) if isinstance(value, list) else ()
