"""Publishing OrbitHub devices to Home Assistant through Mosquitto, and reading them back.

The hub's devices are hand-built and owned by an adapter that applies every write at once, so
a command that reaches the hub shows up in its state. OrbitHub's own HA discovery parser is
the interop check both ways: the configs it reads back describe equivalent devices, their
state messages decode to the hub's values, and the commands it encodes change the hub.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import orjson
import pytest

from orbithub.adapters.mqtt import DiscoveryCatalog, decode_state, encode_command, parse_discovery
from orbithub.adapters.mqtt.client import MqttClient
from orbithub.adapters.mqtt.publish_ha import HaPublisher
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.core.adapter import AdapterHost, Command, CommandResult, SetProperty
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space
from orbithub.core.tasks import task_scope
from orbithub.spec.library import device_type

from .wire import WITHIN, mqtt_url, topic_prefix, until

DEVICES = {
    "lamp": "light",
    "plug": "plug",
    "ac": "air-conditioner",
    "motion": "motion-sensor",
}


class ApplyingAdapter:
    """Owns the test's devices; a write is applied at once, as a device confirming it would."""

    name = "bench"

    def __init__(self) -> None:
        self.host: AdapterHost | None = None

    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        self.host = host

    async def stop(self) -> None:
        self.host = None

    async def send(self, command: Command) -> CommandResult:
        assert self.host is not None
        if isinstance(command, SetProperty):
            self.host.report(command.device.id, command.prop.path, command.value)
        return CommandResult(True)


@dataclass
class Watcher:
    """A plain MQTT client that keeps the last message (and its retain flag) per topic."""

    last: dict[str, tuple[bytes, bool]] = field(default_factory=dict)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def got(self, topic: str, payload: bytes, props: Mapping[str, Any]) -> None:
        self.last[topic] = (payload, bool(props.get("retain")))
        self.changed.set()

    async def until(self, check: Any, within: float = WITHIN) -> None:
        async with asyncio.timeout(within):
            while not check():
                self.changed.clear()
                await self.changed.wait()

    def payload(self, topic: str) -> bytes | None:
        got = self.last.get(topic)
        return None if got is None else got[0]


@dataclass
class Setup:
    hub: Hub
    publisher: HaPublisher
    watcher: Watcher
    prefix: str
    command: MqttClient

    def ha(self, component: str, object_id: str) -> str:
        return f"{self.prefix}/ha/{component}/orbithub/{object_id}/config"

    def config(self, component: str, object_id: str) -> dict[str, Any]:
        payload = self.watcher.payload(self.ha(component, object_id))
        assert payload, f"no config for {component}/{object_id}"
        return dict(orjson.loads(payload))


def _hub() -> Hub:
    hub = Hub()
    hub.add_space(Space("home", "Home"))
    for device_id, key in DEVICES.items():
        hub.add_device(Device(device_id, device_id.title(), device_type(key), "home", "bench"))
    # Came from MQTT: publishing it back would loop it through HA and into the hub again.
    hub.add_device(Device("mqtt:bulb", "Bulb", device_type("light"), "home", "mqtt"))
    hub.add_adapter(ApplyingAdapter())
    return hub


async def _connected(stack: AsyncExitStack, tasks: asyncio.TaskGroup, client: MqttClient) -> None:
    tasks.create_task(client.run())
    stack.push_async_callback(client.close)
    async with asyncio.timeout(WITHIN):
        await client.connected.wait()


@asynccontextmanager
async def _setup(request: pytest.FixtureRequest) -> AsyncIterator[Setup]:
    prefix = topic_prefix(request)
    url = parse_broker_url(mqtt_url())
    hub = _hub()
    watcher = Watcher()
    forward: list[HaPublisher] = []
    async with AsyncExitStack() as stack:
        tasks = await stack.enter_async_context(task_scope())
        await stack.enter_async_context(hub)
        watch = MqttClient(url, watcher.got)
        await _connected(stack, tasks, watch)
        watch.subscribe([f"{prefix}/#"], qos=1)
        await watch.settled(WITHIN)
        own = MqttClient(url, lambda t, p, r: forward[0].handle(t, p, r))
        publisher = HaPublisher(
            hub.bus,
            hub.registry,
            own,
            hub.set,
            prefix=f"{prefix}/ha",
            base=f"{prefix}/orbithub",
            state=hub.state,
        )
        forward.append(publisher)
        await _connected(stack, tasks, own)
        await publisher.start(tasks)
        await own.settled(WITHIN)  # its command topics are subscribed
        command = MqttClient(url, lambda *_: None)
        await _connected(stack, tasks, command)
        try:
            yield Setup(hub, publisher, watcher, prefix, command)
        finally:
            await publisher.stop()  # sends what it had queued
            # Messages from one client arrive in order: once the marker is in, so is the rest.
            await own.publish(f"{prefix}/marker", b"end")
            await watcher.until(lambda: f"{prefix}/marker" in watcher.last)
            # Clear every retained message the test left: configs and states.
            for topic, (payload, _) in sorted(watcher.last.items()):
                if payload:
                    await command.publish(topic, b"", retain=True)


