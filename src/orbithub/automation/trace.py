"""Traces: every trigger evaluation (fired, or why not) and every run, step by step.

Kept in memory, bounded per automation, so "why didn't it fire at 19:02?" is answered from
what actually happened rather than re-derived.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Evaluation",
    "Reason",
    "ReasonCode",
    "RunStatus",
    "RunTrace",
    "StepTrace",
    "TraceLog",
]


class ReasonCode(StrEnum):
    """Why an evaluation fired or did not; each has an English and a Chinese sentence."""

    FIRED = "fired"
    CAUGHT_UP = "caught_up"
    NOT_MATCHED = "not_matched"
    FOR_WAITING = "for_waiting"
    FOR_CANCELLED = "for_cancelled"
    DISABLED = "disabled"
    CONDITION_FALSE = "condition_false"
    NO_VALUE = "no_value"
    DEVICE_OFFLINE = "device_offline"
    OUTSIDE_TIME_WINDOW = "outside_time_window"
    WRONG_WEEKDAY = "wrong_weekday"
    SUN_POSITION = "sun_position"
    NONE_OF = "none_of"
    NOT_NEGATED = "not_negated"
    ALREADY_RUNNING = "already_running"
    QUEUE_FULL = "queue_full"
    TOO_MANY_RUNS = "too_many_runs"
    RATE_LIMITED = "rate_limited"
    LOOP_STOPPED = "loop_stopped"
    MISSED_SKIPPED = "missed_skipped"
    PRESENCE_FALSE = "presence_false"
    PRESENCE_UNKNOWN = "presence_unknown"
    OWNER_REFUSED = "owner_refused"


@dataclass(frozen=True, slots=True)
class Reason:
    """A reason code with the values seen (all rendered as text for the sentence)."""

    code: ReasonCode
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str:
        """One parameter's text, ``"?"`` when absent."""
        return next((v for k, v in self.params if k == name), "?")

    @classmethod
    def of(cls, code: ReasonCode, **params: object) -> Reason:
        """Build a reason with keyword parameters."""
        return cls(code, tuple((k, _text(v)) for k, v in params.items()))


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One trigger evaluation of one automation.

    Attributes:
        automation_id: whose.
        time: when (hub clock).
        trigger: which trigger, described (``lamp light.on``, ``time 07:30``).
        fired: whether a run started (or was queued).
        reason: why, with the values seen.
        run_id: the run it started, when it did.
    """

    automation_id: str
    time: float
    trigger: str
    fired: bool
    reason: Reason
    run_id: str | None = None


class RunStatus(StrEnum):
    """Where a run is or how it ended."""

    RUNNING = "running"
    QUEUED = "queued"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    TIMED_OUT = "timed_out"
    INTERRUPTED = "interrupted"
    REFUSED = "refused"
    """Its owner's rights do not cover what the run needed."""


@dataclass(slots=True)
class StepTrace:
    """One executed step of a run; mutable only while the step runs."""

    path: str
    kind: str
    started: float
    finished: float | None = None
    result: str = ""
    error: str | None = None


@dataclass(slots=True)
class RunTrace:
    """One run of an automation, step by step."""

    run_id: str
    automation_id: str
    trigger: str
    started: float
    status: RunStatus = RunStatus.RUNNING
    finished: float | None = None
    error: str | None = None
    resumed: bool = False
    steps: list[StepTrace] = field(default_factory=list)
    data: dict[str, object] = field(default_factory=dict)
    """What fired the run, as templates see it (``trigger``)."""


class TraceLog:
    """Bounded per-automation history of evaluations and runs. Loop only."""

    def __init__(self, *, evaluations: int = 200, runs: int = 50) -> None:
        self._max_evaluations = evaluations
        self._max_runs = runs
        self._evaluations: dict[str, deque[Evaluation]] = {}
        self._runs: dict[str, deque[RunTrace]] = {}

    def record(self, evaluation: Evaluation) -> None:
        """Keep one evaluation (the oldest of that automation is dropped when full)."""
        log = self._evaluations.get(evaluation.automation_id)
        if log is None:
            log = self._evaluations[evaluation.automation_id] = deque(maxlen=self._max_evaluations)
        log.append(evaluation)

    def add_run(self, run: RunTrace) -> None:
        """Keep one run trace."""
        log = self._runs.get(run.automation_id)
        if log is None:
            log = self._runs[run.automation_id] = deque(maxlen=self._max_runs)
        log.append(run)

    def evaluations(self, automation_id: str, since: float | None = None) -> list[Evaluation]:
        """The kept evaluations of an automation, oldest first, from ``since`` on."""
        log = self._evaluations.get(automation_id, ())
        return [e for e in log if since is None or e.time >= since]

    def runs(self, automation_id: str) -> list[RunTrace]:
        """The kept runs of an automation, oldest first."""
        return list(self._runs.get(automation_id, ()))
