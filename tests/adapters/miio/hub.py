"""A hub with the miio adapter, and simulated Xiaomi devices on loopback to add to it."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from orbithub.adapters.miio.adapter import MiioAdapter
from orbithub.adapters.miio.client_types import Timing
from orbithub.adapters.miio.errors import DeviceBusy
from orbithub.adapters.miio.packet import Token
from orbithub.adapters.miio.polling import PollPolicy
from orbithub.adapters.miio.simulated import SimulatedMiioDevice, SpecValues
from orbithub.adapters.miio.specs import SpecResolver
from orbithub.core.events import HubEvent
from orbithub.core.hub import Hub
from orbithub.core.registry import Space
from orbithub.spec import DeviceType, Property, Value, load_spec
from tests.conftest import REPO

TOKEN = "5f4dcc3b5aa765d61d8327deb882cf99"  # noqa: S105 - made up for the tests
PURIFIER = "xiaomi.airp.mb5"
FAST = PollPolicy(
    fastest=0.2,
    slowest=0.6,
    after_command=0.05,
    offline_retry=0.2,
    offline_slowest=0.4,
    budget=1000,
)
QUICK = Timing(first_wait=0.2, max_wait=0.4, deadline=2.5)


def purifier_spec() -> DeviceType:
    path = REPO / "src" / "orbithub" / "adapters" / "miio" / "models" / f"{PURIFIER}.json"
    return load_spec(json.loads(path.read_text(encoding="utf-8")))


class Flaky(SpecValues):
    """Values in memory; while ``busy``, every read and write is answered "busy" (-4004)."""

    busy = False

    def read(self, prop: Property) -> Value:
        if self.busy:
            raise DeviceBusy(-4004, prop.ids, "busy")
        return super().read(prop)

    def write(self, prop: Property, value: Value) -> None:
        if self.busy:
            raise DeviceBusy(-4004, prop.ids, "busy")
        super().write(prop, value)


def simulated_purifier(*, port: int = 0, did: int = 40_000_123) -> SimulatedMiioDevice:
    spec = purifier_spec()
    values = Flaky(spec, {"air-purifier.on": True, "environment.pm2.5-density": 35})
    return SimulatedMiioDevice(
        spec, Token.from_hex(TOKEN), model=PURIFIER, device_id=did, provider=values, port=port
    )


@dataclass
class MiioHub:
    hub: Hub
    adapter: MiioAdapter
    data_dir: Path


@contextlib.asynccontextmanager
async def miio_hub(tmp_path: Path) -> AsyncIterator[MiioHub]:
    """A running hub with only the miio adapter.

    A context manager used inside the test, not a fixture: the hub's task scope must be entered
    and left by the same task.
    """
    hub = Hub()
    hub.add_space(Space("home", "Home"))
    adapter = MiioAdapter(
        tmp_path,
        resolver=SpecResolver(tmp_path, service_url=None),
        policy=FAST,
        timing=QUICK,
        watch_every=0.1,
    )
    hub.add_adapter(adapter)
    async with hub:
        yield MiioHub(hub, adapter, tmp_path)


@contextlib.asynccontextmanager
async def running(device: SimulatedMiioDevice) -> AsyncIterator[SimulatedMiioDevice]:
    await device.start()
    try:
        yield device
    finally:
        await device.stop()


async def until(hub: Hub, check: Callable[[], bool], within: float = 5.0) -> None:
    """Wait until ``check()`` holds, looking again on every hub event (no sleeping)."""
    changed = asyncio.Event()

    def on_event(_event: HubEvent) -> None:
        changed.set()

    stop = hub.bus.listen(on_event)
    try:
        async with asyncio.timeout(within):
            while not check():
                await changed.wait()
                changed.clear()
    finally:
        stop()


async def until_seen(check: Callable[[], bool], within: float = 5.0) -> None:
    """Wait until ``check()`` holds, for conditions no hub event announces (polls counted)."""
    async with asyncio.timeout(within):
        while not check():  # noqa: ASYNC110 - a silent poll publishes no event to wait on
            await asyncio.sleep(0.02)


class ThreadedPurifier:
    """A simulated purifier answering on loopback from a loop of its own thread.

    For callers that block (the command line, a browser test) while the device must answer.
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.values = SpecValues(purifier_spec(), {"air-purifier.on": True})
        self.device = SimulatedMiioDevice(
            purifier_spec(),
            Token.from_hex(TOKEN),
            model=PURIFIER,
            device_id=7_000_001,
            provider=self.values,
        )
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self._do(self.device.start())

    def _do(self, work: object) -> None:
        done: Future[None] = asyncio.run_coroutine_threadsafe(work, self.loop)  # type: ignore[arg-type]
        done.result(timeout=10)

    @property
    def host(self) -> str:
        host, port = self.device.address
        return f"{host}:{port}"

    def close(self) -> None:
        self._do(self.device.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()
