"""The mobility services as the vehicle and tariff routes reach them, and the errors they document.

The mobility services (smart charging, pre-conditioning, ETAs) are the app's
``HubServices.mobility``; a hub may run without them, so each route either works without them
(:func:`mobility_of`) or answers 503 (:func:`require_mobility`).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from orbithub.api.errors import said
from orbithub.api.services import services_of
from orbithub.mobility.runtime import Mobility
from orbithub.mobility.tariff import Tariff

__all__ = ["ERRORS", "home_tariff", "mobility_of", "require_mobility"]

ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "the caller may see the vehicle but not control it"},
    404: {"description": "no vehicle with that id that the caller may see"},
    422: {"description": "a value is out of range (the message says the range)"},
    503: {"description": "the mobility services or the car's adapter are not running"},
}
"""The error answers the vehicle and tariff routes document in the OpenAPI schema."""


def mobility_of(request: Request) -> Mobility | None:
    """The mobility services of the app, or None when the hub runs without them."""
    return services_of(request).mobility


def require_mobility(request: Request) -> Mobility:
    """The mobility services of the app.

    Raises:
        ApiError: 503 when the hub runs without them.
    """
    service = mobility_of(request)
    if service is None:
        raise said(503, "unavailable", "mobility.unavailable")
    return service


def home_tariff(request: Request, home_id: str) -> Tariff | None:
    """The tariff a home's energy is priced at: its own or the hub's default.

    None when it has neither, or the mobility services (which keep the tariffs) are not running.
    """
    service = mobility_of(request)
    return service.charging.tariff(home_id) if service is not None else None
