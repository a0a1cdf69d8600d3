"""The device SDK's actions and events over a real broker, its broker URLs and public names."""

from __future__ import annotations

import orjson
import pytest

import orbithub.sdk as sdk
from orbithub.adapters.mqtt.protocol import decode_event, decode_reply, decode_state
from orbithub.adapters.mqtt.url import BrokerUrl, MqttUrlError
from orbithub.sdk import Device
from orbithub.spec.errors import SpecError, UnknownProperty
from tests.sdk.conftest import Broker
from tests.sdk.hub import HubClient

WAIT = 10.0


def _lock(broker: Broker, prefix: str) -> Device:
    return Device(
        "dev-1",
        space="home",
        name="Front door",
        model="lock",
        broker=broker.url,
        prefix=prefix,
        mqtt_version="auto" if broker.mqtt5 else "3.1.1",
    )


def test_an_action_the_spec_lacks_is_refused_at_registration() -> None:
    device = Device("d", space="home", name="Robot", model="vacuum")
    with pytest.raises(sdk.HandlerError):
        device.on_action("2.1")  # the battery service has no actions


async def test_an_action_request_runs_the_handler_and_replies(
    broker: Broker, prefix: str, hub: HubClient
) -> None:
    device = Device(
        "dev-1",
        space="home",
        name="Robot",
        model="vacuum",
        broker=broker.url,
        prefix=prefix,
        mqtt_version="auto" if broker.mqtt5 else "3.1.1",
    )
    runs: list[str] = []

    @device.on_action("vacuum.start-sweep")
    async def start() -> None:
        runs.append("start")

    @device.on_action("1.3")  # return-to-dock, by siid.aiid
    def dock() -> None:
        runs.append("dock")

    reply_topic = f"{prefix}/home/dev-1/reply"
    async with device:
        # The device subscribes, then announces: once the announce is in, requests reach it.
        await hub.next_on(f"{prefix}/home/dev-1/announce", within=WAIT)
        hub.publish(f"{prefix}/home/dev-1/action", b'{"id": "a1", "action": "vacuum.start-sweep"}')
        first = decode_reply(reply_topic, (await hub.next_on(reply_topic, within=WAIT)).payload)
        hub.publish(
            f"{prefix}/home/dev-1/action", b'{"id": "a2", "action": "vacuum.return-to-dock"}'
        )
        second = decode_reply(reply_topic, (await hub.next_on(reply_topic, within=WAIT)).payload)
        # No handler for stop-sweeping, and too many inputs for start-sweep: both refused.
        hub.publish(
            f"{prefix}/home/dev-1/action", b'{"id": "a3", "action": "vacuum.stop-sweeping"}'
        )
        unhandled = decode_reply(reply_topic, (await hub.next_on(reply_topic, within=WAIT)).payload)
        body = orjson.dumps({"id": "a4", "action": "vacuum.start-sweep", "in": [1]})
        hub.publish(f"{prefix}/home/dev-1/action", body)
        extra = decode_reply(reply_topic, (await hub.next_on(reply_topic, within=WAIT)).payload)
    assert (first.id, first.ok, second.id, second.ok) == ("a1", True, "a2", True)
    assert runs == ["start", "dock"]
    assert (unhandled.ok, extra.ok) == (False, False)
    assert "does not handle" in unhandled.error
    assert "takes 0 input(s), got 1" in extra.error


async def test_report_event_sends_a_checked_event(
    broker: Broker, prefix: str, hub: HubClient
) -> None:
    lock = _lock(broker, prefix)
    topic = f"{prefix}/home/dev-1/event"
    async with lock:
        with pytest.raises(UnknownProperty, match="no argument"):
            await lock.report_event("lock.unlocked", {"battery-level": 3})
        with pytest.raises(SpecError):
            await lock.report_event("lock.exploded")
        with pytest.raises(SpecError):
            await lock.report_event("lock.unlocked", {"operation-method": 9})
        assert await lock.report_event("lock.unlocked", {"lock.operation-method": 1})
        assert await lock.report_event("1.1", {"3": 4})
        first = decode_event(topic, (await hub.next_on(topic, within=WAIT)).payload)
        second = decode_event(topic, (await hub.next_on(topic, within=WAIT)).payload)
    assert (first.event, dict(first.arguments)) == ("lock.unlocked", {"operation-method": 1})
    assert (second.event, dict(second.arguments)) == ("lock.unlocked", {"operation-method": 4})
    assert first.ts is not None
    assert hub.pending(topic) == 0  # the refused events never left


async def test_report_while_stopped_is_not_sent() -> None:
    lock = Device("d", space="home", name="Front door", model="lock")
    assert not await lock.report({"lock.locked": True})
    assert not await lock.report_event("lock.unlocked", {"operation-method": 1})


async def test_reports_carry_increasing_sequence_numbers(
    broker: Broker, prefix: str, hub: HubClient
) -> None:
    lock = _lock(broker, prefix)
    topic = f"{prefix}/home/dev-1/state"
    async with lock:
        for level in (10, 20):
            await lock.report({"battery.battery-level": level})
        first = decode_state(topic, (await hub.next_on(topic, within=WAIT)).payload)
        second = decode_state(topic, (await hub.next_on(topic, within=WAIT)).payload)
    assert first.seq is not None
    assert second.seq is not None
    assert second.seq > first.seq


def test_broker_urls_are_parsed_like_the_hubs() -> None:
    device = Device(
        "d",
        space="home",
        name="Plug",
        model="plug",
        broker="mqtt://maker:s3cr%40t@broker.example:1884?client_id=plug-7&version=3.1.1",
    )
    assert device.mqtt_version == "3.1.1"  # the URL pinned it
    url = sdk.parse_broker_url("mqtts://broker.example")
    assert url == BrokerUrl("broker.example", 8883, tls=True)
    assert sdk.BrokerAddress is BrokerUrl
    for bad in ("http://h", "mqtt://", "mqtt://h/path", "mqtt://h?nope=1"):
        with pytest.raises(sdk.BrokerUrlError):
            Device("d", space="home", name="Plug", model="plug", broker=bad)
    assert sdk.BrokerUrlError is MqttUrlError


def test_public_names_are_pinned() -> None:
    assert sdk.__all__ == [
        "ActionHandler", "BrokerAddress", "BrokerUrlError", "ConnectError", "Device",
        "HandlerError", "NotConnected", "SdkError", "SetHandler", "parse_broker_url",
    ]  # fmt: skip
    for name in sdk.__all__:
        assert hasattr(sdk, name)
