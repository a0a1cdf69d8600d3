"""The stream's transform and the pinned partition consumers, on a real 3-node cluster."""

from __future__ import annotations

import nats
import pytest

from orbithub.fleet import (
    LocalCluster,
    StreamSettings,
    ensure_consumers,
    ensure_stream,
    partition_of,
)
from orbithub.fleet.errors import FleetError, JetStreamError
from orbithub.fleet.jetstream import pull, stream_sequence

pytestmark = pytest.mark.slow


def test_partition_of_checks_its_input() -> None:
    with pytest.raises(FleetError, match="home id"):
        partition_of("a.b", 8)
    with pytest.raises(FleetError, match="at least one"):
        partition_of("home", 0)
    assert 0 <= partition_of("villa-7", 8) < 8


async def test_homes_land_in_the_partition_partition_of_computes(cluster: LocalCluster) -> None:
    settings = StreamSettings(partitions=8)
    nc = await nats.connect(servers=cluster.urls)
    try:
        await ensure_stream(nc, settings)
        await ensure_consumers(nc, settings)
        homes = [f"home{i}" for i in range(150)] + ["villa-7", "apt_3", "Z", "x" * 64]
        js = nc.jetstream()
        for home in homes:
            await js.publish(f"orbit.{home}.lamp.state", b"{}")
        seen: dict[str, int] = {}
        for partition in range(settings.partitions):
            inbox = await nc.subscribe(nc.new_inbox())
            got = await pull(nc, inbox, "ORBIT", partition, batch=500, expires=0.5, pin=None)
            assert got.pin is not None  # the first pull of a pinned consumer carries the pin
            for msg in got.messages:
                head, number, _, home, *_ = msg.subject.split(".")
                assert (head, int(number)) == ("part", partition)
                seen[home] = partition
                assert stream_sequence(msg) >= 1
        assert seen == {home: partition_of(home, 8) for home in homes}
        assert len(set(seen.values())) == 8
    finally:
        await nc.close()


async def test_one_puller_at_a_time_holds_a_partition(cluster: LocalCluster) -> None:
    settings = StreamSettings(partitions=2, pin_timeout=1.0)
    nc = await nats.connect(servers=cluster.urls)
    try:
        await ensure_stream(nc, settings)
        await ensure_consumers(nc, settings)
        home = next(f"h{i}" for i in range(100) if partition_of(f"h{i}", 2) == 0)
        js = nc.jetstream()
        for n in range(10):
            await js.publish(f"orbit.{home}.lamp.state", str(n).encode())
        first = await nc.subscribe(nc.new_inbox())
        second = await nc.subscribe(nc.new_inbox())
        a = await pull(nc, first, "ORBIT", 0, batch=5, expires=0.3, pin=None)
        assert len(a.messages) == 5
        assert a.pin is not None
        # Another puller without the pin gets nothing while the owner keeps pulling...
        b = await pull(nc, second, "ORBIT", 0, batch=5, expires=0.3, pin=None)
        assert b.messages == ()
        # ...and a pull with a made-up pin id is told the pin is not its own.
        c = await pull(nc, second, "ORBIT", 0, batch=5, expires=0.3, pin="not-the-pin")
        assert c.lost_pin
        a2 = await pull(nc, first, "ORBIT", 0, batch=5, expires=0.3, pin=a.pin)
        assert [m.data for m in a2.messages] == [str(n).encode() for n in range(5, 10)]
    finally:
        await nc.close()


async def test_a_stream_with_another_partition_count_is_refused(cluster: LocalCluster) -> None:
    nc = await nats.connect(servers=cluster.urls)
    try:
        await ensure_stream(nc, StreamSettings(partitions=8))
        await ensure_stream(nc, StreamSettings(partitions=8))  # the same again is fine
        with pytest.raises(JetStreamError, match="partition count"):
            await ensure_stream(nc, StreamSettings(partitions=16))
    finally:
        await nc.close()
