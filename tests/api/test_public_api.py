"""The API package's public names, which other areas and the command line build on."""

from __future__ import annotations

import orbithub.api
import orbithub.api.deps
from orbithub.api.routes import ROUTERS


def test_public_names() -> None:
    assert orbithub.api.__all__ == [
        "ApiError",
        "ApiSettings",
        "HubServices",
        "Principal",
        "Role",
        "create_app",
        "serve_api",
        "set_services",
    ]
    for name in (
        "CurrentPrincipal",
        "AdultPrincipal",
        "OwnerPrincipal",
        "HubDep",
        "DbDep",
        "require_owner",
        "require_adult",
        "get_hub",
        "get_db",
        "device_for_view",
        "device_for_control",
        "audit",
    ):
        assert name in orbithub.api.deps.__all__, name


def test_every_router_has_absolute_api_paths() -> None:
    paths = [route.path for router in ROUTERS for route in router.routes if hasattr(route, "path")]
    assert paths
    assert all(path.startswith("/api/") for path in paths)
