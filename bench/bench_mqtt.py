"""MQTT ingest: messages/s from Mosquitto through the adapter into the core, recorder on.

Workload (DESIGN.md): HA discovery, 4 of 5 devices temperature sensors with ``value_template``,
1 of 5 JSON dimmable lights; bursts of 10,000 state messages round-robin over the devices.

Figures, for each device count:

* the raw receive rate of a bare gmqtt client on the same broker (the wire's limit), once per
  publisher kind, so the table shows which publisher saturates the broker best;
* hub msg/s: from the broker through the adapter into the core, with the recorder writing
  history to SQLite (the burst ends when the hub saw every publisher's end marker);
* hub CPU µs per message (``process_time`` of this process, recorder flush included);
* discovery devices/s: retained configs already on the broker, from the adapter's first
  message to the last device in the registry;
* start-up to ready: from entering the hub to every device registered and its state topic
  subscribed (acknowledged by the broker);
* command round trip p50/p99: ``hub.set`` on a light, a device-side client in another process
  echoes the command back as state, until the new value is in ``hub.state`` (sequential).
  Mosquitto's default ``set_tcp_nodelay false`` puts Nagle's algorithm on its sockets: the
  echoed state waits behind the unacknowledged PUBACK for the hub's delayed ACK, ~40 ms per
  round trip (measured p50 44 ms); with ``set_tcp_nodelay true`` in the broker's config the
  same run measured p50 0.67 ms, p99 1.5 ms.

The publishers run in other processes so that neither their CPU nor their event loop counts
against the hub. Two kinds are measured:

* ``raw``: each worker pre-encodes its MQTT 3.1.1 QoS 0 PUBLISH packets and writes them in one
  go on a plain socket (almost no CPU per message);
* ``gmqtt``: each worker publishes through its own gmqtt client (Python encoding per message).

``mosquitto_pub -l`` is not used: it sends every line to one topic, and the workload spreads
messages round-robin over one state topic per device.

    ORBITHUB_TEST_MQTT_URL=mqtt://127.0.0.1:1883 python bench/bench_mqtt.py [100 1000 10000]

Every wait is bounded (``TIMEOUT`` seconds); only loopback brokers are accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import socket
import statistics
import struct
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from gmqtt import Client as GmqttClient  # type: ignore[import-untyped]

from orbithub.adapters.mqtt.adapter import MqttAdapter
from orbithub.adapters.mqtt.url import BrokerUrl, parse_broker_url
from orbithub.cli.process import tune_gc
from orbithub.core.events import HubEvent, PropertyChanged
from orbithub.core.hub import Hub
from orbithub.core.registry import Space
from orbithub.storage import Database, Recorder

URL = os.environ.get("ORBITHUB_TEST_MQTT_URL", "mqtt://127.0.0.1:1883")
BURST = 10_000
TIMEOUT = 120.0
"""Longest any single wait may take (a burst, a discovery, a round trip batch)."""
LIGHT_PATH = "light-lamp.brightness"


# -- the workload --------------------------------------------------------------------------------
def config(prefix: str, n: int) -> tuple[str, bytes]:
    """Retained discovery topic and payload of device ``n``."""
    state = f"{prefix}/dev/{n}/state"
    if is_light(n):
        cfg: dict[str, Any] = {
            "name": "Lamp",
            "schema": "json",
            "brightness": True,
            "state_topic": state,
            "command_topic": f"{prefix}/dev/{n}/set",
            "unique_id": f"lamp{n}",
            "device": {"identifiers": [f"{prefix}-d{n}"], "name": f"Lamp {n}"},
        }
        return f"{prefix}/ha/light/lamp{n}/config", orjson.dumps(cfg)
    cfg = {
        "name": "Temperature",
        "device_class": "temperature",
        "unit_of_measurement": "°C",
        "state_class": "measurement",
        "value_template": "{{ value_json.temperature }}",
        "state_topic": state,
        "unique_id": f"temp{n}",
        "device": {"identifiers": [f"{prefix}-d{n}"], "name": f"Sensor {n}"},
    }
    return f"{prefix}/ha/sensor/temp{n}/config", orjson.dumps(cfg)


def is_light(n: int) -> bool:
    """One device in five is a JSON dimmable light, the rest temperature sensors."""
    return n % 5 == 4


def state(n: int, i: int) -> bytes:
    """The ``i``-th state message, for device ``n``; values change so history is written."""
    if is_light(n):
        return orjson.dumps({"state": "ON" if i % 2 else "OFF", "brightness": 1 + i % 254})
    return orjson.dumps({"temperature": round(15 + (i % 100) / 10, 1)})


def burst(prefix: str, devices: int, count: int, offset: int) -> list[tuple[str, bytes]]:
    """``count`` state messages round-robin over the devices."""
    return [
        (f"{prefix}/dev/{(offset + i) % devices}/state", state((offset + i) % devices, offset + i))
        for i in range(count)
    ]


# -- publishers (run in other processes) ---------------------------------------------------------
def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        n, digit = n >> 7, n & 0x7F
        out.append(digit | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _packet(kind: int, body: bytes) -> bytes:
    return bytes([kind]) + _varint(len(body)) + body


def _utf8(text: str) -> bytes:
    raw = text.encode()
    return struct.pack("!H", len(raw)) + raw


def _publish_packet(topic: str, payload: bytes, retain: bool = False) -> bytes:
    return _packet(0x30 | int(retain), _utf8(topic) + payload)


def _raw_send(url: BrokerUrl, client_id: str, packets: bytes) -> None:
    """Connect (MQTT 3.1.1), write ``packets``, and return once the broker processed them.

    A broker handles one connection's packets in order, so its PINGRESP to a PINGREQ written
    after the publishes means every publish before it was taken in (retained ones stored).
    """
    with socket.create_connection((url.host, url.port), timeout=TIMEOUT) as sock:
        connect = b"\x00\x04MQTT\x04\x02" + struct.pack("!H", 60) + _utf8(client_id)
        sock.sendall(_packet(0x10, connect))
        if _read(sock, 4)[3] != 0:
            raise RuntimeError("the broker refused the publisher's CONNECT")
        sock.sendall(packets + b"\xc0\x00")  # ... then PINGREQ
        if _read(sock, 2) != b"\xd0\x00":
            raise RuntimeError("expected PINGRESP from the broker")
        sock.sendall(b"\xe0\x00")  # DISCONNECT


def _read(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise RuntimeError("the broker closed the publisher's connection")
        data += chunk
    return data


def _raw_worker(url: str, messages: list[tuple[str, bytes, bool]], go: Any) -> None:
    packets = b"".join(_publish_packet(t, p, r) for t, p, r in messages)
    go.wait(TIMEOUT)
    _raw_send(parse_broker_url(url), f"bench-raw-{os.getpid()}", packets)


def _gmqtt_worker(url: str, messages: list[tuple[str, bytes, bool]], go: Any) -> None:
    async def run() -> None:
        broker = parse_broker_url(url)
        client = GmqttClient(f"bench-gmqtt-{os.getpid()}")
        await client.connect(broker.host, broker.port, version=4)
        go.wait(TIMEOUT)
        for i, (topic, payload, retain) in enumerate(messages):
            client.publish(topic, payload, qos=0, retain=retain)
            if i % 200 == 199:
                await asyncio.sleep(0)  # let the transport drain its buffer
        await client.disconnect()

    asyncio.run(run())


PUBLISHERS: dict[str, Callable[[str, list[tuple[str, bytes, bool]], Any], None]] = {
    "raw": _raw_worker,
    "gmqtt": _gmqtt_worker,
}


class Publish:
    """Publisher processes, each with its share of the messages, started together."""

    def __init__(
        self, kind: str, messages: list[tuple[str, bytes, bool]], workers: int, end: str = ""
    ) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.go = ctx.Event()
        self.procs = []
        for w in range(workers):
            share = messages[w::workers]
            if end:
                share.append((end, str(w).encode(), False))  # after its share, per connection
            self.procs.append(
                ctx.Process(target=PUBLISHERS[kind], args=(URL, share, self.go), daemon=True)
            )
        for proc in self.procs:
            proc.start()

    def start(self) -> None:
        """Let every worker publish (they connected and encoded beforehand)."""
        self.go.set()

    async def join(self) -> None:
        """Wait for every worker; raise if one failed."""
        for proc in self.procs:
            await asyncio.to_thread(proc.join, TIMEOUT)
            if proc.exitcode != 0:
                raise RuntimeError(f"publisher process failed (exit {proc.exitcode})")


async def publish_all(messages: list[tuple[str, bytes, bool]], workers: int = 2) -> None:
    """Publish ``messages`` (retained configs, clean-ups) and wait until the broker has them."""
    pub = Publish("raw", messages, workers)
    pub.start()
    await pub.join()


# -- the wire's limit: a bare gmqtt subscriber ---------------------------------------------------
async def bare_rate(prefix: str, devices: int, kind: str, workers: int) -> tuple[float, int]:
    """Messages/s a bare gmqtt client receives; returns (rate, messages received)."""
    loop = asyncio.get_running_loop()
    ended: asyncio.Future[None] = loop.create_future()
    got = 0
    ends = 0

    def on_message(_c: object, topic: str, _p: bytes, _q: int, _r: object) -> int:
        nonlocal got, ends
        if topic.endswith("/end"):
            ends += 1
            if ends == workers and not ended.done():
                ended.set_result(None)
        else:
            got += 1
        return 0

    broker = parse_broker_url(URL)
    client = GmqttClient(f"bench-bare-{os.getpid()}")
    client.on_message = on_message
    subscribed: asyncio.Future[None] = loop.create_future()

    def on_subscribe(*_: object) -> None:
        if not subscribed.done():
            subscribed.set_result(None)

    client.on_subscribe = on_subscribe
    await client.connect(broker.host, broker.port, version=5)
    client.subscribe(f"{prefix}/#", qos=0)
    await asyncio.wait_for(subscribed, TIMEOUT)
    messages = [(t, p, False) for t, p in burst(prefix, devices, BURST, 0)]
    pub = Publish(kind, messages, workers, end=f"{prefix}/end")
    await asyncio.sleep(0.5)  # workers connect and encode before the clock starts
    start = time.perf_counter()
    pub.start()
    await asyncio.wait_for(ended, TIMEOUT)
    elapsed = time.perf_counter() - start
    await pub.join()
    await client.disconnect()
    return got / elapsed, got


# -- the hub -------------------------------------------------------------------------------------
@contextmanager
def _timer() -> Iterator[Callable[[], float]]:
    start = time.perf_counter()
    yield lambda: time.perf_counter() - start


async def _until(check: Callable[[], bool], hub: Hub, within: float = TIMEOUT) -> None:
    """Wait (bounded) until ``check()`` holds, re-checking on every bus event."""
    if check():
        return
    woke = asyncio.Event()
    stop = hub.bus.listen(lambda _e: woke.set())
    try:
        async with asyncio.timeout(within):
            while not check():
                await woke.wait()
                woke.clear()
    finally:
        stop()


def _echo_device(url: str, prefix: str, ready: Any, stop: Any) -> None:
    """Device side of the round trip: every light command comes straight back as its state."""

    async def run() -> None:
        broker = parse_broker_url(url)
        client = GmqttClient(f"bench-echo-{os.getpid()}")

        def on_message(_c: object, topic: str, payload: bytes, _q: int, _r: object) -> int:
            client.publish(topic.rsplit("/", 1)[0] + "/state", payload, qos=0)
            return 0

        client.on_message = on_message
        client.on_subscribe = lambda *_: ready.set()
        await client.connect(broker.host, broker.port, version=5)
        client.subscribe(f"{prefix}/dev/+/set", qos=0)
        await asyncio.to_thread(stop.wait, TIMEOUT * 5)
        await client.disconnect()

    asyncio.run(run())


async def round_trips(hub: Hub, prefix: str, devices: int, count: int) -> list[float]:
    """Seconds from ``hub.set`` on a light to its echoed value in ``hub.state``, sequential."""
    ctx = multiprocessing.get_context("spawn")
    ready, stop = ctx.Event(), ctx.Event()
    proc = ctx.Process(target=_echo_device, args=(URL, prefix, ready, stop), daemon=True)
    proc.start()
    try:
        if not await asyncio.to_thread(ready.wait, TIMEOUT):
            raise RuntimeError("the echo device did not subscribe")
        lights = [f"mqtt:{prefix}-d{n}" for n in range(devices) if is_light(n)]
        loop = asyncio.get_running_loop()
        waiting: dict[tuple[str, int], asyncio.Future[None]] = {}

        def on_event(event: HubEvent) -> None:
            if isinstance(event, PropertyChanged) and event.path == LIGHT_PATH:
                future = waiting.pop((event.device_id, event.value), None)  # type: ignore[arg-type]
                if future is not None and not future.done():
                    future.set_result(None)

        unlisten = hub.bus.listen(on_event)
        samples = []
        try:
            for i in range(count):
                device_id = lights[i % len(lights)]
                current = hub.state.value(device_id, LIGHT_PATH)
                value = 50 if current != 50 else 51
                arrived = loop.create_future()
                waiting[(device_id, value)] = arrived
                start = time.perf_counter()
                await hub.set(device_id, LIGHT_PATH, value)
                await asyncio.wait_for(arrived, 10)
                samples.append(time.perf_counter() - start)
        finally:
            unlisten()
        return samples
    finally:
        stop.set()
        await asyncio.to_thread(proc.join, TIMEOUT)


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def hub_figures(
    prefix: str, devices: int, kind: str, workers: int, bursts: int, commands: int
) -> dict[str, float]:
    """Discovery, start-up, ingest, CPU per message and round trips for one device count."""
    figures: dict[str, float] = {}
    configs = [config(prefix, n) for n in range(devices)]
    await publish_all([(t, p, True) for t, p in configs])
    hub = Hub()
    hub.add_space(Space("home", "Home"))
    # The bursts send each device hundreds of messages a second: far beyond what a device at
    # home sends, so the flood limit is raised (its check still runs on every message).
    adapter = MqttAdapter(
        URL,
        space_id="home",
        ha_prefix=f"{prefix}/ha",
        z2m_base=None,
        max_devices=devices,
        max_rate=10**9,
    )
    hub.add_adapter(adapter)
    first_message: list[float] = []
    original = adapter._on_message

    def timed(topic: str, payload: bytes, props: Mapping[str, Any]) -> None:
        if not first_message:
            first_message.append(time.perf_counter())
        original(topic, payload, props)

    adapter._on_message = timed  # type: ignore[method-assign]  # before start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = await Database.open(None, data_dir=Path(tmp))
            try:
                recorder = Recorder(db, hub.bus, hub.registry, clock=hub.clock)
                with _timer() as startup:
                    async with hub, asyncio.TaskGroup() as tasks:
                        await recorder.start(tasks)
                        await _until(lambda: len(hub.registry) >= devices, hub)
                        discovered = time.perf_counter()
                        await adapter.settled(TIMEOUT)
                        figures["start-up to ready s"] = startup()
                        figures["discovery devices/s"] = devices / (discovered - first_message[0])
                        await recorder.flush()
                        await _ingest(
                            hub, adapter, recorder, prefix, devices, kind, workers, bursts, figures
                        )
                        samples = await round_trips(hub, prefix, devices, commands)
                        figures["command RTT p50 ms"] = _pct(samples, 0.5) * 1e3
                        figures["command RTT p99 ms"] = _pct(samples, 0.99) * 1e3
                        await recorder.stop()
                        await adapter.stop()
            finally:
                await db.close()
    finally:
        await publish_all([(t, b"", True) for t, _ in configs])  # clear the retained configs
    return figures


class _EndMarks:
    """Counts the publishers' end markers in front of the adapter's message handler."""

    def __init__(self, topic: str, workers: int, inner: Callable[..., None]) -> None:
        self.topic, self.workers, self.inner = topic, workers, inner
        self.ends = 0
        self.ended: asyncio.Future[None] | None = None

    def arm(self, loop: asyncio.AbstractEventLoop) -> asyncio.Future[None]:
        """A future that completes when every worker's end marker of the next burst arrived."""
        self.ends = 0
        self.ended = loop.create_future()
        return self.ended

    def __call__(self, topic: str, payload: bytes, props: Mapping[str, Any]) -> None:
        if topic != self.topic:
            self.inner(topic, payload, props)
            return
        self.ends += 1
        if self.ends == self.workers and self.ended is not None and not self.ended.done():
            self.ended.set_result(None)


