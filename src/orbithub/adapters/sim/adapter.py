"""The ``sim`` adapter: runs every simulated device of the hub on the hub's clock.

One task ticks the world: each tick advances the physics by the clock time that passed (in
slices of at most a minute, so long jumps stay stable), then reports what changed. Commands
apply at once and their effect is reported before :meth:`SimAdapter.send` returns, or, with a
``report_delay``, that long after it (as devices that reply first and report later do).
"""

from __future__ import annotations

import asyncio
import logging
import random

from orbithub.adapters.sim.base import DeviceSim, model_of
from orbithub.adapters.sim.scene import Scene
from orbithub.adapters.sim.simulators import SIMULATORS
from orbithub.adapters.sim.values import fit
from orbithub.core.adapter import AdapterHost, CallAction, Command, CommandResult, SetProperty
from orbithub.core.clock import Clock, SystemClock
from orbithub.core.registry import Device
from orbithub.spec.model import Value

__all__ = ["SimAdapter"]

_LOGGER = logging.getLogger(__name__)
_MAX_SLICE_S = 60.0


class SimAdapter:
    """Simulated devices with believable physics, coupled through rooms and a family's day.

    Deterministic: the same seed and the same clock steps give the same reports.

    Args:
        seed: seeds the weather, the family's routine and every device's own random source.
        tick: seconds of clock time between two updates.
        clock: the hub's clock (a :class:`~orbithub.core.clock.ScaledClock` runs the demo fast).
        routines: whether the family operates devices; off, only commands change them
            (physics still runs), which suits tests of a single device.
        report_delay: seconds of clock time between a command's reply and the device's report
            of its effect; each command's effect is reported as it was when applied, in order,
            and a delayed device's other reports wait until its last delayed one is out.
    """

    def __init__(
        self,
        *,
        seed: int = 0,
        tick: float = 10.0,
        clock: Clock | None = None,
        routines: bool = True,
        report_delay: float = 0.0,
    ) -> None:
        if tick <= 0:
            raise ValueError(f"the simulation tick must be positive, got {tick}")
        if report_delay < 0:
            raise ValueError(f"the report delay cannot be negative, got {report_delay}")
        self._seed = seed
        self._tick = tick
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._routines = routines
        self._host: AdapterHost | None = None
        self._scene: Scene | None = None
        self._last = 0.0
        self._reported: dict[str, dict[str, Value]] = {}
        self._offline: set[str] = set()
        self._report_delay = report_delay
        self._tasks: asyncio.TaskGroup | None = None
        self._held: dict[str, float] = {}

    @property
    def name(self) -> str:
        """Devices name this adapter ``sim``."""
        return "sim"

    @property
    def scene(self) -> Scene | None:
        """The simulated world, once started (weather, family, rooms, devices)."""
        return self._scene

    def simulator(self, device_id: str) -> DeviceSim | None:
        """The simulator of one device, for inspection and for scripted scenarios."""
        return None if self._scene is None else self._scene.sims.get(device_id)

    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        """Build the world from the registry, report every device once, start ticking."""
        self._host = host
        self._tasks = tasks
        now = self._clock.now()
        self._scene = Scene(self._seed, host.registry, now, routines=self._routines)
        self._last = now
        self._sync(now)
        tasks.create_task(self._run(), name="sim-tick")

    async def stop(self) -> None:
        """Nothing to close: the tick task (and delayed reports) are cancelled by the hub."""
        self._host = None
        self._tasks = None
        self._held.clear()

    async def _run(self) -> None:
        while True:
            await self._clock.sleep(self._tick)
            self.advance(self._clock.now())

    # -- the world --------------------------------------------------------------------------
    def _sync(self, now: float) -> None:
        """Start simulating devices added to the registry and forget removed ones."""
        scene, host = self._scene, self._host
        if scene is None or host is None:
            return
        wanted = {d.id: d for d in host.registry.devices(adapter=self.name)}
        for device_id in [i for i in scene.sims if i not in wanted]:
            del scene.sims[device_id]
            self._reported.pop(device_id, None)
        for device_id, device in wanted.items():
            current = scene.sims.get(device_id)
            if current is not None and current.device is device:
                continue
            scene.sims[device_id] = self._create(device, scene, now)
            self._reported.pop(device_id, None)
            host.set_online(device_id, device_id not in self._offline)
            self._report(scene.sims[device_id])

    def _create(self, device: Device, scene: Scene, now: float) -> DeviceSim:
        rng = random.Random(f"{self._seed}:{device.id}")  # noqa: S311 - simulation noise, not secrets
        factory = SIMULATORS.get(model_of(device))
        if factory is None:
            _LOGGER.warning(
                "no simulator for %s (model %r); it will only echo commands",
                device.id,
                model_of(device),
            )
            return DeviceSim(device, scene, rng, now)
        return factory(device, scene, rng, now)

    def advance(self, now: float) -> None:
        """Advance the world to ``now`` and report what changed. Loop only."""
        scene = self._scene
        if scene is None or now <= self._last:
            return
        self._sync(now)
        elapsed = now - self._last
        slices = max(1, int(-(-elapsed // _MAX_SLICE_S)))
        dt = elapsed / slices
        for i in range(1, slices + 1):
            t = self._last + dt * i
            for sim in scene.sims.values():
                sim.step(t, dt)
            scene.step_rooms(t, dt)
        self._last = now
        for sim in scene.sims.values():
            if sim.device.id not in self._held:
                self._report(sim)

    def _report(self, sim: DeviceSim, readings: dict[str, Value] | None = None) -> None:
        host = self._host
        if host is None:
            return
        device = sim.device
        if device.id in self._offline:
            sim.take_events()
            return
        last = self._reported.setdefault(device.id, {})
        changed: dict[str, object] = {}
        if readings is None:
            readings = {**sim.extra, **sim.readings()}
        for path, raw in readings.items():
            prop = device.spec.find_property(path)
            if prop is None or not prop.readable:
                continue
            value = fit(prop, raw)
            if value is None:
                continue
            old = last.get(path)
            if old is None or old != value or type(old) is not type(value):
                changed[path] = value
                last[path] = value
        if changed:
            host.report_many(device.id, changed)
        for address, arguments in sim.take_events():
            host.report_event(device.id, address, arguments)

    # -- availability and commands ----------------------------------------------------------
    def set_reachable(self, device_id: str, reachable: bool) -> None:
        """Take a simulated device off the network (or bring it back). Loop only."""
        if reachable:
            self._offline.discard(device_id)
        else:
            self._offline.add(device_id)
        if self._host is not None and self._host.registry.find_device(device_id) is not None:
            self._host.set_online(device_id, reachable)
            if reachable:
                self._reported.pop(device_id, None)
                sim = self.simulator(device_id)
                if sim is not None:
                    self._report(sim)

    async def _report_later(self, sim: DeviceSim, readings: dict[str, Value], due: float) -> None:
        await self._clock.sleep(self._report_delay)
        device_id = sim.device.id
        if self._held.get(device_id) == due:
            del self._held[device_id]
        self._report(sim, readings)

    async def send(self, command: Command) -> CommandResult:
        """Apply a command to the simulated device and report its new state (now or later)."""
        device_id = command.device.id
        sim = self.simulator(device_id)
        if sim is None:
            return CommandResult(False, message=f"{device_id} is not a simulated device")
        if device_id in self._offline:
            return CommandResult(False, message=f"{device_id} is offline and did not answer")
        if isinstance(command, SetProperty):
            ok = sim.write(command.prop.path, command.value)
            what = command.prop.path
        elif isinstance(command, CallAction):
            arguments = {prop.path: value for prop, value in command.arguments}
            ok = sim.call(command.action.path, arguments)
            what = command.action.path
        if self._report_delay > 0 and self._tasks is not None:
            due = self._clock.now() + self._report_delay
            self._held[device_id] = due
            snapshot = {**sim.extra, **sim.readings()}
            self._tasks.create_task(self._report_later(sim, snapshot, due), name="sim report")
        else:
            self._report(sim)
        if not ok:
            return CommandResult(
                False, message=f"the simulated {sim.device.spec.name} ignores {what}"
            )
        return CommandResult(True)
