"""Refusing early: a second hub on one data directory, or a port the user asked for is taken.

Checked before anything starts (no broker, no database, no file written but the lock), so the
refusal is one short message and nothing is left half-started. The data directory's lock is an
``flock`` on ``orbithub.lock``: the kernel releases it when the hub's process ends, however it
ends, so a killed hub never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from orbithub.errors import OrbitHubError

__all__ = [
    "LOCK_NAME",
    "AlreadyRunningError",
    "DataDirError",
    "PortTakenError",
    "check_port",
    "data_dir_lock",
    "port_free",
]

LOCK_NAME = "orbithub.lock"


class AlreadyRunningError(OrbitHubError):
    """Another hub holds the data directory."""


class DataDirError(OrbitHubError):
    """The data directory cannot be created or written."""


class PortTakenError(OrbitHubError):
    """A port the user asked for is taken by another program."""


@contextlib.contextmanager
def data_dir_lock(data_dir: Path) -> Iterator[None]:
    """Hold ``data_dir`` for this process while the block runs.

    Raises:
        AlreadyRunningError: another hub runs on it (its process id is in the message).
        DataDirError: the directory cannot be created or the lock file written.
    """
    path = data_dir / LOCK_NAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise DataDirError(
            f"cannot use the data directory {data_dir}: {exc.strerror or exc}; fix its "
            "permissions or choose another with --data-dir"
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
            by = f" (process {holder})" if holder.isdigit() else ""
            raise AlreadyRunningError(
                f"another hub{by} is already running on {data_dir}; stop it first, or use "
                "another --data-dir"
            ) from None
        # Who holds it, for the message above; the lock itself is the flock, not this text.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        # Closing releases the lock. The file stays: removing it could race a starting hub
        # into locking a file that is no longer the one in the directory.
        os.close(fd)


def port_free(host: str, port: int) -> bool:
    """Whether a TCP server could listen on ``host:port`` now."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # The same option servers set, so a port in TIME_WAIT after a restart counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def check_port(host: str, port: int, *, what: str, advice: str) -> None:
    """Refuse a taken port (0, any free port, always passes).

    Args:
        host: the address to listen on.
        port: the port asked for.
        what: what would listen there ("the web app and API").
        advice: what to do instead, ending the message.

    Raises:
        PortTakenError: another program listens there.
    """
    if port and not port_free(host, port):
        raise PortTakenError(
            f"port {port} on {host} is taken by another program, so {what} cannot listen "
            f"there; {advice}"
        )
