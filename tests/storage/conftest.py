"""Storage fixtures: one database per test, on SQLite and (when its URL is set) PostgreSQL.

PostgreSQL tests each get a fresh schema in the database ``ORBITHUB_TEST_POSTGRES_URL`` names,
dropped afterwards, so tests never see each other's rows and can run against a shared server.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from orbithub.core.context import DEVICE_CONTEXT
from orbithub.core.events import PropertyChanged
from orbithub.core.registry import Device, Registry, Room, Space
from orbithub.spec.library import device_type
from orbithub.spec.model import Value
from orbithub.storage import Database
from tests.conftest import service_url

POSTGRES_URL_VARIABLE = "ORBITHUB_TEST_POSTGRES_URL"
T0 = 1_700_000_000.0


@dataclass(frozen=True)
class Target:
    """Where a test's database lives, so a test can open it more than once."""

    url: str | None
    data_dir: Path
    schema: str | None

    async def open(self) -> Database:
        return await Database.open(self.url, data_dir=self.data_dir, schema=self.schema)


def _asyncpg_url(url: str) -> sa.URL:
    return sa.make_url(url).set(drivername="postgresql+asyncpg")


@contextlib.asynccontextmanager
async def postgres_schema(url: str) -> AsyncIterator[str]:
    """A fresh, empty schema, dropped with everything in it on exit."""
    schema = f"orbithub_test_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(_asyncpg_url(url))
    try:
        async with admin.begin() as conn:
            await conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        try:
            yield schema
        finally:
            async with admin.begin() as conn:
                await conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        await admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def target(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Target]:
    if request.param == "sqlite":
        yield Target(None, tmp_path, None)
        return
    url = service_url(POSTGRES_URL_VARIABLE, "PostgreSQL")
    async with postgres_schema(url) as schema:
        yield Target(url, tmp_path, schema)


@pytest.fixture
async def db(target: Target) -> AsyncIterator[Database]:
    database = await target.open()
    try:
        yield database
    finally:
        await database.close()


def make_registry() -> Registry:
    """A home with two rooms, a light, a plug and a temperature sensor."""
    registry = Registry()
    registry.add_space(
        Space("home", "Home", latitude=52.5, longitude=13.4, aliases=("家",), radius_m=80.0)
    )
    registry.add_room(Room("living", "home", "Living room", ("lounge",), floor=0))
    registry.add_room(Room("kitchen", "home", "Kitchen"))
    registry.add_device(
        Device("lamp", "Lamp", device_type("light"), "home", "sim", "living", ("灯",), "light")
    )
    registry.add_device(
        Device("kettle", "Kettle", device_type("plug"), "home", "sim", "kitchen", owner="mei")
    )
    registry.add_device(
        Device(
            "thermo",
            "Thermometer",
            device_type("temperature-humidity-sensor"),
            "home",
            "sim",
            "living",
        )
    )
    return registry


def changed(
    seq: int, time: float, value: Value, *, device_id: str = "lamp", path: str = "light.brightness"
) -> PropertyChanged:
    """A property change as the hub publishes it."""
    return PropertyChanged(seq, time, "home", device_id, path, value, None, DEVICE_CONTEXT)


class Commits:
    """An ``on_commit`` callback that tests can await: ``await commits.reach(seq)``."""

    def __init__(self) -> None:
        self.seq = 0
        self.calls = 0
        self._changed = asyncio.Event()

    def __call__(self, seq: int) -> None:
        self.seq = seq
        self.calls += 1
        self._changed.set()

    async def reach(self, seq: int, within: float = 30.0) -> None:
        async with asyncio.timeout(within):
            while self.seq < seq:
                self._changed.clear()
                await self._changed.wait()
