"""The demo's scenes on the demo world: a day of the family's phones and car, hour by hour.

Phones and the car report positions; the hub's own geofences and presence tracker turn them
into ``ZoneChanged`` and ``PresenceChanged`` events, the engine's tracker estimates the car's
arrival, and each shipped automation sends exactly the commands it promises.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.adapters.sim.places import DEMO_HOME, DEMO_OFFICE
from orbithub.automation import Engine, ReasonCode, RunStatus, Scene, load_documents
from orbithub.automation.model import Automation
from orbithub.automation.validate import check_automations
from orbithub.core.adapter import CallAction
from orbithub.core.clock import ManualClock
from orbithub.core.events import HubEvent, NotificationRequested
from orbithub.core.hub import Hub
from orbithub.demo.scenes import documents
from orbithub.mobility.presence import Presence
from orbithub.mobility.zones import Zones

from .conftest import RecordingAdapter, advance, settle
from .test_docs import demo_hub

BEIJING = ZoneInfo("Asia/Shanghai")
AWAY = (39.9250, 116.4074)  # ~2.3 km north of home


def demo_documents() -> tuple[list[Automation], list[Scene]]:
    automations: list[Automation] = []
    scenes: list[Scene] = []
    for path in documents():
        found, found_scenes = load_documents(path)
        automations += found
        scenes += found_scenes
    return automations, scenes


@dataclass
class Day:
    hub: Hub
    clock: ManualClock
    adapter: RecordingAdapter
    engine: Engine
    notes: list[NotificationRequested]

    def put(self, device: str, where: tuple[float, float], speed: float | None = None) -> None:
        values: dict[str, object] = {"location.latitude": where[0], "location.longitude": where[1]}
        if device == "car":
            values["vehicle.speed"] = speed or 0.0
        else:
            values["location.accuracy"] = 10.0
        self.hub.report_many(device, values)

    async def drive(
        self, start: tuple[float, float], end: tuple[float, float], riders: tuple[str, ...]
    ) -> None:
        """The car (with the riders' phones) drives at 40 km/h, a fix every 30 s."""
        dlat, dlon = end[0] - start[0], end[1] - start[1]
        steps = 40  # ~12 km office to home: ~300 m per fix
        for step in range(1, steps + 1):
            here = (
                round(start[0] + dlat * step / steps, 6),
                round(start[1] + dlon * step / steps, 6),
            )
            for device in ("car", *riders):
                self.put(device, here, 40.0)
            await advance(self.clock, 30)

    def commands(self) -> list[tuple[str, str, object]]:
        """Every command sent: writes as (device, path, value), actions as (device, action, {})."""
        sent: list[tuple[str, str, object]] = []
        for command in self.adapter.sent:
            if isinstance(command, CallAction):
                sent.append((command.device.id, command.action.path, {}))
            else:
                sent.append((command.device.id, command.prop.path, command.value))
        self.adapter.sent.clear()
        return sent


@asynccontextmanager
async def family_day() -> AsyncIterator[Day]:
    """The demo world on a manual clock, everyone at home at 07:30 on a Monday."""
    start = datetime(2026, 6, 1, 7, 30, tzinfo=BEIJING).timestamp()  # a Monday morning
    clock = ManualClock(start=start)
    hub = demo_hub(clock)
    adapter = RecordingAdapter()
    adapter.name = "sim"
    hub.add_adapter(adapter)
    automations, scenes = demo_documents()
    notes: list[NotificationRequested] = []

    def note(event: HubEvent) -> None:
        if isinstance(event, NotificationRequested):
            notes.append(event)

    hub.bus.listen(note)
    presence = Presence(hub, Zones(hub), leave_after_s=120)
    async with hub, asyncio.TaskGroup() as tasks:
        watcher = tasks.create_task(presence.run())
        async with Engine(hub, automations, scenes=scenes) as engine:
            found = Day(hub, clock, adapter, engine, notes)
            for device in ("car", "phone-alex", "phone-mei"):
                found.put(device, DEMO_HOME)
            await settle()
            assert presence.people_present("home") == ("alex", "mei")
            yield found
        watcher.cancel()


def test_the_shipped_files_fit_the_demo_world() -> None:
    automations, scenes = demo_documents()
    assert [a.id for a in automations] == [
        "arriving-comfort",
        "arriving-car-home",
        "leaving-home",
        "night",
        "office-first-in",
    ]
    registry = demo_hub(ManualClock()).registry
    assert check_automations(automations, registry, scenes=scenes) == []


async def test_a_day_of_the_family() -> None:
    async with family_day() as day:
        await _a_day(day)


async def _a_day(day: Day) -> None:
    engine = day.engine
    # Everyone's first position at start is an "arrival", but no trip: nothing was switched,
    # not even by the parked car entering the home's geofence.
    assert day.commands() == []
    refused = [e.reason.code for e in engine.why("arriving-car-home")]
    assert ReasonCode.CONDITION_FALSE in refused

    # 07:30 Both leave on foot; two minutes later the last one counts as gone.
    day.put("phone-alex", AWAY)
    day.put("phone-mei", AWAY)
    await advance(day.clock, 121)
    await engine.wait_idle()
    (leaving,) = engine.runs("leaving-home")
    assert leaving.status is RunStatus.DONE, leaving.error
    assert day.commands() == [
        ("living-room-light", "light.on", False),
        ("bedroom-lamp", "light.on", False),
        ("kitchen-light", "light.on", False),
        ("desk-lamp", "light.on", False),
        ("garage-light", "light.on", False),
        ("living-room-ac", "air-conditioner.on", False),
        ("bedroom-ac", "air-conditioner.on", False),
        ("front-door-lock", "lock.locked", True),
        ("robot-vacuum", "vacuum.start-sweep", {}),
    ]
    (note,) = day.notes
    assert note.recipients == (leaving.data["person"],)
    assert note.title == "Home secured"

    # 08:00 Alex reaches the office first: its AC comes on; Mei arriving after changes nothing.
    day.put("phone-alex", DEMO_OFFICE)
    await settle()
    await engine.wait_idle()
    assert day.commands() == [
        ("office-ac", "air-conditioner.on", True),
        ("office-ac", "air-conditioner.target-temperature", 25),
    ]
    day.put("phone-mei", DEMO_OFFICE)
    await settle()
    await engine.wait_idle()
    assert day.commands() == []
    assert len(engine.runs("office-first-in")) == 1

    # 18:00 Alex drives the car home (Mei stays late). Ten minutes out: comfort at home.
    day.put("car", DEMO_OFFICE)
    await advance(day.clock, 10 * 3600)
    await day.drive(DEMO_OFFICE, DEMO_HOME, riders=("phone-alex",))
    await engine.wait_idle()
    (comfort,) = engine.runs("arriving-comfort")
    assert 8.0 <= float(str(comfort.data["minutes"])) <= 10.0
    arriving = day.commands()
    assert arriving[:3] == [
        ("living-room-ac", "air-conditioner.on", True),
        ("living-room-ac", "air-conditioner.mode", 0),
        ("living-room-ac", "air-conditioner.target-temperature", 24),
    ]
    # In the geofence: garage light, and the door for Alex, whose phone came with the car.
    assert arriving[3:] == [
        ("garage-light", "light.on", True),
        ("front-door-lock", "lock.locked", False),
    ]
    assert [n.title for n in day.notes[1:]] == ["Almost home"]
    assert day.notes[1].recipients == ("alex",)

    # 19:00 Mei takes the car out and back alone while Alex is at home: the door unlocks
    # because its owner is there.
    await day.drive(DEMO_HOME, AWAY, riders=("phone-mei",))
    await advance(day.clock, 600)
    day.commands()
    await day.drive(AWAY, DEMO_HOME, riders=("phone-mei",))
    await engine.wait_idle()
    assert ("front-door-lock", "lock.locked", False) in day.commands()

    # Then Alex walks out too; Mei drives home alone: the garage light, but the door stays
    # locked: the car alone never opens it.
    day.put("phone-alex", AWAY)
    await advance(day.clock, 121)
    await day.drive(DEMO_HOME, AWAY, riders=("phone-mei",))
    await advance(day.clock, 600)
    day.commands()
    await day.drive(AWAY, DEMO_HOME, riders=("phone-mei",))
    await advance(day.clock, 200)  # past the three minutes the door waits for Alex's phone
    await engine.wait_idle()
    sent = day.commands()
    assert ("garage-light", "light.on", True) in sent
    assert ("front-door-lock", "lock.locked", False) not in sent
    assert engine.runs("arriving-car-home")[-1].status is RunStatus.TIMED_OUT


async def test_night_closes_the_curtains_and_dims_the_lamps() -> None:
    async with family_day() as day:
        day.commands()
        await advance(day.clock, 15 * 3600 + 29 * 60)  # 22:59
        assert day.engine.runs("night") == []
        await advance(day.clock, 60)
        await day.engine.wait_idle()
        sent = day.commands()
    assert sent == [
        ("living-room-curtain", "curtain.target-position", 0),
        ("bedroom-curtain", "curtain.target-position", 0),
        ("living-room-light", "light.brightness", 10),
        ("bedroom-lamp", "light.brightness", 10),
    ]
