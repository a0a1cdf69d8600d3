"""Running automations over HTTP: fire one now, read its traces and "why not?", webhooks.

Owners and adults fire an automation by hand when they may command everything it commands;
its traces and the reasons it did not run are said in the request's language (``?lang=``),
devices by their names. ``POST /api/webhooks/{id}`` needs no account: the webhook's id is its
secret. Every run is audited.
"""

from __future__ import annotations

from typing import Annotated

import orjson
from fastapi import APIRouter, Query, Request

from orbithub.api.automation_bodies import automation_engine
from orbithub.api.deps import AdultPrincipal, audit
from orbithub.api.errors import ApiError
from orbithub.api.rights import Right, requires
from orbithub.api.routes.automation_lookup import lang_of, space_of, visible
from orbithub.api.routes.automation_models import (
    ERRORS,
    LangQuery,
    RunOut,
    RunStartedOut,
    StepOut,
    TracesOut,
    WebhookOut,
    WhyOut,
)
from orbithub.automation import explain, explain_run
from orbithub.automation.owners import Need, reach, refusals
from orbithub.core.context import Context, Origin

__all__ = ["router"]

router = APIRouter(tags=["automations"])


@router.post(
    "/api/automations/{automation_id}/run", responses=ERRORS, openapi_extra=requires(Right.ADULT)
)
async def run_automation(
    automation_id: str,
    request: Request,
    principal: AdultPrincipal,
    lang: LangQuery = None,
) -> RunStartedOut:
    """Fire an automation now (its conditions still apply; the reason says why not).

    Whoever fires it must be able to command every device it commands (as for a scene): it
    runs with its owner's rights, which may be wider than the caller's.
    """
    engine = automation_engine(request)
    automation = visible(principal, engine, automation_id)
    commanded = [t for t in reach(automation, engine.scene, engine.find) if t.need is Need.CONTROL]
    refused = refusals(commanded, principal, engine.hub.registry)
    if refused:
        await audit(
            request,
            principal,
            action="automation.run",
            target=automation_id,
            result="forbidden",
            space_id=space_of(engine.hub, automation),
        )
        raise ApiError(
            403,
            "forbidden",
            f"{automation.name} commands what you may not: {refused[0].message}",
            detail={"errors": [{"path": r.touch.path, "message": r.message} for r in refused]},
        )
    context = Context(Origin.USER, principal.username)
    run_id = engine.fire(
        automation_id, context=context, data={"kind": "manual", "user": principal.username}
    )
    reason = None
    if run_id is None:
        kept = engine.why(automation_id)
        reason = explain(kept[-1], lang_of(principal, lang), engine.hub.registry) if kept else None
    await audit(
        request,
        principal,
        action="automation.run",
        target=automation_id,
        result="ok" if run_id else "refused",
        space_id=space_of(engine.hub, automation),
    )
    return RunStartedOut(started=run_id is not None, run_id=run_id, reason=reason)


@router.get(
    "/api/automations/{automation_id}/traces",
    responses=ERRORS,
    openapi_extra=requires(Right.ADULT),
)
async def automation_traces(
    automation_id: str,
    request: Request,
    principal: AdultPrincipal,
    lang: LangQuery = None,
) -> TracesOut:
    """The kept runs, step by step, oldest first."""
    engine = automation_engine(request)
    automation = visible(principal, engine, automation_id)
    language = lang_of(principal, lang)
    registry = engine.hub.registry
    return TracesOut(
        automation_id=automation_id,
        runs=[
            RunOut(
                run_id=run.run_id,
                trigger=run.trigger,
                status=str(run.status),
                started=run.started,
                finished=run.finished,
                error=run.error,
                resumed=run.resumed,
                steps=[
                    StepOut(
                        path=s.path,
                        kind=s.kind,
                        started=s.started,
                        finished=s.finished,
                        result=s.result,
                        error=s.error,
                    )
                    for s in run.steps
                ],
                explanation=explain_run(run, language, registry, automation),
            )
            for run in engine.runs(automation_id)
        ],
    )


@router.get(
    "/api/automations/{automation_id}/why", responses=ERRORS, openapi_extra=requires(Right.ADULT)
)
async def why_not(
    automation_id: str,
    request: Request,
    principal: AdultPrincipal,
    at: Annotated[float | None, Query(description="around this time (epoch seconds)")] = None,
    window: Annotated[float, Query(gt=0, le=86_400)] = 120.0,
    since: Annotated[float | None, Query()] = None,
    lang: LangQuery = None,
) -> list[WhyOut]:
    """The trigger evaluations that did not start a run, with the reason as a sentence."""
    engine = automation_engine(request)
    visible(principal, engine, automation_id)
    language = lang_of(principal, lang)
    return [
        WhyOut(
            time=e.time,
            trigger=e.trigger,
            code=str(e.reason.code),
            text=explain(e, language, engine.hub.registry),
        )
        for e in engine.why(automation_id, since, at=at, window=window)
    ]


# -- webhooks -------------------------------------------------------------------------------------
@router.post(
    "/api/webhooks/{webhook_id}",
    responses={404: {"description": "no automation uses this webhook id"}},
    openapi_extra=requires(
        Right.PUBLIC,
        {
            "requestBody": {
                "required": False,
                "content": {"application/json": {"schema": {}}},
            }
        },
    ),
)
async def webhook(webhook_id: str, request: Request) -> WebhookOut:
    """Fire the automations listening on this webhook; the JSON body is ``trigger.json``."""
    engine = automation_engine(request)
    raw = await request.body()
    try:
        body: object = orjson.loads(raw) if raw.strip() else {}
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, "malformed_json", f"the body is not valid JSON: {exc}") from None
    runs = engine.webhook(webhook_id, body, context=Context(Origin.USER, f"webhook:{webhook_id}"))
    if runs is None:
        raise ApiError(404, "not_found", "no automation uses this webhook id; check the URL")
    await audit(request, None, action="webhook", target=webhook_id, detail={"runs": len(runs)})
    return WebhookOut(webhook_id=webhook_id, runs=len(runs))
