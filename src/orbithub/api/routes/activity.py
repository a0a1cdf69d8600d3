"""``GET /api/events``: the activity log, limited to what the caller may see.

Device events, online changes, commands, presence changes and automation runs, newest first.
Space-wide entries (presence, automation runs) are the household's: guests see only the
activity of the devices their grants cover.
"""

from __future__ import annotations

import heapq
from typing import Annotated

from fastapi import APIRouter, Query

from orbithub.access import Principal
from orbithub.api.deps import CurrentPrincipal, DbDep, HubDep, device_for_view
from orbithub.api.rights import Right, requires
from orbithub.api.schemas import EventOut
from orbithub.core.hub import Hub
from orbithub.storage import history
from orbithub.storage.history import EventRecord

__all__ = ["router"]

router = APIRouter(tags=["hub"])


def _visible(principal: Principal, hub: Hub, record: EventRecord) -> bool:
    if not principal.can_view_space(record.space_id):
        return False
    if not record.device_id:
        # Presence and automation runs concern the whole space: the family's, not a guest's.
        return principal.can_view_household(record.space_id)
    device = hub.registry.find_device(record.device_id)
    if device is None:
        # A removed device: only those who see the whole space see its past.
        return principal.is_owner or any(
            g.space_id == record.space_id and g.whole_space for g in principal.grants
        )
    return principal.can_view_device(device)


@router.get(
    "/api/events",
    responses={404: {"description": "unknown device"}},
    openapi_extra=requires(Right.SIGNED_IN),
)
async def list_events(
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    space_id: Annotated[str | None, Query(max_length=200)] = None,
    device_id: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[float | None, Query(ge=0, le=1e11)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[EventOut]:
    """Activity, newest first."""
    if device_id is not None:
        device_for_view(principal, hub, device_id)
    if space_id is not None:
        spaces = [space_id] if principal.can_view_space(space_id) else []
    else:
        spaces = sorted(principal.visible_space_ids(hub.registry))
    # One indexed query per visible space (a person sees a handful), merged newest first;
    # filtering by device afterwards may return fewer than ``limit`` for scoped users.
    batches = [
        await history.events(db, device_id=device_id, space_id=s, start=since, limit=limit)
        for s in spaces
    ]
    merged = heapq.merge(*batches, key=lambda r: (-r.time, -r.seq))
    out: list[EventOut] = []
    for record in merged:
        if len(out) >= limit:
            break
        if _visible(principal, hub, record):
            out.append(
                EventOut(
                    seq=record.seq,
                    time=record.time,
                    space_id=record.space_id,
                    device_id=record.device_id,
                    kind=str(record.kind),
                    path=record.path,
                    payload=dict(record.payload),
                )
            )
    return out
