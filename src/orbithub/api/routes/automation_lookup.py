"""An automation as the routes find, show and audit it: visible to the caller or 404.

An automation belongs to its space (else the home's first); whoever may not see that space is
told it does not exist. Sentences are in the language asked for, else the person's.
"""

from __future__ import annotations

from fastapi import Request

from orbithub.access import Principal
from orbithub.api.deps import audit
from orbithub.api.errors import ApiError
from orbithub.api.routes.automation_models import AutomationOut, LastRunOut
from orbithub.automation import Automation, Engine
from orbithub.automation import triggers as trig
from orbithub.automation.explain import Language
from orbithub.automation.trace import RunTrace
from orbithub.core.hub import Hub

__all__ = ["audited", "automation_out", "lang_of", "space_of", "visible"]


def lang_of(principal: Principal, lang: str | None) -> Language:
    """The language of the sentences: the one asked for, else the person's, else English."""
    chosen = (lang or principal.language or "en").lower()
    if chosen.startswith("zh"):
        return "zh"
    return "de" if chosen.startswith("de") else "en"


def space_of(hub: Hub, automation: Automation) -> str | None:
    """The automation's space; one without a space belongs to the home's first."""
    if automation.space is not None:
        return automation.space
    spaces = hub.registry.spaces()
    return spaces[0].id if spaces else None


def visible(principal: Principal, engine: Engine, automation_id: str) -> Automation:
    """The automation, if the caller may see its space.

    Raises:
        ApiError: 404, worded the same whether it does not exist or is in another's space.
    """
    automation = engine.find(automation_id)
    space = space_of(engine.hub, automation) if automation is not None else None
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


def automation_out(engine: Engine, automation: Automation) -> AutomationOut:
    """The automation with its file, owner, runs in progress and latest run."""
    library = engine.library
    source = library.source(automation.id) if library is not None else None
    runs = engine.runs(automation.id)
    return AutomationOut(
        id=automation.id,
        name=automation.name,
        enabled=automation.enabled,
        mode=str(automation.mode),
        space_id=space_of(engine.hub, automation),
        triggers=[trig.describe(t) for t in automation.triggers],
        source=str(source.path.name) if source is not None else None,
        editable=source is None or source.editable,
        owner=automation.owner,
        household=automation.household or automation.owner is None,
        running=len(engine.running(automation.id)),
        last_run=_last_run(runs[-1] if runs else None),
        document=library.document(automation.id) if library is not None else {},
    )


async def audited(
    request: Request, principal: Principal, action: str, engine: Engine, automation: Automation
) -> None:
    """Record what ``principal`` did to the automation, in its space's audit trail."""
    await audit(
        request,
        principal,
        action=action,
        target=automation.id,
        space_id=space_of(engine.hub, automation),
    )
