"""Discovery: hello to an address finds a simulated device; mDNS names give model and id."""

from __future__ import annotations

import time

import pytest

from orbithub.adapters.miio import SimulatedMiioDevice, Token
from orbithub.adapters.miio.discovery import discover, parse_mdns_name
from tests.adapters.miio.hub import PURIFIER, TOKEN, purifier_spec


async def test_hello_to_an_address_finds_the_device_and_notes_a_revealed_token() -> None:
    hiding = SimulatedMiioDevice(
        purifier_spec(), Token.from_hex(TOKEN), model=PURIFIER, device_id=1001
    )
    telling = SimulatedMiioDevice(
        purifier_spec(), Token.from_hex(TOKEN), model=PURIFIER, device_id=1002, reveal_token=True
    )
    async with hiding, telling:
        # Each simulated device has a port of its own; a real network has one port for all.
        started = time.monotonic()
        found = [
            (
                await discover(
                    within=0.3,
                    broadcast=False,
                    mdns=False,
                    addresses=["127.0.0.1"],
                    port=device.address[1],
                )
            ).found
            for device in (hiding, telling)
        ]
        assert time.monotonic() - started < 3
    assert [(f.address, f.did, f.token_revealed, f.via) for (f,) in found] == [
        ("127.0.0.1", 1001, False, ("hello",)),
        ("127.0.0.1", 1002, True, ("hello",)),
    ]
    # Hello tells no model; a device that reveals its token is asked miIO.info for it.
    assert [f.model for (f,) in found] == [None, PURIFIER]


async def test_discovery_with_nothing_there_ends_on_time_with_nothing() -> None:
    started = time.monotonic()
    result = await discover(
        within=0.3, broadcast=False, mdns=False, addresses=["127.0.0.1"], port=9
    )
    assert result.found == []
    assert time.monotonic() - started < 2


async def test_an_address_that_is_no_ip_address_is_refused() -> None:
    with pytest.raises(ValueError, match="does not appear to be an IPv4 or IPv6 address"):
        await discover(within=0.1, broadcast=False, mdns=False, addresses=["kitchen; rm -rf"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zhimi-airp-mb5_miio123456789._miio._udp.local.", ("zhimi.airp.mb5", 123456789)),
        ("yeelink-light-color1_miio55._miio._udp.local.", ("yeelink.light.color1", 55)),
        ("printer._miio._udp.local.", None),
        ("zhimi-airp-mb5_miio._miio._udp.local.", None),
    ],
)
def test_an_mdns_name_gives_the_model_and_device_id(
    name: str, expected: tuple[str, int] | None
) -> None:
    assert parse_mdns_name(name) == expected
