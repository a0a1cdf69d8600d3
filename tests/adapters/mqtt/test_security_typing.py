"""Devices that let people in are typed by what they do, whatever form discovery took.

Through a real Mosquitto: a Home Assistant cover whose ``device_class`` is a garage, gate, door
or window becomes a garage door, gate, door or window opener (never a curtain), with commands
reaching the wire; a device-based config whose first component is a light keeps its lock.
"""

from __future__ import annotations

import orjson
import pytest

from orbithub.spec.library import device_type

from .wire import mqtt_url, probe, running_hub, topic_prefix, until

OPENERS = [
    ("garage", "garage-door"),
    ("gate", "gate"),
    ("door", "door"),
    ("window", "window-opener"),
]


@pytest.mark.parametrize(("device_class", "service"), OPENERS)
async def test_an_opening_cover_is_not_a_curtain(
    device_class: str, service: str, request: pytest.FixtureRequest
) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    wire = f"{prefix}/dev/{device_class}"
    config = {
        "name": "Way in",
        "uniq_id": f"{device_class}-1",
        "dev_cla": device_class,
        "cmd_t": f"{wire}/set",
        "stat_t": f"{wire}/state",
    }
    device_id = f"mqtt:{device_class}-1"
    async with running_hub(url, prefix) as (hub, adapter), probe(url) as p:
        await p.subscribe(f"{wire}/set")
        await p.publish(
            f"{prefix}/ha/cover/{device_class}-1/config", orjson.dumps(config), retain=True
        )
        await until(hub, lambda: hub.registry.find_device(device_id) is not None)
        device = hub.registry.device(device_id)
        assert device.spec.name == service
        assert [s.name for s in device.spec.services] == [service]
        assert "curtain" not in {s.name for s in device.spec.services}
        # The same paths as the built-in type of that name.
        assert {f"{service}.motor-control", f"{service}.status"} <= {
            p.path for p in device_type(service).properties()
        }
        await adapter.settled()
        await p.publish(f"{wire}/state", b"closed")
        await until(hub, lambda: hub.state.value(device_id, f"{service}.status") == 2)
        assert (await hub.set(device_id, f"{service}.motor-control", 1)).confirmed
        assert await p.next() == (f"{wire}/set", b"OPEN")


async def test_a_device_config_keeps_the_lock_beside_its_light(
    request: pytest.FixtureRequest,
) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    wire = f"{prefix}/dev/porch"
    config = {
        "dev": {"ids": ["porch-1"], "name": "Porch"},
        "o": {"name": "porch-bridge"},
        "cmps": {
            "lamp": {
                "p": "light",
                "uniq_id": "porch-lamp",
                "cmd_t": f"{wire}/light/set",
                "stat_t": f"{wire}/light/state",
            },
            "bolt": {
                "p": "lock",
                "uniq_id": "porch-lock",
                "cmd_t": f"{wire}/lock/set",
                "stat_t": f"{wire}/lock/state",
            },
        },
    }
    async with running_hub(url, prefix) as (hub, adapter), probe(url) as p:
        await p.subscribe(f"{wire}/lock/set")
        await p.publish(f"{prefix}/ha/device/porch-1/config", orjson.dumps(config), retain=True)
        await until(hub, lambda: hub.registry.find_device("mqtt:porch-1") is not None)
        device = hub.registry.device("mqtt:porch-1")
        assert {s.name for s in device.spec.services} == {"light", "lock"}
        await adapter.settled()
        await p.publish(f"{wire}/lock/state", b"LOCKED")
        await until(hub, lambda: hub.state.value("mqtt:porch-1", "lock.locked") is True)
        assert (await hub.set("mqtt:porch-1", "lock.locked", False)).confirmed
        assert await p.next() == (f"{wire}/lock/set", b"UNLOCK")


async def test_an_alarm_panel_is_an_arming_service(request: pytest.FixtureRequest) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    wire = f"{prefix}/dev/panel"
    config = {
        "name": "House alarm",
        "uniq_id": "panel-1",
        "cmd_t": f"{wire}/set",
        "stat_t": f"{wire}/state",
        "payload_arm_away": "AWAY",
    }
    async with running_hub(url, prefix) as (hub, adapter), probe(url) as p:
        await p.subscribe(f"{wire}/set")
        await p.publish(
            f"{prefix}/ha/alarm_control_panel/panel-1/config", orjson.dumps(config), retain=True
        )
        await until(hub, lambda: hub.registry.find_device("mqtt:panel-1") is not None)
        device = hub.registry.device("mqtt:panel-1")
        assert device.spec.name == "alarm"
        assert [s.name for s in device.spec.services] == ["arming"]
        mode = device.spec.property("arming.arming-mode")
        assert [v.description for v in mode.value_list][:3] == [
            "disarmed",
            "armed-home",
            "armed-away",
        ]
        await adapter.settled()
        await p.publish(f"{wire}/state", b"triggered")
        await until(hub, lambda: hub.state.value("mqtt:panel-1", "arming.status") == 7)
        assert (await hub.set("mqtt:panel-1", "arming.arming-mode", 2)).confirmed
        assert await p.next() == (f"{wire}/set", b"AWAY")
        assert (await hub.set("mqtt:panel-1", "arming.arming-mode", 0)).confirmed
        assert await p.next() == (f"{wire}/set", b"DISARM")
