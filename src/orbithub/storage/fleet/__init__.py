"""Fleet mode's storage: many homes in one PostgreSQL database.

Workers claim partitions and commit batches through :class:`FleetStore` (one transaction per
batch: state, history and the partition's cursor, fenced by the lease's epoch). A single hub
on SQLite has none of these tables; see ``docs/fleet.md`` for the layout.
"""

from __future__ import annotations

from orbithub.storage.fleet.homes import FleetDevice, FleetHome, FleetHomes, UnknownHomeError
from orbithub.storage.fleet.model import FencedError, FleetChange, FleetValue, Lease, check_home
from orbithub.storage.fleet.months import HOME_BUCKETS
from orbithub.storage.fleet.store import Applied, FleetStore

__all__ = [
    "HOME_BUCKETS",
    "Applied",
    "FencedError",
    "FleetChange",
    "FleetDevice",
    "FleetHome",
    "FleetHomes",
    "FleetStore",
    "FleetValue",
    "Lease",
    "UnknownHomeError",
    "check_home",
]
