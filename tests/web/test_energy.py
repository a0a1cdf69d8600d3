"""Energy over time: a week by day as a chart, and earlier weeks one tap away."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, Hub, sign_in


def test_a_week_of_energy_and_the_one_before(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    sign_in(page, OWNER)
    page.locator("[data-tab='energy']").click()
    expect(page.get_by_role("button", name="Week")).to_have_attribute("aria-pressed", "true")
    chart = page.locator("[data-energy-chart] span")
    expect(chart.first).to_be_attached()
    assert 7 <= chart.count() <= 8  # seven days back from now touch seven or eight local days
    this_week = page.locator("[data-energy-range]").inner_text()
    later = page.locator("[data-energy-later]")
    expect(later).to_be_disabled()
    page.locator("[data-energy-earlier]").click()
    expect(page.locator("[data-energy-range]")).not_to_have_text(this_week)
    expect(later).to_be_enabled()
    later.click()
    expect(page.locator("[data-energy-range]")).to_have_text(this_week)
    page.screenshot(path=artifacts / "energy-week.png", full_page=True)
    assert serious_violations(page) == []
    page.get_by_role("button", name="Day").click()
    expect(page.locator("[data-energy-chart]")).to_have_count(0)
