"""Files in the data directory: replaced all at once, and set aside when damaged.

Settings, pending timers and suggestions live in small files next to the database. A power cut
in the middle of a write must leave either the old file or the new one, and a file that cannot
be read must not stop the hub from starting, nor be overwritten before someone could look at it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["set_aside", "write_atomically"]


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
