"""The hub's broker accounts as Mosquitto files: a ``password_file`` and an ``acl_file``.

With them a Mosquitto broker applies the rules the embedded broker applies: no anonymous
clients, the hub's account may use every topic, and each device's account only its own
(:mod:`orbithub.adapters.mqtt.accounts`). The password lines use Mosquitto's own ``$7$`` hash
(what ``mosquitto_passwd`` writes), so no password is written in clear.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from orbithub.adapters.mqtt.accounts import HUB_USERNAME, BrokerAccounts, hash_password
from orbithub.files import write_atomically

__all__ = [
    "ACL_FILE",
    "PASSWORD_FILE",
    "MosquittoFiles",
    "acl_file",
    "password_file",
    "write_files",
]

PASSWORD_FILE = "mosquitto-passwords"  # noqa: S105 - a file name, not a password
ACL_FILE = "mosquitto-acl"


@dataclass(frozen=True, slots=True)
class MosquittoFiles:
    """Where the files were written."""

    password_file: Path
    acl_file: Path

    def config(self) -> str:
        """The ``mosquitto.conf`` lines that use them."""
        return (
            f"allow_anonymous false\npassword_file {self.password_file}\nacl_file {self.acl_file}\n"
        )


def password_file(accounts: BrokerAccounts) -> str:
    """``user:hash`` lines for the hub and every device account."""
    lines = [f"{HUB_USERNAME}:{hash_password(accounts.hub_password)}"]
    lines.extend(f"{a.device_id}:{a.password_hash}" for a in accounts.devices())
    return "\n".join(lines) + "\n"


def acl_file(accounts: BrokerAccounts) -> str:
    """The hub may use every topic; each device publishes and receives only its own."""
    parts = [
        "# Written by `orbithub mqtt acl`: run it again when device logins change.",
        f"user {HUB_USERNAME}",
        "topic readwrite #",
    ]
    for account in accounts.devices():
        parts.append("")
        parts.append(f"user {account.device_id}")
        parts.extend(f"topic write {topic}" for topic in account.publishes())
        parts.extend(f"topic read {topic}" for topic in account.receives())
    return "\n".join(parts) + "\n"


def write_files(accounts: BrokerAccounts, directory: Path) -> MosquittoFiles:
    """Write both files into ``directory``, each mode 0600 (blocking file I/O).

    Mosquitto must be able to read them: run it as the same user, or give them to its user
    (``chown mosquitto``), keeping them unreadable by others.
    """
    files = MosquittoFiles((directory / PASSWORD_FILE).resolve(), (directory / ACL_FILE).resolve())
    for path, text in (
        (files.password_file, password_file(accounts)),
        (files.acl_file, acl_file(accounts)),
    ):
        write_atomically(path, text)
        os.chmod(path, 0o600)
    return files
