"""The services of other areas the API reaches: one typed object, each None when not running.

The command line builds them with the hub and hands them to :func:`~orbithub.api.app.create_app`
(or later, through :func:`set_services`, when they need the running app's hub first); routes
read them with :func:`services_of` and answer 503 through :func:`required` when one is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from fastapi import FastAPI, Request

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.phone import Companion
from orbithub.api.errors import ApiError
from orbithub.assistant import Assistant
from orbithub.assistant.anomaly import Detector
from orbithub.assistant.suggest import Suggester
from orbithub.automation import Engine
from orbithub.core.pending import PendingChanges
from orbithub.mobility.presence import Presence
from orbithub.mobility.runtime import Mobility

__all__ = ["HubServices", "app_services", "required", "services_of", "set_services"]

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class HubServices:
    """What runs around the hub core, for the routes that serve it.

    Attributes:
        automations: the automation engine.
        assistant: sentences in English and Chinese.
        companion: phones and notifications.
        presence: geofences and who is where.
        mobility: vehicles, arrival estimates, smart charging, pre-conditioning.
        suggestions: automations proposed from habits.
        alerts: anomaly alerts.
        broker_accounts: the broker's accounts (the hub's own and each device's login).
        device_changes: changes of type or owner devices asked for, waiting for the owner.
    """

    automations: Engine | None = None
    assistant: Assistant | None = None
    companion: Companion | None = None
    presence: Presence | None = None
    mobility: Mobility | None = None
    suggestions: Suggester | None = None
    alerts: Detector | None = None
    broker_accounts: BrokerAccounts | None = None
    device_changes: PendingChanges | None = None


def set_services(app: FastAPI, services: HubServices) -> None:
    """Give ``app`` the services it serves (replacing those it had)."""
    app.state.services = services


def app_services(app: FastAPI) -> HubServices:
    """The services ``app`` serves."""
    services = app.state.services
    assert isinstance(services, HubServices)  # noqa: S101 - create_app sets it
    return services


def services_of(request: Request) -> HubServices:
    """The services of the app answering ``request``."""
    return app_services(request.app)


def required(service: _T | None, what: str) -> _T:
    """``service``, or a 503 saying that ``what`` (``"the assistant is"``) not running.

    Raises:
        ApiError: 503 when this hub runs without it.
    """
    if service is None:
        raise ApiError(
            503, "unavailable", f"{what} not running on this hub", key="error.service_off"
        )
    return service
