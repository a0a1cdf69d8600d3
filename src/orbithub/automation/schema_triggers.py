"""The YAML/API shape of triggers, and the duration and time-of-day forms every part accepts."""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from orbithub.automation import model as m

__all__ = [
    "Duration",
    "Scalar",
    "TriggerDoc",
    "WaitTriggerDoc",
    "parse_duration",
    "parse_time",
]

Scalar = bool | int | float | str

_DURATION = re.compile(
    r"^\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s)?\s*$"
)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def parse_duration(raw: object) -> float:
    """Seconds from ``90``, ``"90s"``, ``"10m"``, ``"1h30m"`` or ``"00:10:00"``.

    Raises:
        ValueError: the text is none of those forms, or negative.
    """
    if isinstance(raw, bool):
        raise ValueError(f"{raw!r} is not a duration; write seconds (90) or text like '10m'")
    if isinstance(raw, int | float):
        if raw < 0:
            raise ValueError(f"a duration cannot be negative, got {raw}")
        return float(raw)
    if isinstance(raw, str):
        clock = _CLOCK.match(raw.strip())
        if clock and clock.group(3) is not None:
            h, mi, s = (int(g) for g in clock.groups())
            return float(h * 3600 + mi * 60 + s)
        found = _DURATION.match(raw)
        if found and any(found.groups()):
            h2, m2, s2 = (float(g) if g else 0.0 for g in found.groups())
            return h2 * 3600 + m2 * 60 + s2
    raise ValueError(
        f"{raw!r} is not a duration; write seconds (90), '90s', '10m', '1h30m' or '00:10:00'"
    )


def parse_time(raw: object) -> time:
    """A local time of day from ``"07:30"`` or ``"07:30:15"``.

    Raises:
        ValueError: not a time of day.
    """
    if isinstance(raw, time):
        return raw
    if isinstance(raw, int) and not isinstance(raw, bool):
        # YAML 1.1 reads an unquoted 07:30 as the base-60 number 450; whether that meant
        # hh:mm or mm:ss cannot be told, so ask for quotes rather than guess.
        raise ValueError(
            f"YAML read this time as the number {raw} (an unquoted hh:mm); "
            "quote it, e.g. at: '07:30'"
        )
    if isinstance(raw, str):
        found = _CLOCK.match(raw.strip())
        if found:
            h, mi, s = int(found.group(1)), int(found.group(2)), int(found.group(3) or 0)
            if h < 24 and mi < 60 and s < 60:
                return time(h, mi, s)
    raise ValueError(f"{raw!r} is not a time of day; write it quoted as 'HH:MM', e.g. '07:30'")


Duration = Annotated[float, Field(ge=0)]
_STRICT = ConfigDict(extra="forbid", populate_by_name=True)


class Doc(BaseModel):
    """Strict base: unknown fields are errors, aliases and names both accepted."""

    model_config = _STRICT


def to_seconds(value: object) -> float:
    """A validator: seconds from any duration form (see :func:`parse_duration`)."""
    return parse_duration(value)


# -- triggers ---------------------------------------------------------------------------------
class PropertyTriggerDoc(Doc):
    type: Literal["property"]
    device: str
    path: str
    to: Scalar | None = None
    from_: Scalar | None = Field(default=None, alias="from")
    above: float | None = None
    below: float | None = None
    for_: Duration = Field(default=0.0, alias="for")

    _for = field_validator("for_", mode="before")(to_seconds)

    @model_validator(mode="after")
    def _range(self) -> PropertyTriggerDoc:
        if self.above is not None and self.below is not None and self.above >= self.below:
            raise ValueError(
                f"above ({self.above}) must be less than below ({self.below}); "
                "for 'outside a range' write two triggers"
            )
        return self

    def build(self) -> m.PropertyTrigger:
        return m.PropertyTrigger(
            self.device, self.path, self.to, self.from_, self.above, self.below, self.for_
        )


class EventTriggerDoc(Doc):
    type: Literal["event"]
    device: str
    event: str
    arguments: dict[str, Scalar] = Field(default_factory=dict)

    def build(self) -> m.EventTrigger:
        return m.EventTrigger(self.device, self.event, tuple(sorted(self.arguments.items())))


class OnlineTriggerDoc(Doc):
    type: Literal["online"]
    device: str
    online: bool = True

    def build(self) -> m.OnlineTrigger:
        return m.OnlineTrigger(self.device, self.online)


class TimeTriggerDoc(Doc):
    type: Literal["time"]
    at: time
    catch_up: m.CatchUp = m.CatchUp.SKIP

    _at = field_validator("at", mode="before")(parse_time)

    def build(self) -> m.TimeTrigger:
        return m.TimeTrigger(self.at, self.catch_up)


