"""An asyncio miIO client for one device: hello, ``miIO.info`` and the MIoT calls.

The :class:`~orbithub.adapters.miio.channel.Channel` underneath does the protocol work (hello,
stamps, ids, resends, deadlines); this module turns MIoT calls into its requests, in batches the
devices accept, and the answers into typed results.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Self

from orbithub.adapters.miio.channel import DEFAULT_PORT, Channel
from orbithub.adapters.miio.client_types import (
    SCALARS,
    ActionResult,
    ClientStats,
    DeviceInfo,
    PropertyResult,
    Timing,
    parse_info,
    property_results,
)
from orbithub.adapters.miio.errors import MalformedPacket, miot_error
from orbithub.adapters.miio.packet import Hello, Token
from orbithub.spec import Value

__all__ = ["DEFAULT_PORT", "MAX_BATCH", "MiioClient"]

# Devices answer batches of 15-20 properties; some older firmware fails above 16, so 15.
MAX_BATCH = 15


class MiioClient:
    """Talks miIO to one device at ``host:port`` with its token.

    Use it as an async context manager (or call :meth:`open` and :meth:`close`). Every call
    raises :class:`~orbithub.adapters.miio.NoAnswer` when the device stays silent until the
    deadline.
    """

    def __init__(
        self,
        host: str,
        token: Token,
        *,
        port: int = DEFAULT_PORT,
        timing: Timing | None = None,
        batch_size: int = MAX_BATCH,
        seed: int | None = None,
    ) -> None:
        if not 1 <= batch_size <= 64:
            raise ValueError(f"batch_size {batch_size} is outside 1..64")
        self._channel = Channel(host, token, port=port, timing=timing, seed=seed)
        self._batch = batch_size

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def open(self) -> None:
        """Open the UDP socket (no packet is sent until the first call).

        Raises:
            MiioError: the host name does not resolve, or the port is not a port.
        """
        await self._channel.open()

    async def close(self) -> None:
        """Close the socket; calls still waiting end with a ``MiioError`` saying so."""
        await self._channel.close()

    @property
    def address(self) -> tuple[str, int]:
        """The device's host and port."""
        return self._channel.address

    @property
    def stats(self) -> ClientStats:
        """What this client saw (packets, resends, drops)."""
        return self._channel.stats

    @property
    def local_address(self) -> tuple[str, int] | None:
        """The address our socket uses, or None when closed."""
        return self._channel.local_address

    @property
    def device_id(self) -> int | None:
        """The device id from the last hello answer, or None before the first one."""
        return self._channel.device_id

    async def hello(self) -> Hello:
        """Say hello and learn the device's id and clock.

        Raises:
            NoAnswer: no answer before the deadline.
        """
        return await self._channel.hello()

    async def call(self, method: str, params: object = ()) -> object:
        """Call any miIO method and return its ``result`` (raw JSON, for the adapter to type).

        Raises:
            NoAnswer: no answer before the deadline.
            DeviceError: the device answered with an error object.
            MalformedPacket: the answer has neither ``result`` nor ``error``.
        """
        return await self._channel.call(method, params)

    async def info(self) -> DeviceInfo:
        """``miIO.info``: model, firmware, hardware, MAC, address, uptime."""
        return parse_info(await self.call("miIO.info", []))

    async def get_properties(self, addresses: Iterable[tuple[int, int]]) -> list[PropertyResult]:
        """Read properties by ``(siid, piid)``, ``MAX_BATCH`` per request, in request order.

        A property the device refuses has a result whose ``error`` says why; the others keep
        their values. Raises what :meth:`call` raises, for a whole batch.
        """
        wanted = list(dict.fromkeys(addresses))
        found: dict[tuple[int, int], PropertyResult] = {}
        for start in range(0, len(wanted), self._batch):
            chunk = wanted[start : start + self._batch]
            params = _read_params(tuple(chunk))
            found.update(property_results(await self.call("get_properties", params), chunk))
        return [found[a] for a in wanted]

    async def set_properties(
        self, values: Iterable[tuple[int, int, Value]]
    ) -> list[PropertyResult]:
        """Write properties by ``(siid, piid, value)``; each result says whether it was taken."""
        items = list({(s, p): v for s, p, v in values}.items())
        found: dict[tuple[int, int], PropertyResult] = {}
        for start in range(0, len(items), self._batch):
            chunk = items[start : start + self._batch]
            params = [{"did": f"{s}.{p}", "siid": s, "piid": p, "value": v} for (s, p), v in chunk]
            keys = [k for k, _ in chunk]
            found.update(property_results(await self.call("set_properties", params), keys))
        return [found[k] for k, _ in items]

    async def action(self, siid: int, aiid: int, args: Sequence[Value] = ()) -> ActionResult:
        """Run action ``siid.aiid`` with its ``in`` arguments.

        Raises:
            MiotError: the device refused it (a subclass names why).
        """
        params = {"did": f"{siid}.{aiid}", "siid": siid, "aiid": aiid, "in": list(args)}
        result = await self.call("action", params)
        address = f"{siid}.{aiid}"
        if not isinstance(result, dict) or not isinstance(result.get("code", 0), int):
            raise MalformedPacket(f"the answer to action {address} is not an object with a code")
        code = result.get("code", 0)
        if code not in (0, 1):
            raise miot_error(code, address)
        out = result.get("out", [])
        values = tuple(v for v in out if isinstance(v, SCALARS))
        return ActionResult(siid, aiid, code, values)


@functools.lru_cache(maxsize=512)
def _read_params(chunk: tuple[tuple[int, int], ...]) -> list[dict[str, object]]:
    """The params of a read; polls repeat the same few, so they are built once (never mutated)."""
    return [{"did": f"{s}.{p}", "siid": s, "piid": p} for s, p in chunk]
