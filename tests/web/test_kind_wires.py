"""The same kind gets the same page whatever wire it came over: HA discovery and zigbee2mqtt.

A hub with a real Mosquitto (``ORBITHUB_TEST_MQTT_URL``) learns an air conditioner, a blind and
a dimmable lamp from Home Assistant discovery messages, and a radiator thermostat, a blind and a
multi-sensor from zigbee2mqtt's device list (``wire_hub_server.py`` plays the devices: it
reports back whatever it is told). Their pages are the ones the built-in devices
get — target in steps with the room's reading, the blind's open/stop/close and position, the
lamp's brightness — the words are translated, and a command there changes the device's state.
"""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import service_url
from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, PASSWORD, PHONE, STEP_TIMEOUT_MS, Hub
from tests.web.test_kind_pages import DESKTOP, TEXT

START_TIMEOUT_S = 40.0
HUB_WAIT_S = 10.0
AC, BLIND, LAMP = "mqtt:study-ac", "mqtt:study-blind", "mqtt:study-lamp"
TRV, Z2M_BLIND, Z2M_SENSOR = (
    "z2m:0x00aa000000000005",
    "z2m:0x00aa000000000008",
    "z2m:0x00aa000000000004",
)


def _lines(stream: Any, lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


@pytest.fixture(scope="module")
def wire_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    """A real hub whose devices come from Home Assistant discovery over a real broker."""
    url = service_url("ORBITHUB_TEST_MQTT_URL", "MQTT")
    data_dir = tmp_path_factory.mktemp("wire-hub") / "data"
    prefix = f"orbithub-test/web-kinds-{time.time_ns()}"
    log = (data_dir.parent / "server.log").open("w")
    script = Path(__file__).with_name("wire_hub_server.py")
    process = subprocess.Popen(
        [sys.executable, str(script), str(data_dir), url, prefix],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    reader = threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True)
    reader.start()
    try:
        try:
            line = lines.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            line = ""
        if not line.startswith("READY "):
            process.kill()
            log.close()
            pytest.fail(
                f"the hub did not start: {line!r}\n{(data_dir.parent / 'server.log').read_text()}"
            )
        hub = Hub(line.split()[1])
        with hub.client() as client:
            answer = client.post(
                "/api/onboarding",
                json={"username": OWNER, "password": PASSWORD, "display_name": "Alex"},
            )
            assert answer.status_code == 200, answer.text
        yield hub
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=5)
        process.stdout.close()
        log.close()


