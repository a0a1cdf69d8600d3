"""History's month partitions: rows land in their month, months are made ahead, retention."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import asyncpg
import pytest

from orbithub.storage import Database, UnsupportedDatabaseError
from orbithub.storage.fleet import HOME_BUCKETS, FleetStore
from orbithub.storage.fleet.months import month_of, next_month
from tests.storage.fleet.conftest import T0, change

pytestmark = pytest.mark.postgres


async def _connect(fleet_schema: tuple[str, str]) -> asyncpg.Connection:
    url, schema = fleet_schema
    return await asyncpg.connect(url, server_settings={"search_path": schema})


async def test_the_store_opens_with_this_month_and_two_ahead(store: FleetStore) -> None:
    this = month_of(datetime.now(UTC))
    assert await store.months() == [this, next_month(this), next_month(next_month(this))]


async def test_readings_land_in_their_month_and_home_bucket(
    store: FleetStore, fleet_schema: tuple[str, str]
) -> None:
    this = month_of(T0)
    later = datetime(next_month(this).year, next_month(this).month, 1, tzinfo=UTC)
    lease = await store.claim(0, "worker-a")
    # Readings of next month arrive early only from clocks far ahead: allow them here.
    store.future_tolerance = timedelta(days=400)
    # A month past those made ahead is created when a reading needs it.
    far_month = this
    for _ in range(4):
        far_month = next_month(far_month)
    far = datetime(far_month.year, far_month.month, 1, tzinfo=UTC)
    await store.commit(
        lease, 3, [change(1, 1, at=T0), change(2, 2, at=later), change(3, 3, at=far)]
    )
    conn = await _connect(fleet_schema)
    try:
        rows = await conn.fetch("SELECT tableoid::regclass::text AS leaf, ts FROM fleet_history")
        leaves = {row["ts"]: row["leaf"] for row in rows}
        assert leaves[T0].startswith(f"fleet_history_y{this.year:04d}m{this.month:02d}_h")
        nxt = next_month(this)
        assert leaves[later].startswith(f"fleet_history_y{nxt.year:04d}m{nxt.month:02d}_h")
        assert leaves[far].startswith(f"fleet_history_y{far.year:04d}m{far.month:02d}_h")
        buckets = await conn.fetchval(
            "SELECT count(*) FROM pg_inherits WHERE inhparent = to_regclass($1)",
            f"fleet_history_y{this.year:04d}m{this.month:02d}",
        )
        assert buckets == HOME_BUCKETS
        # One home over one day reads one leaf: the month by time, the bucket by home.
        plan = "\n".join(
            row[0]
            for row in await conn.fetch(
                "EXPLAIN SELECT * FROM fleet_history WHERE home = $1 AND ts >= $2 AND ts < $3",
                "villa-7",
                T0,
                T0 + timedelta(hours=1),
            )
        )
        assert len(set(re.findall(r" on (fleet_history_y\w+)", plan))) == 1, plan
    finally:
        await conn.close()


async def test_detaching_a_month_takes_its_history_away(
    store: FleetStore, fleet_schema: tuple[str, str]
) -> None:
    this = month_of(T0)
    following = next_month(this)
    first_of_next = datetime(following.year, following.month, 1, tzinfo=UTC)
    lease = await store.claim(0, "worker-a")
    store.future_tolerance = timedelta(days=400)
    await store.commit(lease, 2, [change(1, 1, at=T0), change(2, 2, at=first_of_next)])
    detached = await store.detach_months_before(following)
    assert detached == [f"fleet_history_y{this.year:04d}m{this.month:02d}"]
    assert this not in await store.months()
    far = first_of_next + timedelta(days=40)
    assert await store.history("villa-7", "lamp", "light.brightness", T0, far) == [
        (first_of_next, 2)
    ]
    # The detached table keeps its rows for archiving.
    conn = await _connect(fleet_schema)
    try:
        # The name is the store's own month table, not outside input.
        assert await conn.fetchval(f"SELECT count(*) FROM {detached[0]}") == 1  # noqa: S608
    finally:
        await conn.close()
    # A late reading of the detached month reaches state only; the month is not made again.
    other = await store.claim(1, "worker-b")
    applied = await store.apply(other, 3, [change(3, 7, at=T0, device="plug")])
    assert (applied.taken, applied.recorded, len(applied.current)) == (1, 0, 1)
    assert this not in await store.months()


async def test_ensuring_months_is_idempotent_and_skips_detached_ones(store: FleetStore) -> None:
    this = month_of(T0)
    ahead = [this]
    for _ in range(5):
        ahead.append(next_month(ahead[-1]))
    created = await store.ensure_months(ahead)
    assert created == ahead[3:]
    assert await store.ensure_months(ahead) == []
    assert await store.ensure_months([date(this.year - 1, 1, 1)]) == []


async def test_a_single_hub_on_sqlite_has_no_fleet_tables(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    db = await Database.open(data_dir=tmp_path)
    try:
        async with db.engine.connect() as conn:
            names = await conn.run_sync(lambda c: c.dialect.get_table_names(c))
        assert not [name for name in names if name.startswith("fleet_")]
    finally:
        await db.close()
    with pytest.raises(UnsupportedDatabaseError, match="PostgreSQL"):
        await FleetStore.open(f"sqlite:///{tmp_path}/hub.db")


async def test_a_month_detached_by_another_process_is_noticed_at_commit(
    store: FleetStore, fleet_schema: tuple[str, str]
) -> None:
    url, schema = fleet_schema
    this = month_of(T0)
    other = await FleetStore.open(url, schema=schema)
    try:
        assert await other.detach_months_before(next_month(this)) != []
    finally:
        await other.close()
    # This store still counts the month as attached: its commit learns otherwise and succeeds.
    lease = await store.claim(0, "worker-a")
    applied = await store.apply(lease, 1, [change(1, 5, at=T0)])
    assert (applied.taken, applied.recorded, len(applied.current)) == (1, 0, 1)
