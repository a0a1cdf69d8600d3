"""Pooled connections to the fleet's database, with failures said as storage errors."""

from __future__ import annotations

import contextlib
from typing import Any

import asyncpg

from orbithub.storage.errors import DatabaseUnreachableError, StorageError

__all__ = ["CONNECTION_ERRORS", "Connection"]

CONNECTION_ERRORS = (
    OSError,
    TimeoutError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
)
"""What a lost or refused connection raises (a retry may succeed once the server is back)."""


class Connection:
    """A pooled connection whose failures become storage errors that say what to do."""

    def __init__(self, pool: asyncpg.Pool, url: str) -> None:
        self._pool = pool
        self._url = url
        self._conn: Any = None

    async def __aenter__(self) -> asyncpg.Connection:
        try:
            self._conn = await self._pool.acquire()
        except CONNECTION_ERRORS as exc:
            raise DatabaseUnreachableError(_unreachable(self._url, exc)) from exc
        return self._conn  # type: ignore[no-any-return]

    async def __aexit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, CONNECTION_ERRORS):
            # A connection the server ended (a restart) can be left mid-protocol; the pool
            # opens a fresh one in its place at the next acquire. (One the pool already took
            # back needs nothing more.)
            with contextlib.suppress(asyncpg.InterfaceError):
                self._conn.terminate()
        await self._pool.release(self._conn)
        if isinstance(exc, CONNECTION_ERRORS):
            raise DatabaseUnreachableError(_unreachable(self._url, exc)) from exc
        if isinstance(exc, asyncpg.PostgresError):
            # A refused statement (a failover's read-only server, a lock timeout): the
            # transaction was rolled back, and the caller's retry decides what to do.
            raise StorageError(
                f"the database {self._url} refused a statement: {exc}; nothing of that "
                "transaction was kept"
            ) from exc


def _unreachable(url: str, exc: BaseException) -> str:
    return (
        f"lost the database {url}: {exc or type(exc).__name__}; nothing of the failed "
        "transaction was kept, so it is safe to retry once the server is back"
    )
