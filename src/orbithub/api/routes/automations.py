"""Automations over HTTP: list, create, read, replace, delete, enable and disable them.

The engine is the app's ``HubServices.automations`` (503 while it is not running). Owners and
adults manage automations; each is saved with its author's rights (see
:mod:`orbithub.api.automation_bodies`). Bodies are JSON, or YAML with
``Content-Type: application/yaml``, in the same shape as the files; an invalid one is answered
422 with every problem's field. Every change is audited. Running them, their traces and "why
not?" are in :mod:`orbithub.api.routes.automation_runs`; scenes in
:mod:`orbithub.api.routes.scenes`.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from orbithub.access import Principal
from orbithub.api.automation_bodies import (
    automation_engine,
    edit_error,
    library_of,
    owned_by,
    read_body,
)
from orbithub.api.deps import AdultPrincipal, audit
from orbithub.api.rights import Right, requires
from orbithub.api.routes.automation_lookup import audited, automation_out, space_of, visible
from orbithub.api.routes.automation_models import BODY, ERRORS, AutomationOut
from orbithub.automation.errors import AutomationError

__all__ = ["router"]

router = APIRouter(tags=["automations"])


@router.get("/api/automations", responses=ERRORS, openapi_extra=requires(Right.ADULT))
async def list_automations(request: Request, principal: AdultPrincipal) -> list[AutomationOut]:
    """Every automation in the spaces the caller may see."""
    engine = automation_engine(request)
    out = []
    for automation in engine.automations():
        space = space_of(engine.hub, automation)
        if space is None or principal.can_view_space(space):
            out.append(automation_out(engine, automation))
    return out


@router.post(
    "/api/automations",
    status_code=201,
    responses=ERRORS,
    openapi_extra=requires(Right.ADULT, BODY),
)
async def create_automation(request: Request, principal: AdultPrincipal) -> AutomationOut:
    """Create an automation from JSON or YAML; it runs at once and is kept in a file."""
    engine = automation_engine(request)
    body = await read_body(request)
    data = body.data
    try:
        automation = await library_of(engine).save(data, create=True, **owned_by(principal, data))
    except AutomationError as exc:
        await audit(
            request,
            principal,
            action="automation.create",
            target=str(data.get("id", "")),
            result="refused",
        )
        raise edit_error(exc, body) from None
    await audited(request, principal, "automation.create", engine, automation)
    return automation_out(engine, automation)


@router.get(
    "/api/automations/{automation_id}", responses=ERRORS, openapi_extra=requires(Right.ADULT)
)
async def get_automation(
    automation_id: str, request: Request, principal: AdultPrincipal
) -> AutomationOut:
    """One automation with its document and status."""
    engine = automation_engine(request)
    return automation_out(engine, visible(principal, engine, automation_id))


@router.put(
    "/api/automations/{automation_id}",
    responses=ERRORS,
    openapi_extra=requires(Right.ADULT, BODY),
)
async def update_automation(
    automation_id: str, request: Request, principal: AdultPrincipal
) -> AutomationOut:
    """Replace an automation (its runs are cancelled; pending work of the old version drops)."""
    engine = automation_engine(request)
    visible(principal, engine, automation_id)
    body = await read_body(request)
    data = body.data
    try:
        automation = await library_of(engine).save(
            data, automation_id=automation_id, **owned_by(principal, data)
        )
    except AutomationError as exc:
        await audit(
            request, principal, action="automation.update", target=automation_id, result="refused"
        )
        raise edit_error(exc, body) from None
    await audited(request, principal, "automation.update", engine, automation)
    return automation_out(engine, automation)


@router.delete(
    "/api/automations/{automation_id}",
    status_code=204,
    responses=ERRORS,
    openapi_extra=requires(Right.ADULT),
)
async def delete_automation(
    automation_id: str, request: Request, principal: AdultPrincipal
) -> Response:
    """Remove an automation and its file."""
    engine = automation_engine(request)
    automation = visible(principal, engine, automation_id)
    try:
        await library_of(engine).delete(automation_id)
    except AutomationError as exc:
        raise edit_error(exc) from None
    await audited(request, principal, "automation.delete", engine, automation)
    return Response(status_code=204)


async def _set_enabled(
    automation_id: str, request: Request, principal: Principal, enabled: bool
) -> AutomationOut:
    engine = automation_engine(request)
    automation = visible(principal, engine, automation_id)
    if engine.library is not None:
        await engine.library.set_enabled(automation_id, enabled)
    else:
        engine.enable(automation_id, enabled)
    action = "automation.enable" if enabled else "automation.disable"
    await audited(request, principal, action, engine, automation)
    return automation_out(engine, engine.automation(automation_id))


@router.post(
    "/api/automations/{automation_id}/enable",
    responses=ERRORS,
    openapi_extra=requires(Right.ADULT),
)
async def enable_automation(
    automation_id: str, request: Request, principal: AdultPrincipal
) -> AutomationOut:
    """Enable an automation (also clears a stop for looping)."""
    return await _set_enabled(automation_id, request, principal, True)


@router.post(
    "/api/automations/{automation_id}/disable",
    responses=ERRORS,
    openapi_extra=requires(Right.ADULT),
)
async def disable_automation(
    automation_id: str, request: Request, principal: AdultPrincipal
) -> AutomationOut:
    """Disable an automation: its triggers are still traced, it never runs."""
    return await _set_enabled(automation_id, request, principal, False)
