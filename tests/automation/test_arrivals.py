"""Geofence, presence, arrival-estimate and webhook triggers, as the family notices them."""

from __future__ import annotations

from typing import TypeVar

import yaml

from orbithub.automation import (
    Automation,
    Engine,
    ReasonCode,
    RunStatus,
    explain,
    parse_automations,
)
from orbithub.core.clock import ManualClock
from orbithub.core.context import Context, Origin
from orbithub.core.events import (
    AutomationRun,
    HubEvent,
    NotificationRequested,
    PresenceChanged,
    ZoneChanged,
)
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.spec.library import device_type

from .conftest import RecordingAdapter, advance, settle

HOME = (52.52, 13.405)  # the test home's location (Berlin)
ZONES = Context(Origin.SYSTEM, "zones")
E = TypeVar("E")


def add_movers(hub: Hub) -> None:
    """Alex's and Mei's phones, the car, and an office across town."""
    hub.add_space(Space("office", "Office", SpaceKind.OFFICE, 52.50, 13.30, "Europe/Berlin"))
    for device_id, kind, owner in (
        ("phone-alex", "phone", "alex"),
        ("phone-mei", "phone", "mei"),
        ("car", "vehicle", None),
    ):
        hub.add_device(Device(device_id, device_id, device_type(kind), "home", "test", owner=owner))


def zone(hub: Hub, device: str, space: str, entered: bool) -> None:
    hub.bus.publish(ZoneChanged(hub.bus.next_seq(), hub.now(), space, device, entered, 20.0, ZONES))


def presence(hub: Hub, space: str, person: str, present: bool, people: tuple[str, ...]) -> None:
    hub.bus.publish(
        PresenceChanged(hub.bus.next_seq(), hub.now(), space, person, present, people, ZONES)
    )


def load(text: str) -> list[Automation]:
    return parse_automations(yaml.safe_load(text))


def of(kind: type[E], events: list[HubEvent]) -> list[E]:
    return [e for e in events if isinstance(e, kind)]


ARRIVE = """
automations:
  - id: porch
    triggers:
      - {type: zone, device: car, space: home, event: enter}
    actions:
      - {type: set, device: lamp, path: light.on, value: true}
  - id: alex-leaves
    triggers:
      - {type: zone, person: alex, space: home, event: leave}
    actions:
      - {type: set, device: plug, path: switch.on, value: false}
"""


