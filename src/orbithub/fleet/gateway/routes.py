"""The gateway's routes: the homes a person may see, their devices, state, history, commands.

Every route under ``/api/homes/{home}`` first asks the membership (``home_view``): a home the
caller is not a member of answers 404 exactly like one that does not exist.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from nats.aio.client import Client
from pydantic import BaseModel, ConfigDict, Field

from orbithub.access import Actor
from orbithub.api.deps import CurrentPrincipal, get_db
from orbithub.api.errors import ApiError
from orbithub.core.registry import Device
from orbithub.fleet.gateway.commands import send_command
from orbithub.fleet.gateway.homes import HomeView, home_view, store_of
from orbithub.storage.fleet import FleetChange, FleetValue

__all__ = ["router"]

router = APIRouter(tags=["fleet"])

_MAX_HISTORY = 10_000


class HomeOut(BaseModel):
    """A home the caller may see, with their role in it."""

    id: str
    name: str
    role: str


class ValueOut(BaseModel):
    """A property's current value and the device's time of it."""

    value: FleetValue
    ts: datetime


class DeviceOut(BaseModel):
    """A device of a home with its current values by property path."""

    id: str
    name: str
    type: str
    room: str | None
    state: dict[str, ValueOut]


class PointOut(BaseModel):
    """One reading of a property."""

    ts: datetime
    value: FleetValue


class CommandIn(BaseModel):
    """A value to write; ``confirm`` confirms a command that opens a security device."""

    model_config = ConfigDict(extra="forbid")
    value: bool | int | float | Annotated[str, Field(max_length=1000)]
    confirm: bool = False


class CommandOut(BaseModel):
    """What became of a command: sent, and whether the device confirmed it."""

    sent: bool
    confirmed: bool
    message: str


def by_device(state: list[FleetChange]) -> dict[str, list[FleetChange]]:
    """A home's current values grouped by device."""
    grouped: dict[str, list[FleetChange]] = {}
    for change in state:
        grouped.setdefault(change.device, []).append(change)
    return grouped


def device_out(device: Device, values: list[FleetChange]) -> DeviceOut:
    """A device as the gateway shows it."""
    return DeviceOut(
        id=device.id,
        name=device.name,
        type=device.model,
        room=device.room_id,
        state={c.prop: ValueOut(value=c.value, ts=c.ts) for c in values},
    )


async def _view(request: Request, principal: CurrentPrincipal, home: str) -> HomeView:
    return await home_view(store_of(request), principal, home)


@router.get("/api/homes")
async def list_homes(request: Request, principal: CurrentPrincipal) -> list[HomeOut]:
    """The homes the caller is a member of."""
    memberships = await store_of(request).homes.memberships(principal.user_id)
    limit = principal.space_limit
    return [
        HomeOut(id=home.id, name=home.name, role=str(role))
        for home, role in memberships
        if limit is None or home.id in limit
    ]


@router.get("/api/homes/{home}/devices")
async def list_devices(home: str, request: Request, principal: CurrentPrincipal) -> list[DeviceOut]:
    """The devices of a home the caller may see, with their current values."""
    view = await _view(request, principal, home)
    state = await store_of(request).state(home)
    values = by_device(state)
    return [device_out(d, values.get(d.id, [])) for d in view.visible()]


@router.get("/api/homes/{home}/devices/{device}")
async def get_device(
    home: str, device: str, request: Request, principal: CurrentPrincipal
) -> DeviceOut:
    """One device of a home with its current values."""
    view = await _view(request, principal, home)
    found = view.device(device)
    state = await store_of(request).state(home)
    return device_out(found, [c for c in state if c.device == found.id])


@router.get("/api/homes/{home}/devices/{device}/history")
async def get_history(
    home: str,
    device: str,
    request: Request,
    principal: CurrentPrincipal,
    prop: Annotated[str, Query(min_length=1, max_length=200)],
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=_MAX_HISTORY)] = 1000,
) -> list[PointOut]:
    """Readings of one property, oldest first (default: the last 24 hours)."""
    view = await _view(request, principal, home)
    found = view.device(device)
    end = _aware(until) if until is not None else datetime.now(UTC)
    start = _aware(since) if since is not None else end - timedelta(days=1)
    if start >= end:
        raise ApiError(422, "invalid_range", "since must be before until")
    points = await store_of(request).history(home, found.id, prop, start, end, limit=limit)
    return [PointOut(ts=ts, value=value) for ts, value in points]


@router.put("/api/homes/{home}/devices/{device}/properties/{path}")
async def set_property(
    home: str,
    device: str,
    path: str,
    body: CommandIn,
    request: Request,
    principal: CurrentPrincipal,
) -> CommandOut:
    """Write one property of a device: checked against its spec and the caller's rights."""
    view = await _view(request, principal, home)
    nc = request.app.state.nats
    assert isinstance(nc, Client)  # noqa: S101 - create_gateway_app sets it
    result = await send_command(
        view.registry,
        nc,
        get_db(request),
        Actor.person(view.principal),
        device,
        path,
        body.value,
        confirm=body.confirm,
        reply_timeout=request.app.state.reply_timeout,
    )
    return CommandOut(sent=True, confirmed=result.confirmed, message=result.message)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
