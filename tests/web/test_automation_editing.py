"""Automations made and changed in the app.

A suggestion is reviewed and accepted, YAML is checked line by line by the hub, and deleting
asks first.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.suggested import SUGGESTION_ID
from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, PASSWORD, PHONE, STEP_TIMEOUT_MS, Hub, sign_in

AUTOMATION = f"suggested-{SUGGESTION_ID}"

# Line 5 is indented one space short; fixed, it turns the desk lamp on.
BROKEN = """id: lamp-at-dusk
name: Lamp at dusk
triggers:
  - type: sun
   event: sunset
actions:
  - type: set
    device: desk-lamp
    path: light.on
    value: true
"""


def _wait_for_lamp(hub: Hub, token: str, *, on: bool) -> None:
    """Wait (bounded) until the desk lamp reports ``on``: a run started is not yet a run done."""
    deadline = time.monotonic() + 10
    with hub.client(token) as client:
        while time.monotonic() < deadline:
            lamp = client.get("/api/devices/desk-lamp").json()
            if lamp["state"]["light.on"]["value"] is on:
                return
            time.sleep(0.1)  # polling the hub's own answer, bounded by the deadline
    raise AssertionError(f"the desk lamp did not become {'on' if on else 'off'} within 10 s")


def test_accepting_a_suggestion_after_review_makes_an_automation_that_runs(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    with hub.client(owner_token) as client:
        client.put("/api/devices/desk-lamp/properties/light.on", json={"value": False})
    sign_in(page, OWNER)
    page.locator("[data-tab='inbox']").click()
    suggestions = page.locator("[data-section='suggestions']")
    expect(suggestions).to_contain_text("Desk lamp on at 07:00 on weekdays")
    suggestions.locator("[data-review]").click()

    # The draft opens in the form: 07:00 on weekdays, the desk lamp on.
    editor = page.locator("orbit-automation-editor")
    expect(editor.locator("[data-mode='form']")).to_have_attribute("aria-pressed", "true")
    expect(editor.locator("input[name='trigger-at']")).to_have_value("07:00")
    expect(editor.locator("select[name='action-0-device']")).to_have_value("desk-lamp")
    expect(editor.locator("[data-day='sat']")).to_have_attribute("aria-pressed", "false")
    page.screenshot(path=artifacts / "suggestion-review.png", full_page=True)
    assert serious_violations(page) == []
    # Reviewed: half an hour later, and every day (so running it now works on any day).
    editor.locator("input[name='trigger-at']").fill("07:30")
    editor.locator("select[name='condition-kind']").select_option("none")
    editor.locator("[data-save]").click()
    expect(page.locator("[data-inbox-note]")).to_contain_text("Saved as your automation")
    expect(suggestions).not_to_contain_text("Desk lamp on at 07:00")

    with hub.client(owner_token) as client:
        saved = client.get(f"/api/automations/{AUTOMATION}").json()
        owner_id = client.get("/api/me").json()["user"]["id"]
    assert saved["triggers"] == ["time 07:30"]
    assert saved["enabled"] is True
    assert saved["owner"] == owner_id

    page.goto("/#/automations")
    card = page.locator(f"[data-automation='{AUTOMATION}']")
    expect(card.get_by_role("switch")).to_have_attribute("aria-checked", "true")
    card.get_by_role("button", name="Run now").click()
    expect(card.get_by_role("status")).to_have_text("Started.")
    _wait_for_lamp(hub, owner_token, on=True)
    page.screenshot(path=artifacts / "automations-after-accept.png", full_page=True)


def test_yaml_problems_show_at_their_line_and_deleting_asks_first_in_chinese(
    hub: Hub, owner_token: str, browser: Browser, artifacts: Path
) -> None:
    context = browser.new_context(
        base_url=hub.url, viewport={"width": 1280, "height": 800}, locale="zh-CN"
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto("/")
        page.get_by_label("用户名").fill(OWNER)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.locator("nav.tabs").wait_for()
        page.goto("/#/automations")
        page.locator("[data-new-automation]").click()
        editor = page.locator("orbit-automation-editor")
        editor.locator("[data-mode='yaml']").click()
        editor.locator("[data-yaml]").fill(BROKEN)
        editor.locator("[data-save]").click()
        expect(editor.locator("[data-problem-line='5']")).to_contain_text("第 5 行")
        expect(editor.locator("[data-problem-line='5']")).to_contain_text("缩进")
        expect(editor.locator("[data-gutter] [data-line='5']")).to_have_class("bad")
        expect(editor.locator("[data-gutter] [data-line='4']")).not_to_have_class("bad")
        page.screenshot(path=artifacts / "automation-yaml-error-zh.png", full_page=True)
        assert serious_violations(page) == []
        with hub.client(owner_token) as client:
            assert client.get("/api/automations/lamp-at-dusk").status_code == 404

        editor.locator("[data-yaml]").fill(BROKEN.replace("   event", "    event"))
        editor.locator("[data-save]").click()
        card = page.locator("[data-automation='lamp-at-dusk']")
        expect(card).to_contain_text("Lamp at dusk")

        # Deleting asks first; cancelling keeps it.
        card.locator("[data-delete]").click()
        confirm = card.locator("[data-confirm-delete]")
        expect(confirm).to_contain_text("删除自动化“Lamp at dusk”")
        confirm.get_by_role("button", name="取消").click()
        expect(confirm).to_have_count(0)
        with hub.client(owner_token) as client:
            assert client.get("/api/automations/lamp-at-dusk").status_code == 200
        card.locator("[data-delete]").click()
        card.locator("[data-confirm-delete]").get_by_role("button", name="删除").click()
        expect(card).to_have_count(0)
        with hub.client(owner_token) as client:
            assert client.get("/api/automations/lamp-at-dusk").status_code == 404
    finally:
        context.close()
        with hub.client(owner_token) as client:
            client.patch("/api/me", json={"language": "en"})


def test_why_in_the_apps_language_german(
    hub: Hub, owner_token: str, browser: Browser, artifacts: Path
) -> None:
    rule = {
        "id": "lamp-brighter",
        "name": "Lamp brighter",
        "triggers": [{"type": "manual"}],
        "conditions": [
            {"type": "property", "device": "desk-lamp", "path": "light.on", "state": True}
        ],
        "actions": [
            {"type": "set", "device": "desk-lamp", "path": "light.brightness", "value": 80}
        ],
    }
    with hub.client(owner_token) as client:
        assert client.post("/api/automations", json=rule).status_code == 201
        client.put("/api/devices/desk-lamp/properties/light.on", json={"value": False})
    context = browser.new_context(base_url=hub.url, viewport=PHONE, is_mobile=True, locale="de-DE")
    context.set_default_timeout(STEP_TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto("/")
        page.get_by_label("Benutzername").fill(OWNER)
        page.get_by_label("Passwort").fill(PASSWORD)
        page.get_by_role("button", name="Anmelden").click()
        page.locator("nav.tabs").wait_for()
        page.goto("/#/automations")
        card = page.locator("[data-automation='lamp-brighter']")
        card.get_by_role("button", name="Jetzt ausführen").click()
        # The hub's own sentence, in German, with the lamp called by its name.
        expect(card.get_by_role("status")).to_contain_text("Nicht gestartet: Auslöser")
        expect(card.get_by_role("status")).to_contain_text("Bedingung")
        expect(card.get_by_role("status")).to_contain_text("Desk lamp")
        card.get_by_role("button", name="Warum?").click()
        expect(card.locator("[data-why]")).to_contain_text("war nicht erfüllt")
        page.screenshot(path=artifacts / "automation-why-de.png", full_page=True)
        # With the lamp on it runs, and its last run reads in German too.
        with hub.client(owner_token) as client:
            client.put("/api/devices/desk-lamp/properties/light.on", json={"value": True})
        card.get_by_role("button", name="Jetzt ausführen").click()
        expect(card.get_by_role("status")).to_have_text("Gestartet.")
        page.reload()
        # Running still, or done: either way in German.
        expect(card).to_contain_text(re.compile(r"Zuletzt gelaufen .*: (läuft|fertig)"))
    finally:
        context.close()
        with hub.client(owner_token) as client:
            client.delete("/api/automations/lamp-brighter")
            client.patch("/api/me", json={"language": "en"})
