"""Broker URLs: ``mqtt://[user[:password]@]host[:port]`` and ``mqtts://`` for TLS."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from orbithub.sdk.errors import BrokerUrlError

__all__ = ["BrokerAddress", "parse_broker_url"]

_DEFAULT_PORTS = {"mqtt": 1883, "mqtts": 8883}


@dataclass(frozen=True, slots=True)
class BrokerAddress:
    """Where and how to connect. The password is kept out of ``repr`` so logs never show it."""

    host: str
    port: int
    tls: bool = False
    username: str | None = None
    password: str | None = field(default=None, repr=False)

    def __str__(self) -> str:
        scheme = "mqtts" if self.tls else "mqtt"
        user = f"{self.username}@" if self.username else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{user}{host}:{self.port}"


def parse_broker_url(url: str) -> BrokerAddress:
    """Parse a broker URL; user name and password may be percent-encoded.

    Raises:
        BrokerUrlError: another scheme, no host, a bad port, or a path.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BrokerUrlError(f"bad broker URL {_redacted(url)!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise BrokerUrlError(
            f"broker URL {_redacted(url)!r} must start with mqtt:// or mqtts:// "
            "(e.g. mqtt://127.0.0.1:1883)"
        )
    if not parts.hostname:
        raise BrokerUrlError(f"broker URL {_redacted(url)!r} has no host")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise BrokerUrlError(f"broker URL {_redacted(url)!r} must not have a path or query")
    return BrokerAddress(
        host=parts.hostname,
        port=port if port is not None else _DEFAULT_PORTS[scheme],
        tls=scheme == "mqtts",
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
    )


def _redacted(url: str) -> str:
    """The URL with any password replaced, for error messages."""
    head, sep, tail = url.rpartition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, userinfo = head.rpartition("//")
    user = userinfo.split(":", 1)[0]
    return f"{scheme}//{user}:***@{tail}"
