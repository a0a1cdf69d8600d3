"""Running an automation's actions step by step, with a trace and resumable delays and waits.

A run's position is a *cursor*: indexes into the action tree (step index; for a choose, the
branch then the step; for a repeat, the iteration then the step). Delays and waits save the
cursor so a restarted engine continues from exactly that step.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from orbithub.automation import templates
from orbithub.automation.conditions import Facts, check_all
from orbithub.automation.model import (
    Action,
    Automation,
    CallStep,
    ChooseStep,
    DelayStep,
    NotifyStep,
    RepeatStep,
    RunStep,
    SceneStep,
    SetStep,
    WaitStep,
    WaitTrigger,
)
from orbithub.automation.owners import Need, Rights, RunRefused, Touch, owner_names, refusals
from orbithub.automation.place import Place
from orbithub.automation.scenes import Scene, apply_scene
from orbithub.automation.store import Pending, PendingKind, run_key
from orbithub.automation.trace import RunStatus, RunTrace, StepTrace
from orbithub.automation.values import argument_property, coerce_rendered, target_property
from orbithub.core.clock import Clock
from orbithub.core.commands import CommandPort
from orbithub.core.context import Context
from orbithub.core.events import NotificationRequested
from orbithub.core.hub import Hub
from orbithub.errors import OrbitHubError
from orbithub.spec.model import Property, Value

__all__ = ["Resume", "RunFailed", "RunHost", "RunStopped", "run_actions"]

Cursor = tuple[int, ...]


class RunFailed(Exception):
    """A step failed; the run ends with status FAILED and this message."""


class RunStopped(Exception):
    """A wait timed out without ``continue_on_timeout``; the run ends TIMED_OUT."""


@dataclass(frozen=True, slots=True)
class Resume:
    """Where a resumed run continues: the saved cursor and the step's due time.

    ``after`` says the delay or wait at the cursor had ended: continue after it.
    """

    cursor: Cursor
    due: float
    after: bool = False


class RunHost(Protocol):
    """What a run needs from the engine."""

    hub: Hub
    commands: CommandPort
    """Where the run's commands go (the hub's guarded entry in a running hub)."""
    clock: Clock
    stopping: bool

    @property
    def facts(self) -> Facts:
        """Current values and presence for conditions."""
        ...

    def place(self, automation: Automation) -> Place:
        """The automation's space's timezone and coordinates."""
        ...

    def scene(self, scene_id: str) -> Scene | None:
        """A registered scene."""
        ...

    def persist(self, pending: Pending) -> None:
        """Queue a pending record for the store."""
        ...

    def forget(self, key: str) -> None:
        """Queue the removal of a pending record."""
        ...

    def wait_for(self, triggers: Sequence[WaitTrigger]) -> asyncio.Future[str]:
        """A future resolved with a description when one of ``triggers`` fires."""
        ...

    def start(self, automation_id: str, trigger: str, context: Context) -> asyncio.Future[None]:
        """Fire another automation; the future ends with its run (or at once if not run)."""
        ...

    async def rights_for(self, automation: Automation) -> Rights | None:
        """The current rights of the automation's owner; None for the system's."""
        ...

    run_timeout: float


@dataclass(slots=True)
class _Run:
    host: RunHost
    automation: Automation
    trace: RunTrace
    context: Context
    rights: Rights | None = None
    """The owner's rights as last checked (None: the system's)."""

    def variables(self) -> dict[str, object]:
        """What a template of this run sees now."""
        host = self.host
        now = host.place(self.automation).local(host.clock.now())
        return templates.variables(
            self.trace.data, self._state, now, self.automation.id, self.automation.name
        )

    def _state(self, device_id: str, path: str) -> Value | None:
        """``state()`` of templates: only what the owner may see (``state(trigger.device)``)."""
        if self.rights is not None:
            device = self.host.hub.registry.find_device(device_id)
            if device is None or not self.rights.can_view_device(device):
                raise ValueError(
                    f"its owner {self.rights.username} may not see device {device_id!r}"
                )
        return self.host.facts.value(device_id, path)

    async def command(self, path: str, devices: Sequence[str]) -> None:
        """Check, just before a command, that the owner may still control ``devices``.

        Raises:
            RunRefused: a grant was revoked (or the account removed) since the run started.
        """
        if self.automation.runs_as is None:
            return
        self.rights = rights = await self.host.rights_for(self.automation)
        if rights is None:
            return
        touches = [Touch(path, Need.CONTROL, device) for device in devices]
        refused = refusals(touches, rights, self.host.hub.registry, **owner_names(rights))
        if refused:
            raise RunRefused.of(refused[0])

    def value(self, value: Value, prop: Property | None) -> Value:
        """A step's value; a template is rendered and read by the format of ``prop``."""
        if not isinstance(value, str) or not templates.is_template(value):
            return value
        return coerce_rendered(prop, templates.render(value, self.variables()))


