"""The storage package's public names are a promise: changing them is a deliberate act."""

from __future__ import annotations

import orbithub.storage


def test_public_names() -> None:
    assert sorted(orbithub.storage.__all__) == [
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
    for name in orbithub.storage.__all__:
        assert hasattr(orbithub.storage, name)
