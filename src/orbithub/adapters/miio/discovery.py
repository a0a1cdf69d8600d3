"""Finding Xiaomi devices on the local network: hello by broadcast or address, and mDNS.

Every miIO device answers the 32-byte hello on UDP port 54321 with its device id and clock
(older firmware with its token too), so a broadcast hello finds the devices of the hub's
subnet, and a hello sent to an address finds one behind a router. Many devices also announce
``_miio._udp`` over mDNS under a name made of their model and device id
(``zhimi-airp-mb5_miio123456789``), which gives the model before any token is known.
Everything is bounded: a few seconds, a few hundred answers, and packets that are not hello
answers are counted and dropped.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from orbithub.adapters.miio.client import MiioClient
from orbithub.adapters.miio.client_types import Timing
from orbithub.adapters.miio.errors import MalformedPacket, MiioError
from orbithub.adapters.miio.packet import HELLO, Token, parse_hello_reply
from orbithub.adapters.miio.tokens import MIIO_PORT

__all__ = ["MDNS_TYPE", "Discovery", "Found", "discover", "parse_mdns_name"]

_LOGGER = logging.getLogger(__name__)

MDNS_TYPE = "_miio._udp.local."
_MAX_FOUND = 256
_RESEND_S = 1.0
_INFO_AT_ONCE = 16
_INFO_TIMING = Timing(first_wait=0.3, max_wait=0.6, deadline=2.0)
_MDNS_NAME = re.compile(r"([a-z0-9][a-z0-9-]{2,80})_miio(\d{1,10})")


@dataclass(frozen=True, slots=True)
class Found:
    """A device that answered (never its token: a revealed one is only noted).

    Attributes:
        address: its IP address.
        port: its miIO port.
        did: its device id.
        model: its model when mDNS told it or, for a device revealing its token, ``miIO.info``.
        token_revealed: its hello answer carried its token (older firmware).
        via: how it was found (``hello``, ``mdns``).
    """

    address: str
    port: int
    did: int
    model: str | None
    token_revealed: bool
    via: tuple[str, ...]


@dataclass(slots=True)
class Discovery:
    """What one discovery found, and what it dropped."""

    found: list[Found] = field(default_factory=list)
    dropped: int = 0
    """Packets that were not hello answers, and answers past the cap."""
    problems: list[str] = field(default_factory=list)
    """Parts that could not run (no broadcast on this network, mDNS unavailable)."""


def parse_mdns_name(name: str) -> tuple[str, int] | None:
    """The model and device id in a ``_miio._udp`` service name, or None when it has none."""
    instance = name.removesuffix("." + MDNS_TYPE).removesuffix(MDNS_TYPE).strip(".")
    match = _MDNS_NAME.fullmatch(instance.lower())
    if match is None:
        return None
    return match[1].replace("-", "."), int(match[2])


class _HelloAnswers(asyncio.DatagramProtocol):
    def __init__(self, port: int) -> None:
        self.port = port
        self.answers: dict[tuple[str, int], tuple[int, bytes | None]] = {}
        self.dropped = 0

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        if data == HELLO:
            return  # our own broadcast, looped back
        try:
            hello = parse_hello_reply(data)
        except MalformedPacket:
            self.dropped += 1
            return
        key = (str(addr[0]), int(addr[1]))
        if key not in self.answers and len(self.answers) >= _MAX_FOUND:
            self.dropped += 1
            return
        # A revealed token stays in this module: it only serves to ask the device its model.
        self.answers[key] = (hello.device_id, hello.token)

    def error_received(self, exc: Exception) -> None:
        _LOGGER.debug("miIO discovery: %s", exc)


async def _hello(
    targets: list[tuple[str, int]], broadcast: bool, port: int, within: float, result: Discovery
) -> dict[tuple[str, int], tuple[int, bytes | None]]:
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_datagram_endpoint(
        lambda: _HelloAnswers(port),
        # Any interface: answers to a broadcast come back to the address the hello left from.
        local_addr=("0.0.0.0", 0),  # noqa: S104
        allow_broadcast=True,
    )
    if broadcast:
        targets = [*targets, ("255.255.255.255", port)]
    try:
        async with asyncio.timeout(within):
            while True:
                for target in targets:
                    try:
                        transport.sendto(HELLO, target)
                    except OSError as exc:
                        note = f"hello to {target[0]} could not be sent: {exc}"
                        if note not in result.problems:
                            result.problems.append(note)
                await asyncio.sleep(_RESEND_S)
    except TimeoutError:
        pass
    finally:
        transport.close()
    result.dropped += protocol.dropped
    return protocol.answers


async def _mdns(within: float, result: Discovery) -> dict[int, tuple[str, str | None]]:
    """Device id -> (model, address) from ``_miio._udp`` announcements."""
    try:
        from zeroconf import ServiceStateChange
        from zeroconf.asyncio import AsyncServiceBrowser, AsyncServiceInfo, AsyncZeroconf
    except ImportError as exc:  # pragma: no cover - zeroconf is a dependency
        result.problems.append(f"mDNS is unavailable: {exc}")
        return {}
    names: set[str] = set()

    def seen(**event: Any) -> None:
        if event.get("state_change") is ServiceStateChange.Added and len(names) < _MAX_FOUND:
            names.add(str(event.get("name")))

    try:
        zc = AsyncZeroconf()
    except OSError as exc:
        result.problems.append(f"mDNS could not start: {exc}")
        return {}
    found: dict[int, tuple[str, str | None]] = {}
    try:
        browser = AsyncServiceBrowser(zc.zeroconf, [MDNS_TYPE], handlers=[seen])
        await asyncio.sleep(within)
        await browser.async_cancel()
        for name in sorted(names):
            parsed = parse_mdns_name(name)
            if parsed is None:
                result.dropped += 1
                continue
            info = AsyncServiceInfo(MDNS_TYPE, name)
            address = None
            if await info.async_request(zc.zeroconf, 1000):
                addresses = info.parsed_addresses()
                address = addresses[0] if addresses else None
            found[parsed[1]] = (parsed[0], address)
    finally:
        await zc.async_close()
    return found


async def _models_of_revealing(
    devices: list[tuple[str, int, bytes]],
) -> dict[tuple[str, int], str]:
    """Ask ``miIO.info`` of the devices that revealed their token: their models, by address."""
    limit = asyncio.Semaphore(_INFO_AT_ONCE)

    async def ask(address: str, port: int, token: bytes) -> tuple[tuple[str, int], str | None]:
        async with limit, MiioClient(address, Token(token), port=port, timing=_INFO_TIMING) as c:
            try:
                return (address, port), (await c.info()).model
            except MiioError:
                return (address, port), None

    answers = await asyncio.gather(*(ask(a, p, t) for a, p, t in devices[:_MAX_FOUND]))
    return {key: model for key, model in answers if model is not None}


async def discover(
    *,
    within: float = 3.0,
    broadcast: bool = True,
    addresses: Iterable[str] = (),
    port: int = MIIO_PORT,
    mdns: bool = True,
) -> Discovery:
    """Look for Xiaomi devices for ``within`` seconds.

    Args:
        within: seconds to listen (hello is sent again every second meanwhile).
        broadcast: send hello to the whole subnet (255.255.255.255).
        addresses: IP addresses to send hello to as well (a device behind a router).
        port: the miIO port asked (54321 on every real device).
        mdns: also listen for ``_miio._udp`` announcements.

    Raises:
        ValueError: an address is not an IP address.
    """
    targets = [(str(ipaddress.ip_address(a.strip())), port) for a in addresses]
    result = Discovery()
    hello = asyncio.ensure_future(_hello(targets, broadcast, port, within, result))
    announced: dict[int, tuple[str, str | None]] = {}
    try:
        if mdns:
            announced = await _mdns(within, result)
    finally:
        answers = await hello
    told = await _models_of_revealing(
        [(a, p, t) for (a, p), (did, t) in answers.items() if t and did not in announced]
    )
    by_did: dict[int, Found] = {}
    for (address, answered_port), (did, revealed) in answers.items():
        model = announced.get(did, (None, None))[0] or told.get((address, answered_port))
        via = ("hello", "mdns") if did in announced else ("hello",)
        by_did[did] = Found(address, answered_port, did, model, revealed is not None, via)
    for did, (announced_model, where) in announced.items():
        if did not in by_did and where is not None:
            by_did[did] = Found(where, port, did, announced_model, False, ("mdns",))
    result.found = sorted(by_did.values(), key=lambda f: (f.address, f.did))
    return result
