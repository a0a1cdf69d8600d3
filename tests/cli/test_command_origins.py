"""Commands from the control socket and from Home Assistant are decided and audited like any.

A real hub on simulated devices, a real SQLite audit log, the control socket on a real Unix
socket and, for Home Assistant, the publisher on a real Mosquitto.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from orbithub.access import Commands
from orbithub.adapters.mqtt.client import MqttClient
from orbithub.adapters.mqtt.url import parse_broker_url
from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.cli.control import ControlError, ControlServer, request, socket_path
from orbithub.cli.ha_publish import publishing_to_ha
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.core.tasks import task_scope
from orbithub.storage import Database
from orbithub.storage.audit import AuditEntry, AuditTrail, read_audit
from tests.adapters.mqtt.wire import WITHIN, mqtt_url, topic_prefix, until

T0 = 1_800_000_000.0


@dataclass
class Running:
    hub: Hub
    commands: Commands
    trail: AuditTrail
    db: Database

    async def audit(self) -> list[AuditEntry]:
        assert await self.trail.flush()
        return await read_audit(self.db)


@contextlib.asynccontextmanager
async def _running(data_dir: Path) -> AsyncIterator[Running]:
    clock = ManualClock(T0)
    world = demo_world()
    registry = Registry()
    registry.load(world.spaces, world.rooms, world.devices)
    db = await Database.open(data_dir=data_dir)
    try:
        hub = Hub(clock=clock, registry=registry)
        hub.add_adapter(SimAdapter(clock=clock, routines=False, tick=3600.0))
        trail = AuditTrail(db, hub.bus)
        async with task_scope() as tasks:
            await trail.start(tasks)
            try:
                async with hub:
                    yield Running(hub, Commands(hub), trail, db)
            finally:
                await trail.stop()
    finally:
        await db.close()


async def test_control_socket_commands_are_audited_under_the_local_user(tmp_path: Path) -> None:
    async with _running(tmp_path) as run:
        control = ControlServer(run.commands, socket_path(tmp_path))
        await control.start()
        try:
            path = socket_path(tmp_path)
            body = {"op": "set", "device": "front-door-lock", "property": "lock.locked"}
            # The command line is the owner's: no confirmation asked.
            await request(path, {**body, "value": False, "user": "alex"})
            with pytest.raises(ControlError):
                await request(
                    path,
                    {"op": "set", "device": "kitchen-light", "property": "light.brightness"}
                    | {"value": 1000, "user": "alex"},
                )
        finally:
            await control.stop()
        assert run.hub.state.value("front-door-lock", "lock.locked") is False
        entries = await run.audit()
        assert [(e.actor, e.target, e.result, e.detail["via"]) for e in reversed(entries)] == [
            ("alex", "front-door-lock/lock.locked", "confirmed", "control socket"),
            ("alex", "kitchen-light/light.brightness", "rejected", "control socket"),
        ]


@dataclass
class _Seen:
    """Every topic the publisher wrote, so the test can wait for one and clear them all."""

    topics: set[str] = field(default_factory=set)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def got(self, topic: str, payload: bytes, _props: Mapping[str, Any]) -> None:
        if payload:
            self.topics.add(topic)
            self.changed.set()

    async def until(self, check: Callable[[], bool]) -> None:
        async with asyncio.timeout(WITHIN):
            while not check():
                self.changed.clear()
                await self.changed.wait()


async def test_a_command_from_home_assistant_is_audited(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = mqtt_url()
    prefix = topic_prefix(request)
    seen = _Seen()
    async with _running(tmp_path) as run, task_scope() as tasks:
        client = MqttClient(parse_broker_url(url), seen.got)
        tasks.create_task(client.run())
        try:
            async with asyncio.timeout(WITHIN):
                await client.connected.wait()
            client.subscribe([f"{prefix}/#"], qos=1)
            await client.settled(WITHIN)
            base = f"{prefix}/orbithub"
            async with publishing_to_ha(run.commands, url, prefix=f"{prefix}/ha", base=base):
                # Its command topics are subscribed before its configs go out.
                await seen.until(lambda: any("kettle" in t for t in seen.topics))
                await client.publish(f"{base}/kettle/switch_on/set", b"ON")
                await until(run.hub, lambda: run.hub.state.value("kettle", "switch.on") is True)
            entries = [e for e in await run.audit() if e.target == "kettle/switch.on"]
            assert [(e.actor, e.result, e.detail["via"]) for e in entries] == [
                ("home-assistant", "confirmed", "home assistant")
            ]
        finally:
            for topic in sorted(seen.topics):
                await client.publish(topic, b"", retain=True)
            await client.close()
