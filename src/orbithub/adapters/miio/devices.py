"""Adding a Xiaomi device: check it answers with its token, learn its model, find its spec.

The same steps serve the command line, the API, the app and the demo: say hello (is something
there?), ask ``miIO.info`` with the token (is the token right? which model?), find the model's
spec, and keep the device with its token in the private devices file. A device whose model has
no known spec is kept too, and listed with what to do; it joins the hub once its spec is found.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from orbithub.adapters.miio.client import MiioClient
from orbithub.adapters.miio.client_types import DeviceInfo, Timing
from orbithub.adapters.miio.errors import NoAnswer
from orbithub.adapters.miio.packet import Token
from orbithub.adapters.miio.specs import ResolvedSpec, SpecResolver, UnknownModelError
from orbithub.adapters.miio.tokens import (
    WHERE_TOKENS_COME_FROM,
    DeviceStoreError,
    XiaomiDevice,
    XiaomiDeviceStore,
    check_device_id,
    parse_host,
    parse_token,
)
from orbithub.errors import OrbitHubError
from orbithub.spec.errors import SpecError

__all__ = [
    "Added",
    "DeviceSilent",
    "Listed",
    "Probe",
    "TokenHidden",
    "TokenRefused",
    "XiaomiDevices",
    "probe",
    "revealed_token",
]

_PROBE_TIMING = Timing(first_wait=0.5, max_wait=1.5, deadline=5.0)


class DeviceSilent(OrbitHubError):
    """Nothing answered hello at the address given."""


class TokenRefused(OrbitHubError):
    """A device answers hello but ignores requests sealed with the token given."""


class TokenHidden(OrbitHubError):
    """No token was given and the device does not reveal its own."""


@dataclass(frozen=True, slots=True)
class Probe:
    """What a device said when asked with its token."""

    host: str
    port: int
    did: int
    info: DeviceInfo
    token_shown: bool


@dataclass(frozen=True, slots=True)
class Added:
    """A device kept in the devices file; ``spec`` None when its model's spec is not known."""

    device: XiaomiDevice
    spec: ResolvedSpec | None
    missing: UnknownModelError | None


@dataclass(frozen=True, slots=True)
class Listed:
    """An added device and its spec, or what to do to find it (never its token)."""

    device: XiaomiDevice
    spec: ResolvedSpec | None
    problem: str | None


async def probe(host: str, port: int, token: Token, *, timing: Timing | None = None) -> Probe:
    """Say hello, then ask ``miIO.info`` with ``token``.

    Raises:
        DeviceSilent: nothing answered hello (address wrong, device off or on another network).
        TokenRefused: the device answered hello but not the request: the token is wrong.
        MiioError: the device refused ``miIO.info`` or answered it malformed.
    """
    where = host if port == 54321 else f"{host}:{port}"
    client = MiioClient(host, token, port=port, timing=timing or _PROBE_TIMING)
    try:
        await client.open()
    except OSError as exc:  # a name that does not resolve, a network that is down
        raise DeviceSilent(f"{where} cannot be reached: {exc}") from None
    async with client:
        try:
            hello = await client.hello()
        except NoAnswer:
            raise DeviceSilent(
                f"nothing at {where} answered hello: check the address, that the device is "
                "powered and on the hub's network (devices answer only on their Wi-Fi's subnet "
                "unless the router forwards UDP port 54321)"
            ) from None
        try:
            info = await client.info()
        except NoAnswer:
            raise TokenRefused(
                f"the device at {where} (device id {hello.device_id}) answers hello but ignores "
                f"requests sealed with this token: the token is wrong. {WHERE_TOKENS_COME_FROM}"
            ) from None
    return Probe(host, port, hello.device_id, info, hello.token is not None)


async def revealed_token(host: str, port: int, *, timing: Timing | None = None) -> str | None:
    """The token a device gives in its hello answer (older firmware), or None when it hides it.

    Raises:
        DeviceSilent: nothing answered hello.
    """
    where = host if port == 54321 else f"{host}:{port}"
    # Hello is never sealed, so any token does for the client here.
    client = MiioClient(host, Token(bytes(16)), port=port, timing=timing or _PROBE_TIMING)
    try:
        await client.open()
    except OSError as exc:
        raise DeviceSilent(f"{where} cannot be reached: {exc}") from None
    async with client:
        try:
            hello = await client.hello()
        except NoAnswer:
            raise DeviceSilent(f"nothing at {where} answered hello: check the address") from None
    return None if hello.token is None else hello.token.hex()


