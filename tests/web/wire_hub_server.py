"""Run a real OrbitHub whose devices come over MQTT: Home Assistant discovery and zigbee2mqtt.

Started by ``test_kind_wires.py`` as ``python wire_hub_server.py DATA_DIR BROKER_URL PREFIX``.
The hub has one home, an MQTT adapter whose discovery prefixes live under ``PREFIX`` (unique
per run: the broker is shared), and the API with the web app on a free loopback port. This
script also plays the devices on the other side of the broker: it announces them (retained
discovery configs and zigbee2mqtt's device list, cleared on exit) and answers each command by
reporting the value it was sent, as a device that obeyed would. It prints ``READY <base url>``
once the hub knows every device.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path
from typing import Any

import orjson

from orbithub.adapters.mqtt.adapter import MqttAdapter
from orbithub.adapters.mqtt.client import MqttClient
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.api import ApiSettings
from orbithub.cli.runtime import World, running_hub
from orbithub.cli.services import HttpOptions, running_services
from orbithub.cli.settings import Settings
from orbithub.core.clock import SystemClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Space, SpaceKind

SETTINGS = ApiSettings(password_time_cost=1, password_memory_kib=8192)
WITHIN_S = 20.0
MOTION_S = 1.0
Z2M_DEVICES = Path(__file__).resolve().parents[1] / "fixtures" / "mqtt" / "z2m_bridge_devices.json"
Z2M_NAMES = {
    "living_trv": "0x00aa000000000005",
    "bedroom_blind": "0x00aa000000000008",
    "bathroom_sensor": "0x00aa000000000004",
}
DEVICES = (
    "mqtt:study-ac",
    "mqtt:study-blind",
    "mqtt:study-lamp",
    *(f"z2m:{ieee}" for ieee in Z2M_NAMES.values()),
)


def _ha_configs(prefix: str) -> dict[str, dict[str, Any]]:
    """Discovery configs of a climate unit, a blind and a dimmable lamp, as HA devices send them."""
    dev = f"{prefix}/dev"
    return {
        f"{prefix}/ha/climate/study-ac/config": {
            "name": "Study AC",
            "unique_id": "study-ac",
            "modes": ["off", "cool", "heat", "auto"],
            "mode_command_topic": f"{dev}/ac/mode/set",
            "mode_state_topic": f"{dev}/ac/mode/state",
            "temperature_command_topic": f"{dev}/ac/target/set",
            "temperature_state_topic": f"{dev}/ac/target/state",
            "current_temperature_topic": f"{dev}/ac/room/state",
            "fan_mode_command_topic": f"{dev}/ac/fan/set",
            "fan_mode_state_topic": f"{dev}/ac/fan/state",
            "min_temp": 16,
            "max_temp": 30,
            "temp_step": 0.5,
        },
        f"{prefix}/ha/cover/study-blind/config": {
            "name": "Study blind",
            "unique_id": "study-blind",
            "command_topic": f"{dev}/blind/motor/set",
            "set_position_topic": f"{dev}/blind/position/set",
            "position_topic": f"{dev}/blind/position/state",
        },
        f"{prefix}/ha/light/study-lamp/config": {
            "name": "Study lamp",
            "unique_id": "study-lamp",
            "command_topic": f"{dev}/lamp/power/set",
            "state_topic": f"{dev}/lamp/power/state",
            "brightness_command_topic": f"{dev}/lamp/brightness/set",
            "brightness_state_topic": f"{dev}/lamp/brightness/state",
            "color_temp_command_topic": f"{dev}/lamp/ct/set",
            "color_temp_state_topic": f"{dev}/lamp/ct/state",
        },
    }


def _first_states(prefix: str) -> dict[str, bytes]:
    dev = f"{prefix}/dev"
    return {
        f"{dev}/ac/mode/state": b"auto",
        f"{dev}/ac/target/state": b"25",
        f"{dev}/ac/room/state": b"27.5",
        f"{dev}/ac/fan/state": b"auto",
        f"{dev}/blind/position/state": b"100",
        f"{dev}/lamp/power/state": b"ON",
        f"{dev}/lamp/brightness/state": b"204",
        f"{dev}/lamp/ct/state": b"300",
    }


def _z2m_states() -> dict[str, dict[str, Any]]:
    """What each zigbee2mqtt device reports first (its JSON state message)."""
    return {
        "living_trv": {
            "local_temperature": 19.5,
            "occupied_heating_setpoint": 21,
            "system_mode": "heat",
        },
        "bedroom_blind": {"position": 100, "state": "OPEN"},
        "bathroom_sensor": {
            "temperature": 23.4,
            "humidity": 58,
            "battery": 87,
            "contact": False,
            # Someone walks past as the hub starts: the page says when motion was last seen.
            "occupancy": True,
        },
    }


class Devices:
    """The devices' side of the broker: announce, report, and obey commands."""

    def __init__(self, url: str, prefix: str) -> None:
        self.prefix = prefix
        self.client = MqttClient(parse_broker_url(url), self._got)
        self.retained: set[str] = set()
        self.commands: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue()
        self.z2m = _z2m_states()

    def _got(self, topic: str, payload: bytes, _props: Any) -> None:
        self.commands.put_nowait((topic, payload))

    async def publish(self, topic: str, payload: bytes) -> None:
        self.retained.add(topic)
        await self.client.publish(topic, payload, qos=1, retain=True)

    async def announce(self) -> None:
        z2m = f"{self.prefix}/z2m"
        self.client.subscribe((f"{self.prefix}/dev/+/+/set", f"{z2m}/+/set"), qos=1)
        await self.client.settled(WITHIN_S)
        for topic, payload in _first_states(self.prefix).items():
            await self.publish(topic, payload)
        for topic, config in _ha_configs(self.prefix).items():
            await self.publish(topic, orjson.dumps(config))
        listed = orjson.loads(Z2M_DEVICES.read_bytes())["payload"]
        chosen = [d for d in listed if d.get("friendly_name") in Z2M_NAMES]
        await self.publish(f"{z2m}/bridge/devices", orjson.dumps(chosen))
        for name, state in self.z2m.items():
            await self.publish(f"{z2m}/{name}/availability", b'{"state": "online"}')
            await self.publish(f"{z2m}/{name}", orjson.dumps(state))

    async def obey_z2m(self, name: str, payload: bytes) -> None:
        """A zigbee2mqtt device takes the JSON it was sent as its new state and reports it."""
        state = self.z2m.setdefault(name, {})
        change = orjson.loads(payload)
        if isinstance(change, dict):
            state.update(change)
            motor = {"OPEN": 100, "CLOSE": 0}.get(str(change.get("state")))
            if motor is not None:
                state["position"] = motor
        await self.publish(f"{self.prefix}/z2m/{name}", orjson.dumps(state))

    async def obey(self) -> None:
        """Report every commanded value back on its state topic (the motor's on the position)."""
        while True:
            topic, payload = await self.commands.get()
            base = topic.removesuffix("/set")
            if base.startswith(f"{self.prefix}/z2m/"):
                await self.obey_z2m(base.rsplit("/", 1)[1], payload)
                continue
            if base.endswith("/blind/motor"):
                position = {b"OPEN": b"100", b"CLOSE": b"0"}.get(payload)
                if position is not None:
                    await self.publish(base.replace("/motor", "/position") + "/state", position)
                continue
            await self.publish(f"{base}/state", payload)

    async def clear(self) -> None:
        for topic in sorted(self.retained):
            await self.client.publish(topic, b"", qos=1, retain=True)


