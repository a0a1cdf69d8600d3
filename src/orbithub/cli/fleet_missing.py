"""The fleet's commands on an install without the fleet extra: they say how to get it.

A single hub (``pip install orbithub``) never needs the NATS client, so the fleet's commands
must not stop the rest of the CLI from starting when it is absent.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

__all__ = ["FLEET_EXTRA_MISSING", "add_missing_fleet", "fleet_installed"]

FLEET_EXTRA_MISSING = (
    "fleet mode needs the NATS client and server, which a single hub does not install: "
    "run pip install 'orbithub[fleet]'"
)

# Any arguments (`fleet up --homes 3`, `worker --help`) reach the one answer.
_TAKE_ANYTHING = {"allow_extra_args": True, "ignore_unknown_options": True}


def fleet_installed() -> bool:
    """Whether the fleet extra's NATS client can be imported."""
    try:
        import nats  # noqa: F401
    except ImportError:
        return False
    return True


def add_missing_fleet(app: typer.Typer) -> None:
    """Register ``fleet`` and ``worker`` as commands that explain what to install."""
    for name in ("fleet", "worker"):
        app.command(
            name,
            context_settings=_TAKE_ANYTHING,
            add_help_option=False,
            help="Fleet mode (needs pip install 'orbithub[fleet]').",
        )(_missing)


def _missing(ctx: typer.Context) -> None:
    Console(stderr=True).print(f"[red]error:[/red] {escape(FLEET_EXTRA_MISSING)}", highlight=False)
    raise typer.Exit(1)
