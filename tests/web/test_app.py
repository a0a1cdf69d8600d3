"""The web app in a real Chromium against a real hub, as a person on a phone uses it.

Sign-in and onboarding, live control and updates, languages, a guest's limits, the offline shell.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.web.conftest import OWNER, PASSWORD, PHONE, Hub, sign_in

LIGHT = "living-room-light"
AC = "living-room-ac"
TARGET = "air-conditioner.target-temperature"


def _device(hub: Hub, token: str, device_id: str) -> dict[str, object]:
    with hub.client(token) as client:
        answer = client.get(f"/api/devices/{device_id}")
        assert answer.status_code == 200, answer.text
        body: dict[str, object] = answer.json()
        return body


def _value(hub: Hub, token: str, device_id: str, path: str) -> object:
    state = _device(hub, token, device_id)["state"]
    assert isinstance(state, dict)
    return state[path]["value"]


def _wait_for_activity(client: httpx.Client, device_id: str, path: str) -> None:
    """Wait until the recorder (which writes in batches) has stored a command."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        entries = client.get(f"/api/events?device_id={device_id}&limit=5").json()
        if any(e["kind"] == "command" and e["path"] == path for e in entries):
            return
        time.sleep(0.1)  # polling the hub's own answer, bounded by the deadline
    raise AssertionError(f"no {path} command of {device_id} in the activity log after 10 s")


def test_first_run_onboarding_creates_the_owner(hub: Hub, page: Page, artifacts: Path) -> None:
    with hub.client() as client:
        assert client.get("/api/onboarding").json()["needed"] is True
    page.goto("/")
    expect(page.get_by_role("heading", name="Welcome! Create the owner account")).to_be_visible()
    page.screenshot(path=artifacts / "onboarding.png")
    page.get_by_label("User name").fill(OWNER)
    page.get_by_label("Your name").fill("Alex")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create owner").click()
    expect(page.locator("[data-device='living-room-light']")).to_be_visible()
    with hub.client() as client:
        assert client.get("/api/onboarding").json()["needed"] is False
        signed_in = client.post("/api/auth/login", json={"username": OWNER, "password": PASSWORD})
        assert signed_in.json()["user"]["role"] == "owner"


