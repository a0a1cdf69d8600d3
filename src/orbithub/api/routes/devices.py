"""Devices: list them with their state, read one with its spec, command them, chart history.

Commands go through the guarded entry (:class:`orbithub.access.Commands`), which decides with
the caller's rights, asks for confirmation before opening a security device, and audits every
command with its outcome, including the refused ones (forbidden, invalid value, device
unreachable). A refused command changes nothing.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from orbithub.access import Actor, DeviceApprovals, Principal
from orbithub.api.deps import (
    CommandsDep,
    CurrentPrincipal,
    DbDep,
    HubDep,
    OwnerPrincipal,
    audit,
    device_for_view,
)
from orbithub.api.errors import retold, said
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
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.spec.errors import UnknownProperty
from orbithub.storage import history

__all__ = ["router"]

router = APIRouter(tags=["hub"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {
        "description": "the caller may see the device but not control it, or it is a "
        "discovered security device the owner has not approved yet"
    },
    404: {"description": "unknown device, or no such property/action"},
    409: {
        "description": "``confirmation_required``: the command opens a security device; send "
        'it again with "confirm": true'
    },
    422: {"description": "the value is refused by the device's spec (the message says why)"},
    503: {"description": "the device's adapter is not running or did not answer"},
}
_MAX_BUCKETS = 2000
_DAY = 86_400.0


@router.get("/api/devices", response_model=list[DeviceOut], openapi_extra=requires(Right.SIGNED_IN))
async def list_devices(
    principal: CurrentPrincipal,
    hub: HubDep,
    commands: CommandsDep,
    space_id: Annotated[str | None, Query(max_length=200)] = None,
    room_id: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """The devices the caller may see, optionally of one space or room."""
    return JsonResponse(
        [
            device_dict(hub, d, principal, approvals=commands.approvals)
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
async def get_device(
    device_id: str, principal: CurrentPrincipal, hub: HubDep, commands: CommandsDep
) -> Response:
    """One device with its state and its spec."""
    device = device_for_view(principal, hub, device_id)
    return JsonResponse(
        device_dict(hub, device, principal, spec=True, approvals=commands.approvals)
    )


@router.post(
    "/api/devices/{device_id}/approve",
    response_model=DeviceOut,
    responses={
        403: {"description": "only an owner signed in with a password approves devices"},
        404: _ERRORS[404],
        409: {"description": "the device needs no approval (not a discovered security device)"},
    },
    openapi_extra=requires(Right.OWNER),
)
async def approve_device(
    device_id: str,
    request: Request,
    principal: OwnerPrincipal,
    hub: HubDep,
    commands: CommandsDep,
) -> Response:
    """Approve a discovered security device, so automations and other people may command it.

    A lock, garage door or alarm that arrived by Home Assistant or zigbee2mqtt discovery obeys
    only an owner until then. Approving twice changes nothing.
    """
    device = device_for_view(principal, hub, device_id)
    approvals = commands.approvals
    if not isinstance(approvals, DeviceApprovals) or not approvals.needs_approval(device):
        raise said(409, "no_approval_needed", "devices.no_approval_needed", name=device.name)
    if await approvals.approve(device, by=principal.username, time=hub.now()):
        await audit(
            request,
            principal,
            action="device.approve",
            target=device.id,
            space_id=device.space_id,
        )
    return JsonResponse(device_dict(hub, device, principal, approvals=approvals))


@router.put(
    "/api/devices/{device_id}/properties/{path}",
    responses=_ERRORS,
    openapi_extra=requires(Right.DEVICE_CONTROL),
)
async def set_property(
    device_id: str,
    path: str,
    body: SetPropertyIn,
    principal: CurrentPrincipal,
    hub: HubDep,
    commands: CommandsDep,
) -> CommandOut:
    """Write one property (``path`` is ``service.property`` or ``siid.piid``).

    Unlocking, opening or disarming a security device needs ``"confirm": true`` in the body;
    without it the answer is 409 ``confirmation_required`` and nothing is sent.
    """
    device = _known(hub, principal, device_id)
    result = await commands.set(
        Actor.person(principal), device.id, path, body.value, confirm=body.confirm
    )
    prop = device.spec.property(path)
    value = hub.state.value(device.id, prop.path)
    return CommandOut(
        confirmed=result.confirmed,
        message=result.message,
        value=value if value is not None else body.value,
    )


@router.post(
    "/api/devices/{device_id}/actions/{path}",
    responses=_ERRORS,
    openapi_extra=requires(Right.DEVICE_CONTROL),
)
async def call_action(
    device_id: str,
    path: str,
    body: ActionIn,
    principal: CurrentPrincipal,
    hub: HubDep,
    commands: CommandsDep,
) -> CommandOut:
    """Run one action with its arguments (by property name, path or piid).

    Like a property write, an action that opens a security device needs ``"confirm": true``.
    """
    device = _known(hub, principal, device_id)
    result = await commands.call(
        Actor.person(principal), device.id, path, body.arguments, confirm=body.confirm
    )
    return CommandOut(
        confirmed=result.confirmed, message=result.message, outputs=dict(result.outputs)
    )


def _known(hub: Hub, principal: Principal, device_id: str) -> Device:
    """The device, 404 for an unknown id (an unknown id is not worth an audit entry)."""
    device = hub.registry.find_device(device_id)
    if device is None:
        raise said(404, "not_found", "access.no_device", device=device_id)
    return device


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
        raise retold(404, "unknown_path", "error.unknown_path", exc) from None
    end = until if until is not None else hub.now()
    start = since if since is not None else end - _DAY
    if start > end:
        raise said(422, "invalid_range", "range.after_swap", start=start, end=end)
    points = await history.history(db, device.id, prop.path, start, end, buckets=buckets)
    return HistoryOut(
        now=hub.now(),
        path=prop.path,
        unit=prop.unit,
        points=[HistoryPointOut(time=p.time, value=p.value, min=p.min, max=p.max) for p in points],
    )
