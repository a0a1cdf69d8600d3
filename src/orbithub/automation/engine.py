"""The automation engine: routes hub events and clock ticks to triggers, and runs automations.

Device, geofence, presence and ETA triggers are indexed by what their events carry and matched
inside one bus listener, so an event costs a dictionary lookup however many automations are
loaded; webhooks are looked up by id. Time triggers are timers on the hub's clock. Runs are
tasks in the engine's own task scope, and each outcome is published as ``AutomationRun``;
pending delays, waits, ``for`` holds and timer fire times go through a
:class:`~orbithub.automation.store.PendingStore` so a new engine resumes them.

The module is over the usual 400 lines because the engine is the one object the rest of the
hub holds; routing, arrivals, runs, the safety valves and resuming already live beside it.
"""

# The Chinese sentences use full-width punctuation on purpose: it is correct Chinese
# typography, not a look-alike of ASCII.
# ruff: noqa: RUF001

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from types import TracebackType
from typing import TYPE_CHECKING, Self

from orbithub.automation import triggers as trig
from orbithub.automation.actions import Resume
from orbithub.automation.arrivals import EtaSource
from orbithub.automation.conditions import check_all
from orbithub.automation.cycles import cycle_reason, keep_disabled, notify_cycle
from orbithub.automation.errors import AutomationError, UnknownAutomationError
from orbithub.automation.explain import explain
from orbithub.automation.facts import HubFacts, PresenceSource
from orbithub.automation.model import Automation, Mode, RateLimit, WaitTrigger
from orbithub.automation.outcomes import publish_refusal
from orbithub.automation.owners import Rights, RightsOf, RunRefused
from orbithub.automation.place import Place, place_for
from orbithub.automation.resume import resume_pending
from orbithub.automation.routing import Router, resolve_trigger
from orbithub.automation.runs import Active, execute, mode_refusal
from orbithub.automation.safety import (
    DEFAULT_RATE_LIMIT,
    LoopLimit,
    RateLimiter,
    extend_chain,
    find_cycle,
)
from orbithub.automation.scenes import Scene
from orbithub.automation.scheduler import Scheduler
from orbithub.automation.store import MemoryStore, Pending, PendingStore, StoreWriter, run_key
from orbithub.automation.trace import Evaluation, Reason, ReasonCode, RunTrace, TraceLog
from orbithub.automation.waiters import Waiters
from orbithub.core.commands import CommandPort
from orbithub.core.context import Context, Link, Origin
from orbithub.core.events import (
    DeviceEvent,
    DeviceOnline,
    HubEvent,
    PresenceChanged,
    PropertyChanged,
    ZoneChanged,
)
from orbithub.core.hub import Hub
from orbithub.core.tasks import task_scope
from orbithub.mobility.tracks import Tracks

if TYPE_CHECKING:
    from orbithub.automation.library import AutomationLibrary

__all__ = ["Engine"]

_LOGGER = logging.getLogger(__name__)
_FLUSH_TIMEOUT = 5.0
_ROUTED = (PropertyChanged, DeviceEvent, DeviceOnline, ZoneChanged, PresenceChanged)


