"""Open the database (SQLite file by default, PostgreSQL by URL), migrate it, and close it.

SQLite runs in WAL mode with ``synchronous=NORMAL``. In WAL mode NORMAL skips the fsync on each
commit and syncs at checkpoints instead: a commit that has returned is in the WAL file (written
to the operating system), so it survives the process being killed (even ``kill -9``) but the
last few commits can be lost if the machine loses power. The recorder's "committed" guarantee
is about process death, so NORMAL keeps it while making each batch commit cheap; a home that
needs power-loss durability can run PostgreSQL (or set ``synchronous=FULL``, not exposed yet).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

from orbithub.core.registry import Device, Room, Space
from orbithub.files import create_private, secure_data_dir
from orbithub.storage import registry_store, tables
from orbithub.storage.errors import (
    DatabaseUnreachableError,
    DataDirNotWritableError,
    MigrationError,
    SchemaTooNewError,
    StorageError,
    UnsupportedDatabaseError,
)

__all__ = ["DB_FILENAME", "Database"]

_LOGGER = logging.getLogger(__name__)

DB_FILENAME: Final = "orbithub.db"
"""The SQLite file created in the data directory when no URL is given."""

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"

SCHEMA_HEAD: Final = "0007"
"""The newest schema revision (a test checks it against the migration scripts).

