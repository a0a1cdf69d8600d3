"""The embedded broker's door: logins, each device's own topics, and connection limits.

A real embedded broker, a real hub adapter on it and real SDK devices; the intruder is a plain
MQTT client. What a user would notice: a process without a device's password cannot change what
the app shows for that device nor command it, and a flood of idle sockets does not lock the
devices out.
"""

from __future__ import annotations

import asyncio
import contextlib
import stat
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from gmqtt.mqtt.handler import MQTTConnectError  # type: ignore[import-untyped]

from orbithub.adapters.mqtt.accounts import ACCOUNTS_FILE, BrokerAccounts
from orbithub.adapters.mqtt.broker import EmbeddedBroker
from orbithub.adapters.mqtt.broker_guard import ConnectionLimits
from orbithub.core.events import DeviceOnline
from orbithub.sdk import Device
from tests.sdk.hub import HubClient

from .wire import WITHIN, LogLines, embedded_broker, log_lines, running_hub, until


@pytest.fixture
def broker_log() -> Iterator[LogLines]:
    with log_lines("orbithub.adapters.mqtt.broker_guard") as lines:
        yield lines


def _lock(broker: EmbeddedBroker, username: str, password: str) -> Device:
    return Device(
        "front-door-lock",
        space="home",
        name="Front door",
        model="lock",
        broker=broker.url,
        username=username,
        password=password,
        mqtt_version="3.1.1",
    )


def test_the_accounts_file_is_private_and_keeps_the_hubs_password(tmp_path: Path) -> None:
    first = BrokerAccounts.in_data_dir(tmp_path)
    login = first.issue("desk-plug", "home")
    path = tmp_path / ACCOUNTS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert login.password not in path.read_text()  # only its hash is kept
    again = BrokerAccounts.in_data_dir(tmp_path)
    assert again.hub_password == first.hub_password
    assert again.authenticate("desk-plug", login.password)
    assert not again.authenticate("desk-plug", "guess")
    rotated = again.issue("desk-plug", "home")
    assert not first.authenticate("desk-plug", login.password)  # the other process sees it
    assert first.authenticate("desk-plug", rotated.password)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_without_credentials_no_client_gets_in(tmp_path: Path) -> None:
    async with embedded_broker(tmp_path) as broker:
        with pytest.raises(MQTTConnectError):
            await HubClient.connect(broker.url, "anonymous", mqtt5=False)
        with pytest.raises(MQTTConnectError):
            await HubClient.connect(
                broker.login_url("orbithub.hub", "not-the-password"), "guesser", mqtt5=False
            )
        hub = await HubClient.connect(broker.hub_url, "the-hub", mqtt5=False)
        await hub.close()


async def test_a_process_without_the_locks_password_cannot_speak_for_it_nor_command_it(
    tmp_path: Path, broker_log: LogLines
) -> None:
    async with embedded_broker(tmp_path) as broker:
        accounts = broker.guard.accounts
        lock_login = accounts.issue("front-door-lock", "home")
        plug_login = accounts.issue("desk-plug", "home")
        lock = _lock(broker, lock_login.username, lock_login.password)
        commands: list[bool] = []

        @lock.on_set("lock.locked")
        async def locked(value: bool) -> None:
            commands.append(value)

        async with (
            running_hub(broker.hub_url, "unused", orbit_prefix="orbit") as (hub, _),
            lock,
        ):
            await lock.report({"lock.locked": True, "lock.door-state": 0})
            await until(hub, lambda: hub.state.value("front-door-lock", "lock.locked") is True)
            # Another device's valid login: it is in, but the lock's topics are not its own.
            intruder = await HubClient.connect(
                broker.login_url(plug_login.username, plug_login.password), "x", mqtt5=False
            )
            try:
                intruder.publish(
                    "orbit/home/front-door-lock/state", b'{"values": {"lock.locked": false}}'
                )
                intruder.publish(
                    "orbit/home/front-door-lock/set",
                    b'{"id": "evil", "values": {"lock.locked": false}}',
                )
                intruder.publish(
                    "orbit/home/front-door-lock/announce",
                    b'{"protocol": 1, "id": "front-door-lock", "name": "x", "model": "plug"}',
                    retain=True,
                )
                await broker_log.wait_for("may not publish 'orbit/home/front-door-lock/announce'")
                with contextlib.suppress(TimeoutError):
                    await intruder.subscribe("orbit/home/front-door-lock/set")
                await broker_log.wait_for("may not subscribe 'orbit/home/front-door-lock/set'")
            finally:
                await intruder.close()
            # The lock itself reports after the intruder: once the hub has that, it would have
            # had the intruder's messages too, had the broker passed them on.
            await lock.report({"lock.door-state": 1})
            await until(hub, lambda: hub.state.value("front-door-lock", "lock.door-state") == 1)
            assert hub.state.value("front-door-lock", "lock.locked") is True
            assert hub.registry.device("front-door-lock").model == "lock"
            assert commands == []
    assert (
        broker_log.lines.count(
            "embedded MQTT broker: 'desk-plug' may not publish 'orbit/home/front-door-lock/state'; "
            "refused"
        )
        == 1
    )


