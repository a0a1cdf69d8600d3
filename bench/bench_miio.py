"""What polling Xiaomi devices over miIO costs: 200 simulated purifiers on loopback.

The simulated devices run in a second process, so the CPU figures split cleanly: the client's
(what the hub pays) and the devices' (what the simulation pays). Every client uses the default
timing (first resend after 0.5 s, deadline 6 s). Figures:

* CPU per poll: process CPU time (user + system) / polls, a poll reading every readable property
  of a device (22 for this model, so two requests of up to 15);
* polling throughput: every device polled at once, round after round (the wall time depends on
  how busy the machine is; the CPU figures much less);
* command round trip p50/p99: one ``set_properties`` from call to confirmed answer, idle and
  while each device is polled every ``--period`` seconds (200 devices every 2 s: 100 polls/s);
* convergence under loss: each packet is lost with the given probability in each direction; a
  new mode is sent to every device at once, and the time until every device reads it back.

    python bench/bench_miio.py [--devices 200] [--rounds 10] [--commands 400] [--loss 0.1]
                                [--period 2.0]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import time
from importlib import resources
from multiprocessing.connection import Connection

from orbithub.adapters.miio import MiioClient, NoAnswer, SimulatedMiioDevice, Token
from orbithub.spec import DeviceType, load_spec_file

MODEL = "zhimi.airp.rmb1"
MODE = (2, 4)  # air-purifier.mode: 0 auto, 1 sleep, 2 favorite
_WAIT_S = 60.0  # the longest the bench waits for the device process to answer


def _spec() -> DeviceType:
    path = resources.files("orbithub.adapters.miio") / "models" / f"{MODEL}.json"
    return load_spec_file(str(path))


def _token(index: int) -> Token:
    return Token((0xB3C4 * (index + 1)).to_bytes(16, "big"))


async def _serve(conn: Connection, count: int, seed: int) -> None:
    spec = _spec()
    devices = [
        SimulatedMiioDevice(spec, _token(i), model=MODEL, device_id=10_000 + i, seed=seed + i)
        for i in range(count)
    ]
    for device in devices:
        await device.start()
    conn.send([device.address for device in devices])
    while True:
        command, argument = await asyncio.to_thread(conn.recv)
        if command == "loss":
            for device in devices:
                device.loss = argument
        if command == "stop":
            break
        conn.send(time.process_time())
    for device in devices:
        await device.stop()
    conn.send(time.process_time())


def _device_process(conn: Connection, count: int, seed: int) -> None:
    asyncio.run(_serve(conn, count, seed))


def _ask(conn: Connection, command: str, argument: float = 0.0) -> float:
    conn.send((command, argument))
    if not conn.poll(_WAIT_S):
        raise TimeoutError("the device process did not answer")
    answer: float = conn.recv()
    return answer


def _cpu() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime, usage.ru_stime


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def _poll_all(clients: list[MiioClient], readable: list[tuple[int, int]]) -> None:
    results = await asyncio.gather(*(c.get_properties(readable) for c in clients))
    assert all(r.ok for batch in results for r in batch)  # noqa: S101 - a broken bench says so


async def _commands(clients: list[MiioClient], count: int) -> list[float]:
    took: list[float] = []
    for k in range(count):
        client = clients[k % len(clients)]
        start = time.perf_counter()
        done = await client.set_properties([(*MODE, k % 3)])
        took.append(time.perf_counter() - start)
        assert done[0].ok  # noqa: S101
    return took


async def _converge(client: MiioClient, mode: int) -> tuple[float, int]:
    start = time.perf_counter()
    gave_up = 0
    while True:
        try:
            await client.set_properties([(*MODE, mode)])
            read = await client.get_properties([MODE])
        except NoAnswer:
            gave_up += 1
            continue
        if read[0].value == mode:
            return time.perf_counter() - start, gave_up


async def _bench(
    args: argparse.Namespace, conn: Connection, readable: list[tuple[int, int]]
) -> None:
    if not conn.poll(_WAIT_S):
        raise TimeoutError("the device process did not start")
    addresses: list[tuple[str, int]] = conn.recv()
    clients = [
        MiioClient(host, _token(i), port=port, seed=i) for i, (host, port) in enumerate(addresses)
    ]
    for client in clients:
        await client.open()
    start = time.perf_counter()
    await asyncio.gather(*(c.hello() for c in clients))
    print(f"hello to {len(clients)} devices: {(time.perf_counter() - start) * 1e3:.0f} ms")

    await _poll_all(clients, readable)  # warm up
    resent = sum(c.stats.retries for c in clients)
    before, device_cpu, wall = _cpu(), _ask(conn, "cpu"), time.perf_counter()
    for _ in range(args.rounds):
        await _poll_all(clients, readable)
    polls = args.rounds * len(clients)
    wall = time.perf_counter() - wall
    user, system = (after - was for after, was in zip(_cpu(), before, strict=True))
    cpu = user + system
    device_cpu = _ask(conn, "cpu") - device_cpu
    print(
        f"polling: {polls} polls of {len(readable)} properties in {wall:.2f} s "
        f"({polls / wall:,.0f} polls/s, all devices at once; "
        f"{sum(c.stats.retries for c in clients) - resent} resends)\n"
        f"  client CPU per poll: {cpu / polls * 1e6:.0f} us (user {user / polls * 1e6:.0f}, "
        f"system {system / polls * 1e6:.0f}); "
        f"simulated devices' CPU per poll: {device_cpu / polls * 1e6:.0f} us"
    )

    idle = await _commands(clients, args.commands)
    busy_polling = asyncio.create_task(_keep_polling(clients, readable, args.period))
    await asyncio.sleep(args.period)  # every device is being polled by now
    try:
        busy = await _commands(clients, args.commands)
    finally:
        busy_polling.cancel()
        await asyncio.gather(busy_polling, return_exceptions=True)
    polling = f"while polling {len(clients) / args.period:.0f} devices/s"
    for label, took in (("idle", idle), (polling, busy)):
        print(
            f"command round trip {label}: p50 {_percentile(took, 0.5) * 1e3:.2f} ms, "
            f"p99 {_percentile(took, 0.99) * 1e3:.2f} ms ({len(took)} commands)"
        )

    _ask(conn, "loss", args.loss)
    retries = sum(c.stats.retries for c in clients)
    start = time.perf_counter()
    outcomes = await asyncio.gather(*(_converge(c, 1) for c in clients))
    total = time.perf_counter() - start
    times = [t for t, _ in outcomes]
    print(
        f"convergence at {args.loss:.0%} loss each way: all {len(clients)} devices in "
        f"{total:.2f} s (per device p50 {_percentile(times, 0.5) * 1e3:.0f} ms, "
        f"p99 {_percentile(times, 0.99) * 1e3:.0f} ms); "
        f"{sum(c.stats.retries for c in clients) - retries} resends, "
        f"{sum(g for _, g in outcomes)} calls gave up and were asked again"
    )
    for client in clients:
        await client.close()


async def _keep_polling(
    clients: list[MiioClient], readable: list[tuple[int, int]], period: float
) -> None:
    """Poll every device once per ``period``, the devices spread evenly over it."""

    async def one(index: int, client: MiioClient) -> None:
        await asyncio.sleep(period * index / len(clients))
        while True:
            started = time.perf_counter()
            await client.get_properties(readable)
            await asyncio.sleep(max(0.0, period - (time.perf_counter() - started)))

    await asyncio.gather(*(one(i, c) for i, c in enumerate(clients)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--commands", type=int, default=400)
    parser.add_argument("--loss", type=float, default=0.1)
    parser.add_argument("--period", type=float, default=2.0, help="poll period under load, s")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    readable = [(p.siid, p.iid) for p in _spec().properties() if p.readable]
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    devices = context.Process(target=_device_process, args=(theirs, args.devices, args.seed))
    devices.start()
    try:
        asyncio.run(_bench(args, ours, readable))
        _ask(ours, "stop")
    finally:
        devices.join(timeout=10)
        if devices.is_alive():
            devices.terminate()


if __name__ == "__main__":
    main()
