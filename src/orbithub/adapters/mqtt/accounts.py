"""Who may use the broker, and which topics each account may use: the hub and each device.

One file in the data directory (``mqtt-accounts.json``, mode 0600) holds the hub's own account,
generated on first start, and one account per OrbitHub-protocol device, created or rotated by
the owner (``orbithub devices credentials DEVICE`` or the API). The embedded broker checks every
CONNECT and every publish and subscription against it; for an external Mosquitto, OrbitHub
writes the same accounts as a ``password_file`` and an ``acl_file``
(:mod:`orbithub.adapters.mqtt.mosquitto`).

A device's user name is its device id. It may publish only its own ``announce``, ``state``,
``event``, ``availability`` and ``reply`` topics and subscribe only to its own ``set`` and
``action`` topics, so a device (or a process holding its password) can neither speak for another
device nor command one. The hub's account may do everything. Its user name holds a dot, which a
device id never does, so no device can be given the hub's name.

Device passwords are stored only as hashes, in Mosquitto's ``$7$`` form (PBKDF2-SHA512), so the
same line serves both brokers; they are printed once when made. The hub's own password is stored
as it is, because the hub must present it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from orbithub.adapters.mqtt.protocol_messages import DEFAULT_PREFIX, ID_PATTERN, MessageKind
from orbithub.errors import OrbitHubError
from orbithub.files import locked, write_atomically

__all__ = [
    "ACCOUNTS_FILE",
    "HUB_USERNAME",
    "AccountsError",
    "BrokerAccounts",
    "DeviceAccount",
    "DeviceCredentials",
    "device_topics",
]

_LOG = logging.getLogger(__name__)

ACCOUNTS_FILE = "mqtt-accounts.json"
HUB_USERNAME = "orbithub.hub"
_FORMAT = 1
# Mosquitto's own default for ``$7$`` hashes. The cost is low on purpose: every password here is
# random (192 bits for a device, 256 for the hub), which no guessing reaches, and each CONNECT
# is checked on the event loop.
_ITERATIONS = 101
_SALT_BYTES = 12
_HASH = re.compile(r"^\$7\$(\d{1,7})\$([A-Za-z0-9+/=]{4,64})\$([A-Za-z0-9+/=]{16,200})$")
_PREFIX = re.compile(r"[A-Za-z0-9_-]{1,64}(/[A-Za-z0-9_-]{1,64}){0,7}")

_DEVICE_PUBLISHES = (
    MessageKind.ANNOUNCE,
    MessageKind.STATE,
    MessageKind.EVENT,
    MessageKind.AVAILABILITY,
    MessageKind.REPLY,
)
_DEVICE_RECEIVES = (MessageKind.SET, MessageKind.ACTION)


class AccountsError(OrbitHubError):
    """The accounts file cannot be read or written, or a request names a bad id."""


@dataclass(frozen=True, slots=True)
class DeviceAccount:
    """One device's account as stored: where its topics are, and its password's hash."""

    device_id: str
    space: str
    prefix: str
    password_hash: str = field(repr=False)
    created: float

    def publishes(self) -> tuple[str, ...]:
        """The topics it may publish."""
        return device_topics(self.prefix, self.space, self.device_id, _DEVICE_PUBLISHES)

    def receives(self) -> tuple[str, ...]:
        """The topics it may subscribe to (and be sent)."""
        return device_topics(self.prefix, self.space, self.device_id, _DEVICE_RECEIVES)


@dataclass(frozen=True, slots=True)
class DeviceCredentials:
    """What a device presents to the broker; shown once, when made."""

    username: str
    password: str = field(repr=False)


def device_topics(
    prefix: str, space: str, device_id: str, kinds: tuple[MessageKind, ...]
) -> tuple[str, ...]:
    """``<prefix>/<space>/<device>/<kind>`` for each kind."""
    return tuple(f"{prefix}/{space}/{device_id}/{kind.value}" for kind in kinds)


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """Mosquitto's ``$7$`` hash of ``password`` (what ``mosquitto_passwd`` writes)."""
    salt = salt if salt is not None else secrets.token_bytes(_SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, _ITERATIONS)
    return f"$7${_ITERATIONS}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a ``$7$`` hash; a malformed hash matches nothing."""
    match = _HASH.match(stored)
    if match is None:
        return False
    iterations = int(match[1])
    try:
        salt = base64.b64decode(match[2], validate=True)
        expected = base64.b64decode(match[3], validate=True)
    except ValueError:
        return False
    if not 1 <= iterations <= 1_000_000:
        return False
    digest = hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(digest, expected)