async def _ingest(
    hub: Hub,
    adapter: MqttAdapter,
    recorder: Recorder,
    prefix: str,
    devices: int,
    kind: str,
    workers: int,
    bursts: int,
    figures: dict[str, float],
) -> None:
    loop = asyncio.get_running_loop()
    end = f"{prefix}/end"
    adapter.client.subscribe([end])
    await adapter.settled(TIMEOUT)
    rates, cpus, busy, lost = [], [], [], 0
    marks = _EndMarks(end, workers, adapter.client._on_message)
    adapter.client._on_message = marks
    try:
        for b in range(bursts):
            ended = marks.arm(loop)
            messages = [(t, p, False) for t, p in burst(prefix, devices, BURST, b * BURST)]
            pub = Publish(kind, messages, workers, end=end)
            await asyncio.sleep(0.5)  # workers connect and encode before the clock starts
            seen = adapter.received
            cpu0, start = time.process_time(), time.perf_counter()
            pub.start()
            await asyncio.wait_for(ended, TIMEOUT)
            elapsed = time.perf_counter() - start
            busy.append((time.process_time() - cpu0) / elapsed * 100)
            await recorder.flush()  # the history of this burst is on disk: its cost counts
            cpu = time.process_time() - cpu0
            await pub.join()
            got = adapter.received - seen
            lost += BURST - got
            rates.append(got / elapsed)
            cpus.append(cpu / got * 1e6)
    finally:
        adapter.client._on_message = marks.inner
    figures["hub msg/s"] = statistics.median(rates)
    figures["hub CPU µs/msg"] = statistics.median(cpus)
    # Below 100 % the hub waited for the broker during the burst: the wire, not the hub, paced it.
    figures["hub CPU busy % in burst"] = statistics.median(busy)
    figures["lost msgs"] = float(lost)
    figures["rejected"] = float(hub.rejected.total + adapter.faults.total)


