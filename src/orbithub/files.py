"""Files in the data directory: replaced all at once, set aside when damaged, kept private.

Settings, pending timers and suggestions live in small files next to the database. A power cut
in the middle of a write must leave either the old file or the new one, and a file that cannot
be read must not stop the hub from starting, nor be overwritten before someone could look at it.
The directory holds the home's secrets (the database, the token signing key, push keys), so
only the hub's own user may open it: 0700 for directories, 0600 for files.
"""

from __future__ import annotations

import fcntl
import logging
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["create_private", "locked", "secure_data_dir", "set_aside", "write_atomically"]

_LOGGER = logging.getLogger(__name__)
_OTHERS = 0o077  # permission bits of the group and of everyone else


def _tighten(path: Path, mode: int, private: int) -> bool:
    if stat.S_IMODE(mode) & _OTHERS:
        path.chmod(stat.S_IMODE(mode) & ~_OTHERS | private)
        return True
    return False


def secure_data_dir(data_dir: Path) -> int:
    """Make the data directory and everything in it private to the hub's user.

    Installs from before this rule kept a 0755 directory with 0644 files, so any local user
    could read the database; this fixes them on start and says so once in the log.
    Blocking: call it through ``asyncio.to_thread`` from the loop.

    Returns:
        How many files and directories had their permissions tightened.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    fixed = int(_tighten(data_dir, data_dir.stat().st_mode, 0o700))
    for root, dirs, files in os.walk(data_dir):
        for name in (*dirs, *files):
            path = Path(root, name)
            info = path.lstat()
            if stat.S_ISDIR(info.st_mode):
                fixed += _tighten(path, info.st_mode, 0o700)
            elif stat.S_ISREG(info.st_mode):
                fixed += _tighten(path, info.st_mode, 0o600)
            # Symbolic links and sockets are left alone: a link's target may be anywhere.
    if fixed:
        _LOGGER.warning(
            "made %d files and folders in %s private (0600/0700): other local users could "
            "read the home's data and keys",
            fixed,
            data_dir,
        )
    return fixed


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 unless it exists (files made from it inherit it).

    SQLite gives its ``-wal`` and ``-shm`` files the database file's mode, so creating the
    database 0600 first keeps all three private.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for changing ``path``: the hub and the command line may both.

    The lock is a private file beside it (``.<name>.lock``), so replacing ``path`` atomically
    does not drop the lock.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def write_atomically(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data``: readers see the old file or the new one, never half.

    The data reaches the disk before the rename, so a power cut leaves one of the two whole.
    Blocking: call it through ``asyncio.to_thread`` from the loop.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)  # atomic on POSIX and Windows
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def set_aside(path: Path, suffix: str = "unreadable") -> Path:
    """Move a damaged file out of the way, kept for a look; returns where it went.

    An earlier file set aside under the same name is replaced: the newest damage is the one
    worth reading.
    """
    kept = path.with_name(f"{path.name}.{suffix}")
    os.replace(path, kept)
    return kept
