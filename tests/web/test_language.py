"""One language throughout: the language of the sign-in page holds after signing in.

A Chinese phone signs in to an account kept in English and stays Chinese (the account learns
the phone's language, so what the hub writes for that person follows); a German phone gets the
whole app in German, a language added as one file of the web app.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, expect

from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, PASSWORD, PHONE, STEP_TIMEOUT_MS, Hub


def _phone(browser: Browser, hub: Hub, locale: str) -> BrowserContext:
    context = browser.new_context(
        base_url=hub.url, viewport=PHONE, is_mobile=True, has_touch=True, locale=locale
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    return context


def _wait_for_account_language(hub: Hub, token: str, wanted: str) -> None:
    """Wait until the app has told the hub the account's language (bounded)."""
    deadline = time.monotonic() + 10
    with hub.client(token) as client:
        while time.monotonic() < deadline:
            if client.get("/api/me").json()["user"]["language"] == wanted:
                return
            time.sleep(0.1)  # polling the hub's own answer, bounded by the deadline
    raise AssertionError(f"the account's language did not become {wanted} within 10 s")


def test_a_chinese_phone_stays_chinese_after_signing_in(
    hub: Hub, owner_token: str, browser: Browser
) -> None:
    with hub.client(owner_token) as client:
        client.patch("/api/me", json={"language": "en"})
    context = _phone(browser, hub, "zh-CN")
    try:
        page = context.new_page()
        page.goto("/")
        page.get_by_label("用户名").fill(OWNER)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        expect(page.locator("[data-tab='home']")).to_have_text(re.compile("家居"))
        expect(page.locator("[data-glance='climate']")).to_contain_text("室内")
        page.reload()
        expect(page.locator("[data-tab='energy']")).to_have_text(re.compile("能耗"))
        _wait_for_account_language(hub, owner_token, "zh-CN")
    finally:
        context.close()
        with hub.client(owner_token) as client:
            client.patch("/api/me", json={"language": "en"})


def test_a_german_phone_gets_the_app_in_german(
    hub: Hub, owner_token: str, browser: Browser, artifacts: Path
) -> None:
    context = _phone(browser, hub, "de-DE")
    try:
        page = context.new_page()
        page.goto("/")
        expect(page.get_by_role("button", name="Anmelden")).to_be_visible()
        page.get_by_label("Benutzername").fill(OWNER)
        page.get_by_label("Passwort").fill(PASSWORD)
        page.get_by_role("button", name="Anmelden").click()
        expect(page.locator("[data-tab='home']")).to_have_text(re.compile("Zuhause"))
        expect(page.locator("[data-glance='climate']")).to_contain_text("Innen")
        expect(page.locator("[data-glance='energy']")).to_contain_text("Energie heute")
        expect(page.locator("[data-device='front-door-lock'] [data-line]")).to_have_text(
            "Verriegelt"
        )
        page.screenshot(path=artifacts / "home-de.png")
        assert serious_violations(page) == []
        # A device page: the spec's names and the chart ranges in German too.
        page.goto("/#/device/living-room-ac")
        expect(page.locator("[data-path='air-conditioner.mode']")).to_contain_text("Kühlen")
        expect(page.get_by_role("button", name="7 Tage")).to_be_visible()
        page.locator("[data-tab='more']").click()
        expect(page.get_by_label("Sprache")).to_have_value("de")
    finally:
        context.close()
        with hub.client(owner_token) as client:
            client.patch("/api/me", json={"language": "en"})


def test_a_refused_sign_in_is_said_in_the_app_language_not_the_browser(
    hub: Hub, owner_token: str, browser: Browser
) -> None:
    # The browser says English; the person chose Chinese in the app on this phone before.
    context = _phone(browser, hub, "en-US")
    context.add_init_script("localStorage.setItem('orbithub.language', 'zh-CN')")
    try:
        page = context.new_page()
        page.goto("/")
        page.get_by_label("用户名").fill("nobody-here")
        page.get_by_label("密码").fill("not the password")
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_text("用户名或密码错误，请检查后重试")).to_be_visible()  # noqa: RUF001
    finally:
        context.close()
