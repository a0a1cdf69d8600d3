"""The running mobility services of a hub, bundled so the API and the CLI can reach them."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from pathlib import Path

from orbithub.core.commands import CommandPort
from orbithub.core.hub import Hub
from orbithub.mobility.charging_service import ChargingService
from orbithub.mobility.precondition import Preconditioner, reported_outside_c
from orbithub.mobility.store import MobilityConfig, load_config, save_config
from orbithub.mobility.tariff import Tariff
from orbithub.mobility.tracks import Tracks

__all__ = ["Mobility", "start"]

_LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class Mobility:
    """Tracks (positions and ETAs), smart charging and pre-conditioning of one hub.

    Attributes:
        hub: the hub.
        tracks: ETA estimators of every positioned device.
        charging: the smart charging service.
        precondition: cabin pre-conditioning.
        data_dir: where the settings are saved; None keeps them in memory only.
    """

    hub: Hub
    tracks: Tracks
    charging: ChargingService
    precondition: Preconditioner
    data_dir: Path | None = None
    _tasks: asyncio.TaskGroup | None = field(default=None, repr=False)
    _saving: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)
    _pending: set[asyncio.Task[None]] = field(default_factory=set, repr=False)

    def save_soon(self) -> None:
        """Write the settings in the background (loop only); a no-op without a data dir."""
        if self.data_dir is None or self._tasks is None:
            return
        task = self._tasks.create_task(self._save(), name="mobility-save")
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def saved(self) -> None:
        """Wait until every save asked for so far is written."""
        while self._pending:
            await asyncio.wait(set(self._pending))

    async def _save(self) -> None:
        if self.data_dir is None:
            return
        config = MobilityConfig(self.charging.all_settings(), self.charging.tariffs())
        async with self._saving:
            try:
                await asyncio.to_thread(save_config, self.data_dir, config)
            except OSError as exc:
                _LOGGER.warning(
                    "could not save the charging settings in %s: %s; they stay in effect "
                    "until restart; check that the directory is writable",
                    self.data_dir,
                    exc,
                )


async def start(
    hub: Hub,
    tasks: asyncio.TaskGroup,
    *,
    data_dir: Path | None = None,
    default_tariff: Tariff | None = None,
    charging_commands: CommandPort | None = None,
    precondition_commands: CommandPort | None = None,
) -> Mobility:
    """Start tracking, smart charging and pre-conditioning in ``tasks``; returns the bundle.

    Args:
        hub: the hub (running or about to run).
        tasks: the task group that owns the services' loops.
        data_dir: where settings and tariffs are kept (``mobility.json``); None: memory only.
        default_tariff: the tariff of homes without their own; None plans charging only on
            a tariff set for the home.
        charging_commands: where smart charging sends its commands (the hub's guarded entry
            in a running hub; the hub itself by default).
        precondition_commands: the same for pre-conditioning.
    """
    config = MobilityConfig()
    if data_dir is not None:
        config = await asyncio.to_thread(load_config, data_dir)
    tracks = Tracks(hub)
    tracks.start()
    mobility_ref: list[Mobility] = []

    def changed() -> None:
        if mobility_ref:
            mobility_ref[0].save_soon()

    charging = ChargingService(
        hub,
        tariffs=config.tariffs,
        default_tariff=default_tariff,
        settings=config.vehicles,
        on_settings_changed=changed,
        commands=charging_commands,
    )

    def departure_for(space_id: str, now: float) -> float | None:
        if not charging.settings(space_id).precondition:
            return None
        status = charging.status(space_id)
        return None if status is None else status.departure

    precondition = Preconditioner(
        hub,
        departure_for=departure_for,
        outside_for=lambda space_id: reported_outside_c(hub, space_id),
        target_for=lambda space_id: charging.settings(space_id).cabin_c,
        commands=precondition_commands,
    )
    mobility = Mobility(hub, tracks, charging, precondition, data_dir, tasks)
    mobility_ref.append(mobility)
    tasks.create_task(charging.run(), name="mobility-charging")
    tasks.create_task(precondition.run(), name="mobility-precondition")
    return mobility
