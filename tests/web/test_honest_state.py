"""Honest state: an unreachable hub disables controls and marks values as last known.

When it answers again, both come back by themselves.

The hub is made unreachable for this one page only: its requests are refused and its live
socket closed, while the real hub keeps running for the other tests.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, Route, WebSocketRoute, expect

from tests.web.conftest import OWNER, Hub, sign_in

LIGHT = "living-room-light"


def test_an_unreachable_hub_disables_controls_and_marks_values(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    down = {"now": False}
    sockets: list[WebSocketRoute] = []

    def socket(ws: WebSocketRoute) -> None:
        if down["now"]:
            ws.close()
            return
        ws.connect_to_server()
        sockets.append(ws)

    def request(route: Route) -> None:
        if down["now"]:
            route.abort("connectionrefused")
        else:
            route.continue_()

    page.route_web_socket(re.compile(r"/api/ws$"), socket)
    page.route(re.compile(r"/api/"), request)
    sign_in(page, OWNER)
    tile = page.locator(f"[data-device='{LIGHT}']")
    switch = tile.get_by_role("switch")
    expect(page.locator("[data-live='live']")).to_be_visible()
    expect(switch).to_be_enabled()
    expect(tile.locator("[data-line]")).not_to_contain_text("last known")

    down["now"] = True
    for ws in sockets:
        ws.close()
    expect(switch).to_be_disabled()
    expect(tile.locator("[data-line]")).to_contain_text("(last known)")
    expect(page.locator("[data-live='live']")).to_have_count(0)
    page.screenshot(path=artifacts / "hub-unreachable.png")

    down["now"] = False
    # The live view reconnects by itself (with backoff) and the values are current again.
    expect(switch).to_be_enabled(timeout=30_000)
    expect(tile.locator("[data-line]")).not_to_contain_text("last known")
