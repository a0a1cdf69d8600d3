"""Load automations from YAML files or API bodies, with every error located and explained."""

from __future__ import annotations

import dataclasses
import difflib
import re
import reprlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from orbithub.automation.errors import AutomationFileError, AutomationIssue
from orbithub.automation.model import Automation
from orbithub.automation.scenes import Scene
from orbithub.automation.schema import AutomationDoc, DocumentDoc
from orbithub.bounded import LimitExceeded
from orbithub.bounded.documents import FILE_LIMITS, compose_yaml, load_yaml

__all__ = [
    "load_automations",
    "load_documents",
    "parse_automation",
    "parse_automations",
    "parse_document",
]

_T = TypeVar("_T", bound=BaseModel)
# A wrong value is quoted in its error, briefly: the input may be large (or a YAML alias bomb).
_SHOWN = reprlib.Repr()
_SHOWN.maxlevel, _SHOWN.maxdict, _SHOWN.maxlist, _SHOWN.maxstring = 2, 4, 4, 60
_TAGGED = ("triggers", "conditions", "actions", "default", "while", "else", "condition")


def load_automations(path: Path | str) -> list[Automation]:
    """Every automation in a YAML file, or in the ``*.yaml``/``*.yml`` files of a folder.

    It reads files: from the event loop, call it through ``asyncio.to_thread``.

    Raises:
        AutomationFileError: with every problem of every file (file, path and what to write).
    """
    automations, _ = load_documents(path)
    return automations


def load_documents(path: Path | str) -> tuple[list[Automation], list[Scene]]:
    """Every automation and every scene in a YAML file or a folder of them.

    It reads files: from the event loop, call it through ``asyncio.to_thread``.

    Raises:
        AutomationFileError: with every problem of every file (file, path and what to write).
    """
    root = Path(path)
    files = (
        sorted(p for p in root.iterdir() if p.suffix in (".yaml", ".yml"))
        if root.is_dir()
        else [root]
    )
    automations: list[Automation] = []
    scenes: list[Scene] = []
    issues: list[AutomationIssue] = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            issues.append(AutomationIssue(str(file), "-", f"cannot read it: {exc.strerror}"))
            continue
        try:
            data = load_yaml(text, FILE_LIMITS)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark is not None else "-"
            issues.append(AutomationIssue(str(file), where, f"not valid YAML: {exc}"))
            continue
        except LimitExceeded as exc:
            issues.append(AutomationIssue(str(file), "-", f"refused: {exc}"))
            continue
        try:
            found, found_scenes = parse_document(data, source=str(file))
        except AutomationFileError as exc:
            issues.extend(with_lines(exc.issues, text))
            continue
        automations.extend(found)
        scenes.extend(found_scenes)
    issues.extend(_duplicates(automations, files))
    issues.extend(_duplicates(scenes, files, "scenes"))
    if issues:
        raise AutomationFileError(issues)
    return automations, scenes


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def with_lines(issues: Sequence[AutomationIssue], text: str) -> list[AutomationIssue]:
    """The issues with the line of the YAML ``text`` each one's path points at."""
    try:
        root = compose_yaml(text, FILE_LIMITS)
    except (yaml.YAMLError, LimitExceeded):
        return list(issues)
    if root is None:
        return list(issues)
    return [dataclasses.replace(i, line=_line(root, i.path)) for i in issues]


def _line(root: yaml.Node, path: str) -> int | None:
    """The line (from 1) of the deepest node of ``path`` the document has."""
    node: yaml.Node = root
    line = root.start_mark.line
    for name, index in _PART.findall(path):
        if index and isinstance(node, yaml.SequenceNode):
            position = int(index)
            if position >= len(node.value):
                break
            node = node.value[position]
            line = node.start_mark.line
        elif name and isinstance(node, yaml.MappingNode):
            pair = next((p for p in node.value if getattr(p[0], "value", None) == name), None)
            if pair is None:
                break  # a missing field: the line of the mapping that lacks it
            line = pair[0].start_mark.line
            node = pair[1]
        else:
            break
    return line + 1 if path != "-" else None


def parse_automations(data: object, *, source: str = "<api>") -> list[Automation]:
    """Automations from a parsed document ``{"automations": [...]}``.

    Raises:
        AutomationFileError: the document is invalid.
    """
    return parse_document(data, source=source)[0]


