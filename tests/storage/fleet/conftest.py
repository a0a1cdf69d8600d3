"""A fleet store on a fresh PostgreSQL schema per test, dropped afterwards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from orbithub.storage.fleet import FleetChange, FleetStore
from tests.conftest import service_url
from tests.storage.conftest import POSTGRES_URL_VARIABLE, postgres_schema

_NOW = datetime.now(UTC).replace(microsecond=0)
T0 = max(_NOW - timedelta(hours=1), _NOW.replace(day=1, hour=0, minute=0, second=0))
"""A recent time in the current month (whose history the store creates when it opens)."""


@pytest.fixture
async def fleet_schema() -> AsyncIterator[tuple[str, str]]:
    url = service_url(POSTGRES_URL_VARIABLE, "PostgreSQL")
    async with postgres_schema(url) as schema:
        yield url, schema


@pytest.fixture
async def store(fleet_schema: tuple[str, str]) -> AsyncIterator[FleetStore]:
    url, schema = fleet_schema
    opened = await FleetStore.open(url, schema=schema)
    try:
        yield opened
    finally:
        await opened.close()


def change(
    seq: int,
    value: bool | int | float | str | None,
    *,
    at: datetime = T0,
    home: str = "villa-7",
    device: str = "lamp",
    prop: str = "light.brightness",
) -> FleetChange:
    """One reading as a worker builds it from a stream message."""
    return FleetChange(home, device, prop, value, at, seq)
