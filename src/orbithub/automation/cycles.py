"""Telling people about a cycle of automations the engine stopped: the reason and the alert.

The engine finds the cycle (:func:`~orbithub.automation.safety.find_cycle`) and disables its
automations; this module words it, naming every automation of the cycle, in English and
Chinese, and asks for a notification to everyone with access to the space.
"""

# The Chinese text uses full-width punctuation on purpose (correct Chinese typography).
# ruff: noqa: RUF001

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from orbithub.automation.errors import AutomationError
from orbithub.automation.explain import explain
from orbithub.automation.model import Automation
from orbithub.automation.safety import LoopLimit
from orbithub.automation.trace import Reason, ReasonCode
from orbithub.core.context import Context
from orbithub.core.events import NotificationRequested
from orbithub.core.hub import Hub

if TYPE_CHECKING:
    from orbithub.automation.library import AutomationLibrary

__all__ = ["cycle_reason", "keep_disabled", "notify_cycle"]

_LOGGER = logging.getLogger(__name__)

_TITLE = "Automations stopped: they trigger each other / 自动化已停止：相互触发形成循环"


def cycle_reason(members: Sequence[Automation], limit: LoopLimit) -> Reason:
    """The reason every automation of a stopped cycle records, naming each of them."""
    names = [_name(a) for a in members]
    cycle = " → ".join([*names, names[0]])
    return Reason.of(
        ReasonCode.LOOP_STOPPED, cycle=cycle, rounds=limit.returns + 1, window=limit.window
    )


def _name(automation: Automation) -> str:
    if automation.name and automation.name != automation.id:
        return f"{automation.name} ({automation.id})"
    return automation.id


def notify_cycle(hub: Hub, members: Sequence[Automation], reason: Reason, context: Context) -> None:
    """Ask for a notification (both languages) to everyone with access to the space."""
    space = next((a.space for a in members if a.space), None)
    if space is None:
        spaces = hub.registry.spaces()
        space = spaces[0].id if spaces else ""
    message = f"{explain(reason)}.\n{explain(reason, 'zh')}。"
    hub.bus.publish(
        NotificationRequested(
            hub.bus.next_seq(),
            hub.now(),
            space,
            (),
            _TITLE,
            message,
            "warning",
            "automation-loop:" + "+".join(sorted(a.id for a in members)),
            context,
        )
    )


async def keep_disabled(
    library: AutomationLibrary,
    find: Callable[[str], Automation | None],
    automation_ids: Sequence[str],
) -> None:
    """Save a stopped cycle's automations as disabled, so a restart does not start them again."""
    for automation_id in automation_ids:
        current = find(automation_id)
        if current is None or current.enabled:
            continue  # removed, or enabled again meanwhile
        try:
            await library.set_enabled(automation_id, False)
        except (OSError, AutomationError) as exc:
            _LOGGER.error(
                "could not save automation %s as disabled after a loop: %s; it stays disabled "
                "until the hub restarts",
                automation_id,
                exc,
            )
