"""What a hub pays for its Xiaomi devices: adding them, polling them, a command's way back.

Simulated purifiers (``xiaomi.airp.mb5``, 27 readable properties: two requests per poll) run in a
second process; the hub with the ``miio`` adapter runs in this one, so the CPU figure is the
hub's alone (adapter, client, core checks and state; no storage). Figures:

* adding: hello + ``miIO.info`` + the shipped spec + the devices file, per device, p50;
* CPU per poll: process CPU time / polls while every device is polled every ``--period`` s;
* a command's round trip through the hub, while that polling goes on: ``hub.set`` until the
  device confirms it, and until the hub's state shows it (polled back: the adapter looks
  0.3 s after a command), p50 / p99.

    python bench/bench_miio_hub.py [--devices 100] [--seconds 20] [--period 2] [--commands 100]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import secrets
import tempfile
import time
from importlib import resources
from multiprocessing.connection import Connection
from pathlib import Path

from orbithub.adapters.miio import SimulatedMiioDevice, Token
from orbithub.adapters.miio.adapter import MiioAdapter
from orbithub.adapters.miio.polling import PollPolicy
from orbithub.adapters.miio.specs import SpecResolver
from orbithub.core.hub import Hub
from orbithub.core.registry import Space
from orbithub.spec import DeviceType, load_spec_file

MODEL = "xiaomi.airp.mb5"
_WAIT_S = 60.0


def _spec() -> DeviceType:
    path = resources.files("orbithub.adapters.miio") / "models" / f"{MODEL}.json"
    return load_spec_file(str(path))


async def _serve(conn: Connection, tokens: list[str]) -> None:
    spec = _spec()
    devices = [
        SimulatedMiioDevice(spec, Token.from_hex(t), model=MODEL, device_id=20_000 + i, seed=i)
        for i, t in enumerate(tokens)
    ]
    for device in devices:
        await device.start()
    conn.send([device.address for device in devices])
    await asyncio.to_thread(conn.recv)  # until the bench is done


def _device_process(conn: Connection, tokens: list[str]) -> None:
    asyncio.run(_serve(conn, tokens))


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def _until(check: object, within: float = 10.0) -> None:
    async with asyncio.timeout(within):
        while not check():  # type: ignore[operator]  # noqa: ASYNC110 - a bench, not a test
            await asyncio.sleep(0.005)


async def _bench(
    args: argparse.Namespace, addresses: list[tuple[str, int]], tokens: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        policy = PollPolicy(
            fastest=args.period, slowest=args.period, after_command=0.3, budget=10_000
        )
        adapter = MiioAdapter(
            data, resolver=SpecResolver(data, service_url=None), policy=policy, watch_every=5.0
        )
        hub = Hub()
        hub.add_space(Space("home", "Home"))
        hub.add_adapter(adapter)
        async with hub:
            adds: list[float] = []
            for i, ((host, port), token) in enumerate(zip(addresses, tokens, strict=True)):
                started = time.perf_counter()
                await adapter.add(f"{host}:{port}", token, device_id=f"p{i}")
                adds.append(time.perf_counter() - started)
            ids = [f"p{i}" for i in range(len(addresses))]
            await _until(lambda: all(hub.state.is_online(i) for i in ids), _WAIT_S)
            polls_before = sum(s.polls for i in ids if (s := adapter.link_state(i)))
            cpu_before, wall_before = _cpu(), time.perf_counter()
            await asyncio.sleep(args.seconds)
            cpu = _cpu() - cpu_before
            wall = time.perf_counter() - wall_before
            polls = sum(s.polls for i in ids if (s := adapter.link_state(i))) - polls_before
            confirmed: list[float] = []
            seen: list[float] = []
            prop = hub.registry.device("p0").spec.property("air-purifier.mode")
            modes = [item.value for item in prop.value_list]
            for n in range(args.commands):
                device = ids[n % len(ids)]
                current = hub.state.value(device, prop.path)
                wanted = next(m for m in modes if m != current)
                started = time.perf_counter()
                result = await hub.set(device, prop.path, wanted)
                confirmed.append(time.perf_counter() - started)
                if not result.confirmed:
                    raise SystemExit(f"{device} refused the command: {result.message}")
                await _until(lambda d=device, w=wanted: hub.state.value(d, prop.path) == w)
                seen.append(time.perf_counter() - started)
    print(f"devices: {len(addresses)} ({MODEL}), polled every {args.period:g} s")
    print(f"adding a device: p50 {_percentile(adds, 0.5) * 1000:.1f} ms")
    print(
        f"polling: {polls} polls in {wall:.1f} s ({polls / wall:.0f}/s), hub CPU "
        f"{cpu / wall * 100:.1f} % of a core, {cpu / max(polls, 1) * 1e6:.0f} µs per poll"
    )
    print(
        f"command confirmed by the device: p50 {_percentile(confirmed, 0.5) * 1000:.1f} ms, "
        f"p99 {_percentile(confirmed, 0.99) * 1000:.1f} ms ({len(confirmed)} commands)"
    )
    print(
        f"command seen in the hub's state: p50 {_percentile(seen, 0.5) * 1000:.0f} ms, "
        f"p99 {_percentile(seen, 0.99) * 1000:.0f} ms"
    )


def main() -> None:
    """Run the bench and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--period", type=float, default=2.0)
    parser.add_argument("--commands", type=int, default=100)
    args = parser.parse_args()
    tokens = [secrets.token_hex(16) for _ in range(args.devices)]
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    devices = context.Process(target=_device_process, args=(theirs, tokens), daemon=True)
    devices.start()
    try:
        if not ours.poll(_WAIT_S):
            raise SystemExit("the simulated devices did not start")
        addresses = ours.recv()
        asyncio.run(_bench(args, addresses, tokens))
    finally:
        ours.send("done")
        devices.join(10)
        if devices.is_alive():
            devices.terminate()


if __name__ == "__main__":
    main()
