"""Phones follow their owners: presence, Wi-Fi, battery."""

from __future__ import annotations

from orbithub.adapters.sim.family import Commute

from .conftest import at, simulation

PHONES = ["phone-alex", "phone-mei"]


async def test_presence_away_at_office_hours_home_at_night() -> None:
    start = at(2025, 7, 8, 6, 0)  # a Tuesday
    async with simulation(start, PHONES) as (adapter, host, clock):
        assert adapter.scene is not None
        await clock.advance(at(2025, 7, 8, 11, 0) - start)
        assert host.value("phone-alex", "presence.at-home") is False
        assert host.value("phone-alex", "wifi.ssid") == adapter.scene.places.office_ssid
        mei_away = adapter.scene.family.plan("mei", clock.now()).commute is Commute.TRANSIT
        assert host.value("phone-mei", "presence.at-home") is not mei_away
        await clock.advance(at(2025, 7, 9, 2, 0) - clock.now())
        for phone in PHONES:
            assert host.value(phone, "presence.at-home") is True
            assert host.value(phone, "wifi.ssid") == adapter.scene.places.home_ssid
            assert host.value(phone, "battery.charging") is True


async def test_mei_is_away_on_a_transit_day() -> None:
    start = at(2025, 7, 7, 6, 0)
    async with simulation(start, PHONES) as (adapter, host, clock):
        assert adapter.scene is not None
        family = adapter.scene.family
        day = next(
            d
            for d in range(7, 12)
            if family.plan("mei", at(2025, 7, d, 12)).commute is Commute.TRANSIT
        )
        await clock.advance(at(2025, 7, day, 15, 0) - start)
        assert host.value("phone-mei", "presence.at-home") is False
        battery = host.number("phone-mei", "battery.battery-level")
        await clock.advance(3600)
        assert host.number("phone-mei", "battery.battery-level") < battery
