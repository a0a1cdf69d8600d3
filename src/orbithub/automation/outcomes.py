"""How a run ended, told to the rest of the hub: one ``AutomationRun`` event per outcome.

The recorder stores them in the activity log and the web app shows them. A trigger that fired
but was refused (a condition, the run mode, the rate limit, a loop) is published as
``refused`` with the reason in English; a trigger that simply did not match is not published
(the engine's trace keeps those for "why didn't it fire?").
"""

from __future__ import annotations

from orbithub.automation.explain import explain, explain_run
from orbithub.automation.model import Automation
from orbithub.automation.trace import Reason, ReasonCode, RunStatus, RunTrace
from orbithub.core.context import Context, Origin
from orbithub.core.events import AutomationRun
from orbithub.core.hub import Hub

__all__ = ["PUBLISHED_REFUSALS", "publish_refusal", "publish_run"]

PUBLISHED_REFUSALS = frozenset(
    {
        ReasonCode.CONDITION_FALSE,
        ReasonCode.NO_VALUE,
        ReasonCode.DEVICE_OFFLINE,
        ReasonCode.OUTSIDE_TIME_WINDOW,
        ReasonCode.WRONG_WEEKDAY,
        ReasonCode.SUN_POSITION,
        ReasonCode.NONE_OF,
        ReasonCode.NOT_NEGATED,
        ReasonCode.PRESENCE_FALSE,
        ReasonCode.PRESENCE_UNKNOWN,
        ReasonCode.ALREADY_RUNNING,
        ReasonCode.QUEUE_FULL,
        ReasonCode.TOO_MANY_RUNS,
        ReasonCode.RATE_LIMITED,
        ReasonCode.LOOP_STOPPED,
    }
)
"""Reasons a trigger fired but no run started: worth a line in the activity log."""

_OUTCOMES = {
    RunStatus.DONE: "done",
    RunStatus.FAILED: "failed",
    RunStatus.CANCELLED: "cancelled",
    # A wait that timed out ends the run as its author asked: not a failure, but not done.
    RunStatus.TIMED_OUT: "cancelled",
}


def _space(hub: Hub, automation: Automation) -> str:
    if automation.space is not None:
        return automation.space
    spaces = hub.registry.spaces()
    return spaces[0].id if spaces else ""


def publish_run(hub: Hub, automation: Automation, trace: RunTrace, context: Context) -> None:
    """Publish how a run ended (nothing for a run interrupted by a stop: it resumes later)."""
    outcome = _OUTCOMES.get(trace.status)
    if outcome is None:
        return
    message = explain_run(trace)[0]
    hub.bus.publish(
        AutomationRun(
            hub.bus.next_seq(),
            hub.now(),
            _space(hub, automation),
            automation.id,
            trace.run_id,
            outcome,
            message,
            context,
        )
    )


def publish_refusal(
    hub: Hub, automation: Automation, trigger: str, reason: Reason, parent: Context | None
) -> None:
    """Publish a trigger that fired but started no run, when the reason is worth logging."""
    if reason.code not in PUBLISHED_REFUSALS:
        return
    context = Context(Origin.AUTOMATION, automation.id, parent.id if parent else None)
    hub.bus.publish(
        AutomationRun(
            hub.bus.next_seq(),
            hub.now(),
            _space(hub, automation),
            automation.id,
            "",
            "refused",
            f"{automation.id} ({trigger}): {explain(reason)}",
            context,
        )
    )
