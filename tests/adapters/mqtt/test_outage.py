"""Commands while the broker is unreachable: refused at once, and no service ends on them."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from orbithub.adapters.mqtt import MqttAdapter, MqttUnavailable
from orbithub.adapters.sim import demo_world
from orbithub.core.clock import ManualClock
from orbithub.core.errors import AdapterUnavailableError
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.core.tasks import task_scope
from orbithub.mobility.precondition import Preconditioner

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _closed_port() -> int:
    """A loopback port nothing listens on: a broker that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _hub_with_the_car_on_mqtt(clock: ManualClock) -> Hub:
    world = demo_world()
    registry = Registry()
    car = next(d for d in world.devices if d.id == "car")
    registry.load(world.spaces, world.rooms, [replace(car, adapter="mqtt")])
    hub = Hub(clock=clock, registry=registry)
    hub.add_adapter(
        MqttAdapter(
            f"mqtt://127.0.0.1:{_closed_port()}?version=3.1.1",
            space_id="home",
            start_timeout=0.1,
        )
    )
    return hub


async def test_a_command_while_the_broker_is_down_is_refused_at_once() -> None:
    hub = _hub_with_the_car_on_mqtt(ManualClock(1_700_000_000.0))
    async with hub:
        asked = time.monotonic()
        with pytest.raises(AdapterUnavailableError, match="broker unreachable") as refused:
            await hub.set("car", "cabin.on", True)
        assert time.monotonic() - asked < 1.0  # not after the delivery or command timeout
        assert isinstance(refused.value, MqttUnavailable)


async def test_pre_conditioning_outlives_a_command_the_broker_could_not_take(
    caplog: pytest.LogCaptureFixture,
) -> None:
    start = datetime(2025, 1, 11, 7, 0, tzinfo=SHANGHAI).timestamp()
    clock = ManualClock(start)
    hub = _hub_with_the_car_on_mqtt(clock)
    departure = start + 600  # due now: within any lead time
    pre = Preconditioner(hub, departure_for=lambda _space, _now: departure, target_c=22)
    warned = _Warned("could not pre-condition")
    logging.getLogger("orbithub.mobility").addHandler(warned)
    try:
        await _outlive(hub, clock, pre, warned)
    finally:
        logging.getLogger("orbithub.mobility").removeHandler(warned)
    assert "broker unreachable" in caplog.text


async def _outlive(hub: Hub, clock: ManualClock, pre: Preconditioner, warned: _Warned) -> None:
    async with hub, task_scope() as tasks:
        hub.report("car", "cabin.temperature", 2.0)  # a cold cabin: it wants warming now
        running = tasks.create_task(pre.run())
        async with asyncio.timeout(5):
            await warned.event.wait()
        assert not running.done()  # logged, and it will try again at its next look
        await clock.advance(15 * 60)
        assert not running.done()


class _Warned(logging.Handler):
    """Sets an event when a log line containing ``text`` is written."""

    def __init__(self, text: str) -> None:
        super().__init__(logging.WARNING)
        self.text = text
        self.event = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.text in record.getMessage():
            self.event.set()
