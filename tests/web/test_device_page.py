"""A device's page leads with its state in words and who last commanded it, and when."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, Hub, sign_in
from tests.web.test_app import _wait_for_activity

LOCK = "front-door-lock"


def test_the_lock_says_locked_and_who_locked_it(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    with hub.client(owner_token) as client:
        answer = client.put(f"/api/devices/{LOCK}/properties/lock.locked", json={"value": True})
        assert answer.status_code == 200, answer.text
        _wait_for_activity(client, LOCK, "lock.locked")
    sign_in(page, OWNER)
    page.goto(f"/#/device/{LOCK}")
    expect(page.locator("[data-headline]")).to_have_text("Locked")
    expect(page.locator("[data-last]")).to_contain_text(f"Last command: {OWNER},")
    page.screenshot(path=artifacts / "device-lock.png", full_page=True)
    assert serious_violations(page) == []
