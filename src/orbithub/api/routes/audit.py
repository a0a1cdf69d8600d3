"""``GET /api/audit``: who did what, when, to which target, and how it ended."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from orbithub.api.deps import AdultPrincipal, DbDep, HubDep
from orbithub.api.rights import Right, requires
from orbithub.api.schemas import AuditOut
from orbithub.storage.audit import AuditTrail, read_audit

__all__ = ["router"]

router = APIRouter(tags=["accounts"])


@router.get(
    "/api/audit",
    responses={403: {"description": "owners and adults only"}},
    openapi_extra=requires(Right.ADULT),
)
async def list_audit(
    principal: AdultPrincipal,
    db: DbDep,
    hub: HubDep,
    request: Request,
    since: Annotated[float | None, Query(ge=0, le=1e11)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    space_id: Annotated[str | None, Query(max_length=200)] = None,
) -> list[AuditOut]:
    """Audit entries, newest first. Adults see those of their spaces; owners everything."""
    trail = request.app.state.audit_trail
    if isinstance(trail, AuditTrail):
        await trail.flush()  # commands answered before this request are listed
    if space_id is not None:
        scope: set[str] | None = {space_id} if principal.can_view_space(space_id) else set()
    elif principal.is_owner and principal.space_limit is None:
        scope = None
    else:
        scope = principal.visible_space_ids(hub.registry)
    entries = await read_audit(
        db,
        since=since,
        limit=limit,
        space_ids=scope,
        # Account changes concern no space: only an owner signed in with a password sees them,
        # never a token (a token limited to one space must not read the hub's accounts).
        include_hub_wide=principal.is_owner and principal.signed_in and space_id is None,
    )
    return [
        AuditOut(
            id=e.id,
            time=e.time,
            actor=e.actor,
            action=e.action,
            target=e.target,
            space_id=e.space_id,
            result=e.result,
            detail=dict(e.detail),
        )
        for e in entries
    ]
