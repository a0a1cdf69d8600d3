"""Resident memory of the hub as a user runs it: ``orbithub serve`` and ``orbithub demo``.

Each command runs as its own process, exactly as from a shell, in a scratch data directory:

* ``demo``: the simulated demo world (27 devices talking MQTT to the embedded broker), the
  recorder, automations, the assistant, suggestions and alerts, and the API with the web app;
* ``serve``: the same data directory afterwards, without the simulation: what a home hub holds
  when idle.

Once the API answers, the benchmark waits ``--settle`` seconds and then samples the process's
``/proc`` status for ``--sample`` seconds, printing resident memory (VmRSS), its anonymous part
(the heap; the rest is mapped code and files) and the peak (VmHWM). The figure DESIGN.md's
"idle" target refers to is serve's VmRSS. Linux only.

Usage: python bench/bench_memory.py [--settle 10] [--sample 10] [--runs 1]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

_FIELDS = ("VmRSS", "RssAnon", "VmHWM")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _status(pid: int) -> dict[str, float]:
    """The memory fields of ``/proc/<pid>/status`` in MiB."""
    values: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in _FIELDS:
            values[name] = int(rest.split()[0]) / 1024
    return values


@contextlib.contextmanager
def _running(command: list[str], http_port: int, timeout: float = 120.0) -> Iterator[int]:
    """Start ``orbithub <command>`` and yield its pid once its API answers."""
    # The embedded broker, as on a fresh install, whatever the shell points at.
    env = {k: v for k, v in os.environ.items() if k != "ORBITHUB_MQTT_URL"}
    process = subprocess.Popen(  # noqa: S603 - our own CLI, our own interpreter
        [sys.executable, "-m", "orbithub", *command, "--http-port", str(http_port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                reason = process.stderr.read() if process.stderr else ""
                raise SystemExit(f"orbithub {command[0]} exited early:\n{reason}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{http_port}/api/onboarding", timeout=2).is_success:
                    break
            if time.monotonic() > deadline:
                raise SystemExit(f"orbithub {command[0]} did not answer within {timeout:.0f} s")
            time.sleep(0.25)
        yield process.pid
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _measure(command: list[str], settle: float, sample: float) -> dict[str, float]:
    with _running(command, _free_port()) as pid:
        print(f"  {command[0]}: ready; settling {settle:.0f} s", flush=True)
        time.sleep(settle)
        samples = []
        end = time.monotonic() + sample
        while time.monotonic() < end:
            samples.append(_status(pid))
            time.sleep(0.5)
    return {
        "VmRSS": statistics.median(s["VmRSS"] for s in samples),
        "RssAnon": statistics.median(s["RssAnon"] for s in samples),
        "VmHWM": max(s["VmHWM"] for s in samples),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=float, default=10.0, help="seconds after ready")
    parser.add_argument("--sample", type=float, default=10.0, help="seconds of sampling")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    results: dict[str, list[dict[str, float]]] = {"demo": [], "serve": []}
    for run in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="orbithub-bench-memory-") as scratch:
            data = ["--data-dir", str(Path(scratch) / "data")]
            broker = ["--mqtt-port", str(_free_port())]
            print(f"run {run + 1}/{args.runs}", flush=True)
            demo = ["demo", *data, *broker, "--speed", "60"]
            results["demo"].append(_measure(demo, args.settle, args.sample))
            serve = ["serve", *data, *broker, "--no-live"]
            results["serve"].append(_measure(serve, args.settle, args.sample))
    print()
    print(f"{'command':8} {'VmRSS MiB':>10} {'RssAnon MiB':>12} {'VmHWM MiB':>10}")
    for name, runs in results.items():
        figures = [statistics.median(r[field] for r in runs) for field in _FIELDS]
        print(f"{name:8} {figures[0]:10.1f} {figures[1]:12.1f} {figures[2]:10.1f}")


if __name__ == "__main__":
    main()
