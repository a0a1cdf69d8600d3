"""Spaces, rooms and devices: what exists, where it is, and what it is called.

Records are frozen; a change replaces the record, so a reader holding one never sees it half
updated. Ids are stable strings chosen by whoever creates the record (the demo, an adapter's
discovery, the API), never derived from list positions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from orbithub.core.errors import (
    DuplicateIdError,
    UnknownDeviceError,
    UnknownRoomError,
    UnknownSpaceError,
)
from orbithub.spec.model import DeviceType

__all__ = ["DISCOVERED_PREFIXES", "Device", "Registry", "Room", "Space", "SpaceKind", "discovered"]

DISCOVERED_PREFIXES = ("mqtt:", "z2m:")
"""Id prefixes of devices made by Home Assistant discovery and zigbee2mqtt (ids announced on
OrbitHub's own protocol cannot hold a colon)."""


class SpaceKind(StrEnum):
    """The kinds of space a person lives, works or travels in."""

    HOME = "home"
    OFFICE = "office"
    VEHICLE = "vehicle"


@dataclass(frozen=True, slots=True)
class Space:
    """A home, an office, or a vehicle (a space that moves).

    Attributes:
        id: stable id.
        name: display name.
        kind: home, office or vehicle.
        latitude: WGS84 latitude in degrees, None when unknown.
        longitude: WGS84 longitude in degrees, None when unknown.
        timezone: IANA zone name, used for time-of-day logic.
        aliases: other names, in any language (``家``, ``my flat``).
        tracker_device_id: for a vehicle, the device whose location moves the space.
        radius_m: the geofence radius around the space's location, in metres: a phone or a
            vehicle closer than this is "at" the space.
    """

    id: str
    name: str
    kind: SpaceKind = SpaceKind.HOME
    latitude: float | None = None
    longitude: float | None = None
    timezone: str = "UTC"
    aliases: tuple[str, ...] = ()
    tracker_device_id: str | None = None
    radius_m: float = 150.0


@dataclass(frozen=True, slots=True)
class Room:
    """A room (or zone) of a space."""

    id: str
    space_id: str
    name: str
    aliases: tuple[str, ...] = ()
    floor: int | None = None


@dataclass(frozen=True, slots=True)
class Device:
    """One device: its spec, where it is, and which adapter speaks for it.

    Attributes:
        id: stable id (unique across the hub).
        name: display name.
        spec: the device type it follows.
        space_id: the space it belongs to.
        adapter: the name of the adapter that owns it (``sim``, ``mqtt``).
        room_id: its room, None for a device of the whole space (a car's climate).
        aliases: other names, in any language.
        model: the library key or vendor model it was created from (``orbithub.light``).
        owner: the person the device belongs to (a phone's user name), None for a shared
            device; presence is worked out per owner.
    """

    id: str
    name: str
    spec: DeviceType
    space_id: str
    adapter: str
    room_id: str | None = None
    aliases: tuple[str, ...] = ()
    model: str = ""
    owner: str | None = None


def discovered(device: Device) -> bool:
    """Whether the device arrived by Home Assistant or zigbee2mqtt discovery."""
    return device.id.startswith(DISCOVERED_PREFIXES)


class Registry:
    """The hub's index of spaces, rooms and devices. Loop only: never awaited, never locked."""

    def __init__(self) -> None:
        self._spaces: dict[str, Space] = {}
        self._rooms: dict[str, Room] = {}
        self._devices: dict[str, Device] = {}

    # -- spaces -------------------------------------------------------------------------------
    def add_space(self, space: Space, *, replace: bool = False) -> None:
        """Add a space (or replace it when ``replace``)."""
        if not replace and space.id in self._spaces:
            raise DuplicateIdError(f"a space with id {space.id!r} already exists")
        self._spaces[space.id] = space

    def space(self, space_id: str) -> Space:
        """The space with this id.

        Raises:
            UnknownSpaceError: no such space.
        """
        try:
            return self._spaces[space_id]
        except KeyError:
            raise UnknownSpaceError(
                f"no space {space_id!r}; known spaces: {', '.join(self._spaces) or 'none'}"
            ) from None

    def spaces(self) -> list[Space]:
        """Every space, in insertion order."""
        return list(self._spaces.values())

    def move_space(self, space_id: str, latitude: float, longitude: float) -> Space:
        """Set a space's location (a vehicle moving); returns the new record."""
        moved = dataclasses.replace(self.space(space_id), latitude=latitude, longitude=longitude)
        self._spaces[space_id] = moved
        return moved

    # -- rooms --------------------------------------------------------------------------------
    def add_room(self, room: Room, *, replace: bool = False) -> None:
        """Add a room of an existing space."""
        self.space(room.space_id)
        if not replace and room.id in self._rooms:
            raise DuplicateIdError(f"a room with id {room.id!r} already exists")
        self._rooms[room.id] = room

    def room(self, room_id: str) -> Room:
        """The room with this id.

        Raises:
            UnknownRoomError: no such room.
        """
        try:
            return self._rooms[room_id]
        except KeyError:
            raise UnknownRoomError(f"no room {room_id!r}") from None

    def rooms(self, space_id: str | None = None) -> list[Room]:
        """Every room, or those of one space."""
        return [r for r in self._rooms.values() if space_id is None or r.space_id == space_id]

    # -- devices ------------------------------------------------------------------------------
    def add_device(self, device: Device, *, replace: bool = False) -> None:
        """Add a device to an existing space (and room, when it names one)."""
        self.space(device.space_id)
        if device.room_id is not None and self.room(device.room_id).space_id != device.space_id:
            raise UnknownRoomError(f"room {device.room_id!r} is not in space {device.space_id!r}")
        if not replace and device.id in self._devices:
            raise DuplicateIdError(f"a device with id {device.id!r} already exists")
        self._devices[device.id] = device

    def remove_device(self, device_id: str) -> Device:
        """Remove a device; returns the record removed."""
        device = self.device(device_id)
        del self._devices[device_id]
        return device

    def device(self, device_id: str) -> Device:
        """The device with this id.

        Raises:
            UnknownDeviceError: no such device.
        """
        device = self._devices.get(device_id)
        if device is None:
            raise UnknownDeviceError(f"no device {device_id!r}; `orbithub devices` lists them")
        return device

    def find_device(self, device_id: str) -> Device | None:
        """The device with this id, or None; for hot paths that handle absence themselves."""
        return self._devices.get(device_id)

    def devices(
        self,
        *,
        space_id: str | None = None,
        room_id: str | None = None,
        adapter: str | None = None,
    ) -> list[Device]:
        """Devices, optionally filtered by space, room and owning adapter."""
        return [
            d
            for d in self._devices.values()
            if (space_id is None or d.space_id == space_id)
            and (room_id is None or d.room_id == room_id)
            and (adapter is None or d.adapter == adapter)
        ]

    def __iter__(self) -> Iterator[Device]:
        return iter(self._devices.values())

    def __len__(self) -> int:
        return len(self._devices)

    def load(
        self, spaces: Iterable[Space], rooms: Iterable[Room], devices: Iterable[Device]
    ) -> None:
        """Fill an empty registry from stored records (start-up)."""
        for space in spaces:
            self.add_space(space, replace=True)
        for room in rooms:
            self.add_room(room, replace=True)
        for device in devices:
            self.add_device(device, replace=True)
