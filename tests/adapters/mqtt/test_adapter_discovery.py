"""End to end through Mosquitto: discovery -> device in the hub -> state in -> commands out.

Every recorded HA discovery message and the zigbee2mqtt device lists go through a real broker
into a real hub. The pure mapping (tested beside this file) is the oracle: what arrives in the
hub must be what ``decode_state`` says, and what leaves must be what ``encode_command`` says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from orbithub.adapters.mqtt import (
    DiscoveredDevice,
    StateDecodeError,
    decode_state,
    encode_action,
    encode_command,
    parse_bridge_devices,
    parse_discovery,
)
from orbithub.core.hub import Hub
from orbithub.spec.errors import ValueRejected
from orbithub.spec.formats import check_report, check_write
from orbithub.spec.model import Format, Property, Value

from .conftest import OWN, SHARED_HA, SHARED_Z2M, load
from .wire import Probe, collect, mqtt_url, probe, running_hub, topic_prefix, until

_CANDIDATES = (
    b"ON",
    b"OFF",
    b"21.5",
    b"1",
    b"home",
    b"LOCKED",
    b"heat",
    b"option 1",
    b'{"state":"ON","brightness":200,"color_temp":300,"temperature":21.5,"humidity":40}',
    b'{"event_type":"press"}',
)
"""State payloads tried on each state topic; the first the mapping decodes to accepted values
is published."""


def _moved(fixture: dict[str, Any], prefix: str) -> tuple[str, bytes]:
    """HA fixture topics are short (``test-topic``, ``zigbee2mqtt/...``); prefix all of them."""
    payload = fixture["payload"]

    def move(value: Any, topical: bool) -> Any:
        if isinstance(value, str):
            return f"{prefix}/dev/{value}" if topical and not value.startswith("~") else value
        if isinstance(value, list):
            return [move(v, topical) for v in value]
        if isinstance(value, dict):
            return {
                k: move(v, "topic" in k or k in ("t", "~") or k.endswith("_t"))
                for k, v in value.items()
            }
        return value

    topic = f"{prefix}/ha/" + fixture["topic"].split("/", 1)[1]
    return topic, orjson.dumps(move(payload, False))


def _accepted(device: DiscoveredDevice, values: dict[str, Value]) -> dict[str, Value]:
    ok: dict[str, Value] = {}
    for path, value in values.items():
        prop = device.spec.find_property(path)
        if prop is None or not prop.readable:
            continue
        try:
            ok[path] = check_report(prop, value)
        except ValueRejected:
            continue
    return ok


def _state_message(device: DiscoveredDevice) -> tuple[str, bytes, dict[str, Value]] | None:
    for topic in sorted(device.binding.reads):
        for payload in _CANDIDATES:
            try:
                values = decode_state(device.binding, topic, payload)
            except StateDecodeError:
                continue
            accepted = _accepted(device, values)
            if accepted:
                return topic, payload, accepted
    return None


def _valid_value(prop: Property) -> Value:
    if prop.value_list:
        return prop.value_list[-1].value
    if prop.format is Format.BOOL:
        return True
    if prop.format is Format.STRING:
        return "hello"
    if prop.value_range is None:
        return 0.5
    return prop.value_range.max


def _command_topics(device: DiscoveredDevice) -> set[str]:
    topics = {m.topic for ws in device.binding.writes.values() for m in ws}
    return topics | {a.topic for acts in device.binding.actions.values() for a in acts}


async def _exercise(hub: Hub, p: Probe, device: DiscoveredDevice) -> None:
    """State in and every command out, for one device already in the hub."""
    state = _state_message(device)
    if state is not None:
        topic, payload, values = state
        await p.publish(topic, payload)
        if topic in _command_topics(device):
            assert await p.next() == (topic, payload)  # HA lets state and command share one
        await until(hub, lambda: all(hub.state.value(device.id, k) == v for k, v in values.items()))
    for prop in device.spec.properties():
        if not prop.writable or prop.path not in device.binding.writes:
            continue
        value = check_write(prop, _valid_value(prop))
        expected = encode_command(device.binding, prop.path, value)
        result = await hub.set(device.id, prop.path, value)
        assert result.confirmed
        assert "broker acknowledged" in result.message
        assert await collect(p, len(expected)) == expected
    for path in device.binding.actions:
        action = device.spec.action(path)
        if action.in_:
            continue
        expected = encode_action(device.binding, path)
        assert (await hub.call(device.id, path)).confirmed
        assert await collect(p, len(expected)) == expected


def _ha_files() -> list[Path]:
    # The project's own fixtures always; the recorded ones beside a full checkout on top.
    own = sorted((OWN / "ha-discovery").glob("*.json"))
    names = {p.name for p in own}
    shared = sorted(SHARED_HA.glob("*.json")) if SHARED_HA.is_dir() else []
    return own + [p for p in shared if p.name not in names]


@pytest.mark.parametrize("path", _ha_files(), ids=lambda p: p.stem)
async def test_ha_fixture_end_to_end(path: Path, request: pytest.FixtureRequest) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    topic, payload = _moved(load(path), prefix)
    expected = parse_discovery(topic, payload, prefix=f"{prefix}/ha").devices
    assert len(expected) == 1
    device = expected[0]
    async with running_hub(url, prefix) as (hub, adapter), probe(url) as p:
        command_topics = _command_topics(device)
        if command_topics:
            await p.subscribe(*sorted(command_topics))
        await p.publish(topic, payload, retain=True)
        await until(hub, lambda: hub.registry.find_device(device.id) is not None)
        got = hub.registry.device(device.id)
        assert (got.spec, got.adapter, got.space_id) == (device.spec, "mqtt", "home")
        await adapter.settled()
        await _exercise(hub, p, device)
        await p.publish(topic, b"", retain=True)
        await until(hub, lambda: hub.registry.find_device(device.id) is None)
        if not command_topics & device.binding.topics:
            # Otherwise the adapter reads its own commands back as state, and may refuse them.
            assert adapter.faults.total == 0, adapter.faults.counts


def _z2m_files() -> list[Path]:
    own = [OWN / "z2m_bridge_devices.json", OWN / "z2m_bridge_devices_home.json"]
    shared = SHARED_Z2M / "bridge_devices.json"
    return own + ([shared] if shared.is_file() else [])


@pytest.mark.parametrize("path", _z2m_files(), ids=lambda p: f"{p.parent.name}-{p.stem}")
async def test_z2m_bridge_devices_end_to_end(path: Path, request: pytest.FixtureRequest) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    base = f"{prefix}/z2m"
    fixture = load(path)
    payload = orjson.dumps(fixture["payload"])
    devices = parse_bridge_devices(payload, base_topic=base).devices
    assert devices
    async with running_hub(url, prefix) as (hub, adapter), probe(url) as p:
        await p.subscribe(f"{base}/+/set", f"{base}/+/+/set")
        await p.publish(f"{base}/bridge/devices", payload, retain=True)
        await until(hub, lambda: all(hub.registry.find_device(d.id) for d in devices))
        await adapter.settled()
        for device in devices:
            assert hub.registry.device(device.id).spec == device.spec
            await _exercise(hub, p, device)
        # Availability (zigbee2mqtt's JSON form) marks a device offline and back.
        first = devices[0]
        avail = f"{base}/{first.name}/availability"
        await p.publish(avail, b'{"state":"offline"}')
        await until(hub, lambda: hub.state.is_online(first.id) is False)
        await p.publish(avail, b"online")
        await until(hub, lambda: hub.state.is_online(first.id) is True)
        # A device dropped from the list leaves the hub.
        rest = orjson.dumps(
            [d for d in fixture["payload"] if d.get("ieee_address") != first.id[4:]]
        )
        await p.publish(f"{base}/bridge/devices", rest, retain=True)
        await until(hub, lambda: hub.registry.find_device(first.id) is None)
        assert all(hub.registry.find_device(d.id) for d in devices[1:])
