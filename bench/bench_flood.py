"""What flood protection costs an OrbitHub-protocol device's state message, in process.

The broker is left out so that the figure is the hub's own work: one announced plug, state
messages handed to the adapter's protocol side as the receive path does. Three runs of each:

* uncounted: as the broker's replay of retained topics is (no rate counting);
* counted: a live message under the rate (one clock read and a few integer operations more);
* dropped: a live message over the rate (dropped before its payload is decoded).

    python bench/bench_flood.py [--messages 50000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time

import orjson

from orbithub.adapters.mqtt.faults import InputFaults
from orbithub.adapters.mqtt.flood import DEFAULT_MAX_RATE, FloodGate
from orbithub.adapters.mqtt.orbit_devices import OrbitDevices
from orbithub.core.hub import Hub
from orbithub.core.registry import Space

TOPIC = "orbit/home/plug-1/state"


def _devices(gate: FloodGate) -> tuple[Hub, OrbitDevices]:
    hub = Hub()
    hub.add_space(Space("home", "Home"))
    devices = OrbitDevices("orbit", "mqtt", InputFaults(logging.getLogger("bench")), 5.0, gate)
    announce = {"protocol": 1, "id": "plug-1", "name": "Plug", "model": "plug"}
    devices.handle(hub, "orbit/home/plug-1/announce", orjson.dumps(announce))
    return hub, devices


def _per_message(hub: Hub, devices: OrbitDevices, payloads: list[bytes], live: bool) -> float:
    start = time.process_time()
    for payload in payloads:
        devices.handle(hub, TOPIC, payload, live)
    return (time.process_time() - start) / len(payloads) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the one "throttled" warning is not the figure
    payloads = [
        orjson.dumps({"values": {"power-meter.electric-power": i % 4000}})
        for i in range(args.messages)
    ]
    open_hub, open_devices = _devices(FloodGate(10**9))
    shut_hub, shut_devices = _devices(FloodGate(DEFAULT_MAX_RATE))
    runs: dict[str, list[float]] = {"uncounted": [], "counted": [], "dropped": []}
    for _ in range(args.rounds):
        runs["uncounted"].append(_per_message(open_hub, open_devices, payloads, False))
        runs["counted"].append(_per_message(open_hub, open_devices, payloads, True))
        runs["dropped"].append(_per_message(shut_hub, shut_devices, payloads, True))
    print(f"{args.messages:,} state messages of one device x {args.rounds} (median), CPU time")
    for name, values in runs.items():
        print(f"{name:<10} {statistics.median(values):6.2f} µs/msg")


if __name__ == "__main__":
    main()
