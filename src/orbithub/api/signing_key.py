"""The access-token signing key: a file only the hub's user may read.

Whoever reads the key can sign an owner's access token, so it does not live in the database
(a SQLite file other local users might read, or a PostgreSQL server other people administer)
but in ``jwt-signing.key`` in the data directory, mode 0600. A hub that kept the key in its
database moves it to the file on the first start, so nobody is signed out by the upgrade.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
from pathlib import Path

from orbithub.errors import OrbitHubError
from orbithub.files import write_atomically
from orbithub.storage import tokens as token_store
from orbithub.storage.db import Database

__all__ = ["KEY_FILENAME", "SigningKeyError", "load_signing_key"]

_LOGGER = logging.getLogger(__name__)

KEY_FILENAME = "jwt-signing.key"
_DB_NAME = "jwt-signing-key"  # where older versions kept it (hub_secrets)
_MIN_KEY_CHARS = 32


class SigningKeyError(OrbitHubError):
    """The key file cannot be read or written, or holds no usable key."""


def _read(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if len(text) < _MIN_KEY_CHARS:
        raise SigningKeyError(
            f"the signing key {path} is shorter than {_MIN_KEY_CHARS} characters; delete it "
            "to have a new one made (everyone signs in again)"
        )
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)
    return text


def _create(path: Path, key: str) -> str:
    """Write ``key`` unless another process got there first; returns the key in the file."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    write_atomically(tmp, key + "\n")  # mkstemp's mode: 0600 from the start
    try:
        os.link(tmp, path)  # fails when the file exists: the first writer wins
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    stored = _read(path)
    assert stored is not None  # noqa: S101 - just written or linked
    return stored


async def load_signing_key(db: Database, path: Path) -> str:
    """The signing key from ``path``, created (or moved there from the database) when missing.

    Raises:
        SigningKeyError: the file cannot be read or written, or is too short; the message
            names it and what to do.
    """
    try:
        key = await asyncio.to_thread(_read, path)
        legacy = None
        if key is None:
            legacy = await token_store.stored_secret(db, _DB_NAME)
            key = await asyncio.to_thread(_create, path, legacy or secrets.token_urlsafe(48))
    except OSError as exc:
        raise SigningKeyError(
            f"the token signing key {path} cannot be read or written ({exc.strerror or exc}); "
            "give the user running OrbitHub access to the data directory"
        ) from exc
    if legacy is not None:
        _LOGGER.info("moved the token signing key out of the database into %s (0600)", path)
    # After the file holds it, the copy in the database (from before, or from a start that
    # stopped half-way) is only a risk.
    await token_store.forget_secret(db, _DB_NAME)
    return key
