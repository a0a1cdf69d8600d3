"""Running `orbithub serve` / `orbithub demo` as real processes, in a pipe or in a terminal."""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import signal
import socket
import sqlite3
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from orbithub.cli.control import ControlError, request, socket_path

STOP_LIMIT_S = 5.0
"""How long a stop may take: what service managers allow before they kill."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def ask(data: Path, body: dict[str, object], timeout: float = 5.0) -> object:
    """One request to the hub's control socket."""
    return asyncio.run(request(socket_path(data), body, timeout=timeout))


def answers(data: Path) -> bool:
    try:
        ask(data, {"op": "ping"}, timeout=2.0)
    except ControlError:
        return False
    return True


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start(
    args: Sequence[str], log: Path, *, sigint_ignored: bool = False
) -> subprocess.Popen[bytes]:
    """``orbithub ARGS`` in the background, its output in ``log``.

    With ``sigint_ignored`` it starts as scripts and job control start children: SIGINT set to
    be ignored, which Python keeps and so installs no Ctrl-C handler of its own.
    """
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "orbithub", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=_ignore_sigint if sigint_ignored else None,
        )


def stop(proc: subprocess.Popen[bytes], signum: int, log: Path) -> float:
    """Send ``signum`` and return how long the process took to exit (fails past the limit)."""
    sent = time.monotonic()
    proc.send_signal(signum)
    try:
        proc.wait(timeout=STOP_LIMIT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(
            f"still running {STOP_LIMIT_S:g} s after {signal.Signals(signum).name}:\n"
            + log.read_text(encoding="utf-8", errors="replace")[-3000:]
        )
    return time.monotonic() - sent


def history_rows(data: Path, device_id: str) -> int:
    with sqlite3.connect(data / "orbithub.db") as db:
        (count,) = db.execute(
            "SELECT count(*) FROM history WHERE device_id = ?", (device_id,)
        ).fetchone()
    return int(count)


class Terminal:
    """A process whose controlling terminal is a pseudo-terminal: Ctrl-C as a user types it."""

    def __init__(self, args: Sequence[str]) -> None:
        master, slave = pty.openpty()
        self._master = master
        self._output = bytearray()
        self._lock = threading.Lock()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "orbithub", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            # The new session's leader takes the terminal: its process group is then the
            # terminal's foreground group, the one Ctrl-C signals.
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
            env={**os.environ, "COLUMNS": "160", "LINES": "50", "TERM": "xterm"},
        )
        os.close(slave)
        # The live table redraws every second: the terminal must be read or the process blocks.
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self._master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self._output += chunk

    @property
    def output(self) -> str:
        with self._lock:
            return self._output.decode(errors="replace")

    def ctrl_c(self) -> None:
        os.write(self._master, b"\x03")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(timeout=5)
        os.close(self._master)