# -- the table -----------------------------------------------------------------------------------
async def main(args: argparse.Namespace) -> None:
    broker = parse_broker_url(URL)
    if broker.host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"the benchmark only runs against a loopback broker, not {broker.host}")
    print(
        f"broker {URL}; bursts of {BURST:,} state messages x {args.bursts} (median), "
        f"{args.workers} publisher processes; {os.cpu_count()} CPUs"
    )
    rows: list[tuple[int, dict[str, float]]] = []
    for devices in args.sizes:
        prefix = f"bench-{os.getpid()}-{devices}"
        row: dict[str, float] = {}
        for kind in PUBLISHERS:
            rates = [
                (await bare_rate(f"{prefix}-bare{i}", devices, kind, args.workers))[0]
                for i in range(args.bursts)
            ]
            row[f"bare gmqtt msg/s ({kind} pub)"] = statistics.median(rates)
        row.update(
            await hub_figures(
                prefix, devices, args.publisher, args.workers, args.bursts, args.commands
            )
        )
        rows.append((devices, row))
        print(f"  {devices:,} devices done", file=sys.stderr)
    names = list(rows[0][1])
    width = max(len(n) for n in names)
    print(f"\n{'figure':<{width}} | " + " | ".join(f"{d:>10,}" for d, _ in rows))
    print("-" * width + "-|-" + "-|-".join("-" * 10 for _ in rows))
    for name in names:
        cells = []
        for _, row in rows:
            value = row[name]
            cells.append(f"{value:>10,.2f}" if value < 100 else f"{value:>10,.0f}")
        print(f"{name:<{width}} | " + " | ".join(cells))
    print(f"(hub runs use the {args.publisher} publisher; devices across the top)")


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--publisher", choices=sorted(PUBLISHERS), default="raw")
    parser.add_argument("--workers", type=int, default=2, help="publisher processes")
    parser.add_argument("--bursts", type=int, default=3, help="bursts per figure (median)")
    parser.add_argument("--commands", type=int, default=1000, help="sequential round trips")
    parser.add_argument(
        "--tune-gc", action="store_true", help="apply the GC thresholds `orbithub` runs with"
    )
    return parser.parse_args()


if __name__ == "__main__":
    arguments = _args()
    if arguments.tune_gc:
        tune_gc()
    asyncio.run(main(arguments))
