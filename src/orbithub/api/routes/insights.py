"""Suggestions mined from history and anomaly alerts: list them, accept or reject, dismiss.

``GET /api/suggestions``, ``POST /api/suggestions/{id}/accept|reject`` (owners and adults;
accepting saves the automation as ``POST /api/automations`` does, with the person's rights),
``GET /api/alerts`` and ``POST /api/alerts/{id}/dismiss``. Everyone sees only what concerns
devices they may see.
The services are the app's ``HubServices.suggestions`` (a Suggester) and ``.alerts`` (a
Detector); without them the routes answer 503.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from orbithub.access import Principal
from orbithub.api.automation_bodies import (
    AutomationBody,
    automation_library,
    edit_error,
    owned_by,
    read_body,
)
from orbithub.api.deps import AdultPrincipal, CurrentPrincipal, HubDep, audit
from orbithub.api.errors import ApiError
from orbithub.api.rights import Right, requires
from orbithub.api.services import required, services_of
from orbithub.assistant.anomaly import Alert, Detector, UnknownAlertError
from orbithub.assistant.suggest import (
    Status,
    Suggester,
    Suggestion,
    SuggestionDecidedError,
    UnknownSuggestionError,
)
from orbithub.assistant.suggest.document import to_yaml, with_automation_id
from orbithub.automation.errors import AutomationError
from orbithub.core.hub import Hub
from orbithub.spec.model import Value

__all__ = ["AlertOut", "SuggestionOut", "router"]

router = APIRouter(tags=["insights"])


class SuggestionOut(BaseModel):
    """A proposed automation, why it is proposed, and what was decided."""

    id: str
    kind: str
    status: str
    space_id: str
    device_id: str
    path: str
    value: Value
    support: int
    opportunities: int
    confidence: float
    title_en: str
    title_zh: str
    explanation_en: str
    explanation_zh: str
    automation_id: str
    document: dict[str, object]
    yaml: str
    proposed_at: float
    decided_at: float | None
    decided_by: str | None


class AlertOut(BaseModel):
    """An alert and the baseline it broke."""

    id: str
    kind: str
    space_id: str
    device_id: str
    path: str
    time: float
    value: float
    usual: float
    spread: float
    title_en: str
    title_zh: str
    message_en: str
    message_zh: str
    active: bool
    ended_at: float | None
    dismissed: bool


def _suggester(request: Request) -> Suggester:
    return required(services_of(request).suggestions, "suggestions are")


def _detector(request: Request) -> Detector:
    return required(services_of(request).alerts, "anomaly alerts are")


def _visible(principal: Principal, hub: Hub, space_id: str, device_id: str) -> bool:
    device = hub.registry.find_device(device_id) if device_id else None
    if device is None:
        return principal.can_view_space(space_id) and principal.is_adult
    return principal.can_view_device(device)


def _suggestion_out(s: Suggestion) -> SuggestionOut:
    c = s.candidate
    document = with_automation_id(c.document, s.automation_id)
    return SuggestionOut(
        id=s.id,
        kind=str(c.kind),
        status=str(s.status),
        space_id=c.space_id,
        device_id=c.device_id,
        path=c.path,
        value=c.value,
        support=c.support,
        opportunities=c.opportunities,
        confidence=round(c.confidence, 3),
        title_en=c.title_en,
        title_zh=c.title_zh,
        explanation_en=c.explanation_en,
        explanation_zh=c.explanation_zh,
        automation_id=s.automation_id,
        document=document,
        yaml=to_yaml(document),
        proposed_at=s.proposed_at,
        decided_at=s.decided_at,
        decided_by=s.decided_by,
    )


def _alert_out(a: Alert) -> AlertOut:
    return AlertOut(
        id=a.id,
        kind=str(a.kind),
        space_id=a.space_id,
        device_id=a.device_id,
        path=a.path,
        time=a.time,
        value=a.value,
        usual=a.usual,
        spread=a.spread,
        title_en=a.title_en,
        title_zh=a.title_zh,
        message_en=a.message_en,
        message_zh=a.message_zh,
        active=a.active,
        ended_at=a.ended_at,
        dismissed=a.dismissed,
    )


def _not_found(what: str, item_id: str, listing: str) -> ApiError:
    return ApiError(404, "not_found", f"no {what} {item_id!r} that you may see; {listing}")


@router.get("/api/suggestions", openapi_extra=requires(Right.SIGNED_IN))
async def list_suggestions(
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
    status: Annotated[Literal["pending", "accepted", "rejected", "all"], Query()] = "pending",
) -> list[SuggestionOut]:
    """Suggestions about devices the caller may see, best first (pending by default)."""
    service = _suggester(request)
    found = service.pending() if status == "pending" else service.all()
    return [
        _suggestion_out(s)
        for s in found
        if (status in ("all", "pending") or s.status == Status(status))
        and _visible(principal, hub, s.candidate.space_id, s.candidate.device_id)
    ]


async def _pending(
    request: Request, principal: Principal, hub: Hub, suggestion_id: str
) -> Suggestion:
    """The suggestion, if the caller may see it and it is still waiting for a decision."""
    listing = "GET /api/suggestions lists them"
    try:
        suggestion = _suggester(request).get(suggestion_id)
    except UnknownSuggestionError:
        raise _not_found("suggestion", suggestion_id, listing) from None
    c = suggestion.candidate
    if not _visible(principal, hub, c.space_id, c.device_id):
        raise _not_found("suggestion", suggestion_id, listing)
    if suggestion.status is not Status.PENDING:
        raise ApiError(
            409,
            "conflict",
            f"suggestion {suggestion_id!r} was already {suggestion.status}",
            detail={"status": str(suggestion.status)},
        )
    return suggestion


def _proposed(suggestion: Suggestion) -> AutomationBody:
    """The automation the suggestion proposes, as if the app had sent it unedited."""
    automations = suggestion.candidate.document.get("automations")
    if isinstance(automations, list) and len(automations) == 1 and isinstance(automations[0], dict):
        return AutomationBody(dict(automations[0]))
    raise ApiError(
        422,
        "invalid",
        f"suggestion {suggestion.id!r} does not hold exactly one automation; reject it",
    )


async def _record(
    request: Request, principal: Principal, suggestion: Suggestion, accept: bool, **detail: object
) -> SuggestionOut:
    service = _suggester(request)
    try:
        if accept:
            decided = await service.accepted_as_reviewed(suggestion.id, by=principal.username)
        else:
            decided = await service.reject(suggestion.id, by=principal.username)
    except SuggestionDecidedError as exc:
        raise ApiError(
            409, "conflict", str(exc), detail={"status": str(suggestion.status)}
        ) from None
    c = suggestion.candidate
    await audit(
        request,
        principal,
        action="suggestion.accept" if accept else "suggestion.reject",
        target=suggestion.id,
        space_id=c.space_id,
        detail={"automation_id": decided.automation_id, "title": c.title_en, **detail},
    )
    return _suggestion_out(decided)


_REVIEW_BODY = {
    "requestBody": {
        "required": False,
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "application/yaml": {"schema": {"type": "string"}},
        },
    }
}
_REVIEW_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "the automation commands a device the person may not control"},
    404: {"description": "no suggestion with that id that the caller may see"},
    409: {"description": "already decided, or the automation id is taken"},
    422: {"description": "the automation is invalid for this person; detail.errors has each"},
    503: {"description": "suggestions or the automation engine are not running"},
}


@router.post(
    "/api/suggestions/{suggestion_id}/accept",
    responses=_REVIEW_ERRORS,
    openapi_extra=requires(Right.ADULT, _REVIEW_BODY),
)
async def accept_suggestion(
    request: Request, suggestion_id: str, principal: AdultPrincipal, hub: HubDep
) -> SuggestionOut:
    """Turn the suggestion into an automation (owners and adults).

    The automation is the one proposed, or with a body the one as reviewed in the app (JSON
    or YAML). Either way it is saved as ``POST /api/automations`` saves one: checked against
    the home and the person's rights (everything it commands they may control, everything it
    reads they may see), owned by them, household only for an owner of the hub, enabled.
    Nothing is saved, and the suggestion stays pending, while it has a problem.
    """
    suggestion = await _pending(request, principal, hub, suggestion_id)
    library = automation_library(request)
    reviewed = bool(await request.body())
    body = await read_body(request) if reviewed else _proposed(suggestion)
    # The suggestion's automation id, whatever the review wrote: the two stay linked.
    data = {**body.data, "id": suggestion.automation_id}
    try:
        await library.save(data, create=True, **owned_by(principal, data))
    except AutomationError as exc:
        await audit(
            request, principal, action="suggestion.accept", target=suggestion_id, result="refused"
        )
        raise edit_error(exc, body) from None
    return await _record(request, principal, suggestion, True, reviewed=reviewed)


@router.post("/api/suggestions/{suggestion_id}/reject", openapi_extra=requires(Right.ADULT))
async def reject_suggestion(
    request: Request, suggestion_id: str, principal: AdultPrincipal, hub: HubDep
) -> SuggestionOut:
    """Never propose this habit again (owners and adults)."""
    suggestion = await _pending(request, principal, hub, suggestion_id)
    return await _record(request, principal, suggestion, False)


@router.get("/api/alerts", openapi_extra=requires(Right.SIGNED_IN))
async def list_alerts(
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
    active: Annotated[bool | None, Query()] = None,
    include_dismissed: Annotated[bool, Query()] = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[AlertOut]:
    """Alerts about devices the caller may see, newest first."""
    found = _detector(request).alerts(include_dismissed=include_dismissed)
    shown = [
        _alert_out(a)
        for a in found
        if (active is None or a.active == active)
        and _visible(principal, hub, a.space_id, a.device_id)
    ]
    return shown[:limit]


@router.post("/api/alerts/{alert_id}/dismiss", openapi_extra=requires(Right.ADULT))
async def dismiss_alert(
    request: Request, alert_id: str, principal: AdultPrincipal, hub: HubDep
) -> AlertOut:
    """Hide an alert (owners and adults); it is not raised again while its condition lasts."""
    detector = _detector(request)
    listing = "GET /api/alerts lists them"
    try:
        alert = detector.get(alert_id)
    except UnknownAlertError:
        raise _not_found("alert", alert_id, listing) from None
    if not _visible(principal, hub, alert.space_id, alert.device_id):
        raise _not_found("alert", alert_id, listing)
    dismissed = await detector.dismiss(alert_id)
    await audit(
        request,
        principal,
        action="alert.dismiss",
        target=alert_id,
        space_id=alert.space_id,
        detail={"kind": str(alert.kind), "device_id": alert.device_id},
    )
    return _alert_out(dismissed)
