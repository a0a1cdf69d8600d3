"""Browser fixtures: a real OrbitHub server in a subprocess and Debian's Chromium via Playwright.

The server (``hub_server.py``) runs the demo world with simulated devices, the API and the
built web app on a free loopback port for the whole session. Each test gets a fresh browser
context at a phone's size (390x844, touch), so storage and service workers never leak between
tests. Screenshots go to ``$ORBITHUB_ARTIFACTS_DIR`` when set, else to a pytest temp folder.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)

from orbithub.cli.insights import INSIGHTS_DIR
from orbithub.web import assets_dir
from tests.suggested import seed_inbox

CHROMIUM = Path(os.environ.get("ORBITHUB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE: ViewportSize = {"width": 390, "height": 844}
PASSWORD = "correct horse battery"  # noqa: S105 (a test account on a throwaway hub)
OWNER = "alex"
START_TIMEOUT_S = 30.0
STEP_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class Hub:
    """The running server: its base URL and an HTTP client signed in as the owner."""

    url: str

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=10.0)


def _require_chromium() -> None:
    if CHROMIUM.is_file():
        return
    reason = f"the web app tests need Chromium at {CHROMIUM} (apt-get install -y chromium)"
    if os.environ.get("ORBITHUB_REQUIRE_SERVICES"):
        pytest.fail(f"{reason}; ORBITHUB_REQUIRE_SERVICES is set, so this is an error")
    pytest.skip(reason)


def _read_lines(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


@pytest.fixture(scope="package")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    """A real OrbitHub (demo world, API, web app) on a free loopback port."""
    _require_chromium()
    if not (assets_dir() / "index.html").is_file():
        pytest.fail("the web app is not built: run 'cd web && npm ci && npm run build'")
    data_dir = tmp_path_factory.mktemp("hub") / "data"
    seed_inbox(data_dir / INSIGHTS_DIR / "suggestions.json")
    log = (data_dir.parent / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("hub_server.py")), str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    reader = threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True)
    reader.start()
    try:
        try:
            line = lines.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            line = ""
        if not line.startswith("READY "):
            process.kill()
            log.close()
            server_log = (data_dir.parent / "server.log").read_text()
            pytest.fail(f"the hub did not start: {line!r}\n{server_log}")
        yield Hub(line.split()[1])
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        # The reader ends at the pipe's end of file; only then may the pipe be closed.
        reader.join(timeout=5)
        process.stdout.close()
        log.close()


@pytest.fixture(scope="package")
def owner_token(hub: Hub) -> str:
    """The owner's access token; creates the owner through onboarding when the hub is new."""
    with hub.client() as client:
        if client.get("/api/onboarding").json()["needed"]:
            answer = client.post(
                "/api/onboarding",
                json={
                    "username": OWNER,
                    "password": PASSWORD,
                    "display_name": "Alex",
                    "language": "en",
                },
            )
            assert answer.status_code == 200, answer.text
        answer = client.post("/api/auth/login", json={"username": OWNER, "password": PASSWORD})
        assert answer.status_code == 200, answer.text
        token: str = answer.json()["access_token"]
        return token


# Package scope, not session: a live sync Playwright keeps its event loop running in the main
# thread, and every asyncio test collected after this package would fail to start its own.
@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    _require_chromium()
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser, hub: Hub) -> Iterator[BrowserContext]:
    """A fresh phone-sized browser profile, English unless a test says otherwise."""
    context = browser.new_context(
        base_url=hub.url,
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="en-US",
        service_workers="allow",
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="package")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots of the main views go."""
    explicit = os.environ.get("ORBITHUB_ARTIFACTS_DIR")
    folder = Path(explicit) / "web" if explicit else tmp_path_factory.mktemp("web-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Sign in through the login form and wait for the home view."""
    page.goto("/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.locator("nav.tabs").wait_for()
