"""Wiring of the mobility services for ``orbithub serve`` and ``orbithub demo``.

:func:`start_mobility` runs once the hub runs; the API serves the result as
``HubServices.mobility``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from orbithub.access import Commands, Via
from orbithub.core.hub import Hub
from orbithub.mobility.runtime import Mobility, start
from orbithub.mobility.tariff import Tariff
from orbithub.storage.db import Database

__all__ = ["Mobility", "start_mobility"]


async def start_mobility(
    hub: Hub,
    db: Database | None,
    data_dir: Path | None,
    tasks: asyncio.TaskGroup,
    *,
    default_tariff: Tariff | None = None,
    commands: Commands | None = None,
) -> Mobility:
    """Start vehicle tracking (ETAs), smart charging and cabin pre-conditioning.

    Args:
        hub: the running hub.
        db: the hub's database; the vehicles API reads each car's track from its history
            (the recorder must run), so nothing is written here.
        data_dir: where charging settings and home tariffs are kept (``mobility.json``);
            None keeps them in memory.
        tasks: the task group that owns the services' loops (they end with it).
        default_tariff: the tariff of homes without their own (the demo's); None plans
            charging only on a tariff the owner set.
        commands: the hub's guarded command entry: charging and pre-conditioning command
            through it, with the system's rights, and are audited.

    Returns:
        The running services (the API's ``HubServices.mobility``).
    """
    del db  # the API reads history itself; kept in the signature for symmetry with others
    return await start(
        hub,
        tasks,
        data_dir=data_dir,
        default_tariff=default_tariff,
        charging_commands=commands.port(Via.CHARGING) if commands is not None else None,
        precondition_commands=(
            commands.port(Via.PRECONDITIONING) if commands is not None else None
        ),
    )
