"""A real Mosquitto with the password and ACL files OrbitHub writes: devices cannot lie.

Each test starts its own ``mosquitto`` on a free loopback port with the files of
``orbithub.adapters.mqtt.mosquitto`` (the shared broker of the test environment is not touched).
A client without the lock's password cannot publish its state (the hub never sees it), cannot
announce it as something else, and cannot send it commands; a client without a login gets in
nowhere.
"""

from __future__ import annotations

import asyncio
import getpass
import shutil
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from gmqtt.mqtt.handler import MQTTConnectError  # type: ignore[import-untyped]

from orbithub.adapters.mqtt.accounts import BrokerAccounts, DeviceCredentials
from orbithub.adapters.mqtt.mosquitto import write_files
from orbithub.sdk import Device
from tests.sdk.hub import HubClient

from .wire import WITHIN, probe, running_hub, until

MOSQUITTO = shutil.which("mosquitto") or "/usr/sbin/mosquitto"

pytestmark = pytest.mark.skipif(
    not Path(MOSQUITTO).exists(), reason="mosquitto is not installed (apt-get install mosquitto)"
)


@dataclass(frozen=True)
class Mosquitto:
    port: int
    accounts: BrokerAccounts

    def url(self, login: DeviceCredentials | None = None) -> str:
        if login is None:
            user, password = self.accounts.hub_username, self.accounts.hub_password
        else:
            user, password = login.username, login.password
        return f"mqtt://{quote(user)}:{quote(password, safe='')}@127.0.0.1:{self.port}"


def _free_port() -> int:
    with socket.socket() as probe_socket:
        probe_socket.bind(("127.0.0.1", 0))
        port: int = probe_socket.getsockname()[1]
        return port


@asynccontextmanager
async def mosquitto(tmp_path: Path, accounts: BrokerAccounts) -> AsyncIterator[Mosquitto]:
    files = write_files(accounts, tmp_path)
    port = _free_port()
    conf = tmp_path / "mosquitto.conf"
    conf.write_text(
        f"listener {port} 127.0.0.1\n"
        # Stay the user that owns the 0600 files (as root, Mosquitto would switch to its own).
        f"user {getpass.getuser()}\n"
        "persistence false\n" + files.config(),
        encoding="utf-8",
    )
    # Mosquitto logs to stderr; "running" comes once its listener is open.
    conf.write_text(conf.read_text(encoding="utf-8") + "log_dest stderr\n", encoding="utf-8")
    proc = await asyncio.create_subprocess_exec(
        MOSQUITTO, "-c", str(conf), stderr=asyncio.subprocess.PIPE
    )
    assert proc.stderr is not None
    try:
        async with asyncio.timeout(WITHIN):
            while b" running" not in (line := await proc.stderr.readline()):
                assert line, "mosquitto stopped before it ran"
        yield Mosquitto(port, accounts)
    finally:
        proc.terminate()
        async with asyncio.timeout(WITHIN):
            await proc.communicate()


async def test_without_the_locks_password_nobody_speaks_for_it_nor_commands_it(
    tmp_path: Path,
) -> None:
    accounts = BrokerAccounts.in_data_dir(tmp_path / "data")
    lock_login = accounts.issue("front-door-lock", "home")
    plug_login = accounts.issue("desk-plug", "home")
    async with mosquitto(tmp_path, accounts) as broker:
        with pytest.raises(MQTTConnectError):
            await HubClient.connect(f"mqtt://127.0.0.1:{broker.port}", "anonymous")
        lock = Device(
            "front-door-lock",
            space="home",
            name="Front door",
            model="lock",
            broker=broker.url(lock_login),
        )
        commands: list[bool] = []

        @lock.on_set("lock.locked")
        async def locked(value: bool) -> None:
            commands.append(value)

        async with (
            running_hub(broker.url(), "unused", orbit_prefix="orbit") as (hub, _),
            lock,
        ):
            await lock.report({"lock.locked": True, "lock.door-state": 0})
            await until(hub, lambda: hub.state.value("front-door-lock", "lock.locked") is True)
            # Logged in, but as the plug: Mosquitto's ACL keeps the lock's topics closed to it.
            async with probe(broker.url(plug_login)) as intruder:
                await intruder.publish(
                    "orbit/home/front-door-lock/state", b'{"values": {"lock.locked": false}}'
                )
                await intruder.publish(
                    "orbit/home/front-door-lock/announce",
                    b'{"protocol": 1, "id": "front-door-lock", "name": "x", "model": "plug"}',
                )
                await intruder.publish(
                    "orbit/home/front-door-lock/set",
                    b'{"id": "evil", "values": {"lock.locked": false}}',
                )
                intruder.retained.clear()  # nothing of it was kept
            # The hub's own command reaches the lock after the intruder's would have.
            result = await hub.set("front-door-lock", "lock.locked", True)
            assert result.confirmed, result.message
            assert commands == [True]
            # And the lock's own report comes after the intruder's report would have.
            await lock.report({"lock.door-state": 1})
            await until(hub, lambda: hub.state.value("front-door-lock", "lock.door-state") == 1)
            assert hub.state.value("front-door-lock", "lock.locked") is True
            assert hub.registry.device("front-door-lock").model == "lock"
        async with probe(broker.url()) as cleaner:
            await cleaner.publish("orbit/home/front-door-lock/announce", b"", retain=True)
