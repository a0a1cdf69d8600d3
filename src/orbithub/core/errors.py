"""Errors raised by the hub core."""

from __future__ import annotations

from orbithub.errors import OrbitHubError

__all__ = [
    "AdapterUnavailableError",
    "CoreError",
    "DuplicateIdError",
    "UnknownDeviceError",
    "UnknownRoomError",
    "UnknownSpaceError",
]


class CoreError(OrbitHubError):
    """Something the hub was asked to do cannot be done."""


class UnknownDeviceError(CoreError):
    """No device has the id given."""


class UnknownSpaceError(CoreError):
    """No space has the id given."""


class UnknownRoomError(CoreError):
    """No room has the id given, or it is in another space."""


class DuplicateIdError(CoreError):
    """A record with that id already exists."""


class AdapterUnavailableError(CoreError):
    """The adapter that owns a device is not running, so a command cannot be delivered."""
