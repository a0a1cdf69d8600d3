"""What only the owner decides about devices: their broker logins and the changes they ask for.

``POST /api/devices/{device_id}/credentials`` makes (or replaces) a device's own login for the
broker and shows its password once; the device may then use only its own topics. A device that
asks to become another type or to belong to another person does not get it: the change waits in
``/api/device-changes`` until the owner accepts or dismisses it. Every decision is audited. The
models live here, not in ``schemas.py``: no other route uses them.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from orbithub.adapters.mqtt.accounts import AccountsError, BrokerAccounts
from orbithub.api.deps import HubDep, OwnerPrincipal, audit
from orbithub.api.errors import retold, said
from orbithub.api.rights import Right, requires
from orbithub.api.services import required, services_of
from orbithub.core.context import Context, Origin
from orbithub.core.errors import UnknownSpaceError
from orbithub.core.pending import PendingChange, PendingChangeError, PendingChanges
from orbithub.core.registry import Device
from orbithub.errors import OrbitHubError

__all__ = ["router"]

router = APIRouter(tags=["devices"])

_NOT_OWNER: dict[int | str, dict[str, Any]] = {
    403: {"description": "only an owner signed in with a password"}
}
_UNAVAILABLE: dict[int | str, dict[str, Any]] = {
    503: {"description": "this hub runs without device logins (an external broker)"}
}


class CredentialsIn(BaseModel):
    """Where a device that has not announced itself yet will live."""

    model_config = ConfigDict(extra="forbid")
    space_id: Annotated[str | None, Field(min_length=1, max_length=64)] = None


class CredentialsOut(BaseModel):
    """A device's broker login, shown once."""

    username: str
    password: str
    space_id: str
    publish: list[str]
    subscribe: list[str]


class DeviceSideOut(BaseModel):
    """What a held change is about, before and after."""

    name: str
    model: str
    owner: str | None


class DeviceChangeOut(BaseModel):
    """A change a device asked for, waiting for the owner."""

    device_id: str
    fields: list[str]
    current: DeviceSideOut
    proposed: DeviceSideOut
    source: str
    since: float


def _accounts(request: Request) -> BrokerAccounts:
    return required(services_of(request).broker_accounts, "device logins are")


def _changes(request: Request) -> PendingChanges:
    return required(services_of(request).device_changes, "device changes are")


@router.post(
    "/api/devices/{device_id}/credentials",
    status_code=201,
    response_model=CredentialsOut,
    responses={
        **_NOT_OWNER,
        **_UNAVAILABLE,
        404: {"description": "unknown space"},
        409: {"description": "the device belongs to another space"},
        422: {"description": "an id not valid in a topic, or no space for a new device"},
    },
    openapi_extra=requires(Right.OWNER),
)
async def make_credentials(
    device_id: str,
    body: CredentialsIn,
    request: Request,
    owner: OwnerPrincipal,
    hub: HubDep,
) -> CredentialsOut:
    """Make (or replace) a device's broker login; its password is shown only in this answer.

    A known device keeps its space; a device that has not announced itself yet needs
    ``space_id``. The old password, if any, stops working at once, live connections too.
    """
    accounts = _accounts(request)
    known = hub.registry.find_device(device_id)
    space = body.space_id
    if known is not None:
        if space is not None and space != known.space_id:
            raise said(
                409, "other_space", "trust.other_space", device=device_id, space=known.space_id
            )
        space = known.space_id
    if space is None:
        raise said(422, "space_required", "trust.space_required", device=device_id)
    try:
        hub.registry.space(space)
    except UnknownSpaceError:
        raise said(404, "not_found", "trust.unknown_space", space=space) from None
    try:
        login = await asyncio.to_thread(accounts.issue, device_id, space)
    except AccountsError as exc:
        raise retold(422, "invalid_id", "trust.invalid_id", exc) from None
    await audit(request, owner, action="device.credentials", target=device_id, space_id=space)
    account = accounts.device(device_id)
    assert account is not None  # noqa: S101 - issued just above
    return CredentialsOut(
        username=login.username,
        password=login.password,
        space_id=space,
        publish=list(account.publishes()),
        subscribe=list(account.receives()),
    )


