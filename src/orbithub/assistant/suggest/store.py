"""Suggestions and the decisions about them, kept in one JSON file written atomically.

The file is small (a few dozen suggestions and the fingerprints of rejected ones), so it is
rewritten whole: to a temporary file in the same folder, flushed to disk, then renamed over the
old one, so a crash leaves either the old file or the new one, never half of each.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

from orbithub.assistant.suggest.model import Candidate, Status, Suggestion, SuggestionKind
from orbithub.files import set_aside, write_atomically
from orbithub.spec.model import Value

__all__ = ["SuggestionStore", "read_json", "write_json_atomic"]

_LOGGER = logging.getLogger(__name__)
_VERSION = 1


def write_json_atomic(path: Path, data: object) -> None:
    """Replace ``path`` with ``data`` as JSON, all or nothing. Blocking: use a thread."""
    write_atomically(path, orjson.dumps(data, option=orjson.OPT_INDENT_2))


def read_json(path: Path) -> Any:
    """The JSON in ``path``; None when missing. A corrupt file is kept aside and logged.

    Blocking: use a thread.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        aside = set_aside(path, "corrupt")
        _LOGGER.error(
            "%s is not valid JSON (%s); moved it to %s and starting empty; restore it from a "
            "backup if it mattered",
            path,
            exc,
            aside,
        )
        return None


def _candidate_json(c: Candidate) -> dict[str, object]:
    return {
        "kind": str(c.kind),
        "fingerprint": c.fingerprint,
        "space_id": c.space_id,
        "device_id": c.device_id,
        "path": c.path,
        "value": c.value,
        "support": c.support,
        "opportunities": c.opportunities,
        "explanation_en": c.explanation_en,
        "explanation_zh": c.explanation_zh,
        "title_en": c.title_en,
        "title_zh": c.title_zh,
        "document": dict(c.document),
    }


def _value(raw: object) -> Value:
    if isinstance(raw, bool | int | float | str):
        return raw
    raise ValueError(f"not a property value: {raw!r}")


def _candidate(raw: Mapping[str, Any]) -> Candidate:
    document = raw["document"]
    if not isinstance(document, dict):
        raise ValueError("document is not an object")
    return Candidate(
        kind=SuggestionKind(raw["kind"]),
        fingerprint=str(raw["fingerprint"]),
        space_id=str(raw["space_id"]),
        device_id=str(raw["device_id"]),
        path=str(raw["path"]),
        value=_value(raw["value"]),
        support=int(raw["support"]),
        opportunities=int(raw["opportunities"]),
        explanation_en=str(raw["explanation_en"]),
        explanation_zh=str(raw["explanation_zh"]),
        title_en=str(raw["title_en"]),
        title_zh=str(raw["title_zh"]),
        document=document,
    )


def _suggestion_json(s: Suggestion) -> dict[str, object]:
    return {
        "id": s.id,
        "status": str(s.status),
        "proposed_at": s.proposed_at,
        "decided_at": s.decided_at,
        "decided_by": s.decided_by,
        "candidate": _candidate_json(s.candidate),
    }


def _suggestion(raw: Mapping[str, Any]) -> Suggestion:
    decided_at = raw.get("decided_at")
    decided_by = raw.get("decided_by")
    return Suggestion(
        id=str(raw["id"]),
        candidate=_candidate(raw["candidate"]),
        status=Status(raw["status"]),
        proposed_at=float(raw["proposed_at"]),
        decided_at=None if decided_at is None else float(decided_at),
        decided_by=None if decided_by is None else str(decided_by),
    )


class SuggestionStore:
    """Every suggestion ever shown, by id, persisted to ``path``.

    Loop only for reads and changes; :meth:`save` writes in a worker thread.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.suggestions: dict[str, Suggestion] = {}
        self._lock = asyncio.Lock()

    async def load(self) -> None:
        """Read the file; unreadable entries are logged and skipped, the rest kept."""
        data = await asyncio.to_thread(read_json, self.path)
        self.suggestions = {}
        if data is None:
            return
        entries = data.get("suggestions", []) if isinstance(data, dict) else []
        for entry in entries if isinstance(entries, list) else []:
            try:
                suggestion = _suggestion(entry)
            except (KeyError, TypeError, ValueError) as exc:
                _LOGGER.warning("skipping an unreadable suggestion in %s: %s", self.path, exc)
                continue
            self.suggestions[suggestion.id] = suggestion

    async def save(self) -> None:
        """Write every suggestion to the file, atomically."""
        data = {
            "version": _VERSION,
            "suggestions": [_suggestion_json(s) for s in self.suggestions.values()],
        }
        async with self._lock:
            await asyncio.to_thread(write_json_atomic, self.path, data)
