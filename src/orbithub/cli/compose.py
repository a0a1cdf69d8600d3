"""The composition root: the one place that builds the running hub for ``serve`` and ``demo``.

:func:`run_hub` builds it from a :class:`HubPlan`; ``serve`` and ``demo`` only differ in their
plans (the demo's clock, world, simulated devices and parts). Every long-running part is a
:class:`~orbithub.core.lifecycle.Service` in one list, started in the order each needs the one
before and stopped in reverse by the one lifecycle.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Console

from orbithub.adapters.miio.adapter import MiioAdapter
from orbithub.adapters.miio.polling import PollPolicy
from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.adapter import DEFAULT_MAX_DEVICES, MqttAdapter
from orbithub.adapters.mqtt.broker import BrokerPortInUse
from orbithub.adapters.sim import DemoWorld, SimAdapter
from orbithub.cli.ha_publish import publishing_to_ha
from orbithub.cli.live import run_live_view, summary_line
from orbithub.cli.mqtt import DEFAULT_PORT as DEFAULT_MQTT_PORT
from orbithub.cli.mqtt import Broker, mqtt_broker
from orbithub.cli.preflight import check_port, data_dir_lock, port_free
from orbithub.cli.runtime import Runtime, World, running_hub
from orbithub.cli.services import HttpOptions, Services, service_parts
from orbithub.cli.settings import Settings
from orbithub.cli.sim_fleet import SimFleet
from orbithub.core.adapter import Adapter
from orbithub.core.clock import Clock
from orbithub.core.held import HeldContext, Later, scoped
from orbithub.core.lifecycle import Service, running
from orbithub.core.pending import PendingChanges
from orbithub.core.tasks import task_scope

if TYPE_CHECKING:
    # Only the demo hands these in: `orbithub serve` never imports the demo's parts.
    from orbithub.adapters.mqtt.accounts import DeviceCredentials
    from orbithub.demo import DemoParts

__all__ = ["DEFAULT_SPACE", "DemoRun", "HubPlan", "run_hub"]

DEFAULT_SPACE = "home"
_DEMO_POLL = PollPolicy(fastest=2.0, slowest=10.0)
"""The demo's clock runs fast: its Xiaomi devices are asked more often than a home's."""
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


@dataclass(frozen=True, slots=True)
class DemoRun:
    """What the demo adds to a hub: its simulated devices on the broker and its parts.

    Attributes:
        world: the simulated devices, spaces and rooms.
        seed: the simulation's seed.
        parts: the demo's Wi-Fi, tariff and scenes.
        history_days: days of the family's history written behind a fresh demo.
    """

    world: DemoWorld
    seed: int
    parts: DemoParts
    history_days: float = 14.0


@dataclass(frozen=True, slots=True)
class HubPlan:
    """What differs between ``serve`` and ``demo``; :func:`run_hub` builds both the same way.

    Attributes:
        clock: the clock every part shares (the demo's runs faster).
        space: the space discovered devices join.
        world: records to make sure exist (a fresh hub's first space, the demo's home).
        http: where the web app and API listen.
        banner: the first line printed, given the broker's URL.
        mqtt_url: an external broker, None for the embedded one.
        mqtt_port: the embedded broker's port (None: the default).
        any_free_mqtt_port: take a free port when the default one is taken (the demo).
        publish_ha: also publish the devices to Home Assistant.
        duration: stop after this many seconds (None: until a signal).
        live: show the live device table.
        max_discovered: most devices discovery may create.
        keep_simulated: run the devices stored as simulated with their physics (serve).
        demo: the demo's additions, None for ``serve``.
    """

    clock: Clock
    space: str
    world: World
    http: HttpOptions
    banner: Callable[[str], str]
    mqtt_url: str | None = None
    mqtt_port: int | None = None
    any_free_mqtt_port: bool = False
    publish_ha: bool = False
    duration: float | None = None
    live: bool = True
    max_discovered: int = DEFAULT_MAX_DEVICES
    keep_simulated: bool = False
    demo: DemoRun | None = None


async def run_hub(settings: Settings, plan: HubPlan, console: Console) -> None:
    """Build and run the hub that ``plan`` describes until it stops.

    Nothing starts before the data directory is held and the ports asked for are known to be
    free. Then, in order: the broker; storage and the hub core (recorder, audit trail, adapters,
    control socket); Home Assistant publishing; the companion, security notices, mobility,
    automations, the assistant, insights and the API; the demo's devices. They stop in reverse.
    """
    demo = plan.demo
    with data_dir_lock(settings.data_dir):
        broker_port = plan.mqtt_port
        if broker_port is None and not plan.any_free_mqtt_port:
            broker_port = DEFAULT_MQTT_PORT
        _refuse_taken_ports(plan.mqtt_url, broker_port, plan.http)
        accounts = await _accounts(settings)
        credentials: dict[str, DeviceCredentials] | None = None
        if demo is not None:
            # Each simulated device gets a login of its own, as a device the owner provisioned
            # (new passwords every run: only their hashes are kept); on the embedded broker it
            # logs in with it, and its announce may name its owner (the demo's phones do).
            credentials = await asyncio.to_thread(
                accounts.issue_many, [(d.id, d.space_id) for d in demo.world.devices]
            )

        @contextlib.asynccontextmanager
        async def announced_broker() -> AsyncIterator[Broker]:
            async with mqtt_broker(
                plan.mqtt_url,
                plan.mqtt_port,
                accounts=accounts,
                any_free_port=plan.any_free_mqtt_port,
            ) as started:
                console.print(plan.banner(started.url), highlight=False)
                yield started

        broker = HeldContext("broker", announced_broker)
        # Made now, so the API is given it before the adapter (which needs the broker) exists.
        device_changes = PendingChanges()

        def hub_core() -> contextlib.AbstractAsyncContextManager[Runtime]:
            adapters: list[Adapter] = [
                _mqtt_adapter(
                    broker.value.hub_url,
                    plan.space,
                    accounts,
                    max_devices=plan.max_discovered,
                    pending=device_changes,
                )
            ]
            if plan.keep_simulated:
                # Devices stored as simulated keep their physics when the hub restarts.
                adapters.append(SimAdapter(clock=plan.clock))
            # Xiaomi devices added with `orbithub xiaomi add` (or the app), from the data dir.
            poll = _DEMO_POLL if demo is not None else None
            adapters.append(MiioAdapter(settings.data_dir, policy=poll))
            return running_hub(
                settings,
                clock=plan.clock,
                adapters=adapters,
                world=plan.world,
                kind="serve" if demo is None else "demo",
            )

        hub = HeldContext("hub", hub_core)
        parts: list[Service] = [broker, hub]
        if plan.publish_ha:
            parts.append(
                HeldContext(
                    "home-assistant publishing",
                    lambda: publishing_to_ha(hub.value.commands, broker.value.hub_url),
                )
            )
        around, services = service_parts(
            lambda: hub.value,
            http=plan.http,
            demo=demo.parts if demo is not None else None,
            broker_accounts=accounts,
            device_changes=device_changes,
        )
        parts.extend(around)

        @contextlib.asynccontextmanager
        async def announcement() -> AsyncIterator[None]:
            await _announce(services(), hub.value, console, demo=demo is not None)
            yield

        parts.append(HeldContext("announcement", announcement))
        if demo is not None:
            fleets: list[SimFleet] = []

            def fleet() -> SimFleet:
                fleets.append(_fleet(demo, broker.value, plan.clock, credentials))
                return fleets[-1]

            parts.append(Later("simulated devices", fleet))
            # Some of the demo's devices speak miIO, with the same physics as the rest.
            parts.append(
                Later(
                    "simulated Xiaomi devices", lambda: _miio_devices(demo, fleets[-1], hub.value)
                )
            )
            parts.append(
                HeldContext(
                    "the demo's first hour",
                    scoped(
                        lambda tasks: _first_hour(demo, hub.value, services(), fleets[0], tasks)
                    ),
                )
            )
        async with task_scope() as tasks, running(parts, tasks):
            await _until_stopped(hub.value, console, plan.duration, plan.live)


async def _first_hour(
    demo: DemoRun, rt: Runtime, services: Services, fleet: SimFleet, tasks: asyncio.TaskGroup
) -> None:
    """Weeks of history behind a fresh demo, then a guest's visit: see the demo package."""
    from orbithub.adapters.sim.entry import ContactSensorSim, LockSim
    from orbithub.demo.first_hour import Door, guest_visit, seed_and_learn, unplugged

    insights = services.insights
    tasks.create_task(
        seed_and_learn(
            rt.hub,
            data_dir=rt.settings.data_dir,
            database_url=rt.settings.database_url,
            device_ids=[d.id for d in demo.world.devices],
            learn=(insights.suggester.refresh, insights.detector.refresh),
            days=demo.history_days,
            seed=demo.seed,
        ),
        name="orbithub-demo-history",
    )

    def door(device_id: str) -> Door | None:
        sim = fleet.simulator(device_id)
        return sim if isinstance(sim, ContactSensorSim | LockSim) else None

    tasks.create_task(guest_visit(rt.hub, rt.commands, door), name="orbithub-demo-guest")
    tasks.create_task(unplugged(rt.hub, fleet.unplug), name="orbithub-demo-unplugged")


def _fleet(
    demo: DemoRun,
    broker: Broker,
    clock: Clock,
    credentials: dict[str, DeviceCredentials] | None,
) -> SimFleet:
    from orbithub.demo.miio import MIIO_DEVICES

    return SimFleet(
        demo.world,
        broker=broker.url,
        seed=demo.seed,
        clock=clock,
        mqtt_version="3.1.1" if broker.embedded else "auto",
        credentials=credentials if broker.embedded else None,
        elsewhere=frozenset(MIIO_DEVICES),
    )


def _miio_devices(demo: DemoRun, fleet: SimFleet, rt: Runtime) -> Service:
    from orbithub.demo.miio import MiioDemo

    return MiioDemo(list(demo.world.devices), fleet.physics, rt.hub, rt.settings.data_dir)


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
    url: str,
    space: str,
    accounts: BrokerAccounts,
    *,
    max_devices: int = DEFAULT_MAX_DEVICES,
    pending: PendingChanges | None = None,
) -> MqttAdapter:
    # A new device may name its owner only with a login the owner made for it.
    return MqttAdapter(
        url,
        space_id=space,
        max_devices=max_devices,
        pending=pending,
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
