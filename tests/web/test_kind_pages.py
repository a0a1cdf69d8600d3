"""Device pages designed per kind, on a phone and a desktop, in English and in Chinese.

Each kind's page is picked from the device's spec and does what its owner expects: the air
conditioner's target steps down to 24 °C on the hub, a light's brightness slider dims it, the
curtain's slider moves the curtain, a sensor leads with its readings in words and units, the
vacuum starts and pauses from its buttons, the charger says whether it charges, the air purifier
leads with PM2.5 in words and switches to sleep (the demo's purifier and a Xiaomi one over miIO
with its published MIoT spec). Every page is screenshot and checked with axe-core (no serious or
critical violations).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, Route, ViewportSize, WebSocketRoute, expect

from tests.adapters.miio.hub import TOKEN, ThreadedPurifier
from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, PASSWORD, PHONE, STEP_TIMEOUT_MS, Hub, sign_in

DESKTOP: ViewportSize = {"width": 1280, "height": 800}
HUB_WAIT_S = 10.0

# What each language shows; the spec's own words come through the locale files.
TEXT: dict[str, dict[str, str]] = {
    "en": {
        "user": "User name",
        "password": "Password",
        "sign_in": "Sign in",
        "target": "Target temperature",
        "decrease": "Decrease",
        "mode": "Mode",
        "cool": "Cool",
        "room": "Room now",
        "brightness": "Brightness",
        "warm": "Warm",
        "temperature": "Temperature",
        "humidity": "Humidity",
        "closed": "Closed",
        "open": "Open",
        "start": "Start",
        "pause": "Pause",
        "sweeping": "Sweeping",
        "paused": "Paused",
        "plugged": "Plugged in",
        "more": "More settings",
        "battery": "Battery",
        "motion": "Motion",
        "last_motion": "Last motion 1 min. ago",
        "sleep": "Sleep",
        "air": "Air: (good|moderate|poor)",
        "poor": "Air: poor",
        "tile_pm25": r"PM2\.5 \d+ \((good|moderate|poor)\)",
        "filter": "Filter life left",
        "filter_used": "Filter used",
        "hours": "2,900 hours",
        "replace": "Replace the filter soon",
    },
    "zh-CN": {
        "user": "用户名",
        "password": "密码",
        "sign_in": "登录",
        "target": "目标温度",
        "decrease": "减少",
        "mode": "模式",
        "cool": "制冷",
        "room": "室内现在",
        "brightness": "亮度",
        "warm": "暖光",
        "temperature": "温度",
        "humidity": "湿度",
        "closed": "关着",
        "open": "开着",
        "start": "开始",
        "pause": "暂停",
        "sweeping": "清扫中",
        "paused": "已暂停",
        "plugged": "已插枪",
        "more": "更多设置",
        "battery": "电量",
        "motion": "人体移动",
        "last_motion": "上次有人 1分钟前",
        "sleep": "睡眠",
        "air": "空气：(优良|轻度污染|污染)",  # noqa: RUF001 (Chinese punctuation)
        "poor": "空气：污染",  # noqa: RUF001 (Chinese punctuation)
        "tile_pm25": r"PM2\.5 \d+（(优良|轻度污染|污染)）",  # noqa: RUF001 (Chinese punctuation)
        "filter": "滤芯剩余寿命",
        "filter_used": "滤芯已用",
        "hours": "2,900小时",
        "replace": "请尽快更换滤芯",
    },
}


@dataclass(frozen=True)
class Shown:
    """A signed-in page in one language at one size, and where its screenshots go."""

    page: Page
    language: str
    size: str
    artifacts: Path

    def text(self, key: str) -> str:
        return TEXT[self.language][key]

    def open(self, device_id: str, kind: str) -> None:
        self.page.goto(f"/#/device/{device_id}")
        expect(self.page.locator(f"[data-kind='{kind}']")).to_be_visible()

    def keep(self, name: str) -> None:
        """Screenshot the page, then check it has no serious accessibility violation."""
        self.page.screenshot(
            path=self.artifacts / f"kind-{name}-{self.language}-{self.size}.png", full_page=True
        )
        assert serious_violations(self.page) == []


@pytest.fixture(
    params=[("en", "phone"), ("en", "desktop"), ("zh-CN", "phone"), ("zh-CN", "desktop")],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def shown(
    request: pytest.FixtureRequest, hub: Hub, owner_token: str, browser: Browser, artifacts: Path
) -> Iterator[Shown]:
    language, size = request.param
    phone = size == "phone"
    context = browser.new_context(
        base_url=hub.url,
        viewport=PHONE if phone else DESKTOP,
        is_mobile=phone,
        has_touch=phone,
        locale=language,
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto("/")
        page.evaluate(f"localStorage.setItem('orbithub.language', '{language}')")
        page.reload()
        words = TEXT[language]
        page.get_by_label(words["user"]).fill(OWNER)
        page.get_by_label(words["password"]).fill(PASSWORD)
        page.get_by_role("button", name=words["sign_in"]).click()
        page.locator("nav.tabs").wait_for()
        yield Shown(page, language, size, artifacts)
    finally:
        context.close()


def _set(client: httpx.Client, device_id: str, path: str, value: Any) -> None:
    answer = client.put(f"/api/devices/{device_id}/properties/{path}", json={"value": value})
    assert answer.status_code == 200, answer.text


def _state(client: httpx.Client, device_id: str, path: str) -> Any:
    return client.get(f"/api/devices/{device_id}").json()["state"][path]["value"]


def _wait_for(hub: Hub, token: str, device_id: str, path: str, wanted: Any) -> None:
    """Wait until the hub reports ``wanted`` (a value, or a test on the value)."""
    deadline = time.monotonic() + HUB_WAIT_S
    value: Any = None
    with hub.client(token) as client:
        while time.monotonic() < deadline:
            value = _state(client, device_id, path)
            if wanted(value) if callable(wanted) else value == wanted:
                return
            time.sleep(0.1)  # polling the hub's own answer, bounded by the deadline
    raise AssertionError(f"{device_id} {path} is {value!r} after {HUB_WAIT_S} s, not {wanted!r}")


def test_the_air_conditioner_steps_its_target(hub: Hub, owner_token: str, shown: Shown) -> None:
    with hub.client(owner_token) as client:
        _set(client, "living-room-ac", "air-conditioner.on", True)
        _set(client, "living-room-ac", "air-conditioner.target-temperature", 25.0)
        _set(client, "living-room-ac", "air-conditioner.mode", 0)
    shown.open("living-room-ac", "climate")
    page = shown.page
    panel = page.locator("[data-kind='climate']")
    target = panel.locator("[data-path='air-conditioner.target-temperature'] [data-value]")
    expect(target).to_have_text("25°C")
    expect(panel.locator("[data-room]")).to_contain_text(re.compile(rf"{shown.text('room')}.*°C"))
    down = panel.get_by_role("button", name=f"{shown.text('target')}: {shown.text('decrease')}")
    down.click()
    expect(target).to_have_text(re.compile(r"24[.,]5°C"))
    down.click()
    expect(target).to_have_text("24°C")
    _wait_for(hub, owner_token, "living-room-ac", "air-conditioner.target-temperature", 24.0)
    panel.get_by_role("group", name=shown.text("mode")).get_by_role(
        "button", name=shown.text("cool")
    ).click()
    _wait_for(hub, owner_token, "living-room-ac", "air-conditioner.mode", 1)
    # What the panel does not show is under "More"; settings are not charted.
    expect(page.locator("[data-more]")).to_contain_text(shown.text("more"))
    expect(page.locator("[data-chart='air-conditioner.target-temperature']")).to_have_count(0)
    expect(page.locator("[data-chart='environment.temperature'] canvas")).to_be_visible()
    shown.keep("climate")


def test_a_lights_brightness_slider_dims_it(hub: Hub, owner_token: str, shown: Shown) -> None:
    with hub.client(owner_token) as client:
        _set(client, "desk-lamp", "light.on", True)
        _set(client, "desk-lamp", "light.brightness", 80)
    shown.open("desk-lamp", "light")
    panel = shown.page.locator("[data-kind='light']")
    brightness = panel.locator("[data-path='light.brightness']")
    expect(brightness.locator("[data-value]")).to_have_text("80%")
    brightness.get_by_label(shown.text("brightness")).fill("40")
    expect(brightness.locator("[data-value]")).to_have_text("40%")
    _wait_for(hub, owner_token, "desk-lamp", "light.brightness", 40)
    # Colour temperature runs from warm to cool, as the spec has it.
    expect(panel.locator("[data-path='light.color-temperature']")).to_contain_text(
        shown.text("warm")
    )
    shown.keep("light")


def test_the_curtain_slider_moves_the_curtain(hub: Hub, owner_token: str, shown: Shown) -> None:
    with hub.client(owner_token) as client:
        start = _state(client, "bedroom-curtain", "curtain.current-position")
    goal = 30 if start > 50 else 70
    shown.open("bedroom-curtain", "cover")
    panel = shown.page.locator("[data-kind='cover']")
    slider = panel.locator("[data-path='curtain.target-position'] input")
    slider.fill(str(goal))
    _wait_for(hub, owner_token, "bedroom-curtain", "curtain.target-position", goal)
    # The motor travels toward the new position (half a minute end to end).
    _wait_for(
        hub,
        owner_token,
        "bedroom-curtain",
        "curtain.current-position",
        lambda v: abs(v - goal) < abs(start - goal),
    )
    expect(panel.locator("[data-motor]")).to_have_count(3)
    shown.keep("cover")


def test_a_sensor_leads_with_its_readings(hub: Hub, owner_token: str, shown: Shown) -> None:
    shown.open("living-room-sensor", "sensor")
    page = shown.page
    panel = page.locator("[data-kind='sensor']")
    expect(panel.locator("[data-fact='temperature']")).to_contain_text(
        re.compile(rf"{shown.text('temperature')}\s*-?\d+([.,]\d)?°C")
    )
    expect(panel.locator("[data-fact='humidity']")).to_contain_text(
        re.compile(rf"{shown.text('humidity')}\s*\d+%")
    )
    expect(panel.locator("[data-battery]")).to_contain_text(shown.text("battery"))
    # Temperature and humidity are charts; the battery level is not.
    expect(page.locator("[data-chart='temperature-humidity-sensor.temperature']")).to_be_visible()
    expect(page.locator("[data-chart='battery.battery-level']")).to_have_count(0)
    shown.keep("sensor")
    shown.open("front-door", "sensor")
    expect(page.locator("[data-fact='contact']")).to_contain_text(
        re.compile(f"{shown.text('closed')}|{shown.text('open')}")
    )
    shown.open("hallway-motion", "sensor")
    expect(page.locator("[data-fact='motion']")).to_contain_text(shown.text("motion"))


def test_the_vacuum_starts_and_pauses(hub: Hub, owner_token: str, shown: Shown) -> None:
    shown.open("robot-vacuum", "vacuum")
    panel = shown.page.locator("[data-kind='vacuum']")
    expect(panel.locator("[data-fact='battery']")).to_contain_text("%")
    panel.get_by_role("button", name=shown.text("start"), exact=True).click()
    _wait_for(hub, owner_token, "robot-vacuum", "vacuum.status", 2)
    expect(panel.locator("[data-state]")).to_have_text(shown.text("sweeping"))
    panel.get_by_role("button", name=shown.text("pause"), exact=True).click()
    _wait_for(hub, owner_token, "robot-vacuum", "vacuum.status", 3)
    expect(panel.locator("[data-state]")).to_have_text(shown.text("paused"))
    shown.keep("vacuum")


def test_the_charger_says_whether_it_charges(hub: Hub, owner_token: str, shown: Shown) -> None:
    with hub.client(owner_token) as client:
        _set(client, "ev-charger", "charger.on", True)
        plugged = _state(client, "ev-charger", "charger.plugged")
    shown.open("ev-charger", "charger")
    panel = shown.page.locator("[data-kind='charger']")
    expect(panel.locator("[data-state]")).not_to_be_empty()
    if plugged:
        expect(panel.locator("[data-fact='plug']")).to_contain_text(shown.text("plugged"))
    expect(panel.locator("[data-fact='power']")).to_contain_text(re.compile(r"\d+ k?W"))
    switch = panel.get_by_role("switch")
    expect(switch).to_have_attribute("aria-checked", "true")
    switch.click()
    _wait_for(hub, owner_token, "ev-charger", "charger.on", False)
    expect(switch).to_have_attribute("aria-checked", "false")
    shown.keep("charger")
    with hub.client(owner_token) as client:
        _set(client, "ev-charger", "charger.on", True)


def test_the_purifier_leads_with_pm25_and_sleeps(hub: Hub, owner_token: str, shown: Shown) -> None:
    with hub.client(owner_token) as client:
        _set(client, "living-room-purifier", "air-purifier.on", True)
        _set(client, "living-room-purifier", "air-purifier.mode", 0)
    shown.open("living-room-purifier", "purifier")
    page = shown.page
    panel = page.locator("[data-kind='purifier']")
    air = panel.locator("[data-air]")
    expect(air).to_contain_text(re.compile(r"PM2\.5\s*\d+ µg/m³"))
    expect(air.locator("[data-band]")).to_have_text(re.compile(shown.text("air")))
    expect(panel.locator("[data-fact='filter']")).to_contain_text(
        re.compile(rf"{shown.text('filter')}\s*\d+%")
    )
    expect(panel.locator("[data-path='air-purifier.fan-level'] button")).to_have_count(3)
    panel.get_by_role("group", name=shown.text("mode")).get_by_role(
        "button", name=shown.text("sleep")
    ).click()
    _wait_for(hub, owner_token, "living-room-purifier", "air-purifier.mode", 1)
    expect(
        panel.get_by_role("group", name=shown.text("mode")).get_by_role(
            "button", name=shown.text("sleep")
        )
    ).to_have_attribute("aria-pressed", "true")
    shown.keep("purifier")
    # Its tile's key reading is the room's PM2.5 with its band.
    page.goto("/#/")
    tile = page.locator("section.tile[data-device='living-room-purifier'] [data-line]").first
    expect(tile).to_contain_text(re.compile(shown.text("tile_pm25")))
    with hub.client(owner_token) as client:
        _set(client, "living-room-purifier", "air-purifier.mode", 0)


@pytest.fixture
def xiaomi_purifier() -> Iterator[ThreadedPurifier]:
    """A Xiaomi purifier over miIO whose filter is nearly spent, in smoggy air."""
    device = ThreadedPurifier()
    device.values.values.update(
        {
            "environment.pm2.5-density": 80,
            "filter.filter-life-level": 6,
            "filter.filter-used-time": 2900,
        }
    )
    yield device
    device.close()


def test_a_xiaomi_purifier_gets_the_purifier_page(
    hub: Hub, owner_token: str, shown: Shown, xiaomi_purifier: ThreadedPurifier
) -> None:
    device_id = f"study-purifier-{shown.language.lower()}-{shown.size}"
    with hub.client(owner_token) as client:
        added = client.post(
            "/api/xiaomi/devices",
            json={
                "host": xiaomi_purifier.host,
                "token": TOKEN,
                "device_id": device_id,
                "name": "Study purifier",
            },
        )
        assert added.status_code in (200, 201), added.text
    try:
        shown.open(device_id, "purifier")
        panel = shown.page.locator("[data-kind='purifier']")
        expect(panel.locator("[data-band]")).to_have_text(shown.text("poor"))
        expect(panel.locator("[data-filter-low]")).to_contain_text(shown.text("replace"))
        expect(panel.locator("[data-fact='filter']")).to_contain_text("6%")
        expect(panel.locator("[data-fact='filter-used']")).to_contain_text(shown.text("hours"))
        # The published spec's Sleep is 3, not the built-in type's 1: the page sends the spec's.
        panel.get_by_role("group", name=shown.text("mode")).get_by_role(
            "button", name=shown.text("sleep")
        ).click()
        _wait_for(hub, owner_token, device_id, "air-purifier.mode", 3)
        assert xiaomi_purifier.values.values["air-purifier.mode"] == 3
        shown.keep("purifier-xiaomi")
    finally:
        with hub.client(owner_token) as client:
            client.delete(f"/api/xiaomi/devices/{device_id}")


def test_a_kind_page_says_when_its_values_are_last_known(
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
    page.goto("/#/device/desk-lamp")
    panel = page.locator("[data-kind='light']")
    brightness = panel.locator("[data-path='light.brightness'] input")
    expect(brightness).to_be_enabled()
    expect(panel.locator("[data-note]")).to_have_count(0)
    down["now"] = True
    for ws in sockets:
        ws.close()
    # The hub is out of reach: the values stay, marked as last known, and nothing can be sent.
    expect(panel.locator("[data-note]")).to_have_text("(last known)")
    expect(brightness).to_be_disabled()
    expect(panel.get_by_role("switch")).to_be_disabled()
    page.screenshot(path=artifacts / "kind-light-unreachable.png", full_page=True)
    down["now"] = False
