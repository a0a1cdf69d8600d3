"""Trigger-to-action latency with 1,000 automations loaded, idle and under event load.

1,000 thermometers each drive one automation ("when thermometer i changes, switch plug i on")
through a real hub and engine on the wall clock; a recording adapter takes the commands. The
latency of one event is from ``hub.report`` to the command reaching the adapter. Loads of 0
(isolated events), 100 and 1,000 events/s, each event firing an automation.

With ``--mix`` the automations are a third each property, geofence (phone i enters place i)
and presence (someone arrives at place i) triggers, and the events rotate over the three kinds:
the cost of an event does not depend on how many automations of other kinds are loaded.

    python bench/bench_automation.py [--automations 1000] [--seconds 5] [--mix]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import time

from orbithub.automation import Engine
from orbithub.automation.model import (
    Automation,
    Mode,
    PresenceEvent,
    PresenceTrigger,
    PropertyTrigger,
    SetStep,
    Trigger,
    ZoneTrigger,
)
from orbithub.core.adapter import AdapterHost, Command, CommandResult
from orbithub.core.context import Context, Origin
from orbithub.core.events import PresenceChanged, ZoneChanged
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space
from orbithub.spec.library import device_type

PATH = "temperature-humidity-sensor.temperature"


class LatencyAdapter:
    """Takes commands and notes how long after its report each one arrived."""

    name = "bench"

    def __init__(self) -> None:
        self.sent_at: dict[str, float] = {}
        self.latencies: list[float] = []
        self.drained = asyncio.Event()

    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        """Nothing to connect."""

    async def stop(self) -> None:
        """Nothing to close."""

    async def send(self, command: Command) -> CommandResult:
        """Note the latency of the report that caused this command."""
        start = self.sent_at.pop(command.device.id.replace("plug", "temp"), None)
        if start is not None:
            self.latencies.append(time.perf_counter() - start)
        if not self.sent_at:
            self.drained.set()
        return CommandResult(True)

    def expect(self, device: str) -> None:
        """A report of ``device`` goes out now."""
        self.sent_at[device] = time.perf_counter()
        self.drained.clear()


_KINDS = ("property", "zone", "presence")
_CONTEXT = Context(Origin.SYSTEM, "bench")


def kind_of(i: int, mix: bool) -> str:
    """Which trigger kind automation ``i`` has."""
    return _KINDS[i % 3] if mix else "property"


def trigger_of(i: int, mix: bool) -> Trigger:
    """Automation ``i``'s trigger: its thermometer, or phone/presence at place i."""
    kind = kind_of(i, mix)
    if kind == "zone":
        return ZoneTrigger(f"place-{i}", True, device=f"temp-{i}")
    if kind == "presence":
        return PresenceTrigger(f"place-{i}", PresenceEvent.ARRIVED)
    return PropertyTrigger(f"temp-{i}", PATH)


def build(count: int, mix: bool = False) -> tuple[Hub, LatencyAdapter, list[Automation]]:
    hub = Hub()
    hub.add_space(Space("home", "Home", timezone="Europe/Berlin", latitude=52.5, longitude=13.4))
    sensor, plug = device_type("temperature-humidity-sensor"), device_type("switch")
    automations = []
    for i in range(count):
        if mix:
            hub.add_space(Space(f"place-{i}", f"Place {i}", latitude=52.5, longitude=13.4))
        hub.add_device(Device(f"temp-{i}", f"T{i}", sensor, "home", "bench"))
        hub.add_device(Device(f"plug-{i}", f"P{i}", plug, "home", "bench"))
        automations.append(
            Automation(
                f"a{i}",
                f"Automation {i}",
                (trigger_of(i, mix),),
                actions=(SetStep(f"plug-{i}", "switch.on", True),),
                mode=Mode.PARALLEL,
            )
        )
    adapter = LatencyAdapter()
    hub.add_adapter(adapter)
    return hub, adapter, automations


def next_value(hub: Hub, device: str) -> float:
    """A value different from the thermometer's current one, so every report is a change.

    The spec's 0.1 step would round smaller moves away.
    """
    return 20.1 if hub.state.value(device, PATH) == 20.0 else 20.0


def emit(hub: Hub, i: int, mix: bool) -> None:
    """The event that fires automation ``i``: a reading, a geofence entry or an arrival."""
    kind, device = kind_of(i, mix), f"temp-{i}"
    if kind == "zone":
        seq = hub.bus.next_seq()
        hub.bus.publish(ZoneChanged(seq, hub.now(), f"place-{i}", device, True, 5.0, _CONTEXT))
    elif kind == "presence":
        seq = hub.bus.next_seq()
        event = PresenceChanged(seq, hub.now(), f"place-{i}", "alex", True, ("alex",), _CONTEXT)
        hub.bus.publish(event)
    else:
        hub.report(device, PATH, next_value(hub, device))


async def drive(
    hub: Hub, adapter: LatencyAdapter, count: int, rate: float, seconds: float, mix: bool
) -> int:
    """Report at ``rate`` events/s (0: one at a time, each after the previous acted)."""
    adapter.latencies.clear()
    sent = 0
    if rate == 0:
        for n in range(300):
            adapter.expect(f"temp-{n % count}")
            emit(hub, n % count, mix)
            sent += 1
            async with asyncio.timeout(10):
                await adapter.drained.wait()
            await asyncio.sleep(0.002)
        return sent
    start = time.perf_counter()
    total = int(rate * seconds)
    while sent < total:
        due = start + sent / rate
        now = time.perf_counter()
        if due > now:
            await asyncio.sleep(due - now)
        # Catch up on every slot that is due (the loop may wake late); each is one event.
        while sent < total and start + sent / rate <= time.perf_counter():
            adapter.expect(f"temp-{sent % count}")
            emit(hub, sent % count, mix)
            sent += 1
    async with asyncio.timeout(10):
        await adapter.drained.wait()
    return sent


def figures(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p50 = statistics.median(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return f"p50 {p50:6.3f} ms   p99 {p99:6.3f} ms   max {ms[-1]:6.3f} ms   n={len(ms)}"


async def main(count: int, seconds: float, mix: bool) -> None:
    hub, adapter, automations = build(count, mix)
    started = time.perf_counter()
    async with hub, Engine(hub, automations, keep_evaluations=20, keep_runs=5) as engine:
        loaded = time.perf_counter() - started
        print(
            f"{len(engine.automations())} automations loaded and engine started in {loaded:.3f} s"
        )
        gc.collect()
        for rate in (0.0, 100.0, 1000.0):
            sent = await drive(hub, adapter, count, rate, seconds, mix)
            label = "idle (isolated events)" if rate == 0 else f"{rate:>6.0f} events/s"
            print(f"{label:24} {figures(adapter.latencies)}   events={sent}")
            await engine.wait_idle(10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--automations", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--mix", action="store_true", help="property, geofence and presence")
    args = parser.parse_args()
    asyncio.run(main(args.automations, args.seconds, args.mix))
