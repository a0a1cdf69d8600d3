"""The sim adapter as a whole: determinism, valid reports, commands, availability."""

from __future__ import annotations

from orbithub.adapters import sim
from orbithub.adapters.sim import SimAdapter
from orbithub.core.adapter import CallAction, SetProperty
from orbithub.core.context import Context
from orbithub.spec.formats import check_report

from .conftest import Report, at, simulation


async def _run(seed: int, hours: float = 2.0) -> tuple[list[Report], list[object]]:
    async with simulation(at(2025, 7, 8, 7, 0), seed=seed) as (_, host, clock):
        await clock.advance(hours * 3600)
        return list(host.reports), list(host.events)


def test_public_names() -> None:
    assert sim.__all__ == ["DemoWorld", "SimAdapter", "demo_world"]
    assert SimAdapter().name == "sim"


async def test_same_seed_same_reports() -> None:
    first = await _run(1)
    second = await _run(1)
    assert first == second
    assert len(first[0]) > 1000


async def test_different_seed_different_reports() -> None:
    first, _ = await _run(1, hours=0.5)
    second, _ = await _run(2, hours=0.5)
    assert first != second


async def test_every_report_fits_the_spec() -> None:
    async with simulation(at(2025, 1, 14, 6, 0)) as (_, host, clock):
        await clock.advance(14 * 3600)
        for report in host.reports:
            prop = host.registry.device(report.device_id).spec.property(report.address)
            assert check_report(prop, report.value) == report.value, report
        for _, device_id, address, arguments in host.events:
            event = host.registry.device(device_id).spec.event(address)
            assert all(host.registry.device(device_id).spec.property(a) for a in arguments)
            assert event.path == address
    seen = {(r.device_id, r.address) for r in host.reports}
    for device in host.registry:
        for prop in device.spec.properties():
            if prop.readable:
                assert (device.id, prop.path) in seen, f"{device.id} never reported {prop.path}"


async def test_only_changes_are_reported() -> None:
    async with simulation(at(2025, 7, 8, 3, 0), ["living-room-light"]) as (_, host, clock):
        first = len(host.reports)
        await clock.advance(600)
        assert len(host.reports) == first  # a light at night with everyone asleep: no news


async def test_commands_apply_and_report_at_once() -> None:
    ids = ["living-room-light", "robot-vacuum", "living-room-curtain"]
    async with simulation(at(2025, 7, 8, 3, 0), ids, routines=False) as (adapter, host, clock):
        light = host.registry.device("living-room-light")
        result = await adapter.send(
            SetProperty(light, light.spec.property("light.brightness"), 35, Context())
        )
        assert result.confirmed
        assert host.value("living-room-light", "light.brightness") == 35
        await adapter.send(SetProperty(light, light.spec.property("light.on"), True, Context()))
        assert host.value("living-room-light", "light.on") is True

        vacuum = host.registry.device("robot-vacuum")
        result = await adapter.send(
            CallAction(vacuum, vacuum.spec.action("vacuum.start-sweep"), (), Context())
        )
        assert result.confirmed
        assert host.value("robot-vacuum", "vacuum.status") == 2

        curtain = host.registry.device("living-room-curtain")
        await adapter.send(
            SetProperty(curtain, curtain.spec.property("curtain.motor-control"), 1, Context())
        )
        assert host.value("living-room-curtain", "curtain.target-position") == 100
        await clock.advance(10)
        position = host.number("living-room-curtain", "curtain.current-position")
        assert 0 < position < 100  # a motor takes its time
        await clock.advance(30)
        assert host.value("living-room-curtain", "curtain.current-position") == 100


async def test_offline_devices_refuse_commands() -> None:
    async with simulation(at(2025, 7, 8, 3, 0), ["living-room-light"]) as (adapter, host, _):
        light = host.registry.device("living-room-light")
        adapter.set_reachable("living-room-light", False)
        assert host.online["living-room-light"] is False
        result = await adapter.send(
            SetProperty(light, light.spec.property("light.on"), True, Context())
        )
        assert not result.confirmed
        assert "offline" in result.message
        adapter.set_reachable("living-room-light", True)
        result = await adapter.send(
            SetProperty(light, light.spec.property("light.on"), True, Context())
        )
        assert result.confirmed


async def test_vacuum_sweeps_returns_and_charges() -> None:
    async with simulation(at(2025, 7, 8, 3, 0), ["robot-vacuum"], routines=False) as (
        adapter,
        host,
        clock,
    ):
        vacuum = host.registry.device("robot-vacuum")
        await adapter.send(
            CallAction(vacuum, vacuum.spec.action("vacuum.start-sweep"), (), Context())
        )
        statuses = set()
        for _ in range(6 * 180):
            await clock.advance(10)
            statuses.add(host.value("robot-vacuum", "vacuum.status"))
        assert {2, 6, 5, 1} <= statuses
        assert host.number("robot-vacuum", "vacuum.cleaned-area") >= 40
        assert host.value("robot-vacuum", "battery.battery-level") == 100


async def test_front_door_follows_people() -> None:
    ids = ["front-door", "front-door-lock", "hallway-motion"]
    async with simulation(at(2025, 7, 8, 5, 0), ids) as (_, host, clock):
        await clock.advance(16 * 3600)
    kinds = [(device, address) for _, device, address, _ in host.events]
    leaving = kinds.count(("front-door", "magnet-sensor.opened"))
    assert leaving >= 2
    assert leaving == kinds.count(("front-door", "magnet-sensor.closed"))
    unlocks = [args for _, d, a, args in host.events if a == "lock.unlocked"]
    assert len(unlocks) == leaving
    assert {args["lock.operation-method"] for args in unlocks} >= {0, 2}  # knob, finger
    assert ("hallway-motion", "motion-sensor.motion-detected") in kinds
    assert host.value("front-door-lock", "lock.locked") is True
