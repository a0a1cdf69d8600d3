"""``GET /api/energy``: kWh and its cost per device and room, by hour, day or month.

The app pages through calendar spans (``span=day|week|month`` and a ``date`` in the home's
calendar); scripts may ask for any range with ``since``/``until`` and a ``period``. Cost is
the home's tariff (see ``api.energy_cost``); without one every cost is null and ``tariff``
says so, so nothing is made up.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from orbithub.api.deps import CurrentPrincipal, DbDep, HubDep
from orbithub.api.energy import (
    METER_PATH,
    Period,
    Span,
    Usage,
    buckets,
    consumption,
    default_start,
    meter_readings,
    metered,
    span_range,
    zone,
)
from orbithub.api.errors import said
from orbithub.api.rights import Right, requires
from orbithub.api.routes.mobility_deps import home_tariff
from orbithub.core.registry import Device, Space

__all__ = ["router"]

router = APIRouter(tags=["hub"])


class EnergyPointOut(BaseModel):
    """Energy used in one hour, day or month, and what it cost (null: no tariff)."""

    time: float
    value: float
    cost: float | None


class EnergyDeviceOut(BaseModel):
    """Energy of one metered device; ``share`` is its part of all the energy shown (0..1)."""

    id: str
    name: str
    room_id: str | None
    total: float
    cost: float | None
    share: float
    series: list[EnergyPointOut]


class EnergyRoomOut(BaseModel):
    """Energy of one room (its metered devices summed)."""

    id: str
    name: str
    total: float
    cost: float | None


class EnergyTariffOut(BaseModel):
    """The tariff the costs are priced at."""

    name: str
    currency: str
    timezone: str


class EnergySpanOut(BaseModel):
    """The calendar span shown, and the dates of its neighbours (``next`` null: the future)."""

    span: Span
    date: str
    previous: str
    next: str | None
    today: str
    current: bool


class EnergyOut(BaseModel):
    """Energy used per device and room over a range, in kWh, and its cost.

    ``cost`` and ``currency`` are null when a home shown has no tariff (``no_tariff`` lists
    them) or the homes' tariffs are in different currencies.
    """

    unit: Literal["kWh"] = "kWh"
    period: str
    since: float
    until: float
    total: float
    cost: float | None
    currency: str | None
    tariff: EnergyTariffOut | None
    no_tariff: list[str]
    span: EnergySpanOut | None
    devices: list[EnergyDeviceOut]
    rooms: list[EnergyRoomOut]


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    # Bounded, so the span and its neighbours stay within what a calendar date can hold.
    if day is None or not 1970 <= day.year <= 2999:
        raise said(422, "invalid_date", "energy.invalid_date", date=text)
    return day


@router.get(
    "/api/energy",
    responses={404: {"description": "unknown space"}, 422: {"description": "a bad range"}},
    openapi_extra=requires(Right.SIGNED_IN),
)
async def energy(
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    space_id: Annotated[str | None, Query(max_length=200)] = None,
    span: Span | None = None,
    day: Annotated[str | None, Query(alias="date", max_length=10)] = None,
    period: Period = Period.DAY,
    since: Annotated[float | None, Query(ge=0, le=1e11)] = None,
    until: Annotated[float | None, Query(ge=0, le=1e11)] = None,
) -> EnergyOut:
    """Energy used by each metered device the caller may see, and per room, with its cost.

    With ``span`` (and ``date``, today by default): that local calendar day by hour, week
    (from Monday) or month by day. Otherwise ``since``/``until`` by ``period``; defaults: the
    last 7 days by day, or the last 12 months by month. Times are in the space's time zone
    (the first visible space's when ``space_id`` is not given).
    """
    visible = principal.visible_space_ids(hub.registry)
    if space_id is not None and space_id not in visible:
        raise said(404, "not_found", "spaces.not_visible", space=space_id)
    spaces = [s for s in hub.registry.spaces() if s.id in visible]
    if space_id is not None:
        spaces = [s for s in spaces if s.id == space_id]
    tz = zone(spaces[0].timezone if spaces else "UTC")
    now = hub.now()
    span_out = None
    if span is not None:
        today = datetime.fromtimestamp(now, tz).date()
        shown = span_range(_day(day) if day else today, span, tz)
        start, end, period = shown.start, shown.end, shown.period
        span_out = EnergySpanOut(
            span=span,
            date=shown.first.isoformat(),
            previous=shown.previous.isoformat(),
            next=shown.following.isoformat() if shown.following <= today else None,
            today=today.isoformat(),
            current=start <= now < end,
        )
    else:
        end = until if until is not None else now
        start = since if since is not None else default_start(end, period, tz)
    if start >= end:
        raise said(422, "invalid_range", "range.before", start=start, end=end)
    return await _priced(request, principal, hub, db, spaces, (start, end, period), span_out)


async def _priced(
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    spaces: list[Space],
    window: tuple[float, float, Period],
    span_out: EnergySpanOut | None,
) -> EnergyOut:
    start, end, period = window
    tz = zone(spaces[0].timezone if spaces else "UTC")
    starts = buckets(start, end, period, tz)
    tariffs = {s.id: home_tariff(request, s.id) for s in spaces}
    used: list[tuple[Device, Usage]] = []
    for space in spaces:
        for device in hub.registry.devices(space_id=space.id):
            if not metered(device) or not principal.can_view_device(device):
                continue
            unit = device.spec.property(METER_PATH).unit
            readings = await meter_readings(db, device.id, start, end)
            used.append((device, consumption(readings, starts, end, unit, tariffs[space.id])))
    total = round(sum(u.total for _, u in used), 6)
    currencies = {t.currency for t in tariffs.values() if t is not None}
    # Only homes with a meter shown need a tariff for the cost to be whole.
    shown = {d.space_id for d, _ in used}
    missing = [s.id for s in spaces if tariffs[s.id] is None and s.id in shown]
    whole = not missing and len(currencies) == 1
    one = next((t for t in tariffs.values() if t is not None), None)
    return EnergyOut(
        period=period.value,
        since=start,
        until=end,
        total=total,
        cost=_sum([u.cost for _, u in used]) if whole else None,
        currency=next(iter(currencies)) if whole else None,
        tariff=EnergyTariffOut(name=one.name, currency=one.currency, timezone=one.timezone)
        if one is not None and len(spaces) == 1
        else None,
        no_tariff=missing,
        span=span_out,
        devices=[_device_out(d, u, starts, total) for d, u in used],
        rooms=[
            EnergyRoomOut(
                id=room.id,
                name=room.name,
                total=round(sum(u.total for _, u in in_room), 6),
                cost=_sum([u.cost for _, u in in_room]),
            )
            for space in spaces
            for room in hub.registry.rooms(space.id)
            if (in_room := [(d, u) for d, u in used if d.room_id == room.id])
        ],
    )


def _device_out(device: Device, usage: Usage, starts: list[float], total: float) -> EnergyDeviceOut:
    costs: list[float | None] = (
        list(usage.costs) if usage.costs is not None else [None] * len(starts)
    )
    return EnergyDeviceOut(
        id=device.id,
        name=device.name,
        room_id=device.room_id,
        total=usage.total,
        cost=usage.cost,
        share=round(usage.total / total, 4) if total > 0 else 0.0,
        series=[
            EnergyPointOut(time=t, value=v, cost=c)
            for t, v, c in zip(starts, usage.series, costs, strict=True)
        ],
    )


def _sum(values: list[float | None]) -> float | None:
    """The sum, or None when any part is unpriced (or there is nothing to price)."""
    if not values or any(v is None for v in values):
        return None
    return round(sum(v for v in values if v is not None), 6)
