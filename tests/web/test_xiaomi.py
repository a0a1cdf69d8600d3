"""The owner adds a Xiaomi device from the app by address and token, sees it answer, removes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.adapters.miio.hub import TOKEN, ThreadedPurifier
from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, Hub, sign_in


@pytest.fixture
def purifier() -> Iterator[ThreadedPurifier]:
    device = ThreadedPurifier()
    yield device
    device.close()


def test_the_owner_adds_a_purifier_by_address_and_token(
    hub: Hub, owner_token: str, page: Page, artifacts: Path, purifier: ThreadedPurifier
) -> None:
    sign_in(page, OWNER)
    page.goto("/#/more")
    page.get_by_role("link", name="Xiaomi devices").click()
    expect(page.get_by_role("heading", name="Xiaomi devices")).to_be_visible()
    expect(page.get_by_text("No Xiaomi device added yet.")).to_be_visible()
    page.get_by_label("Address").fill(purifier.host)
    page.get_by_label("Token (32 hexadecimal digits)").fill(TOKEN)
    page.get_by_label("Name (optional)").fill("Study purifier")
    page.get_by_role("button", name="Add a device").click()
    expect(page.get_by_role("status")).to_contain_text("Study purifier added (xiaomi.airp.mb5)")
    added = page.locator("[data-xiaomi='xiaomi-7000001']")
    expect(added.locator("[data-state]")).to_have_text("Answering")
    assert TOKEN not in page.content()
    with hub.client(owner_token) as client:
        device = client.get("/api/devices/xiaomi-7000001")
        assert device.status_code == 200, device.text
        assert TOKEN not in client.get("/api/xiaomi/devices").text
    page.screenshot(path=artifacts / "xiaomi-added.png", full_page=True)
    assert serious_violations(page) == []
    # Removing asks first, then forgets the device and its token.
    added.get_by_role("button", name="Remove").click()
    added.get_by_role("alertdialog").get_by_role("button", name="Remove").click()
    expect(page.get_by_role("status")).to_contain_text("Study purifier removed")
    expect(page.locator("[data-xiaomi]")).to_have_count(0)
    with hub.client(owner_token) as client:
        assert client.get("/api/devices/xiaomi-7000001").status_code == 404