class XiaomiDevices:
    """The Xiaomi devices of one hub: add (with the device's answer), list, remove.

    Args:
        store: the private devices file.
        resolver: where specs come from.
        timing: how long to wait for a device being added.
    """

    def __init__(
        self, store: XiaomiDeviceStore, resolver: SpecResolver, *, timing: Timing | None = None
    ) -> None:
        self.store = store
        self.resolver = resolver
        self._timing = timing or _PROBE_TIMING

    async def add(
        self,
        host: str,
        token: str | None,
        *,
        device_id: str | None = None,
        name: str | None = None,
        space_id: str = "home",
        room_id: str | None = None,
        aliases: tuple[str, ...] = (),
    ) -> Added:
        """Check the device answers with ``token``, find its spec, and keep it.

        Adding a device again (same id) replaces its address, token and place. Without a
        token, the one the device reveals in its hello answer (older firmware) is used.

        Raises:
            DeviceStoreError: the host, token or id is not valid.
            TokenHidden: no token was given and the device hides its own.
            DeviceSilent: nothing answers at ``host``.
            TokenRefused: the token is wrong.
            MiioError: the device answered ``miIO.info`` with an error.
            SpecError: a spec file for its model is damaged (the message names it).
        """
        address, port = parse_host(host)
        if token is None:
            token = await revealed_token(address, port, timing=self._timing)
            if token is None:
                raise TokenHidden(
                    f"the device at {host} hides its token, so it must be given. "
                    f"{WHERE_TOKENS_COME_FROM}"
                )
        secret = parse_token(token)
        if device_id is not None:
            check_device_id(device_id)
        name = (name or "").strip()[:100] or None
        found = await probe(address, port, Token.from_hex(secret), timing=self._timing)
        model = found.info.model
        spec: ResolvedSpec | None = None
        missing: UnknownModelError | None = None
        try:
            spec = await self.resolver.resolve(model)
        except UnknownModelError as exc:
            missing = exc
        except OrbitHubError as exc:
            if isinstance(exc, SpecError):
                raise
            missing = UnknownModelError(model, self.resolver.drop_path(model), str(exc))
        device = XiaomiDevice(
            id=device_id or f"xiaomi-{found.did}",
            host=address,
            port=port,
            did=found.did,
            model=model,
            token=secret,
            name=name or (spec.spec.description if spec and spec.spec.description else model),
            space_id=space_id,
            room_id=room_id,
            aliases=tuple(a[:100] for a in aliases[:20]),
            added=time.time(),
        )
        await asyncio.to_thread(self.store.put, device)
        return Added(device, spec, missing)

    async def listed(self) -> list[Listed]:
        """Every added device with its spec, or why it has none yet."""
        return await asyncio.to_thread(self._listed)

    def _listed(self) -> list[Listed]:
        out: list[Listed] = []
        for device in self.store.devices():
            try:
                spec = self.resolver.local(device.model)
            except OrbitHubError as exc:
                out.append(Listed(device, None, str(exc)))
                continue
            if spec is None:
                drop = self.resolver.drop_path(device.model)
                problem = f"no spec for {device.model}: save its MIoT spec instance as {drop}" + (
                    ", or allow the spec service and add the device again"
                    if self.resolver.service_url is None
                    else ", or add the device again while the hub can reach "
                    f"{self.resolver.service_url}"
                )
                out.append(Listed(device, None, problem))
            else:
                out.append(Listed(device, spec, None))
        return out

    async def remove(self, device_id: str) -> XiaomiDevice:
        """Forget a device and its token.

        Raises:
            DeviceStoreError: no device with that id was added.
        """
        gone = await asyncio.to_thread(self.store.remove, device_id)
        if gone is None:
            raise DeviceStoreError(f"no Xiaomi device {device_id!r} was added")
        return gone
