"""The ``miio`` adapter: the hub's Xiaomi devices on the local network, polled and commanded.

The devices file (:mod:`~orbithub.adapters.miio.tokens`) says which devices there are; the
adapter keeps the hub's registry in step with it (the command line may change the file while
the hub runs) and runs one :class:`~orbithub.adapters.miio.link.Link` per device whose spec is
known. A device waiting for its spec joins as soon as its spec file appears.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from pathlib import Path

from orbithub.adapters.miio.client_types import Timing
from orbithub.adapters.miio.devices import Added, Listed, XiaomiDevices
from orbithub.adapters.miio.link import Link, LinkState
from orbithub.adapters.miio.polling import PollPolicy
from orbithub.adapters.miio.specs import SpecResolver, spec_service_from_env
from orbithub.adapters.miio.tokens import XiaomiDevice, XiaomiDeviceStore
from orbithub.core.adapter import AdapterHost, Command, CommandResult
from orbithub.core.errors import CoreError, UnknownRoomError
from orbithub.core.registry import Device

__all__ = ["ADAPTER_NAME", "MiioAdapter"]

_LOGGER = logging.getLogger(__name__)

ADAPTER_NAME = "miio"
_WATCH_S = 2.0
"""Seconds between looks at the devices file (one ``stat``) and for dropped-in spec files."""


class MiioAdapter:
    """Xiaomi devices over miIO, from the devices file of one data directory.

    Args:
        data_dir: the hub's data directory (the devices file, spec files and cache).
        resolver: where specs come from; default: the data directory and the spec service
            named by ``ORBITHUB_MIOT_SPEC_URL``.
        policy: the polling rhythm.
        timing: how long one request to a device may take.
        watch_every: seconds between looks at the devices file.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        resolver: SpecResolver | None = None,
        policy: PollPolicy | None = None,
        timing: Timing | None = None,
        watch_every: float = _WATCH_S,
    ) -> None:
        self.devices = XiaomiDevices(
            XiaomiDeviceStore.in_data_dir(data_dir),
            resolver or SpecResolver(data_dir, service_url=spec_service_from_env()),
            timing=timing,
        )
        self._policy = policy or PollPolicy()
        self._timing = timing
        self._watch_every = watch_every
        self._host: AdapterHost | None = None
        self._tasks: asyncio.TaskGroup | None = None
        self._links: dict[str, tuple[Link, asyncio.Task[None]]] = {}
        self._sync_lock = asyncio.Lock()
        self._waiting: dict[str, str] = {}  # device id -> why it has not joined (logged once)

    @property
    def name(self) -> str:
        """Devices name this adapter ``miio``."""
        return ADAPTER_NAME

    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        """Bring the registry in step with the devices file and start polling."""
        self._host, self._tasks = host, tasks
        await self.sync()
        tasks.create_task(self._watch(), name="miio-watch")

    async def stop(self) -> None:
        """Stop every device's loop (each closes its socket)."""
        links, self._links = self._links, {}
        for _, task in links.values():
            task.cancel()
        for link, task in links.values():
            with contextlib.suppress(asyncio.CancelledError):
                await task
            await link.close()
        self._host = self._tasks = None

    async def send(self, command: Command) -> CommandResult:
        """Send a command to a Xiaomi device; its answer decides success."""
        entry = self._links.get(command.device.id)
        if entry is None:
            return CommandResult(
                False, message=f"{command.device.id} is not a Xiaomi device this hub polls"
            )
        return await entry[0].send(command)

    # -- what the API and the demo use ---------------------------------------------------------
    async def add(
        self,
        host: str,
        token: str | None,
        *,
        device_id: str | None = None,
        name: str | None = None,
        space_id: str = "home",
        room_id: str | None = None,
        aliases: tuple[str, ...] = (),
    ) -> Added:
        """:meth:`XiaomiDevices.add`, then the device joins the running hub at once."""
        added = await self.devices.add(
            host,
            token,
            device_id=device_id,
            name=name,
            space_id=space_id,
            room_id=room_id,
            aliases=aliases,
        )
        await self.sync()
        return added

    async def remove(self, device_id: str) -> XiaomiDevice:
        """:meth:`XiaomiDevices.remove`, then the device leaves the running hub at once."""
        gone = await self.devices.remove(device_id)
        await self.sync()
        return gone

    def link_state(self, device_id: str) -> LinkState | None:
        """How the conversation with a device goes, or None when it is not polled."""
        entry = self._links.get(device_id)
        return None if entry is None else entry[0].state()

    # -- keeping the registry in step ----------------------------------------------------------
    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(self._watch_every)
            try:
                await self.sync(only_if_changed=True)
            except Exception:  # a bad file must not end the adapter; the next look may succeed
                _LOGGER.exception("the Xiaomi devices could not be brought up to date")

    async def sync(self, *, only_if_changed: bool = False) -> None:
        """Add, replace and remove hub devices and their loops to match the devices file.

        With ``only_if_changed`` (the periodic look), nothing is read unless the file changed
        or a device waits for its spec file: reading every spec every few seconds is waste.
        """
        async with self._sync_lock:
            changed = await asyncio.to_thread(self.devices.store.refresh)
            if only_if_changed and not changed and not self._waiting:
                return
            listed = await self.devices.listed()
            host = self._host
            if host is None:
                return
            wanted = {entry.device.id: entry for entry in listed}
            for device_id in [i for i in self._links if i not in wanted]:
                await self._drop(device_id)
            for device in host.registry.devices(adapter=ADAPTER_NAME):
                if device.id not in wanted:
                    host.remove_device(device.id)
                    _LOGGER.info("Xiaomi device %s removed", device.id)
            for entry in listed:
                await self._join(host, entry)

    async def _join(self, host: AdapterHost, entry: Listed) -> None:
        record = entry.device
        current = self._links.get(record.id)
        if entry.spec is None:
            if current is None and self._waiting.get(record.id) != entry.problem:
                self._waiting[record.id] = entry.problem or ""
                _LOGGER.warning("Xiaomi device %s waits: %s", record.id, entry.problem)
            return
        self._waiting.pop(record.id, None)
        device = Device(
            id=record.id,
            name=record.name,
            spec=entry.spec.spec,
            space_id=record.space_id,
            adapter=ADAPTER_NAME,
            room_id=record.room_id,
            aliases=record.aliases,
            model=record.model,
        )
        if current is not None and current[0].record == record and current[0].device == device:
            return
        existing = host.registry.find_device(record.id)
        if existing is not None and existing.adapter != ADAPTER_NAME:
            _LOGGER.warning(
                "Xiaomi device %s not added: the id belongs to a device of adapter %s",
                record.id,
                existing.adapter,
            )
            return
        try:
            device = self._place(host, device, existing)
        except CoreError as exc:
            _LOGGER.warning("Xiaomi device %s not added: %s", record.id, exc)
            return
        if current is not None:
            # Replaced (new address or token): the old loop ends and its socket with it.
            await self._drop(record.id)
        await self._start_link(host, record, device)

    def _place(self, host: AdapterHost, device: Device, existing: Device | None) -> Device:
        if existing == device:
            return device
        try:
            host.add_device(device, replace=existing is not None)
        except UnknownRoomError as exc:
            _LOGGER.warning("Xiaomi device %s is added without a room: %s", device.id, exc)
            device = dataclasses.replace(device, room_id=None)
            if existing != device:
                host.add_device(device, replace=existing is not None)
        return device

    async def _start_link(self, host: AdapterHost, record: XiaomiDevice, device: Device) -> None:
        tasks = self._tasks
        if tasks is None:
            return
        loop = asyncio.get_running_loop()
        link = Link(record, device, host, policy=self._policy, timing=self._timing, now=loop.time)
        await link.open()
        task = tasks.create_task(self._guarded(link), name=f"miio-{record.id}")
        self._links[record.id] = (link, task)

    async def _guarded(self, link: Link) -> None:
        try:
            await link.run()
        except asyncio.CancelledError:
            raise
        except Exception:  # one device's failure must not take the hub's task group down
            _LOGGER.exception("the loop of Xiaomi device %s stopped", link.device.id)

    async def _drop(self, device_id: str) -> None:
        link, task = self._links.pop(device_id)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await link.close()
        _LOGGER.debug("stopped polling %s", link.device.id)
