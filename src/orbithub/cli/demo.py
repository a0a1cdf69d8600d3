"""``orbithub demo`` and ``orbithub serve``: two plans for the one composition root.

Both build the hub with :func:`orbithub.cli.compose.run_hub`; they only differ in their
:class:`~orbithub.cli.compose.HubPlan` (the demo's clock, world, simulated devices and parts).
"""

from __future__ import annotations

from rich.console import Console

from orbithub.adapters.mqtt.adapter import DEFAULT_MAX_DEVICES
from orbithub.adapters.sim import demo_world
from orbithub.cli.compose import DEFAULT_SPACE, DemoRun, HubPlan, run_hub
from orbithub.cli.runtime import World
from orbithub.cli.services import HttpOptions
from orbithub.cli.settings import Settings
from orbithub.core.clock import ScaledClock, SystemClock
from orbithub.core.registry import Space

__all__ = ["run_demo", "run_serve"]


async def run_demo(
    settings: Settings,
    *,
    speed: float,
    seed: int,
    duration: float | None,
    console: Console,
    mqtt_url: str | None = None,
    mqtt_port: int | None = None,
    publish_ha: bool = False,
    http: HttpOptions | None = None,
    history_days: float = 14.0,
) -> None:
    """Run the demo world: simulated devices talking to the hub over MQTT.

    The devices connect to the broker like any device a maker builds; the hub learns of them
    from their announcements. Time runs ``speed`` times faster than real time on both sides.
    A fresh demo gets ``history_days`` of its family's past, written while it starts.
    """
    from orbithub.demo import demo_parts
    from orbithub.demo.miio import MIIO_DEVICES

    world = demo_world()

    def banner(url: str) -> str:
        return (
            f"OrbitHub demo: {len(world.devices) - len(MIIO_DEVICES)} devices over MQTT ({url}) "
            f"and {len(MIIO_DEVICES)} over Xiaomi's miIO, "
            f"time x{speed:g}, seed {seed}, data in {settings.data_dir}"
        )

    plan = HubPlan(
        clock=ScaledClock(speed) if speed != 1 else SystemClock(),
        space=DEFAULT_SPACE,
        world=World(world.spaces, world.rooms, ()),
        http=http or HttpOptions(any_free_port=True),
        banner=banner,
        mqtt_url=mqtt_url,
        mqtt_port=mqtt_port,
        any_free_mqtt_port=True,
        publish_ha=publish_ha,
        duration=duration,
        demo=DemoRun(world, seed, demo_parts(), history_days=history_days),
    )
    await run_hub(settings, plan, console)


async def run_serve(
    settings: Settings,
    *,
    duration: float | None,
    live: bool,
    console: Console,
    mqtt_url: str | None = None,
    mqtt_port: int | None = None,
    space: str = DEFAULT_SPACE,
    publish_ha: bool = False,
    http: HttpOptions | None = None,
    max_discovered: int = DEFAULT_MAX_DEVICES,
) -> None:
    """Run the hub with what is stored in the data directory, and devices on the broker."""
    plan = HubPlan(
        clock=SystemClock(),
        space=space,
        # Discovered devices need a space to live in: a fresh hub gets one to start with.
        world=World((Space(space, space.replace("-", " ").title()),), (), ()),
        http=http or HttpOptions(),
        banner=lambda url: f"OrbitHub: MQTT devices on {url}",
        mqtt_url=mqtt_url,
        mqtt_port=mqtt_port,
        publish_ha=publish_ha,
        duration=duration,
        live=live,
        max_discovered=max_discovered,
        keep_simulated=True,
    )
    await run_hub(settings, plan, console)
