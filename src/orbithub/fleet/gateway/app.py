"""The gateway app: sign-in as on a single hub, then the fleet's homes, live view and commands.

Stateless: everything it shows comes from PostgreSQL and NATS at the moment of the request, so
any number of gateways may run behind a load balancer. Sign-in reuses the single hub's accounts
(users, argon2 passwords, access and rotating refresh tokens, login limits); the access-token
signing key is kept in the database, so every gateway of a fleet accepts every other's tokens.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, FastAPI, Request
from fastapi.routing import APIRoute
from nats.aio.client import Client

from orbithub import __version__
from orbithub.api.auth import Accounts
from orbithub.api.errors import BodySizeLimit, ErrorResponse, error_response, install_error_handlers
from orbithub.api.routes.auth import router as auth_router
from orbithub.api.settings import ApiSettings
from orbithub.core.hub import Hub
from orbithub.fleet.gateway.commands import REPLY_TIMEOUT
from orbithub.fleet.gateway.live import live_endpoint
from orbithub.fleet.gateway.routes import router
from orbithub.storage.db import Database
from orbithub.storage.errors import StorageError
from orbithub.storage.fleet import FleetStore

__all__ = ["create_gateway_app"]

_LOGGER = logging.getLogger(__name__)

# The single hub's sign-in routes a gateway serves; onboarding (the first user becomes the
# hub's owner) is left out: fleet accounts are made by the operator, and rights come from homes.
_AUTH_PATHS = frozenset({"/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/me"})


def create_gateway_app(
    *,
    store: FleetStore,
    db: Database,
    nats: Client,
    settings: ApiSettings | None = None,
    reply_timeout: float = REPLY_TIMEOUT,
) -> FastAPI:
    """Build the gateway's app.

    Args:
        store: the fleet's store (homes, state, history).
        db: the same database opened as a hub's (accounts, tokens, the audit log).
        nats: a connection to the fleet's NATS cluster (changes in, commands out).
        settings: token lifetimes and limits (``jwt_secret`` None: the key in the database).
        reply_timeout: seconds a command waits for its device's reply.
    """
    settings = settings or ApiSettings(serve_web=False)
    app = FastAPI(
        title="OrbitHub gateway",
        version=__version__,
        description="The HTTP and WebSocket API of an OrbitHub fleet: many homes, one sign-in.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    # The accounts need a clock for grant expiry only; an empty hub provides it.
    clock_hub = Hub()
    app.state.hub = clock_hub
    app.state.db = db
    app.state.settings = settings
    app.state.accounts = Accounts(db, clock_hub, settings)
    app.state.fleet_store = store
    app.state.nats = nats
    app.state.reply_timeout = reply_timeout
    install_error_handlers(app)
    app.add_exception_handler(StorageError, _database_unavailable)
    app.add_middleware(BodySizeLimit, limit=settings.max_body_bytes)
    sign_in = APIRouter()
    sign_in.routes.extend(
        r for r in auth_router.routes if isinstance(r, APIRoute) and r.path in _AUTH_PATHS
    )
    app.include_router(sign_in)
    app.include_router(router)
    app.add_api_websocket_route("/api/homes/ws", live_endpoint)
    return app


async def _database_unavailable(request: Request, exc: Exception) -> ErrorResponse:
    # The detail (the server's address, the driver's words) is for the operator's log only.
    _LOGGER.warning("%s %s: %s", request.method, request.url.path, exc)
    return error_response(
        503,
        "unavailable",
        "the fleet's database is not answering; try again in a moment",
        headers={"Retry-After": "5"},
    )
