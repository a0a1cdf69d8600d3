"""The demo's purifier and bedside lamp as Xiaomi devices: real miIO on loopback, same physics.

Each one is a simulated miIO device (its own UDP port, its own token) whose values come from
the demo's physics, so the purifier still cleans the living room's air and the family still
switches the lamp. The hub learns of them the way it learns of a user's device: their spec
files are dropped into the data directory, and each is added with its address and token,
which asks it for hello and ``miIO.info``. Every command from the app, the assistant or an
automation then travels the whole miIO path, every day the demo runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path

from orbithub.adapters.miio.adapter import ADAPTER_NAME, MiioAdapter
from orbithub.adapters.miio.errors import DeviceBusy, ValueRefused
from orbithub.adapters.miio.packet import Token
from orbithub.adapters.miio.simulated import SimulatedMiioDevice, SpecValues
from orbithub.adapters.miio.specs import SpecResolver
from orbithub.adapters.sim import SimAdapter
from orbithub.adapters.sim.base import DeviceSim
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.errors import OrbitHubError
from orbithub.files import write_atomically
from orbithub.spec.miot import dump_spec
from orbithub.spec.model import Action, Property, Value

__all__ = ["MIIO_DEVICES", "MiioDemo"]

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Plan:
    model: str
    did: int


MIIO_DEVICES: dict[str, _Plan] = {
    "living-room-purifier": _Plan("orbithub.airp.sim1", 0x0D3E_0001),
    "bedroom-lamp": _Plan("orbithub.light.sim1", 0x0D3E_0002),
}
"""The demo devices that speak miIO, with the model each announces and its device id."""


class _Physics:
    """A simulated miIO device's values, read from and written to the demo's physics."""

    def __init__(self, physics: SimAdapter, device: Device) -> None:
        self._physics = physics
        self._device_id = device.id
        self._fallback = SpecValues(device.spec)  # what the physics does not model

    def _sim(self, what: str) -> DeviceSim:
        sim = self._physics.simulator(self._device_id)
        if sim is None:  # the physics has not started yet
            raise DeviceBusy(-4004, what, "starting")
        return sim

    def read(self, prop: Property) -> Value:
        sim = self._sim(prop.ids)
        raw = {**sim.extra, **sim.readings()}.get(prop.path)
        return self._fallback.read(prop) if raw is None else raw

    def write(self, prop: Property, value: Value) -> None:
        if not self._sim(prop.ids).write(prop.path, value):
            raise ValueRefused(-4005, prop.ids, "refused")

    def act(self, action: Action, args: tuple[Value, ...]) -> tuple[Value, ...]:
        sim = self._sim(action.ids)
        service = sim.device.spec.service(action.siid)
        named: dict[str, Value] = {}
        for piid, value in zip(action.in_, args, strict=False):
            prop = service.property(piid) if service is not None else None
            if prop is not None:
                named[prop.path] = value
        if not sim.call(action.path, named):
            raise DeviceBusy(-4004, action.ids, "not modelled")
        return ()


class MiioDemo:
    """Runs the demo's miIO devices and adds them to the hub like a user's devices.

    Args:
        devices: the demo world's records of the devices to run over miIO.
        physics: the demo's physics (already started: it simulates every demo device).
        hub: the running hub, whose ``miio`` adapter adds them.
        data_dir: the hub's data directory (their spec files are dropped in there).
    """

    def __init__(
        self, devices: list[Device], physics: SimAdapter, hub: Hub, data_dir: Path
    ) -> None:
        self._devices = [d for d in devices if d.id in MIIO_DEVICES]
        self._physics = physics
        self._hub = hub
        self._data_dir = data_dir
        self._running: list[SimulatedMiioDevice] = []

    @property
    def name(self) -> str:
        """``simulated Xiaomi devices`` (a :class:`~orbithub.core.lifecycle.Service`)."""
        return "simulated Xiaomi devices"

    async def start(self, tasks: asyncio.TaskGroup) -> None:
        """Drop the spec files, start each device on loopback, add it through the miio adapter."""
        adapter = self._hub.adapter(ADAPTER_NAME)
        if not isinstance(adapter, MiioAdapter):
            _LOGGER.warning("the hub runs no miio adapter: the demo's Xiaomi devices stay off")
            return
        drops = SpecResolver(self._data_dir, service_url=None)
        for device in self._devices:
            plan = MIIO_DEVICES[device.id]
            text = json.dumps(dump_spec(device.spec), indent=2, ensure_ascii=False)
            await asyncio.to_thread(write_atomically, drops.drop_path(plan.model), text)
            token = secrets.token_hex(16)  # a new one every run, as after a device reset
            endpoint = SimulatedMiioDevice(
                device.spec,
                Token.from_hex(token),
                model=plan.model,
                device_id=plan.did,
                provider=_Physics(self._physics, device),
            )
            await endpoint.start()
            self._running.append(endpoint)
            known = self._hub.registry.find_device(device.id)
            if known is not None and known.adapter != ADAPTER_NAME:
                # An earlier demo version had it on MQTT: it moves to miIO, its history stays.
                self._hub.remove_device(device.id)
            host, port = endpoint.address
            try:
                await adapter.add(
                    f"{host}:{port}",
                    token,
                    device_id=device.id,
                    name=device.name,
                    space_id=device.space_id,
                    room_id=device.room_id,
                    aliases=device.aliases,
                )
            except OrbitHubError as exc:
                # The rest of the demo goes on without it, as a home goes on without a device.
                _LOGGER.warning("the demo's %s could not be added over miIO: %s", device.id, exc)
        _LOGGER.info("%d demo devices speak miIO on loopback", len(self._running))

    async def stop(self) -> None:
        """Stop the devices (the hub sees them go silent if it still runs)."""
        for endpoint in self._running:
            with contextlib.suppress(OSError):
                await endpoint.stop()
        self._running.clear()
