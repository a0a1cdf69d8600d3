"""The demo fleet: simulated devices reach a hub over MQTT as SDK devices, owners included."""

from __future__ import annotations

import pytest

from orbithub.adapters.sim import DemoWorld, demo_world
from orbithub.cli.sim_fleet import SimFleet
from orbithub.core.clock import ManualClock
from orbithub.core.tasks import task_scope
from tests.adapters.mqtt.wire import mqtt_url, probe, running_hub, topic_prefix, until


async def test_the_demo_phones_reach_the_hub_with_their_owners(
    request: pytest.FixtureRequest,
) -> None:
    url = mqtt_url()
    prefix = topic_prefix(request)
    world = demo_world()
    phones = tuple(d for d in world.devices if d.model == "phone")
    assert {d.id: d.owner for d in phones} == {"phone-alex": "alex", "phone-mei": "mei"}
    fleet = SimFleet(
        DemoWorld(world.spaces, world.rooms, phones),
        broker=url,
        seed=1,
        clock=ManualClock(),
        prefix=f"{prefix}/orbit",
    )
    try:
        # The owner made the phones' logins, so their announces may name their owners.
        provisioned = {d.id for d in phones}.__contains__
        async with (
            running_hub(url, prefix, provisioned=provisioned) as (hub, _),
            task_scope() as tasks,
        ):
            await fleet.start(tasks)
            try:
                await until(hub, lambda: all(hub.registry.find_device(d.id) for d in phones))
                owners = {d.id: hub.registry.device(d.id).owner for d in phones}
                assert owners == {"phone-alex": "alex", "phone-mei": "mei"}
            finally:
                await fleet.stop()
    finally:
        async with probe(url) as p:
            for phone in phones:
                for kind in ("announce", "availability"):
                    await p.publish(f"{prefix}/orbit/home/{phone.id}/{kind}", b"", retain=True)
            p.retained.clear()
