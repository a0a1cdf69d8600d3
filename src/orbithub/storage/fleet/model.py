"""What the fleet store takes and gives: reported values, leases, and the fencing error."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Final, TypeAlias

from orbithub.storage.errors import StorageError

__all__ = ["FencedError", "FleetChange", "FleetValue", "Lease", "check_home"]

FleetValue: TypeAlias = bool | int | float | str | None
"""A property value as a fleet stores it (a JSON scalar)."""

HOME_ID: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""A home id is one NATS subject token: no dots, spaces or wildcards."""

_MAX_NAME = 200
_SCALARS = (bool, int, float, str, type(None))


class FencedError(StorageError):
    """A commit carried a lease epoch that a later claim of its partition superseded."""


def check_home(home: object) -> str:
    """The home id, or ValueError saying what a home id may contain."""
    if not isinstance(home, str) or HOME_ID.fullmatch(home) is None:
        raise ValueError(
            f"home id {home!r} is not 1 to 64 letters, digits, '_' or '-' (it must be one "
            "NATS subject token)"
        )
    return home


@dataclass(frozen=True, slots=True)
class FleetChange:
    """One reported property value of one device of one home.

    Attributes:
        home: the home's id (see :func:`check_home`).
        device: the device's id within its home.
        prop: the property's readable path, e.g. ``light.brightness``.
        value: the reported value.
        ts: the device's own timestamp (timezone-aware); orders the readings of one property.
        seq: the stream sequence of the message that carried it (1 or more).
    """

    home: str
    device: str
    prop: str
    value: FleetValue
    ts: datetime
    seq: int

    def __post_init__(self) -> None:
        # Built from network input by the worker: a bad change is refused here, with its
        # reason, rather than failing a whole batch's transaction later.
        check_home(self.home)
        for what, name in (("device", self.device), ("property", self.prop)):
            if not isinstance(name, str) or not 1 <= len(name) <= _MAX_NAME:
                raise ValueError(f"{what} id {name!r} is not a text of 1 to {_MAX_NAME} characters")
        if not isinstance(self.value, _SCALARS):
            raise ValueError(
                f"value of {self.device}/{self.prop} is a {type(self.value).__name__}; a fleet "
                "stores a boolean, number, text or null"
            )
        if isinstance(self.value, float) and not math.isfinite(self.value):
            raise ValueError(f"value of {self.device}/{self.prop} is {self.value} (not storable)")
        if not isinstance(self.ts, datetime) or self.ts.utcoffset() is None:
            raise ValueError(f"timestamp {self.ts!r} must be a timezone-aware datetime")
        if not isinstance(self.seq, int) or isinstance(self.seq, bool) or self.seq < 1:
            raise ValueError(f"stream sequence {self.seq!r} must be a whole number of 1 or more")


@dataclass(frozen=True, slots=True)
class Lease:
    """A worker's hold on one partition, from :meth:`FleetStore.claim`.

    Attributes:
        partition: the partition number.
        epoch: strictly increasing per partition, one per claim; commits carry it.
        cursor: the last stream sequence applied for the partition when it was claimed (0 =
            none); messages at or below it are already in the database.
    """

    partition: int
    epoch: int
    cursor: int
