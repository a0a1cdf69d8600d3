"""Charts on the hub's clock: a phone whose clock is days off still sees the last day up to now.

The chart's window is in its ``data-window-start``/``data-window-end`` (epoch seconds), so the
test reads what the chart was drawn for. The car's page charts only battery, range and speed.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, Hub, sign_in

DAY = 86_400
PHONE_CLOCK_OFF_S = 3 * DAY
SLACK_S = 120


def _window(page: Page, path: str) -> tuple[float, float]:
    chart = page.locator(f"[data-chart='{path}']")
    expect(chart.locator("canvas")).to_be_visible()
    start = chart.get_attribute("data-window-start")
    end = chart.get_attribute("data-window-end")
    assert start is not None
    assert end is not None
    return float(start), float(end)


def test_the_chart_window_ends_at_the_hubs_clock(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    # This phone's clock is three days behind the hub's.
    behind_ms = PHONE_CLOCK_OFF_S * 1000
    page.add_init_script(
        f"(() => {{ const real = Date.now; Date.now = () => real() - {behind_ms}; }})()"
    )
    with hub.client(owner_token) as client:
        client.put(
            "/api/devices/living-room-ac/properties/air-conditioner.on", json={"value": True}
        )
    sign_in(page, OWNER)
    page.goto("/#/device/living-room-ac")
    start, end = _window(page, "environment.temperature")
    assert end == pytest.approx(time.time(), abs=SLACK_S)
    assert end - start == DAY
    # On/off is a timeline in words, not a 0-100 axis.
    expect(page.locator("[data-chart='air-conditioner.on'] canvas")).to_be_visible()
    # Settings are on the card, not charted.
    expect(page.locator("[data-chart='air-conditioner.target-temperature']")).to_have_count(0)
    page.screenshot(path=artifacts / "device-ac-charts.png", full_page=True)
    page.get_by_role("button", name="7 days").click()
    expect(page.locator("[data-chart='environment.temperature']")).to_have_attribute(
        "data-window-start", str(round(end - 7 * DAY))
    )
    assert serious_violations(page) == []


def test_the_car_page_charts_what_a_driver_reads(hub: Hub, owner_token: str, page: Page) -> None:
    sign_in(page, OWNER)
    page.goto("/#/device/car")
    expect(page.locator("[data-chart='battery.battery-level'] canvas")).to_be_visible()
    charts = page.locator("[data-chart]")
    expect(charts).to_have_count(3)
    assert sorted(c.get_attribute("data-chart") or "" for c in charts.all()) == [
        "battery.battery-level",
        "vehicle.range",
        "vehicle.speed",
    ]
