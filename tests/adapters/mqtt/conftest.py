"""Fixture loading for the MQTT mapping tests: own fixtures, and the recorded extra layer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "fixtures"
OWN = Path(__file__).resolve().parents[2] / "fixtures" / "mqtt"
SHARED_HA = SHARED / "ha-discovery"
SHARED_Z2M = SHARED / "zigbee2mqtt"


def shared_dir(path: Path) -> Path:
    """``path`` inside ../shared/fixtures, or skip the test with the reason."""
    if not path.is_dir():
        pytest.skip(
            f"optional extra layer: no recorded fixtures at {path} (a fresh clone has no "
            "../shared); the project's own fixtures in tests/fixtures ran"
        )
    return path


def load(path: Path) -> dict[str, Any]:
    """A fixture file: ``{"topic": ..., "payload": ..., "source": ...}``."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def payload_bytes(fixture: dict[str, Any]) -> bytes:
    """The fixture's payload as the bytes a broker would deliver."""
    return orjson.dumps(fixture["payload"])
