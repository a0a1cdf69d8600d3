"""Commands through the gateway: checked, audited under the home, sent to the device on NATS.

The spec and the person's rights decide; the device's reply on NATS confirms.
"""

from __future__ import annotations

import asyncio

import orjson
import pytest
from nats.aio.msg import Msg

from orbithub.adapters.mqtt import protocol
from orbithub.storage.audit import read_audit
from tests.fleet.gateway.conftest import Fleet

pytestmark = pytest.mark.postgres

LAMP = "/api/homes/flat-a/devices/lamp/properties/light.brightness"
DOOR = "/api/homes/flat-a/devices/front-door/properties/lock.locked"


async def _device(fleet: Fleet, device: str, *, ok: bool = True) -> list[dict[str, object]]:
    """A device of flat-a on NATS that answers every set request; returns what it received."""
    received: list[dict[str, object]] = []

    async def on_set(msg: Msg) -> None:
        request = orjson.loads(msg.data)
        received.append(request)
        topic = f"orbit/flat-a/{device}/reply"
        reply = protocol.Reply(request["id"], ok, "" if ok else "jammed")
        await fleet.nc.publish(topic.replace("/", "."), protocol.encode_reply(topic, reply))

    await fleet.nc.subscribe(f"orbit.flat-a.{device}.set", cb=on_set)
    await fleet.nc.flush()
    return received


async def test_a_command_reaches_the_device_and_its_reply_confirms_it(fleet: Fleet) -> None:
    received = await _device(fleet, "lamp")
    answer = await fleet.client.put(LAMP, json={"value": 70}, headers=fleet.auth("alice"))
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"sent": True, "confirmed": True, "message": ""}
    assert [r["values"] for r in received] == [{"light.brightness": 70}]
    entries = await read_audit(fleet.db)
    assert [(e.actor, e.target, e.space_id, e.result) for e in entries] == [
        ("alice", "lamp/light.brightness", "flat-a", "confirmed")
    ]


async def test_a_silent_device_leaves_the_command_unconfirmed(fleet: Fleet) -> None:
    answer = await fleet.client.put(LAMP, json={"value": 70}, headers=fleet.auth("alice"))
    assert answer.status_code == 200
    assert answer.json()["confirmed"] is False
    assert "did not reply" in answer.json()["message"]


async def test_the_spec_refuses_a_value_out_of_range_and_nothing_is_sent(fleet: Fleet) -> None:
    received = await _device(fleet, "lamp")
    answer = await fleet.client.put(LAMP, json={"value": 1000}, headers=fleet.auth("alice"))
    assert answer.status_code == 422
    assert answer.json()["code"] == "value_rejected"
    answer = await fleet.client.put(
        "/api/homes/flat-a/devices/front-door/properties/lock.door-state",
        json={"value": 1},
        headers=fleet.auth("alice"),
    )
    assert answer.status_code == 422
    await asyncio.sleep(0.1)
    assert received == []
    assert [e.result for e in await read_audit(fleet.db)] == ["rejected", "rejected"]


async def test_a_child_may_not_unlock_the_front_door(fleet: Fleet) -> None:
    received = await _device(fleet, "front-door")
    answer = await fleet.client.put(DOOR, json={"value": False}, headers=fleet.auth("carl"))
    assert answer.status_code == 403
    assert "security device" in answer.json()["message"]
    # The child still controls the lamp of the same home.
    answer = await fleet.client.put(LAMP, json={"value": 20}, headers=fleet.auth("carl"))
    assert answer.status_code == 200
    assert received == []
    refused = [e for e in await read_audit(fleet.db) if e.result == "forbidden"]
    assert [(e.actor, e.space_id) for e in refused] == [("carl", "flat-a")]


async def test_unlocking_asks_the_owner_to_confirm(fleet: Fleet) -> None:
    received = await _device(fleet, "front-door")
    answer = await fleet.client.put(DOOR, json={"value": False}, headers=fleet.auth("alice"))
    assert answer.status_code == 409
    assert received == []
    answer = await fleet.client.put(
        DOOR, json={"value": False, "confirm": True}, headers=fleet.auth("alice")
    )
    assert answer.status_code == 200
    assert [r["values"] for r in received] == [{"lock.locked": False}]


async def test_unknown_devices_and_properties_are_not_found(fleet: Fleet) -> None:
    answer = await fleet.client.put(
        "/api/homes/flat-a/devices/ghost/properties/light.on",
        json={"value": True},
        headers=fleet.auth("alice"),
    )
    assert answer.status_code == 404
    answer = await fleet.client.put(
        "/api/homes/flat-a/devices/lamp/properties/light.nope",
        json={"value": True},
        headers=fleet.auth("alice"),
    )
    assert answer.status_code == 404
    answer = await fleet.client.put(LAMP, json={"value": [1]}, headers=fleet.auth("alice"))
    assert answer.status_code == 422
