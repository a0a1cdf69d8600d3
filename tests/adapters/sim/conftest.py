"""A recording AdapterHost, a manual clock, and a harness that runs the sim adapter."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.core.clock import ManualClock
from orbithub.core.context import Context
from orbithub.core.registry import Device, Registry, Space

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> float:
    """Epoch seconds of a Beijing local time."""
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI).timestamp()


@dataclass(frozen=True, slots=True)
class Report:
    time: float
    device_id: str
    address: str
    value: object


class FakeHost:
    """Records every report and keeps the latest value of each property."""

    def __init__(self, registry: Registry, clock: ManualClock) -> None:
        self._registry = registry
        self.clock = clock
        self.reports: list[Report] = []
        self.events: list[tuple[float, str, str, dict[str, object]]] = []
        self.online: dict[str, bool] = {}
        self.state: dict[tuple[str, str], object] = {}

    @property
    def registry(self) -> Registry:
        return self._registry

    def now(self) -> float:
        return self.clock.now()

    def report(
        self, device_id: str, address: str, value: object, *, timestamp: float | None = None
    ) -> bool:
        self.reports.append(Report(self.clock.now(), device_id, address, value))
        self.state[(device_id, address)] = value
        return True

    def report_many(
        self, device_id: str, values: Mapping[str, object], *, timestamp: float | None = None
    ) -> int:
        for address, value in values.items():
            self.report(device_id, address, value, timestamp=timestamp)
        return len(values)

    def report_event(self, device_id: str, address: str, arguments: Mapping[str, object]) -> bool:
        self.events.append((self.clock.now(), device_id, address, dict(arguments)))
        return True

    def set_online(self, device_id: str, online: bool) -> None:
        self.online[device_id] = online

    def add_device(
        self, device: Device, *, replace: bool = False, context: Context | None = None
    ) -> None:
        self._registry.add_device(device, replace=replace)

    def remove_device(self, device_id: str, *, context: Context | None = None) -> Device:
        return self._registry.remove_device(device_id)

    def add_space(
        self, space: Space, *, replace: bool = False, context: Context | None = None
    ) -> None:
        self._registry.add_space(space, replace=replace)

    def value(self, device_id: str, address: str) -> object:
        return self.state[(device_id, address)]

    def number(self, device_id: str, address: str) -> float:
        value = self.state[(device_id, address)]
        assert isinstance(value, int | float)
        return float(value)

    def series(self, device_id: str, address: str) -> list[tuple[float, object]]:
        return [
            (r.time, r.value)
            for r in self.reports
            if r.device_id == device_id and r.address == address
        ]


def demo_registry(device_ids: Iterable[str] | None = None) -> Registry:
    """The demo world, or only some of its devices (all spaces and rooms stay)."""
    world = demo_world()
    wanted = None if device_ids is None else set(device_ids)
    registry = Registry()
    registry.load(
        world.spaces,
        world.rooms,
        [d for d in world.devices if wanted is None or d.id in wanted],
    )
    return registry


class _Stop(Exception):
    pass


@asynccontextmanager
async def running(adapter: SimAdapter, host: FakeHost) -> AsyncIterator[SimAdapter]:
    """Start the adapter in a task group; leaving cancels its tick task."""
    tasks = asyncio.TaskGroup()
    await tasks.__aenter__()
    await adapter.start(host, tasks)
    await asyncio.sleep(0)  # let the tick task reach its first sleep on the manual clock
    try:
        yield adapter
    finally:
        await adapter.stop()

        async def stop() -> None:
            raise _Stop

        tasks.create_task(stop())
        try:
            await tasks.__aexit__(None, None, None)
        except* _Stop:
            pass


@asynccontextmanager
async def simulation(
    start: float,
    device_ids: Iterable[str] | None = None,
    *,
    seed: int = 0,
    routines: bool = True,
    tick: float = 10.0,
) -> AsyncIterator[tuple[SimAdapter, FakeHost, ManualClock]]:
    """A running sim adapter over (part of) the demo world, on a manual clock."""
    clock = ManualClock(start)
    host = FakeHost(demo_registry(device_ids), clock)
    adapter = SimAdapter(seed=seed, tick=tick, clock=clock, routines=routines)
    async with running(adapter, host):
        yield adapter, host, clock
