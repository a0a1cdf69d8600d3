"""The app factory: one FastAPI app over a hub and its database, with every route module.

``create_app`` is the only wiring the API needs; the command line calls it and runs the result
with :func:`orbithub.api.serve.serve_api`. Services of other areas (the automation engine, the
assistant...) are handed in as one typed :class:`~orbithub.api.services.HubServices`.
"""

from __future__ import annotations

from fastapi import FastAPI

from orbithub import __version__
from orbithub.access import Commands, DeviceApprovals, StoredOwnerRights
from orbithub.api.auth import Accounts
from orbithub.api.errors import BodySizeLimit, install_error_handlers
from orbithub.api.live import LiveFeed
from orbithub.api.routes import ROUTERS
from orbithub.api.services import HubServices, set_services
from orbithub.api.settings import ApiSettings
from orbithub.api.web import find_assets, mount_web
from orbithub.api.ws import websocket_endpoint
from orbithub.core.hub import Hub
from orbithub.storage.audit import AuditTrail
from orbithub.storage.db import Database

__all__ = ["ApiSettings", "create_app"]


def create_app(
    *,
    hub: Hub,
    db: Database,
    settings: ApiSettings | None = None,
    services: HubServices | None = None,
    commands: Commands | None = None,
    audit_trail: AuditTrail | None = None,
) -> FastAPI:
    """Build the API app.

    Args:
        hub: the hub it serves.
        db: the hub's open database (migrated to the accounts schema).
        settings: token lifetimes, limits; defaults when None.
        services: the services of other areas it serves (none when None; routes needing one
            answer 503); :func:`~orbithub.api.services.set_services` replaces them later.
        commands: the hub's guarded command entry (shared with the automations, the assistant
            and the control socket); a new one over ``hub`` and ``db`` when None (with no
            approval recorded yet: a running hub passes its own, loaded at start).
        audit_trail: the running writer of command audit entries; ``GET /api/audit`` writes
            what it holds before reading, so a command is listed as soon as it has answered.

    Returns:
        The app; serve it with :func:`orbithub.api.serve.serve_api`.
    """
    settings = settings or ApiSettings()
    app = FastAPI(
        title="OrbitHub",
        version=__version__,
        description="The HTTP and WebSocket API of an OrbitHub hub.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.hub = hub
    app.state.db = db
    app.state.settings = settings
    app.state.accounts = Accounts(db, hub, settings)
    app.state.live = LiveFeed(hub)
    set_services(app, services or HubServices())
    app.state.commands = commands or Commands(
        hub, owner_rights=StoredOwnerRights(db, hub), approvals=DeviceApprovals(db)
    )
    app.state.audit_trail = audit_trail
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, limit=settings.max_body_bytes)
    for router in ROUTERS:
        app.include_router(router)
    app.add_api_websocket_route("/api/ws", websocket_endpoint)
    if settings.serve_web:
        assets = find_assets()
        if assets is not None:
            mount_web(app, assets)
    return app