async def test_naming_the_locks_client_id_without_its_login_does_not_push_it_off(
    tmp_path: Path,
) -> None:
    async with embedded_broker(tmp_path) as broker:
        login = broker.guard.accounts.issue("front-door-lock", "home")
        lock = _lock(broker, login.username, login.password)
        commands: list[bool] = []

        @lock.on_set("lock.locked")
        async def locked(value: bool) -> None:
            commands.append(value)

        async with (
            running_hub(broker.hub_url, "unused", orbit_prefix="orbit") as (hub, _),
            lock,
        ):
            await lock.report({"lock.door-state": 0})
            await until(hub, lambda: hub.state.value("front-door-lock", "lock.door-state") == 0)
            went: list[bool] = []
            stop = hub.bus.listen(
                lambda e: went.append(e.online) if isinstance(e, DeviceOnline) else None
            )
            try:
                # The lock's own client id, with no login and with a wrong one, both as a clean
                # session (which would delete the lock's) and as a resumed one (a takeover).
                for url in (broker.url, broker.login_url("front-door-lock", "guess")):
                    for clean in (True, False):
                        with pytest.raises(MQTTConnectError):
                            await HubClient.connect(
                                url,
                                "orbithub-home-front-door-lock",
                                mqtt5=False,
                                clean_session=clean,
                            )
                await lock.report({"lock.door-state": 1})
                await until(hub, lambda: hub.state.value("front-door-lock", "lock.door-state") == 1)
            finally:
                stop()
            assert went == []  # never shown offline
            assert hub.state.is_online("front-door-lock") is True
            # Its session is whole: commands still reach it.
            result = await hub.set("front-door-lock", "lock.locked", True)
            assert result.confirmed, result.message
            assert commands == [True]


async def test_a_replaced_password_also_shuts_out_a_connection_made_with_the_old_one(
    tmp_path: Path, broker_log: LogLines
) -> None:
    async with embedded_broker(tmp_path) as broker:
        accounts = broker.guard.accounts
        leaked = accounts.issue("front-door-lock", "home")
        lock = _lock(broker, leaked.username, leaked.password)
        async with (
            running_hub(broker.hub_url, "unused", orbit_prefix="orbit") as (hub, _),
            lock,
        ):
            await lock.report({"lock.door-state": 0})
            await until(hub, lambda: hub.state.value("front-door-lock", "lock.door-state") == 0)
            # The owner replaces the password from another process (the CLI): the file changes.
            BrokerAccounts.in_data_dir(tmp_path).issue("front-door-lock", "home")
            await lock.report({"lock.door-state": 1})
            await broker_log.wait_for("the login of 'front-door-lock' was replaced")
            assert hub.state.value("front-door-lock", "lock.door-state") == 0
        with pytest.raises(MQTTConnectError):
            await HubClient.connect(
                broker.login_url(leaked.username, leaked.password), "x", mqtt5=False
            )


async def test_a_device_may_not_leave_its_last_will_on_another_devices_topic(
    tmp_path: Path, broker_log: LogLines
) -> None:
    async with embedded_broker(tmp_path) as broker:
        plug = broker.guard.accounts.issue("desk-plug", "home")
        # The SDK's will is always its own availability; a hand-made client could aim it at
        # the lock's and say "offline" for it by dropping the connection.
        spoof = Device(
            "front-door-lock",
            space="home",
            name="Front door",
            model="lock",
            broker=broker.url,
            username=plug.username,
            password=plug.password,
            mqtt_version="3.1.1",
            connect_timeout=2,
        )
        with pytest.raises(Exception, match=r"(?i)refused|not authori|bad user"):
            async with spoof:
                pass
        await broker_log.wait_for("may not set its last will")


async def _idle_sockets(
    port: int, count: int, source: str
) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    for _ in range(count):
        yield await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))


async def _closed_by_peer(reader: asyncio.StreamReader, within: float) -> bool:
    try:
        async with asyncio.timeout(within):
            return await reader.read(1) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


async def test_a_flood_of_idle_connections_is_refused_past_the_cap_and_timed_out(
    tmp_path: Path, broker_log: LogLines
) -> None:
    limits = ConnectionLimits(
        per_address=64, unauthenticated_per_address=8, total=200, handshake_timeout=3.0
    )
    async with embedded_broker(tmp_path, limits=limits) as broker:
        # Every 127.x address is loopback: the flood comes from one, the hub from another.
        flood = [c async for c in _idle_sockets(broker.port, 40, "127.0.0.2")]
        try:
            await broker_log.wait_for("connection from 127.0.0.2 refused")
            hub = await HubClient.connect(broker.hub_url, "the-hub", mqtt5=False)
            try:
                await hub.subscribe("orbit/#")
                hub.publish("orbit/home/x/state", b"{}")
                assert (await hub.next_on("orbit/home/x/state", within=WITHIN)).payload == b"{}"
            finally:
                await hub.close()
            closed = await asyncio.gather(*(_closed_by_peer(r, 0.5) for r, _ in flood))
            assert closed.count(False) == 8  # the first 8 wait for their CONNECT...
            # ...until the handshake timeout ends them too.
            late = await asyncio.gather(*(_closed_by_peer(r, WITHIN) for r, _ in flood[:8]))
            assert all(late)
        finally:
            for _, writer in flood:
                writer.close()
        assert broker.guard.refused_connections == 32
