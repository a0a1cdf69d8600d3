"""Devices: list them with their state, read one with its spec, command them, chart history.

Every command is audited with its outcome, including the refused ones (forbidden, invalid
value, device unreachable). A refused command changes nothing: the value is checked against
the spec before the adapter sees it.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from orbithub.api.deps import (
    CurrentPrincipal,
    DbDep,
    HubDep,
    audit,
    device_for_control,
    device_for_view,
)
from orbithub.api.errors import ApiError
from orbithub.api.principal import Principal
from orbithub.api.render import JsonResponse, device_dict
from orbithub.api.rights import Right, requires
from orbithub.api.schemas import (
    ActionIn,
    CommandOut,
    DeviceOut,
    HistoryOut,
    HistoryPointOut,
    SetPropertyIn,
)
from orbithub.core.adapter import CommandResult
from orbithub.core.context import Context, Origin
from orbithub.core.errors import AdapterUnavailableError
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.spec.errors import UnknownAction, UnknownProperty, ValueRejected
from orbithub.storage import history

__all__ = ["router"]

router = APIRouter(tags=["hub"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "the caller may see the device but not control it"},
    404: {"description": "unknown device, or no such property/action"},
    422: {"description": "the value is refused by the device's spec (the message says why)"},
    503: {"description": "the device's adapter is not running or did not answer"},
}
_MAX_BUCKETS = 2000
_DAY = 86_400.0


@router.get("/api/devices", response_model=list[DeviceOut], openapi_extra=requires(Right.SIGNED_IN))
async def list_devices(
    principal: CurrentPrincipal,
    hub: HubDep,
    space_id: Annotated[str | None, Query(max_length=200)] = None,
    room_id: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """The devices the caller may see, optionally of one space or room."""
    return JsonResponse(
        [
            device_dict(hub, d, principal)
            for d in hub.registry.devices(space_id=space_id, room_id=room_id)
            if principal.can_view_device(d)
        ]
    )


@router.get(
    "/api/devices/{device_id}",
    response_model=DeviceOut,
    responses={404: _ERRORS[404]},
    openapi_extra=requires(Right.DEVICE_VIEW),
)
async def get_device(device_id: str, principal: CurrentPrincipal, hub: HubDep) -> Response:
    """One device with its state and its spec."""
    device = device_for_view(principal, hub, device_id)
    return JsonResponse(device_dict(hub, device, principal, spec=True))


async def _controllable(
    request: Request, principal: Principal, hub: Hub, device_id: str, action: str, target: str
) -> Device:
    try:
        return device_for_control(principal, hub, device_id)
    except ApiError as exc:
        if exc.status == 403:
            # A refused attempt on a device the caller can see is worth keeping (a child
            # trying the front door); unknown ids are not, they would only fill the log.
            device = device_for_view(principal, hub, device_id)
            await audit(
                request,
                principal,
                action=action,
                target=f"{device.id}/{target}",
                result="forbidden",
                space_id=device.space_id,
            )
        raise


@router.put(
    "/api/devices/{device_id}/properties/{path}",
    responses=_ERRORS,
    openapi_extra=requires(Right.DEVICE_CONTROL),
)
async def set_property(
    device_id: str,
    path: str,
    body: SetPropertyIn,
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
) -> CommandOut:
    """Write one property (``path`` is ``service.property`` or ``siid.piid``)."""
    device = await _controllable(request, principal, hub, device_id, "device.set", path)
    try:
        prop = device.spec.property(path)
    except UnknownProperty as exc:
        raise ApiError(404, "unknown_path", str(exc)) from None
    context = Context(Origin.USER, principal.username)
    result = await _run_command(
        request,
        principal,
        device,
        "device.set",
        f"{device.id}/{prop.path}",
        hub.set(device.id, prop.path, body.value, context=context),
        detail={"value": body.value},
    )
    value = hub.state.value(device.id, prop.path)
    return CommandOut(
        confirmed=result.confirmed,
        message=result.message,
        value=value if value is not None else body.value,
    )


async def _run_command(
    request: Request,
    principal: Principal,
    device: Device,
    action: str,
    target: str,
    command: Awaitable[CommandResult],
    detail: dict[str, Any],
) -> CommandResult:
    """Await a set or call; audit its outcome, refusals included, and map them to answers."""
    try:
        result = await command
    except (ValueRejected, AdapterUnavailableError) as exc:
        await audit(
            request,
            principal,
            action=action,
            target=target,
            result="rejected" if isinstance(exc, ValueRejected) else "unavailable",
            space_id=device.space_id,
            detail={"error": str(exc)},
        )
        if isinstance(exc, ValueRejected):
            reasons = {"property": exc.prop, "reason": exc.reason, **detail}
            raise ApiError(422, "value_rejected", str(exc), detail=reasons) from None
        raise ApiError(503, "unavailable", str(exc)) from None
    await audit(
        request,
        principal,
        action=action,
        target=target,
        result="confirmed" if result.confirmed else "unconfirmed",
        space_id=device.space_id,
        detail={**detail, "message": result.message},
    )
    return result


@router.post(
    "/api/devices/{device_id}/actions/{path}",
    responses=_ERRORS,
    openapi_extra=requires(Right.DEVICE_CONTROL),
)
async def call_action(
    device_id: str,
    path: str,
    body: ActionIn,
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
) -> CommandOut:
    """Run one action with its arguments (by property name, path or piid)."""
    device = await _controllable(request, principal, hub, device_id, "device.call", path)
    try:
        action = device.spec.action(path)
    except UnknownAction as exc:
        raise ApiError(404, "unknown_path", str(exc)) from None
    context = Context(Origin.USER, principal.username)
    result = await _run_command(
        request,
        principal,
        device,
        "device.call",
        f"{device.id}/{action.path}",
        hub.call(device.id, action.path, body.arguments, context=context),
        detail={"arguments": dict(body.arguments)},
    )
    return CommandOut(
        confirmed=result.confirmed, message=result.message, outputs=dict(result.outputs)
    )


@router.get(
    "/api/devices/{device_id}/history/{path}",
    responses={404: _ERRORS[404]},
    openapi_extra=requires(Right.DEVICE_VIEW),
)
async def property_history(
    device_id: str,
    path: str,
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    since: Annotated[float | None, Query(ge=0, le=1e11)] = None,
    until: Annotated[float | None, Query(ge=0, le=1e11)] = None,
    buckets: Annotated[int | None, Query(ge=1, le=_MAX_BUCKETS)] = None,
) -> HistoryOut:
    """The recorded values of one property; ``buckets`` down-samples for a chart.

    Defaults to the last 24 hours. Numeric buckets carry the average with minimum and maximum.
    """
    device = device_for_view(principal, hub, device_id)
    try:
        prop = device.spec.property(path)
    except UnknownProperty as exc:
        raise ApiError(404, "unknown_path", str(exc)) from None
    end = until if until is not None else hub.now()
    start = since if since is not None else end - _DAY
    if start > end:
        raise ApiError(422, "invalid_range", f"since ({start}) is after until ({end}); swap them")
    points = await history.history(db, device.id, prop.path, start, end, buckets=buckets)
    return HistoryOut(
        path=prop.path,
        unit=prop.unit,
        points=[HistoryPointOut(time=p.time, value=p.value, min=p.min, max=p.max) for p in points],
    )
