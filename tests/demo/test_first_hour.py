"""A fresh demo shows notifications, alerts and suggestions within its first simulated hour.

They come from the hub's own miner, detector and security notices working on the simulated
home: weeks of the family's history written behind the demo as it starts, and the guest who
unlocks the front door and leaves it ajar a quarter of an hour in.
"""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

import httpx
import pytest

from tests.cli.hubprocess import free_port, start, stop

pytestmark = pytest.mark.slow

SPEED = 120.0
"""Simulated seconds per real second."""
LIMIT_S = 300.0
"""Real seconds allowed (a loaded machine writes the history slowly): at most 10 hours."""


def _api_url(log: Path, proc_alive: bool) -> str | None:
    """The API's address once the demo's sign-ins are made (they are printed after it)."""
    text = log.read_text(encoding="utf-8")
    found = re.search(r"Web app and API: (http://\S+)", text)
    ready = "alex / orbithub-alex" in text
    return found.group(1) if found and ready and proc_alive else None


def test_a_fresh_demo_has_a_notification_an_alert_and_a_suggestion(tmp_path: Path) -> None:
    log = tmp_path / "demo.log"
    started = time.monotonic()
    proc = start(
        [
            "demo",
            "--speed",
            f"{SPEED:g}",
            "--seed",
            "3",
            "--history-days",
            "6",
            "--mqtt-port",
            str(free_port()),
            "--http-port",
            "0",
            "--data-dir",
            str(tmp_path / "data"),
        ],
        log,
    )
    seen: dict[str, list[dict[str, object]]] = {}
    try:
        url = None
        while url is None and time.monotonic() - started < 60:
            url = _api_url(log, proc.poll() is None)
            time.sleep(0.2)
        assert url is not None, log.read_text(encoding="utf-8")
        with httpx.Client(base_url=url, timeout=10) as client:
            signed_in = client.post(
                "/api/auth/login", json={"username": "alex", "password": "orbithub-alex"}
            )
            assert signed_in.status_code == 200, signed_in.text
            headers = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
            while time.monotonic() - started < LIMIT_S and proc.poll() is None:
                for path in ("/api/notifications", "/api/alerts", "/api/suggestions"):
                    answer = client.get(path, headers=headers)
                    assert answer.status_code == 200, answer.text
                    seen[path] = answer.json()
                devices = client.get("/api/devices", headers=headers)
                assert devices.status_code == 200, devices.text
                unplugged = any(
                    d["id"] == "garage-light" and d["online"] is False for d in devices.json()
                )
                if all(seen.values()) and unplugged:
                    seen["/api/devices"] = devices.json()
                    break
                time.sleep(1.0)
        simulated_minutes = (time.monotonic() - started) * SPEED / 60
        stop(proc, signal.SIGINT, log)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = log.read_text(encoding="utf-8")
    counts = {path: len(items) for path, items in seen.items()}
    assert len(counts) == 4, f"{counts}\n{output}"
    assert all(counts.values()), f"{counts} after {simulated_minutes:.0f} simulated min\n{output}"
    notices = [str(n["tag"]) for n in seen["/api/notifications"]]
    # The guest's unlock reached the owner, and the door she left ajar raised an alert.
    assert any(tag.startswith("security:front-door-lock") for tag in notices), notices
    alerts = seen["/api/alerts"]
    assert any(a["kind"] == "door-open" and a["device_id"] == "front-door" for a in alerts), alerts
    # Suggestions are mined habits of the simulated family, ready to accept.
    assert all(s["status"] == "pending" for s in seen["/api/suggestions"])
    # The garage light, unplugged five minutes in, is reported unavailable.
    online = {str(d["id"]): d["online"] for d in seen["/api/devices"]}
    assert online["garage-light"] is False, online
    assert online["living-room-ac"] is True
