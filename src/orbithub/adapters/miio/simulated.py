"""Simulated miIO devices: the device side of the protocol, over real UDP, built from a spec.

A :class:`SimulatedMiioDevice` answers hello, ``miIO.info``, ``get_properties``,
``set_properties`` and ``action`` the way a MIoT device does, with the MIoT result codes for
what its spec forbids. Like a real device it stays silent on a packet whose checksum does not
match its token, and on one stamped far from its own clock (after a :meth:`reboot`, a client
still counting from the old clock). It can lose a seeded fraction of packets in each direction,
answer twice or late, so clients can be tested against the network's bad days.

Values come from a :class:`PropertyProvider`: :class:`SpecValues` keeps them in memory; the
demo plugs in the simulator's physics instead (a purifier whose PM2.5 falls while it runs).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol, Self

from orbithub.adapters.miio.errors import MalformedPacket, MiotError
from orbithub.adapters.miio.packet import (
    HEADER_SIZE,
    HELLO,
    Token,
    build_hello_reply,
    build_packet,
    decode_message,
    encode_message,
    open_packet,
)
from orbithub.spec import Action, DeviceType, Format, Property, Value, ValueRejected, check_value

__all__ = ["DeviceStats", "PropertyProvider", "SimulatedMiioDevice", "SpecValues", "fit"]

_log = logging.getLogger(__name__)

# The simulated firmware accepts stamps this far behind / ahead of its own clock.
STAMP_BEHIND = 120
STAMP_AHEAD = 30
# The most properties one request may carry before the device refuses the whole call.
MAX_PROPERTIES = 20
# JSON-RPC codes for a call refused as a whole (unknown method, malformed params).
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602


class PropertyProvider(Protocol):
    """Where a simulated device's values live.

    ``read`` may give any number for a numeric property: the device rounds and clamps it to the
    spec (:func:`fit`), as firmware does with its sensors. ``write`` and ``act`` may raise
    :class:`MiotError` (its code is answered: :class:`~orbithub.adapters.miio.DeviceBusy`
    gives -4004) or :class:`~orbithub.spec.ValueRejected` (answered as -4005). The device checks
    access, existence and the spec's ranges before calling them.
    """

    def read(self, prop: Property) -> Value:
        """The current value of ``prop``."""
        ...

    def write(self, prop: Property, value: Value) -> None:
        """Take a value already checked against the spec."""
        ...

    def act(self, action: Action, args: tuple[Value, ...]) -> tuple[Value, ...]:
        """Carry out ``action`` with checked arguments; return its ``out`` values."""
        ...


def _default(prop: Property) -> Value:
    if prop.format is Format.BOOL:
        return False
    if prop.format is Format.STRING:
        return ""
    if prop.value_list:
        return prop.value_list[0].value
    low = prop.value_range.min if prop.value_range else 0
    return float(low) if prop.format is Format.FLOAT else int(low)


def fit(prop: Property, value: Value) -> Value:
    """``value`` in the form the device's firmware would send for ``prop``.

    Physics computes with floats; a device reports a uint8 filter life as a whole number inside
    its range. Numbers are rounded to the format and clamped to the range; anything else is
    converted to the format's type.
    """
    if prop.format is Format.BOOL:
        return bool(value)
    if prop.format is Format.STRING:
        return str(value)
    if isinstance(value, str):
        return _default(prop)
    number = float(value)
    rng = prop.value_range
    if rng is not None:
        number = min(max(number, rng.min), rng.max)
    return number if prop.format is Format.FLOAT else round(number)


class SpecValues:
    """Values held in memory, starting from the spec's lowest allowed value of each property."""

    def __init__(self, spec: DeviceType, initial: Mapping[str, Value] | None = None) -> None:
        self.values: dict[str, Value] = {p.path: _default(p) for p in spec.properties()}
        for address, value in (initial or {}).items():
            prop = spec.property(address)
            self.values[prop.path] = check_value(prop, value)

    def read(self, prop: Property) -> Value:
        """The stored value."""
        return self.values[prop.path]

    def write(self, prop: Property, value: Value) -> None:
        """Store the value."""
        self.values[prop.path] = value

    def act(self, action: Action, args: tuple[Value, ...]) -> tuple[Value, ...]:
        """Actions change nothing here and return nothing."""
        return ()


