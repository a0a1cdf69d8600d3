"""A running hub is found without --data-dir, through the note it leaves while it runs."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from orbithub.cli.running import announced, hub_settings, notes_dir, running_hubs
from tests.cli.hubprocess import free_port, start, stop, wait_until

pytestmark = pytest.mark.slow


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user: own home, runtime and data folders, no data directory in the environment."""
    home = tmp_path / "home"
    for name in ("runtime", "data", "state"):
        (home / name).mkdir(parents=True, mode=0o700)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "runtime"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("ORBITHUB_DATA_DIR", raising=False)
    monkeypatch.delenv("ORBITHUB_DATABASE_URL", raising=False)
    return home


def _orbithub(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orbithub", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_a_note_is_private_and_gone_with_its_hub(user_home: Path, tmp_path: Path) -> None:
    data = tmp_path / "hub"
    data.mkdir()
    path = data / "orbithub.sock"
    with socket.socket(socket.AF_UNIX) as listening, announced(data, path, kind="demo"):
        listening.bind(str(path))
        listening.listen()
        notes = list(notes_dir().glob("hub-*.json"))
        assert len(notes) == 1
        assert stat.S_IMODE(notes[0].stat().st_mode) == 0o600
        assert notes_dir() == user_home / "runtime" / "orbithub"
        assert [(h.data_dir, h.kind) for h in running_hubs()] == [(data, "demo")]
        assert hub_settings(None).data_dir == data
        # A named directory is always the one used.
        assert hub_settings(tmp_path / "other").data_dir == (tmp_path / "other").resolve()
    assert running_hubs() == []
    assert list(notes_dir().glob("hub-*.json")) == []


def test_a_socket_nobody_listens_on_is_no_running_hub(user_home: Path, tmp_path: Path) -> None:
    # A hub killed outright leaves its socket file behind (and its note, until it is read).
    data = tmp_path / "killed"
    data.mkdir()
    (data / "orbithub.sock").touch()
    with announced(data, data / "orbithub.sock", kind="serve"):
        assert running_hubs() == []
        assert hub_settings(None).searched == (user_home / "data" / "orbithub", notes_dir())


def test_the_note_of_a_process_that_ended_is_not_believed(user_home: Path) -> None:
    folder = notes_dir()
    folder.mkdir(parents=True)
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    stale = folder / f"hub-{ended.stdout.strip()}.json"
    stale.write_text(
        f'{{"pid": {ended.stdout.strip()}, "data_dir": "/nowhere", "socket": "{__file__}", '
        '"kind": "serve"}',
        encoding="utf-8",
    )
    (folder / "hub-garbage.json").write_text("not json", encoding="utf-8")
    assert running_hubs() == []
    assert not stale.exists()


def test_get_finds_the_running_demo_without_data_dir(user_home: Path, tmp_path: Path) -> None:
    data = tmp_path / "somewhere-else"
    log = tmp_path / "demo.log"
    proc = start(
        [
            "demo",
            "--speed",
            "120",
            "--seed",
            "7",
            "--mqtt-port",
            str(free_port()),
            "--http-port",
            "0",
            "--data-dir",
            str(data),
        ],
        log,
    )
    try:
        wait_until(
            lambda: proc.poll() is not None or _orbithub("get", "living-room-ac").returncode == 0,
            "`orbithub get` without --data-dir to reach the demo",
            timeout=180,  # a loaded machine starts the demo slowly
        )
        assert proc.poll() is None, log.read_text(encoding="utf-8")
        found = _orbithub("get", "living-room-ac")
        assert "live" in found.stdout, found.stdout + found.stderr
        assert "air-conditioner.on" in found.stdout
        devices = _orbithub("devices")
        assert "front-door-lock" in devices.stdout, devices.stdout + devices.stderr
        xiaomi = _orbithub("xiaomi", "list")
        assert "living-room-purifier" in xiaomi.stdout, xiaomi.stdout + xiaomi.stderr
        assert "hub not running" not in xiaomi.stdout
        stop(proc, signal.SIGINT, log)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # Nothing runs any more: the error says where it looked and how to name a directory.
    missing = _orbithub("get", "living-room-ac")
    assert missing.returncode == 1, missing.stdout
    said = " ".join(missing.stderr.split())
    assert "no running hub found" in said
    assert str(user_home / "data" / "orbithub") in said
    assert str(user_home / "runtime" / "orbithub") in said
    assert "--data-dir" in said
    refused = _orbithub("set", "living-room-ac", "air-conditioner.on", "true")
    assert refused.returncode == 1
    assert "--data-dir" in " ".join(refused.stderr.split())
