"""The home at a glance on a phone: summary, scenes, favourites, room and device tiles.

The first screen of a 390x844 phone shows at least eight tiles; a scene is one tap; a favourite
starred on a device's page leads the home screen; every view checked here has no serious or
critical accessibility violation (axe-core), in English and in Chinese, on a phone and a desktop.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, PASSWORD, PHONE, STEP_TIMEOUT_MS, Hub, sign_in

TAB_BAR_PX = 64

FIRST_SCREEN_TILES = """() => {
  const found = [];
  const walk = (root) => root.querySelectorAll('*').forEach((el) => {
    if (el.matches('[data-device], [data-room]')) found.push(el);
    if (el.shadowRoot) walk(el.shadowRoot);
  });
  walk(document);
  const bottom = innerHeight - document.querySelector('orbit-app').shadowRoot
    .querySelector('nav.tabs').getBoundingClientRect().height;
  return found.filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.bottom <= bottom && r.left >= 0 && r.right <= innerWidth;
  }).length;
}"""


def test_the_home_at_a_glance_fills_the_first_screen(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    with hub.client(owner_token) as client:
        client.put("/api/devices/front-door-lock/properties/lock.locked", json={"value": True})
        client.put("/api/devices/kitchen-light/properties/light.on", json={"value": True})
    sign_in(page, OWNER)
    summary = page.locator("[data-summary]")
    expect(summary.locator("[data-glance='climate']")).to_contain_text(re.compile(r"\d°C"))
    expect(summary.locator("[data-glance='security']")).to_contain_text("Locked and closed")
    expect(summary.locator("[data-glance='energy']")).to_contain_text("kWh")
    expect(summary.locator("[data-glance='car']")).to_contain_text(re.compile(r"Car\s*\d+%"))
    expect(page.locator("[data-scene='good-night']")).to_have_text("Good night")
    # A room tile tells its reading and what is on; a device tile its state in words.
    expect(page.locator("[data-room='kitchen']")).to_contain_text(
        "3 on"
    )  # the light, the kettle, the water heater
    expect(page.locator("[data-device='front-door-lock'] [data-line]")).to_have_text("Locked")
    expect(page.locator("[data-device='kitchen-light'] [data-line]")).to_contain_text("On")
    expect(page.locator("[data-device='living-room-sensor'] [data-line]")).to_contain_text("°C")
    # Tiles have settled once their switches are there; then count what the first screen shows.
    expect(page.locator("[data-device='living-room-light']").get_by_role("switch")).to_be_visible()
    assert page.evaluate(FIRST_SCREEN_TILES) >= 8
    page.screenshot(path=artifacts / "home-glance.png")
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=artifacts / "home-glance-desktop.png")
    assert serious_violations(page) == []


def test_a_scene_in_one_tap(hub: Hub, owner_token: str, page: Page) -> None:
    with hub.client(owner_token) as client:
        client.put(
            "/api/devices/living-room-ac/properties/air-conditioner.on", json={"value": False}
        )
    sign_in(page, OWNER)
    page.locator("[data-scene='comfort']").click()
    expect(
        page.get_by_role("status").filter(has_text="Comfortable living room: done")
    ).to_be_visible()
    tile = page.locator("[data-device='living-room-ac']")
    expect(tile.get_by_role("switch")).to_have_attribute("aria-checked", "true")
    with hub.client(owner_token) as client:
        state = client.get("/api/devices/living-room-ac").json()["state"]
    assert state["air-conditioner.on"]["value"] is True


def test_a_favourite_leads_the_home_screen(hub: Hub, owner_token: str, page: Page) -> None:
    sign_in(page, OWNER)
    expect(page.locator("[data-favourites]")).to_have_count(0)
    page.goto("/#/device/robot-vacuum")
    star = page.locator("[data-favourite]")
    star.click()
    expect(star).to_have_attribute("aria-pressed", "true")
    page.locator("[data-tab='home']").click()
    heading = page.locator("[data-favourites]")
    expect(heading).to_have_text("Favourites")
    # The favourites come first: the vacuum's tile is in the grid right under the heading.
    expect(page.locator("[data-favourites] + .grid [data-device='robot-vacuum']")).to_be_visible()
    # Kept on this phone for this person, across a reload.
    page.reload()
    expect(page.locator("[data-favourites]")).to_have_text("Favourites")
    page.goto("/#/device/robot-vacuum")
    page.locator("[data-favourite]").click()
    page.locator("[data-tab='home']").click()
    expect(page.locator("[data-favourites]")).to_have_count(0)


def test_the_home_in_chinese(hub: Hub, owner_token: str, browser: Browser, artifacts: Path) -> None:
    context = browser.new_context(
        base_url=hub.url, viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto("/")
        page.evaluate("localStorage.setItem('orbithub.language', 'zh-CN')")
        page.reload()
        page.get_by_label("用户名").fill(OWNER)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.locator("nav.tabs").wait_for()
        expect(page.locator("[data-glance='climate']")).to_contain_text("室内")
        expect(page.locator("[data-glance='energy']")).to_contain_text("今日用电")
        expect(page.locator("[data-scene='good-night']")).to_have_text("晚安")
        expect(page.locator("[data-room='bedroom']")).to_contain_text("卧室")
        expect(page.locator("[data-device='living-room-light']")).to_contain_text("客厅吊灯")
        page.screenshot(path=artifacts / "home-glance-zh.png")
        assert serious_violations(page) == []
    finally:
        context.close()
