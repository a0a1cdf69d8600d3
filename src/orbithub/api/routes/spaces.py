"""``GET /api/spaces``: the spaces and rooms the caller may see."""

from __future__ import annotations

from fastapi import APIRouter

from orbithub.api.deps import CurrentPrincipal, HubDep
from orbithub.api.render import space_out
from orbithub.api.rights import Right, requires
from orbithub.api.schemas import SpaceOut

__all__ = ["router"]

router = APIRouter(tags=["hub"])


@router.get("/api/spaces", openapi_extra=requires(Right.SIGNED_IN))
async def list_spaces(principal: CurrentPrincipal, hub: HubDep) -> list[SpaceOut]:
    """Every space the caller may see, with its visible rooms."""
    return [
        space_out(hub, s, principal)
        for s in hub.registry.spaces()
        if principal.can_view_space(s.id)
    ]
