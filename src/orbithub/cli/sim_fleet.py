"""The demo's simulated devices as real MQTT devices.

Each simulated device is a device of the SDK with its own MQTT connection: it announces itself,
reports its state and answers commands over the broker, exactly as a device a maker built
would. The physics come from the sim adapter, which here reports to this fleet instead of to a
hub; the hub on the other side of the broker sees only MQTT.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from typing import Literal

from orbithub.adapters.mqtt.accounts import DeviceCredentials
from orbithub.adapters.sim import DemoWorld, SimAdapter
from orbithub.adapters.sim.base import DeviceSim
from orbithub.core.adapter import CallAction, SetProperty
from orbithub.core.clock import Clock
from orbithub.core.commands import build_call_arguments
from orbithub.core.context import Context, Origin
from orbithub.core.registry import Device, Registry, Space
from orbithub.errors import OrbitHubError
from orbithub.sdk import ActionHandler, SetHandler
from orbithub.sdk import Device as SdkDevice
from orbithub.spec.model import Action, Property, Value

__all__ = ["SimFleet"]

_LOGGER = logging.getLogger(__name__)
_QUEUE = 10_000

# (device id, event path or None for a state report, values or arguments, device timestamp)
_Report = tuple[str, str | None, Mapping[str, object], float | None]


class SimFleet:
    """Runs every device of a demo world as an MQTT device on ``broker``.

    Args:
        world: the demo world; its devices are simulated, its spaces and rooms give context.
        broker: the broker URL the devices connect to.
        seed: the simulation's seed.
        clock: the clock the physics run on (the hub's, so time agrees on both sides).
        prefix: the OrbitHub protocol topic prefix.
        mqtt_version: ``"3.1.1"`` for brokers that speak only that (the embedded one).
        credentials: each device's own broker login, by device id (the embedded broker lets
            no one in without); a device without uses what ``broker`` carries.
        elsewhere: devices whose physics run here but that reach the hub over another wire
            (the demo's miIO devices): they get no MQTT connection.
    """

    def __init__(
        self,
        world: DemoWorld,
        *,
        broker: str,
        seed: int,
        clock: Clock,
        prefix: str = "orbit",
        mqtt_version: Literal["auto", "5", "3.1.1"] = "auto",
        credentials: Mapping[str, DeviceCredentials] | None = None,
        elsewhere: frozenset[str] = frozenset(),
    ) -> None:
        self._clock = clock
        self._registry = Registry()
        self._registry.load(world.spaces, world.rooms, world.devices)
        self._sim = SimAdapter(seed=seed, clock=clock)
        self._outbox: asyncio.Queue[_Report] = asyncio.Queue(_QUEUE)
        self.devices: dict[str, SdkDevice] = {}
        self.refused = 0
        """Reports the SDK refused (off-spec values; each is logged)."""
        for device in world.devices:
            if device.id in elsewhere:
                continue
            login = (credentials or {}).get(device.id)
            sdk = SdkDevice(
                device.id,
                space=device.space_id,
                name=device.name,
                model=device.model,
                broker=broker,
                prefix=prefix,
                room=device.room_id,
                aliases=device.aliases,
                mqtt_version=mqtt_version,
                client_id=f"orbithub-demo-{device.id}",
                owner=device.owner,
                username=login.username if login else None,
                password=login.password if login else None,
            )
            self._wire_commands(sdk, device)
            self.devices[device.id] = sdk
        self._stack = contextlib.AsyncExitStack()

    @property
    def physics(self) -> SimAdapter:
        """The physics of every device of the world (those ``elsewhere`` too)."""
        return self._sim

    # -- commands from the hub, applied to the physics --------------------------------------
    def _wire_commands(self, sdk: SdkDevice, device: Device) -> None:
        for prop in device.spec.properties():
            if prop.writable:
                sdk.on_set(prop.path)(self._setter(device, prop))
        for service in device.spec.services:
            for action in service.actions:
                sdk.on_action(action.path)(self._caller(device, action))

    def _setter(self, device: Device, prop: Property) -> SetHandler:
        async def handle(value: Value) -> bool:
            result = await self._sim.send(SetProperty(device, prop, value, _DEMO_CONTEXT))
            if not result.confirmed:
                raise OrbitHubError(result.message or "the simulated device refused it")
            return False  # the simulator reports the new state itself

        return handle

    def _caller(self, device: Device, action: Action) -> ActionHandler:
        async def handle(*values: Value) -> Mapping[str, object]:
            # The same matching and checking the hub applies to every call.
            args = build_call_arguments(device.spec, action, values)
            result = await self._sim.send(CallAction(device, action, args, _DEMO_CONTEXT))
            if not result.confirmed:
                raise OrbitHubError(result.message or "the simulated device refused it")
            return dict(result.outputs)

        return handle

    async def unplug(self, device_id: str) -> None:
        """Take one device off the broker for good, as a pulled plug does (the hub is told)."""
        sdk = self.devices.get(device_id)
        if sdk is not None:
            await sdk.stop()

    def simulator(self, device_id: str) -> DeviceSim | None:
        """The simulator of one device once started, for scripted scenarios (the demo's)."""
        return self._sim.simulator(device_id)

    # -- the sim adapter's host: reports go out over MQTT --------------------------------------
    @property
    def registry(self) -> Registry:
        """The world as the devices know it."""
        return self._registry

    def now(self) -> float:
        """The shared clock's time."""
        return self._clock.now()

    def report(
        self, device_id: str, address: str, value: object, *, timestamp: float | None = None
    ) -> bool:
        """Queue one reading for its device's connection."""
        return self.report_many(device_id, {address: value}, timestamp=timestamp) == 1

    def report_many(
        self, device_id: str, values: Mapping[str, object], *, timestamp: float | None = None
    ) -> int:
        """Queue readings for their device's connection; loop only."""
        return len(values) if self._queue((device_id, None, values, timestamp)) else 0

    def report_event(self, device_id: str, address: str, arguments: Mapping[str, object]) -> bool:
        """Queue an event for its device's connection; loop only."""
        return self._queue((device_id, address, arguments, None))

    def set_online(self, device_id: str, online: bool) -> None:
        """Availability follows each device's own connection (its last will), not the physics."""

    def add_device(
        self, device: Device, *, replace: bool = False, context: Context | None = None
    ) -> None:
        """Add a device to the fleet's view (the simulators never do)."""
        self._registry.add_device(device, replace=replace)

    def remove_device(self, device_id: str, *, context: Context | None = None) -> Device:
        """Remove a device from the fleet's view."""
        return self._registry.remove_device(device_id)

    def add_space(
        self, space: Space, *, replace: bool = False, context: Context | None = None
    ) -> None:
        """Add a space to the fleet's view (the simulators never do)."""
        self._registry.add_space(space, replace=replace)

    def _queue(self, item: _Report) -> bool:
        try:
            self._outbox.put_nowait(item)
        except asyncio.QueueFull:
            # The broker is gone for long: the latest readings matter, stale ones do not.
            self.refused += 1
            return False
        return True

    async def _pump(self) -> None:
        while True:
            device_id, event, values, timestamp = await self._outbox.get()
            sdk = self.devices.get(device_id)
            if sdk is None:
                continue
            try:
                if event is None:
                    await sdk.report(values, ts=timestamp)
                else:
                    await sdk.report_event(event, values)
            except OrbitHubError as exc:
                self.refused += 1
                _LOGGER.warning("simulated %s reported something off-spec: %s", device_id, exc)

    # -- lifecycle -----------------------------------------------------------------------------
    @property
    def name(self) -> str:
        """``simulated devices`` (a :class:`~orbithub.core.lifecycle.Service`)."""
        return "simulated devices"

    async def start(self, tasks: asyncio.TaskGroup) -> None:
        """Connect every device (they announce themselves), then start the physics."""
        await asyncio.gather(*(self._stack.enter_async_context(d) for d in self.devices.values()))
        tasks.create_task(self._pump())
        await self._sim.start(self, tasks)
        _LOGGER.info("%d simulated devices connected to the broker", len(self.devices))

    async def stop(self) -> None:
        """Stop the physics and disconnect every device (each says it goes offline)."""
        await self._sim.stop()
        await self._stack.aclose()


_DEMO_CONTEXT = Context(Origin.SYSTEM, "demo")
