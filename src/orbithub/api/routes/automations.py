"""Automations and scenes over HTTP: manage, run, trace and explain them; activate scenes.

The engine is the app's ``HubServices.automations`` (503 while it is not running). Owners and adults
manage automations (create, edit, delete, enable, run, read traces and "why not?"); children
and guests see and activate only the scenes whose every device they may control. Bodies are
JSON, or YAML with ``Content-Type: application/yaml``, in the same shape as the files; an
invalid one is answered 422 with every problem's field. Every change, run and activation is
audited. ``POST /api/webhooks/{id}`` needs no account: the webhook's id is its secret.
"""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel

from orbithub.access import Actor, Principal
from orbithub.api.automation_bodies import (
    automation_engine,
    edit_error,
    library_of,
    owned_by,
    read_body,
)
from orbithub.api.deps import AdultPrincipal, CurrentPrincipal, HubDep, audit, get_commands
from orbithub.api.errors import ApiError
from orbithub.api.rights import Right, requires
from orbithub.automation import Automation, Engine, Scene, apply_scene, explain, explain_run
from orbithub.automation import triggers as trig
from orbithub.automation.errors import (
    AutomationError,
)
from orbithub.automation.explain import Language
from orbithub.automation.owners import Need, reach, refusals
from orbithub.automation.trace import RunTrace
from orbithub.core.context import Context, Origin
from orbithub.core.hub import Hub

__all__ = ["router"]

router = APIRouter(tags=["automations"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {
        "description": "only an owner or an adult may manage automations, and only with "
        "devices they may control and see; detail.errors names each device refused"
    },
    404: {"description": "no automation (or scene) with that id that the caller may see"},
    409: {"description": "the id is taken, or the automation lives in a hand-written file"},
    422: {"description": "the automation is invalid; detail.errors names each field"},
    503: {"description": "the automation engine is not running"},
}
_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "application/yaml": {"schema": {"type": "string"}},
        },
    }
}


_LangQuery = Annotated[
    str | None,
    Query(
        max_length=20,
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="the language of the sentences: en, zh (zh-CN) or de; else the person's",
    ),
]


# -- response models ------------------------------------------------------------------------------
class LastRunOut(BaseModel):
    """The latest run of an automation."""

    run_id: str
    status: str
    started: float
    finished: float | None
    error: str | None


class AutomationOut(BaseModel):
    """An automation with its live status."""

    id: str
    name: str
    enabled: bool
    mode: str
    space_id: str | None
    triggers: list[str]
    source: str | None
    editable: bool
    owner: str | None
    household: bool
    running: int
    last_run: LastRunOut | None
    document: dict[str, Any]


class StepOut(BaseModel):
    """One step of a run."""

    path: str
    kind: str
    started: float
    finished: float | None
    result: str
    error: str | None


class RunOut(BaseModel):
    """One run, step by step, with its explanation."""

    run_id: str
    trigger: str
    status: str
    started: float
    finished: float | None
    error: str | None
    resumed: bool
    steps: list[StepOut]
    explanation: list[str]


class TracesOut(BaseModel):
    """The kept runs of an automation, oldest first."""

    automation_id: str
    runs: list[RunOut]


class WhyOut(BaseModel):
    """One trigger evaluation that did not start a run, and why."""

    time: float
    trigger: str
    code: str
    text: str


class RunStartedOut(BaseModel):
    """What firing an automation did."""

    started: bool
    run_id: str | None
    reason: str | None


class SceneOut(BaseModel):
    """A scene, the other names it answers to (the assistant's too) and the devices it sets."""

    id: str
    name: str
    aliases: list[str]
    devices: list[str]
    values: int


class SceneResultOut(BaseModel):
    """What activating a scene did."""

    scene_id: str
    applied: list[str]
    failed: list[dict[str, str]]


class WebhookOut(BaseModel):
    """How many automations a webhook started."""

    webhook_id: str
    runs: int


# -- helpers ------------------------------------------------------------------------------------
def _lang(principal: Principal, lang: str | None) -> Language:
    """The language of the sentences: the one asked for, else the person's, else English."""
    chosen = (lang or principal.language or "en").lower()
    if chosen.startswith("zh"):
        return "zh"
    return "de" if chosen.startswith("de") else "en"


def _space_of(hub: Hub, automation: Automation) -> str | None:
    if automation.space is not None:
        return automation.space
    spaces = hub.registry.spaces()
    return spaces[0].id if spaces else None


def _visible(principal: Principal, engine: Engine, automation_id: str) -> Automation:
    automation = engine.find(automation_id)
    space = _space_of(engine.hub, automation) if automation is not None else None
    if automation is None or (space is not None and not principal.can_view_space(space)):
        raise ApiError(
            404,
            "not_found",
            f"no automation {automation_id!r} that you may see; GET /api/automations lists them",
        )
    return automation


def _last_run(run: RunTrace | None) -> LastRunOut | None:
    if run is None:
        return None
    return LastRunOut(
        run_id=run.run_id,
        status=str(run.status),
        started=run.started,
        finished=run.finished,
        error=run.error,
    )


