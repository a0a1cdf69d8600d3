"""The owner's device decisions over the API: broker logins and the changes devices ask for."""

from __future__ import annotations

import stat
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from orbithub.adapters.mqtt.accounts import ACCOUNTS_FILE, BrokerAccounts
from orbithub.core.pending import ChangedField, PendingChange, PendingChanges
from orbithub.spec.library import device_type
from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Scope, in_own_task, open_api


@dataclass(frozen=True)
class Trust:
    api: ApiHarness
    accounts: BrokerAccounts
    changes: PendingChanges


@pytest.fixture
async def trust(tmp_path: Path) -> AsyncIterator[Trust]:
    accounts = BrokerAccounts.in_data_dir(tmp_path / "broker")
    changes = PendingChanges()
    async with in_own_task(open_api(tmp_path)) as api:
        api.attach(broker_accounts=accounts, device_changes=changes)
        yield Trust(api, accounts, changes)


async def test_the_owner_makes_a_devices_login_and_sees_its_password_once(trust: Trust) -> None:
    api = trust.api
    owner = await api.owner()
    made = await api.client.post(
        "/api/devices/front-door-lock/credentials", json={}, headers=owner.headers
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["username"] == "front-door-lock"
    assert body["space_id"] == "home"
    assert "orbit/home/front-door-lock/state" in body["publish"]
    assert body["subscribe"] == [
        "orbit/home/front-door-lock/set",
        "orbit/home/front-door-lock/action",
    ]
    assert trust.accounts.authenticate("front-door-lock", body["password"])
    stored = trust.accounts.path
    assert stored.name == ACCOUNTS_FILE
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert body["password"] not in stored.read_text()
    # A device not announced yet needs its space; a space that does not exist is refused.
    new = await api.client.post("/api/devices/plug-9/credentials", json={}, headers=owner.headers)
    assert new.status_code == 422
    nowhere = await api.client.post(
        "/api/devices/plug-9/credentials", json={"space_id": "moon"}, headers=owner.headers
    )
    assert nowhere.status_code == 404
    bad = await api.client.post(
        "/api/devices/plug%209/credentials", json={"space_id": "home"}, headers=owner.headers
    )
    assert bad.status_code == 422
    gone = await api.client.delete(
        "/api/devices/front-door-lock/credentials", headers=owner.headers
    )
    assert gone.status_code == 204
    assert not trust.accounts.authenticate("front-door-lock", body["password"])


async def test_only_the_owner_makes_logins_and_decides_changes(trust: Trust) -> None:
    api = trust.api
    mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
    for method, path in (
        ("POST", "/api/devices/front-door-lock/credentials"),
        ("GET", "/api/device-changes"),
        ("POST", "/api/device-changes/front-door-lock/accept"),
        ("DELETE", "/api/device-changes/front-door-lock"),
    ):
        answer = await api.client.request(
            method, path, headers=mei.headers, json={} if method == "POST" else None
        )
        assert answer.status_code == 403, (path, answer.text)
    assert trust.accounts.devices() == []


async def test_a_change_a_device_asked_for_waits_and_the_owner_accepts_it(trust: Trust) -> None:
    api = trust.api
    owner = await api.owner()
    lock = api.hub.registry.device("front-door-lock")
    as_plug = replace(lock, spec=device_type("plug"), model="plug")
    trust.changes.hold(
        PendingChange(
            lock.id, lock, as_plug, (ChangedField.TYPE,), "orbit/home/front-door-lock/announce", 1.0
        )
    )
    listed = await api.client.get("/api/device-changes", headers=owner.headers)
    assert listed.status_code == 200
    assert listed.json() == [
        {
            "device_id": "front-door-lock",
            "fields": ["type"],
            "current": {"name": lock.name, "model": lock.model, "owner": None},
            "proposed": {"name": lock.name, "model": "plug", "owner": None},
            "source": "orbit/home/front-door-lock/announce",
            "since": 1.0,
        }
    ]
    assert api.hub.registry.device("front-door-lock").model == lock.model
    accepted = await api.client.post(
        "/api/device-changes/front-door-lock/accept", headers=owner.headers
    )
    assert accepted.status_code == 200, accepted.text
    assert api.hub.registry.device("front-door-lock").model == "plug"
    assert (await api.client.get("/api/device-changes", headers=owner.headers)).json() == []
    again = await api.client.post(
        "/api/device-changes/front-door-lock/accept", headers=owner.headers
    )
    assert again.status_code == 404


async def test_a_change_the_owner_dismisses_or_that_is_stale_is_not_applied(trust: Trust) -> None:
    api = trust.api
    owner = await api.owner()
    phone = api.hub.registry.device("phone-mei")
    claimed = replace(phone, owner="alex")
    change = PendingChange(phone.id, phone, claimed, (ChangedField.OWNER,), "t", 1.0)
    trust.changes.hold(change)
    dismissed = await api.client.delete("/api/device-changes/phone-mei", headers=owner.headers)
    assert dismissed.status_code == 204
    assert api.hub.registry.device("phone-mei").owner == phone.owner
    trust.changes.hold(change)
    api.hub.add_device(replace(phone, name="Mei's new phone"), replace=True)
    stale = await api.client.post("/api/device-changes/phone-mei/accept", headers=owner.headers)
    assert stale.status_code == 409
    assert api.hub.registry.device("phone-mei").owner == phone.owner