async def test_configs_are_published_retained_for_own_devices_only(
    request: pytest.FixtureRequest,
) -> None:
    async with _setup(request) as setup:
        expected = {
            setup.ha("light", "lamp_light"),
            setup.ha("switch", "plug_switch_on"),
            setup.ha("sensor", "plug_power-meter_electric-power"),
            setup.ha("climate", "ac_air-conditioner"),
            setup.ha("sensor", "ac_power-meter_electric-power"),
            setup.ha("binary_sensor", "motion_motion-sensor_motion-state"),
            setup.ha("sensor", "motion_battery_battery-level"),
        }
        await setup.watcher.until(lambda: expected <= set(setup.watcher.last))
        light = setup.config("light", "lamp_light")
        base = f"{setup.prefix}/orbithub/lamp/light"
        assert light["schema"] == "json"
        assert (light["state_topic"], light["command_topic"]) == (f"{base}/state", f"{base}/set")
        assert (light["brightness_scale"], light["supported_color_modes"]) == (100, ["color_temp"])
        assert (light["min_kelvin"], light["max_kelvin"]) == (2700, 6500)
        assert light["device"]["identifiers"] == ["orbithub_lamp"]
        power = setup.config("sensor", "plug_power-meter_electric-power")
        assert (power["unit_of_measurement"], power["device_class"]) == ("W", "power")
        assert setup.config("sensor", "motion_battery_battery-level")["device_class"] == "battery"
        motion = setup.config("binary_sensor", "motion_motion-sensor_motion-state")
        assert motion["device_class"] == "motion"
        assert "command_topic" not in motion
        climate = setup.config("climate", "ac_air-conditioner")
        assert climate["modes"] == ["off", "auto", "cool", "dry", "heat", "fan_only"]
        assert (climate["min_temp"], climate["max_temp"], climate["temp_step"]) == (16, 31, 0.5)
        assert climate["fan_modes"] == ["auto", "low", "medium", "high"]
        assert not any("bulb" in topic for topic in setup.watcher.last)

        late = Watcher()
        client = MqttClient(parse_broker_url(mqtt_url()), late.got)
        async with task_scope() as tasks, AsyncExitStack() as stack:
            await _connected(stack, tasks, client)
            client.subscribe([f"{setup.prefix}/ha/#"], qos=1)
            await late.until(lambda: expected <= set(late.last))
        assert all(late.last[topic][1] for topic in expected)  # retained for a restarting HA


async def test_state_follows_every_change(request: pytest.FixtureRequest) -> None:
    async with _setup(request) as setup:
        hub, watcher = setup.hub, setup.watcher
        base = f"{setup.prefix}/orbithub"
        hub.report_many(
            "lamp", {"light.on": True, "light.brightness": 40, "light.color-temperature": 3000}
        )
        hub.report("motion", "motion-sensor.motion-state", True)
        hub.report("plug", "power-meter.electric-power", 12.5)
        hub.report_many("ac", {"air-conditioner.on": True, "air-conditioner.mode": 1})
        hub.report("ac", "air-conditioner.target-temperature", 22.5)
        wanted = {
            f"{base}/lamp/light/state": {
                "state": "ON", "brightness": 40, "color_temp": 3000, "color_mode": "color_temp",
            },
            f"{base}/motion/motion-sensor_motion-state/state": b"ON",
            f"{base}/plug/power-meter_electric-power/state": b"12.5",
            f"{base}/ac/air-conditioner/mode/state": b"cool",
            f"{base}/ac/air-conditioner/target/state": b"22.5",
        }  # fmt: skip

        def arrived() -> bool:
            for topic, value in wanted.items():
                payload = watcher.payload(topic)
                if payload is None:
                    return False
                got = orjson.loads(payload) if isinstance(value, dict) else payload
                if got != value:
                    return False
            return True

        await watcher.until(arrived)
        hub.report("ac", "air-conditioner.on", False)
        await watcher.until(
            lambda: watcher.payload(f"{base}/ac/air-conditioner/mode/state") == b"off"
        )