def test_sign_in_shows_the_demo_home(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    page.goto("/")
    page.get_by_label("User name").fill(OWNER)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Sign-in failed")
    sign_in(page, OWNER)
    # Rooms of the demo home as chips, devices as cards with the live connection up.
    for room in ("Living room", "Bedroom", "Kitchen", "Garage"):
        expect(page.get_by_role("button", name=room, exact=True)).to_be_visible()
    expect(page.locator("[data-device='bedroom-ac']")).to_be_visible()
    expect(page.locator("[data-live='live']")).to_be_visible()
    page.screenshot(path=artifacts / "home.png")
    # The same app on a desktop: the cards flow into columns.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=artifacts / "home-desktop.png")


def test_toggling_a_light_and_seeing_changes_arrive_live(
    hub: Hub, owner_token: str, page: Page
) -> None:
    sign_in(page, OWNER)
    expect(page.locator("[data-live='live']")).to_be_visible()
    card = page.locator(f"[data-device='{LIGHT}']")
    switch = card.get_by_role("switch", name="Ceiling light: Switch Status")
    before = _value(hub, owner_token, LIGHT, "light.on")
    expect(switch).to_have_attribute("aria-checked", str(before).lower())
    switch.click()
    expect(switch).to_have_attribute("aria-checked", str(not before).lower())
    assert _value(hub, owner_token, LIGHT, "light.on") is (not before)
    # Someone else turns it back (another phone, an automation): the page learns it from the
    # WebSocket. A marker on window proves the page was not reloaded.
    page.evaluate("window.__stillTheSamePage = true")
    with hub.client(owner_token) as client:
        answer = client.put(f"/api/devices/{LIGHT}/properties/light.on", json={"value": before})
        assert answer.status_code == 200, answer.text
    expect(switch).to_have_attribute("aria-checked", str(before).lower())
    assert page.evaluate("window.__stillTheSamePage") is True
    # A brightness change made elsewhere shows up the same way, on the tile's line.
    with hub.client(owner_token) as client:
        client.put(f"/api/devices/{LIGHT}/properties/light.on", json={"value": True})
        client.put(f"/api/devices/{LIGHT}/properties/light.brightness", json={"value": 37})
    expect(card.locator("[data-line]")).to_have_text("On · 37%")
    with hub.client(owner_token) as client:
        client.put(f"/api/devices/{LIGHT}/properties/light.on", json={"value": before})


def test_changing_the_ac_target_temperature(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    with hub.client(owner_token) as client:
        client.put(f"/api/devices/{AC}/properties/{TARGET}", json={"value": 24})
    sign_in(page, OWNER)
    page.goto(f"/#/device/{AC}")
    control = page.locator(f"[data-path='{TARGET}']")
    expect(control.locator(".value")).to_have_text("24°C")
    increase = control.get_by_role("button", name="Target temperature: Increase")
    increase.click()
    expect(control.locator(".value")).to_have_text("24.5°C")
    increase.click()
    expect(control.locator(".value")).to_have_text("25°C")
    assert _value(hub, owner_token, AC, TARGET) == 25
    # The mode is a value list: a segmented control with the spec's descriptions.
    cool = page.locator("[data-path='air-conditioner.mode']").get_by_role("button", name="Cool")
    cool.click()
    expect(cool).to_have_attribute("aria-pressed", "true")
    assert _value(hub, owner_token, AC, "air-conditioner.mode") == 1
    # History charts: the room temperature recorded since the hub started is drawn (uPlot).
    expect(page.locator("[data-chart='environment.temperature'] canvas")).to_be_visible()
    page.get_by_role("button", name="7 days").click()
    expect(page.get_by_role("button", name="7 days")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-chart='environment.temperature'] canvas")).to_be_visible()
    page.screenshot(path=artifacts / "device-ac.png", full_page=True)


def test_switching_to_chinese(hub: Hub, owner_token: str, page: Page, artifacts: Path) -> None:
    sign_in(page, OWNER)
    try:
        _switch_to_chinese_and_back(page, artifacts)
    finally:
        # The choice is also kept with the account: leave it English for the other tests.
        with hub.client(owner_token) as client:
            client.patch("/api/me", json={"language": "en"})


def _switch_to_chinese_and_back(page: Page, artifacts: Path) -> None:
    page.locator("[data-tab='more']").click()
    page.get_by_label("Language").select_option("zh-CN")
    expect(page.locator("[data-tab='home']")).to_have_text(re.compile("家居"))
    page.locator("[data-tab='home']").click()
    light = page.locator(f"[data-device='{LIGHT}']")
    expect(light).to_contain_text("客厅吊灯")
    expect(page.locator("[data-glance='climate']")).to_contain_text("室内")
    expect(page.get_by_role("button", name="卧室", exact=True)).to_be_visible()
    page.screenshot(path=artifacts / "home-zh.png", full_page=True)
    # The choice is kept on this phone.
    page.reload()
    expect(page.locator("[data-tab='energy']")).to_have_text(re.compile("能耗"))
    page.locator("[data-tab='more']").click()
    page.get_by_label("语言").select_option("en")
    expect(page.locator("[data-tab='home']")).to_have_text(re.compile("Home"))


def test_a_guest_sees_only_the_granted_room(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    with hub.client(owner_token) as client:
        created = client.post(
            "/api/users",
            json={"username": "visitor", "password": PASSWORD, "role": "guest"},
        )
        assert created.status_code == 201, created.text
        granted = client.post(
            f"/api/users/{created.json()['id']}/grants",
            json={"space_id": "home", "room_ids": ["kitchen", "hallway"], "device_ids": None},
        )
        assert granted.status_code == 201, granted.text
    sign_in(page, "visitor")
    expect(page.locator("[data-device='kitchen-light']")).to_be_visible()
    expect(page.locator("[data-device='bedroom-ac']")).to_have_count(0)
    expect(page.get_by_role("button", name="Bedroom", exact=True)).to_have_count(0)
    # A lock is a security device: a guest sees it but its controls are disabled.
    lock = page.locator("[data-device='front-door-lock']")
    expect(lock).to_contain_text("View only")
    expect(lock.get_by_role("switch")).to_be_disabled()
    expect(page.locator("[data-device='kitchen-light']").get_by_role("switch")).to_be_enabled()
    page.screenshot(path=artifacts / "guest-home.png", full_page=True)
    # The owner narrows the grant while the guest's page still shows the kitchen: the guest's
    # next tap is refused by the hub, and the card shows the hub's own message.
    with hub.client(owner_token) as client:
        assert client.delete(f"/api/grants/{granted.json()['id']}").status_code == 204
        client.post(
            f"/api/users/{created.json()['id']}/grants",
            json={"space_id": "home", "room_ids": ["hallway"], "device_ids": None},
        )
    with hub.client() as client:
        token = client.post(
            "/api/auth/login", json={"username": "visitor", "password": PASSWORD}
        ).json()["access_token"]
    with hub.client(token) as client:
        refused = client.put("/api/devices/kitchen-light/properties/light.on", json={"value": True})
    assert refused.status_code in (403, 404), refused.text
    kitchen = page.locator("[data-device='kitchen-light']")
    kitchen.get_by_role("switch").click()
    expect(kitchen.get_by_role("alert")).to_have_text(refused.json()["message"])
    # Typing the address of a device in another room gets a clear refusal, not the device.
    page.goto("/#/device/bedroom-ac")
    expect(page.get_by_role("alert")).to_contain_text("does not exist or you may not see it")
    expect(page.locator("[data-device='bedroom-ac']")).to_have_count(0)


def test_main_views(hub: Hub, owner_token: str, page: Page, artifacts: Path) -> None:
    # No map tiles reach this phone: the car's place is drawn as a sketch against home and office.
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    sign_in(page, OWNER)
    page.goto("/#/space/car")
    expect(page.locator("[data-car='battery']")).to_have_text(re.compile(r"^\d+%$"))
    expect(page.locator("[data-device='car']")).to_contain_text("Target temperature")
    expect(page.get_by_role("img", name=re.compile("km from home"))).to_be_visible()
    # The charging planner's explanation, in the app's language.
    expect(page.locator("[data-car='plan']")).to_contain_text("Charging plan")
    page.screenshot(path=artifacts / "car.png", full_page=True)
    page.locator("[data-tab='energy']").click()
    expect(page.get_by_role("heading", name="Energy")).to_be_visible()
    page.screenshot(path=artifacts / "energy.png", full_page=True)
    with hub.client(owner_token) as client:
        client.put("/api/devices/kitchen-light/properties/light.brightness", json={"value": 42})
        _wait_for_activity(client, "kitchen-light", "light.brightness")
    page.locator("[data-tab='activity']").click()
    expect(page.get_by_role("heading", name="Activity")).to_be_visible()
    # The newest entry first, told as a sentence: who set what to which value, in the spec's
    # words and units.
    expect(page.locator("ul.plain li").first).to_contain_text("Kitchen light · Brightness → 42%")
    page.screenshot(path=artifacts / "activity.png", full_page=True)
    page.goto("/#/automations")
    automation = page.locator("section.card").filter(has_text="Car 10 minutes away")
    expect(automation).to_contain_text("Never run")
    automation.get_by_role("button", name="Why?").click()
    with hub.client(owner_token) as client:
        reasons = client.get("/api/automations/arriving-comfort/why?lang=en").json()
    expected = reasons[-1]["text"] if reasons else "No recent check of its triggers held it back"
    expect(automation.locator("[data-why]")).to_contain_text(expected)
    page.screenshot(path=artifacts / "automations.png", full_page=True)
    page.goto("/#/users")
    expect(page.locator("[data-user='alex']")).to_contain_text("Owner")
    page.screenshot(path=artifacts / "users.png", full_page=True)
    page.locator("[data-tab='inbox']").click()
    expect(page.get_by_role("heading", name="Notifications")).to_be_visible()


def test_offline_shell_from_the_service_worker(
    hub: Hub, owner_token: str, context: BrowserContext, page: Page, artifacts: Path
) -> None:
    sign_in(page, OWNER)
    expect(page.locator(f"[data-device='{LIGHT}']")).to_be_visible()
    # The worker precached the shell and controls the page (it claims clients when it starts).
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    context.set_offline(True)
    try:
        page.reload()
        expect(page.locator("[data-offline]")).to_contain_text("Offline")
        # The home as last seen, from this phone's own copy.
        expect(page.locator(f"[data-device='{LIGHT}']")).to_contain_text("Ceiling light")
        page.screenshot(path=artifacts / "offline.png")
    finally:
        context.set_offline(False)
    # Back online, the app reconnects by itself.
    expect(page.locator("[data-offline]")).to_have_count(0)
    expect(page.locator("[data-device='living-room-light']")).to_be_visible()


def test_the_command_box_controls_a_device(hub: Hub, owner_token: str, page: Page) -> None:
    with hub.client(owner_token) as client:
        client.put("/api/devices/kitchen-light/properties/light.on", json={"value": False})
    sign_in(page, OWNER)
    switch = page.locator("[data-device='kitchen-light']").get_by_role("switch").first
    expect(switch).to_have_attribute("aria-checked", "false")
    box = page.get_by_placeholder(re.compile("Ask or command"))
    box.fill("turn on the kitchen light")
    box.press("Enter")
    expect(page.locator("[data-answer]")).to_contain_text("Kitchen light")
    expect(switch).to_have_attribute("aria-checked", "true")


def test_which_one_comes_back_as_buttons(hub: Hub, owner_token: str, page: Page) -> None:
    with hub.client(owner_token) as client:
        client.put("/api/devices/bedroom-ac/properties/air-conditioner.on", json={"value": False})
    sign_in(page, OWNER)
    box = page.get_by_placeholder(re.compile("Ask or command"))
    box.fill("打开空调")  # Chinese in the English app: asked and answered in Chinese
    box.press("Enter")
    answer = page.locator("[data-answer]")
    expect(answer).to_contain_text("你指的是哪一个")
    expect(answer.locator("[data-choice]")).to_have_count(4)  # two ACs, all, cancel
    answer.get_by_role("button", name="卧室空调").click()
    expect(answer).to_contain_text("已打开卧室空调")
    expect(answer.locator("[data-choice]")).to_have_count(0)
    assert _value(hub, owner_token, "bedroom-ac", "air-conditioner.on") is True


def test_the_command_box_means_the_room_on_screen(hub: Hub, owner_token: str, page: Page) -> None:
    target = "air-conditioner.target-temperature"
    with hub.client(owner_token) as client:
        for ac in ("bedroom-ac", "living-room-ac"):
            client.put(f"/api/devices/{ac}/properties/{target}", json={"value": 24})
    sign_in(page, OWNER)
    page.locator("[data-room='bedroom']").click()
    box = page.get_by_placeholder(re.compile("Ask or command"))
    box.fill("make it a little warmer")
    box.press("Enter")
    # Looking at the bedroom, "it" is the bedroom's AC: no question back.
    expect(page.locator("[data-answer]")).to_contain_text("Bedroom AC set to 25")
    with hub.client(owner_token) as client:
        assert client.get("/api/devices/living-room-ac").json()["state"][target]["value"] == 24


def test_a_chinese_phone_gets_chinese_from_the_start(hub: Hub, browser: Browser) -> None:
    context = browser.new_context(base_url=hub.url, viewport=PHONE, is_mobile=True, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto("/")
        expect(page.get_by_role("button", name="登录")).to_be_visible()
        expect(page.get_by_label("用户名")).to_be_visible()
    finally:
        context.close()


def test_the_owner_adds_a_person_and_grants_a_room(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    sign_in(page, OWNER)
    page.goto("/#/users")
    form = page.locator("form").filter(has=page.get_by_role("button", name="Add user"))
    form.get_by_label("User name").fill("leo")
    form.get_by_label("Display name").fill("Leo")
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_label("Role").select_option("child")
    form.get_by_role("button", name="Add user").click()
    leo = page.locator("[data-user='leo']")
    expect(leo).to_contain_text("Child")
    leo.get_by_role("button", name="Access").click()
    leo.get_by_label("Study").check()
    leo.get_by_role("button", name="Grant access").click()
    expect(leo.locator("[data-grant]")).to_contain_text("Study")
    page.screenshot(path=artifacts / "users-grant.png", full_page=True)
    with hub.client() as client:
        signed_in = client.post("/api/auth/login", json={"username": "leo", "password": PASSWORD})
        assert signed_in.status_code == 200, signed_in.text
        token = signed_in.json()["access_token"]
    with hub.client(token) as client:
        seen = {d["id"] for d in client.get("/api/devices").json()}
    assert "desk-lamp" in seen
    assert "bedroom-ac" not in seen
    # Revoking (asked first) takes it away again.
    leo.locator("[data-grant]").get_by_role("button", name="Revoke").click()
    leo.get_by_role("alertdialog").get_by_role("button", name="Revoke").click()
    expect(leo.locator("[data-grant]")).to_have_count(0)
    with hub.client(token) as client:
        assert client.get("/api/devices/desk-lamp").status_code == 404


def test_a_notification_arrives_live_and_lands_in_the_inbox(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    sign_in(page, OWNER)
    expect(page.locator("[data-live='live']")).to_be_visible()
    automation = {
        "id": "tell-alex",
        "name": "Tell Alex about the door",
        "triggers": [{"type": "manual"}],
        "actions": [
            {
                "type": "notify",
                "to": [OWNER],
                "title": "Front door",
                "message": "Someone is at the door.",
            }
        ],
    }
    with hub.client(owner_token) as client:
        created = client.post("/api/automations", json=automation)
        assert created.status_code == 201, created.text
        started = client.post("/api/automations/tell-alex/run")
        assert started.status_code == 200, started.text
    expect(page.locator("[data-toast]")).to_have_text("Front door: Someone is at the door.")
    expect(page.locator("[data-unseen]")).to_have_text("1")
    page.locator("[data-tab='inbox']").click()
    expect(page.locator("[data-unseen]")).to_have_count(0)
    notice = page.locator("[data-notification]").filter(has_text="Someone is at the door.")
    expect(notice).to_have_count(1)
    page.screenshot(path=artifacts / "inbox.png", full_page=True)
    notice.get_by_role("button", name="Mark read").click()
    expect(notice.get_by_role("button", name="Mark read")).to_have_count(0)
    with hub.client(owner_token) as client:
        stored = client.get("/api/notifications").json()
    assert [n["read"] for n in stored if n["title"] == "Front door"] == [True]


def test_the_phone_reports_as_a_companion_when_turned_on(
    hub: Hub, owner_token: str, browser: Browser
) -> None:
    context = browser.new_context(
        base_url=hub.url,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        locale="en-US",
        geolocation={"latitude": 39.9087, "longitude": 116.3975, "accuracy": 20},
        permissions=["geolocation"],
    )
    try:
        page = context.new_page()
        sign_in(page, OWNER)
        with hub.client(owner_token) as client:
            before = {p["device_id"] for p in client.get("/api/companion/phones").json()}
        page.locator("[data-tab='more']").click()
        companion = page.get_by_label("Use this phone as a companion (location and battery)")
        expect(companion).not_to_be_checked()  # off until the person turns it on
        companion.check()
        with hub.client(owner_token) as client:
            phone = _wait_for_report(client, before)
            state = client.get(f"/api/devices/{phone}").json()["state"]
        assert abs(state["location.latitude"]["value"] - 39.9087) < 1e-4
        assert abs(state["location.longitude"]["value"] - 116.3975) < 1e-4
    finally:
        context.close()


def _wait_for_report(client: httpx.Client, known: set[str]) -> str:
    """The id of a newly registered phone of the owner once it has reported (bounded wait)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for phone in client.get("/api/companion/phones").json():
            if phone["device_id"] not in known and phone["last_report_at"] is not None:
                assert phone["owner"] == OWNER
                device_id: str = phone["device_id"]
                return device_id
        time.sleep(0.1)  # polling the hub's own answer, bounded by the deadline
    raise AssertionError("the phone registered no report within 10 s")
