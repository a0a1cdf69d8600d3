"""Several processes opening one fresh PostgreSQL database at once: one migrates, all start.

A fleet starts its workers and gateways together; each migrates the database it opens.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from orbithub.storage import Database
from orbithub.storage.db import SCHEMA_HEAD
from tests.conftest import service_url

from .conftest import POSTGRES_URL_VARIABLE, postgres_schema

pytestmark = pytest.mark.postgres


async def test_opening_a_fresh_database_at_once_migrates_it_once(tmp_path: Path) -> None:
    url = service_url(POSTGRES_URL_VARIABLE, "PostgreSQL")
    async with postgres_schema(url) as schema:
        opened = await asyncio.gather(
            *(Database.open(url, data_dir=tmp_path / str(i), schema=schema) for i in range(4)),
            return_exceptions=True,
        )
        try:
            assert [o for o in opened if isinstance(o, BaseException)] == []
            for db in opened:
                assert isinstance(db, Database)
                assert await db.revision() == SCHEMA_HEAD
        finally:
            for db in opened:
                if isinstance(db, Database):
                    await db.close()
