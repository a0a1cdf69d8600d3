"""A discovery template bomb is refused, through a real broker, without stalling the hub."""

from __future__ import annotations

import asyncio
import time

import orjson
import pytest

from orbithub.adapters.mqtt import DiscoveryError, parse_discovery

from .wire import mqtt_url, probe, running_hub, topic_prefix, until

_NESTED = "{% for a in value_json %}{% for b in value_json %}{{ a }}{% endfor %}{% endfor %}"


def _sensor(prefix: str, name: str, template: str) -> tuple[str, bytes]:
    config = {
        "name": name,
        "unique_id": name,
        "state_topic": f"{prefix}/dev/{name}",
        "value_template": template,
    }
    return f"{prefix}/ha/sensor/{name}/config", orjson.dumps(config)


@pytest.mark.parametrize(
    "template",
    [
        "{{ 9**(9**9) }}",
        "{{ " + "9" * 500 + " }}",
        "{{ value }}" * 400,  # 4.4 KiB: discovery templates are compiled on the hub's loop
        "{{ value | int ",
    ],
)
def test_a_config_with_a_bad_template_is_refused_when_it_arrives(template: str) -> None:
    topic, payload = _sensor("p", "bomb", template)
    started = time.perf_counter()
    with pytest.raises(DiscoveryError, match="value_template"):
        parse_discovery(topic, payload, prefix="p/ha")
    assert time.perf_counter() - started < 0.5


async def _loop_stalls(stop: asyncio.Event, sampled: asyncio.Event, stalls: list[float]) -> None:
    """How late the loop wakes a task that asks to run every 100 ms (the hub's responsiveness)."""
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        due, cpu = loop.time() + 0.1, time.thread_time()
        try:
            async with asyncio.timeout(0.1):
                await stop.wait()
        except TimeoutError:
            # Late only counts while this thread was busy: on a loaded machine the OS may hand
            # the wall time to other programs, and then the thread's CPU clock stands still.
            stalls.append(min(loop.time() - due, time.thread_time() - cpu))
            if len(stalls) >= 3:
                sampled.set()


async def test_a_value_template_bomb_through_mosquitto_is_refused_and_the_hub_stays_up(
    request: pytest.FixtureRequest,
) -> None:
    url = mqtt_url()
    prefix = topic_prefix(request)
    async with running_hub(url, prefix) as (hub, adapter), probe(url) as p:
        for name, template in (("bomb", _NESTED), ("plain", "{{ value_json.t }}")):
            topic, config = _sensor(prefix, name, template)
            await p.publish(topic, config, retain=True)
        await until(
            hub, lambda: {"mqtt:bomb", "mqtt:plain"} <= {d.id for d in hub.registry.devices()}
        )
        await adapter.settled()
        stop, sampled = asyncio.Event(), asyncio.Event()
        stalls: list[float] = []
        watcher = asyncio.create_task(_loop_stalls(stop, sampled, stalls))
        big = orjson.dumps(list(range(3000)))
        for i in range(20):
            await p.publish(f"{prefix}/dev/bomb", big)
            await p.publish(f"{prefix}/dev/plain", orjson.dumps({"t": i}))
        prop = hub.registry.device("mqtt:plain").spec.properties()[0].path
        await until(hub, lambda: hub.state.value("mqtt:plain", prop) == "19")
        async with asyncio.timeout(10):
            await sampled.wait()
        stop.set()
        await watcher
        assert adapter.faults.counts["state"] >= 1
        assert hub.state.value("mqtt:bomb", prop) is None
        assert max(stalls) < 0.1
