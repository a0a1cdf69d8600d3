"""Parse a broker URL (``mqtt://user:pass@host:1883?client_id=hub``) into connection settings.

Accepted forms::

    mqtt://host[:port]                 plain TCP, port 1883 by default
    mqtts://host[:port]                TLS with the system's default trust store, port 8883
    mqtt://user:password@host          credentials (percent-encoded when they hold ':' or '@')
    mqtt://host?client_id=hub&keepalive=30&version=3.1.1

``version`` pins the protocol (``5`` or ``3.1.1``); without it the client offers MQTT 5 and
falls back to 3.1.1 when the broker refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

from orbithub.errors import OrbitHubError

__all__ = ["BrokerUrl", "MqttUrlError", "parse_broker_url"]

_DEFAULT_PORTS = {"mqtt": 1883, "mqtts": 8883}
_VERSIONS = {"5": 5, "5.0": 5, "3.1.1": 4, "4": 4}
_KNOWN_QUERY = frozenset({"client_id", "keepalive", "version"})


class MqttUrlError(OrbitHubError, ValueError):
    """A broker URL cannot be understood."""


@dataclass(frozen=True, slots=True)
class BrokerUrl:
    """Where the broker is and how to log in.

    Attributes:
        host: host name or address.
        port: TCP port.
        tls: connect with TLS (``mqtts://``), verifying the broker's certificate.
        username: user name, None for anonymous.
        password: password, None when none was given.
        client_id: the MQTT client id to use, None to let the caller choose.
        keepalive: seconds between keep-alive pings.
        version: 5 or 4 (3.1.1) to pin the protocol; None to try 5 and fall back.
    """

    host: str
    port: int
    tls: bool = False
    username: str | None = None
    # Kept out of repr so a logged or printed URL object never shows the secret.
    password: str | None = field(default=None, repr=False)
    client_id: str | None = None
    keepalive: int = 60
    version: int | None = None

    def redacted(self) -> str:
        """The URL without its password, for log lines."""
        scheme = "mqtts" if self.tls else "mqtt"
        user = f"{self.username}@" if self.username else ""
        return f"{scheme}://{user}{self.host}:{self.port}"


def _one(query: dict[str, list[str]], key: str, url: str) -> str | None:
    values = query.get(key)
    if not values:
        return None
    if len(values) > 1:
        raise MqttUrlError(f"{url!r}: {key!r} is given {len(values)} times; give it once")
    return values[0]


def parse_broker_url(url: str) -> BrokerUrl:
    """Parse ``url``; see the module docstring for the forms accepted.

    Raises:
        MqttUrlError: unknown scheme, missing host, bad port, unknown or bad query parameter.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise MqttUrlError(f"{url!r} is not a valid broker URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise MqttUrlError(
            f"{url!r}: scheme {parts.scheme!r} is not supported; use mqtt:// or mqtts://"
        )
    if not parts.hostname:
        raise MqttUrlError(f"{url!r} names no host; write e.g. mqtt://127.0.0.1:1883")
    if parts.path not in ("", "/"):
        raise MqttUrlError(f"{url!r}: a broker URL has no path (got {parts.path!r})")
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=False)
    unknown = sorted(set(query) - _KNOWN_QUERY)
    if unknown:
        raise MqttUrlError(
            f"{url!r}: unknown parameter(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(_KNOWN_QUERY))}"
        )
    keepalive_text = _one(query, "keepalive", url)
    keepalive = 60
    if keepalive_text is not None:
        if not keepalive_text.isdigit() or not 1 <= int(keepalive_text) <= 65535:
            raise MqttUrlError(f"{url!r}: keepalive must be 1..65535 seconds")
        keepalive = int(keepalive_text)
    version_text = _one(query, "version", url)
    version = None
    if version_text is not None:
        if version_text not in _VERSIONS:
            raise MqttUrlError(f"{url!r}: version must be 5 or 3.1.1, got {version_text!r}")
        version = _VERSIONS[version_text]
    return BrokerUrl(
        host=parts.hostname,
        port=port or _DEFAULT_PORTS[scheme],
        tls=scheme == "mqtts",
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
        client_id=_one(query, "client_id", url) or None,
        keepalive=keepalive,
        version=version,
    )
