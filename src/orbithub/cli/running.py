"""Finding a running hub without ``--data-dir``: each running hub leaves a note where to look.

``orbithub serve`` and ``orbithub demo`` write a small private note (0600) into a per-user
runtime folder (``$XDG_RUNTIME_DIR/orbithub``, else ``~/.local/state/orbithub/running``) saying
which data directory and control socket they use, and remove it when they stop. A command
given no ``--data-dir`` uses the default directory when a hub runs there, else the one hub
that left a note; with nothing running it says where it looked.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from orbithub.cli.control import ControlError, request, socket_path
from orbithub.cli.settings import ENV_DATA_DIR, Settings
from orbithub.errors import OrbitHubError

__all__ = [
    "HubNote",
    "SeveralHubsError",
    "announced",
    "ask_hub",
    "hub_settings",
    "notes_dir",
    "running_hubs",
    "where_looked",
]

_LOGGER = logging.getLogger(__name__)
_MAX_NOTE = 4096
_MAX_NOTES = 64
_PROBE_TIMEOUT_S = 1.0


class SeveralHubsError(OrbitHubError):
    """More than one hub runs and the command did not say which."""


@dataclass(frozen=True, slots=True)
class HubNote:
    """What a running hub says about itself."""

    pid: int
    data_dir: Path
    socket: Path
    kind: str


def notes_dir() -> Path:
    """The per-user folder where running hubs leave their notes."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_absolute():
        return Path(runtime) / "orbithub"
    state = os.environ.get("XDG_STATE_HOME")
    base = Path(state).expanduser() if state else Path.home() / ".local" / "state"
    return base / "orbithub" / "running"


def _listening(path: Path) -> bool:
    """Whether a hub listens on the control socket ``path``.

    A socket file left by a killed hub has nobody behind it, even when the killed hub's
    process id has been given to another process since.
    """
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(_PROBE_TIMEOUT_S)
    try:
        probe.connect(str(path))
    except OSError:
        return False
    finally:
        probe.close()
    return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive, though not ours to read
    return True


@contextlib.contextmanager
def announced(data_dir: Path, socket: Path, *, kind: str) -> Iterator[None]:
    """Leave a note that a hub of ``kind`` runs on ``data_dir`` while the block runs.

    A note that cannot be written only costs the convenience: the hub runs on, and the log
    says why.
    """
    folder = notes_dir()
    note = folder / f"hub-{os.getpid()}.json"
    body = {"pid": os.getpid(), "data_dir": str(data_dir), "socket": str(socket), "kind": kind}
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(note, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(body, out)
    except OSError as exc:
        _LOGGER.warning("cannot leave a note of this hub in %s: %s", folder, exc)
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            note.unlink()


def _read(path: Path) -> HubNote | None:
    try:
        raw = json.loads(path.read_bytes()[:_MAX_NOTE])
        return HubNote(
            int(raw["pid"]), Path(str(raw["data_dir"])), Path(str(raw["socket"])), str(raw["kind"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def running_hubs() -> list[HubNote]:
    """The hubs whose notes say they run now (notes of ended processes are removed)."""
    folder = notes_dir()
    try:
        paths = sorted(folder.glob("hub-*.json"))[:_MAX_NOTES]
    except OSError:
        return []
    found: list[HubNote] = []
    for path in paths:
        note = _read(path)
        if note is None or not _alive(note.pid):
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        if _listening(note.socket):
            found.append(note)
    return found


def where_looked(settings: Settings) -> str:
    """Where a command given no ``--data-dir`` looked, for a message that found nothing."""
    if not settings.searched:
        return ""
    places = " and ".join(str(p) for p in settings.searched)
    return f"looked in {places}; name the hub's directory with --data-dir"


def hub_settings(data_dir: Path | None, database_url: str | None = None) -> Settings:
    """The settings of the hub a command means: ``data_dir``, else the running one.

    Raises:
        SeveralHubsError: no directory was named, none runs in the default one, and several
            hubs run elsewhere.
    """
    settings = Settings.resolve(data_dir, database_url)
    if data_dir is not None or os.environ.get(ENV_DATA_DIR):
        return settings
    hubs = running_hubs()
    here = settings.data_dir
    if any(h.data_dir == here for h in hubs) or _listening(socket_path(here)):
        return settings
    if len(hubs) == 1:
        return replace(settings, data_dir=hubs[0].data_dir)
    if len(hubs) > 1:
        listing = "; ".join(f"{h.kind} (process {h.pid}) on {h.data_dir}" for h in hubs)
        raise SeveralHubsError(f"several hubs are running: {listing}; say which with --data-dir")
    return replace(settings, searched=(settings.data_dir, notes_dir()))


async def ask_hub(settings: Settings, body: Mapping[str, object]) -> object:
    """Send one control request to the hub of ``settings`` and return its result.

    Raises:
        ControlError: as :func:`~orbithub.cli.control.request`; when no hub runs, the message
            also says where the command looked.
    """
    try:
        return await request(socket_path(settings.data_dir), body)
    except ControlError as exc:
        hint = where_looked(settings)
        if exc.code != "not_running" or not hint:
            raise
        raise ControlError(exc.code, f"{exc}; {hint}") from None
