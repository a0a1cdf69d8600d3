"""``orbithub gateway`` as a real process: it serves sign-in and homes, and stops on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from orbithub.fleet.cluster import free_port
from orbithub.storage import Database
from orbithub.storage import users as user_store
from orbithub.storage.fleet import FleetStore
from orbithub.storage.users import Role
from tests.conftest import service_url
from tests.fleet.gateway.conftest import PASSWORD, SETTINGS
from tests.storage.conftest import POSTGRES_URL_VARIABLE, postgres_schema

pytestmark = pytest.mark.postgres


@pytest.fixture
async def schema() -> AsyncIterator[tuple[str, str]]:
    url = service_url(POSTGRES_URL_VARIABLE, "PostgreSQL")
    async with postgres_schema(url) as name:
        yield url, name


def _gateway(url: str, schema: str, nats_url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "orbithub", "gateway", "--database-url", url]
    command += ["--database-schema", schema, "--nats-url", nats_url, "--http-port", str(port)]
    with log.open("wb") as sink:
        return subprocess.Popen(command, stdout=sink, stderr=sink, env=os.environ)


async def test_the_gateway_serves_a_members_homes(
    schema: tuple[str, str], nats_url: str, tmp_path: Path
) -> None:
    url, name = schema
    port = free_port()
    log = tmp_path / "gateway.log"
    process = _gateway(url, name, nats_url, port, log)
    try:
        base = f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient(base_url=base, timeout=5) as client:
            async with asyncio.timeout(60):
                while True:
                    assert process.poll() is None, log.read_text()
                    try:
                        if (await client.get("/api/homes")).status_code == 401:
                            break
                    except httpx.TransportError:
                        await asyncio.sleep(0.2)
            # The gateway migrated the schema; provision one home and its member.
            store = await FleetStore.open(url, schema=name)
            db = await Database.open(url, schema=name)
            try:
                from orbithub.api.auth import Accounts
                from orbithub.core.hub import Hub

                hashed = await Accounts(db, Hub(), SETTINGS).hash_password(PASSWORD)
                user = await user_store.create_user(
                    db,
                    username="dana",
                    display_name="Dana",
                    role=Role.GUEST,
                    language="en",
                    password_hash=hashed,
                    now=0.0,
                )
                assert user is not None
                await store.homes.put_home("villa-7", "Villa 7")
                await store.homes.put_member("villa-7", user.id, Role.ADULT)
            finally:
                await db.close()
                await store.close()
            login = await client.post(
                "/api/auth/login", json={"username": "dana", "password": PASSWORD}
            )
            assert login.status_code == 200, login.text
            token = login.json()["access_token"]
            homes = await client.get("/api/homes", headers={"Authorization": f"Bearer {token}"})
            assert homes.json() == [{"id": "villa-7", "name": "Villa 7", "role": "adult"}]
            # The single hub's onboarding is not served: fleet accounts come from the operator.
            assert (await client.get("/api/onboarding")).status_code == 404
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise
    assert code == 0


async def test_an_unreachable_nats_is_said_plainly(schema: tuple[str, str], tmp_path: Path) -> None:
    url, name = schema
    log = tmp_path / "gateway.log"
    process = _gateway(url, name, f"nats://127.0.0.1:{free_port()}", free_port(), log)
    try:
        code = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert code == 1
    assert "cannot reach NATS" in log.read_text()
