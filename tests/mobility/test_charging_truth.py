"""Smart charging follows the charger's own reports, even when they come a second late.

The charger is the simulated one of the demo home, replying to each command at once and
reporting its new state a second later, as many wallboxes do.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.adapters.sim.vehicle import ChargerSim
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.demo.tariff import beijing_tariff
from orbithub.mobility.charging_service import ChargeSettings, ChargeStatus, ChargingService

from .test_charging_service import car_sim, running, settle

SHANGHAI = ZoneInfo("Asia/Shanghai")
REPORT_DELAY = 1.0
STEP = 0.05


def at(day: int, hour: int, minute: int = 0) -> float:
    return datetime(2025, 7, day, hour, minute, tzinfo=SHANGHAI).timestamp()


def slow_charger_hub(clock: ManualClock) -> Hub:
    world = demo_world()
    registry = Registry()
    devices = [d for d in world.devices if d.id in ("car", "ev-charger")]
    registry.load(world.spaces, world.rooms, devices)
    hub = Hub(clock=clock, registry=registry)
    hub.add_adapter(SimAdapter(seed=3, clock=clock, routines=False, report_delay=REPORT_DELAY))
    return hub


def charger(hub: Hub) -> ChargerSim:
    (adapter,) = [a for a in hub._adapters.values() if isinstance(a, SimAdapter)]
    sim = adapter.simulator("ev-charger")
    assert isinstance(sim, ChargerSim)
    return sim


def car_status(service: ChargingService) -> ChargeStatus:
    status = service.status("car")
    assert status is not None
    return status


class Disagreement:
    """The longest stretch of clock time the charger and the service's status disagreed."""

    def __init__(self) -> None:
        self.since: float | None = None
        self.longest = 0.0

    def look(self, hub: Hub, service: ChargingService) -> None:
        status = service.status("car")
        assert status is not None
        now = hub.now()
        if status.charger_on is charger(hub).on:
            self.since = None
            return
        if self.since is None:
            self.since = now
        self.longest = max(self.longest, now - self.since)


async def watch(
    hub: Hub, clock: ManualClock, service: ChargingService, seconds: float, seen: Disagreement
) -> None:
    for _ in range(round(seconds / STEP)):
        await settle()
        seen.look(hub, service)
        await clock.advance(STEP)
    await settle()
    seen.look(hub, service)


async def test_a_plan_corrected_at_once_leaves_the_charger_off_and_the_status_true() -> None:
    clock = ManualClock(at(8, 21, 0))  # peak price: the plan waits for the valley at 23:00
    hub = slow_charger_hub(clock)
    service = ChargingService(hub, default_tariff=beijing_tariff())
    usual = ChargeSettings(target_soc=80, departure_time="07:30")
    service.configure("car", usual)
    seen = Disagreement()
    async with running(hub, service) as commands:
        car_sim(hub).soc = 50.0
        await watch(hub, clock, service, 30, seen)
        assert charger(hub).on is False
        # Leaving soon: charge now. Three tenths of a second later: no, leaving tomorrow.
        leaving = ChargeSettings(target_soc=70, departure=clock.now() + 3600)
        service.configure("car", leaving)
        await watch(hub, clock, service, 0.3, seen)
        assert charger(hub).on is True  # the charger obeyed at once ...
        assert car_status(service).charger_on is False  # ... and has not said so yet
        service.configure("car", usual)
        await watch(hub, clock, service, 30, seen)
        assert charger(hub).on is False
        assert hub.state.value("ev-charger", "charger.on") is False
        status = service.status("car")
        assert status is not None
        assert status.charger_on is False
        assert status.reason is None  # its own late echo was no hand on the charger
        # Flip-flopping plans, each change a fraction of a second after the last.
        for index in range(6):
            service.configure("car", leaving if index % 2 == 0 else usual)
            await watch(hub, clock, service, 0.2 + 0.1 * index, seen)
        await watch(hub, clock, service, 30, seen)
        assert charger(hub).on is False
        assert car_status(service).charger_on is False
        assert car_status(service).reason is None
    # Never longer apart than one report takes to arrive.
    assert seen.longest <= REPORT_DELAY + STEP
    switches = [c.arguments[0][1] for c in commands if c.path == "charger.on"]
    assert switches[-1] is False
    # Each decision was sent once: no command repeated while its report was on its way.
    assert all(a is not b for a, b in itertools.pairwise(switches))


async def test_a_hand_on_the_charger_itself_holds_until_the_car_is_unplugged() -> None:
    clock = ManualClock(at(8, 21, 0))
    hub = slow_charger_hub(clock)
    service = ChargingService(hub, default_tariff=beijing_tariff())
    service.configure("car", ChargeSettings(target_soc=80, departure_time="07:30"))
    seen = Disagreement()
    async with running(hub, service) as commands:
        car_sim(hub).soc = 50.0
        await watch(hub, clock, service, 30, seen)
        before = len(commands)
        charger(hub).on = True  # someone presses the button on the wallbox
        await watch(hub, clock, service, 60, seen)  # its next report tells the hub
        assert charger(hub).on is True
        status = service.status("car")
        assert status is not None
        assert status.charger_on is True
        assert status.reason is not None
        assert "switched on by hand" in status.reason
        assert len(commands) == before  # the plan did not fight the hand
