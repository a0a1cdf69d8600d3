"""Scenes over HTTP: list the ones the caller may use and activate one through the command path.

Children and guests see and activate only the scenes whose every device they may control;
every activation is audited.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from orbithub.access import Actor, Principal
from orbithub.api.automation_bodies import automation_engine
from orbithub.api.deps import CurrentPrincipal, HubDep, audit, get_commands
from orbithub.api.errors import said
from orbithub.api.rights import Right, requires
from orbithub.api.routes.automation_models import ERRORS, SceneOut, SceneResultOut
from orbithub.automation import Scene, apply_scene
from orbithub.core.context import Context, Origin
from orbithub.core.hub import Hub

__all__ = ["router"]

router = APIRouter(tags=["automations"])


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


@router.get("/api/scenes", responses=ERRORS, openapi_extra=requires(Right.SIGNED_IN))
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
    "/api/scenes/{scene_id}/activate", responses=ERRORS, openapi_extra=requires(Right.SIGNED_IN)
)
async def activate_scene(
    scene_id: str, request: Request, principal: CurrentPrincipal, hub: HubDep
) -> SceneResultOut:
    """Apply a scene through the command path; a value a device refuses is reported."""
    engine = automation_engine(request)
    scene = engine.scene(scene_id)
    if scene is None or not _may(principal, hub, scene, control=False):
        raise said(404, "not_found", "scenes.not_found", scene=scene_id)
    if not _may(principal, hub, scene, control=True):
        await audit(
            request, principal, action="scene.activate", target=scene_id, result="forbidden"
        )
        raise said(403, "forbidden", "scenes.not_controlled", name=scene.name)
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
