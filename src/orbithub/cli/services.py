"""Wiring of everything around the hub core: phones, cars, automations, assistant, web app.

Insights and the API too: each is a :class:`~orbithub.core.lifecycle.Service`, started in the
order the next one needs it and stopped in reverse by the hub's one lifecycle.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from fastapi import FastAPI

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.api.app import create_app
from orbithub.api.serve import serve_api
from orbithub.api.services import HubServices
from orbithub.api.settings import ApiSettings
from orbithub.api.signing_key import KEY_FILENAME, load_signing_key
from orbithub.assistant.security_notices import SecurityNotices
from orbithub.assistant.service import Assistant
from orbithub.automation import Engine
from orbithub.cli.ask import start_assistant
from orbithub.cli.automations import start_automations
from orbithub.cli.companion import CompanionServices, start_companion
from orbithub.cli.insights import Insights, start_insights
from orbithub.cli.mobility import Mobility, start_mobility
from orbithub.cli.runtime import Runtime
from orbithub.cli.settings import DEFAULT_HTTP_PORT
from orbithub.core.held import HeldContext, scoped
from orbithub.core.lifecycle import Service, running
from orbithub.core.pending import PendingChanges
from orbithub.core.tasks import task_scope
from orbithub.errors import OrbitHubError

if TYPE_CHECKING:
    # Only the demo hands these in: `orbithub serve` never imports the demo's parts.
    from orbithub.demo import DemoParts

__all__ = [
    "HttpOptions",
    "HttpUnavailableError",
    "Services",
    "running_services",
    "service_parts",
]

_LOGGER = logging.getLogger(__name__)


_READY_TIMEOUT_S = 30.0


class HttpUnavailableError(OrbitHubError):
    """The API could not start listening."""


@dataclass(frozen=True, slots=True)
class HttpOptions:
    """Where the API and the web app listen.

    Attributes:
        host: the address (``127.0.0.1``; ``0.0.0.0`` so phones on the home network reach it).
        port: the TCP port.
        any_free_port: when the port is taken, take a free one instead of failing (the demo).
        trusted_proxies: reverse proxies whose ``X-Forwarded-For`` names the caller (none
            unless the owner names them).
    """

    host: str = "127.0.0.1"
    port: int = DEFAULT_HTTP_PORT
    any_free_port: bool = False
    trusted_proxies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Services:
    """The running parts around the hub.

    Attributes:
        engine: the automation engine.
        app: the API app, None when the API is off.
        url: where the web app and the API answer, None when the API is off.
        insights: the suggestion miner and the anomaly detector.
    """

    engine: Engine
    app: FastAPI | None
    url: str | None
    insights: Insights


def service_parts(
    runtime: Callable[[], Runtime],
    *,
    http: HttpOptions | None,
    demo: DemoParts | None = None,
    api_settings: ApiSettings | None = None,
    broker_accounts: BrokerAccounts | None = None,
    device_changes: PendingChanges | None = None,
) -> tuple[list[Service], Callable[[], Services]]:
    """The phone companion, vehicles, automations, assistant, insights and the API as services.

    In the order each needs the one before: automations use presence and the cars' arrival
    estimates, the assistant activates the engine's scenes, the API serves all of them. Each
    part's loops end when it stops, and stopping goes in reverse: the API stops taking requests
    before what it serves stops.

    Args:
        runtime: the running hub; asked for only on start, so the hub may start in the same
            lifecycle just before these.
        http: where to serve the API and the web app; None serves nothing.
        demo: the demo's Wi-Fi, default tariff and scenes (``orbithub serve`` has none).
        api_settings: token lifetimes and limits; defaults when None.
        broker_accounts: the broker's accounts, for the API's device logins.
        device_changes: device changes waiting for the owner, for the API.

    Returns:
        The services to start in order, and what they give once started.
    """

    async def start_companion_(tasks: asyncio.TaskGroup) -> CompanionServices:
        rt = runtime()
        wifi = demo.wifi if demo else None
        return await start_companion(rt.hub, rt.db, rt.settings.data_dir, tasks, wifi=wifi)

    async def close_companion(started: CompanionServices) -> None:
        # The push client is closed once the loops have ended and nothing sends any more.
        await started.aclose()

    async def start_notices(tasks: asyncio.TaskGroup) -> SecurityNotices:
        rt = runtime()
        notices = SecurityNotices(rt.hub, rt.db)
        tasks.create_task(notices.run(), name="orbithub-security-notices")
        return notices

    async def start_mobility_(tasks: asyncio.TaskGroup) -> Mobility:
        rt = runtime()
        return await start_mobility(
            rt.hub,
            rt.db,
            rt.settings.data_dir,
            tasks,
            default_tariff=demo.tariff if demo else None,
            commands=rt.commands,
        )

    async def start_automations_(tasks: asyncio.TaskGroup) -> Engine:
        rt = runtime()
        return await start_automations(
            rt.hub,
            rt.settings.data_dir,
            tasks,
            extra_documents=demo.scenes if demo else (),
            control=rt.control,
            presence=companion.value.presence,
            tracks=mobility.value.tracks,
            db=rt.db,
            commands=rt.commands.port(),
        )

    async def start_assistant_(tasks: asyncio.TaskGroup) -> Assistant:
        rt = runtime()
        assistant = start_assistant(
            rt.hub, db=rt.db, engine=automations.value, control=rt.control, commands=rt.commands
        )
        # Matching needs its sentence data compiled; doing it now keeps the first answer
        # quick without delaying start-up.
        tasks.create_task(assistant.warm_up(), name="orbithub-assistant-warm-up")
        return assistant

    async def close_assistant(assistant: Assistant) -> None:
        assistant.close()

    async def start_insights_(tasks: asyncio.TaskGroup) -> Insights:
        rt = runtime()
        return await start_insights(
            rt.hub, rt.db, rt.settings.data_dir, tasks, automations=automations.value
        )

    async def stop_insights(insights: Insights) -> None:
        insights.stop()

    async def start_api(tasks: asyncio.TaskGroup) -> tuple[FastAPI | None, str | None]:
        if http is None:
            return None, None
        rt = runtime()
        served = HubServices(
            automations=automations.value,
            assistant=assistant.value,
            companion=companion.value.companion,
            presence=companion.value.presence,
            mobility=mobility.value,
            suggestions=insights.value.suggester,
            alerts=insights.value.detector,
            broker_accounts=broker_accounts,
            device_changes=device_changes,
        )
        settings = api_settings or ApiSettings()
        if settings.jwt_secret is None:
            key = await load_signing_key(rt.db, rt.settings.data_dir / KEY_FILENAME)
            settings = replace(settings, jwt_secret=key)
        app = create_app(
            hub=rt.hub,
            db=rt.db,
            settings=settings,
            services=served,
            commands=rt.commands,
            audit_trail=rt.audit,
        )
        return app, await _serve(app, http, tasks)

    companion = HeldContext("companion", scoped(start_companion_, close=close_companion))
    notices = HeldContext("security notices", scoped(start_notices))
    mobility = HeldContext("mobility", scoped(start_mobility_))
    automations = HeldContext("automations", scoped(start_automations_))
    assistant = HeldContext("assistant", scoped(start_assistant_, close=close_assistant))
    insights = HeldContext("insights", scoped(start_insights_, close=stop_insights))
    api = HeldContext("api", scoped(start_api))

    def started() -> Services:
        app, url = api.value
        return Services(automations.value, app, url, insights.value)

    parts: list[Service] = [companion, notices, mobility, automations, assistant, insights, api]
    return parts, started


@asynccontextmanager
async def running_services(
    rt: Runtime,
    *,
    http: HttpOptions | None,
    demo: DemoParts | None = None,
    api_settings: ApiSettings | None = None,
    broker_accounts: BrokerAccounts | None = None,
    device_changes: PendingChanges | None = None,
) -> AsyncIterator[Services]:
    """Run :func:`service_parts` for as long as the block runs (for callers without a lifecycle).

    Raises:
        HttpUnavailableError: the API could not listen on the port asked for.
    """
    parts, started = service_parts(
        lambda: rt,
        http=http,
        demo=demo,
        api_settings=api_settings,
        broker_accounts=broker_accounts,
        device_changes=device_changes,
    )
    async with task_scope() as tasks, running(parts, tasks):
        yield started()


async def _serve(app: FastAPI, http: HttpOptions, tasks: asyncio.TaskGroup) -> str:
    port = http.port
    if port and not _port_free(http.host, port):
        if not http.any_free_port:
            raise HttpUnavailableError(
                f"port {port} on {http.host} is taken by another program; stop it or choose "
                "another port with --http-port"
            )
        _LOGGER.warning("port %d is taken; the web app uses a free port instead", port)
        port = 0
    ready = asyncio.Event()
    tasks.create_task(
        serve_api(app, http.host, port, ready=ready, trusted_proxies=http.trusted_proxies),
        name="orbithub-api",
    )
    try:
        async with asyncio.timeout(_READY_TIMEOUT_S):
            await ready.wait()
    except TimeoutError:
        raise HttpUnavailableError(
            f"the web app and API did not start on {http.host}:{port} within "
            f"{_READY_TIMEOUT_S:g} s; see the log above"
        ) from None
    bound = getattr(app.state, "bound_port", port)
    return f"http://{_display_host(http.host)}:{bound}"


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # The same option uvicorn sets, so a port in TIME_WAIT after a restart counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def _display_host(host: str) -> str:
    # A wildcard address is where the server listens, not an address a browser can open.
    return "127.0.0.1" if host in ("0.0.0.0", "", "::") else host  # noqa: S104
