"""``orbithub demo`` and ``orbithub serve``: run a hub until stopped, with the live view."""

from __future__ import annotations

import asyncio
import contextlib

from rich.console import Console

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.adapter import DEFAULT_MAX_DEVICES, MqttAdapter
from orbithub.adapters.mqtt.broker import BrokerPortInUse
from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.cli.ha_publish import publishing_to_ha
from orbithub.cli.live import run_live_view, summary_line
from orbithub.cli.mqtt import DEFAULT_PORT as DEFAULT_MQTT_PORT
from orbithub.cli.mqtt import mqtt_broker
from orbithub.cli.preflight import check_port, data_dir_lock, port_free
from orbithub.cli.runtime import Runtime, World, running_hub
from orbithub.cli.services import HttpOptions, Services, running_services
from orbithub.cli.settings import Settings
from orbithub.cli.sim_fleet import SimFleet
from orbithub.core.adapter import Adapter
from orbithub.core.clock import Clock, ScaledClock, SystemClock
from orbithub.core.lifecycle import running
from orbithub.core.registry import Space
from orbithub.core.tasks import task_scope

__all__ = ["run_demo", "run_serve"]

DEFAULT_SPACE = "home"
_BROKER_HOST = "127.0.0.1"  # where the embedded broker listens


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
) -> None:
    """Run the demo world: simulated devices talking to the hub over MQTT.

    The devices connect to the broker like any device a maker builds; the hub learns of them
    from their announcements. Time runs ``speed`` times faster than real time on both sides.
    """
    from orbithub.demo import demo_parts

    clock: Clock = ScaledClock(speed) if speed != 1 else SystemClock()
    world = demo_world()
    with data_dir_lock(settings.data_dir):
        _refuse_taken_ports(mqtt_url, mqtt_port, http)
        accounts = await _accounts(settings)
        # Each simulated device gets a login of its own, as a device the owner provisioned (new
        # passwords every run: only their hashes are kept); on the embedded broker it logs in
        # with it, and its announce may name its owner (the demo's phones do).
        credentials = await asyncio.to_thread(
            accounts.issue_many, [(d.id, d.space_id) for d in world.devices]
        )
        async with mqtt_broker(
            mqtt_url, mqtt_port, accounts=accounts, any_free_port=True
        ) as broker:
            console.print(
                f"OrbitHub demo: {len(world.devices)} devices over MQTT ({broker.url}), "
                f"time x{speed:g}, seed {seed}, data in {settings.data_dir}",
                highlight=False,
            )
            adapter = _mqtt_adapter(broker.hub_url, DEFAULT_SPACE, accounts)
            places = World(world.spaces, world.rooms, ())
            async with running_hub(settings, clock=clock, adapters=[adapter], world=places) as rt:
                fleet = SimFleet(
                    world,
                    broker=broker.url,
                    seed=seed,
                    clock=clock,
                    mqtt_version="3.1.1" if broker.embedded else "auto",
                    credentials=credentials if broker.embedded else None,
                )
                async with contextlib.AsyncExitStack() as stack:
                    tasks = await stack.enter_async_context(task_scope())
                    if publish_ha:
                        await stack.enter_async_context(
                            publishing_to_ha(rt.commands, broker.hub_url)
                        )
                    services = await stack.enter_async_context(
                        running_services(
                            rt,
                            http=http or HttpOptions(any_free_port=True),
                            demo=demo_parts(),
                            broker_accounts=accounts,
                            device_changes=adapter.pending,
                        )
                    )
                    await _announce(services, rt, console, demo=True)
                    async with running([fleet], tasks):
                        await _until_stopped(rt, console, duration, live=True)


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
    clock = SystemClock()
    with data_dir_lock(settings.data_dir):
        broker_port = DEFAULT_MQTT_PORT if mqtt_port is None else mqtt_port
        _refuse_taken_ports(mqtt_url, broker_port, http or HttpOptions())
        accounts = await _accounts(settings)
        async with mqtt_broker(mqtt_url, mqtt_port, accounts=accounts) as broker:
            console.print(f"OrbitHub: MQTT devices on {broker.url}", highlight=False)
            mqtt = _mqtt_adapter(broker.hub_url, space, accounts, max_devices=max_discovered)
            adapters: list[Adapter] = [
                mqtt,
                # Devices stored as simulated keep their physics when the hub restarts.
                SimAdapter(clock=clock),
            ]
            # Discovered devices need a space to live in: a fresh hub gets one to start with.
            first = World((Space(space, space.replace("-", " ").title()),), (), ())
            async with (
                running_hub(settings, clock=clock, adapters=adapters, world=first) as rt,
                contextlib.AsyncExitStack() as stack,
            ):
                if publish_ha:
                    await stack.enter_async_context(publishing_to_ha(rt.commands, broker.hub_url))
                services = await stack.enter_async_context(
                    running_services(
                        rt,
                        http=http or HttpOptions(),
                        broker_accounts=accounts,
                        device_changes=mqtt.pending,
                    )
                )
                await _announce(services, rt, console, demo=False)
                await _until_stopped(rt, console, duration, live)


def _refuse_taken_ports(
    mqtt_url: str | None, mqtt_port: int | None, http: HttpOptions | None
) -> None:
    """Refuse, before anything starts, a port asked for that another program holds."""
    if mqtt_url is None and mqtt_port and not port_free(_BROKER_HOST, mqtt_port):
        raise BrokerPortInUse(_BROKER_HOST, mqtt_port)
    if http is not None and not http.any_free_port:
        check_port(
            http.host,
            http.port,
            what="the web app and API",
            advice="stop it or choose another port with --http-port",
        )


def _mqtt_adapter(
    url: str, space: str, accounts: BrokerAccounts, *, max_devices: int = DEFAULT_MAX_DEVICES
) -> MqttAdapter:
    # A new device may name its owner only with a login the owner made for it.
    return MqttAdapter(
        url,
        space_id=space,
        max_devices=max_devices,
        provisioned=lambda device_id: accounts.device(device_id) is not None,
    )


async def _accounts(settings: Settings) -> BrokerAccounts:
    """The broker accounts in the data directory (the hub's own made on first start)."""
    return await asyncio.to_thread(BrokerAccounts.in_data_dir, settings.data_dir)


async def _announce(services: Services, rt: Runtime, console: Console, *, demo: bool) -> None:
    """Say where the web app is and how to get in."""
    if services.url is None:
        return
    console.print(
        f"Web app and API: {services.url}  (API docs: {services.url}/api/docs)", highlight=False
    )
    if demo:
        from orbithub.api.auth import password_hasher
        from orbithub.api.settings import ApiSettings
        from orbithub.demo.accounts import seed_demo_accounts

        # The grants name the demo's spaces and rooms: they must be stored first.
        await rt.recorder.flush()
        home = rt.hub.registry.space(DEFAULT_SPACE)
        logins = await seed_demo_accounts(
            rt.db,
            now=rt.hub.now(),
            hash_password=password_hasher(ApiSettings()).hash,
            timezone=home.timezone,
        )
        console.print("Demo sign-ins:", highlight=False)
        for login in logins:
            console.print(f"  {login.line()}", highlight=False)
    elif await _needs_owner(rt):
        console.print(
            f"First run: open {services.url} to create the owner's account "
            "(or `orbithub users add NAME --role owner`).",
            highlight=False,
        )


async def _needs_owner(rt: Runtime) -> bool:
    from orbithub.storage.users import list_users

    return not await list_users(rt.db)
