"""Commands through the API: confirmation before opening, and exactly one audit entry each."""

from __future__ import annotations

from typing import Any

from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Scope

_LOCK = "/api/devices/front-door-lock/properties/lock.locked"


async def _entries(api: ApiHarness, target: str) -> list[dict[str, Any]]:
    owner = await api.owner()
    answer = await api.client.get("/api/audit?limit=1000", headers=owner.headers)
    assert answer.status_code == 200, answer.text
    return [e for e in answer.json() if e["target"] == target]


async def test_unlocking_needs_confirmation_and_each_attempt_is_audited_once(
    api: ApiHarness,
) -> None:
    mia = await api.person("mia", Role.ADULT, grants=[Scope("home")])
    unasked = await api.client.put(_LOCK, json={"value": False}, headers=mia.headers)
    assert unasked.status_code == 409
    assert unasked.json()["code"] == "confirmation_required"
    assert '"confirm": true' in unasked.json()["message"]
    assert api.hub.state.value("front-door-lock", "lock.locked") is True
    confirmed = await api.client.put(
        _LOCK, json={"value": False, "confirm": True}, headers=mia.headers
    )
    assert confirmed.status_code == 200, confirmed.text
    assert api.hub.state.value("front-door-lock", "lock.locked") is False
    locked = await api.client.put(_LOCK, json={"value": True}, headers=mia.headers)
    assert locked.status_code == 200  # locking needs no confirmation
    entries = await _entries(api, "front-door-lock/lock.locked")
    assert [(e["actor"], e["result"], e["detail"]["value"]) for e in reversed(entries)] == [
        ("mia", "confirmation_required", False),
        ("mia", "confirmed", False),
        ("mia", "confirmed", True),
    ]


async def test_a_refused_command_is_audited_once(api: ApiHarness) -> None:
    kid = await api.person("kai", Role.CHILD, grants=[Scope("home")])
    answer = await api.client.put(
        _LOCK, json={"value": False, "confirm": True}, headers=kid.headers
    )
    assert answer.status_code == 403
    assert "security device" in answer.json()["message"]
    entries = await _entries(api, "front-door-lock/lock.locked")
    assert [(e["actor"], e["result"]) for e in entries] == [("kai", "forbidden")]
    assert entries[0]["detail"]["via"] == "app"
