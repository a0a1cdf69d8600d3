"""Which partition a home belongs to: the same number NATS gives it in the stream's transform.

The stream stores ``orbit.<home>.…`` as ``part.<p>.orbit.<home>.…`` with the subject transform
``{{partition(N,1)}}``; NATS computes that as FNV-1a (32 bit) of the home token, modulo N. The
storage and the workers need the same number without asking the server, so it is computed here
and checked against a real server in the tests.
"""

from __future__ import annotations

import re

from orbithub.fleet.errors import FleetError

__all__ = ["HOME_PATTERN", "check_home", "partition_of"]

HOME_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""A home id is one NATS subject token and one MQTT topic level: no dots, spaces or wildcards."""

_FNV_OFFSET = 0x811C9DC5
_FNV_PRIME = 0x01000193
_MASK = 0xFFFFFFFF


def check_home(home: str) -> str:
    """``home`` if it can name a home in a fleet, else FleetError saying what is allowed."""
    if HOME_PATTERN.fullmatch(home) is None:
        raise FleetError(f"home id {home!r} must be 1-64 characters of A-Z, a-z, 0-9, _ or -")
    return home


def partition_of(home: str, partitions: int) -> int:
    """The partition (0 ≤ p < ``partitions``) of ``home``, as the stream's transform puts it.

    Raises:
        FleetError: the home id is not one subject token, or ``partitions`` is below 1.
    """
    if partitions < 1:
        raise FleetError(f"a fleet needs at least one partition, got {partitions}")
    digest = _FNV_OFFSET
    for byte in check_home(home).encode("ascii"):
        digest = ((digest ^ byte) * _FNV_PRIME) & _MASK
    return digest % partitions
