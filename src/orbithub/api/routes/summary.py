"""``GET /api/summary``: the hub's clock and a home's energy and its cost so far today.

The app's home screen shows these at a glance, and draws its charts on the hub's clock rather
than the phone's (a demo hub runs its own accelerated clock; a phone's clock may be wrong).
Everything else on the home screen comes from the routes that already serve it (devices,
presence, scenes, vehicles). The energy and its cost are the energy view's for today (see
``api.energy_cost``: each increase of a meter is priced over the time since the reading
before); the cost is null when the home has no tariff or the mobility services (which keep
the tariffs) are not running.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from orbithub.api.deps import CurrentPrincipal, DbDep, HubDep
from orbithub.api.energy import METER_PATH, consumption, day_start, meter_readings, metered, zone
from orbithub.api.errors import said
from orbithub.api.rights import Right, requires
from orbithub.api.routes.mobility_deps import home_tariff
from orbithub.core.registry import Space, SpaceKind

__all__ = ["router"]

router = APIRouter(tags=["hub"])


class EnergyTodayOut(BaseModel):
    """Energy the home's metered devices the caller may see used since local midnight."""

    since: float
    kwh: float
    cost: float | None
    currency: str | None


class SummaryOut(BaseModel):
    """The hub's time now, and the home the summary is about (null: none the caller may see)."""

    now: float
    space_id: str | None
    timezone: str
    energy: EnergyTodayOut | None


@router.get(
    "/api/summary",
    responses={404: {"description": "unknown space"}},
    openapi_extra=requires(Right.SIGNED_IN),
)
async def summary(
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    space_id: Annotated[str | None, Query(max_length=200)] = None,
) -> SummaryOut:
    """The hub's clock, and energy with its cost today in a home (the first visible by default)."""
    now = hub.now()
    visible = [s for s in hub.registry.spaces() if principal.can_view_space(s.id)]
    if space_id is not None:
        space = next((s for s in visible if s.id == space_id), None)
        if space is None:
            raise said(404, "not_found", "spaces.not_found", space=space_id)
    else:
        space = next((s for s in visible if s.kind is SpaceKind.HOME), None)
    if space is None:
        return SummaryOut(now=now, space_id=None, timezone="UTC", energy=None)
    return SummaryOut(
        now=now,
        space_id=space.id,
        timezone=space.timezone,
        energy=await _energy_today(request, principal, hub, db, space, now),
    )


async def _energy_today(
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    space: Space,
    now: float,
) -> EnergyTodayOut | None:
    devices = [
        d
        for d in hub.registry.devices(space_id=space.id)
        if metered(d) and principal.can_view_device(d)
    ]
    if not devices:
        return None
    since = day_start(now, zone(space.timezone))
    tariff = home_tariff(request, space.id)
    kwh = 0.0
    cost = 0.0
    for device in devices:
        unit = device.spec.property(METER_PATH).unit
        readings = await meter_readings(db, device.id, since, now + 1)
        usage = consumption(readings, [since], now + 1, unit, tariff)
        kwh += usage.total
        cost += usage.cost or 0.0
    return EnergyTodayOut(
        since=since,
        kwh=round(kwh, 3),
        cost=round(cost, 2) if tariff is not None else None,
        currency=tariff.currency if tariff is not None else None,
    )
