"""Errors raised by storage: each one says what went wrong and what to do about it."""

from __future__ import annotations

from orbithub.errors import OrbitHubError

__all__ = [
    "DataDirNotWritableError",
    "DatabaseUnreachableError",
    "MigrationError",
    "SchemaTooNewError",
    "StorageError",
    "UnsupportedDatabaseError",
]


class StorageError(OrbitHubError):
    """The database could not be opened, migrated, read or written."""


class DataDirNotWritableError(StorageError):
    """The data directory (where the SQLite file lives) cannot be created or written."""


class DatabaseUnreachableError(StorageError):
    """The database server did not answer, refused the connection or rejected the login."""


class MigrationError(StorageError):
    """Bringing the schema up to date failed part way."""


class SchemaTooNewError(StorageError):
    """The database was migrated by a newer OrbitHub than the one running."""


class UnsupportedDatabaseError(StorageError):
    """The database URL names a kind of database OrbitHub does not speak."""
