"""Where the hub keeps its data and which database it uses, from flags and environment."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_HTTP_PORT",
    "ENV_DATA_DIR",
    "Settings",
    "default_data_dir",
    "parse_trusted_proxies",
]

ENV_DATA_DIR = "ORBITHUB_DATA_DIR"
ENV_DATABASE_URL = "ORBITHUB_DATABASE_URL"
DEFAULT_HTTP_PORT = 8420
"""Where the web app and the API listen unless told otherwise."""


def parse_trusted_proxies(text: str) -> tuple[str, ...]:
    """Comma-separated addresses or networks of reverse proxies (``127.0.0.1,10.0.0.0/8``).

    ``none`` or an empty text trusts no proxy.

    Raises:
        ValueError: an entry is not an IP address or network; the message names it.
    """
    entries = [entry.strip() for entry in text.split(",") if entry.strip()]
    if entries == ["none"]:
        return ()
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ValueError(
                f"{entry!r} is not an IP address or network; give addresses such as "
                "127.0.0.1 or networks such as 172.16.0.0/12, separated by commas"
            ) from None
    return tuple(entries)


def default_data_dir() -> Path:
    """The data directory when no flag names one.

    ``$ORBITHUB_DATA_DIR``, else ``$XDG_DATA_HOME/orbithub``, else ``~/.local/share/orbithub``.
    """
    explicit = os.environ.get(ENV_DATA_DIR)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "orbithub"


@dataclass(frozen=True, slots=True)
class Settings:
    """How one hub process is set up.

    Attributes:
        data_dir: the hub's directory (SQLite database, control socket).
        database_url: a PostgreSQL URL for production; None for the embedded SQLite file.
        retention_days: how long history is kept.
        searched: where a command given no ``--data-dir`` looked for a running hub and found
            none (empty when the directory was named or a running hub was found).
    """

    data_dir: Path
    database_url: str | None = None
    retention_days: int = 30
    searched: tuple[Path, ...] = ()

    @classmethod
    def resolve(
        cls,
        data_dir: Path | None = None,
        database_url: str | None = None,
        retention_days: int = 30,
    ) -> Settings:
        """Fill what the flags left out from the environment and the defaults."""
        return cls(
            data_dir=(data_dir or default_data_dir()).expanduser().resolve(),
            database_url=database_url or os.environ.get(ENV_DATABASE_URL) or None,
            retention_days=retention_days,
        )
