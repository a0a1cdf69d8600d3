"""Automations in the app: a switch turns one on and off, a button runs it now."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, Hub, sign_in

AUTOMATION = {
    "id": "evening-note",
    "name": "Evening note",
    "triggers": [{"type": "manual"}],
    "actions": [{"type": "notify", "to": [OWNER], "title": "Evening", "message": "Lights check."}],
}


def test_switch_an_automation_off_and_on_and_run_it(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    with hub.client(owner_token) as client:
        created = client.post("/api/automations", json=AUTOMATION)
        assert created.status_code == 201, created.text
    sign_in(page, OWNER)
    page.goto("/#/automations")
    card = page.locator("[data-automation='evening-note']")
    switch = card.get_by_role("switch", name="Evening note")
    run = card.get_by_role("button", name="Run now")
    expect(switch).to_have_attribute("aria-checked", "true")
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "false")
    expect(run).to_be_disabled()
    with hub.client(owner_token) as client:
        assert client.get("/api/automations/evening-note").json()["enabled"] is False
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "true")
    run.click()
    expect(card.get_by_role("status")).to_have_text("Started.")
    expect(page.locator("[data-toast]")).to_have_text("Evening: Lights check.")
    page.screenshot(path=artifacts / "automations-controls.png", full_page=True)
    assert serious_violations(page) == []
