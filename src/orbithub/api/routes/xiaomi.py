"""Xiaomi devices on the local network: find them, add them with their token, list, remove.

Only an owner signed in with a password may: adding a device hands the hub its key, and
discovery sends packets on the home's network. A token goes in with ``POST`` and never comes
out again: no answer of any route holds it. The models live here, not in ``schemas.py``: no
other route uses them.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from orbithub.adapters.miio.adapter import ADAPTER_NAME, MiioAdapter
from orbithub.adapters.miio.devices import DeviceSilent, Listed, TokenHidden, TokenRefused
from orbithub.adapters.miio.discovery import discover
from orbithub.adapters.miio.errors import MiioError
from orbithub.adapters.miio.tokens import WHERE_TOKENS_COME_FROM, DeviceStoreError
from orbithub.api.deps import HubDep, OwnerPrincipal, audit
from orbithub.api.errors import retold, said
from orbithub.api.rights import Right, requires
from orbithub.core.errors import UnknownRoomError, UnknownSpaceError
from orbithub.core.hub import Hub
from orbithub.spec.errors import SpecError

__all__ = ["router"]

router = APIRouter(tags=["xiaomi"])

_OWNER: dict[int | str, dict[str, Any]] = {
    403: {"description": "only an owner signed in with a password"},
    503: {"description": "this hub runs without Xiaomi devices"},
}


class XiaomiAddIn(BaseModel):
    """A device to add: where it is, its token, and where it goes in the home."""

    model_config = ConfigDict(extra="forbid")
    host: Annotated[str, Field(min_length=1, max_length=260, examples=["192.168.1.20"])]
    token: Annotated[
        str | None,
        Field(
            min_length=1,
            max_length=64,
            description="32 hex digits; leave it out for a device that reveals its own",
        ),
    ] = None
    device_id: Annotated[str | None, Field(min_length=1, max_length=64)] = None
    name: Annotated[str | None, Field(min_length=1, max_length=100)] = None
    space_id: Annotated[str, Field(min_length=1, max_length=64)] = "home"
    room_id: Annotated[str | None, Field(min_length=1, max_length=64)] = None
    aliases: Annotated[list[Annotated[str, Field(max_length=100)]], Field(max_length=20)] = []


class XiaomiDeviceOut(BaseModel):
    """An added device (never its token) with its spec, or what to do to find it."""

    id: str
    name: str
    model: str
    address: str
    did: int
    space_id: str
    room_id: str | None
    spec_source: str | None
    problem: str | None
    online: bool | None
    poll_interval_s: float | None


class DiscoverIn(BaseModel):
    """How to look for devices."""

    model_config = ConfigDict(extra="forbid")
    seconds: Annotated[float, Field(ge=0.5, le=10)] = 3.0
    addresses: Annotated[list[Annotated[str, Field(max_length=64)]], Field(max_length=32)] = []
    broadcast: bool = True
    mdns: bool = True


class FoundOut(BaseModel):
    """A device that answered."""

    address: str
    port: int
    did: int
    model: str | None
    token_revealed: bool
    found_by: list[str]
    added_as: str | None


class DiscoveryOut(BaseModel):
    """What discovery found; ``tokens`` says where tokens come from."""

    found: list[FoundOut]
    problems: list[str]
    tokens: str


def _adapter(hub: Hub) -> MiioAdapter:
    adapter = hub.adapter(ADAPTER_NAME)
    if not isinstance(adapter, MiioAdapter):
        raise said(503, "unavailable", "xiaomi.unavailable")
    return adapter


def _out(entry: Listed, adapter: MiioAdapter) -> XiaomiDeviceOut:
    d = entry.device
    state = adapter.link_state(d.id)
    return XiaomiDeviceOut(
        id=d.id,
        name=d.name,
        model=d.model,
        address=d.address,
        did=d.did,
        space_id=d.space_id,
        room_id=d.room_id,
        spec_source=str(entry.spec.source) if entry.spec else None,
        problem=entry.problem,
        online=state.online if state else None,
        poll_interval_s=state.interval if state else None,
    )


@router.get(
    "/api/xiaomi/devices",
    response_model=list[XiaomiDeviceOut],
    responses=_OWNER,
    openapi_extra=requires(Right.OWNER),
)
async def list_xiaomi(_owner: OwnerPrincipal, hub: HubDep) -> list[XiaomiDeviceOut]:
    """The added Xiaomi devices: address, model, spec (or what to do), availability."""
    adapter = _adapter(hub)
    return [_out(entry, adapter) for entry in await adapter.devices.listed()]


@router.post(
    "/api/xiaomi/devices",
    status_code=201,
    response_model=XiaomiDeviceOut,
    responses={
        **_OWNER,
        404: {"description": "unknown space or room"},
        422: {
            "description": "a bad host, token or id; nothing answers; the token is wrong, or "
            "hidden by the device and not given"
        },
    },
    openapi_extra=requires(Right.OWNER),
)
async def add_xiaomi(
    body: XiaomiAddIn, request: Request, owner: OwnerPrincipal, hub: HubDep
) -> XiaomiDeviceOut:
    """Add a device: it must answer with its token; its model gives its spec.

    A model without a known spec is kept and answered with ``problem`` saying what to do.
    """
    adapter = _adapter(hub)
    try:
        space = hub.registry.space(body.space_id)
        if body.room_id is not None and hub.registry.room(body.room_id).space_id != space.id:
            raise UnknownRoomError(f"room {body.room_id!r} is not in space {space.id!r}")
    except (UnknownSpaceError, UnknownRoomError) as exc:
        raise retold(404, "not_found", "error.not_found", exc) from None
    try:
        added = await adapter.add(
            body.host,
            body.token,
            device_id=body.device_id,
            name=body.name,
            space_id=body.space_id,
            room_id=body.room_id,
            aliases=tuple(body.aliases),
        )
    except DeviceStoreError as exc:
        raise retold(422, "invalid", "xiaomi.invalid", exc) from None
    except DeviceSilent as exc:
        raise retold(422, "no_answer", "xiaomi.no_answer", exc) from None
    except TokenRefused as exc:
        raise retold(422, "token_refused", "xiaomi.token_refused", exc) from None
    except TokenHidden as exc:
        raise retold(422, "token_hidden", "xiaomi.token_hidden", exc) from None
    except (MiioError, SpecError) as exc:
        raise retold(422, "device_refused", "xiaomi.device_refused", exc) from None
    device = added.device
    await audit(
        request,
        owner,
        action="xiaomi.add",
        target=device.id,
        space_id=device.space_id,
        detail={"model": device.model, "address": device.address},
    )
    listed = Listed(device, added.spec, str(added.missing) if added.missing else None)
    return _out(listed, adapter)


@router.delete(
    "/api/xiaomi/devices/{device_id}",
    status_code=204,
    responses={**_OWNER, 404: {"description": "no such Xiaomi device"}},
    openapi_extra=requires(Right.OWNER),
)
async def remove_xiaomi(
    device_id: str, request: Request, owner: OwnerPrincipal, hub: HubDep
) -> Response:
    """Remove a device and forget its token."""
    adapter = _adapter(hub)
    try:
        gone = await adapter.remove(device_id)
    except DeviceStoreError as exc:
        raise retold(404, "not_found", "error.not_found", exc) from None
    await audit(request, owner, action="xiaomi.remove", target=gone.id, space_id=gone.space_id)
    return Response(status_code=204)


@router.post(
    "/api/xiaomi/discover",
    response_model=DiscoveryOut,
    responses={**_OWNER, 422: {"description": "an address that is not an IP address"}},
    openapi_extra=requires(Right.OWNER),
)
async def discover_xiaomi(body: DiscoverIn, _owner: OwnerPrincipal, hub: HubDep) -> DiscoveryOut:
    """Look for Xiaomi devices on the hub's network for a few seconds."""
    adapter = _adapter(hub)
    try:
        result = await discover(
            within=body.seconds,
            broadcast=body.broadcast,
            addresses=body.addresses,
            mdns=body.mdns,
        )
    except ValueError as exc:
        raise retold(422, "invalid_address", "xiaomi.invalid_address", exc) from None
    by_did = {entry.device.did: entry.device.id for entry in await adapter.devices.listed()}
    return DiscoveryOut(
        found=[
            FoundOut(
                address=f.address,
                port=f.port,
                did=f.did,
                model=f.model,
                token_revealed=f.token_revealed,
                found_by=list(f.via),
                added_as=by_did.get(f.did),
            )
            for f in result.found
        ],
        problems=result.problems,
        tokens=WHERE_TOKENS_COME_FROM,
    )
