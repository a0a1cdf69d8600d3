"""Room climate: air conditioners, purifiers and sensors coupled through the room."""

from __future__ import annotations

from orbithub.core.adapter import SetProperty
from orbithub.core.context import Context

from .conftest import at, simulation

ROOM = ["living-room-ac", "living-room-sensor", "living-room-purifier"]
TEMP = "temperature-humidity-sensor.temperature"


async def test_ac_cools_a_warm_room_then_it_warms_back() -> None:
    async with simulation(at(2025, 7, 15, 13, 0), ROOM, routines=False) as (
        adapter,
        host,
        clock,
    ):
        assert adapter.scene is not None
        room = adapter.scene.room("living-room")
        assert room is not None
        room.temperature = 31.0
        outdoor = adapter.scene.weather.temperature(clock.now())
        ac = host.registry.device("living-room-ac")
        for path, value in (
            ("air-conditioner.mode", 1),
            ("air-conditioner.target-temperature", 25.0),
            ("air-conditioner.on", True),
        ):
            result = await adapter.send(SetProperty(ac, ac.spec.property(path), value, Context()))
            assert result.confirmed
        assert host.value("living-room-ac", "air-conditioner.on") is True
        await clock.advance(60)
        working = host.number("living-room-ac", "power-meter.electric-power")
        assert working > 700  # full cooling load
        await clock.advance(30 * 60 - 60)
        assert abs(host.number("living-room-sensor", TEMP) - 25.0) < 0.7
        holding = host.number("living-room-ac", "power-meter.electric-power")
        assert holding < working  # holding the set point takes less than pulling down

        await adapter.send(
            SetProperty(ac, ac.spec.property("air-conditioner.on"), False, Context())
        )
        cooled = host.number("living-room-sensor", TEMP)
        await clock.advance(3 * 3600)
        later_outdoor = adapter.scene.weather.temperature(clock.now())
        warmed = host.number("living-room-sensor", TEMP)
        assert warmed > cooled + 1.0
        assert warmed < max(outdoor, later_outdoor) + 2.0
        assert host.value("living-room-ac", "power-meter.electric-power") == 0


async def test_purifier_lowers_pm25() -> None:
    async with simulation(at(2025, 1, 14, 10, 0), ROOM, routines=False) as (
        adapter,
        host,
        clock,
    ):
        assert adapter.scene is not None
        room = adapter.scene.room("living-room")
        assert room is not None
        room.pm25 = 150.0
        await clock.advance(10)
        before = host.number("living-room-purifier", "environment.pm2.5-density")
        purifier = host.registry.device("living-room-purifier")
        await adapter.send(
            SetProperty(purifier, purifier.spec.property("air-purifier.on"), True, Context())
        )
        assert host.value("living-room-purifier", "air-purifier.fan-level") == 3  # auto
        await clock.advance(3600)
        after = host.number("living-room-purifier", "environment.pm2.5-density")
        assert after < before / 3
        assert host.number("living-room-purifier", "power-meter.electric-power") > 0


async def test_sensor_batteries_drain_slowly() -> None:
    async with simulation(at(2025, 7, 1), ["living-room-sensor"]) as (_, host, clock):
        start = host.number("living-room-sensor", "battery.battery-level")
        await clock.advance(2 * 86_400)
        end = host.number("living-room-sensor", "battery.battery-level")
        assert start - 3 <= end <= start
