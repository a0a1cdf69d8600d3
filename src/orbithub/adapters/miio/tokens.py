"""The Xiaomi devices a hub was given, with their tokens: one private file in the data directory.

``xiaomi-devices.json`` (mode 0600, like the broker's accounts and the token signing key) holds
each added device's address, miIO device id, model, place in the home and its 16-byte token.
The token is the device's only key: whoever holds it controls the device, so it stays in this
file and is never printed by the command line nor returned by the API. Both the command line
and a running hub change the file; a running hub notices changes by the file's signature.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from orbithub.errors import OrbitHubError
from orbithub.files import locked, write_atomically

__all__ = [
    "DEVICES_FILE",
    "MIIO_PORT",
    "WHERE_TOKENS_COME_FROM",
    "DeviceStoreError",
    "XiaomiDevice",
    "XiaomiDeviceStore",
    "check_device_id",
    "parse_host",
    "parse_token",
]

_LOGGER = logging.getLogger(__name__)

DEVICES_FILE = "xiaomi-devices.json"
MIIO_PORT = 54321
"""The UDP port every miIO device listens on."""
_FORMAT = 1
_TOKEN = re.compile(r"[0-9a-fA-F]{32}")
_DEVICE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_HOST = re.compile(r"[A-Za-z0-9.:_-]{1,253}")

WHERE_TOKENS_COME_FROM = (
    "A Xiaomi device accepts only packets sealed with its token, a 16-byte key it is given when "
    "the Mi Home app sets it up on your Wi-Fi; Xiaomi's cloud keeps a copy for the app. Current "
    "firmware does not hand the token out on the network (its reply to hello carries none), so "
    "it has to come from the app's side: tools that sign in to your Xiaomi account and list "
    "each device's token from the cloud, or a backup of the Mi Home app, whose device database "
    "holds the tokens. Some older firmware still gives the token in its reply to hello; the "
    "discovery list shows it then. Give the 32 hexadecimal digits with --token (or in the app's "
    "form). A wrong token is never refused out loud: the device stays silent."
)
"""Where tokens come from: said when a device hides its token or a token is missing."""


class DeviceStoreError(OrbitHubError):
    """The devices file cannot be read or written, or a value given for it is not valid."""


@dataclass(frozen=True, slots=True)
class XiaomiDevice:
    """One added Xiaomi device as stored.

    Attributes:
        id: its id in the hub.
        host: its address on the network (a name or an IP address).
        port: its miIO port (54321 on every real device; simulated ones use others).
        did: the device id the device gives in its hello reply.
        model: its model (``xiaomi.airp.mb5``), from ``miIO.info``.
        token: its 16-byte token as 32 hexadecimal digits; never printed nor returned.
        name: its display name.
        space_id: the space it is in.
        room_id: its room, if any.
        aliases: other names for it.
        added: when it was added (epoch seconds).
    """

    id: str
    host: str
    port: int
    did: int
    model: str
    token: str = field(repr=False)
    name: str
    space_id: str
    room_id: str | None = None
    aliases: tuple[str, ...] = ()
    added: float = 0.0

    @property
    def token_bytes(self) -> bytes:
        """The token as the 16 bytes the packets are sealed with."""
        return bytes.fromhex(self.token)

    @property
    def address(self) -> str:
        """``host`` alone on the miIO port, else ``host:port``."""
        return self.host if self.port == MIIO_PORT else f"{self.host}:{self.port}"


def parse_token(text: str) -> str:
    """A token as 32 lower-case hexadecimal digits.

    Raises:
        DeviceStoreError: it is not 32 hexadecimal digits; the message says where tokens come
            from.
    """
    token = text.strip()
    if not _TOKEN.fullmatch(token):
        raise DeviceStoreError(
            f"a token is 32 hexadecimal digits (16 bytes); got {len(token)} characters. "
            f"{WHERE_TOKENS_COME_FROM}"
        )
    if token in ("0" * 32, "f" * 32, "F" * 32):
        raise DeviceStoreError(
            "that is the filler a device sends in place of a token it hides, not a token. "
            f"{WHERE_TOKENS_COME_FROM}"
        )
    return token.lower()


def parse_host(text: str) -> tuple[str, int]:
    """``host`` or ``host:port`` as given to ``add`` (an IPv6 address: ``[addr]:port``).

    Raises:
        DeviceStoreError: it is not a host name or address, or its port is not valid.
    """
    value = text.strip()
    host, port = value, MIIO_PORT
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        if rest:
            port = _port(rest.removeprefix(":"), value)
    elif value.count(":") == 1:
        host, _, rest = value.partition(":")
        port = _port(rest, value)
    if not host or not _HOST.fullmatch(host):
        raise DeviceStoreError(f"{text[:80]!r} is not a host name or IP address")
    return host, port


def _port(text: str, whole: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise DeviceStoreError(f"{whole[:80]!r}: the port must be a number from 1 to 65535")
    return int(text)


def check_device_id(device_id: str) -> str:
    """``device_id`` when it is a valid hub id for a Xiaomi device.

    Raises:
        DeviceStoreError: it is not 1 to 64 of a-z 0-9 _ - (starting with a letter or digit).
    """
    if not _DEVICE_ID.fullmatch(device_id):
        raise DeviceStoreError(
            f"{device_id[:80]!r} is not a valid device id: use 1 to 64 of a-z 0-9 _ -"
        )
    return device_id


class XiaomiDeviceStore:
    """The devices file of one data directory. Blocking file I/O (small file, rare changes).

    Args:
        path: the file; see :meth:`in_data_dir`.

    Raises:
        DeviceStoreError: the file exists but cannot be read; the message names it.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._signature: tuple[int, int, int] | None = None
        self._devices: dict[str, XiaomiDevice] = {}
        with locked(self._path):
            self._reload()

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> XiaomiDeviceStore:
        """The devices of the hub whose data directory is ``data_dir``."""
        return cls(data_dir / DEVICES_FILE)

    @property
    def path(self) -> Path:
        """Where the devices are kept."""
        return self._path

    def devices(self) -> list[XiaomiDevice]:
        """Every added device, by id (the file's latest content)."""
        self.refresh()
        return sorted(self._devices.values(), key=lambda d: d.id)

    def device(self, device_id: str) -> XiaomiDevice | None:
        """The device ``device_id``, if it was added."""
        self.refresh()
        return self._devices.get(device_id)

    def put(self, device: XiaomiDevice) -> None:
        """Add ``device`` or replace the one with its id (a new address or token)."""
        check_device_id(device.id)
        parse_token(device.token)
        with locked(self._path):
            self._reload()
            self._devices[device.id] = device
            self._save()
        _LOGGER.info("Xiaomi device %s (%s, %s) saved", device.id, device.model, device.address)

    def remove(self, device_id: str) -> XiaomiDevice | None:
        """Forget a device and its token; returns it, or None when it was not added."""
        with locked(self._path):
            self._reload()
            gone = self._devices.pop(device_id, None)
            if gone is not None:
                self._save()
        return gone

    def refresh(self) -> bool:
        """Take changes another process made; returns whether there were any (one ``stat``)."""
        try:
            st = self._path.stat()
        except FileNotFoundError:
            changed = bool(self._devices)
            self._devices, self._signature = {}, None
            return changed
        if (st.st_ino, st.st_mtime_ns, st.st_size) == self._signature:
            return False
        try:
            self._reload()
        except DeviceStoreError as exc:
            _LOGGER.warning("%s; the devices read before stay in force", exc)
            return False
        return True

    def _reload(self) -> None:
        try:
            st = self._path.stat()
        except FileNotFoundError:
            self._devices, self._signature = {}, None
            return
        try:
            raw: Any = orjson.loads(self._path.read_bytes())
            devices = {str(key): _device(str(key), item) for key, item in raw["devices"].items()}
        except (
            OSError,
            orjson.JSONDecodeError,
            KeyError,
            TypeError,
            ValueError,
            AttributeError,
            DeviceStoreError,
        ) as exc:
            raise DeviceStoreError(
                f"the Xiaomi devices file {self._path} cannot be read ({exc}); restore it from "
                "a backup, or move it away and add the devices again"
            ) from None
        self._devices = devices
        self._signature = (st.st_ino, st.st_mtime_ns, st.st_size)

    def _save(self) -> None:
        data = {
            "format": _FORMAT,
            "devices": {
                d.id: {
                    "host": d.host,
                    "port": d.port,
                    "did": d.did,
                    "model": d.model,
                    "token": d.token,
                    "name": d.name,
                    "space_id": d.space_id,
                    "room_id": d.room_id,
                    "aliases": list(d.aliases),
                    "added": d.added,
                }
                for d in self._devices.values()
            },
        }
        # mkstemp makes the temporary file 0600 and the rename keeps it: the tokens are never
        # readable by others, not even for a moment.
        write_atomically(self._path, orjson.dumps(data, option=orjson.OPT_INDENT_2))
        os.chmod(self._path, 0o600)
        self._reload()


def _device(key: str, item: Any) -> XiaomiDevice:
    room = item.get("room_id")
    return XiaomiDevice(
        id=check_device_id(key),
        host=str(item["host"]),
        port=int(item["port"]),
        did=int(item["did"]),
        model=str(item["model"]),
        token=parse_token(str(item["token"])),
        name=str(item["name"]),
        space_id=str(item["space_id"]),
        room_id=None if room is None else str(room),
        aliases=tuple(str(a) for a in item.get("aliases", ())),
        added=float(item.get("added", 0.0)),
    )
