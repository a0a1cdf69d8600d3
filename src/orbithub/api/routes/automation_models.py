"""What the automation and scene routes answer, and what their OpenAPI says of errors and bodies."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel

__all__ = [
    "BODY",
    "ERRORS",
    "AutomationOut",
    "LangQuery",
    "LastRunOut",
    "RunOut",
    "RunStartedOut",
    "SceneOut",
    "SceneResultOut",
    "StepOut",
    "TracesOut",
    "WebhookOut",
    "WhyOut",
]


ERRORS: dict[int | str, dict[str, Any]] = {
    403: {
        "description": "only an owner or an adult may manage automations, and only with "
        "devices they may control and see; detail.errors names each device refused"
    },
    404: {"description": "no automation (or scene) with that id that the caller may see"},
    409: {"description": "the id is taken, or the automation lives in a hand-written file"},
    422: {"description": "the automation is invalid; detail.errors names each field"},
    503: {"description": "the automation engine is not running"},
}
BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "application/yaml": {"schema": {"type": "string"}},
        },
    }
}


LangQuery = Annotated[
    str | None,
    Query(
        max_length=20,
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="the language of the sentences: en, zh (zh-CN) or de; else the person's",
    ),
]


class LastRunOut(BaseModel):
    """The latest run of an automation."""

    run_id: str
    status: str
    started: float
    finished: float | None
    error: str | None


class AutomationOut(BaseModel):
    """An automation with its live status."""

    id: str
    name: str
    enabled: bool
    mode: str
    space_id: str | None
    triggers: list[str]
    source: str | None
    editable: bool
    owner: str | None
    household: bool
    running: int
    last_run: LastRunOut | None
    document: dict[str, Any]


class StepOut(BaseModel):
    """One step of a run."""

    path: str
    kind: str
    started: float
    finished: float | None
    result: str
    error: str | None


class RunOut(BaseModel):
    """One run, step by step, with its explanation."""

    run_id: str
    trigger: str
    status: str
    started: float
    finished: float | None
    error: str | None
    resumed: bool
    steps: list[StepOut]
    explanation: list[str]


class TracesOut(BaseModel):
    """The kept runs of an automation, oldest first."""

    automation_id: str
    runs: list[RunOut]


class WhyOut(BaseModel):
    """One trigger evaluation that did not start a run, and why."""

    time: float
    trigger: str
    code: str
    text: str


class RunStartedOut(BaseModel):
    """What firing an automation did."""

    started: bool
    run_id: str | None
    reason: str | None


class SceneOut(BaseModel):
    """A scene, the other names it answers to (the assistant's too) and the devices it sets."""

    id: str
    name: str
    aliases: list[str]
    devices: list[str]
    values: int


class SceneResultOut(BaseModel):
    """What activating a scene did."""

    scene_id: str
    applied: list[str]
    failed: list[dict[str, str]]


class WebhookOut(BaseModel):
    """How many automations a webhook started."""

    webhook_id: str
    runs: int
