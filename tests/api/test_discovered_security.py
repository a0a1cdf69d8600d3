"""A garage door announced by Home Assistant discovery: typed by what it does, guarded as such.

Through the API on a real server stack (in-process HTTP, SQLite) and a real Mosquitto: the
cover with ``device_class: garage`` is a security device, a child with the whole home cannot
open it, nobody but an owner commands it before an owner approves it, opening asks for
confirmation, and every attempt is audited once.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from orbithub.adapters.mqtt.adapter import MqttAdapter
from orbithub.api import create_app
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry, Space
from orbithub.core.tasks import task_scope
from orbithub.storage import Database, Recorder
from orbithub.storage.audit import AuditTrail
from orbithub.storage.users import Role
from tests.adapters.mqtt.wire import mqtt_url, probe, topic_prefix, until
from tests.api.conftest import FAST_SETTINGS, ApiHarness, Scope

GARAGE = "mqtt:garage-1"
MOTOR = "garage-door.motor-control"
OPEN = 1


@contextlib.asynccontextmanager
async def _api_with_mqtt(data_dir: Path, url: str, prefix: str) -> AsyncIterator[ApiHarness]:
    clock = ManualClock(time.time())
    registry = Registry()
    registry.add_space(Space("home", "Home"))
    db = await Database.open(data_dir=data_dir)
    try:
        hub = Hub(clock=clock, registry=registry)
        hub.add_adapter(
            MqttAdapter(
                url,
                space_id="home",
                ha_prefix=f"{prefix}/ha",
                z2m_base=f"{prefix}/z2m",
                orbit_prefix=f"{prefix}/orbit",
            )
        )
        recorder = Recorder(db, hub.bus, hub.registry, clock=clock, retention_days=None)
        trail = AuditTrail(db, hub.bus)
        async with task_scope() as tasks:
            await recorder.start(tasks)
            await trail.start(tasks)
            try:
                async with hub:
                    app = create_app(hub=hub, db=db, settings=FAST_SETTINGS, audit_trail=trail)
                    transport = httpx.ASGITransport(app=app, client=("192.0.2.10", 50000))
                    async with httpx.AsyncClient(
                        transport=transport, base_url="http://hub.test"
                    ) as client:
                        yield ApiHarness(app, client, hub, db, clock, clock, recorder, None)
                    app.state.live.close()
            finally:
                await trail.stop()
                await recorder.stop()
    finally:
        await db.close()


async def _open(api: ApiHarness, headers: dict[str, str], *, confirm: bool) -> httpx.Response:
    return await api.client.put(
        f"/api/devices/{GARAGE}/properties/{MOTOR}",
        json={"value": OPEN, "confirm": confirm},
        headers=headers,
    )


async def _entries(api: ApiHarness, headers: dict[str, str]) -> list[dict[str, Any]]:
    answer = await api.client.get("/api/audit?limit=1000", headers=headers)
    assert answer.status_code == 200, answer.text
    return [e for e in reversed(answer.json()) if e["target"] == f"{GARAGE}/{MOTOR}"]


async def test_a_discovered_garage_door_is_guarded(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url, prefix = mqtt_url(), topic_prefix(request)
    wire = f"{prefix}/dev/garage"
    config = {
        "name": "Garage door",
        "uniq_id": "garage-1",
        "dev_cla": "garage",
        "cmd_t": f"{wire}/set",
        "stat_t": f"{wire}/state",
    }
    async with _api_with_mqtt(tmp_path, url, prefix) as api, probe(url) as wire_probe:
        await wire_probe.subscribe(f"{wire}/set")
        await wire_probe.publish(
            f"{prefix}/ha/cover/garage-1/config", orjson.dumps(config), retain=True
        )
        await until(api.hub, lambda: api.hub.registry.find_device(GARAGE) is not None)
        owner = await api.owner()
        kid = await api.person("kai", Role.CHILD, grants=[Scope("home")])
        mia = await api.person("mia", Role.ADULT, grants=[Scope("home")])

        seen = (await api.client.get(f"/api/devices/{GARAGE}", headers=mia.headers)).json()
        assert seen["approved"] is False
        # A child with the whole home: a security device needs a grant that names it.
        refused = await _open(api, kid.headers, confirm=True)
        assert refused.status_code == 403
        assert "security device" in refused.json()["message"]
        # An adult: not before an owner approves it.
        waiting = await _open(api, mia.headers, confirm=True)
        assert (waiting.status_code, waiting.json()["code"]) == (403, "awaiting_approval")
        # The owner always may, once they confirm.
        unconfirmed = await _open(api, owner.headers, confirm=False)
        assert (unconfirmed.status_code, unconfirmed.json()["code"]) == (
            409,
            "confirmation_required",
        )
        assert (await _open(api, owner.headers, confirm=True)).status_code == 200
        assert await wire_probe.next() == (f"{wire}/set", b"OPEN")

        # Approval is the owner's alone, and then the adult may open it.
        denied = await api.client.post(f"/api/devices/{GARAGE}/approve", headers=mia.headers)
        assert denied.status_code == 403
        approved = await api.client.post(f"/api/devices/{GARAGE}/approve", headers=owner.headers)
        assert approved.status_code == 200, approved.text
        assert approved.json()["approved"] is True
        assert (await _open(api, mia.headers, confirm=True)).status_code == 200
        assert await wire_probe.next() == (f"{wire}/set", b"OPEN")
        assert (await _open(api, kid.headers, confirm=True)).status_code == 403

        entries = await _entries(api, owner.headers)
        assert [(e["actor"], e["result"]) for e in entries] == [
            ("kai", "forbidden"),
            ("mia", "awaiting_approval"),
            ("alex", "confirmation_required"),
            ("alex", "confirmed"),
            ("mia", "confirmed"),
            ("kai", "forbidden"),
        ]
