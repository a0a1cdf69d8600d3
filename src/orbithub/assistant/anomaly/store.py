"""Alerts kept in one JSON file in the data directory, written atomically."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from orbithub.assistant.anomaly.model import Alert, AlertKind
from orbithub.assistant.suggest.store import read_json, write_json_atomic

__all__ = ["AlertStore"]

_LOGGER = logging.getLogger(__name__)
_VERSION = 1


def _alert_json(a: Alert) -> dict[str, object]:
    return {
        "id": a.id,
        "kind": str(a.kind),
        "space_id": a.space_id,
        "device_id": a.device_id,
        "path": a.path,
        "time": a.time,
        "value": a.value,
        "usual": a.usual,
        "spread": a.spread,
        "title_en": a.title_en,
        "title_zh": a.title_zh,
        "message_en": a.message_en,
        "message_zh": a.message_zh,
        "active": a.active,
        "ended_at": a.ended_at,
        "dismissed": a.dismissed,
    }


def _alert(raw: Mapping[str, Any]) -> Alert:
    ended = raw.get("ended_at")
    return Alert(
        id=str(raw["id"]),
        kind=AlertKind(raw["kind"]),
        space_id=str(raw["space_id"]),
        device_id=str(raw["device_id"]),
        path=str(raw["path"]),
        time=float(raw["time"]),
        value=float(raw["value"]),
        usual=float(raw["usual"]),
        spread=float(raw["spread"]),
        title_en=str(raw["title_en"]),
        title_zh=str(raw["title_zh"]),
        message_en=str(raw["message_en"]),
        message_zh=str(raw["message_zh"]),
        active=bool(raw["active"]),
        ended_at=None if ended is None else float(ended),
        dismissed=bool(raw.get("dismissed", False)),
    )


class AlertStore:
    """Reads and writes the alerts file at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = asyncio.Lock()

    async def load(self) -> list[Alert]:
        """Every readable alert in the file, oldest first; unreadable ones are logged."""
        data = await asyncio.to_thread(read_json, self.path)
        entries = data.get("alerts", []) if isinstance(data, dict) else []
        alerts: list[Alert] = []
        for entry in entries if isinstance(entries, list) else []:
            try:
                alerts.append(_alert(entry))
            except (KeyError, TypeError, ValueError) as exc:
                _LOGGER.warning("skipping an unreadable alert in %s: %s", self.path, exc)
        return alerts

    async def save(self, alerts: Iterable[Alert]) -> None:
        """Replace the file with these alerts, atomically."""
        data = {"version": _VERSION, "alerts": [_alert_json(a) for a in alerts]}
        async with self._lock:
            await asyncio.to_thread(write_json_atomic, self.path, data)
