"""The YAML/API shape of automations (pydantic v2), converted into the engine's records.

Only the schema modules and :mod:`loader` know pydantic; the engine sees :mod:`model` records.
"""

from __future__ import annotations

from datetime import time
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, field_validator, model_validator

from orbithub.automation import model as m
from orbithub.automation.scenes import Scene
from orbithub.automation.schema_triggers import (
    Doc,
    Duration,
    Scalar,
    TriggerDoc,
    WaitTriggerDoc,
    parse_time,
    to_seconds,
)
from orbithub.automation.templates import check_template

__all__ = ["AutomationDoc", "DocumentDoc", "SceneDoc"]


# -- conditions -------------------------------------------------------------------------------
class PropertyConditionDoc(Doc):
    type: Literal["property"]
    device: str
    path: str
    state: Scalar | None = None
    above: float | None = None
    below: float | None = None

    def build(self) -> m.PropertyCondition:
        return m.PropertyCondition(self.device, self.path, self.state, self.above, self.below)


class TimeConditionDoc(Doc):
    type: Literal["time"]
    after: time | None = None
    before: time | None = None

    _times = field_validator("after", "before", mode="before")(parse_time)

    def build(self) -> m.TimeCondition:
        return m.TimeCondition(self.after, self.before)


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class WeekdayConditionDoc(Doc):
    type: Literal["weekday"]
    days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = Field(min_length=1)

    def build(self) -> m.WeekdayCondition:
        return m.WeekdayCondition(frozenset(_DAYS.index(d) for d in self.days))


class SunConditionDoc(Doc):
    type: Literal["sun"]
    after: m.SunEvent | None = None
    after_offset: float = 0.0
    before: m.SunEvent | None = None
    before_offset: float = 0.0

    def build(self) -> m.SunCondition:
        return m.SunCondition(self.after, self.after_offset, self.before, self.before_offset)


class PresenceConditionDoc(Doc):
    type: Literal["presence"]
    space: str
    person: str | None = None
    present: bool = True

    def build(self) -> m.PresenceCondition:
        return m.PresenceCondition(self.space, self.person, self.present)


class AndConditionDoc(Doc):
    type: Literal["and"]
    conditions: list[ConditionDoc] = Field(min_length=1)

    def build(self) -> m.AndCondition:
        return m.AndCondition(tuple(c.build() for c in self.conditions))


class OrConditionDoc(Doc):
    type: Literal["or"]
    conditions: list[ConditionDoc] = Field(min_length=1)

    def build(self) -> m.OrCondition:
        return m.OrCondition(tuple(c.build() for c in self.conditions))


class NotConditionDoc(Doc):
    type: Literal["not"]
    condition: ConditionDoc

    def build(self) -> m.NotCondition:
        return m.NotCondition(self.condition.build())


ConditionDoc = Annotated[
    PropertyConditionDoc
    | TimeConditionDoc
    | WeekdayConditionDoc
    | SunConditionDoc
    | PresenceConditionDoc
    | AndConditionDoc
    | OrConditionDoc
    | NotConditionDoc,
    Field(discriminator="type"),
]


# -- actions ----------------------------------------------------------------------------------
def _template(value: object) -> object:
    """A validator: a template must compile and use only names templates know."""
    if isinstance(value, str):
        check_template(value)
    return value


def _templates(values: object) -> object:
    if isinstance(values, dict):
        for value in values.values():
            _template(value)
    if isinstance(values, list):
        for value in values:
            _template(value)
    return values


class SetDoc(Doc):
    type: Literal["set"]
    device: str
    path: str
    value: Scalar

    _v = field_validator("value", mode="after")(_template)

    def build(self) -> m.SetStep:
        return m.SetStep(self.device, self.path, self.value)


class CallDoc(Doc):
    type: Literal["call"]
    device: str
    action: str
    arguments: dict[str, Scalar] = Field(default_factory=dict)

    _a = field_validator("arguments", mode="after")(_templates)

    def build(self) -> m.CallStep:
        return m.CallStep(self.device, self.action, tuple(self.arguments.items()))


class DelayDoc(Doc):
    type: Literal["delay"]
    duration: Duration

    _d = field_validator("duration", mode="before")(to_seconds)

    def build(self) -> m.DelayStep:
        return m.DelayStep(self.duration)


class WaitDoc(Doc):
    type: Literal["wait"]
    triggers: list[WaitTriggerDoc] = Field(min_length=1)
    timeout: Duration
    continue_on_timeout: bool = False

    _t = field_validator("timeout", mode="before")(to_seconds)

    def build(self) -> m.WaitStep:
        return m.WaitStep(
            tuple(t.build() for t in self.triggers), self.timeout, self.continue_on_timeout
        )


class OptionDoc(Doc):
    conditions: list[ConditionDoc] = Field(min_length=1)
    actions: list[ActionDoc] = Field(min_length=1)

    def build(self) -> m.ChooseOption:
        return m.ChooseOption(
            tuple(c.build() for c in self.conditions), tuple(a.build() for a in self.actions)
        )


class ChooseDoc(Doc):
    type: Literal["choose"]
    options: list[OptionDoc] = Field(min_length=1)
    default: list[ActionDoc] = Field(default_factory=list, alias="else")

    def build(self) -> m.ChooseStep:
        return m.ChooseStep(
            tuple(o.build() for o in self.options), tuple(a.build() for a in self.default)
        )


