"""One run of an automation as a task: run modes' admission, the queue, and how a run ends."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from orbithub.automation.actions import Resume, RunFailed, RunStopped, final_status, run_actions
from orbithub.automation.model import Automation, Mode
from orbithub.automation.outcomes import publish_run
from orbithub.automation.owners import RunRefused, owner_names, reach, refusals
from orbithub.automation.place import Place
from orbithub.automation.trace import Reason, ReasonCode, RunStatus, RunTrace
from orbithub.core.context import Context

if TYPE_CHECKING:
    from orbithub.automation.engine import Engine

__all__ = ["Active", "execute", "mode_refusal"]

_LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class Active:
    """A run going (or queued): its trace, its task and a future done when it ends."""

    trace: RunTrace
    task: asyncio.Task[None]
    done: asyncio.Future[None]


def mode_refusal(automation: Automation, active: Sequence[RunTrace], place: Place) -> Reason | None:
    """Why the automation's mode refuses another run now, None when it may start.

    ``restart`` always admits (the engine cancels the current runs); ``queued`` admits while
    fewer than ``max_runs`` wait behind the one running; ``parallel`` while fewer than
    ``max_runs`` are going.
    """
    if not active or automation.mode is Mode.RESTART:
        return None
    if automation.mode is Mode.SINGLE:
        since = min(r.started for r in active)
        return Reason.of(ReasonCode.ALREADY_RUNNING, since=place.local(since).strftime("%H:%M:%S"))
    if automation.mode is Mode.QUEUED and len(active) - 1 >= automation.max_runs:
        return Reason.of(ReasonCode.QUEUE_FULL, max=automation.max_runs)
    if automation.mode is Mode.PARALLEL and len(active) >= automation.max_runs:
        return Reason.of(ReasonCode.TOO_MANY_RUNS, max=automation.max_runs)
    return None


async def _check_owner(engine: Engine, automation: Automation) -> None:
    """Refuse the run when its owner may no longer touch everything it uses.

    Raises:
        RunRefused: naming the first device or space the owner's rights do not cover.
    """
    rights = await engine.rights_for(automation)
    if rights is None:
        return
    touches = reach(automation, engine.scene, engine.find)
    refused = refusals(touches, rights, engine.hub.registry, **owner_names(rights))
    if refused:
        raise RunRefused.of(refused[0])


async def execute(
    engine: Engine,
    automation: Automation,
    trace: RunTrace,
    context: Context,
    resume: Resume | None,
    done: asyncio.Future[None],
    queues: dict[str, asyncio.Lock],
) -> None:
    """Run the actions and record how the run ended; never raises but cancellation."""
    ended: BaseException | None = None
    try:
        await _check_owner(engine, automation)
        if automation.mode is Mode.QUEUED:
            # asyncio.Lock wakes waiters first come, first served: the queue's order.
            trace.status = RunStatus.QUEUED
            async with queues.setdefault(automation.id, asyncio.Lock()):
                trace.status = RunStatus.RUNNING
                await run_actions(engine, automation, trace, context, resume)
        else:
            await run_actions(engine, automation, trace, context, resume)
    except RunRefused as exc:
        ended = exc
        trace.error = f"refused: {exc}"
        reason = Reason.of(ReasonCode.OWNER_REFUSED, why=str(exc), why_zh=exc.chinese)
        engine.record(automation, trace.trigger, reason, context)
    except (RunFailed, RunStopped) as exc:
        ended = exc
        trace.error = str(exc)
    except asyncio.CancelledError as exc:
        ended = exc
        raise
    except Exception as exc:
        # A bug in one run is traced and logged; the engine and the other runs go on.
        _LOGGER.exception("automation %s run %s crashed", automation.id, trace.run_id)
        ended = exc
        trace.error = f"internal error: {exc!r}"
    finally:
        status = final_status(ended)
        if status is RunStatus.CANCELLED and engine.stopping:
            status = RunStatus.INTERRUPTED
        trace.status = status
        trace.finished = engine.clock.now()
        engine.run_ended(automation.id, trace.run_id)
        publish_run(engine.hub, automation, trace, context)
        if not done.done():
            done.set_result(None)
