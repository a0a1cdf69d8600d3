"""Automations as data: frozen, slotted records the engine runs (pydantic stays at the edge)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum
from typing import TypeAlias

from orbithub.spec.model import Value

__all__ = [
    "Action",
    "AndCondition",
    "Automation",
    "CallStep",
    "CatchUp",
    "ChooseOption",
    "ChooseStep",
    "Condition",
    "CronTrigger",
    "DelayStep",
    "EtaTrigger",
    "EventTrigger",
    "ManualTrigger",
    "Mode",
    "NotCondition",
    "NotifyStep",
    "OnlineTrigger",
    "OrCondition",
    "PresenceCondition",
    "PresenceEvent",
    "PresenceTrigger",
    "PropertyCondition",
    "PropertyTrigger",
    "RateLimit",
    "RepeatStep",
    "RunStep",
    "SceneStep",
    "SetStep",
    "SunCondition",
    "SunEvent",
    "SunTrigger",
    "TimeCondition",
    "TimeTrigger",
    "Trigger",
    "WaitStep",
    "WebhookTrigger",
    "WeekdayCondition",
    "ZoneTrigger",
]


class Mode(StrEnum):
    """What happens when an automation fires while a run of it is still going."""

    SINGLE = "single"
    RESTART = "restart"
    QUEUED = "queued"
    PARALLEL = "parallel"


class CatchUp(StrEnum):
    """What a time trigger does about fire times missed while the hub was down."""

    SKIP = "skip"
    RUN_ONCE = "run_once"


class PresenceEvent(StrEnum):
    """Which change of a space's presence a presence trigger fires on."""

    ARRIVED = "arrived"
    LEFT = "left"
    FIRST_ARRIVED = "first_arrived"
    LAST_LEFT = "last_left"


class SunEvent(StrEnum):
    """The two sun events triggers and conditions use."""

    SUNRISE = "sunrise"
    SUNSET = "sunset"


# -- triggers ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PropertyTrigger:
    """A property of a device changed; all given tests must hold on the new value.

    ``above``/``below`` fire on crossing into the range (the old value was outside it), so a
    sensor wobbling above the threshold does not fire on every report.
    """

    device: str
    path: str
    to: Value | None = None
    from_: Value | None = None
    above: float | None = None
    below: float | None = None
    for_: float = 0.0


@dataclass(frozen=True, slots=True)
class EventTrigger:
    """A device reported an event (``motion-sensor.motion-detected``), optionally with arguments."""

    device: str
    event: str
    arguments: tuple[tuple[str, Value], ...] = ()


@dataclass(frozen=True, slots=True)
class OnlineTrigger:
    """A device went online (``online=True``) or offline."""

    device: str
    online: bool


@dataclass(frozen=True, slots=True)
class TimeTrigger:
    """Every day at a local time of the automation's space."""

    at: time
    catch_up: CatchUp = CatchUp.SKIP


@dataclass(frozen=True, slots=True)
class CronTrigger:
    """A cron expression evaluated in the space's timezone."""

    cron: str
    catch_up: CatchUp = CatchUp.SKIP


@dataclass(frozen=True, slots=True)
class SunTrigger:
    """Sunrise or sunset at the space's coordinates, shifted by ``offset`` seconds."""

    event: SunEvent
    offset: float = 0.0
    catch_up: CatchUp = CatchUp.SKIP


@dataclass(frozen=True, slots=True)
class ManualTrigger:
    """Only fired on request (a button in the app, another automation)."""


@dataclass(frozen=True, slots=True)
class ZoneTrigger:
    """A phone or a vehicle entered (``entered=True``) or left a space's geofence.

    ``device`` names one device; ``person`` any device that person owns; neither, any device.
    """

    space: str
    entered: bool = True
    device: str | None = None
    person: str | None = None


@dataclass(frozen=True, slots=True)
class PresenceTrigger:
    """People arrived at or left a space: anyone, one named person, the first or the last."""

    space: str
    event: PresenceEvent
    person: str | None = None


@dataclass(frozen=True, slots=True)
class EtaTrigger:
    """A device is estimated to reach a space within ``within`` seconds.

    Fires once when the estimate first drops into the window while the device approaches;
    fires again only after the device arrived or the estimate went well beyond the window
    (a car stopped at a light is still on the same approach).
    ``min_confidence`` (0..1) ignores estimates from too few or too erratic positions.
    """

    device: str
    space: str
    within: float
    min_confidence: float = 0.3


@dataclass(frozen=True, slots=True)
class WebhookTrigger:
    """``POST /api/webhooks/{webhook}``; its JSON body is ``trigger.json`` in templates."""

    webhook: str


Trigger: TypeAlias = (
    PropertyTrigger
    | EventTrigger
    | OnlineTrigger
    | TimeTrigger
    | CronTrigger
    | SunTrigger
    | ManualTrigger
    | ZoneTrigger
    | PresenceTrigger
    | EtaTrigger
    | WebhookTrigger
)
WaitTrigger: TypeAlias = (
    PropertyTrigger | EventTrigger | OnlineTrigger | ZoneTrigger | PresenceTrigger
)
"""What a ``wait`` step may wait for: a change the hub publishes as an event."""


# -- conditions -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PropertyCondition:
    """A device's current value equals ``state`` (when given) and lies within above/below."""

    device: str
    path: str
    state: Value | None = None
    above: float | None = None
    below: float | None = None


