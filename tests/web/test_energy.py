"""Energy by calendar day, week and month, with its cost at the home's tariff from the hub.

The demo's tariff (Beijing-like time of use, CNY) is the hub's default, so every figure the
view shows is the one ``GET /api/energy`` answered: the test reads that very answer.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, PASSWORD, STEP_TIMEOUT_MS, Hub, sign_in

HEATER = "water-heater"
TARGET = "water-heater.target-temperature"


@pytest.fixture
def heating(hub: Hub, owner_token: str) -> Iterator[None]:
    """The water heater heating at 2 kW (its set point raised), until it has used some energy."""
    with hub.client(owner_token) as client:
        assert client.put(
            f"/api/devices/{HEATER}/properties/{TARGET}", json={"value": 75}
        ).is_success
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            week = client.get("/api/energy", params={"space_id": "home", "span": "week"}).json()
            if any(d["id"] == HEATER and d["total"] > 0 for d in week["devices"]):
                break
            time.sleep(0.5)  # the hub's own answer, polled within the deadline
        else:
            raise AssertionError("the water heater used no energy within 20 s at a 75 °C set point")
        try:
            yield
        finally:
            client.put(f"/api/devices/{HEATER}/properties/{TARGET}", json={"value": 60})


def _money(page: Page, value: float, currency: str) -> str:
    """The amount as the app writes it in the page's language."""
    text: str = page.evaluate(
        "([v, c]) => v.toLocaleString(document.documentElement.lang,"
        " {style: 'currency', currency: c})",
        [value, currency],
    )
    return text


def _open_energy(page: Page) -> dict[str, Any]:
    """Open the energy tab and return the answer the view was drawn from."""
    with page.expect_response(lambda r: "/api/energy?" in r.url) as answer:
        page.locator("[data-tab='energy']").click()
    body: dict[str, Any] = answer.value.json()
    return body


def test_a_week_with_its_cost_top_consumers_and_dates(
    hub: Hub, owner_token: str, heating: None, page: Page, artifacts: Path
) -> None:
    sign_in(page, OWNER)
    week = _open_energy(page)
    expect(page.get_by_role("button", name="Week")).to_have_attribute("aria-pressed", "true")
    assert week["span"]["span"] == "week"
    assert week["span"]["current"] is True
    assert week["currency"] == "CNY"
    assert week["cost"] is not None
    expect(page.locator("[data-energy-cost]")).to_have_text(
        _money(page, week["cost"], week["currency"])
    )
    # A calendar week, Monday to Sunday: seven bars, and nothing after this week.
    expect(page.locator("[data-energy-chart] span")).to_have_count(7)
    later = page.locator("[data-energy-later]")
    expect(later).to_be_disabled()
    expect(page.locator("[data-energy-today]")).to_have_count(0)
    top = week["devices"]
    used = sorted((d for d in top if d["total"] > 0), key=lambda d: -d["total"])
    first = page.locator("[data-consumer]").first
    expect(first).to_have_attribute("data-consumer", used[0]["id"])
    expect(first).to_contain_text(f"{round(used[0]['share'] * 100)}%")
    expect(first.locator("[data-consumer-cost]")).to_have_text(_money(page, used[0]["cost"], "CNY"))
    this_week = page.locator("[data-energy-range]").inner_text()
    with page.expect_response(lambda r: "/api/energy?" in r.url) as earlier:
        page.locator("[data-energy-earlier]").click()
    assert earlier.value.json()["span"]["date"] == week["span"]["previous"]
    expect(page.locator("[data-energy-range]")).not_to_have_text(this_week)
    expect(later).to_be_enabled()
    page.locator("[data-energy-today]").click()
    expect(page.locator("[data-energy-range]")).to_have_text(this_week)
    page.screenshot(path=artifacts / "energy-week.png", full_page=True)
    assert serious_violations(page) == []
    # A day: by hour, with the day's cost.
    with page.expect_response(lambda r: "/api/energy?" in r.url) as day_answer:
        page.get_by_role("button", name="Day").click()
    day = day_answer.value.json()
    assert day["period"] == "hour"
    expect(page.locator("[data-energy-chart] span")).to_have_count(len(day["devices"][0]["series"]))
    expect(page.locator("[data-energy-cost]")).to_have_text(_money(page, day["cost"], "CNY"))


def test_energy_in_chinese_on_a_desktop(
    hub: Hub, owner_token: str, heating: None, browser: Browser, artifacts: Path
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
        with page.expect_response(lambda r: "/api/energy?" in r.url):
            page.locator("[data-tab='energy']").click()
        with page.expect_response(lambda r: "/api/energy?" in r.url) as month_answer:
            page.get_by_role("button", name="按月").click()
        month = month_answer.value.json()
        assert month["span"]["span"] == "month"
        expect(page.locator("[data-energy-top] h2")).to_have_text("用电最多")
        expect(page.locator("[data-energy-cost]")).to_have_text(_money(page, month["cost"], "CNY"))
        expect(page.locator("[data-energy-cost]")).to_contain_text("¥")
        page.screenshot(path=artifacts / "energy-month-zh.png", full_page=True)
        assert serious_violations(page) == []
    finally:
        context.close()
        with hub.client(owner_token) as client:
            client.patch("/api/me", json={"language": "en"})
