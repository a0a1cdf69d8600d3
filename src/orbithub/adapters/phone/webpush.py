"""Web Push delivery (RFC 8030/8291/8292): encrypt a message for one subscription and POST it.

The payload is encrypted with ``aes128gcm`` (RFC 8188) to the subscription's ``p256dh`` key and
``auth`` secret, so the push service carries it without reading it; the request is signed with
the hub's VAPID key. A push service answering 404 or 410 says the subscription is gone for good
(the user revoked permission or uninstalled the app): the caller removes it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

import http_ece  # type: ignore[import-untyped]
import httpx
from cryptography.hazmat.primitives.asymmetric import ec

from orbithub.adapters.phone.errors import PushError, SubscriptionRejected
from orbithub.adapters.phone.vapid import VapidKeys, b64url_decode

__all__ = [
    "BROWSER_PUSH_HOSTS",
    "PushOutcome",
    "PushSubscription",
    "Urgency",
    "WebPush",
    "check_subscription",
]

_LOGGER = logging.getLogger(__name__)

MAX_ENDPOINT = 2048
MAX_PAYLOAD = 3800
"""Push services accept 4096 bytes of ciphertext; aes128gcm adds 86 bytes of header and tag."""
_LOOPBACK_NAMES = {"localhost"}

BROWSER_PUSH_HOSTS: frozenset[str] = frozenset(
    {
        "fcm.googleapis.com",  # Chrome, Edge on Android, Brave, Opera
        "android.googleapis.com",
        "updates.push.services.mozilla.com",  # Firefox
        "push.apple.com",  # Safari (web.push.apple.com)
        "notify.windows.com",  # Edge on Windows (*.notify.windows.com)
    }
)
"""The push services of the common browsers; an endpoint's host must be one of these or a
subdomain. The hub POSTs to whatever endpoint a signed-in user stores, so without such a list
a user could make it send requests into the home network. Add hosts for a self-hosted push
service (UnifiedPush, ntfy) with ``start_companion(push_hosts=...)``."""


class Urgency(StrEnum):
    """RFC 8030 §5.3: how much a message may wake a phone."""

    VERY_LOW = "very-low"
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class PushOutcome(StrEnum):
    """What happened to one push message."""

    DELIVERED = "delivered"
    GONE = "gone"
    """The subscription no longer exists (404/410): remove it."""
    FAILED = "failed"
    """A network error or another refusal: keep the subscription, the next message may pass."""


@dataclass(frozen=True, slots=True)
class PushSubscription:
    """A browser's push subscription (``PushSubscription.toJSON()``).

    Attributes:
        endpoint: the push service URL for this browser.
        p256dh: the browser's P-256 public key, base64url (65 bytes uncompressed).
        auth: the browser's 16-byte authentication secret, base64url.
    """

    endpoint: str
    p256dh: str
    auth: str


def _loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _listed(host: str, hosts: frozenset[str]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def check_subscription(
    sub: PushSubscription, *, hosts: frozenset[str] = BROWSER_PUSH_HOSTS
) -> PushSubscription:
    """Check a subscription before storing it.

    The endpoint must be ``https`` on one of ``hosts`` (or a subdomain of one); plain ``http``
    only to a loopback host listed in ``hosts`` (a development push server). The keys must be
    a P-256 point and a 16-byte secret.

    Raises:
        SubscriptionRejected: what is wrong, with what to do.
    """
    if not isinstance(sub.endpoint, str) or len(sub.endpoint) > MAX_ENDPOINT:
        raise SubscriptionRejected(f"endpoint must be a URL of at most {MAX_ENDPOINT} characters")
    parts = urlsplit(sub.endpoint)
    host = (parts.hostname or "").lower()
    secure = parts.scheme == "https" or (parts.scheme == "http" and _loopback(host))
    if not host or not secure:
        raise SubscriptionRejected(
            f"endpoint must be an https:// URL of a push service, got {sub.endpoint[:80]!r}; "
            "send the subscription the browser's PushManager returned"
        )
    if not _listed(host, hosts):
        raise SubscriptionRejected(
            f"{host} is not a push service this hub sends to ({', '.join(sorted(hosts))}); "
            "an owner can add a self-hosted one in the hub's settings"
        )
    try:
        point = b64url_decode(sub.p256dh)
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except (ValueError, TypeError, UnicodeError):
        raise SubscriptionRejected(
            "keys.p256dh must be the browser's P-256 public key (base64url, 65 bytes)"
        ) from None
    try:
        secret = b64url_decode(sub.auth)
    except (ValueError, TypeError, UnicodeError):
        secret = b""
    if len(secret) != 16:
        raise SubscriptionRejected("keys.auth must be the browser's 16-byte secret (base64url)")
    return sub


def encrypt(sub: PushSubscription, payload: bytes) -> bytes:
    """The ``aes128gcm`` body of a push message for one subscription (RFC 8291).

    Raises:
        PushError: the payload is too big, or the subscription's keys are unusable.
    """
    if len(payload) > MAX_PAYLOAD:
        raise PushError(f"a push payload holds at most {MAX_PAYLOAD} bytes, got {len(payload)}")
    try:
        receiver = b64url_decode(sub.p256dh)
        secret = b64url_decode(sub.auth)
        sender = ec.generate_private_key(ec.SECP256R1())
        body: bytes = http_ece.encrypt(
            payload, private_key=sender, dh=receiver, auth_secret=secret, version="aes128gcm"
        )
    except (ValueError, TypeError, http_ece.ECEException) as exc:
        raise PushError(f"cannot encrypt for {sub.endpoint[:80]}: {exc}") from exc
    return body


class WebPush:
    """Sends push messages signed with the hub's VAPID key.

    Args:
        keys: the VAPID key pair.
        client: the HTTP client (one is made, and closed by :meth:`aclose`, when None).
        timeout: seconds a push service has to answer.
    """

    def __init__(
        self, keys: VapidKeys, *, client: httpx.AsyncClient | None = None, timeout: float = 10.0
    ) -> None:
        self.keys = keys
        self._own_client = client is None
        self._client = client or httpx.AsyncClient(timeout=timeout)
        self._timeout = timeout

    async def aclose(self) -> None:
        """Close the HTTP client if this object made it."""
        if self._own_client:
            await self._client.aclose()

    async def send(
        self,
        sub: PushSubscription,
        payload: bytes,
        *,
        ttl: int = 24 * 3600,
        urgency: Urgency = Urgency.NORMAL,
        topic: str | None = None,
    ) -> PushOutcome:
        """Encrypt ``payload`` for ``sub`` and deliver it to its push service.

        Args:
            sub: the subscription.
            payload: the message (JSON the web app's service worker reads).
            ttl: seconds the push service keeps it for a phone that is offline.
            urgency: how much it may wake the phone.
            topic: a message with the same topic replaces an undelivered earlier one
                (at most 32 base64url characters).

        Returns:
            Whether it was delivered, the subscription is gone, or it failed this time.
        """
        try:
            # Key generation and ECDH are a few hundred microseconds: off the loop anyway.
            body = await asyncio.to_thread(encrypt, sub, payload)
            authorization = self.keys.authorization(sub.endpoint)
        except PushError as exc:
            _LOGGER.warning("push to %s not sent: %s", _origin(sub), exc)
            return PushOutcome.FAILED
        headers = {
            "Authorization": authorization,
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
            "TTL": str(max(0, int(ttl))),
            "Urgency": urgency.value,
        }
        if topic:
            headers["Topic"] = topic[:32]
        try:
            async with asyncio.timeout(self._timeout):
                response = await self._client.post(sub.endpoint, content=body, headers=headers)
        except (httpx.HTTPError, TimeoutError) as exc:
            _LOGGER.warning("push to %s failed: %s", _origin(sub), exc or type(exc).__name__)
            return PushOutcome.FAILED
        if response.status_code in (404, 410):
            _LOGGER.info("push subscription at %s is gone (%d)", _origin(sub), response.status_code)
            return PushOutcome.GONE
        if response.is_success:
            return PushOutcome.DELIVERED
        _LOGGER.warning(
            "push service %s refused a message: %d %s",
            _origin(sub),
            response.status_code,
            response.text[:200],
        )
        return PushOutcome.FAILED


def _origin(sub: PushSubscription) -> str:
    parts = urlsplit(sub.endpoint)
    return f"{parts.scheme}://{parts.netloc}"
