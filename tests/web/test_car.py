"""The car's plan set from the phone: target by departure, departure time and charge limit."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, Route, expect

from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, Hub, sign_in

TILE = Path(__file__).resolve().parents[1] / "fixtures" / "web" / "tile.png"


def test_the_charging_plan_is_set_from_the_phone(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    sign_in(page, OWNER)
    page.goto("/#/space/car")
    form = page.locator("[data-car='settings']")
    form.get_by_label("Target by departure (%)").fill("70")
    form.get_by_label("Departure", exact=True).fill("06:45")
    form.get_by_label("Charge limit").fill("85")
    form.get_by_role("button", name="Save").click()
    expect(form.get_by_role("status")).to_have_text("Saved: the car plans again.")
    with hub.client(owner_token) as client:
        vehicle = client.get("/api/vehicles/car").json()
    settings = vehicle["charging"]["settings"]
    assert settings["target_soc"] == 70
    assert settings["departure_time"] == "06:45"
    assert settings["limit_soc"] == 85
    # A target above the limit is explained, not sent.
    form.get_by_label("Target by departure (%)").fill("95")
    form.get_by_role("button", name="Save").click()
    expect(form.get_by_role("alert")).to_contain_text("above the limit (85%)")
    with hub.client(owner_token) as client:
        assert client.get("/api/vehicles/car").json()["charging"]["settings"]["target_soc"] == 70
    page.screenshot(path=artifacts / "car-settings.png", full_page=True)
    assert serious_violations(page) == []


def test_the_car_on_a_map_with_tiles_and_without(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    served: list[str] = []

    def tile(route: Route) -> None:
        served.append(route.request.url)
        route.fulfill(path=TILE, content_type="image/png")

    page.route("https://tile.openstreetmap.org/**", tile)
    sign_in(page, OWNER)
    page.goto("/#/space/car")
    the_map = page.locator("[data-map]")
    expect(the_map.locator("img.leaflet-tile-loaded").first).to_be_visible()
    assert served
    # The car, home and office are drawn on it, with the map's attribution.
    expect(the_map.locator("path.leaflet-interactive")).to_have_count(3)
    expect(the_map).to_contain_text("Home")
    expect(the_map).to_contain_text("OpenStreetMap")
    expect(page.locator("[data-map-sketch]")).to_have_count(0)
    page.screenshot(path=artifacts / "car-map.png", full_page=True)
    assert serious_violations(page) == []
    # Tiles cannot be had (offline network, blocked): a clean sketch instead of a grey box.
    page.unroute("https://tile.openstreetmap.org/**")
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page.reload()
    expect(page.locator("[data-map-sketch]")).to_be_visible()
    expect(page.locator("[data-map]")).to_have_count(0)
