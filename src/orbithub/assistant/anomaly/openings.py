"""Tell the contact sensors on windows from those on doors, by what people call them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from orbithub.core.registry import Device, Room

__all__ = ["is_window"]

# "窗" but not "窗帘" (a curtain); "door" but not "indoor" / "outdoor".
_WINDOW = re.compile(r"window|窗(?!帘)", re.IGNORECASE)
_DOOR = re.compile(r"\bdoor|门", re.IGNORECASE)


def _says(names: Iterable[str], pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(name) for name in names)


def is_window(device: Device, room: Room | None) -> bool:
    """Whether a contact sensor watches a window rather than a door.

    The device's own name and aliases decide first; a sensor named neither way is a window when
    its room is one (a bay window, "飘窗"). A name that says both ("门窗传感器", the usual
    Chinese product name, or "door/window sensor") stays a door: its shorter open limit is the
    safe mistake.
    """
    own = (device.name, *device.aliases)
    if _says(own, _DOOR):
        return False
    if _says(own, _WINDOW):
        return True
    if room is None:
        return False
    return _says((room.name, *room.aliases), _WINDOW) and not _says(
        (room.name, *room.aliases), _DOOR
    )