async def test_commands_from_ha_change_the_device_in_the_hub(
    request: pytest.FixtureRequest,
) -> None:
    async with _setup(request) as setup:
        hub, base = setup.hub, f"{setup.prefix}/orbithub"
        await setup.command.publish(f"{base}/lamp/light/set", b'{"state":"ON","brightness":70}')
        await until(hub, lambda: hub.state.value("lamp", "light.brightness") == 70)
        await until(hub, lambda: hub.state.value("lamp", "light.on") is True)
        await setup.command.publish(f"{base}/plug/switch_on/set", b"ON")
        await until(hub, lambda: hub.state.value("plug", "switch.on") is True)
        await setup.command.publish(f"{base}/ac/air-conditioner/mode/set", b"heat")
        await until(hub, lambda: hub.state.value("ac", "air-conditioner.mode") == 3)
        assert hub.state.value("ac", "air-conditioner.on") is True
        await setup.command.publish(f"{base}/ac/air-conditioner/target/set", b"24.5")
        await until(
            hub, lambda: hub.state.value("ac", "air-conditioner.target-temperature") == 24.5
        )
        await setup.command.publish(f"{base}/ac/air-conditioner/fan/set", b"high")
        await until(hub, lambda: hub.state.value("ac", "fan-control.fan-level") == 3)
        await setup.command.publish(f"{base}/lamp/light/set", b'{"state":"OFF"}')
        await until(hub, lambda: hub.state.value("lamp", "light.on") is False)


async def test_configs_read_back_by_our_own_parser_describe_equivalent_devices(
    request: pytest.FixtureRequest,
) -> None:
    async with _setup(request) as setup:
        hub, watcher = setup.hub, setup.watcher
        hub.report_many(
            "lamp", {"light.on": True, "light.brightness": 55, "light.color-temperature": 4000}
        )
        hub.report_many(
            "motion",
            {
                "motion-sensor.motion-state": True,
                "motion-sensor.illumination": 300.0,
                "battery.battery-level": 81,
            },
        )
        hub.report("plug", "power-meter.electric-power", 7.5)
        lamp_state = f"{setup.prefix}/orbithub/lamp/light/state"
        await watcher.until(lambda: b'"brightness":55' in (watcher.payload(lamp_state) or b""))
        ha_root = f"{setup.prefix}/ha/"
        await watcher.until(lambda: sum(t.startswith(ha_root) for t in watcher.last) >= 7)

        catalog = DiscoveryCatalog()
        for topic, (payload, _) in sorted(watcher.last.items()):
            if topic.startswith(ha_root) and payload:
                prefix = f"{setup.prefix}/ha"
                # OrbitHub's own discovery skips what an OrbitHub hub published (no loop)...
                assert not parse_discovery(topic, payload, prefix=prefix).devices
                # ...so read it as Home Assistant does, which ignores the origin block.
                config = json.loads(payload)
                assert config.pop("origin") == {"name": "OrbitHub"}
                catalog.apply(parse_discovery(topic, json.dumps(config).encode(), prefix=prefix))
        found = {d.id: d for d in catalog.devices()}
        assert set(found) == {f"mqtt:orbithub_{i}" for i in DEVICES}

        lamp = found["mqtt:orbithub_lamp"]
        own = hub.registry.device("lamp").spec
        for path in ("light.on", "light.brightness", "light.color-temperature"):
            theirs, ours = lamp.spec.property(path), own.property(path)
            assert (theirs.format, theirs.value_range, theirs.writable) == (
                ours.format,
                ours.value_range,
                ours.writable,
            ), path
        ac = found["mqtt:orbithub_ac"].spec
        target = ac.property("thermostat.target-temperature")
        assert (
            target.value_range
            == hub.registry.device("ac")
            .spec.property("air-conditioner.target-temperature")
            .value_range
        )
        assert ac.property("power-meter.electric-power").unit == "watt"
        motion = found["mqtt:orbithub_motion"].spec
        assert motion.property("motion-sensor.motion-state").readable
        assert not motion.property("motion-sensor.motion-state").writable
        assert motion.property("battery.battery-level").unit == "percentage"

        # State: what we published decodes, through their binding, to the hub's values.
        published = watcher.payload(lamp_state)
        assert published is not None
        assert decode_state(lamp.binding, lamp_state, published) == {
            "light.on": True,
            "light.brightness": 55,
            "light.color-temperature": 4000,
        }
        motion_dev = found["mqtt:orbithub_motion"]
        await watcher.until(lambda: all(watcher.payload(t) for t in motion_dev.binding.reads))
        decoded: dict[str, object] = {}
        for topic in motion_dev.binding.reads:
            got = watcher.payload(topic)
            assert got is not None
            decoded |= decode_state(motion_dev.binding, topic, got)
        # HA's illuminance class is filed under environment, whoever reports it.
        assert decoded == {
            "motion-sensor.motion-state": True,
            "environment.illumination": 300.0,
            "battery.battery-level": 81,
        }

        # Commands: what their binding encodes, published, changes the device in the hub.
        for topic, body in encode_command(lamp.binding, "light.brightness", 20):
            await setup.command.publish(topic, body)
        await until(hub, lambda: hub.state.value("lamp", "light.brightness") == 20)
        for topic, body in encode_command(lamp.binding, "light.color-temperature", 5000):
            await setup.command.publish(topic, body)
        await until(hub, lambda: hub.state.value("lamp", "light.color-temperature") == 5000)
        plug = found["mqtt:orbithub_plug"]
        (switch,) = (p.path for p in plug.spec.properties() if p.writable)
        for topic, body in encode_command(plug.binding, switch, True):
            await setup.command.publish(topic, body)
        await until(hub, lambda: hub.state.value("plug", "switch.on") is True)
        for topic, body in encode_command(found["mqtt:orbithub_ac"].binding, target.path, 19.5):
            await setup.command.publish(topic, body)
        await until(
            hub, lambda: hub.state.value("ac", "air-conditioner.target-temperature") == 19.5
        )


