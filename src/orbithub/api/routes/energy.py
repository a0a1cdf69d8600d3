"""``GET /api/energy``: kWh per device and per room, by day or month (see ``api.energy``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from orbithub.api.deps import CurrentPrincipal, DbDep, HubDep
from orbithub.api.energy import (
    METER_PATH,
    Period,
    buckets,
    consumption,
    default_start,
    meter_readings,
    metered,
    zone,
)
from orbithub.api.errors import ApiError
from orbithub.api.rights import Right, requires
from orbithub.api.schemas import EnergyDeviceOut, EnergyOut, EnergyPointOut, EnergyRoomOut

__all__ = ["router"]

router = APIRouter(tags=["hub"])


@router.get(
    "/api/energy",
    responses={404: {"description": "unknown space"}},
    openapi_extra=requires(Right.SIGNED_IN),
)
async def energy(
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    space_id: Annotated[str | None, Query(max_length=200)] = None,
    period: Period = Period.DAY,
    since: Annotated[float | None, Query(ge=0, le=1e11)] = None,
    until: Annotated[float | None, Query(ge=0, le=1e11)] = None,
) -> EnergyOut:
    """Energy used by each metered device the caller may see, and per room.

    Defaults: the last 7 days by day, or the last 12 months by month, in the space's time zone
    (the first visible space's when ``space_id`` is not given).
    """
    visible = principal.visible_space_ids(hub.registry)
    if space_id is not None and space_id not in visible:
        raise ApiError(404, "not_found", f"no space {space_id!r} that you may see")
    spaces = [s for s in hub.registry.spaces() if s.id in visible]
    if space_id is not None:
        spaces = [s for s in spaces if s.id == space_id]
    tz = zone(spaces[0].timezone if spaces else "UTC")
    end = until if until is not None else hub.now()
    start = since if since is not None else default_start(end, period, tz)
    if start >= end:
        raise ApiError(422, "invalid_range", f"since ({start}) must be before until ({end})")
    starts = buckets(start, end, period, tz)
    devices: list[EnergyDeviceOut] = []
    room_totals: dict[str, float] = {}
    for space in spaces:
        for device in hub.registry.devices(space_id=space.id):
            if not metered(device) or not principal.can_view_device(device):
                continue
            unit = device.spec.property(METER_PATH).unit
            usage = consumption(await meter_readings(db, device.id, start, end), starts, end, unit)
            devices.append(
                EnergyDeviceOut(
                    id=device.id,
                    name=device.name,
                    room_id=device.room_id,
                    total=usage.total,
                    series=[
                        EnergyPointOut(time=t, value=v)
                        for t, v in zip(starts, usage.series, strict=True)
                    ],
                )
            )
            if device.room_id is not None:
                room_totals[device.room_id] = room_totals.get(device.room_id, 0.0) + usage.total
    rooms = [
        EnergyRoomOut(id=room.id, name=room.name, total=round(room_totals[room.id], 6))
        for space in spaces
        for room in hub.registry.rooms(space.id)
        if room.id in room_totals
    ]
    return EnergyOut(period=period.value, devices=devices, rooms=rooms)