def parse_document(data: object, *, source: str = "<api>") -> tuple[list[Automation], list[Scene]]:
    """Automations and scenes from a parsed document.

    Raises:
        AutomationFileError: the document is invalid.
    """
    if data is None:
        return [], []
    if not isinstance(data, dict):
        raise AutomationFileError(
            [AutomationIssue(source, "-", "the file must be a mapping with 'automations: [...]'")]
        )
    doc = _validate(DocumentDoc, data, source)
    built = [a.build() for a in doc.automations]
    scenes = [s.build() for s in doc.scenes]
    issues = _duplicates(built, []) + _duplicates(scenes, [], "scenes")
    if issues:
        raise AutomationFileError([AutomationIssue(source, i.path, i.message) for i in issues])
    return built, scenes


def parse_automation(data: object, *, source: str = "<api>") -> Automation:
    """One automation from an API body.

    Raises:
        AutomationFileError: the body is invalid.
    """
    return _validate(AutomationDoc, data, source).build()


def _validate(model: type[_T], data: object, source: str) -> _T:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise AutomationFileError(
            [_issue(source, data, err) for err in exc.errors(include_url=False)]
        ) from None


def _issue(source: str, data: object, err: ErrorDetails) -> AutomationIssue:
    path, node = _path(data, err["loc"])
    return AutomationIssue(source, path or "-", _message(err, node))


def _path(data: object, loc: Sequence[int | str]) -> tuple[str, object]:
    """``automations[2].triggers[0].above`` from pydantic's loc, without the union tags."""
    text = ""
    node: object = data
    parent: object = None
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            parent, node = node, node[part] if isinstance(node, list) and part < len(node) else None
            continue
        if isinstance(node, dict) and node.get("type") == part and part not in node:
            continue  # the discriminated union's tag: not a place in the document
        text += f".{part}" if text else part
        parent = node
        node = node.get(part) if isinstance(node, dict) else None
    return text, parent


def _message(err: ErrorDetails, parent: object) -> str:
    kind = err["type"]
    field = str(err["loc"][-1]) if err["loc"] else ""
    if kind == "extra_forbidden":
        known = _known_fields(err, parent)
        close = difflib.get_close_matches(field, known, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown field {field!r}; {hint}allowed here: {', '.join(known)}"
    if kind == "missing":
        return f"required field {field!r} is missing; add '{field}: ...'"
    if kind == "union_tag_invalid":
        ctx: dict[str, Any] = dict(err.get("ctx") or {})
        tag = ctx.get("tag", "?")
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        close = difflib.get_close_matches(str(tag), expected.split(", "), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown type {tag!r}; {hint}write one of: {expected}"
    if kind == "union_tag_not_found":
        return "each entry needs a 'type:' (e.g. 'type: property')"
    text = err["msg"].removeprefix("Value error, ")
    return f"{text} (got {_SHOWN.repr(err['input'])})" if kind != "value_error" else text


def _known_fields(err: ErrorDetails, parent: object) -> list[str]:
    from orbithub.automation import schema, schema_triggers

    kind = parent.get("type") if isinstance(parent, dict) else None
    docs: list[type[BaseModel]] = [
        v
        for module in (schema_triggers, schema)
        for v in vars(module).values()
        if isinstance(v, type) and issubclass(v, BaseModel) and v is not BaseModel
    ]
    loc = [p for p in err["loc"] if isinstance(p, str)]
    section = next((p for p in reversed(loc[:-1]) if p in _TAGGED), None)
    for doc in docs:
        field = doc.model_fields.get("type")
        if kind is None or field is None or field.annotation is None:
            continue
        if kind not in getattr(field.annotation, "__args__", ()):
            continue
        if section in ("conditions", "while", "condition") and "Condition" not in doc.__name__:
            continue
        if section == "triggers" and "Trigger" not in doc.__name__:
            continue
        if section in ("actions", "default", "else") and (
            "Trigger" in doc.__name__ or "Condition" in doc.__name__
        ):
            continue
        return sorted(f.alias or name for name, f in doc.model_fields.items())
    untyped: dict[str, type[BaseModel]] = {
        "automations": schema.AutomationDoc,
        "scenes": schema.SceneDoc,
        "options": schema.OptionDoc,
        "rate_limit": schema.RateLimitDoc,
    }
    owner = next((untyped[p] for p in reversed(loc[:-1]) if p in untyped), None)
    if kind is None and owner is not None:
        return sorted(f.alias or n for n, f in owner.model_fields.items())
    return []


def _duplicates(
    items: Sequence[Automation | Scene], files: list[Path], section: str = "automations"
) -> list[AutomationIssue]:
    seen: set[str] = set()
    issues: list[AutomationIssue] = []
    what = section.removesuffix("s")
    for index, item in enumerate(items):
        if item.id in seen:
            where = ", ".join(str(f) for f in files) or "<api>"
            issues.append(
                AutomationIssue(
                    where,
                    f"{section}[{index}].id",
                    f"id {item.id!r} is used twice; give each {what} its own id",
                )
            )
        seen.add(item.id)
    return issues
