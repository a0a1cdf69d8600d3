"""``orbithub demo`` and ``orbithub serve``: run a hub until stopped, with the live view."""

from __future__ import annotations

import asyncio
import contextlib

from rich.console import Console

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.cli.live import run_live_view, summary_line
from orbithub.cli.runtime import Runtime, World, running_hub
from orbithub.cli.settings import Settings
from orbithub.core.clock import Clock, ScaledClock, SystemClock

__all__ = ["run_demo", "run_serve"]


async def _until_stopped(
    runtime: Runtime, console: Console, duration: float | None, live: bool
) -> None:
    view = asyncio.create_task(run_live_view(runtime, console)) if live else None
    try:
        if duration is None:
            await asyncio.Event().wait()
        else:
            await asyncio.sleep(duration)
    finally:
        if view is not None:
            view.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await view
        console.print(summary_line(runtime), highlight=False)


async def run_demo(
    settings: Settings, *, speed: float, seed: int, duration: float | None, console: Console
) -> None:
    """Run the demo world with simulated devices, ``speed`` times faster than real time."""
    clock: Clock = ScaledClock(speed) if speed != 1 else SystemClock()
    world = demo_world()
    sim = SimAdapter(seed=seed, clock=clock)
    console.print(
        f"OrbitHub demo: {len(world.devices)} devices, time x{speed:g}, seed {seed}, "
        f"data in {settings.data_dir}",
        highlight=False,
    )
    async with running_hub(
        settings, clock=clock, adapters=[sim], world=World(world.spaces, world.rooms, world.devices)
    ) as runtime:
        await _until_stopped(runtime, console, duration, live=True)


async def run_serve(
    settings: Settings, *, duration: float | None, live: bool, console: Console
) -> None:
    """Run the hub with what is stored in the data directory."""
    clock = SystemClock()
    async with running_hub(settings, clock=clock, adapters=[SimAdapter(clock=clock)]) as runtime:
        if not len(runtime.hub.registry):
            console.print(
                "no devices stored yet; `orbithub demo --data-dir ...` creates the demo "
                "home in a data directory that `serve` can then run",
                highlight=False,
            )
        await _until_stopped(runtime, console, duration, live)
