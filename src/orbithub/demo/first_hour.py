"""The demo's first hour: weeks of the family's life behind it, and a guest's visit.

A fresh demo would show an empty inbox for days: suggestions are mined from weeks of what
people did, alerts need to know what each sensor usually reads, and nothing worth a notice
happens on a quiet afternoon. So beside the running demo, :func:`seed_and_learn` writes two
weeks of the simulated family's history (on a thread of its own, into the demo's database)
and then has the real miner and detector learn from it; and :func:`guest_visit` has the guest
arrive a few simulated minutes in, unlock the front door from her phone (the owners get the
security notice) and leave the door ajar while carrying her bags in (the detector raises the
door alert); and :func:`unplugged` takes the garage light off the network, so the app shows
a device that is unavailable. Everything shown comes from the hub's own code on the
simulated home.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from orbithub.access import Actor, Commands, Via
from orbithub.core.context import Context, Origin
from orbithub.core.errors import CoreError
from orbithub.core.hub import Hub
from orbithub.demo.history import SimulatedHistory, seed_history
from orbithub.errors import OrbitHubError
from orbithub.storage import Database

__all__ = [
    "DEFAULT_HISTORY_DAYS",
    "UNPLUGGED",
    "Door",
    "guest_visit",
    "seed_and_learn",
    "unplugged",
]

_LOGGER = logging.getLogger(__name__)

DEFAULT_HISTORY_DAYS = 14.0
"""Two weeks: what the anomaly detector needs (two weeks of each hour) and plenty of habits."""
_READY_TIMEOUT_S = 120.0
"""How long (real seconds) to wait for the demo's devices to be announced before learning."""
_GUEST = "guest"
_LOCK = "front-door-lock"
_DOOR_DEVICES = ("front-door", "front-door-lock")
UNPLUGGED = "garage-light"
"""The device someone unplugs early in the demo: it stays unavailable."""


class Door(Protocol):
    """A simulated part of the front door that can be scripted to stand open."""

    def hold_open(self, person: str, start: float, end: float) -> None:
        """``person`` comes in at ``start`` and the door stands open until ``end``."""
        ...


def _seed_in_thread(
    data_dir: Path,
    database_url: str | None,
    end: float,
    days: float,
    seed: int,
    stop: threading.Event,
) -> SimulatedHistory | None:
    async def go() -> SimulatedHistory | None:
        db = await Database.open(database_url, data_dir=data_dir)
        try:
            return await seed_history(db, end=end, days=days, seed=seed, stop=stop.is_set)
        finally:
            await db.close()

    return asyncio.run(go())


async def _devices_known(hub: Hub, device_ids: Iterable[str]) -> None:
    wanted = set(device_ids)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + _READY_TIMEOUT_S
    while loop.time() < deadline:
        if all(hub.registry.find_device(d) is not None for d in wanted):
            return
        await asyncio.sleep(0.5)  # real time: the devices announce themselves over MQTT
    _LOGGER.warning("not every demo device was announced; learning from those that were")


async def seed_and_learn(
    hub: Hub,
    *,
    data_dir: Path,
    database_url: str | None,
    device_ids: Iterable[str],
    learn: Sequence[Callable[[], Awaitable[object]]],
    days: float = DEFAULT_HISTORY_DAYS,
    seed: int = 0,
) -> SimulatedHistory | None:
    """Write ``days`` of history ending now (unless the demo has its own), then ``learn``.

    Args:
        hub: the running demo's hub (its clock says where the weeks end).
        data_dir: the demo's data directory.
        database_url: the demo's database, None for the data directory's SQLite file.
        device_ids: the demo's devices; learning waits until the hub knows them.
        learn: what learns from history (the suggestion miner, the anomaly detector).
        days: how much history; 0 writes none.
        seed: the simulation's seed.

    Returns:
        What was written, or None when the demo had history of its own.
    """
    made = None
    if days > 0:
        stop = threading.Event()
        try:
            made = await asyncio.to_thread(
                _seed_in_thread, data_dir, database_url, hub.now(), days, seed, stop
            )
        finally:
            # A demo stopped meanwhile: the thread ends within a simulated hour's work, so
            # the process does not wait minutes for it at exit.
            stop.set()
    if made is None:
        return None
    await _devices_known(hub, device_ids)
    for step in learn:
        try:
            await step()
        except (OrbitHubError, OSError):
            _LOGGER.exception("learning from the demo's history failed")
    return made


async def guest_visit(
    hub: Hub,
    commands: Commands,
    door: Callable[[str], Door | None],
    *,
    after: float = 15 * 60.0,
    ajar: float = 25 * 60.0,
) -> None:
    """The guest arrives ``after`` seconds (hub clock), unlocks the door, leaves it ajar.

    Args:
        hub: the running demo's hub.
        commands: the guarded entry the guest's unlock goes through, as from her phone.
        door: the simulator of a front door device by id (None when it is not simulated).
        after: when the guest comes, counted from now on the hub's clock.
        ajar: how long the door then stands open.
    """
    await hub.clock.sleep(after)
    actor = Actor.system(Via.SIMULATION, Context(Origin.USER, _GUEST))
    try:
        await commands.set(actor, _LOCK, "lock.locked", False)
    except (CoreError, OrbitHubError) as exc:
        _LOGGER.warning("the demo's guest could not unlock the front door: %s", exc)
        return
    start = hub.now() + 5.0
    for device_id in _DOOR_DEVICES:
        sim = door(device_id)
        if sim is not None:
            sim.hold_open(_GUEST, start, start + ajar)


async def unplugged(
    hub: Hub, unplug: Callable[[str], Awaitable[None]], *, after: float = 5 * 60.0
) -> None:
    """``after`` seconds in (hub clock), the garage light leaves the network for good.

    Args:
        hub: the running demo's hub.
        unplug: takes a simulated device off the network the way a pulled plug does (it
            says goodbye on the broker, or its last will does).
        after: when, counted from now on the hub's clock.
    """
    await hub.clock.sleep(after)
    try:
        await unplug(UNPLUGGED)
    except (OrbitHubError, OSError) as exc:
        _LOGGER.warning("the demo could not unplug %s: %s", UNPLUGGED, exc)