@dataclass(frozen=True, slots=True)
class TimeCondition:
    """Local time lies in [after, before); a window may wrap midnight (22:00 to 06:00)."""

    after: time | None = None
    before: time | None = None


@dataclass(frozen=True, slots=True)
class WeekdayCondition:
    """Today is one of ``days`` (0 = Monday ... 6 = Sunday), in the space's timezone."""

    days: frozenset[int]


@dataclass(frozen=True, slots=True)
class SunCondition:
    """Relative to today's sun: ``after`` sunset / ``before`` sunrise, with offsets."""

    after: SunEvent | None = None
    after_offset: float = 0.0
    before: SunEvent | None = None
    before_offset: float = 0.0


@dataclass(frozen=True, slots=True)
class PresenceCondition:
    """Who is at a space: ``person`` there (or not), or with no person, someone (or nobody)."""

    space: str
    person: str | None = None
    present: bool = True


@dataclass(frozen=True, slots=True)
class AndCondition:
    """Every part holds."""

    parts: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class OrCondition:
    """At least one part holds."""

    parts: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class NotCondition:
    """The part does not hold."""

    part: Condition


Condition: TypeAlias = (
    PropertyCondition
    | TimeCondition
    | WeekdayCondition
    | SunCondition
    | PresenceCondition
    | AndCondition
    | OrCondition
    | NotCondition
)


# -- actions ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SetStep:
    """Write a property through ``hub.set``."""

    device: str
    path: str
    value: Value


@dataclass(frozen=True, slots=True)
class CallStep:
    """Run a device action through ``hub.call``."""

    device: str
    action: str
    arguments: tuple[tuple[str, Value], ...] = ()


@dataclass(frozen=True, slots=True)
class DelayStep:
    """Wait ``seconds`` of the hub's clock; survives a restart."""

    seconds: float


@dataclass(frozen=True, slots=True)
class WaitStep:
    """Wait until one of ``triggers`` fires, at most ``timeout`` seconds; survives a restart.

    On timeout the run stops, unless ``continue_on_timeout``.
    """

    triggers: tuple[WaitTrigger, ...]
    timeout: float
    continue_on_timeout: bool = False


@dataclass(frozen=True, slots=True)
class ChooseOption:
    """One branch of a choose: its actions run when its conditions all hold."""

    conditions: tuple[Condition, ...]
    actions: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class ChooseStep:
    """The first option whose conditions hold runs; otherwise ``default`` (the else)."""

    options: tuple[ChooseOption, ...]
    default: tuple[Action, ...] = ()


@dataclass(frozen=True, slots=True)
class RepeatStep:
    """Run ``actions`` ``count`` times, or while ``while_`` holds (at most ``max_loops``)."""

    actions: tuple[Action, ...]
    count: int | None = None
    while_: tuple[Condition, ...] = ()
    max_loops: int = 1000


@dataclass(frozen=True, slots=True)
class SceneStep:
    """Apply a scene registered with the engine."""

    scene: str


@dataclass(frozen=True, slots=True)
class RunStep:
    """Fire another automation (under its own mode); ``wait`` awaits its run."""

    automation: str
    wait: bool = False


@dataclass(frozen=True, slots=True)
class NotifyStep:
    """Ask for people to be told something (published as ``NotificationRequested``).

    ``title`` and ``message`` may be templates. ``to`` names people; empty means everyone with
    access to ``space`` (None: the automation's space).
    """

    title: str
    message: str
    to: tuple[str, ...] = ()
    severity: str = "info"
    tag: str = ""
    space: str | None = None


Action: TypeAlias = (
    SetStep
    | CallStep
    | DelayStep
    | WaitStep
    | ChooseStep
    | RepeatStep
    | SceneStep
    | RunStep
    | NotifyStep
)


# -- the automation ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RateLimit:
    """At most ``runs`` runs per ``per`` seconds."""

    runs: int
    per: float


@dataclass(frozen=True, slots=True)
class Automation:
    """One automation: when a trigger fires and the conditions hold, the actions run.

    Attributes:
        id: stable id (traces, the store and ``run`` steps refer to it).
        name: what people call it.
        triggers: any of them starts an evaluation.
        conditions: all must hold for a run.
        actions: what a run does, in order.
        enabled: a disabled automation records why it did not fire, and never runs.
        version: bumped by the author; pending work saved under another version is dropped.
        mode: what to do when fired while running.
        max_runs: queue length (queued) or concurrent runs (parallel).
        space: the space whose timezone and coordinates time triggers use (None: the first).
        rate_limit: runs allowed per window, None for no limit.
        owner: the id of the user who saved it through the API (None: written by hand in the
            data directory's files, which are the hub owner's).
        household: marked by an owner of the hub to run with the system's rights.
    """

    id: str
    name: str
    triggers: tuple[Trigger, ...]
    conditions: tuple[Condition, ...] = ()
    actions: tuple[Action, ...] = ()
    enabled: bool = True
    version: int = 1
    mode: Mode = Mode.SINGLE
    max_runs: int = 10
    space: str | None = None
    rate_limit: RateLimit | None = field(default=None)
    owner: str | None = None
    household: bool = False

    @property
    def runs_as(self) -> str | None:
        """The user whose current rights a run has; None runs with the system's rights."""
        return None if self.household else self.owner
