"""How fast a loop of automations is stopped, through real devices on a real broker.

Two switches speak the OrbitHub protocol (the SDK) over MQTT, to a hub with its MQTT adapter:
"A follows B" sets switch A to B's new state, "B opposes A" sets switch B to the opposite of
A's. A person switches B on, and the two answer each other until the engine stops them. The
switches reply to each request at once and report their new state ``--delay`` seconds later.
Prints the commands the switches received before the pair was stopped and the wall time from
the person's switch to both automations being disabled.

    python bench/bench_loops.py [--delay 0] [--delay 1] [--mqtt-url mqtt://127.0.0.1:1883]

Without ``--mqtt-url`` the embedded broker runs on a free port.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.adapter import MqttAdapter
from orbithub.adapters.mqtt.broker import EmbeddedBroker
from orbithub.automation import Engine, parse_automations
from orbithub.core.context import Context, Origin
from orbithub.core.hub import Hub
from orbithub.core.registry import Space
from orbithub.sdk import Device

PREFIX = "bench-loops"


def pair() -> dict[str, object]:
    def follows(aid: str, name: str, source: str, target: str, value: str) -> dict[str, object]:
        return {
            "id": aid,
            "name": name,
            "triggers": [{"type": "property", "device": source, "path": "switch.on"}],
            "actions": [{"type": "set", "device": target, "path": "switch.on", "value": value}],
        }

    return {
        "automations": [
            follows("a-follows-b", "A follows B", "switch-b", "switch-a", "{{ trigger.value }}"),
            follows(
                "b-opposes-a", "B opposes A", "switch-a", "switch-b", "{{ not trigger.value }}"
            ),
        ]
    }


def switch(
    device_id: str, url: str, delay: float, tasks: set[asyncio.Task[None]], received: list[bool]
) -> Device:
    """A switch that replies at once and reports its new state ``delay`` seconds later."""
    device = Device(
        device_id,
        space="home",
        name=device_id,
        model="switch",
        broker=url,
        prefix=PREFIX,
        mqtt_version="3.1.1",
    )

    @device.on_set("switch.on")
    def turn(value: bool) -> bool | None:
        received.append(value)
        if delay <= 0:
            return None  # the SDK reports the new value with the reply

        async def later() -> None:
            await asyncio.sleep(delay)
            await device.report({"switch.on": value})

        task = asyncio.ensure_future(later())
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return False

    return device


@contextlib.asynccontextmanager
async def broker(url: str | None) -> AsyncIterator[str]:
    if url is not None:
        yield url
        return
    with tempfile.TemporaryDirectory() as data_dir:
        # The hub's own login on the embedded broker may use every topic; the switches use it
        # too here, so the bench measures the loop, not provisioning.
        accounts = BrokerAccounts.in_data_dir(Path(data_dir))
        async with EmbeddedBroker(accounts, port=0) as embedded:
            yield embedded.hub_url


async def until(hub: Hub, done: Callable[[], bool], within: float) -> None:
    """Wait until ``done()`` holds, looking again after each hub event."""
    changed = asyncio.Event()
    stop = hub.bus.listen(lambda _: changed.set())
    try:
        async with asyncio.timeout(within):
            while not done():
                changed.clear()
                await changed.wait()
    finally:
        stop()


async def once(url: str, delay: float) -> tuple[int, float]:
    hub = Hub()
    hub.add_space(Space("home", "Home"))
    adapter = MqttAdapter(url, space_id="home", ha_prefix=None, z2m_base=None, orbit_prefix=PREFIX)
    hub.add_adapter(adapter)
    reports: set[asyncio.Task[None]] = set()
    received: list[bool] = []
    a = switch("switch-a", url, delay, reports, received)
    b = switch("switch-b", url, delay, reports, received)
    async with hub, a, b:
        ids = ("switch-a", "switch-b")
        await until(hub, lambda: all(hub.registry.find_device(i) for i in ids), 10)
        await a.report({"switch.on": False})
        await b.report({"switch.on": False})
        await until(hub, lambda: hub.state.value("switch-b", "switch.on") is False, 10)
        received.clear()
        async with Engine(hub, parse_automations(pair())) as engine:
            start = time.perf_counter()
            await hub.set("switch-b", "switch.on", True, context=Context(Origin.USER, "bench"))
            await until(hub, lambda: not any(x.enabled for x in engine.automations()), 60)
            stopped = time.perf_counter()
            await engine.wait_idle()
        for task in list(reports):
            task.cancel()
    return len(received) - 1, stopped - start  # the person's command is not the loop's


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, action="append", help="report delay, seconds")
    parser.add_argument("--mqtt-url", default=None)
    args = parser.parse_args()
    async with broker(args.mqtt_url) as url:
        for delay in args.delay or [0.0, 1.0]:
            commands, seconds = await once(url, delay)
            print(
                f"report delay {delay:g} s: {commands} commands, stopped {seconds:.2f} s after "
                "the first switch, both automations disabled"
            )


if __name__ == "__main__":
    asyncio.run(main())
