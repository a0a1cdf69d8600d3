"""Data-directory files: written all at once, damaged ones kept aside."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from orbithub.files import locked, set_aside, write_atomically


def test_write_replaces_the_file_and_leaves_no_temporary_behind(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "settings.json"
    write_atomically(target, '{"a": 1}')
    write_atomically(target, b'{"a": 2}')
    assert target.read_text(encoding="utf-8") == '{"a": 2}'
    assert os.listdir(target.parent) == ["settings.json"]


def test_a_failed_write_keeps_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pending.json"
    write_atomically(target, "old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["pending.json"]


def test_a_damaged_file_is_kept_aside(tmp_path: Path) -> None:
    target = tmp_path / "alerts.json"
    target.write_text("{half", encoding="utf-8")
    kept = set_aside(target)
    assert not target.exists()
    assert kept.name == "alerts.json.unreadable"
    assert kept.read_text(encoding="utf-8") == "{half"


_TRY_LOCK = (
    "import fcntl, os, sys\n"
    "fd = os.open(sys.argv[1], os.O_RDWR)\n"
    "try:\n"
    "    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
    "except BlockingIOError:\n"
    "    sys.exit(3)\n"
)


def test_a_file_locked_for_a_change_waits_for_another_process(tmp_path: Path) -> None:
    target = tmp_path / "devices.json"
    lock = tmp_path / ".devices.json.lock"
    with locked(target):
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
        held = subprocess.run([sys.executable, "-c", _TRY_LOCK, str(lock)], check=False)
        assert held.returncode == 3
    free = subprocess.run([sys.executable, "-c", _TRY_LOCK, str(lock)], check=False)
    assert free.returncode == 0