class RepeatDoc(Doc):
    type: Literal["repeat"]
    actions: list[ActionDoc] = Field(min_length=1)
    count: int | None = Field(default=None, ge=1)
    while_: list[ConditionDoc] = Field(default_factory=list, alias="while")
    max_loops: int = Field(default=1000, ge=1)

    @model_validator(mode="after")
    def _one(self) -> RepeatDoc:
        if (self.count is None) == (not self.while_):
            raise ValueError("write exactly one of 'count: N' or 'while: [conditions]'")
        return self

    def build(self) -> m.RepeatStep:
        return m.RepeatStep(
            tuple(a.build() for a in self.actions),
            self.count,
            tuple(c.build() for c in self.while_),
            self.max_loops,
        )


class SceneStepDoc(Doc):
    type: Literal["scene"]
    scene: str

    def build(self) -> m.SceneStep:
        return m.SceneStep(self.scene)


class RunDoc(Doc):
    type: Literal["run"]
    automation: str
    wait: bool = False

    def build(self) -> m.RunStep:
        return m.RunStep(self.automation, self.wait)


class NotifyDoc(Doc):
    type: Literal["notify"]
    title: str = Field(min_length=1)
    message: str = ""
    to: list[str] = Field(default_factory=list)
    severity: Literal["info", "warning", "critical"] = "info"
    tag: str = ""
    space: str | None = None

    _t = field_validator("title", "message", mode="after")(_template)
    _r = field_validator("to", mode="after")(_templates)

    @field_validator("to", mode="before")
    @classmethod
    def _one(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    def build(self) -> m.NotifyStep:
        return m.NotifyStep(
            self.title,
            self.message,
            tuple(self.to),
            self.severity,
            self.tag,
            self.space,
        )


ActionDoc = Annotated[
    SetDoc
    | CallDoc
    | DelayDoc
    | WaitDoc
    | ChooseDoc
    | RepeatDoc
    | SceneStepDoc
    | RunDoc
    | NotifyDoc,
    Field(discriminator="type"),
]


# -- the automation ---------------------------------------------------------------------------
class RateLimitDoc(Doc):
    runs: int = Field(ge=1)
    per: Duration

    _p = field_validator("per", mode="before")(to_seconds)


class AutomationDoc(Doc):
    """One automation as written in YAML or sent to the API."""

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.:-]+$")
    name: str = ""
    enabled: bool = True
    version: int = Field(default=1, ge=1)
    mode: m.Mode = m.Mode.SINGLE
    max: int = Field(default=10, ge=1)
    space: str | None = None
    rate_limit: RateLimitDoc | None = None
    owner: str | None = Field(default=None, min_length=1)
    household: bool = False
    triggers: list[TriggerDoc] = Field(min_length=1)
    conditions: list[ConditionDoc] = Field(default_factory=list)
    actions: list[ActionDoc] = Field(min_length=1)

    def build(self) -> m.Automation:
        """The engine's record of this automation."""
        limit = self.rate_limit
        return m.Automation(
            id=self.id,
            name=self.name or self.id,
            triggers=tuple(t.build() for t in self.triggers),
            conditions=tuple(c.build() for c in self.conditions),
            actions=tuple(a.build() for a in self.actions),
            enabled=self.enabled,
            version=self.version,
            mode=self.mode,
            max_runs=self.max,
            space=self.space,
            rate_limit=None if limit is None else m.RateLimit(limit.runs, limit.per),
            owner=self.owner,
            household=self.household,
        )


def _alias(value: object) -> str:
    """A validator: one alias, a non-empty name (surrounding spaces dropped)."""
    if not isinstance(value, str):
        raise ValueError(f"an alias is a name written as text, e.g. '晚安' (got {value!r})")
    if not value.strip():
        raise ValueError("an alias cannot be empty; write a name or remove the entry")
    return value.strip()


Alias = Annotated[str, BeforeValidator(_alias)]


class SceneDoc(Doc):
    """A scene written by hand: values by device, then by property path."""

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.:-]+$")
    name: str = ""
    aliases: list[Alias] = Field(default_factory=list)
    values: dict[str, dict[str, Scalar]] = Field(min_length=1)

    @field_validator("aliases", mode="before")
    @classmethod
    def _list(cls, value: object) -> object:
        if not isinstance(value, list):
            raise ValueError(
                f"aliases must be a list of names, e.g. aliases: ['晚安', 'good night'] "
                f"(got {value!r})"
            )
        return value

    def build(self) -> Scene:
        """The engine's scene."""
        values = tuple(
            (device, path, value)
            for device, props in self.values.items()
            for path, value in props.items()
        )
        aliases = tuple(dict.fromkeys(self.aliases))
        return Scene(self.id, self.name or self.id, values, aliases)


class DocumentDoc(Doc):
    """A YAML file: automations under ``automations:``, scenes under ``scenes:``."""

    automations: list[AutomationDoc] = Field(default_factory=list)
    scenes: list[SceneDoc] = Field(default_factory=list)


def _rebuild() -> None:
    namespace: dict[str, Any] = dict(globals())
    models: tuple[type[BaseModel], ...] = (
        AndConditionDoc,
        OrConditionDoc,
        NotConditionDoc,
        OptionDoc,
        ChooseDoc,
        RepeatDoc,
        WaitDoc,
        AutomationDoc,
        DocumentDoc,
    )
    for model in models:
        model.model_rebuild(_types_namespace=namespace)


_rebuild()
