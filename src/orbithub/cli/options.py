"""Command-line options every command that opens a hub's data shares."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["DataDir", "DatabaseUrl", "Verbose"]

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Hub data directory (default: $ORBITHUB_DATA_DIR or ~/.local/share/orbithub).",
        show_default=False,
    ),
]
DatabaseUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        help="PostgreSQL URL (default: SQLite in the data dir; or $ORBITHUB_DATABASE_URL).",
        show_default=False,
    ),
]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Log at DEBUG level.")]
