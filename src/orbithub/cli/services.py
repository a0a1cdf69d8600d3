"""Wiring of everything around the hub core: phones, cars, automations, assistant, web app.

Insights and the API are started here too, each in the order the next one needs it (automations
use presence and the cars' arrival estimates; the assistant activates the engine's scenes). All
of them live in one task scope, so leaving the block stops them together before the hub stops.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
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
from orbithub.automation import Engine
from orbithub.cli.ask import start_assistant
from orbithub.cli.automations import start_automations
from orbithub.cli.companion import start_companion
from orbithub.cli.insights import start_insights
from orbithub.cli.mobility import start_mobility
from orbithub.cli.runtime import Runtime
from orbithub.cli.settings import DEFAULT_HTTP_PORT
from orbithub.core.pending import PendingChanges
from orbithub.core.tasks import task_scope
from orbithub.errors import OrbitHubError

if TYPE_CHECKING:
    # Only the demo hands these in: `orbithub serve` never imports the demo's parts.
    from orbithub.demo import DemoParts

__all__ = ["HttpOptions", "HttpUnavailableError", "Services", "running_services"]

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
    """

    engine: Engine
    app: FastAPI | None
    url: str | None


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
    """Start the phone companion, vehicles, automations, assistant, insights and the API.

    Args:
        rt: the running hub.
        http: where to serve the API and the web app; None serves nothing.
        demo: the demo's Wi-Fi, default tariff and scenes (``orbithub serve`` has none).
        api_settings: token lifetimes and limits; defaults when None.
        broker_accounts: the broker's accounts, for the API's device logins.
        device_changes: device changes waiting for the owner, for the API.

    Yields:
        The running services; leaving the block stops them.

    Raises:
        HttpUnavailableError: the API could not listen on the port asked for.
    """
    hub, db, data_dir = rt.hub, rt.db, rt.settings.data_dir
    closers: list[Callable[[], Awaitable[None]]] = []
    try:
        async with task_scope() as tasks:
            companion = await start_companion(
                hub, db, data_dir, tasks, wifi=demo.wifi if demo else None
            )
            # The push client is closed once the scope has ended and nothing sends any more.
            closers.append(companion.aclose)
            tasks.create_task(SecurityNotices(hub, db).run(), name="orbithub-security-notices")
            mobility = await start_mobility(
                hub,
                db,
                data_dir,
                tasks,
                default_tariff=demo.tariff if demo else None,
                commands=rt.commands,
            )
            engine = await start_automations(
                hub,
                data_dir,
                tasks,
                extra_documents=demo.scenes if demo else (),
                control=rt.control,
                presence=companion.presence,
                tracks=mobility.tracks,
                db=db,
                commands=rt.commands.port(),
            )
            assistant = start_assistant(
                hub,
                db=db,
                engine=engine,
                control=rt.control,
                commands=rt.commands,
            )
            # Matching needs its sentence data compiled; doing it now keeps the first answer
            # quick without delaying start-up.
            tasks.create_task(assistant.warm_up(), name="orbithub-assistant-warm-up")
            insights = await start_insights(hub, db, data_dir, tasks, automations=engine)
            try:
                served = HubServices(
                    automations=engine,
                    assistant=assistant,
                    companion=companion.companion,
                    presence=companion.presence,
                    mobility=mobility,
                    suggestions=insights.suggester,
                    alerts=insights.detector,
                    broker_accounts=broker_accounts,
                    device_changes=device_changes,
                )
                app: FastAPI | None = None
                url: str | None = None
                if http is not None:
                    settings = api_settings or ApiSettings()
                    if settings.jwt_secret is None:
                        key = await load_signing_key(db, data_dir / KEY_FILENAME)
                        settings = replace(settings, jwt_secret=key)
                    app = create_app(
                        hub=hub,
                        db=db,
                        settings=settings,
                        services=served,
                        commands=rt.commands,
                        audit_trail=rt.audit,
                    )
                    url = await _serve(app, http, tasks)
                yield Services(engine, app, url)
            finally:
                insights.stop()
                assistant.close()
    finally:
        for close in closers:
            await close()


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
