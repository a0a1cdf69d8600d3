"""Every route module of the API, in the order they are included.

Each module exposes ``router: fastapi.APIRouter`` whose paths are absolute (``/api/...``).
To add an area: import its module below and add ``<module>.router`` to ``ROUTERS`` (one line
each; nothing else in this file changes).
"""

from __future__ import annotations

from fastapi import APIRouter

from orbithub.api.routes import (
    accounts,
    activity,
    assistant,
    audit,
    auth,
    automation_runs,
    automations,
    companion,
    device_trust,
    devices,
    diagnostics,
    energy,
    insights,
    notifications,
    scenes,
    spaces,
    summary,
    tariffs,
    tokens,
    vehicles,
    xiaomi,
)

__all__ = ["ROUTERS"]

ROUTERS: tuple[APIRouter, ...] = (
    auth.router,
    accounts.router,
    tokens.router,
    audit.router,
    spaces.router,
    summary.router,
    devices.router,
    device_trust.router,
    activity.router,
    energy.router,
    companion.router,
    notifications.router,
    insights.router,
    automations.router,
    automation_runs.router,
    scenes.router,
    vehicles.router,
    tariffs.router,
    assistant.router,
    diagnostics.router,
    xiaomi.router,
)