A database already there opens without loading alembic at all: alembic and the revision
scripts cost about 11 MiB of a small box's memory for as long as the hub runs.
"""

if TYPE_CHECKING:
    from alembic.config import Config
_SQLITE_DRIVERS = {"sqlite", "sqlite+aiosqlite", "sqlite+pysqlite"}
_POSTGRES_DRIVERS = {"postgres", "postgresql", "postgresql+asyncpg", "postgresql+psycopg2"}
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def _json_dumps(value: object) -> str:
    # orjson is several times faster than json and the JSON columns are written per batch row.
    return orjson.dumps(value).decode()


class Database:
    """An open database with the current schema; share one per process.

    Use :meth:`open` to get one and :meth:`close` when done. Queries go through
    :attr:`engine` (``async with db.engine.begin() as conn``) or the helpers in ``history``,
    ``registry_store`` and the recorder.
    """

    def __init__(self, engine: AsyncEngine, display_url: str) -> None:
        self.engine = engine
        self.url = display_url
        """The database URL with any password hidden, for logs and messages."""

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @classmethod
    async def open(
        cls,
        url: str | None = None,
        *,
        data_dir: Path | None = None,
        schema: str | None = None,
        connect_timeout: float = 10.0,
        busy_timeout: float = 5.0,
    ) -> Database:
        """Connect, migrate the schema to the newest revision, and return the database.

        Args:
            url: ``postgresql://user:pass@host/db`` for PostgreSQL, ``sqlite:///path`` for a
                SQLite file elsewhere, or None for ``<data_dir>/orbithub.db``.
            data_dir: the hub's data directory; created when missing. Only a SQLite database
                needs one: a PostgreSQL process without local files (a fleet worker or
                gateway) leaves it out.
            schema: PostgreSQL only: the schema holding the tables (it must exist). Lets
                several hubs, or tests, share one database.
            connect_timeout: seconds to wait for the server before giving up.
            busy_timeout: SQLite only: seconds a writer waits for another writer's lock.

        Returns:
            The open database.

        Raises:
            DataDirNotWritableError: the data directory cannot be created or written.
            DatabaseUnreachableError: the database cannot be reached or opened.
            SchemaTooNewError: a newer OrbitHub migrated this database.
            UnsupportedDatabaseError: the URL names another kind of database.
        """
        target = _resolve_url(url, data_dir)
        display = target.render_as_string(hide_password=True)
        if data_dir is not None:
            await asyncio.to_thread(_check_writable_dir, data_dir)
            await asyncio.to_thread(secure_data_dir, data_dir)
        if target.get_backend_name() == "sqlite":
            if schema is not None:
                raise UnsupportedDatabaseError(
                    f"schema={schema!r} applies to PostgreSQL only; drop it for {display}"
                )
            # _resolve_url never returns an in-memory URL, so there is always a file name.
            db_file = Path(target.database or "")
            await asyncio.to_thread(_check_writable_dir, db_file.parent)
            await asyncio.to_thread(_private_file, db_file)
            engine = _sqlite_engine(target, busy_timeout)
        else:
            engine = _postgres_engine(target, schema, connect_timeout)
        db = cls(engine, display)
        try:
            await db._migrate(connect_timeout)
        except BaseException:
            await engine.dispose()
            raise
        _LOGGER.info("database open: %s", display)
        return db

    async def close(self) -> None:
        """Close every pooled connection. The database must not be used afterwards."""
        await self.engine.dispose()

    @contextlib.asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncConnection]:
        """A connection in a transaction, committed when the block exits without error."""
        async with self.engine.begin() as conn:
            yield conn

    async def load_registry(self) -> tuple[list[Space], list[Room], list[Device]]:
        """Every stored space, room and device, ready for ``Registry.load``.

        Records that cannot be rebuilt (a device type this version cannot read) are logged at
        ERROR and left out, so one bad row does not stop the hub starting.
        """
        async with self.engine.connect() as conn:
            return await registry_store.read_registry(conn)

    async def save_space(self, space: Space) -> None:
        """Store a space (insert or update)."""
        async with self.engine.begin() as conn:
            await registry_store.put_spaces(conn, [space])

    async def save_room(self, room: Room) -> None:
        """Store a room (insert or update)."""
        async with self.engine.begin() as conn:
            await registry_store.put_rooms(conn, [room])

    async def save_device(self, device: Device) -> None:
        """Store a device (insert or update), and its device type when it is not stored yet."""
        async with self.engine.begin() as conn:
            await registry_store.put_devices(conn, [device])

    async def delete_device(self, device_id: str) -> None:
        """Forget a device; its history and events stay until retention purges them."""
        async with self.engine.begin() as conn:
            await registry_store.remove(conn, tables.devices, [device_id])

    async def delete_room(self, room_id: str) -> None:
        """Forget a room (devices naming it are not touched)."""
        async with self.engine.begin() as conn:
            await registry_store.remove(conn, tables.rooms, [room_id])

    async def delete_space(self, space_id: str) -> None:
        """Forget a space (its rooms and devices are not touched; delete them first)."""
        async with self.engine.begin() as conn:
            await registry_store.remove(conn, tables.spaces, [space_id])

    async def revision(self) -> str | None:
        """The schema revision the database is at (None before the first migration)."""
        async with self.engine.connect() as conn:
            heads = await conn.run_sync(_stored_revisions)
        return min(heads) if heads else None

    async def _migrate(self, connect_timeout: float) -> None:
        try:
            async with asyncio.timeout(connect_timeout), self.engine.connect() as conn:
                if await conn.run_sync(_stored_revisions) == {SCHEMA_HEAD}:
                    return
        except (OSError, TimeoutError, sa.exc.DBAPIError) as exc:
            raise DatabaseUnreachableError(_unreachable_message(self, exc)) from exc
        await self._upgrade_schema(connect_timeout)

    async def _upgrade_schema(self, connect_timeout: float) -> None:
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS))
        # Reading the revision files is file I/O: keep it off the loop.
        script = await asyncio.to_thread(ScriptDirectory.from_config, config)
        known = await asyncio.to_thread(lambda: {s.revision for s in script.walk_revisions()})
        heads = set(script.get_heads())
        try:
            async with asyncio.timeout(connect_timeout):
                conn = await self.engine.connect()
        except (OSError, TimeoutError, sa.exc.DBAPIError) as exc:
            raise DatabaseUnreachableError(_unreachable_message(self, exc)) from exc
        # No timeout from here: a later migration of a big history table may take minutes.
        # When one is needed, alembic reads env.py and the revision modules on the loop's
        # thread (it must run inside the connection's greenlet); that happens once per upgrade.
        try:
            async with conn.begin():
                await conn.run_sync(_upgrade, config, known, heads, self.url)
        except StorageError:
            raise
        except (OSError, sa.exc.DBAPIError) as exc:
            raise MigrationError(
                f"migrating the database {self.url} to schema {', '.join(sorted(heads))} "
                f"failed: {_detail(exc)}; on PostgreSQL nothing was changed (its DDL is "
                "transactional); on SQLite restore a backup of the file; then report the error"
            ) from exc
        finally:
            await conn.close()


def _stored_revisions(conn: Connection) -> set[str]:
    """The revisions alembic recorded, read without alembic (empty for a new database)."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return set()
    return {str(r) for r in conn.scalars(sa.text("SELECT version_num FROM alembic_version"))}


_MIGRATION_LOCK: Final = 0x0B17_4B0B
"""The PostgreSQL advisory lock key that one migrating process holds at a time."""


