"""An automation sent to the API: its body read as JSON or YAML, whose it is, its problems.

Every way an automation is saved over HTTP (``POST``/``PUT /api/automations``, accepting a
suggestion) reads it, decides its owner and answers its problems here, so they agree.

The app's YAML editor marks each problem at its line, so a YAML body's errors carry the line
(from 1) its path points at: a syntax error where the parser stopped, an invalid field or a
refused device where the field is written. Nothing is saved while any problem remains.
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass
from typing import TypedDict

import orjson
import yaml
from fastapi import Request

from orbithub.access import Principal
from orbithub.api.errors import ApiError
from orbithub.api.services import required, services_of
from orbithub.automation.engine import Engine
from orbithub.automation.errors import (
    AutomationError,
    AutomationFileError,
    AutomationIssue,
    AutomationRefusedError,
    UnknownAutomationError,
)
from orbithub.automation.library import (
    AutomationExistsError,
    AutomationLibrary,
    ReadOnlyAutomationError,
)
from orbithub.automation.loader import with_lines
from orbithub.bounded import LimitExceeded
from orbithub.bounded.documents import DocumentTooLarge, load_json, load_yaml

__all__ = [
    "AutomationBody",
    "Ownership",
    "automation_engine",
    "automation_library",
    "edit_error",
    "library_of",
    "owned_by",
    "read_body",
]

_WRAPPED = "automations[0]."


@dataclass(frozen=True, slots=True)
class AutomationBody:
    """One automation as data, and the YAML text it came from (None: it came as JSON).

    ``wrapped``: it came in a whole file's shape (``automations: [...]``), so its problems'
    paths are one level deeper in the text.
    """

    data: dict[str, object]
    text: str | None = None
    wrapped: bool = False


def _kind(context: str, problem: str) -> str:
    """What went wrong in words an app can say in its language: the usual slips by name."""
    if "'\\t'" in problem:
        return "tab"
    if "quoted scalar" in context or "flow sequence" in context or "flow mapping" in context:
        return "unclosed"
    if "<block end>" in problem or "mapping values are not allowed" in problem:
        return "indentation"
    return "syntax"


def _yaml_error(exc: yaml.YAMLError) -> ApiError:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "not valid YAML"
    context = getattr(exc, "context", None)
    kind = _kind(str(context or ""), str(problem))
    # Never the parser's own text: it quotes the input back.
    what = f"{context}, {problem}" if context else str(problem)
    if mark is None:
        return ApiError(422, "invalid_yaml", f"the YAML is not valid: {what}", detail={})
    line, column = mark.line + 1, mark.column + 1
    return ApiError(
        422,
        "invalid_yaml",
        f"line {line}, column {column}: {what}; fix the YAML there",
        detail={
            "errors": [{"path": "-", "message": what, "kind": kind, "line": line, "column": column}]
        },
    )


async def read_body(request: Request) -> AutomationBody:
    """The request body as one automation: YAML when the content type says so, else JSON.

    Raises:
        ApiError: 400 malformed JSON or not one object, 413 too large, 422 invalid YAML (with
            its line) or a document over the limits.
    """
    raw = await request.body()
    is_yaml = "yaml" in request.headers.get("content-type", "application/json").lower()
    try:
        # In a thread: even within its limits a YAML body takes PyYAML (pure Python here, for
        # the counting composer) up to a few hundred milliseconds.
        data: object = await asyncio.to_thread(load_yaml if is_yaml else load_json, raw)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc) from None
    except orjson.JSONDecodeError as exc:
        raise ApiError(
            400, "malformed_body", f"the body is not valid JSON: {exc}; send one automation"
        ) from None
    except DocumentTooLarge as exc:
        raise ApiError(413, "too_large", str(exc)) from None
    except LimitExceeded as exc:
        # Never the document itself: an alias bomb quoted back would be the bomb going off.
        raise ApiError(
            422, "document_too_complex", f"{exc}; send one plain automation", detail={}
        ) from None
    wrapped = False
    # A whole file's shape with one automation is accepted too.
    if isinstance(data, dict) and set(data) == {"automations"}:
        items = data["automations"]
        if isinstance(items, list) and len(items) == 1:
            data, wrapped = items[0], True
    if not isinstance(data, dict):
        raise ApiError(400, "malformed_body", "send one automation as an object (id, triggers...)")
    text = raw.decode("utf-8", errors="replace") if is_yaml else None
    return AutomationBody(data, text, wrapped)


def _errors(issues: list[AutomationIssue], body: AutomationBody | None) -> list[dict[str, object]]:
    lines: list[int | None] = [None] * len(issues)
    if body is not None and body.text is not None:
        prefix = _WRAPPED if body.wrapped else ""
        deeper = [dataclasses.replace(i, path=prefix + i.path) for i in issues]
        lines = [i.line for i in with_lines(deeper, body.text)]
    return [
        {"path": i.path, "message": i.message} | ({} if line is None else {"line": line})
        for i, line in zip(issues, lines, strict=True)
    ]


def _answer(status: int, code: str, errors: list[dict[str, object]]) -> ApiError:
    first = errors[0]
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    return ApiError(
        status, code, f"{first['path']}: {first['message']}{more}", detail={"errors": errors}
    )


def edit_error(exc: AutomationError, body: AutomationBody | None = None) -> ApiError:
    """The answer to an automation the library refused to save or delete."""
    if isinstance(exc, AutomationFileError):
        return _answer(422, "invalid_automation", _errors(exc.issues, body))
    if isinstance(exc, AutomationRefusedError):
        return _answer(403, "forbidden", _errors(exc.issues, body))
    if isinstance(exc, UnknownAutomationError):
        return ApiError(404, "not_found", str(exc))
    if isinstance(exc, ReadOnlyAutomationError):
        return ApiError(409, "read_only", str(exc))
    if isinstance(exc, AutomationExistsError):
        return ApiError(409, "conflict", str(exc))
    return ApiError(503, "unavailable", str(exc))


def automation_engine(request: Request) -> Engine:
    """The running automation engine (503 while it is not running)."""
    return required(services_of(request).automations, "the automation engine is")


def library_of(engine: Engine) -> AutomationLibrary:
    """Where the engine keeps the automations the API writes (503 when nowhere)."""
    if engine.library is None:
        raise ApiError(
            503,
            "unavailable",
            "automations are not backed by a folder here; edit them where they are defined",
        )
    return engine.library


def automation_library(request: Request) -> AutomationLibrary:
    """The running engine's library (503 without an engine or a folder)."""
    return library_of(automation_engine(request))


class Ownership(TypedDict):
    """The keyword arguments of ``AutomationLibrary.save`` that say whose an automation is."""

    owner: str
    household: bool
    rights: Principal


def owned_by(principal: Principal, data: object) -> Ownership:
    """Who an automation saved by ``principal`` belongs to, and whose rights check it.

    Raises:
        ApiError: 403 when someone other than an owner of the hub asks for a household one.
    """
    household = isinstance(data, dict) and data.get("household") is True
    if household and not principal.is_owner:
        raise ApiError(
            403,
            "forbidden",
            "only an owner of the hub may mark an automation household (run with the hub's "
            "own rights); leave household out and it runs with yours",
        )
    return Ownership(owner=principal.user_id, household=household, rights=principal)
