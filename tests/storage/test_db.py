"""Opening the database: URLs, migrations, and the errors that tell the user what to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from orbithub.storage import (
    DB_FILENAME,
    Database,
    DatabaseUnreachableError,
    DataDirNotWritableError,
    MigrationError,
    SchemaTooNewError,
    StorageError,
    UnsupportedDatabaseError,
    migrations,
)
from orbithub.storage.db import SCHEMA_HEAD
from orbithub.storage.tables import metadata
from tests.conftest import service_url
from tests.storage.conftest import POSTGRES_URL_VARIABLE, Target


def _head() -> str:
    """The newest schema revision this version ships, read from the migration scripts."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


HEAD = _head()


async def test_default_is_a_sqlite_file_in_wal_mode(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh" / "data"
    db = await Database.open(data_dir=data_dir)
    try:
        assert (data_dir / DB_FILENAME).is_file()
        assert db.dialect == "sqlite"
        async with db.engine.connect() as conn:
            assert await conn.scalar(sa.text("PRAGMA journal_mode")) == "wal"
            # 1 = NORMAL: safe against a killed process in WAL mode (see db.py).
            assert await conn.scalar(sa.text("PRAGMA synchronous")) == 1
            assert await conn.scalar(sa.text("PRAGMA busy_timeout")) == 5000
    finally:
        await db.close()


async def test_sqlite_url_elsewhere(tmp_path: Path) -> None:
    file = tmp_path / "elsewhere" / "hub.sqlite"
    db = await Database.open(f"sqlite:///{file}", data_dir=tmp_path / "data")
    try:
        assert file.is_file()
        assert await db.revision() == HEAD
    finally:
        await db.close()


async def test_migrations_are_idempotent(target: Target) -> None:
    for _ in range(3):
        db = await target.open()
        try:
            assert await db.revision() == HEAD
        finally:
            await db.close()


def _hub_table(name: str | None, kind: str, _parent: object) -> bool:
    # Fleet tables (PostgreSQL only, partitioned by hand) are checked in tests/storage/fleet.
    return not (kind == "table" and name is not None and name.startswith("fleet_"))


async def test_migrated_schema_matches_the_tables(db: Database) -> None:
    def diff(conn: sa.Connection) -> list[object]:
        context = MigrationContext.configure(conn, opts={"include_name": _hub_table})
        return list(compare_metadata(context, metadata))

    async with db.engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_schema_newer_than_the_code_is_refused(target: Target) -> None:
    db = await target.open()
    try:
        async with db.begin() as conn:
            await conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        await db.close()
    with pytest.raises(SchemaTooNewError, match=r"9999.*upgrade OrbitHub"):
        await target.open()


async def test_data_dir_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(DataDirNotWritableError, match=r"a-file.*write access"):
        await Database.open(data_dir=blocker / "data")


async def test_unreachable_postgres_names_the_url_without_password(tmp_path: Path) -> None:
    # Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    url = "postgresql://orbit:s3cret-pw@127.0.0.1:9/orbithub"
    with pytest.raises(DatabaseUnreachableError) as caught:
        await Database.open(url, data_dir=tmp_path, connect_timeout=5)
    message = str(caught.value)
    assert "s3cret-pw" not in message
    assert "orbit:***@127.0.0.1:9/orbithub" in message
    assert "server is running" in message


async def test_corrupt_sqlite_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / DB_FILENAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseUnreachableError, match="OrbitHub database"):
        await Database.open(data_dir=tmp_path)


@pytest.mark.parametrize(
    ("url", "match"),
    [
        ("mysql://u:p@host/db", "SQLite or PostgreSQL"),
        ("sqlite://", "in-memory"),
        ("sqlite:///:memory:", "in-memory"),
        ("not a url", "cannot parse"),
    ],
)
async def test_unsupported_urls(tmp_path: Path, url: str, match: str) -> None:
    with pytest.raises(UnsupportedDatabaseError, match=match):
        await Database.open(url, data_dir=tmp_path)


async def test_schema_option_is_postgres_only(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedDatabaseError, match="PostgreSQL only"):
        await Database.open(data_dir=tmp_path, schema="other")


@pytest.mark.postgres
async def test_missing_postgres_schema_is_reported(tmp_path: Path) -> None:
    url = service_url(POSTGRES_URL_VARIABLE, "PostgreSQL")
    with pytest.raises(StorageError, match="CREATE SCHEMA"):
        await Database.open(url, data_dir=tmp_path, schema="no_such_schema_here")


async def test_failed_migration_is_reported(target: Target) -> None:
    db = await target.open()
    try:
        # Tables present but no recorded revision: the first migration cannot create them.
        async with db.begin() as conn:
            await conn.execute(sa.text("DELETE FROM alembic_version"))
    finally:
        await db.close()
    with pytest.raises(MigrationError, match=rf"to schema {HEAD} failed.*backup"):
        await target.open()


def test_the_code_names_the_newest_migration_as_its_schema() -> None:
    assert SCHEMA_HEAD == HEAD


def test_an_up_to_date_database_opens_without_loading_the_migrations(tmp_path: Path) -> None:
    # A separate interpreter: this one has imported alembic already.
    script = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from orbithub.storage import Database\n"
        "async def main():\n"
        "    db = await Database.open(None, data_dir=Path(sys.argv[1]))\n"
        "    print(await db.revision())\n"
        "    await db.close()\n"
        "asyncio.run(main())\n"
        "print('alembic' in sys.modules)\n"
    )
    first = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert first.stdout.split() == [HEAD, "True"]  # a new database is migrated
    again = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert again.stdout.split() == [HEAD, "False"]


async def test_no_url_and_no_data_dir_is_refused() -> None:
    with pytest.raises(UnsupportedDatabaseError, match="data directory"):
        await Database.open()