async def test_bad_commands_are_refused_and_later_ones_still_apply(
    request: pytest.FixtureRequest,
) -> None:
    async with _setup(request) as setup:
        hub, base = setup.hub, f"{setup.prefix}/orbithub"
        light, ac = f"{base}/lamp/light/set", f"{base}/ac/air-conditioner"
        undecodable = [
            (light, b"not json"),
            (light, b"[1, 2]"),
            (light, b'{"brightness": "bright"}'),
            (light, b'{"brightness": 1e999}'),
            (f"{base}/plug/switch_on/set", b"MAYBE"),
            (f"{ac}/mode/set", b"turbo"),
            (f"{ac}/target/set", b"hot"),
            (f"{ac}/fan/set", b"\xff\xfe"),
        ]
        for topic, payload in undecodable:
            await setup.command.publish(topic, payload)
        await setup.command.publish(light, b'{"state": "ON", "brightness": 500}')  # off-spec
        await setup.command.publish(f"{ac}/target/set", b"99")  # off-spec
        # Sent last on the same connection, so it is handled after everything above.
        await setup.command.publish(f"{base}/plug/switch_on/set", b"ON")
        await until(hub, lambda: hub.state.value("plug", "switch.on") is True)
        assert setup.publisher.faults.counts["command"] == len(undecodable)
        assert hub.state.device("lamp") == {}
        assert hub.state.device("ac") == {}


async def test_a_device_whose_spec_changes_loses_the_entities_it_no_longer_has(
    request: pytest.FixtureRequest,
) -> None:
    async with _setup(request) as setup:
        power = setup.ha("sensor", "plug_power-meter_electric-power")
        switch = setup.ha("switch", "plug_switch_on")
        await setup.watcher.until(lambda: bool(setup.watcher.payload(power)))
        plug = setup.hub.registry.device("plug")
        setup.hub.add_device(
            Device("plug", plug.name, device_type("switch"), "home", "bench"), replace=True
        )
        await setup.watcher.until(lambda: setup.watcher.payload(power) == b"")
        assert setup.watcher.payload(switch)
        setup.hub.remove_device("plug")
        await setup.watcher.until(lambda: setup.watcher.payload(switch) == b"")
