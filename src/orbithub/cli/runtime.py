"""Wiring: the one place that builds a running hub from its parts.

Storage, the recorder, the audit trail, the guarded command entry, the adapters and the control
socket are assembled here, in the order that keeps history complete: the recorder and the audit
trail listen before the first record is added and flush after the last adapter has stopped.
Every part that sends commands gets :attr:`Runtime.commands` (or its port), never the hub.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from orbithub.access import Commands, DeviceApprovals, StoredOwnerRights
from orbithub.adapters.miio.adapter import MiioAdapter
from orbithub.cli.control import ControlServer, socket_path
from orbithub.cli.running import announced
from orbithub.cli.settings import Settings
from orbithub.cli.xiaomi import xiaomi_ops
from orbithub.core.adapter import Adapter
from orbithub.core.clock import Clock
from orbithub.core.hub import Hub
from orbithub.core.lifecycle import running
from orbithub.core.registry import Device, Registry, Room, Space
from orbithub.storage import Database, Recorder
from orbithub.storage.audit import AuditTrail

__all__ = ["Runtime", "World", "running_hub"]

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class World:
    """Records to make sure exist at start (the demo's home); stored ones are kept as they are."""

    spaces: Sequence[Space]
    rooms: Sequence[Room]
    devices: Sequence[Device]


@dataclass(frozen=True, slots=True)
class Runtime:
    """A running hub with its storage, recorder, audit trail, command entry and control socket."""

    hub: Hub
    db: Database
    recorder: Recorder
    settings: Settings
    control: ControlServer
    commands: Commands
    audit: AuditTrail


@asynccontextmanager
async def running_hub(
    settings: Settings,
    *,
    clock: Clock,
    adapters: Sequence[Adapter] = (),
    world: World | None = None,
    kind: str = "hub",
) -> AsyncIterator[Runtime]:
    """Open storage, load the registry, start the recorder, adapters and control socket.

    Args:
        settings: data directory, database URL, retention.
        clock: the clock every part shares.
        adapters: the wires to start.
        world: records to add when they are not stored yet.
        kind: what runs (``serve``, ``demo``), in the note that lets commands find it.

    Yields:
        The running hub; leaving the block stops everything and flushes history.
    """
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = await Database.open(settings.database_url, data_dir=settings.data_dir)
    try:
        spaces, rooms, devices = await db.load_registry()
        registry = Registry()
        registry.load(spaces, rooms, devices)
        hub = Hub(clock=clock, registry=registry)
        recorder = Recorder(
            db, hub.bus, hub.registry, clock=clock, retention_days=settings.retention_days
        )
        trail = AuditTrail(db, hub.bus)
        commands = Commands(
            hub,
            owner_rights=StoredOwnerRights(db, hub),
            approvals=await DeviceApprovals.load(db),
        )
        # The recorder and the audit trail listen before the first record is added and stop
        # (writing what they hold) after the adapters and the control socket have stopped.
        async with asyncio.TaskGroup() as tasks, running([recorder, trail], tasks):
            if world is not None:
                _add_missing(hub, world)
            for adapter in adapters:
                hub.add_adapter(adapter)
            socket = socket_path(settings.data_dir)
            control = ControlServer(commands, socket)
            for adapter in adapters:
                if isinstance(adapter, MiioAdapter):
                    control.add_ops(xiaomi_ops(adapter))  # `orbithub xiaomi list` asks it
            async with running([control], tasks), hub:
                _LOGGER.info(
                    "hub ready: %d spaces, %d devices, data in %s",
                    len(hub.registry.spaces()),
                    len(hub.registry),
                    settings.data_dir,
                )
                with announced(settings.data_dir, socket, kind=kind):
                    yield Runtime(hub, db, recorder, settings, control, commands, trail)
    finally:
        await db.close()


def _add_missing(hub: Hub, world: World) -> None:
    known_spaces = {s.id for s in hub.registry.spaces()}
    known_rooms = {r.id for r in hub.registry.rooms()}
    for space in world.spaces:
        if space.id not in known_spaces:
            hub.add_space(space)
    for room in world.rooms:
        if room.id not in known_rooms:
            hub.add_room(room)
    for device in world.devices:
        if hub.registry.find_device(device.id) is None:
            hub.add_device(device)
