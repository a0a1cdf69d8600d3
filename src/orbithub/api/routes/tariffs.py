"""Tariffs: each home's time-of-use electricity tariff, which smart charging prices plans by.

``GET /api/tariffs/{home_id}`` reads the tariff in use (the home's own or the hub's default;
404 ``no_tariff`` while it has neither, and smart charging waits for one); ``PUT`` gives the
home its own and ``DELETE`` goes back to the default (204 when there is none). Both changes need an
owner or adult, are audited, make every car plan again, and answer 503 while the mobility
services are not running. The tariff logic itself is in :mod:`orbithub.mobility.tariff`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from orbithub.access import Principal
from orbithub.api.deps import AdultPrincipal, CurrentPrincipal, HubDep, audit
from orbithub.api.errors import ApiError, retold, said
from orbithub.api.rights import Right, requires
from orbithub.api.routes.mobility_deps import ERRORS, require_mobility
from orbithub.core.hub import Hub
from orbithub.core.registry import Space, SpaceKind
from orbithub.mobility.errors import MobilityError
from orbithub.mobility.tariff import Tariff
from orbithub.mobility.vehicles import vehicle_spaces

__all__ = ["router"]

# Tagged with the vehicles: the tariff exists to price their charging, and the API docs have
# always listed it there.
router = APIRouter(tags=["vehicles"])


class TariffWindowIo(BaseModel):
    """One daily window of a time-of-use tariff, in the home's local time."""

    model_config = ConfigDict(extra="forbid")

    start: Annotated[str, Field(pattern=r"^\d{1,2}:\d{2}$")]
    end: Annotated[str, Field(pattern=r"^\d{1,2}:\d{2}$")]
    price: Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)]
    name: Annotated[str, Field(max_length=40)] = ""


class TariffIo(BaseModel):
    """A home's time-of-use tariff: windows covering the day exactly once."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(max_length=80)] = ""
    timezone: Annotated[str, Field(max_length=64)] = "UTC"
    currency: Annotated[str, Field(max_length=8)] = "CNY"
    windows: Annotated[list[TariffWindowIo], Field(min_length=1, max_length=48)]
    own: bool = True


def _home(principal: Principal, hub: Hub, home_id: str) -> Space:
    space = next((s for s in hub.registry.spaces() if s.id == home_id), None)
    if space is None or space.kind is not SpaceKind.HOME or not principal.can_view_space(home_id):
        raise said(404, "not_found", "tariffs.no_home", home=home_id)
    return space


def _tariff_io(tariff: Tariff, own: bool) -> TariffIo:
    return TariffIo.model_validate({**tariff.to_mapping(), "own": own})


def _no_tariff(home_id: str) -> ApiError:
    return said(404, "no_tariff", "tariffs.none", home=home_id)


@router.get(
    "/api/tariffs/{home_id}",
    responses={
        404: {"description": "no home with that id that the caller may see, or no tariff yet"},
        503: ERRORS[503],
    },
    openapi_extra=requires(Right.SPACE_VIEW),
)
async def get_tariff(
    home_id: str, request: Request, principal: CurrentPrincipal, hub: HubDep
) -> TariffIo:
    """The electricity tariff smart charging uses for a home (``own`` False: the default)."""
    _home(principal, hub, home_id)
    mobility = require_mobility(request)
    own = home_id in mobility.charging.tariffs()
    tariff = mobility.charging.tariff(home_id)
    if tariff is None:
        raise _no_tariff(home_id)
    return _tariff_io(tariff, own)


@router.put("/api/tariffs/{home_id}", responses=ERRORS, openapi_extra=requires(Right.ADULT))
async def put_tariff(
    home_id: str, body: TariffIo, request: Request, principal: AdultPrincipal, hub: HubDep
) -> TariffIo:
    """Give a home its own time-of-use tariff (owners and adults); every car plans again."""
    _home(principal, hub, home_id)
    mobility = require_mobility(request)
    data = body.model_dump(exclude={"own"})
    try:
        tariff = Tariff.from_mapping(data)
    except MobilityError as exc:
        raise retold(422, "invalid_tariff", "tariffs.invalid", exc) from None
    mobility.charging.set_tariff(home_id, tariff)
    for space in vehicle_spaces(hub):
        mobility.charging.refresh(space.id)
    await audit(
        request,
        principal,
        action="tariff.set",
        target=home_id,
        space_id=home_id,
        detail={"windows": len(tariff.windows), "currency": tariff.currency},
    )
    return _tariff_io(tariff, True)


@router.delete(
    "/api/tariffs/{home_id}",
    response_model=TariffIo,
    responses={**ERRORS, 204: {"description": "removed; the hub has no default tariff"}},
    openapi_extra=requires(Right.ADULT),
)
async def delete_tariff(
    home_id: str, request: Request, principal: AdultPrincipal, hub: HubDep
) -> TariffIo | Response:
    """Go back to the default tariff for a home; returns the tariff now in use (204: none)."""
    _home(principal, hub, home_id)
    mobility = require_mobility(request)
    mobility.charging.set_tariff(home_id, None)
    for space in vehicle_spaces(hub):
        mobility.charging.refresh(space.id)
    await audit(request, principal, action="tariff.reset", target=home_id, space_id=home_id)
    tariff = mobility.charging.tariff(home_id)
    return Response(status_code=204) if tariff is None else _tariff_io(tariff, False)
