"""A lost database connection: the commit fails clearly, and the same batch commits on retry.

Nothing of the failed commit is kept, so the retry (what a worker does) applies it once.
"""

from __future__ import annotations

import uuid

import asyncpg
import pytest

from orbithub.storage import DatabaseUnreachableError
from orbithub.storage.fleet import FleetStore
from tests.storage.fleet.conftest import change

pytestmark = pytest.mark.postgres


async def test_a_commit_cut_off_by_the_server_is_retried_and_applied_once(
    fleet_schema: tuple[str, str],
) -> None:
    url, schema = fleet_schema
    name = f"outage-{uuid.uuid4().hex[:8]}"
    store = await FleetStore.open(url, schema=schema, application_name=name)
    admin = await asyncpg.connect(url)
    try:
        lease = await store.claim(0, "worker-a")
        batch = [change(1, 10), change(2, 20, device="plug")]
        # What a server restart does to every open connection.
        ended = await admin.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = $1",
            name,
        )
        assert ended >= 1
        with pytest.raises(DatabaseUnreachableError, match="safe to retry"):
            await store.commit(lease, 2, batch)
        assert await store.commit(lease, 2, batch) == 2
        assert await store.commit(lease, 2, batch) == 0
        assert [c.value for c in await store.state("villa-7")] == [10, 20]
    finally:
        await admin.close()
        await store.close()
