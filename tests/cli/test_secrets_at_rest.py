"""Secrets at rest, through a real ``orbithub serve``: only the hub's user can read its data.

A fresh data directory is created private; an existing one from an older version (0755 with a
0644 database holding the signing key) is fixed on start with one log line, and the signing key
moves into its own 0600 file without signing anyone out.
"""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from orbithub.storage import Database
from orbithub.storage import tokens as token_store

pytestmark = pytest.mark.slow

_KEY = "an-old-signing-key-kept-in-the-database-by-an-older-hub"


def _serve(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "orbithub",
            "serve",
            "--duration",
            "2",
            "--no-live",
            "--mqtt-port",
            "0",
            "--http-port",
            "0",
            "--data-dir",
            str(data_dir),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _assert_private(data_dir: Path) -> None:
    assert _mode(data_dir) == 0o700
    files = [p for p in data_dir.rglob("*") if p.is_file() and not p.is_symlink()]
    names = {p.name for p in files}
    assert {"orbithub.db", "jwt-signing.key"} <= names
    assert {p.name: _mode(p) for p in files} == dict.fromkeys(names, 0o600)
    assert all(_mode(p) == 0o700 for p in data_dir.rglob("*") if p.is_dir())


def test_a_fresh_data_directory_is_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    run = _serve(data_dir)
    assert run.returncode == 0, run.stderr
    _assert_private(data_dir)
    assert "made" not in run.stderr  # nothing needed fixing


async def _older_install(data_dir: Path) -> None:
    db = await Database.open(data_dir=data_dir)
    try:
        await token_store.secret(db, "jwt-signing-key", lambda: _KEY)
    finally:
        await db.close()


def test_an_existing_world_readable_install_is_fixed_on_start(tmp_path: Path) -> None:
    data_dir = tmp_path / "old"
    asyncio.run(_older_install(data_dir))
    # How an older version left it: everyone could read the database and so forge tokens.
    data_dir.chmod(0o755)
    for path in data_dir.iterdir():
        path.chmod(0o644)
    (data_dir / "automations").mkdir(mode=0o755)
    (data_dir / "automations" / "lights.yaml").write_text("[]\n", encoding="utf-8")
    os.chmod(data_dir / "automations" / "lights.yaml", 0o644)

    run = _serve(data_dir)
    assert run.returncode == 0, run.stderr
    _assert_private(data_dir)
    assert run.stderr.count("private (0600/0700)") == 1
    # The key moved out of the database into its file: tokens signed before stay valid.
    assert (data_dir / "jwt-signing.key").read_text(encoding="utf-8").strip() == _KEY
    assert "moved the token signing key out of the database" in run.stderr
    assert asyncio.run(_stored_key(data_dir)) is None


async def _stored_key(data_dir: Path) -> str | None:
    db = await Database.open(data_dir=data_dir)
    try:
        return await token_store.stored_secret(db, "jwt-signing-key")
    finally:
        await db.close()
