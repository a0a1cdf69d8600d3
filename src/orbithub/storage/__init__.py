"""Persistence: the registry, history (time series) and the event log, in SQLite or PostgreSQL.

Open a :class:`Database` (it migrates itself and stores the registry), run a
:class:`Recorder` on the hub's bus, and read back with the :mod:`history` queries
(``history.history``, ``history.latest_values``, ``history.events``, ``history.last_time``).
"""

from __future__ import annotations

from orbithub.storage import history
from orbithub.storage.db import DB_FILENAME, Database
from orbithub.storage.errors import (
    DatabaseUnreachableError,
    DataDirNotWritableError,
    MigrationError,
    SchemaTooNewError,
    StorageError,
    UnsupportedDatabaseError,
)
from orbithub.storage.history import EventRecord, HistoryPoint
from orbithub.storage.recorder import Recorder
from orbithub.storage.tables import EventKind

__all__ = [
    "DB_FILENAME",
    "DataDirNotWritableError",
    "Database",
    "DatabaseUnreachableError",
    "EventKind",
    "EventRecord",
    "HistoryPoint",
    "MigrationError",
    "Recorder",
    "SchemaTooNewError",
    "StorageError",
    "UnsupportedDatabaseError",
    "history",
]
