"""The demo's scenes and automations, as YAML a user could have written (``documents()``)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["documents"]


def documents() -> list[Path]:
    """The demo's YAML files, in name order (arriving, leaving, night, office)."""
    folder = Path(str(files(__name__)))
    return sorted(folder.glob("*.yaml"))
