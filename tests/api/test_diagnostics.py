"""The owner sees what discovery refused and which devices were throttled; nobody else does."""

from __future__ import annotations

from orbithub.adapters.mqtt import MqttAdapter
from orbithub.storage.users import Role

from .conftest import ApiHarness, Scope


async def test_only_the_owner_sees_the_discovery_limits(api: ApiHarness) -> None:
    owner = await api.owner()
    adult = await api.person("mei", Role.ADULT, grants=[Scope("home")])
    assert (
        await api.client.get("/api/diagnostics/discovery", headers=adult.headers)
    ).status_code == 403
    without = await api.client.get("/api/diagnostics/discovery", headers=owner.headers)
    assert without.json()["running"] is False
    # Registered, not connected: the limits are known before anything arrived.
    api.hub.add_adapter(
        MqttAdapter("mqtt://127.0.0.1:1", space_id="home", max_devices=300, max_rate=40)
    )
    answer = await api.client.get("/api/diagnostics/discovery", headers=owner.headers)
    assert answer.status_code == 200
    body = answer.json()
    assert body["running"] is True
    assert (body["max_devices"], body["max_rate"], body["refused_devices"]) == (300, 40, 0)
    assert body["max_configs"] == 300 * 32
    assert body["throttled"] == []