@pytest.fixture(params=[("en", "phone"), ("zh-CN", "desktop")], ids=lambda p: f"{p[0]}-{p[1]}")
def signed_in(
    request: pytest.FixtureRequest, wire_hub: Hub, browser: Browser
) -> Iterator[tuple[Page, str, str]]:
    language, size = request.param
    phone = size == "phone"
    context = browser.new_context(
        base_url=wire_hub.url,
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
        yield page, language, size
    finally:
        context.close()


def _token(hub: Hub) -> str:
    with hub.client() as client:
        answer = client.post("/api/auth/login", json={"username": OWNER, "password": PASSWORD})
        assert answer.status_code == 200, answer.text
        token: str = answer.json()["access_token"]
        return token


def _wait_for(hub: Hub, device_id: str, path: str, wanted: Any) -> None:
    deadline = time.monotonic() + HUB_WAIT_S
    value: Any = None
    with hub.client(_token(hub)) as client:
        while time.monotonic() < deadline:
            state = client.get(f"/api/devices/{device_id}").json()["state"]
            value = state.get(path, {}).get("value")
            if value == wanted:
                return
            time.sleep(0.1)  # polling the hub's own answer, bounded by the deadline
    raise AssertionError(f"{device_id} {path} is {value!r} after {HUB_WAIT_S} s, not {wanted!r}")


def _put(hub: Hub, device_id: str, path: str, value: Any, reported: str | None = None) -> None:
    """Set a value through the API and wait until the device reported it back."""
    with hub.client(_token(hub)) as client:
        answer = client.put(f"/api/devices/{device_id}/properties/{path}", json={"value": value})
        assert answer.status_code == 200, answer.text
    _wait_for(hub, device_id, reported or path, value)


def test_a_discovered_air_conditioner_gets_the_climate_page(
    wire_hub: Hub, signed_in: tuple[Page, str, str], artifacts: Path
) -> None:
    page, language, size = signed_in
    words = TEXT[language]
    _put(wire_hub, AC, "thermostat.target-temperature", 25.0)
    page.goto(f"/#/device/{AC}")
    panel = page.locator("[data-kind='climate']")
    target = panel.locator("[data-value]")
    expect(target).to_have_text("25°C")
    expect(panel.locator("[data-room]")).to_contain_text(re.compile(r"27[.,]5°C"))
    # The wire's own mode names ("cool") read as the app's words for them.
    panel.get_by_role("button", name=words["cool"]).click()
    panel.get_by_role("button", name=f"{words['target']}: {words['decrease']}").click()
    expect(target).to_have_text(re.compile(r"24[.,]5°C"))
    panel.get_by_role("button", name=f"{words['target']}: {words['decrease']}").click()
    expect(target).to_have_text("24°C")
    _wait_for(wire_hub, AC, "thermostat.target-temperature", 24.0)
    page.screenshot(path=artifacts / f"kind-wire-climate-{language}-{size}.png", full_page=True)
    assert serious_violations(page) == []


def test_a_discovered_blind_and_lamp_get_their_pages(
    wire_hub: Hub, signed_in: tuple[Page, str, str], artifacts: Path
) -> None:
    page, language, size = signed_in
    words = TEXT[language]
    _put(wire_hub, BLIND, "curtain.target-position", 100, reported="curtain.current-position")
    _put(wire_hub, LAMP, "light.brightness", 80)
    page.goto(f"/#/device/{BLIND}")
    blind = page.locator("[data-kind='cover']")
    expect(blind.locator("[data-motor]")).to_have_count(3)
    blind.locator("[data-path='curtain.target-position'] input").fill("40")
    _wait_for(wire_hub, BLIND, "curtain.current-position", 40)
    expect(blind.locator("[data-state]")).to_contain_text("40")
    # "Close" is the wire's own close command; the blind reports itself closed.
    blind.locator("[data-motor='close']").click()
    _wait_for(wire_hub, BLIND, "curtain.current-position", 0)
    expect(blind.locator("[data-state]")).to_have_text(words["closed"])
    page.screenshot(path=artifacts / f"kind-wire-cover-{language}-{size}.png", full_page=True)
    assert serious_violations(page) == []
    page.goto(f"/#/device/{LAMP}")
    lamp = page.locator("[data-kind='light']")
    brightness = lamp.locator("[data-path='light.brightness']")
    expect(brightness.locator("[data-value]")).to_have_text("80%")
    brightness.get_by_label(words["brightness"]).fill("40")
    expect(brightness.locator("[data-value]")).to_have_text("40%")
    _wait_for(wire_hub, LAMP, "light.brightness", 40)
    expect(lamp.locator("[data-path='light.color-temperature']")).to_contain_text(words["warm"])
    page.screenshot(path=artifacts / f"kind-wire-light-{language}-{size}.png", full_page=True)
    assert serious_violations(page) == []


def test_zigbee2mqtt_devices_get_the_same_pages(
    wire_hub: Hub, signed_in: tuple[Page, str, str], artifacts: Path
) -> None:
    page, language, size = signed_in
    words = TEXT[language]
    _put(wire_hub, TRV, "thermostat.target-temperature", 21.0)
    # A radiator thermostat is a climate page: its target in steps, the room's reading beside.
    page.goto(f"/#/device/{TRV}")
    climate = page.locator("[data-kind='climate']")
    target = climate.locator("[data-value]")
    expect(target).to_have_text("21°C")
    expect(climate.locator("[data-room]")).to_contain_text(re.compile(r"19[.,]5°C"))
    climate.get_by_role("button", name=f"{words['target']}: {words['decrease']}").click()
    expect(target).to_have_text(re.compile(r"20[.,]5°C"))
    _wait_for(wire_hub, TRV, "thermostat.target-temperature", 20.5)
    page.screenshot(path=artifacts / f"kind-z2m-climate-{language}-{size}.png", full_page=True)
    assert serious_violations(page) == []
    # A blind: the cover page, and its slider moves it.
    page.goto(f"/#/device/{Z2M_BLIND}")
    blind = page.locator("[data-kind='cover']")
    expect(blind.locator("[data-motor]")).to_have_count(3)
    blind.locator("input[type='range']").fill("60")
    _wait_for(wire_hub, Z2M_BLIND, "curtain.current-position", 60)
    expect(blind.locator("[data-state]")).to_contain_text("60")
    # A multi-sensor leads with its readings in words and units.
    page.goto(f"/#/device/{Z2M_SENSOR}")
    sensor = page.locator("[data-kind='sensor']")
    expect(sensor.locator("[data-fact='temperature']")).to_contain_text(re.compile(r"23[.,]4°C"))
    expect(sensor.locator("[data-fact='humidity']")).to_contain_text("58%")
    # The script reports contact false: the door stands open and must read so.
    expect(sensor.locator("[data-fact='contact']")).to_contain_text(words["open"])
    expect(sensor.locator("[data-fact='motion']")).to_contain_text(words["last_motion"])
    page.screenshot(path=artifacts / f"kind-z2m-sensor-{language}-{size}.png", full_page=True)
    assert serious_violations(page) == []