@router.delete(
    "/api/devices/{device_id}/credentials",
    status_code=204,
    responses={**_NOT_OWNER, **_UNAVAILABLE, 404: {"description": "it has no login"}},
    openapi_extra=requires(Right.OWNER),
)
async def remove_credentials(device_id: str, request: Request, owner: OwnerPrincipal) -> Response:
    """Remove a device's broker login: it cannot log in again, nor use a live connection."""
    if not await asyncio.to_thread(_accounts(request).revoke, device_id):
        raise said(404, "not_found", "trust.no_login", device=device_id)
    await audit(request, owner, action="device.credentials.remove", target=device_id)
    return Response(status_code=204)


def _side(device: Device) -> DeviceSideOut:
    return DeviceSideOut(
        name=device.name, model=device.model or device.spec.name, owner=device.owner
    )


def _change_out(change: PendingChange) -> DeviceChangeOut:
    return DeviceChangeOut(
        device_id=change.device_id,
        fields=[str(f) for f in change.fields],
        current=_side(change.current),
        proposed=_side(change.proposed),
        source=change.source,
        since=change.since,
    )


@router.get(
    "/api/device-changes",
    response_model=list[DeviceChangeOut],
    responses={**_NOT_OWNER, **_UNAVAILABLE},
    openapi_extra=requires(Right.OWNER),
)
async def list_changes(request: Request, _owner: OwnerPrincipal) -> list[DeviceChangeOut]:
    """Changes of type or owner devices asked for, waiting for the owner, oldest first."""
    return [_change_out(change) for change in _changes(request).all()]


@router.post(
    "/api/device-changes/{device_id}/accept",
    response_model=DeviceChangeOut,
    responses={
        **_NOT_OWNER,
        **_UNAVAILABLE,
        404: {"description": "no change of that device waits"},
        409: {"description": "the device changed since it asked (the request is dropped)"},
    },
    openapi_extra=requires(Right.OWNER),
)
async def accept_change(
    device_id: str, request: Request, owner: OwnerPrincipal, hub: HubDep
) -> DeviceChangeOut:
    """Apply the change a device asked for; returns what was applied."""
    changes = _changes(request)
    if changes.get(device_id) is None:
        raise said(404, "not_found", "trust.no_change", device=device_id)
    try:
        change = changes.take(device_id, hub.registry.find_device(device_id))
    except PendingChangeError as exc:
        raise retold(409, "changed", "trust.changed", exc) from None
    context = Context(Origin.USER, owner.username)
    try:
        hub.add_device(change.proposed, replace=True, context=context)
    except OrbitHubError as exc:  # its room or space went away meanwhile
        raise said(409, "changed", "trust.cannot_take", device=device_id, reason=exc) from None
    await audit(
        request,
        owner,
        action="device.change.accept",
        target=device_id,
        space_id=change.proposed.space_id,
        detail={"fields": [str(f) for f in change.fields], "source": change.source},
    )
    return _change_out(change)


@router.delete(
    "/api/device-changes/{device_id}",
    status_code=204,
    responses={**_NOT_OWNER, **_UNAVAILABLE, 404: {"description": "no change of it waits"}},
    openapi_extra=requires(Right.OWNER),
)
async def dismiss_change(device_id: str, request: Request, owner: OwnerPrincipal) -> Response:
    """Refuse the change a device asked for (it is asked again if the device announces it)."""
    if not _changes(request).dismiss(device_id):
        raise said(404, "not_found", "trust.no_change", device=device_id)
    await audit(request, owner, action="device.change.dismiss", target=device_id)
    return Response(status_code=204)
