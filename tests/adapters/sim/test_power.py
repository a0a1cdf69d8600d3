"""Metered plugs: the kettle's boil, and energy that adds up to power times time."""

from __future__ import annotations

from orbithub.adapters.sim.family import Commute

from .conftest import FakeHost, at, simulation

POWER = "power-meter.electric-power"
ENERGY = "power-meter.power-consumption"


def _integrated_kwh(host: FakeHost, device_id: str, start: float, end: float, tick: float) -> float:
    series = host.series(device_id, POWER)
    total = 0.0
    t = start + tick
    i = 0
    current = 0.0
    while t <= end + 1e-6:
        while i < len(series) and series[i][0] <= t + 1e-6:
            value = series[i][1]
            assert isinstance(value, float | int)
            current = float(value)
            i += 1
        total += current * tick / 3.6e6
        t += tick
    return total


async def test_kettle_boils_for_a_few_minutes_and_energy_adds_up() -> None:
    start = at(2025, 7, 8, 5, 0)
    async with simulation(start, ["kettle", "computer"]) as (_, host, clock):
        first_kwh = host.number("kettle", ENERGY)
        await clock.advance(19 * 3600)
        end = clock.now()
        boiling = [v for _, v in host.series("kettle", POWER) if isinstance(v, float) and v > 0]
        assert boiling, "nobody made tea all day"
        assert all(1750 <= v <= 2250 for v in boiling)
        samples = sum(
            1
            for t, v in host.series("kettle", POWER)
            if isinstance(v, float) and v > 0 and start < t <= end
        )
        assert 2 * 12 <= samples <= 4 * 30  # two to three boils of 2.5-4.5 minutes at 10 s
        used = host.number("kettle", ENERGY) - first_kwh
        expected = _integrated_kwh(host, "kettle", start, end, 10.0)
        assert used > 0.1
        assert abs(used - expected) <= 0.002 + 0.01 * expected


async def test_computer_draws_office_power_on_a_remote_day() -> None:
    start = at(2025, 7, 8, 5, 0)
    async with simulation(start, ["computer"]) as (adapter, host, clock):
        assert adapter.scene is not None
        family = adapter.scene.family
        day = next(
            d
            for d in range(8, 30)
            if family.plan("mei", at(2025, 7, d, 12)).commute is Commute.REMOTE
        )
        await clock.advance(at(2025, 7, day, 10, 30) - start)
        assert 60 <= host.number("computer", POWER) <= 150
        await clock.advance(12 * 3600)
        assert host.number("computer", POWER) < 5
