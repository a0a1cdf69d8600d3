"""The embedded broker: loopback only, a clear error for a taken port, and real pub/sub."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from orbithub.adapters.mqtt.accounts import BrokerAccounts
from orbithub.adapters.mqtt.broker import BrokerError, BrokerPortInUse, EmbeddedBroker
from orbithub.errors import OrbitHubError
from tests.sdk.hub import HubClient


@pytest.fixture
def accounts(tmp_path: Path) -> BrokerAccounts:
    return BrokerAccounts.in_data_dir(tmp_path)


# S104: these addresses are what the broker must refuse; nothing binds them.
@pytest.mark.parametrize(
    "host",
    ["0.0.0.0", "192.168.1.10", "::", "localhost", "example.org"],  # noqa: S104
)
def test_refuses_non_loopback_addresses(host: str, accounts: BrokerAccounts) -> None:
    with pytest.raises(BrokerError, match="loopback"):
        EmbeddedBroker(accounts, host=host, port=0)


async def test_listens_on_loopback_only_with_port_zero(accounts: BrokerAccounts) -> None:
    async with EmbeddedBroker(accounts, port=0) as broker:
        addresses = broker.listening_addresses()
        assert addresses
        assert {address for address, _ in addresses} == {"127.0.0.1"}
        assert broker.port != 0
        assert broker.url == f"mqtt://127.0.0.1:{broker.port}"
    assert not broker.running
    assert broker.listening_addresses() == []


async def test_taken_port_raises_with_advice(accounts: BrokerAccounts) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        broker = EmbeddedBroker(accounts, port=port)
        with pytest.raises(BrokerPortInUse) as info:
            await broker.start()
    message = str(info.value)
    assert message == (
        f"port {port} on 127.0.0.1 is taken (another MQTT broker such as Mosquitto may be "
        f"running): point OrbitHub at it with --mqtt-url mqtt://127.0.0.1:{port}, or choose a "
        "free port with --mqtt-port"
    )
    assert isinstance(info.value, OrbitHubError)
    assert not broker.running


async def test_publish_and_subscribe_through_it(accounts: BrokerAccounts) -> None:
    async with EmbeddedBroker(accounts, port=0) as broker:
        hub = await HubClient.connect(broker.hub_url, "test-broker-sub", mqtt5=False)
        sender = await HubClient.connect(broker.hub_url, "test-broker-pub", mqtt5=False)
        try:
            await hub.subscribe("test_broker/#")
            sender.publish("test_broker/a", b"hello", qos=1)
            message = await hub.next_on("test_broker/a", within=5)
            assert message.payload == b"hello"
        finally:
            await sender.close()
            await hub.close()


async def test_restart_on_the_same_port(accounts: BrokerAccounts) -> None:
    broker = EmbeddedBroker(accounts, port=0)
    await broker.start()
    port = broker.port
    await broker.stop()
    again = EmbeddedBroker(accounts, port=port)
    async with again:
        assert again.port == port
