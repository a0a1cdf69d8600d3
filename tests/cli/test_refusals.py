"""A hub that cannot run as asked says so at once, in one line, before it starts anything."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .hubprocess import answers, start, stop, wait_until

pytestmark = pytest.mark.slow


def _orbithub(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orbithub", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


def _nothing_started(run: subprocess.CompletedProcess[str], data: Path) -> None:
    output = run.stdout + run.stderr
    assert "Traceback" not in output
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "broker listening" not in output
    assert "database open" not in output
    assert not (data / "orbithub.db").exists()


def test_a_second_hub_on_the_same_data_directory_is_refused(tmp_path: Path) -> None:
    data, log = tmp_path / "data", tmp_path / "first.log"
    first = start(
        ["serve", "--no-live", "--mqtt-port", "0", "--http-port", "0", "--data-dir", str(data)], log
    )
    try:
        wait_until(lambda: answers(data) or first.poll() is not None, "the first hub")
        second = _orbithub(
            "serve", "--no-live", "--mqtt-port", "0", "--http-port", "0", "--data-dir", str(data)
        )
        assert second.returncode == 1
        assert f"another hub (process {first.pid}) is already running on {data}" in second.stderr
        assert "--data-dir" in second.stderr
        assert "Traceback" not in second.stdout + second.stderr
        assert len(second.stderr.strip().splitlines()) == 1, second.stderr
        assert "broker listening" not in second.stderr
        assert answers(data)  # the first one never noticed
        stop(first, 15, log)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    # The lock goes with the process that held it: the next hub starts.
    again = _orbithub(
        "serve",
        "--no-live",
        "--duration",
        "1",
        "--mqtt-port",
        "0",
        "--http-port",
        "0",
        "--data-dir",
        str(data),
    )
    assert again.returncode == 0, again.stderr


def test_the_demo_refuses_a_web_port_asked_for_that_is_taken(
    tmp_path: Path, taken_port: int
) -> None:
    data = tmp_path / "data"
    run = _orbithub(
        "demo",
        "--duration",
        "5",
        "--mqtt-port",
        "0",
        "--http-port",
        str(taken_port),
        "--data-dir",
        str(data),
    )
    assert run.returncode == 1
    assert f"port {taken_port}" in run.stderr
    assert "--http-port" in run.stderr
    _nothing_started(run, data)


def test_the_demo_refuses_a_broker_port_asked_for_that_is_taken(
    tmp_path: Path, taken_port: int
) -> None:
    data = tmp_path / "data"
    run = _orbithub(
        "demo",
        "--duration",
        "5",
        "--mqtt-port",
        str(taken_port),
        "--http-port",
        "0",
        "--data-dir",
        str(data),
    )
    assert run.returncode == 1
    assert f"port {taken_port}" in run.stderr
    assert "--mqtt-port" in run.stderr
    _nothing_started(run, data)


def test_the_demo_without_a_port_asked_for_takes_a_free_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with socket.socket() as holder:
        try:
            holder.bind(("127.0.0.1", 8420))
            holder.listen()
        except OSError:
            pass  # another program holds the default port already: the same situation
        run = _orbithub("demo", "--duration", "3", "--speed", "600", "--data-dir", str(data))
    assert run.returncode == 0, run.stderr
    found = re.search(r"Web app and API: http://127\.0\.0\.1:(\d+)", run.stdout)
    assert found, run.stdout
    assert found.group(1) != "8420"
