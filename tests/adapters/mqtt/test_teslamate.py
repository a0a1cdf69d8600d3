"""TeslaMate cars: its topics become a vehicle space with its tracker, on a real broker too."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from orbithub.adapters.mqtt.faults import InputFaults
from orbithub.adapters.mqtt.flood import FloodGate
from orbithub.adapters.mqtt.teslamate import TeslaMateCars, TeslaMateError, decode_value
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Space, SpaceKind
from orbithub.mobility import Tracks
from tests.adapters.mqtt.wire import WITHIN, mqtt_url, probe, running_hub, topic_prefix, until

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "teslamate"


def messages(name: str) -> list[tuple[str, bytes]]:
    rows = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return [(row["topic"], row["payload"].encode()) for row in rows]


def home_hub(clock: ManualClock | None = None) -> Hub:
    hub = Hub(clock=clock or ManualClock())
    hub.add_space(Space("home", "Home", SpaceKind.HOME, 39.9042, 116.4074, "Asia/Shanghai"))
    return hub


def teslamate_cars(faults: InputFaults) -> TeslaMateCars:
    """Cars on ``teslamate``, without a rate limit: the tests feed minutes in microseconds."""
    return TeslaMateCars("teslamate", "mqtt", faults, "home", FloodGate(10**9))


def feed(cars: TeslaMateCars, hub: Hub, name: str, prefix: str = "teslamate") -> None:
    for topic, payload in messages(name):
        cars.handle(hub, f"{prefix}/{topic}", payload)


def test_values_decode_onto_the_vehicle_type() -> None:
    assert decode_value("battery_level", b"88") == {"battery.battery-level": 88.0}
    assert decode_value("est_battery_range_km", b"372.5") == {"vehicle.range": 372.5}
    assert decode_value("charging_state", b"Charging") == {"charging.charging-state": 2}
    assert decode_value("charging_state", b"Complete") == {"charging.charging-state": 3}
    assert decode_value("charging_state", b"NoPower") == {"charging.charging-state": 1}
    assert decode_value("is_climate_on", b"true") == {"cabin.on": True}
    assert decode_value("locked", b"false") == {"lock.locked": False}
    assert decode_value("charge_limit_soc", b"90") == {"charging.charge-limit": 90}
    assert decode_value("speed", b"") == {"vehicle.speed": 0.0}
    assert decode_value("location", b'{"latitude": 39.9, "longitude": 116.4}') == {
        "location.latitude": 39.9,
        "location.longitude": 116.4,
    }
    assert decode_value("outside_temp", b"-7.5") == {"environment.outside-temperature": -7.5}
    assert decode_value("sentry_mode", b"true") == {}
    assert decode_value("battery_level", b"") == {}
    assert decode_value("outside_temp", b"") == {}


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("battery_level", b"lots", "should be a number"),
        ("speed", b"nan", "finite"),
        ("locked", b"maybe", "true or false"),
        ("charging_state", b"Teleporting", "expected one of"),
        ("location", b"not json", "JSON"),
        ("location", b'{"latitude": "north", "longitude": 1}', "numeric"),
        ("inside_temp", b"\xff\xfe", "UTF-8"),
        ("outside_temp", b"cold", "should be a number"),
    ],
)
def test_bad_values_are_refused_with_a_reason(name: str, payload: bytes, message: str) -> None:
    with pytest.raises(TeslaMateError, match=message):
        decode_value(name, payload)


def test_a_parked_charging_car_becomes_a_vehicle_space_with_its_tracker() -> None:
    hub = home_hub()
    cars = teslamate_cars(InputFaults(logging.getLogger(__name__)))
    feed(cars, hub, "parked-charging.json")
    space = hub.registry.space("teslamate-1")
    assert space.kind is SpaceKind.VEHICLE
    assert space.tracker_device_id == "teslamate-1"
    assert space.name == "Xiaolan"
    assert space.timezone == "Asia/Shanghai"
    device = hub.registry.device("teslamate-1")
    assert (device.name, device.space_id, device.spec.name) == ("Xiaolan", "teslamate-1", "vehicle")
    state = {path: s.value for path, s in hub.state.device("teslamate-1").items()}
    assert state == {
        "location.latitude": 39.904211,
        "location.longitude": 116.407395,
        "location.heading": 92.0,
        "vehicle.speed": 0.0,
        "lock.locked": True,
        "cabin.on": False,
        "cabin.temperature": 14.5,
        "environment.outside-temperature": 6.0,
        "vehicle.odometer": 23817.4,
        "vehicle.range": 231.6,
        "battery.battery-level": 54.0,
        "charging.charging-state": 2,
        "charging.charge-limit": 85,
    }
    assert hub.state.is_online("teslamate-1") is True
    # The space follows its tracker.
    assert (space.latitude, space.longitude) == (39.904211, 116.407395)
    assert cars.owns("teslamate-1")


async def test_a_drive_home_moves_the_space_and_gives_an_eta() -> None:
    clock = ManualClock()
    hub = home_hub(clock)
    tracks = Tracks(hub)
    tracks.start()
    cars = teslamate_cars(InputFaults(logging.getLogger(__name__)))
    feed(cars, hub, "parked-charging.json")
    etas = []
    for topic, payload in messages("driving-home.json")[:13]:
        cars.handle(hub, f"teslamate/{topic}", payload)
        if topic.endswith("/speed"):
            await clock.advance(60)
            etas.append(tracks.eta("teslamate-1", "home"))
    assert hub.state.value("teslamate-1", "charging.charging-state") == 0
    assert hub.state.value("teslamate-1", "vehicle.speed") == 51.0
    assert hub.registry.space("teslamate-1").longitude == 116.3990
    last = tracks.eta("teslamate-1", "home")
    assert last is not None
    assert last.approaching
    assert etas[-1] is not None
    for topic, payload in messages("driving-home.json")[13:]:
        cars.handle(hub, f"teslamate/{topic}", payload)
    assert hub.state.value("teslamate-1", "vehicle.speed") == 0.0
    assert hub.state.value("teslamate-1", "charging.charging-state") == 1  # plugged, stopped
    assert hub.state.value("teslamate-1", "cabin.on") is True
    assert hub.registry.space("teslamate-1").latitude == 39.9042


async def test_the_outside_air_is_a_reading_of_the_car_and_an_empty_value_keeps_the_last() -> None:
    clock = ManualClock()
    hub = home_hub(clock)
    faults = InputFaults(logging.getLogger("test.teslamate"))
    cars = teslamate_cars(faults)
    feed(cars, hub, "parked-charging.json")
    await clock.advance(3600)
    cars.handle(hub, "teslamate/cars/1/outside_temp", b"-3.5")
    reading = hub.state.get("teslamate-1", "environment.outside-temperature")
    assert reading is not None
    assert (reading.value, reading.last_reported) == (-3.5, clock.now())
    # TeslaMate does not know the air outside any more: the hub keeps the last reading and
    # when it came, so a reader can tell its age; it is not a fault.
    await clock.advance(600)
    cars.handle(hub, "teslamate/cars/1/outside_temp", b"")
    reading = hub.state.get("teslamate-1", "environment.outside-temperature")
    assert reading is not None
    assert (reading.value, reading.last_reported) == (-3.5, clock.now() - 600)
    assert faults.counts["teslamate"] == 0


def test_malformed_messages_are_counted_and_change_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    hub = home_hub()
    faults = InputFaults(logging.getLogger("test.teslamate"))
    cars = teslamate_cars(faults)
    feed(cars, hub, "parked-charging.json")
    before = {path: s.value for path, s in hub.state.device("teslamate-1").items()}
    handled = [cars.handle(hub, f"teslamate/{t}", p) for t, p in messages("malformed.json")]
    after = {path: s.value for path, s in hub.state.device("teslamate-1").items()}
    assert after == before
    # Every message on a car topic was taken (and refused); a deeper topic is not TeslaMate's.
    assert handled == [True] * 11 + [False]
    assert faults.counts["teslamate"] == 11
    assert "refused teslamate message on teslamate/cars/1/battery_level" in caplog.text


async def test_cars_published_on_mosquitto_appear_and_commands_are_refused(
    request: pytest.FixtureRequest,
) -> None:
    url = mqtt_url()
    prefix = topic_prefix(request)
    base = f"{prefix}/teslamate"
    async with (
        running_hub(url, prefix, teslamate_prefix=base) as (hub, adapter),
        probe(url) as p,
    ):
        await adapter.settled(WITHIN)
        for topic, payload in messages("parked-charging.json"):
            await p.publish(f"{base}/{topic}", payload, retain=True)
        await until(
            hub,
            lambda: hub.state.value("teslamate-1", "charging.charge-limit") == 85,
        )
        assert hub.registry.space("teslamate-1").kind is SpaceKind.VEHICLE
        assert hub.state.value("teslamate-1", "battery.battery-level") == 54.0
        assert hub.state.value("teslamate-1", "environment.outside-temperature") == 6.0
        result = await hub.set("teslamate-1", "cabin.on", True)
        assert not result.confirmed
        assert "TeslaMate only logs" in result.message
        assert hub.state.value("teslamate-1", "cabin.on") is False