def _check_ids(device_id: str, space: str, prefix: str) -> None:
    for what, value in (("device id", device_id), ("space id", space)):
        if not ID_PATTERN.fullmatch(value):
            raise AccountsError(
                f"{what} {value!r} is not valid in a topic: use 1 to 64 of A-Z a-z 0-9 _ -"
            )
    if not _PREFIX.fullmatch(prefix):
        raise AccountsError(f"topic prefix {prefix!r} is not valid; use e.g. 'orbit'")


class BrokerAccounts:
    """The accounts file of one data directory. Blocking file I/O; cheap enough for CONNECT.

    Every check first looks whether the file changed on disk (one ``stat``), so credentials made
    by ``orbithub devices credentials`` in another process count at once in a running hub.

    Args:
        path: the accounts file; see :meth:`in_data_dir`.

    Raises:
        AccountsError: the file exists but cannot be read; the message names it.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._signature: tuple[int, int, int] | None = None
        self._hub_password = ""
        self._devices: dict[str, DeviceAccount] = {}
        # (topics it may publish, topics it may subscribe to) per device: checked per message.
        self._rights: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        with locked(self._path):
            if not self._path.exists():
                self._hub_password = secrets.token_urlsafe(32)
                self._save()
                _LOG.info("created the MQTT broker accounts in %s", self._path)
            self._reload()

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> BrokerAccounts:
        """The accounts of the hub whose data directory is ``data_dir`` (made on first use)."""
        return cls(data_dir / ACCOUNTS_FILE)

    @property
    def path(self) -> Path:
        """Where the accounts are kept."""
        return self._path

    @property
    def hub_username(self) -> str:
        """The hub's own user name."""
        return HUB_USERNAME

    @property
    def hub_password(self) -> str:
        """The hub's own password."""
        self._refresh()
        return self._hub_password

    def devices(self) -> list[DeviceAccount]:
        """Every device account, by id."""
        self._refresh()
        return sorted(self._devices.values(), key=lambda a: a.device_id)

    def device(self, device_id: str) -> DeviceAccount | None:
        """The account of ``device_id``, if the owner made one."""
        self._refresh()
        return self._devices.get(device_id)

    # -- changes ---------------------------------------------------------------------------------
    def issue(
        self, device_id: str, space: str, *, prefix: str = DEFAULT_PREFIX
    ) -> DeviceCredentials:
        """Create or rotate ``device_id``'s account; the old password stops working.

        Raises:
            AccountsError: an id or the prefix is not valid in a topic.
        """
        _check_ids(device_id, space, prefix)
        password = secrets.token_urlsafe(24)
        with locked(self._path):
            self._reload()
            self._devices[device_id] = DeviceAccount(
                device_id, space, prefix, hash_password(password), time.time()
            )
            self._save()
        _LOG.info("MQTT credentials made for device %s (space %s)", device_id, space)
        return DeviceCredentials(device_id, password)

    def issue_many(
        self, devices: Iterable[tuple[str, str]], *, prefix: str = DEFAULT_PREFIX
    ) -> dict[str, DeviceCredentials]:
        """:meth:`issue` for each (device id, space), written to the file once."""
        made: dict[str, DeviceCredentials] = {}
        with locked(self._path):
            self._reload()
            for device_id, space in devices:
                _check_ids(device_id, space, prefix)
                password = secrets.token_urlsafe(24)
                self._devices[device_id] = DeviceAccount(
                    device_id, space, prefix, hash_password(password), time.time()
                )
                made[device_id] = DeviceCredentials(device_id, password)
            self._save()
        return made

    def revoke(self, device_id: str) -> bool:
        """Remove ``device_id``'s account; returns whether it had one."""
        with locked(self._path):
            self._reload()
            if self._devices.pop(device_id, None) is None:
                return False
            self._save()
        _LOG.info("MQTT credentials of device %s removed", device_id)
        return True

    # -- checks (the broker's) ---------------------------------------------------------------------
    def authenticate(self, username: str | None, password: str | None) -> bool:
        """Whether a CONNECT with these credentials may use the broker."""
        if not username or password is None:
            return False
        self._refresh()
        if username == HUB_USERNAME:
            return hmac.compare_digest(password.encode(), self._hub_password.encode())
        account = self._devices.get(username)
        return account is not None and verify_password(password, account.password_hash)

    def may_publish(self, username: str | None, topic: str) -> bool:
        """Whether ``username`` may publish on ``topic`` (a topic name, no wildcards)."""
        if username == HUB_USERNAME:
            return True
        rights = self._rights.get(username or "")
        return rights is not None and topic in rights[0]

    def may_subscribe(self, username: str | None, topic_filter: str) -> bool:
        """Whether ``username`` may subscribe to ``topic_filter``; devices: no wildcards."""
        if username == HUB_USERNAME:
            return True
        rights = self._rights.get(username or "")
        return rights is not None and topic_filter in rights[1]

    def login_stamp(self, username: str | None) -> float | None:
        """When ``username``'s current password was made (0 for the hub); None: no account.

        A connection remembers the stamp it logged in with; a different one now means the
        password was replaced (or the account removed) since, and the connection lost its rights.
        """
        if username == HUB_USERNAME:
            return 0.0
        account = self._devices.get(username or "")
        return account.created if account is not None else None

    def refresh(self) -> None:
        """Take changes another process made to the file (one ``stat`` when there are none)."""
        self._refresh()

    # -- the file ------------------------------------------------------------------------------

    def _refresh(self) -> None:
        try:
            st = self._path.stat()
        except OSError:
            return  # removed under a running hub: keep what is known rather than lock all out
        if (st.st_ino, st.st_mtime_ns, st.st_size) != self._signature:
            try:
                self._reload()
            except AccountsError as exc:
                _LOG.warning("%s; the accounts read before stay in force", exc)

    def _reload(self) -> None:
        try:
            st = self._path.stat()
            raw: Any = orjson.loads(self._path.read_bytes())
            hub = raw["hub"]["password"]
            devices = {
                key: DeviceAccount(
                    key, str(v["space"]), str(v["prefix"]), str(v["hash"]), float(v["created"])
                )
                for key, v in raw["devices"].items()
            }
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise AccountsError(
                f"the MQTT accounts file {self._path} cannot be read ({exc}); restore it from a "
                "backup, or move it away to start anew (every device then needs new credentials)"
            ) from None
        if not isinstance(hub, str) or not hub:
            raise AccountsError(f"the MQTT accounts file {self._path} has no hub password")
        self._hub_password = hub
        self._devices = devices
        self._rights = {
            a.device_id: (frozenset(a.publishes()), frozenset(a.receives()))
            for a in devices.values()
        }
        self._signature = (st.st_ino, st.st_mtime_ns, st.st_size)

    def _save(self) -> None:
        data = {
            "format": _FORMAT,
            "hub": {"username": HUB_USERNAME, "password": self._hub_password},
            "devices": {
                a.device_id: {
                    "space": a.space,
                    "prefix": a.prefix,
                    "hash": a.password_hash,
                    "created": a.created,
                }
                for a in self._devices.values()
            },
        }
        # write_atomically's temporary file is made with mkstemp, mode 0600, and renamed: the
        # secret is never readable by others, not even for a moment.
        write_atomically(self._path, orjson.dumps(data, option=orjson.OPT_INDENT_2))
        os.chmod(self._path, 0o600)
        self._reload()