class Engine:
    """Runs automations against a hub. Use as ``async with Engine(hub, automations):``.

    Args:
        hub: the hub whose events trigger and whose commands act.
        automations: loaded at once (more can be added later with :meth:`add`).
        store: where pending work survives a restart (default: in memory).
        scenes: scenes that ``scene`` steps may apply.
        loop_limit: when a chain of runs coming back to an automation is a cycle to stop.
        rate_limit: runs allowed per automation that sets no ``rate_limit`` (None: no limit).
        run_timeout: the longest a ``run`` step waits for the automation it started.
        keep_evaluations: evaluations kept per automation for :meth:`why`.
        keep_runs: run traces kept per automation.
        presence: who is where before any presence event (default: learnt from the events).
        tracks: arrival estimates for ETA triggers (default: the engine follows positions).
        commands: where runs send their commands: the hub's guarded entry, which applies the
            owner's rights (the context names them) and audits every command (default: the
            hub itself, for a hub without accounts).
    """

    def __init__(
        self,
        hub: Hub,
        automations: Iterable[Automation] = (),
        *,
        store: PendingStore | None = None,
        scenes: Iterable[Scene] = (),
        loop_limit: LoopLimit | None = None,
        rate_limit: RateLimit | None = DEFAULT_RATE_LIMIT,
        run_timeout: float = 3600.0,
        keep_evaluations: int = 200,
        keep_runs: int = 50,
        presence: PresenceSource | None = None,
        tracks: EtaSource | None = None,
        commands: CommandPort | None = None,
    ) -> None:
        self.hub = hub
        self.commands: CommandPort = commands if commands is not None else hub
        self.clock = hub.clock
        self.facts = HubFacts(hub.state, presence)
        self.tracks = tracks
        self.store: PendingStore = store if store is not None else MemoryStore()
        self.traces = TraceLog(evaluations=keep_evaluations, runs=keep_runs)
        self.run_timeout = run_timeout
        self.stopping = False
        self._automations: dict[str, Automation] = {}
        self._stopped: dict[str, Reason] = {}
        self._saving: set[asyncio.Task[None]] = set()
        self._checkpointed: set[str] = set()
        self._index = trig.TriggerIndex()
        self._active: dict[str, dict[str, Active]] = {}
        self._queues: dict[str, asyncio.Lock] = {}
        self._scenes = {s.id: s for s in scenes}
        self._rate = RateLimiter()
        self.rate_limit = rate_limit
        self.loop_limit = loop_limit or LoopLimit()
        self._waiters = Waiters(hub)
        self._writer = StoreWriter(self.store)
        self._tasks: asyncio.TaskGroup | None = None
        self._scope: contextlib.AsyncExitStack | None = None
        self._router: Router | None = None
        self._stop_listening: Callable[[], None] = lambda: None
        self._own_tracks: Tracks | None = None
        self.library: AutomationLibrary | None = None
        """The folder the automations came from, when loaded from one (the API edits it)."""
        self.rights: RightsOf | None = None
        """Looks up a user's current rights, for the automations that run with their owner's."""
        for automation in automations:
            self.add(automation)

    # -- lifecycle ----------------------------------------------------------------------------
    async def __aenter__(self) -> Self:
        scope = contextlib.AsyncExitStack()
        self._tasks = await scope.enter_async_context(task_scope())
        self._scope = scope
        self.stopping = False
        if self.tracks is None:
            self._own_tracks = Tracks(self.hub)
            self._own_tracks.start()
        etas = self.tracks or self._own_tracks
        self._router = Router(self, Scheduler(self.clock, self._tasks), self._index, etas)
        self._tasks.create_task(self._writer.run(), name="automation store writer")
        self._stop_listening = self.hub.bus.listen(self._on_event)
        try:
            await resume_pending(self, await self.store.load())
        except BaseException as exc:
            await self.__aexit__(type(exc), exc, exc.__traceback__)
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        scope, self._scope = self._scope, None
        if scope is None:
            return
        self.stopping = True  # from here a cancelled hold keeps its record for the next engine
        self._stop_listening()
        if self._own_tracks is not None:
            self._own_tracks.stop()
            self._own_tracks = None
        tasks = [run.task for runs in self._active.values() for run in runs.values()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if not await self._writer.flush(_FLUSH_TIMEOUT):
            _LOGGER.error("pending work not fully saved within %s s on stop", _FLUSH_TIMEOUT)
        self._router = None
        self._tasks = None
        await scope.__aexit__(exc_type, exc, tb)

    # -- automations --------------------------------------------------------------------------
    def add(self, automation: Automation) -> None:
        """Load (or replace, by id) an automation. Loop only."""
        if automation.id in self._automations:
            self.remove(automation.id)
        automation = replace(
            automation, triggers=tuple(resolve_trigger(self.hub, t) for t in automation.triggers)
        )
        self._automations[automation.id] = automation
        for index, trigger in enumerate(automation.triggers):
            self._index.add(trig.TriggerRef(automation.id, index, trigger))
        if self._router is not None:
            self._router.schedule_timers(automation, self.clock.now())

    def remove(self, automation_id: str) -> Automation:
        """Unload an automation, cancelling its runs and timers. Loop only.

        Raises:
            UnknownAutomationError: no such automation.
        """
        automation = self.automation(automation_id)
        del self._automations[automation_id]
        self._index.remove(automation_id)
        for run in self._active.get(automation_id, {}).values():
            run.task.cancel()
        if self._router is not None:
            self._router.cancel(automation)
        self._rate.forget(automation_id)
        self._stopped.pop(automation_id, None)
        return automation

    def automation(self, automation_id: str) -> Automation:
        """A loaded automation.

        Raises:
            UnknownAutomationError: no such automation.
        """
        found = self._automations.get(automation_id)
        if found is None:
            raise UnknownAutomationError(
                f"no automation {automation_id!r}; loaded: {', '.join(self._automations) or 'none'}"
            )
        return found

    def automations(self) -> list[Automation]:
        """Every loaded automation."""
        return list(self._automations.values())

    def enable(self, automation_id: str, enabled: bool = True) -> None:
        """Enable or disable an automation; enabling also clears a loop stop."""
        self._automations[automation_id] = replace(self.automation(automation_id), enabled=enabled)
        if enabled:
            self._stopped.pop(automation_id, None)
            self._rate.forget(automation_id)

    def add_scene(self, scene: Scene) -> None:
        """Register (or replace) a scene for ``scene`` steps."""
        self._scenes[scene.id] = scene

    def scene(self, scene_id: str) -> Scene | None:
        """A registered scene, or None."""
        return self._scenes.get(scene_id)

    def scenes(self) -> list[Scene]:
        """Every registered scene."""
        return list(self._scenes.values())

    def place(self, automation: Automation) -> Place:
        """The timezone and coordinates of the automation's space (the first space if unset)."""
        return place_for(self.hub.registry, automation.space)

    # -- traces -------------------------------------------------------------------------------
    def why(
        self,
        automation_id: str,
        since: float | None = None,
        *,
        at: float | None = None,
        window: float = 120.0,
    ) -> list[Evaluation]:
        """The evaluations that did not fire, oldest first, with their reasons.

        Args:
            automation_id: the automation.
            since: only those from this time on.
            at: only those within ``window`` seconds of this time ("why not at 19:02?").
            window: see ``at``.

        Raises:
            UnknownAutomationError: no such automation.
        """
        self.automation(automation_id)
        found = [e for e in self.traces.evaluations(automation_id, since) if not e.fired]
        if at is not None:
            found = [e for e in found if abs(e.time - at) <= window]
        return found

    def runs(self, automation_id: str) -> list[RunTrace]:
        """The kept run traces of an automation, oldest first."""
        return self.traces.runs(automation_id)

    def running(self, automation_id: str) -> list[RunTrace]:
        """The runs of an automation going (or queued) now."""
        return [run.trace for run in self._active.get(automation_id, {}).values()]

    async def wait_idle(self, limit: float = 5.0) -> None:
        """Wait (real time, at most ``limit`` seconds) until no run is going nor being saved.

        Raises:
            TimeoutError: runs were still going after ``limit`` seconds.
        """
        async with asyncio.timeout(limit):
            while futures := [
                *(r.done for runs in self._active.values() for r in runs.values()),
                *self._saving,
            ]:
                await asyncio.wait(futures)

    def record(
        self,
        automation: Automation,
        trigger: str,
        reason: Reason,
        parent: Context | None = None,
        *,
        publish: bool = True,
    ) -> None:
        """Keep a not-fired evaluation (and publish it when a fired trigger was refused)."""
        self.traces.record(Evaluation(automation.id, self.clock.now(), trigger, False, reason))
        if publish:
            publish_refusal(self.hub, automation, trigger, reason, parent)

    async def rights_for(self, automation: Automation) -> Rights | None:
        """The current rights of the user an automation runs as; None for the system's.

        Raises:
            RunRefused: the owner's rights cannot be known (deleted account, no way to look).
        """
        owner = automation.runs_as
        if owner is None:
            return None
        if self.rights is None:
            raise RunRefused(
                "it belongs to a user and this hub cannot look up that user's rights; "
                "an owner of the hub may mark it household",
                "它属于某位用户，而本中枢无法查询该用户的权限；中枢所有者可将其标记为全家共用",
            )
        rights = await self.rights(owner)
        if rights is None:
            raise RunRefused(
                "its owner's account no longer exists; an owner of the hub may save it again "
                "to take it over",
                "其所有者的账户已不存在；中枢所有者可重新保存它以接管",
            )
        return rights

    # -- pending work -------------------------------------------------------------------------
    def persist(self, pending: Pending) -> None:
        """Queue a pending record for the store (writes keep their order)."""
        if pending.run_id:
            self._checkpointed.add(pending.run_id)
        self._writer.save(pending)

    def forget(self, key: str) -> None:
        """Queue the removal of a pending record."""
        self._writer.remove(key)

    def wait_for(self, triggers: Sequence[WaitTrigger]) -> asyncio.Future[str]:
        """A future resolved when one of ``triggers`` fires."""
        return self._waiters.add(triggers)

    def run_ended(self, automation_id: str, run_id: str) -> None:
        """A run ended (loop only); one cut short by the engine's stop keeps its checkpoint."""
        self._active.get(automation_id, {}).pop(run_id, None)
        if run_id in self._checkpointed and not self.stopping:
            self._checkpointed.discard(run_id)
            self.forget(run_key(run_id))

    # -- triggers ---------------------------------------------------------------------------
    def find(self, automation_id: str) -> Automation | None:
        """A loaded automation, or None."""
        return self._automations.get(automation_id)

    def _on_event(self, event: HubEvent) -> None:
        if self._router is not None and isinstance(event, _ROUTED):
            if isinstance(event, PresenceChanged):
                self.facts.observe(event)  # conditions of this very change see it
            self._router.on_event(event)
            self._waiters.offer(event)

    def webhook(
        self, webhook_id: str, body: object, *, context: Context | None = None
    ) -> list[str] | None:
        """Fire the automations listening on a webhook; ``body`` is ``trigger.json``.

        Returns:
            The ids of the runs started, or None when no automation uses this webhook id.
        """
        if self._router is None:
            return None
        return self._router.webhook(webhook_id, body, context)

    def webhook_ids(self) -> list[str]:
        """The webhook ids some automation listens on."""
        return sorted(self._index.webhooks)

    def schedule_timers(self, automation: Automation, after: float) -> None:
        """Schedule an automation's time triggers after ``after`` (the engine is running)."""
        if self._router is not None:
            self._router.schedule_timers(automation, after)

    def start_hold(self, automation: Automation, index: int, due: float) -> None:
        """Re-arm a ``for`` hold of trigger ``index`` due at ``due`` (the engine is running)."""
        if self._router is not None:
            self._router.start_hold(automation, index, due)

    # -- firing -------------------------------------------------------------------------------
    def evaluate(
        self,
        automation: Automation,
        trigger: str,
        *,
        parent: Context | None = None,
        fired: Reason | None = None,
        data: Mapping[str, object] | None = None,
    ) -> str | None:
        """A trigger fired: check enabled, conditions, cycles, mode and rate; maybe start a run.

        ``data`` is what templates of the run see as ``trigger``.

        Returns:
            The new run's id, or None when it did not run (the reason is recorded).
        """
        now = self.clock.now()
        if not automation.enabled:
            # A cycle's automations keep saying why they stopped (once in the activity log).
            stopped = self._stopped.get(automation.id)
            self.record(
                automation, trigger, stopped or Reason.of(ReasonCode.DISABLED), None, publish=False
            )
            return None
        reason = check_all(automation.conditions, self.facts, now, self.place(automation))
        if reason is not None:
            self.record(automation, trigger, reason, parent)
            return None
        chain = parent.chain if parent is not None else ()
        if chain:
            cycle = find_cycle(automation.id, chain, now, self.loop_limit)
            if cycle is not None:
                self._stop_cycle(cycle, automation, trigger, parent)
                return None
        active = self._active.setdefault(automation.id, {})
        reason = mode_refusal(
            automation, [r.trace for r in active.values()], self.place(automation)
        )
        if reason is not None:
            self.record(automation, trigger, reason, parent)
            return None
        limit = automation.rate_limit or self.rate_limit
        if limit is not None and not self._rate.allow(automation.id, limit, now):
            reason = Reason.of(ReasonCode.RATE_LIMITED, runs=limit.runs, per=limit.per)
            # Once per window in the activity log: a runaway trigger must not flood it.
            publish = self._rate.first_refusal(automation.id)
            self.record(automation, trigger, reason, parent, publish=publish)
            return None
        if automation.mode is Mode.RESTART:
            for run in active.values():
                run.task.cancel()
        run_id = uuid.uuid4().hex[:12]
        trace = RunTrace(run_id, automation.id, trigger, now, data=dict(data or {"kind": "manual"}))
        self.start_run(automation, trace, parent)
        self.traces.record(
            Evaluation(
                automation.id, now, trigger, True, fired or Reason.of(ReasonCode.FIRED), run_id
            )
        )
        return run_id

    def _stop_cycle(
        self,
        members: tuple[str, ...],
        automation: Automation,
        trigger: str,
        parent: Context | None,
    ) -> None:
        """Disable every automation of a cycle, say why everywhere, and keep them disabled."""
        found = [a for a in (self.find(i) for i in members) if a is not None]
        reason = cycle_reason(found, self.loop_limit)
        _LOGGER.warning("stopped a loop of automations: %s", explain(reason))
        for member in found:
            self._stopped[member.id] = reason
            self._automations[member.id] = replace(member, enabled=False)
            for run in self._active.get(member.id, {}).values():
                run.task.cancel()
                run.trace.error = explain(reason)
            fired = trigger if member.id == automation.id else f"loop through {automation.id}"
            self.record(member, fired, reason, parent)
        context = Context(Origin.AUTOMATION, automation.id, parent.id if parent else None)
        notify_cycle(self.hub, found, reason, context)
        if self.library is not None and self._tasks is not None:
            ids = [a.id for a in found]
            task = self._tasks.create_task(
                keep_disabled(self.library, self.find, ids), name="keep a loop disabled"
            )
            self._saving.add(task)
            task.add_done_callback(self._saving.discard)

    def start(self, automation_id: str, trigger: str, context: Context) -> asyncio.Future[None]:
        """Fire an automation from another's ``run`` step; the future ends with the new run.

        Raises:
            UnknownAutomationError: no such automation.
        """
        automation = self.automation(automation_id)
        run_id = self.evaluate(automation, trigger, parent=context)
        if run_id is not None:
            return self._active[automation_id][run_id].done
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done

    def fire(
        self,
        automation_id: str,
        *,
        context: Context | None = None,
        data: Mapping[str, object] | None = None,
    ) -> str | None:
        """Fire an automation by hand (its manual trigger, a button in the app).

        Returns:
            The run's id, or None when it did not run (see :meth:`why`).

        Raises:
            UnknownAutomationError: no such automation.
        """
        automation = self.automation(automation_id)
        return self.evaluate(automation, "manual", parent=context, data=data)

    def start_run(
        self,
        automation: Automation,
        trace: RunTrace,
        parent: Context | None,
        resume: Resume | None = None,
    ) -> None:
        """Start a run task (loop only); ``resume`` continues a saved run."""
        if self._tasks is None:
            raise AutomationError("the engine is not running; use 'async with engine:'")
        self.traces.add_run(trace)
        if resume is not None:
            self._checkpointed.add(trace.run_id)  # its record is in the store already
        now = self.clock.now()
        chain = extend_chain(
            parent.chain if parent is not None else (), Link(automation.id, now), self.loop_limit
        )
        # The owner rides with every command, so the guarded entry applies their rights too.
        context = Context(
            Origin.AUTOMATION,
            automation.id,
            parent.id if parent else None,
            chain=chain,
            owner=automation.runs_as,
        )
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        task = self._tasks.create_task(
            execute(self, automation, trace, context, resume, done, self._queues),
            name=f"run {automation.id}",
        )
        self._active.setdefault(automation.id, {})[trace.run_id] = Active(trace, task, done)