async def _discovered(hub: Hub) -> None:
    """Wait until the hub knows every device, re-checking on each of its events."""
    changed = asyncio.Event()
    stop = hub.bus.listen(lambda _event: changed.set())
    try:
        while not all(hub.registry.find_device(d) for d in DEVICES):
            await changed.wait()
            changed.clear()
    finally:
        stop()


async def run(data_dir: Path, url: str, prefix: str) -> None:
    """Serve until SIGTERM/SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    mqtt = MqttAdapter(
        url,
        space_id="home",
        ha_prefix=f"{prefix}/ha",
        z2m_base=f"{prefix}/z2m",
        orbit_prefix=None,
        teslamate_prefix=None,
    )
    home = Space("home", "Home", SpaceKind.HOME, timezone="Asia/Shanghai", aliases=("家",))
    world = World((home,), (), ())
    http = HttpOptions(host="127.0.0.1", port=0)
    devices = Devices(url, prefix)
    async with (
        running_hub(Settings(data_dir), clock=SystemClock(), adapters=[mqtt], world=world) as rt,
        running_services(rt, http=http, api_settings=SETTINGS) as services,
        asyncio.TaskGroup() as tasks,
    ):
        tasks.create_task(devices.client.run())
        try:
            async with asyncio.timeout(WITHIN_S):
                await devices.client.connected.wait()
                await devices.announce()
                await _discovered(rt.hub)
                await asyncio.sleep(MOTION_S)
                await devices.obey_z2m("bathroom_sensor", b'{"occupancy": false}')
            obeying = tasks.create_task(devices.obey())
            sys.stdout.write(f"READY {services.url}\n")
            sys.stdout.flush()
            await stop.wait()
            obeying.cancel()
        finally:
            await devices.clear()
            await devices.client.close()


def main() -> None:
    """Entry point: ``python wire_hub_server.py DATA_DIR BROKER_URL PREFIX``."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    with contextlib.suppress(asyncio.CancelledError):
        asyncio.run(run(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))


if __name__ == "__main__":
    main()
