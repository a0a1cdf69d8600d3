"""Unlocking from the app asks first: "Unlock Front door lock?", in English and in Chinese.

The hub answers an unconfirmed opening command with 409 ``confirmation_required``; the app
asks the person and sends the command again with ``"confirm": true`` only when they say yes.
"""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.web.conftest import OWNER, PASSWORD, PHONE, STEP_TIMEOUT_MS, Hub, sign_in

LOCK = "front-door-lock"
LOCKED = "lock.locked"


def _locked(hub: Hub, token: str) -> object:
    with hub.client(token) as client:
        answer = client.get(f"/api/devices/{LOCK}")
        assert answer.status_code == 200, answer.text
        return answer.json()["state"][LOCKED]["value"]


def _lock(hub: Hub, token: str) -> None:
    with hub.client(token) as client:
        answer = client.put(f"/api/devices/{LOCK}/properties/{LOCKED}", json={"value": True})
        assert answer.status_code == 200, answer.text


def test_unlocking_asks_first_and_cancel_keeps_it_locked(
    hub: Hub, owner_token: str, page: Page
) -> None:
    _lock(hub, owner_token)
    sign_in(page, OWNER)
    card = page.locator(f"[data-device='{LOCK}']")
    switch = card.get_by_role("switch").first
    expect(switch).to_have_attribute("aria-checked", "true")

    switch.click()
    dialog = page.get_by_role("alertdialog", name="Unlock Front door lock?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect(switch).to_have_attribute("aria-checked", "true")
    assert _locked(hub, owner_token) is True

    switch.click()
    page.get_by_role("alertdialog", name="Unlock Front door lock?").get_by_role(
        "button", name="Unlock"
    ).click()
    expect(switch).to_have_attribute("aria-checked", "false")
    assert _locked(hub, owner_token) is False
    # Locking again is not an opening: no question.
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "true")
    expect(page.get_by_role("alertdialog")).to_have_count(0)


def test_the_question_is_asked_in_chinese(hub: Hub, owner_token: str, browser: Browser) -> None:
    _lock(hub, owner_token)
    context = browser.new_context(base_url=hub.url, viewport=PHONE, is_mobile=True, locale="zh-CN")
    context.set_default_timeout(STEP_TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto("/")
        # Chosen on this phone, so the owner's English account setting does not override it.
        page.evaluate("localStorage.setItem('orbithub.language', 'zh-CN')")
        page.reload()
        page.get_by_label("用户名").fill(OWNER)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.locator("nav.tabs").wait_for()
        switch = page.locator(f"[data-device='{LOCK}']").get_by_role("switch").first
        switch.click()
        dialog = page.get_by_role("alertdialog", name="要解锁前门门锁吗？")  # noqa: RUF001
        expect(dialog).to_be_visible()
        dialog.get_by_role("button", name="解锁").click()
        expect(switch).to_have_attribute("aria-checked", "false")
        assert _locked(hub, owner_token) is False
    finally:
        context.close()


def test_the_owner_decides_whose_phone_counts_and_whether_to_be_told(
    hub: Hub, owner_token: str, page: Page
) -> None:
    with hub.client(owner_token) as client:
        created = client.post(
            "/api/users", json={"username": "nanny", "password": PASSWORD, "role": "guest"}
        )
        assert created.status_code == 201, created.text
        nanny_id = created.json()["id"]
    sign_in(page, OWNER)
    page.goto("/#/users")
    counts = page.locator("[data-user='nanny']").get_by_label(
        "Their phone counts toward who is home"
    )
    expect(counts).not_to_be_checked()  # a guest's phone does not count unless the owner says
    counts.check()
    expect(counts).to_be_checked()
    with hub.client(owner_token) as client:
        users = {u["id"]: u for u in client.get("/api/users").json()}
        assert users[nanny_id]["counts_for_presence"] is True
        client.delete(f"/api/users/{nanny_id}")

    page.locator("[data-tab='more']").click()
    told = page.get_by_label("Tell me when a child or guest unlocks a door or opens the garage")
    expect(told).to_be_checked()
    with page.expect_response(
        lambda r: r.url.endswith("/api/me") and r.request.method == "PATCH"
    ) as patched:
        told.uncheck()
    assert patched.value.ok
    with hub.client(owner_token) as client:
        assert client.get("/api/me").json()["user"]["security_notices"] is False
        client.patch("/api/me", json={"security_notices": True})