async def run_actions(
    host: RunHost,
    automation: Automation,
    trace: RunTrace,
    context: Context,
    resume: Resume | None = None,
) -> None:
    """Run an automation's actions, recording each step in ``trace``.

    Raises:
        RunFailed: a step failed (the trace says which and why).
        RunStopped: a wait timed out and the run may not continue.
    """
    run = _Run(host, automation, trace, context)
    if automation.runs_as is not None:
        run.rights = await host.rights_for(automation)
    await _sequence(run, automation.actions, (), resume)


async def _sequence(
    run: _Run, actions: Sequence[Action], prefix: Cursor, resume: Resume | None
) -> None:
    start = 0
    if resume is not None:
        start = resume.cursor[0]
        tail = Resume(resume.cursor[1:], resume.due, resume.after)
        await _step(run, actions[start], (*prefix, start), tail)
        start += 1
    for index in range(start, len(actions)):
        await _step(run, actions[index], (*prefix, index), None)


async def _step(run: _Run, action: Action, cursor: Cursor, resume: Resume | None) -> None:
    host = run.host
    step = StepTrace(_path(cursor), _kind(action), host.clock.now())
    run.trace.steps.append(step)
    try:
        step.result = await _execute(run, action, cursor, resume)
    except RunStopped as exc:
        step.result = str(exc)
        raise
    except RunRefused as exc:
        step.error = f"refused: {exc}"
        raise
    except OrbitHubError as exc:
        step.error = str(exc)
        raise RunFailed(f"step {step.path} ({step.kind}) failed: {exc}") from exc
    except RunFailed as exc:
        step.error = step.error or "a nested step failed"
        raise exc
    finally:
        step.finished = host.clock.now()


def _path(cursor: Cursor) -> str:
    return ".".join(map(str, cursor))


def _kind(action: Action) -> str:
    return type(action).__name__.removesuffix("Step").lower()


async def _execute(run: _Run, action: Action, cursor: Cursor, resume: Resume | None) -> str:
    host, automation = run.host, run.automation
    match action:
        case SetStep():
            await run.command(_path(cursor), [action.device])
            prop = target_property(host.hub.registry, action.device, action.path)
            value = run.value(action.value, prop)
            result = await host.commands.set(action.device, action.path, value, context=run.context)
            return _confirmed(f"{action.device} {action.path} = {value}", result.confirmed)
        case CallStep():
            await run.command(_path(cursor), [action.device])
            registry = host.hub.registry
            arguments = {
                name: run.value(v, argument_property(registry, action.device, action.action, name))
                for name, v in action.arguments
            }
            result = await host.commands.call(
                action.device, action.action, arguments, context=run.context
            )
            return _confirmed(f"{action.device} {action.action}", result.confirmed)
        case NotifyStep():
            return _notify(run, action)
        case DelayStep() | WaitStep() if resume is not None and resume.after:
            return "ended before the restart"
        case DelayStep():
            due = resume.due if resume is not None else host.clock.now() + action.seconds
            await _hold(run, PendingKind.DELAY, cursor, due, None)
            return f"waited {action.seconds:g} s"
        case WaitStep():
            due = resume.due if resume is not None else host.clock.now() + action.timeout
            fired = await _hold(run, PendingKind.WAIT, cursor, due, host.wait_for(action.triggers))
            if fired is not None:
                return f"resumed by {fired}"
            if not action.continue_on_timeout:
                raise RunStopped(f"timed out after {action.timeout:g} s")
            return f"timed out after {action.timeout:g} s; continued"
        case ChooseStep():
            return await _choose(run, action, cursor, resume)
        case RepeatStep():
            return await _repeat(run, action, cursor, resume)
        case SceneStep():
            scene = host.scene(action.scene)
            if scene is None:
                raise RunFailed(f"no scene {action.scene!r}; capture or register it first")
            await run.command(_path(cursor), list(dict.fromkeys(d for d, _, _ in scene.values)))
            outcome = await apply_scene(host.commands, scene, context=run.context)
            if outcome.failed:
                refused = "; ".join(f"{d} {p}: {why}" for d, p, why in outcome.failed)
                raise RunFailed(f"scene {scene.id}: {refused}")
            return f"scene {scene.id}: {len(outcome.applied)} value(s) set"
        case RunStep():
            done = host.start(action.automation, f"run by {automation.id}", run.context)
            if action.wait:
                async with asyncio.timeout(host.run_timeout):
                    await asyncio.shield(done)
            return f"started {action.automation}"


