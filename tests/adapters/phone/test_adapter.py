"""Phones register as devices of their owners and report location, battery and Wi-Fi."""

from __future__ import annotations

import math

import pytest

from orbithub.adapters.phone import (
    Battery,
    CompanionError,
    Location,
    PhoneAdapter,
    PhoneReport,
    ReportRejected,
    report_values,
)
from orbithub.core.clock import ManualClock
from orbithub.core.errors import UnknownSpaceError
from orbithub.core.events import HubEvent, RegistryChanged
from orbithub.core.hub import Hub
from orbithub.core.registry import Space, SpaceKind


@pytest.fixture
def hub() -> Hub:
    hub = Hub(clock=ManualClock())
    hub.add_space(Space("home", "Home", SpaceKind.HOME, 39.9042, 116.4074))
    return hub


def test_a_registered_phone_is_a_device_of_its_owner(hub: Hub) -> None:
    seen: list[HubEvent] = []
    hub.bus.listen(seen.append)
    phones = PhoneAdapter(hub)
    device = phones.register("alex", "home", name="Pixel")
    assert device.id.startswith("phone-alex-")
    stored = hub.registry.device(device.id)
    assert (stored.owner, stored.space_id, stored.adapter, stored.spec.name) == (
        "alex",
        "home",
        "phone",
        "phone",
    )
    assert stored.name == "Pixel"
    [added] = [e for e in seen if isinstance(e, RegistryChanged)]
    assert (added.record_id, added.context.actor) == (device.id, "alex")
    # A second phone of the same person is another device.
    assert phones.register("alex", "home").id != device.id


def test_re_registering_keeps_the_id_and_only_the_owner_may(hub: Hub) -> None:
    phones = PhoneAdapter(hub)
    device = phones.register("alex", "home")
    again = phones.register("alex", "home", name="New name", device_id=device.id)
    assert again.id == device.id
    assert hub.registry.device(device.id).name == "New name"
    with pytest.raises(CompanionError, match="not a phone of 'mei'"):
        phones.register("mei", "home", device_id=device.id)
    with pytest.raises(UnknownSpaceError):
        phones.register("alex", "moon")


def test_a_report_becomes_typed_property_values(hub: Hub) -> None:
    phones = PhoneAdapter(hub)
    phone = phones.register("alex", "home").id
    report = PhoneReport(
        Location(39.9042, 116.4074, accuracy=12.34, speed=10.0),
        Battery(57.4, charging=True),
        "OrbitHome",
    )
    assert phones.report(phone, report) == 7
    state = hub.state
    assert state.value(phone, "location.latitude") == pytest.approx(39.9042)
    assert state.value(phone, "location.speed") == 36.0  # m/s in, km/h stored
    assert state.value(phone, "location.accuracy") == 12.3
    assert state.value(phone, "battery.battery-level") == 57
    assert state.value(phone, "battery.charging") is True
    assert state.value(phone, "wifi.ssid") == "OrbitHome"
    assert state.is_online(phone) is True


def test_a_partial_report_touches_only_what_it_carries(hub: Hub) -> None:
    phones = PhoneAdapter(hub)
    phone = phones.register("alex", "home").id
    phones.report(phone, PhoneReport(wifi_ssid="OrbitHome"))
    phones.report(phone, PhoneReport(battery=Battery(80)))
    assert hub.state.value(phone, "wifi.ssid") == "OrbitHome"
    assert hub.state.value(phone, "battery.charging") is None
    assert phones.report(phone, PhoneReport()) == 0


@pytest.mark.parametrize(
    ("report", "message"),
    [
        (PhoneReport(Location(91.0, 0.0)), "latitude must be within -90..90"),
        (PhoneReport(Location(0.0, -180.5)), "longitude must be within -180..180"),
        (PhoneReport(Location(math.nan, 0.0)), "latitude"),
        (PhoneReport(Location(0.0, 0.0, accuracy=-1.0)), "accuracy"),
        (PhoneReport(Location(0.0, 0.0, speed=math.inf)), "speed"),
        (PhoneReport(battery=Battery(101)), "battery level must be within 0..100"),
        (PhoneReport(wifi_ssid="x" * 65), "wifi_ssid"),
    ],
)
def test_bad_values_refuse_the_whole_report(hub: Hub, report: PhoneReport, message: str) -> None:
    phones = PhoneAdapter(hub)
    phone = phones.register("alex", "home").id
    phones.report(phone, PhoneReport(Location(1.0, 2.0), Battery(50), "Before"))
    before = {path: s.value for path, s in hub.state.device(phone).items()}
    # The bad part travels with good ones: none of them may be applied.
    mixed = PhoneReport(
        report.location or Location(3.0, 4.0),
        report.battery or Battery(10),
        report.wifi_ssid or "After",
    )
    with pytest.raises(ReportRejected, match=message):
        phones.report(phone, mixed)
    assert {path: s.value for path, s in hub.state.device(phone).items()} == before


def test_extreme_but_real_values_are_clamped_to_the_spec(hub: Hub) -> None:
    values = report_values(PhoneReport(Location(0.0, 0.0, accuracy=250_000.0, speed=250.0)))
    assert values["location.accuracy"] == 100_000.0
    assert values["location.speed"] == 300.0


def test_only_registered_phones_report_and_phones_take_no_commands(hub: Hub) -> None:
    phones = PhoneAdapter(hub)
    with pytest.raises(CompanionError, match="register it again"):
        phones.report("phone-nobody", PhoneReport(wifi_ssid="x"))
    phone = phones.register("alex", "home").id
    assert phones.remove(phone, actor="alex").id == phone
    assert hub.registry.find_device(phone) is None
    with pytest.raises(CompanionError, match="not a registered phone"):
        phones.remove(phone)
