"""A gateway over a fresh PostgreSQL schema and a one-node NATS server, with two homes.

Home ``flat-a``: Alice is its owner, Carl a child there. Home ``flat-b``: Bob is its owner.
Both homes have a device called ``lamp`` (ids are per home) and ``flat-a`` has a front door
lock; every device has a current value.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import nats
import pytest
from fastapi import FastAPI
from nats.aio.client import Client

from orbithub.api.auth import Accounts
from orbithub.api.settings import ApiSettings
from orbithub.core.hub import Hub
from orbithub.fleet import ClusterError, LocalCluster, find_nats_server
from orbithub.fleet.gateway import create_gateway_app
from orbithub.storage import Database
from orbithub.storage import users as user_store
from orbithub.storage.fleet import FleetChange, FleetDevice, FleetStore
from orbithub.storage.users import Role
from tests.conftest import service_url
from tests.storage.conftest import POSTGRES_URL_VARIABLE, postgres_schema

SETTINGS = ApiSettings(password_time_cost=1, password_memory_kib=1024, serve_web=False)
PASSWORD = "correct horse battery"  # noqa: S105 - a test account's password
NOW = datetime.now(UTC).replace(microsecond=0)
T0 = max(NOW - timedelta(hours=1), NOW.replace(day=1, hour=0, minute=0, second=0))


@dataclass
class Fleet:
    """The running gateway and what tests need to drive it."""

    app: FastAPI
    client: httpx.AsyncClient
    store: FleetStore
    db: Database
    nc: Client
    tokens: dict[str, str]

    def auth(self, user: str) -> dict[str, str]:
        """The header that signs ``user`` in."""
        return {"Authorization": f"Bearer {self.tokens[user]}"}


@pytest.fixture
async def nats_url(tmp_path: Path) -> AsyncIterator[str]:
    try:
        find_nats_server()
    except ClusterError as exc:
        if os.environ.get("ORBITHUB_REQUIRE_SERVICES"):
            pytest.fail(f"{exc}; ORBITHUB_REQUIRE_SERVICES is set, so this is an error")
        pytest.skip(str(exc))
    async with LocalCluster(tmp_path / "nats", size=1) as cluster:
        yield cluster.urls[0]


async def _provision(store: FleetStore, db: Database) -> dict[str, str]:
    hashed = await Accounts(db, Hub(), SETTINGS).hash_password(PASSWORD)
    ids: dict[str, str] = {}
    for name in ("alice", "bob", "carl"):
        user = await user_store.create_user(
            db,
            username=name,
            display_name=name.title(),
            role=Role.GUEST,
            language="en",
            password_hash=hashed,
            now=0.0,
        )
        assert user is not None
        ids[name] = user.id
    homes = store.homes
    await homes.put_home("flat-a", "Flat A")
    await homes.put_home("flat-b", "Flat B")
    await homes.put_devices(
        "flat-a",
        [
            FleetDevice("flat-a", "lamp", "Lamp", "light", "living"),
            FleetDevice("flat-a", "front-door", "Front door", "lock"),
        ],
    )
    await homes.put_devices("flat-b", [FleetDevice("flat-b", "lamp", "Bob's lamp", "light")])
    await homes.put_member("flat-a", ids["alice"], Role.OWNER)
    await homes.put_member("flat-a", ids["carl"], Role.CHILD)
    await homes.put_member("flat-b", ids["bob"], Role.OWNER)
    lease = await store.claim(0, "test")
    await store.commit(
        lease,
        3,
        [
            FleetChange("flat-a", "lamp", "light.brightness", 40, T0, 1),
            FleetChange("flat-a", "front-door", "lock.locked", True, T0, 2),
            FleetChange("flat-b", "lamp", "light.brightness", 90, T0, 3),
        ],
    )
    return ids


@pytest.fixture
async def fleet(nats_url: str) -> AsyncIterator[Fleet]:
    url = service_url(POSTGRES_URL_VARIABLE, "PostgreSQL")
    async with postgres_schema(url) as schema:
        store = await FleetStore.open(url, schema=schema)
        db = await Database.open(url, schema=schema)
        nc = await nats.connect(nats_url)
        try:
            await _provision(store, db)
            app = create_gateway_app(
                store=store, db=db, nats=nc, settings=SETTINGS, reply_timeout=1.0
            )
            transport = httpx.ASGITransport(app=app, client=("192.0.2.10", 50000))
            async with httpx.AsyncClient(transport=transport, base_url="http://gw.test") as client:
                tokens: dict[str, str] = {}
                for name in ("alice", "bob", "carl"):
                    answer = await client.post(
                        "/api/auth/login", json={"username": name, "password": PASSWORD}
                    )
                    assert answer.status_code == 200, answer.text
                    tokens[name] = answer.json()["access_token"]
                yield Fleet(app, client, store, db, nc, tokens)
        finally:
            await nc.close()
            await db.close()
            await store.close()
