"""Workers on a real cluster and PostgreSQL: every reading applied once, partitions shared."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta

import nats
import orjson
import pytest
from nats.aio.client import Client
from nats.aio.msg import Msg

from orbithub.fleet import LocalCluster, StreamSettings, ensure_consumers, ensure_stream
from orbithub.fleet.changes import decode_changes
from orbithub.fleet.jetstream import pull
from orbithub.fleet.simulate import Simulation
from orbithub.fleet.simulate_mqtt import publish_mqtt
from orbithub.fleet.worker import Worker, WorkerSettings
from orbithub.storage.fleet import FleetChange, FleetStore
from tests.conftest import service_url
from tests.storage.conftest import POSTGRES_URL_VARIABLE, postgres_schema

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

STREAM = StreamSettings(partitions=8, pin_timeout=1.0, ack_wait=3.0)


def settings(name: str) -> WorkerSettings:
    return WorkerSettings(
        name, STREAM, heartbeat=0.3, member_ttl=1.5, standby_delay=1.0, pull_wait=0.1
    )


@pytest.fixture
async def store() -> AsyncIterator[FleetStore]:
    url = service_url(POSTGRES_URL_VARIABLE, "PostgreSQL")
    async with postgres_schema(url) as schema:
        opened = await FleetStore.open(url, schema=schema)
        try:
            yield opened
        finally:
            await opened.close()


@pytest.fixture
async def nc(cluster: LocalCluster) -> AsyncIterator[Client]:
    conn = await nats.connect(servers=cluster.urls)
    await ensure_stream(conn, STREAM)
    await ensure_consumers(conn, STREAM)
    try:
        yield conn
    finally:
        await conn.close()


class Running:
    """Workers running in this process, each on its own connection."""

    def __init__(self, cluster: LocalCluster, store: FleetStore) -> None:
        self._cluster = cluster
        self._store = store
        self.workers: dict[str, tuple[Worker, asyncio.Event, asyncio.Task[None], Client]] = {}

    async def add(self, name: str) -> Worker:
        conn = await nats.connect(servers=self._cluster.urls)
        worker = Worker(conn, self._store, settings(name))
        stop = asyncio.Event()
        self.workers[name] = (worker, stop, asyncio.create_task(worker.run(stop)), conn)
        return worker

    async def remove(self, name: str) -> None:
        _, stop, task, conn = self.workers.pop(name)
        stop.set()
        await asyncio.wait_for(task, 10)
        await conn.close()

    async def close(self) -> None:
        for name in list(self.workers):
            await self.remove(name)


@pytest.fixture
async def running(cluster: LocalCluster, store: FleetStore) -> AsyncIterator[Running]:
    workers = Running(cluster, store)
    try:
        yield workers
    finally:
        await workers.close()


async def until(check: Callable[[], Awaitable[bool]], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not await check():
        assert time.monotonic() < deadline, f"not within {within} s: {what}"
        await asyncio.sleep(0.1)


T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)


async def send(
    nc: Client, homes: int, readings: int, start: int = 0
) -> dict[tuple[str, str], list[int]]:
    """Publish readings of two lamps per home; the sent brightness values by (home, device)."""
    js = nc.jetstream()
    sent: dict[tuple[str, str], list[int]] = {}
    for n in range(start, start + readings):
        for h in range(homes):
            for device in ("lamp", "desk"):
                value = (n * 7 + h) % 100
                body = {"values": {"light.brightness": value}, "ts": T0.timestamp() + n}
                await js.publish(f"orbit.home{h}.{device}.state", orjson.dumps(body))
                sent.setdefault((f"home{h}", device), []).append(value)
    return sent


async def history(store: FleetStore, home: str, device: str) -> list[object]:
    rows = await store.history(
        home, device, "light.brightness", T0 - timedelta(hours=1), T0 + timedelta(hours=1)
    )
    return [value for _, value in rows]


async def test_every_reading_is_applied_once_and_published(
    nc: Client, store: FleetStore, running: Running
) -> None:
    published: list[FleetChange] = []

    async def collect(msg: Msg) -> None:
        published.extend(decode_changes(msg.data))

    await nc.subscribe("fleet.changes.*", cb=collect)
    await running.add("w1")
    await running.add("w2")
    sent = await send(nc, homes=20, readings=5)
    js = nc.jetstream()
    # Malformed device messages are counted and dropped; the partition goes on.
    await js.publish("orbit.home0.lamp.state", b"{not json")
    await js.publish("orbit.home0.lamp.state", orjson.dumps({"values": {"a.b": [1, 2]}}))
    await js.publish("orbit.home0.bad.state", b"\xff\xfe")
    await js.publish("orbit.home1.lamp.availability", b"offline")

    async def all_in() -> bool:
        for (home, device), values in sent.items():
            if await history(store, home, device) != values:
                return False
        return True

    await until(all_in, 20, "every reading in history, once, in order")
    workers = [w for w, *_ in running.workers.values()]
    assert sum(w.stats.bad for w in workers) == 3
    await until(
        lambda: _true(any(c.prop == "online" for c in published)), 5, "availability published"
    )
    state = {(c.home, c.device, c.prop): c.value for c in await store.state("home1")}
    assert state[("home1", "lamp", "online")] is False
    assert state[("home1", "lamp", "light.brightness")] == sent[("home1", "lamp")][-1]
    # The gateways heard the last value of every lamp.
    last = {(c.home, c.device): c.value for c in published if c.prop == "light.brightness"}
    assert last == {key: values[-1] for key, values in sent.items()}
    # Both workers own partitions (they learn it from the messages they are given), and no
    # partition is held by both.
    more = iter(range(10, 100))

    async def shared() -> bool:
        await send(nc, homes=20, readings=1, start=next(more))
        return all(w.stats.active for w in workers)

    await until(shared, 20, "both workers hold partitions")
    held = [w.stats.active for w in workers]
    assert not held[0] & held[1]


async def _true(value: bool) -> bool:
    return value


async def test_a_joining_worker_takes_partitions_over(
    nc: Client, store: FleetStore, running: Running
) -> None:
    first = await running.add("w1")
    await send(nc, homes=20, readings=1)
    await until(lambda: _true(len(first.stats.active) == 8), 20, "w1 holds every partition")
    second = await running.add("w2")
    await until(lambda: _true(len(first.stats.active) < 8), 20, "w1 hands partitions to w2")
    # A worker learns that it holds a partition from the messages it is given.
    sent = await send(nc, homes=20, readings=2, start=1)

    async def all_in() -> bool:
        counts = [len(await history(store, h, d)) for h, d in sent]
        return counts == [3] * len(sent)

    await until(all_in, 25, "every reading applied after the move")
    assert first.stats.active | second.stats.active == set(range(8))
    assert not first.stats.active & second.stats.active
    await running.remove("w2")
    await send(nc, homes=20, readings=1, start=3)
    await until(lambda: _true(len(first.stats.active) == 8), 20, "w1 holds all again")


async def test_what_a_dead_worker_was_given_is_applied_by_the_next(
    nc: Client, store: FleetStore, running: Running
) -> None:
    sent = await send(nc, homes=20, readings=3)
    # A worker takes the first readings of every partition and dies before committing them.
    for partition in range(STREAM.partitions):
        inbox = await nc.subscribe(nc.new_inbox())
        got = await pull(nc, inbox, STREAM.name, partition, batch=4, expires=0.2, pin=None)
        assert got.messages
    worker = await running.add("w1")
    for key, values in (await send(nc, homes=20, readings=1, start=3)).items():
        sent[key].extend(values)

    async def all_in() -> bool:
        for (home, device), values in sent.items():
            if await history(store, home, device) != values:
                return False
        return True

    await until(all_in, 20, "every reading in history, the dead worker's too")
    # They were read back from the stream, not waited for until redelivered.
    assert worker.stats.filled > 0


async def test_devices_reporting_over_mqtt_reach_the_database(
    cluster: LocalCluster, nc: Client, store: FleetStore, running: Running
) -> None:
    await running.add("w1")
    sim = Simulation(10, devices=4, prefix="mq")
    readings = list(itertools.islice(sim.readings(), 80))
    # Devices on every node (QoS 0, as the protocol sends state): all reach the stream.
    sent = await asyncio.wait_for(
        publish_mqtt(cluster.mqtt_urls, iter(readings), count=80, rate=0, qos=0), 60
    )
    assert sent == 80

    async def all_in() -> bool:
        for reading in readings[-4:]:
            state = {(c.device, c.prop): c.value for c in await store.state(reading.home)}
            if any(state.get((reading.device, p)) != v for p, v in reading.values.items()):
                return False
        return True

    await until(all_in, 20, "the last readings sent over MQTT are the state")