def _out(engine: Engine, automation: Automation) -> AutomationOut:
    library = engine.library
    source = library.source(automation.id) if library is not None else None
    runs = engine.runs(automation.id)
    return AutomationOut(
        id=automation.id,
        name=automation.name,
        enabled=automation.enabled,
        mode=str(automation.mode),
        space_id=_space_of(engine.hub, automation),
        triggers=[trig.describe(t) for t in automation.triggers],
        source=str(source.path.name) if source is not None else None,
        editable=source is None or source.editable,
        owner=automation.owner,
        household=automation.household or automation.owner is None,
        running=len(engine.running(automation.id)),
        last_run=_last_run(runs[-1] if runs else None),
        document=library.document(automation.id) if library is not None else {},
    )


# -- automations --------------------------------------------------------------------------------
@router.get("/api/automations", responses=_ERRORS, openapi_extra=requires(Right.ADULT))
async def list_automations(request: Request, principal: AdultPrincipal) -> list[AutomationOut]:
    """Every automation in the spaces the caller may see."""
    engine = automation_engine(request)
    out = []
    for automation in engine.automations():
        space = _space_of(engine.hub, automation)
        if space is None or principal.can_view_space(space):
            out.append(_out(engine, automation))
    return out


@router.post(
    "/api/automations",
    status_code=201,
    responses=_ERRORS,
    openapi_extra=requires(Right.ADULT, _BODY),
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
    await _audited(request, principal, "automation.create", engine, automation)
    return _out(engine, automation)


async def _audited(
    request: Request, principal: Principal, action: str, engine: Engine, automation: Automation
) -> None:
    await audit(
        request,
        principal,
        action=action,
        target=automation.id,
        space_id=_space_of(engine.hub, automation),
    )


@router.get(
    "/api/automations/{automation_id}", responses=_ERRORS, openapi_extra=requires(Right.ADULT)
)
async def get_automation(
    automation_id: str, request: Request, principal: AdultPrincipal
) -> AutomationOut:
    """One automation with its document and status."""
    engine = automation_engine(request)
    return _out(engine, _visible(principal, engine, automation_id))


@router.put(
    "/api/automations/{automation_id}",
    responses=_ERRORS,
    openapi_extra=requires(Right.ADULT, _BODY),
)
async def update_automation(
    automation_id: str, request: Request, principal: AdultPrincipal
) -> AutomationOut:
    """Replace an automation (its runs are cancelled; pending work of the old version drops)."""
    engine = automation_engine(request)
    _visible(principal, engine, automation_id)
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
    await _audited(request, principal, "automation.update", engine, automation)
    return _out(engine, automation)


@router.delete(
    "/api/automations/{automation_id}",
    status_code=204,
    responses=_ERRORS,
    openapi_extra=requires(Right.ADULT),
)
async def delete_automation(
    automation_id: str, request: Request, principal: AdultPrincipal
) -> Response:
    """Remove an automation and its file."""
    engine = automation_engine(request)
    automation = _visible(principal, engine, automation_id)
    try:
        await library_of(engine).delete(automation_id)
    except AutomationError as exc:
        raise edit_error(exc) from None
    await _audited(request, principal, "automation.delete", engine, automation)
    return Response(status_code=204)


async def _set_enabled(
    automation_id: str, request: Request, principal: Principal, enabled: bool
) -> AutomationOut:
    engine = automation_engine(request)
    automation = _visible(principal, engine, automation_id)
    if engine.library is not None:
        await engine.library.set_enabled(automation_id, enabled)
    else:
        engine.enable(automation_id, enabled)
    action = "automation.enable" if enabled else "automation.disable"
    await _audited(request, principal, action, engine, automation)
    return _out(engine, engine.automation(automation_id))


@router.post(
    "/api/automations/{automation_id}/enable",
    responses=_ERRORS,
    openapi_extra=requires(Right.ADULT),
)
async def enable_automation(
    automation_id: str, request: Request, principal: AdultPrincipal
) -> AutomationOut:
    """Enable an automation (also clears a stop for looping)."""
    return await _set_enabled(automation_id, request, principal, True)


@router.post(
    "/api/automations/{automation_id}/disable",
    responses=_ERRORS,
    openapi_extra=requires(Right.ADULT),
)
async def disable_automation(
    automation_id: str, request: Request, principal: AdultPrincipal
) -> AutomationOut:
    """Disable an automation: its triggers are still traced, it never runs."""
    return await _set_enabled(automation_id, request, principal, False)


@router.post(
    "/api/automations/{automation_id}/run", responses=_ERRORS, openapi_extra=requires(Right.ADULT)
)
async def run_automation(
    automation_id: str,
    request: Request,
    principal: AdultPrincipal,
    lang: _LangQuery = None,
) -> RunStartedOut:
    """Fire an automation now (its conditions still apply; the reason says why not).

    Whoever fires it must be able to command every device it commands (as for a scene): it
    runs with its owner's rights, which may be wider than the caller's.
    """
    engine = automation_engine(request)
    automation = _visible(principal, engine, automation_id)
    commanded = [t for t in reach(automation, engine.scene, engine.find) if t.need is Need.CONTROL]
    refused = refusals(commanded, principal, engine.hub.registry)
    if refused:
        await audit(
            request,
            principal,
            action="automation.run",
            target=automation_id,
            result="forbidden",
            space_id=_space_of(engine.hub, automation),
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
        reason = explain(kept[-1], _lang(principal, lang), engine.hub.registry) if kept else None
    await audit(
        request,
        principal,
        action="automation.run",
        target=automation_id,
        result="ok" if run_id else "refused",
        space_id=_space_of(engine.hub, automation),
    )
    return RunStartedOut(started=run_id is not None, run_id=run_id, reason=reason)


@router.get(
    "/api/automations/{automation_id}/traces",
    responses=_ERRORS,
    openapi_extra=requires(Right.ADULT),
)
async def automation_traces(
    automation_id: str,
    request: Request,
    principal: AdultPrincipal,
    lang: _LangQuery = None,
) -> TracesOut:
    """The kept runs, step by step, oldest first."""
    engine = automation_engine(request)
    automation = _visible(principal, engine, automation_id)
    language = _lang(principal, lang)
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
    "/api/automations/{automation_id}/why", responses=_ERRORS, openapi_extra=requires(Right.ADULT)
)
async def why_not(
    automation_id: str,
    request: Request,
    principal: AdultPrincipal,
    at: Annotated[float | None, Query(description="around this time (epoch seconds)")] = None,
    window: Annotated[float, Query(gt=0, le=86_400)] = 120.0,
    since: Annotated[float | None, Query()] = None,
    lang: _LangQuery = None,
) -> list[WhyOut]:
    """The trigger evaluations that did not start a run, with the reason as a sentence."""
    engine = automation_engine(request)
    _visible(principal, engine, automation_id)
    language = _lang(principal, lang)
    return [
        WhyOut(
            time=e.time,
            trigger=e.trigger,
            code=str(e.reason.code),
            text=explain(e, language, engine.hub.registry),
        )
        for e in engine.why(automation_id, since, at=at, window=window)
    ]


# -- scenes ---------------------------------------------------------------------------------------
def _scene_devices(scene: Scene) -> list[str]:
    return list(dict.fromkeys(device for device, _, _ in scene.values))


def _may(principal: Principal, hub: Hub, scene: Scene, *, control: bool) -> bool:
    for device_id in _scene_devices(scene):
        device = hub.registry.find_device(device_id)
        if device is None:
            continue  # not discovered yet: activating reports it per value
        allowed = (
            principal.can_control_device(device) if control else (principal.can_view_device(device))
        )
        if not allowed:
            return False
    return True


@router.get("/api/scenes", responses=_ERRORS, openapi_extra=requires(Right.SIGNED_IN))
async def list_scenes(request: Request, principal: CurrentPrincipal, hub: HubDep) -> list[SceneOut]:
    """The scenes the caller may activate (children and guests: every device controllable)."""
    engine = automation_engine(request)
    return [
        SceneOut(
            id=s.id,
            name=s.name,
            aliases=list(s.aliases),
            devices=_scene_devices(s),
            values=len(s.values),
        )
        for s in engine.scenes()
        if _may(principal, hub, s, control=not principal.is_adult)
        and _may(principal, hub, s, control=False)
    ]


@router.post(
    "/api/scenes/{scene_id}/activate", responses=_ERRORS, openapi_extra=requires(Right.SIGNED_IN)
)
async def activate_scene(
    scene_id: str, request: Request, principal: CurrentPrincipal, hub: HubDep
) -> SceneResultOut:
    """Apply a scene through the command path; a value a device refuses is reported."""
    engine = automation_engine(request)
    scene = engine.scene(scene_id)
    if scene is None or not _may(principal, hub, scene, control=False):
        raise ApiError(
            404, "not_found", f"no scene {scene_id!r} that you may see; GET /api/scenes lists them"
        )
    if not _may(principal, hub, scene, control=True):
        await audit(
            request, principal, action="scene.activate", target=scene_id, result="forbidden"
        )
        raise ApiError(
            403,
            "forbidden",
            f"scene {scene.name} sets devices you may not control; ask an owner for a grant",
        )
    port = get_commands(request).acting_as(Actor.person(principal))
    result = await apply_scene(port, scene, context=Context(Origin.USER, principal.username))
    await audit(
        request,
        principal,
        action="scene.activate",
        target=scene_id,
        result="ok" if not result.failed else "partial",
        detail={"failed": len(result.failed)},
    )
    return SceneResultOut(
        scene_id=scene_id,
        applied=[f"{d} {p}" for d, p in result.applied],
        failed=[{"device": d, "path": p, "message": why} for d, p, why in result.failed],
    )


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
