"""Registry integrity: ids are unique and records point at things that exist."""

from __future__ import annotations

import pytest

from orbithub.core.errors import (
    DuplicateIdError,
    UnknownDeviceError,
    UnknownRoomError,
    UnknownSpaceError,
)
from orbithub.core.registry import Device, Registry, Room, Space

from .conftest import light_type


def test_records_must_point_at_existing_parents() -> None:
    reg = Registry()
    with pytest.raises(UnknownSpaceError):
        reg.add_room(Room("r", "nowhere", "Room"))
    reg.add_space(Space("home", "Home"))
    reg.add_space(Space("office", "Office"))
    reg.add_room(Room("r", "home", "Room"))
    with pytest.raises(UnknownRoomError):
        reg.add_device(Device("d", "D", light_type(), "office", "sim", "r"))
    with pytest.raises(DuplicateIdError):
        reg.add_space(Space("home", "Again"))
    reg.add_device(Device("d", "D", light_type(), "home", "sim", "r"))
    with pytest.raises(DuplicateIdError):
        reg.add_device(Device("d", "D", light_type(), "home", "sim"))
    assert [d.id for d in reg.devices(room_id="r")] == ["d"]
    assert reg.devices(space_id="office") == []
    reg.remove_device("d")
    with pytest.raises(UnknownDeviceError, match="orbithub devices"):
        reg.device("d")
