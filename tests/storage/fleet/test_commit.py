"""Commits: fencing by epoch, redelivery, and per-property order by the device's timestamp."""

from __future__ import annotations

from datetime import timedelta

import pytest

from orbithub.storage.fleet import FencedError, FleetChange, FleetStore, Lease
from tests.storage.fleet.conftest import T0, change

pytestmark = pytest.mark.postgres

DAY = timedelta(days=1)


async def test_a_claim_starts_a_new_epoch_and_keeps_the_cursor(store: FleetStore) -> None:
    first = await store.claim(3, "worker-a")
    assert first == Lease(3, 1, 0)
    await store.commit(first, 40, [change(40, 10)])
    second = await store.claim(3, "worker-b")
    assert second == Lease(3, 2, 40)
    assert await store.cursor(3) == 40
    assert await store.cursor(4) == 0


async def test_a_commit_writes_state_history_and_cursor(store: FleetStore) -> None:
    lease = await store.claim(0, "worker-a")
    batch = [
        change(11, 10, at=T0),
        change(12, True, device="plug", prop="switch.on", at=T0),
        change(13, 55, at=T0 + timedelta(seconds=5)),
    ]
    assert await store.commit(lease, 14, batch) == 3
    assert await store.state("villa-7") == [
        change(13, 55, at=T0 + timedelta(seconds=5)),
        change(12, True, device="plug", prop="switch.on", at=T0),
    ]
    assert await store.history("villa-7", "lamp", "light.brightness", T0, T0 + DAY) == [
        (T0, 10),
        (T0 + timedelta(seconds=5), 55),
    ]
    assert await store.cursor(0) == 14


async def test_an_old_epoch_is_refused_and_writes_nothing(store: FleetStore) -> None:
    stale = await store.claim(5, "worker-a")
    await store.commit(stale, 1, [change(1, 10)])
    fresh = await store.claim(5, "worker-b")
    with pytest.raises(FencedError, match=r"partition 5 .* epoch 2, not 1"):
        await store.commit(stale, 2, [change(2, 99, at=T0 + timedelta(hours=2))])
    assert await store.state("villa-7") == [change(1, 10)]
    assert await store.history("villa-7", "lamp", "light.brightness", T0, T0 + DAY) == [(T0, 10)]
    assert await store.cursor(5) == 1
    # The new owner applies the same message, which the stale owner could not.
    assert await store.commit(fresh, 2, [change(2, 99, at=T0 + timedelta(hours=2))]) == 1
    assert [c.value for c in await store.state("villa-7")] == [99]


async def test_a_partition_never_claimed_refuses_commits(store: FleetStore) -> None:
    with pytest.raises(FencedError):
        await store.commit(Lease(9, 1, 0), 1, [change(1, 10)])
    assert await store.state("villa-7") == []


async def test_a_redelivered_batch_is_applied_once(store: FleetStore) -> None:
    lease = await store.claim(1, "worker-a")
    batch = [change(seq, seq, at=T0 + timedelta(seconds=seq)) for seq in range(1, 6)]
    assert await store.commit(lease, 5, batch) == 5
    assert await store.commit(lease, 5, batch) == 0
    # After a takeover too: the new owner gets the same messages again.
    successor = await store.claim(1, "worker-b")
    applied = await store.apply(successor, 6, [*batch, change(6, 6, at=T0 + timedelta(seconds=6))])
    assert (applied.taken, applied.recorded) == (1, 1)
    points = await store.history("villa-7", "lamp", "light.brightness", T0, T0 + 10 * DAY)
    assert [value for _, value in points] == [1, 2, 3, 4, 5, 6]


async def test_a_reading_sent_again_under_a_new_sequence_is_recorded_once(
    store: FleetStore,
) -> None:
    # A device that re-sends an unacknowledged message: same reading, new stream sequence.
    lease = await store.claim(1, "worker-a")
    await store.commit(lease, 1, [change(1, 10)])
    applied = await store.apply(lease, 2, [change(2, 10)])
    assert applied.recorded == 0
    assert len(await store.history("villa-7", "lamp", "light.brightness", T0, T0 + DAY)) == 1


async def test_an_older_reading_goes_to_history_but_not_to_state(store: FleetStore) -> None:
    lease = await store.claim(2, "worker-a")
    await store.commit(lease, 20, [change(20, 80, at=T0 + timedelta(seconds=10))])
    # Redelivered after a failure: stream sequence higher, device timestamp older.
    applied = await store.apply(lease, 21, [change(21, 30, at=T0)])
    assert applied.current == ()
    assert applied.recorded == 1
    assert [c.value for c in await store.state("villa-7")] == [80]
    assert await store.history("villa-7", "lamp", "light.brightness", T0, T0 + DAY) == [
        (T0, 30),
        (T0 + timedelta(seconds=10), 80),
    ]


async def test_within_a_batch_the_newest_reading_wins(store: FleetStore) -> None:
    lease = await store.claim(2, "worker-a")
    later = T0 + timedelta(seconds=3)
    applied = await store.apply(
        lease, 3, [change(1, 1, at=later), change(2, 2, at=T0), change(3, 3, at=later)]
    )
    # Same timestamp twice: the later stream sequence is the device's last word.
    assert applied.current == (change(3, 3, at=later),)
    assert [c.value for c in await store.state("villa-7")] == [3]


async def test_a_reading_from_a_clock_far_ahead_is_refused(store: FleetStore) -> None:
    lease = await store.claim(0, "worker-a")
    far = T0 + timedelta(days=3650)
    assert await store.commit(lease, 2, [change(1, 10), change(2, 99, at=far)]) == 1
    assert [c.value for c in await store.state("villa-7")] == [10]
    assert await store.cursor(0) == 2


async def test_a_cursor_never_goes_back(store: FleetStore) -> None:
    lease = await store.claim(0, "worker-a")
    await store.commit(lease, 50, [])
    await store.commit(lease, 30, [])
    assert await store.cursor(0) == 50


async def test_a_change_above_the_batch_end_is_a_caller_error(store: FleetStore) -> None:
    lease = await store.claim(0, "worker-a")
    with pytest.raises(ValueError, match="above the batch"):
        await store.commit(lease, 5, [change(6, 1)])


async def test_homes_do_not_see_each_other(store: FleetStore) -> None:
    lease = await store.claim(0, "worker-a")
    await store.commit(lease, 2, [change(1, 10, home="a"), change(2, 20, home="b")])
    assert [c.value for c in await store.state("a")] == [10]
    assert await store.history("a", "lamp", "light.brightness", T0, T0 + DAY) == [(T0, 10)]
    assert await store.state("c") == []


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ({"home": "a.b"}, "subject token"),
        ({"home": ""}, "subject token"),
        ({"device": ""}, "device id"),
        ({"prop": "x" * 201}, "property id"),
        ({"value": [1, 2]}, "list"),
        ({"value": float("nan")}, "not storable"),
        ({"ts": T0.replace(tzinfo=None)}, "timezone-aware"),
        ({"seq": 0}, "1 or more"),
    ],
)
def test_a_bad_change_says_what_is_wrong(fields: dict[str, object], match: str) -> None:
    base: dict[str, object] = {
        "home": "h",
        "device": "d",
        "prop": "p",
        "value": 1,
        "ts": T0,
        "seq": 1,
    }
    with pytest.raises(ValueError, match=match):
        FleetChange(**(base | fields))  # type: ignore[arg-type]