def _notify(run: _Run, action: NotifyStep) -> str:
    host = run.host
    names = run.variables() if any(map(templates.is_template, _texts(action))) else {}
    title = templates.render(action.title, names)
    message = templates.render(action.message, names)
    recipients = tuple(r for r in (templates.render(t, names).strip() for t in action.to) if r)
    spaces = host.hub.registry.spaces()
    space = action.space or run.automation.space or (spaces[0].id if spaces else "")
    bus = host.hub.bus
    bus.publish(
        NotificationRequested(
            bus.next_seq(),
            host.clock.now(),
            space,
            recipients,
            title,
            message,
            action.severity,
            action.tag,
            run.context,
        )
    )
    return f"notified {', '.join(recipients) or 'everyone at ' + space}: {title}"


def _texts(action: NotifyStep) -> tuple[str, ...]:
    return (action.title, action.message, *action.to)


def _confirmed(what: str, confirmed: bool) -> str:
    return what if confirmed else f"{what} (sent, not confirmed)"


async def _hold(
    run: _Run,
    kind: PendingKind,
    cursor: Cursor,
    due: float,
    future: asyncio.Future[str] | None,
) -> str | None:
    """Wait until ``due`` (or ``future``), checkpointed so a restart resumes it.

    The run's one checkpoint record moves here while it waits, and to "after this step" when
    the wait ends, so a stop during the steps that follow resumes them (they may run twice;
    none is lost). The engine removes the record when the run ends.
    """
    host = run.host

    def checkpoint(kind: PendingKind, due: float) -> None:
        trace = run.trace
        host.persist(
            Pending(
                run_key(trace.run_id),
                kind,
                run.automation.id,
                run.automation.version,
                due,
                cursor,
                run_id=trace.run_id,
                trigger=trace.trigger,
                data=trace.data,
            )
        )

    checkpoint(kind, due)
    try:
        while (remaining := due - host.clock.now()) > 0:
            if future is None:
                await host.clock.sleep(remaining)
                continue
            sleeper = asyncio.ensure_future(_nap(host.clock, remaining))
            try:
                await asyncio.wait({future, sleeper}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                # The sleeper is this step's own helper: cancel it and see it end, so no task
                # outlives the step (asyncio.wait does not raise for a cancelled task).
                sleeper.cancel()
                await asyncio.wait({sleeper})
            if future.done():
                checkpoint(PendingKind.AFTER, host.clock.now())
                return future.result()
        checkpoint(PendingKind.AFTER, host.clock.now())
        return None
    finally:
        if future is not None and not future.done():
            future.cancel()


async def _nap(clock: Clock, seconds: float) -> str:
    await clock.sleep(seconds)
    return ""


async def _choose(run: _Run, action: ChooseStep, cursor: Cursor, resume: Resume | None) -> str:
    host = run.host
    if resume is not None:
        branch = resume.cursor[0]
        chosen = action.default if branch == len(action.options) else action.options[branch].actions
        tail = Resume(resume.cursor[1:], resume.due, resume.after)
        await _sequence(run, chosen, (*cursor, branch), tail)
        return f"resumed branch {branch}"
    now = host.clock.now()
    place = host.place(run.automation)
    for index, option in enumerate(action.options):
        if check_all(option.conditions, host.facts, now, place) is None:
            await _sequence(run, option.actions, (*cursor, index), None)
            return f"option {index} ran"
    if action.default:
        await _sequence(run, action.default, (*cursor, len(action.options)), None)
        return "else ran"
    return "no option held"


async def _repeat(run: _Run, action: RepeatStep, cursor: Cursor, resume: Resume | None) -> str:
    host = run.host
    iteration = 0
    if resume is not None:
        iteration = resume.cursor[0]
        tail = Resume(resume.cursor[1:], resume.due, resume.after)
        await _sequence(run, action.actions, (*cursor, iteration), tail)
        iteration += 1
    limit = action.count if action.count is not None else action.max_loops
    while iteration < limit:
        if action.while_:
            place = host.place(run.automation)
            if check_all(action.while_, host.facts, host.clock.now(), place) is not None:
                break
        await _sequence(run, action.actions, (*cursor, iteration), None)
        iteration += 1
        await asyncio.sleep(0)  # a tight repeat of instant steps must still let the loop breathe
    return f"{iteration} iteration(s)"


def final_status(exc: BaseException | None) -> RunStatus:
    """The status a run ends with, given what ended it."""
    if exc is None:
        return RunStatus.DONE
    if isinstance(exc, RunStopped):
        return RunStatus.TIMED_OUT
    if isinstance(exc, RunRefused):
        return RunStatus.REFUSED
    if isinstance(exc, asyncio.CancelledError):
        return RunStatus.CANCELLED
    return RunStatus.FAILED