class CronTriggerDoc(Doc):
    type: Literal["cron"]
    cron: str
    catch_up: m.CatchUp = m.CatchUp.SKIP

    @field_validator("cron")
    @classmethod
    def _valid(cls, value: str) -> str:
        from croniter import croniter  # type: ignore[import-untyped]  # ships no type hints

        if not croniter.is_valid(value):
            raise ValueError(
                f"{value!r} is not a cron expression; write five fields "
                "'minute hour day month weekday', e.g. '0 7 * * mon-fri'"
            )
        return value

    def build(self) -> m.CronTrigger:
        return m.CronTrigger(self.cron, self.catch_up)


class SunTriggerDoc(Doc):
    type: Literal["sun"]
    event: m.SunEvent
    offset: float = 0.0
    catch_up: m.CatchUp = m.CatchUp.SKIP

    @field_validator("offset", mode="before")
    @classmethod
    def _offset(cls, value: object) -> float:
        if isinstance(value, str) and value.strip().startswith("-"):
            return -parse_duration(value.strip()[1:])
        return parse_duration(value) if not isinstance(value, int | float) else float(value)

    def build(self) -> m.SunTrigger:
        return m.SunTrigger(self.event, self.offset, self.catch_up)


class ManualTriggerDoc(Doc):
    type: Literal["manual"]

    def build(self) -> m.ManualTrigger:
        return m.ManualTrigger()


class ZoneTriggerDoc(Doc):
    type: Literal["zone"]
    space: str
    event: Literal["enter", "leave"]
    device: str | None = None
    person: str | None = None

    @model_validator(mode="after")
    def _one(self) -> ZoneTriggerDoc:
        if self.device is not None and self.person is not None:
            raise ValueError(
                "write 'device' (one phone or vehicle) or 'person' (any of their devices), not both"
            )
        return self

    def build(self) -> m.ZoneTrigger:
        return m.ZoneTrigger(self.space, self.event == "enter", self.device, self.person)


class PresenceTriggerDoc(Doc):
    type: Literal["presence"]
    space: str
    event: m.PresenceEvent
    person: str | None = None

    @model_validator(mode="after")
    def _person(self) -> PresenceTriggerDoc:
        if self.person is not None and self.event not in (
            m.PresenceEvent.ARRIVED,
            m.PresenceEvent.LEFT,
        ):
            raise ValueError(
                f"'person' goes with event 'arrived' or 'left', not {str(self.event)!r} "
                "(the first to arrive or the last to leave is whoever it is)"
            )
        return self

    def build(self) -> m.PresenceTrigger:
        return m.PresenceTrigger(self.space, self.event, self.person)


class EtaTriggerDoc(Doc):
    type: Literal["eta"]
    device: str
    space: str
    within: Annotated[float, Field(gt=0)]
    min_confidence: float = Field(default=0.3, ge=0, le=1)

    _w = field_validator("within", mode="before")(to_seconds)

    def build(self) -> m.EtaTrigger:
        return m.EtaTrigger(self.device, self.space, self.within, self.min_confidence)


class WebhookTriggerDoc(Doc):
    type: Literal["webhook"]
    id: str = Field(min_length=8, pattern=r"^[A-Za-z0-9_-]+$")

    @field_validator("id", mode="before")
    @classmethod
    def _long(cls, value: object) -> object:
        # Anyone who knows the id can fire it: a short, guessable id is a door left open.
        if isinstance(value, str) and len(value) < 8:
            raise ValueError(
                f"webhook id {value!r} is too short to keep secret; use at least 8 letters, "
                "digits, '-' or '_' (e.g. 'garage-button-7f3k9q')"
            )
        return value

    def build(self) -> m.WebhookTrigger:
        return m.WebhookTrigger(self.id)


TriggerDoc = Annotated[
    PropertyTriggerDoc
    | EventTriggerDoc
    | OnlineTriggerDoc
    | TimeTriggerDoc
    | CronTriggerDoc
    | SunTriggerDoc
    | ManualTriggerDoc
    | ZoneTriggerDoc
    | PresenceTriggerDoc
    | EtaTriggerDoc
    | WebhookTriggerDoc,
    Field(discriminator="type"),
]
WaitTriggerDoc = Annotated[
    PropertyTriggerDoc | EventTriggerDoc | OnlineTriggerDoc | ZoneTriggerDoc | PresenceTriggerDoc,
    Field(discriminator="type"),
]