async def test_geofence_enter_for_a_device_and_leave_for_a_person(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    add_movers(hub)
    async with Engine(hub, load(ARRIVE)) as engine:
        zone(hub, "car", "office", True)  # another space: nothing
        zone(hub, "phone-alex", "home", True)  # another device: nothing for the porch
        zone(hub, "phone-mei", "home", False)  # Mei leaving is not Alex leaving
        await settle()
        assert adapter.writes() == []
        assert "phone-mei belongs to mei, not alex" in explain(engine.why("alex-leaves")[-1])
        zone(hub, "car", "home", True)
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.on", True)]
        zone(hub, "phone-alex", "home", False)
        await engine.wait_idle()
        assert adapter.writes()[-1] == ("plug", "switch.on", False)
        (run,) = engine.runs("alex-leaves")
        assert run.data["person"] == "alex"
        assert run.data["device"] == "phone-alex"


PRESENCE = """
automations:
  - id: welcome
    triggers: [{type: presence, space: home, event: first_arrived}]
    actions: [{type: set, device: lamp, path: light.on, value: true}]
  - id: all-gone
    triggers: [{type: presence, space: home, event: last_left}]
    actions: [{type: set, device: lamp, path: light.on, value: false}]
  - id: mei-home
    triggers: [{type: presence, space: home, event: arrived, person: mei}]
    conditions: [{type: presence, space: home, person: alex, present: false}]
    actions: [{type: set, device: plug, path: switch.on, value: true}]
"""


async def test_first_arrives_last_leaves_and_a_named_person(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    add_movers(hub)
    async with Engine(hub, load(PRESENCE)) as engine:
        presence(hub, "home", "alex", True, ("alex",))
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.on", True)]
        presence(hub, "home", "mei", True, ("alex", "mei"))  # second arrival; Alex is home
        await engine.wait_idle()
        assert len(adapter.writes()) == 1
        assert "alex already there" in explain(engine.why("welcome")[-1])
        refused = engine.why("mei-home")[-1]
        assert refused.reason.code is ReasonCode.PRESENCE_FALSE
        presence(hub, "home", "alex", False, ("mei",))
        await engine.wait_idle()
        assert len(adapter.writes()) == 1  # Mei is still home
        presence(hub, "home", "mei", False, ())
        await engine.wait_idle()
        assert adapter.writes()[-1] == ("lamp", "light.on", False)
        presence(hub, "home", "mei", True, ("mei",))  # Mei alone: the named trigger runs
        await engine.wait_idle()
        assert ("plug", "switch.on", True) in adapter.writes()


ETA = """
automations:
  - id: precool
    triggers:
      - {type: eta, device: car, space: home, within: 10m}
    actions:
      - {type: set, device: plug, path: switch.on, value: true}
      - type: notify
        to: [alex]
        title: Cooling the flat
        message: "Car {{ trigger.minutes }} min away ({{ trigger.distance_m }} m)"
"""


async def drive(hub: Hub, clock: ManualClock, start_km: float, end_km: float, kmh: float) -> None:
    """Drive the car along the meridian of the home, one fix every 30 s."""
    step_km = kmh / 120 * (1 if end_km > start_km else -1)
    km = start_km
    while (km - end_km) * (1 if step_km < 0 else -1) > 0:
        hub.report_many(
            "car",
            {
                "location.latitude": round(HOME[0] + km / 111.2, 6),
                "location.longitude": HOME[1],
                "vehicle.speed": kmh,
            },
        )
        await advance(clock, 30)
        km += step_km


async def test_eta_fires_once_per_approach(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    add_movers(hub)
    sent: list[HubEvent] = []
    hub.bus.listen(sent.append)
    async with Engine(hub, load(ETA)) as engine:
        await drive(hub, clock, 15.0, 9.0, 40.0)  # 9 km at 40 km/h: ~13 min away
        assert adapter.writes() == []
        assert "min from home" in explain(engine.why("precool")[-1])
        await drive(hub, clock, 9.0, 5.0, 40.0)  # into the window
        await engine.wait_idle()
        assert len(engine.runs("precool")) == 1
        for _ in range(10):  # five minutes at a red light: no longer approaching
            hub.report("car", "vehicle.speed", 0.0)
            await advance(clock, 30)
        await drive(hub, clock, 5.0, 0.0, 40.0)  # on again, and home: the same approach
        await engine.wait_idle()
        assert adapter.writes() == [("plug", "switch.on", True)]
        (run,) = engine.runs("precool")
        assert 8.0 <= float(str(run.data["minutes"])) <= 10.0
        (note,) = of(NotificationRequested, sent)
        assert note.recipients == ("alex",)
        assert note.message.startswith("Car ")
        assert "min away" in note.message
        # Away again and back: the next approach fires again.
        await drive(hub, clock, 0.0, 12.0, 60.0)
        await drive(hub, clock, 12.0, 1.0, 60.0)
        await engine.wait_idle()
        assert len(engine.runs("precool")) == 2


WEBHOOK = """
automations:
  - id: dim
    triggers: [{type: webhook, id: desk-button-7f3k}]
    actions:
      - {type: set, device: lamp, path: light.brightness, value: "{{ trigger.json.level }}"}
      - type: notify
        title: "{{ automation.name }}"
        message: "{{ trigger.json.who }} set {{ state('lamp', 'light.brightness') }} %"
"""


async def test_webhook_body_reaches_templates(hub: Hub, adapter: RecordingAdapter) -> None:
    notes: list[HubEvent] = []
    hub.bus.listen(notes.append)
    async with Engine(hub, load(WEBHOOK)) as engine:
        assert engine.webhook("unknown-hook-id", {}) is None
        (run_id,) = engine.webhook("desk-button-7f3k", {"level": 40, "who": "Mei"}) or []
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.brightness", 40)]
        (note,) = of(NotificationRequested, notes)
        assert note.title == "dim"
        assert note.message == "Mei set 40 %"
        assert note.recipients == ()  # everyone with access to the space
        assert note.space_id == "home"
        # A body without the field the template needs: the step fails and says which.
        engine.webhook("desk-button-7f3k", {"who": "Mei"})
        await engine.wait_idle()
        failed = engine.runs("dim")[-1]
        assert failed.status is RunStatus.FAILED
        assert "has no attribute 'level'" in (failed.error or "")
        assert engine.runs("dim")[0].run_id == run_id


async def test_run_outcomes_are_published(hub: Hub) -> None:
    published: list[HubEvent] = []
    hub.bus.listen(published.append)
    automations = load(
        """
automations:
  - id: ok
    triggers: [{type: manual}]
    actions: [{type: set, device: lamp, path: light.on, value: true}]
  - id: broken
    triggers: [{type: manual}]
    actions: [{type: set, device: lamp, path: light.brightness, value: 500}]
  - id: guarded
    triggers: [{type: property, device: motion, path: motion-sensor.motion-state, to: true}]
    conditions: [{type: property, device: plug, path: switch.on, state: true}]
    actions: [{type: set, device: lamp, path: light.on, value: true}]
"""
    )
    async with Engine(hub, automations) as engine:
        ok = engine.fire("ok")
        engine.fire("broken")
        hub.report("plug", "switch.on", False)
        hub.report("motion", "motion-sensor.motion-state", False)  # not matched: not published
        hub.report("motion", "motion-sensor.motion-state", True)  # refused by the condition
        await engine.wait_idle()
    runs = of(AutomationRun, published)
    outcomes = {e.automation_id: (e.outcome, e.message) for e in runs}
    assert len(runs) == 3
    assert outcomes["ok"][0] == "done"
    assert [e.run_id for e in runs if e.automation_id == "ok"] == [ok]
    assert outcomes["broken"][0] == "failed"
    assert "(got 500)" in outcomes["broken"][1]
    assert outcomes["guarded"][0] == "refused"
    assert "plug switch.on was false" in outcomes["guarded"][1]