def _upgrade(conn: Connection, config: Config, known: set[str], heads: set[str], url: str) -> None:
    if conn.dialect.name == "postgresql":
        # Workers and gateways of a fleet start together, each migrating the database it
        # opens: one migrates, the others wait here and then find it done. The lock ends
        # with this transaction.
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
    if (
        conn.dialect.name == "postgresql"
        and conn.scalar(sa.text("SELECT current_schema()")) is None
    ):
        raise StorageError(
            f"the database {url} has no schema to create OrbitHub's tables in (the schema "
            "named in search_path does not exist); create it with CREATE SCHEMA first"
        )
    current = _stored_revisions(conn)
    unknown = current - known
    if unknown:
        raise SchemaTooNewError(
            f"the database {url} is at schema revision {', '.join(sorted(unknown))}, which this "
            f"OrbitHub does not know (it knows up to {', '.join(sorted(heads))}); a newer "
            "OrbitHub migrated it: upgrade OrbitHub, or restore a backup made before the upgrade"
        )
    if current == heads:
        return
    _LOGGER.info("migrating %s from %s to %s", url, sorted(current) or "empty", sorted(heads))
    # env.py picks the connection up from here instead of opening its own.
    config.attributes["connection"] = conn
    from alembic import command

    command.upgrade(config, "head")


def _detail(exc: BaseException) -> str:
    # The driver's own message, without SQLAlchemy's statement dump and background link.
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _unreachable_message(db: Database, exc: BaseException) -> str:
    detail = _detail(exc)
    if db.dialect == "sqlite":
        return (
            f"cannot open the SQLite database {db.url}: {detail}; check that the file is an "
            "OrbitHub database and that no other program holds it locked"
        )
    return (
        f"cannot reach the database {db.url}: {detail}; check that the server is running, "
        "that the host, port, user and password in the URL are right, and that the database exists"
    )


def _resolve_url(url: str | None, data_dir: Path | None) -> URL:
    if url is None:
        if data_dir is None:
            raise UnsupportedDatabaseError(
                "no database URL and no data directory: give a postgresql:// URL, or a data "
                "directory for the SQLite file"
            )
        return URL.create("sqlite+aiosqlite", database=str(data_dir / DB_FILENAME))
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise UnsupportedDatabaseError(
            f"cannot parse the database URL {url.split('@')[-1]!r}: {exc}; write it as "
            "postgresql://user:password@host:5432/dbname or sqlite:///path/to/file.db"
        ) from None
    if parsed.drivername in _SQLITE_DRIVERS:
        if not parsed.database or parsed.database == ":memory:":
            raise UnsupportedDatabaseError(
                "an in-memory SQLite database would lose everything at exit; give a file "
                "(sqlite:///path/to/orbithub.db) or leave the URL unset to use the data directory"
            )
        return parsed.set(drivername="sqlite+aiosqlite")
    if parsed.drivername in _POSTGRES_DRIVERS:
        return parsed.set(drivername="postgresql+asyncpg")
    raise UnsupportedDatabaseError(
        f"OrbitHub stores data in SQLite or PostgreSQL, not {parsed.drivername!r} "
        f"({parsed.render_as_string(hide_password=True)}); use a postgresql:// URL or none"
    )


def _check_writable_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
        # os.access says yes to root on read-only mounts; creating a file is the real test.
        fd, probe = tempfile.mkstemp(prefix=".orbithub-probe-", dir=path)
        os.close(fd)
        Path(probe).unlink()
    except OSError as exc:
        raise DataDirNotWritableError(
            f"the data directory {path} cannot be written ({exc.strerror or exc}); create it "
            "and give the user running OrbitHub write access, or choose another data directory"
        ) from exc


def _private_file(db_file: Path) -> None:
    """The database file (and the WAL/SHM files SQLite derives from it) readable by us only."""
    create_private(db_file)
    for path in (db_file, Path(f"{db_file}-wal"), Path(f"{db_file}-shm")):
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)


def _sqlite_engine(url: URL, busy_timeout: float) -> AsyncEngine:
    engine = create_async_engine(
        url,
        json_serializer=_json_dumps,
        json_deserializer=orjson.loads,
        connect_args={"timeout": busy_timeout},
    )
    busy_ms = int(busy_timeout * 1000)

    def on_connect(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        cursor = dbapi_connection.cursor()
        # See the module docstring for why NORMAL is enough in WAL mode.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()

    sa.event.listen(engine.sync_engine, "connect", on_connect)
    return engine


def _postgres_engine(url: URL, schema: str | None, connect_timeout: float) -> AsyncEngine:
    connect_args: dict[str, object] = {"timeout": connect_timeout}
    if schema is not None:
        if not _SCHEMA_NAME.match(schema):
            raise UnsupportedDatabaseError(
                f"schema {schema!r} is not a plain SQL name; use letters, digits and underscores"
            )
        # Every unqualified table name, alembic's version table included, resolves here.
        connect_args["server_settings"] = {"search_path": schema}
    return create_async_engine(
        url,
        json_serializer=_json_dumps,
        json_deserializer=orjson.loads,
        connect_args=connect_args,
        pool_pre_ping=True,
    )