@dataclass(slots=True)
class DeviceStats:
    """What a simulated device saw."""

    received: int = 0
    answered: int = 0
    lost: int = 0  # dropped on purpose (incoming or outgoing) to simulate loss
    refused: int = 0  # bad checksum, other device id, or not miIO: stayed silent
    stale: int = 0  # stamped far from the device's clock: stayed silent


class _Endpoint(asyncio.DatagramProtocol):
    def __init__(self, device: SimulatedMiioDevice) -> None:
        self._device = device

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        self._device._received(data, (addr[0], addr[1]))


class SimulatedMiioDevice:
    """A MIoT device speaking miIO on a UDP port (loopback by default, port chosen by the OS)."""

    def __init__(
        self,
        spec: DeviceType,
        token: Token,
        *,
        model: str,
        device_id: int,
        provider: PropertyProvider | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        loss: float = 0.0,
        seed: int | None = None,
        reveal_token: bool = False,
        firmware: str = "2.1.8_0045",
    ) -> None:
        self.spec = spec
        self.model = model
        self.device_id = device_id
        self.provider: PropertyProvider = provider or SpecValues(spec)
        self.stats = DeviceStats()
        self.loss = loss
        self.duplicate_replies = False
        self.reply_delay = 0.0
        self.reveal_token = reveal_token
        self.firmware = firmware
        self._token = token
        self._host = host
        self._port = port
        self._rng = random.Random(seed)  # noqa: S311 - simulated loss, not secrets
        self._stamp0 = self._rng.randrange(1_000, 1_000_000)
        self._boot = 0.0
        self._transport: asyncio.DatagramTransport | None = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        """Listen on the UDP port."""
        loop = asyncio.get_running_loop()
        self._boot = loop.time()
        transport, _ = await loop.create_datagram_endpoint(
            lambda: _Endpoint(self), local_addr=(self._host, self._port)
        )
        self._transport = transport
        self._port = transport.get_extra_info("sockname")[1]

    async def stop(self) -> None:
        """Stop listening."""
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    @property
    def address(self) -> tuple[str, int]:
        """Where the device listens."""
        return (self._host, self._port)

    @property
    def stamp(self) -> int:
        """The device's clock: seconds since some start, reset by :meth:`reboot`."""
        return self._stamp0 + int(asyncio.get_running_loop().time() - self._boot)

    def reboot(self) -> None:
        """Restart: the clock starts again from zero (values are kept, as after a power blip)."""
        self._stamp0 = 0
        self._boot = asyncio.get_running_loop().time()

    def send_raw(self, data: bytes, addr: tuple[str, int]) -> None:
        """Send any bytes from the device's port (for tests of what a client drops)."""
        if self._transport is not None:
            self._transport.sendto(data, addr)

    # --- receiving (loop only) ----------------------------------------------------------------

    def _received(self, data: bytes, addr: tuple[str, int]) -> None:
        self.stats.received += 1
        if self._lost():
            return
        if data == HELLO:
            token = self._token.raw if self.reveal_token else None
            self._send(build_hello_reply(self.device_id, self.stamp, token), addr)
            return
        if len(data) <= HEADER_SIZE:
            self.stats.refused += 1
            return
        try:
            opened = open_packet(self._token, data)
            message = decode_message(opened.payload)
        except MalformedPacket:
            self.stats.refused += 1
            return
        if opened.header.device_id != self.device_id:
            self.stats.refused += 1
            return
        now = self.stamp
        if not now - STAMP_BEHIND <= opened.header.stamp <= now + STAMP_AHEAD:
            self.stats.stale += 1
            return
        request_id = message.get("id")
        if not isinstance(request_id, int):
            self.stats.refused += 1
            return
        try:
            answer = self._answer(message.get("method"), message.get("params"))
        except Exception:
            # A provider's bug must not take the device down: answer as firmware does when it
            # fails inside, and keep serving.
            _log.exception("simulated miio device %s failed to answer", self.device_id)
            answer = _error(-4004, "internal error")
        reply = {"id": request_id, **answer}
        self.stats.answered += 1
        packet = build_packet(self._token, self.device_id, now, encode_message(reply))
        self._send(packet, addr)
        if self.duplicate_replies:
            self._send(packet, addr)

    def _lost(self) -> bool:
        if self.loss and self._rng.random() < self.loss:
            self.stats.lost += 1
            return True
        return False

    def _send(self, packet: bytes, addr: tuple[str, int]) -> None:
        if self._transport is None or self._lost():
            return
        if self.reply_delay:
            asyncio.get_running_loop().call_later(self.reply_delay, self.send_raw, packet, addr)
        else:
            self._transport.sendto(packet, addr)

    def _answer(self, method: object, params: object) -> dict[str, object]:
        if method == "miIO.info":
            return {"result": self._info()}
        if method in ("get_properties", "set_properties"):
            if not isinstance(params, list) or not all(isinstance(p, dict) for p in params):
                return _error(INVALID_PARAMS, "params must be a list of objects")
            if len(params) > MAX_PROPERTIES:
                return _error(INVALID_PARAMS, f"at most {MAX_PROPERTIES} properties per request")
            write = method == "set_properties"
            return {"result": [self._property(p, write=write) for p in params]}
        if method == "action":
            if not isinstance(params, dict):
                return _error(INVALID_PARAMS, "params must be an object")
            return {"result": self._action(params)}
        return _error(METHOD_NOT_FOUND, f"unknown method {method!r}")

    def _info(self) -> dict[str, object]:
        mac = ":".join(f"{b:02X}" for b in (0x50, 0xEC, 0x50, *self.device_id.to_bytes(4)[1:]))
        return {
            "model": self.model,
            "fw_ver": self.firmware,
            "hw_ver": "esp32",
            "mac": mac,
            "life": self.stamp,
            "netif": {"localIp": self._host, "mask": "255.0.0.0", "gw": self._host},
            "ap": {"ssid": "orbithub-simulated", "rssi": -48},
        }

    def _property(self, entry: dict[str, Any], *, write: bool) -> dict[str, object]:
        siid, piid = entry.get("siid"), entry.get("piid")
        out: dict[str, object] = {"did": entry.get("did", ""), "siid": siid, "piid": piid}
        prop = self.spec.find_property(f"{siid}.{piid}")
        if prop is None or not isinstance(siid, int) or not isinstance(piid, int):
            return {**out, "code": -4003}
        try:
            if write:
                if not prop.writable:
                    return {**out, "code": -4002}
                self.provider.write(prop, check_value(prop, entry.get("value")))
                return {**out, "code": 0}
            if not prop.readable:
                return {**out, "code": -4001}
            return {**out, "code": 0, "value": fit(prop, self.provider.read(prop))}
        except ValueRejected:
            return {**out, "code": -4005}
        except MiotError as exc:
            return {**out, "code": exc.code if exc.code is not None else -4004}

    def _action(self, params: dict[str, Any]) -> dict[str, object]:
        siid, aiid, args = params.get("siid"), params.get("aiid"), params.get("in", [])
        out: dict[str, object] = {"did": params.get("did", ""), "siid": siid, "aiid": aiid}
        service = self.spec.service(siid) if isinstance(siid, int) else None
        action = next((a for a in service.actions if a.iid == aiid), None) if service else None
        if action is None or service is None:
            return {**out, "code": -4003}
        if not isinstance(args, list) or len(args) != len(action.in_):
            return {**out, "code": -4006}
        try:
            checked: list[Value] = []
            for piid, value in zip(action.in_, args, strict=True):
                prop = service.property(piid)
                if prop is not None:
                    checked.append(check_value(prop, value))
                elif isinstance(value, bool | int | float | str):
                    checked.append(value)
                else:
                    return {**out, "code": -4005}
            result = self.provider.act(action, tuple(checked))
        except ValueRejected:
            return {**out, "code": -4005}
        except MiotError as exc:
            return {**out, "code": exc.code if exc.code is not None else -4004}
        return {**out, "code": 0, "out": list(result)}


def _error(code: int, message: str) -> dict[str, object]:
    return {"error": {"code": code, "message": message}}
