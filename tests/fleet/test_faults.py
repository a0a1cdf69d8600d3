"""Faults with real processes: worker and node crashes, a paused worker, a database cut off.

Each test runs a 3-node cluster, `orbithub worker` processes and a load acknowledged by the
stream, then checks PostgreSQL against what the stream acknowledged: every reading once.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from orbithub.fleet import LocalCluster
from orbithub.storage.fleet import FleetStore
from tests.conftest import service_url
from tests.fleet.harness import Fleet, Proxy, stream_leader, until
from tests.storage.conftest import POSTGRES_URL_VARIABLE, postgres_schema

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.timeout(90)]


@pytest.fixture
async def fleet(cluster: LocalCluster, tmp_path: Path) -> AsyncIterator[Fleet]:
    url = service_url(POSTGRES_URL_VARIABLE, "PostgreSQL")
    async with postgres_schema(url) as schema:
        await (await FleetStore.open(url, schema=schema)).close()  # migrate once
        running = Fleet(cluster, url, schema, tmp_path)
        try:
            await running.open()
            yield running
        finally:
            await running.close()


async def test_a_killed_worker_is_replaced_within_five_seconds(fleet: Fleet) -> None:
    fleet.start("w1")
    fleet.start("w2")
    load = asyncio.create_task(fleet.load(20, rate=300))

    async def both_own() -> bool:
        owners = await fleet.owners()
        return len(owners) == 8 and set(owners.values()) == {"w1", "w2"}

    await until(both_own, 15, "both workers own partitions")
    await asyncio.sleep(1)
    lost = {p for p, owner in (await fleet.owners()).items() if owner == "w1"}
    killed = time.monotonic()
    fleet.signal("w1", signal.SIGKILL)

    async def taken_over() -> bool:
        owners = await fleet.owners()
        return all(owners[p] == "w2" for p in lost)

    await until(taken_over, 5, "w1's partitions owned by w2")
    took = time.monotonic() - killed
    await load
    await fleet.all_applied(20)
    assert took < 5


async def test_killing_the_stream_leader_loses_nothing_acknowledged(fleet: Fleet) -> None:
    fleet.start("w1")
    fleet.start("w2")
    load = asyncio.create_task(fleet.load(12, rate=300))
    await asyncio.sleep(3)
    assert fleet.nc is not None
    leader = await stream_leader(fleet.nc)
    [node] = [n for n in fleet.cluster.nodes if n.name == leader]
    fleet.cluster.kill(node)
    await load
    await fleet.all_applied(30)
    assert await stream_leader(fleet.nc) != leader


async def test_a_paused_worker_is_fenced_out_and_its_late_commits_refused(fleet: Fleet) -> None:
    fleet.start("w1")
    fleet.start("w2")
    load = asyncio.create_task(fleet.load(20, rate=300))

    async def both_own() -> bool:
        return set((await fleet.owners()).values()) == {"w1", "w2"}

    await until(both_own, 15, "both workers own partitions")
    await asyncio.sleep(1)
    fleet.signal("w1", signal.SIGSTOP)

    async def w2_owns_all() -> bool:
        return set((await fleet.owners()).values()) == {"w2"}

    await until(w2_owns_all, 10, "w2 owns every partition while w1 is paused")
    fleet.signal("w1", signal.SIGCONT)
    await load
    await fleet.all_applied(20)
    # Woken up mid-batch, w1 tried to commit it: the database refused the old epoch.
    assert "another worker took it over" in fleet.log("w1")


async def test_workers_wait_for_the_database_and_resume(fleet: Fleet) -> None:
    target = urlsplit(fleet.db)
    proxy = Proxy(target.hostname or "127.0.0.1", target.port or 5432)
    await proxy.start()
    try:
        via_proxy = target._replace(netloc=f"{target.username}@127.0.0.1:{proxy.port}").geturl()
        fleet.start("w1", db=via_proxy)
        fleet.start("w2", db=via_proxy)
        load = asyncio.create_task(fleet.load(18, rate=300))

        async def both_own() -> bool:
            return set((await fleet.owners()).values()) == {"w1", "w2"}

        await until(both_own, 15, "both workers own partitions")
        await proxy.cut()
        await asyncio.sleep(5)
        await proxy.start()  # the same port: the database is back
        await load
        await fleet.all_applied(30)
    finally:
        await proxy.close()
    assert "retrying" in fleet.log("w1") + fleet.log("w2")
    assert all(process.poll() is None for process in fleet.workers.values())
