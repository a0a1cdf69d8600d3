"""One device's miIO channel: the socket, hello, stamps, matched replies, retries, deadlines.

One request is in flight per device at a time (small devices handle one at a time anyway), so
the stamp and the handshake need no further locking. Each request has a deadline that covers
waiting for the previous one; inside it the request is sent again with a new id after each
silent wait, the waits growing by ``Timing.backoff`` with jitter. Every resend goes with a
hello: a device that rebooted has restarted its clock and ignores packets stamped far ahead of
it; the hello answer gives the client the new clock and the request goes again at once (the
caller sees no error). Under plain loss the hello costs nothing: the resent request decides.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from orbithub.adapters.miio.client_types import ClientStats, Timing
from orbithub.adapters.miio.errors import DeviceError, MalformedPacket, MiioError, NoAnswer
from orbithub.adapters.miio.packet import (
    HEADER_SIZE,
    HELLO,
    Hello,
    Token,
    build_packet,
    decode_message,
    encode_message,
    open_packet,
    parse_hello_reply,
)

__all__ = ["DEFAULT_PORT", "Channel"]

_log = logging.getLogger(__name__)
_T = TypeVar("_T")

DEFAULT_PORT = 54321
# A reply stamped this many seconds behind the clock we track means the device restarted.
_STAMP_SLACK = 2
_RECENT_IDS = 512
# Request ids wrap below 10,000, the range devices are commonly sent.
_MAX_ID = 9_999


@dataclass(frozen=True, slots=True)
class _Session:
    device_id: int
    stamp: int
    at: float  # loop time when ``stamp`` was the device's clock


class _Protocol(asyncio.DatagramProtocol):
    def __init__(self, channel: Channel) -> None:
        self._channel = channel

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        self._channel._received(data)

    def error_received(self, exc: Exception) -> None:
        # ICMP "port unreachable" on a connected socket: the device is down or restarting.
        self._channel.stats.errors += 1
        _log.debug("miio %s: %s", self._channel.address, exc)


class Channel:
    """Sends miIO calls to one device at ``host:port`` and matches the answers (loop only)."""

    def __init__(
        self,
        host: str,
        token: Token,
        *,
        port: int = DEFAULT_PORT,
        timing: Timing | None = None,
        seed: int | None = None,
    ) -> None:
        self.address = (host, port)
        self.stats = ClientStats()
        self._token = token
        self._timing = timing or Timing()
        self._rng = random.Random(seed)  # noqa: S311 - ids and jitter, not secrets
        self._next = self._rng.randrange(1, _MAX_ID)
        self._heard_hello = False  # during the current call
        self._lock = asyncio.Lock()
        self._transport: asyncio.DatagramTransport | None = None
        self._opening = asyncio.Lock()
        self._session: _Session | None = None
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._recent: OrderedDict[int, bool] = OrderedDict()  # finished id -> was answered
        self._hello: asyncio.Future[Hello] | None = None

    async def open(self) -> None:
        """Open the UDP socket (no packet is sent until the first call).

        Raises:
            MiioError: the host name does not resolve, or the port is not a port.
        """
        # Two callers opening at once would each make a socket and leak one.
        async with self._opening:
            if self._transport is not None:
                return
            loop = asyncio.get_running_loop()
            try:
                transport, _ = await asyncio.wait_for(
                    loop.create_datagram_endpoint(
                        lambda: _Protocol(self), remote_addr=self.address
                    ),
                    self._timing.deadline,  # a host name is looked up first
                )
            except (OSError, OverflowError, TimeoutError) as exc:
                host, port = self.address
                raise MiioError(f"cannot reach {host} port {port}: {exc}") from exc
            self._transport = transport

    async def close(self) -> None:
        """Close the socket; calls still waiting end with a :class:`MiioError` saying so."""
        if self._transport is not None:
            self._transport.close()
            self._transport = None
        for future in self._pending.values():
            if not future.done():
                future.cancel()
        if self._hello is not None and not self._hello.done():
            self._hello.cancel()

    @property
    def local_address(self) -> tuple[str, int] | None:
        """The address our socket uses, or None when closed."""
        if self._transport is None:
            return None
        host, port = self._transport.get_extra_info("sockname")[:2]
        return (host, port)

    @property
    def device_id(self) -> int | None:
        """The device id from the last hello answer, or None before the first one."""
        return None if self._session is None else self._session.device_id

    async def hello(self) -> Hello:
        """Say hello and learn the device's id and clock.

        Raises:
            NoAnswer: no answer before the deadline.
        """
        return await self._bounded(self._hello_until_answer)

    async def call(self, method: str, params: object = ()) -> object:
        """Call any miIO method and return its ``result`` (raw JSON, for the adapter to type).

        Raises:
            NoAnswer: no answer before the deadline.
            DeviceError: the device answered with an error object.
            MalformedPacket: the answer has neither ``result`` nor ``error``.
        """
        wire = list(params) if isinstance(params, tuple) else params
        return await self._bounded(lambda: self._exchange(method, wire))

    # --- the exchange -----------------------------------------------------------------------

    async def _bounded(self, work: Callable[[], Awaitable[_T]]) -> _T:
        """Run ``work()`` alone on this device, within the deadline (queueing included)."""
        if self._transport is None:
            raise MiioError(f"the client for {self.address[0]} is not open")
        deadline = asyncio.get_running_loop().time() + self._timing.deadline
        running = False
        try:
            async with asyncio.timeout_at(deadline), self._lock:
                running, self._heard_hello = True, False
                return await work()
        except TimeoutError:
            raise NoAnswer(answers_hello=running and self._heard_hello) from None

    async def _hello_until_answer(self) -> Hello:
        wait = self._timing.first_wait
        while True:
            hello = await self._hello_once(wait)
            if hello is not None:
                return hello
            wait = self._next_wait(wait)

    async def _exchange(self, method: str, params: object) -> object:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[dict[str, Any]] = loop.create_future()
        ids: list[int] = []
        wait = self._timing.first_wait
        try:
            while True:
                if future.cancelled():
                    raise MiioError(f"the client for {self.address[0]} was closed")
                if future.done():  # an earlier attempt's answer came in late, but in time
                    return _result_of(future.result(), method)
                if self._session is None and await self._hello_once(wait) is None:
                    wait = self._next_wait(wait)
                    continue
                session = self._session
                assert session is not None  # noqa: S101 - set by the hello just answered
                request_id = self._new_id()
                ids.append(request_id)
                self._pending[request_id] = future
                # One second ahead of the device's clock, as clients that work with real
                # firmware stamp their requests.
                stamp = session.stamp + int(loop.time() - session.at) + 1
                message = encode_message({"id": request_id, "method": method, "params": params})
                self._send(build_packet(self._token, session.device_id, stamp, message))
                # A resend goes with a hello: if the device restarted, its answer shows the new
                # clock and the request goes again at once instead of after another silent wait.
                hello = self._start_hello() if len(ids) > 1 else None
                if await self._await_answer(future, hello, stamp, loop.time() + wait):
                    continue
                self.stats.retries += 1
                if not future.done():
                    wait = self._next_wait(wait)
        finally:
            answered = future.done() and not future.cancelled()
            if not future.done():
                future.cancel()
            for request_id in ids:
                self._pending.pop(request_id, None)
                self._recent[request_id] = answered
            while len(self._recent) > _RECENT_IDS:
                self._recent.popitem(last=False)
            self._end_hello()

    async def _await_answer(
        self,
        future: asyncio.Future[dict[str, Any]],
        hello: asyncio.Future[Hello] | None,
        stamp: int,
        until: float,
    ) -> bool:
        """Wait for the answer until ``until``; False to resend (silence, or a new clock)."""
        loop = asyncio.get_running_loop()
        while True:
            waiting: tuple[asyncio.Future[Any], ...] = (future,)
            if hello is not None and not hello.done():
                waiting = (future, hello)
            timeout = until - loop.time()
            if timeout <= 0:
                return future.done()
            done, _ = await asyncio.wait(
                waiting, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
            )
            if future in done:
                return True
            if not done:
                return False
            if hello is not None and hello.done() and not hello.cancelled():
                answer = hello.result()
                self._end_hello()
                self._adopt(answer.device_id, answer.stamp)
                self._heard_hello = True
                if abs(answer.stamp - stamp) > _STAMP_SLACK:
                    return False  # stamped on a clock the device no longer keeps
            hello = None

    async def _hello_once(self, wait: float) -> Hello | None:
        future = self._start_hello()
        try:
            done, _ = await asyncio.wait((future,), timeout=wait)
            if not done or future.cancelled():
                return None
            hello = future.result()
        finally:
            self._end_hello()
        self._adopt(hello.device_id, hello.stamp)
        self._heard_hello = True
        return hello

    def _start_hello(self) -> asyncio.Future[Hello]:
        self._end_hello()
        future: asyncio.Future[Hello] = asyncio.get_running_loop().create_future()
        self._hello = future
        self.stats.hellos += 1
        self._send(HELLO)
        return future

    def _end_hello(self) -> None:
        if self._hello is not None and not self._hello.done():
            self._hello.cancel()
        self._hello = None

    def _next_wait(self, wait: float) -> float:
        timing = self._timing
        grown = min(wait * timing.backoff, timing.max_wait)
        return grown * (1 + self._rng.uniform(-timing.jitter, timing.jitter))

    def _new_id(self) -> int:
        request_id = self._next
        self._next = 1 if request_id >= _MAX_ID else request_id + 1
        return request_id

    def _send(self, packet: bytes) -> None:
        if self._transport is None:
            raise MiioError(f"the client for {self.address[0]} is closed")
        self.stats.sent += 1
        self._transport.sendto(packet)

    def _adopt(self, device_id: int, stamp: int) -> None:
        """Track the device's clock from an answer; count a restart when it went backwards."""
        now = asyncio.get_running_loop().time()
        old = self._session
        if old is not None:
            if old.device_id != device_id:
                _log.warning(
                    "miio %s: device id changed from %s to %s (another device at this address?)",
                    self.address[0],
                    old.device_id,
                    device_id,
                )
            elif stamp + _STAMP_SLACK < old.stamp + int(now - old.at):
                self.stats.resyncs += 1
                _log.info("miio %s: the device restarted (its clock went back)", self.address[0])
        self._session = _Session(device_id, stamp, now)

    # --- receiving (loop only) ----------------------------------------------------------------

    def _received(self, data: bytes) -> None:
        self.stats.received += 1
        if len(data) == HEADER_SIZE:
            self._received_hello(data)
            return
        try:
            opened = open_packet(self._token, data)
            message = decode_message(opened.payload)
        except MalformedPacket as exc:
            self.stats.malformed += 1
            _log.debug("miio %s: dropped a packet: %s", self.address[0], exc)
            return
        session = self._session
        request_id = message.get("id")
        if session is not None and opened.header.device_id != session.device_id:
            self.stats.foreign += 1
            return
        if not isinstance(request_id, int) or isinstance(request_id, bool):
            self.stats.malformed += 1
            return
        future = self._pending.get(request_id)
        if future is None or future.done():
            if future is not None or self._recent.get(request_id):
                self.stats.duplicates += 1
            elif request_id in self._recent:
                self.stats.late += 1
            else:
                self.stats.foreign += 1
            return
        self.stats.answered += 1
        self._adopt(opened.header.device_id, opened.header.stamp)
        future.set_result(message)

    def _received_hello(self, data: bytes) -> None:
        try:
            hello = parse_hello_reply(data)
        except MalformedPacket:
            self.stats.malformed += 1
            return
        waiter = self._hello
        if waiter is None or waiter.done():
            self.stats.late += 1
            return
        waiter.set_result(hello)


def _result_of(message: dict[str, Any], method: str) -> object:
    if "result" in message:
        return message["result"]
    error = message.get("error")
    if isinstance(error, dict):
        code = error.get("code")
        text = error.get("message")
        raise DeviceError(
            code if isinstance(code, int) else 0, text if isinstance(text, str) else "", method
        )
    raise MalformedPacket(f"the answer to {method} has neither result nor error")
