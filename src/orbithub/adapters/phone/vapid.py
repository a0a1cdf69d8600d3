"""The hub's VAPID key pair (RFC 8292): made once, kept in the data directory, signs push requests.

Browsers bind a push subscription to the public key the web app subscribed with, so the key must
outlive restarts: a new key would silently orphan every phone's subscription. It is created on
first use as ``vapid_private.pem`` (PKCS#8, readable by the hub's user only) and loaded after.
"""

from __future__ import annotations

import base64
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from orbithub.adapters.phone.errors import PushError

__all__ = ["VAPID_FILENAME", "VapidKeys", "b64url", "b64url_decode"]

_LOGGER = logging.getLogger(__name__)

VAPID_FILENAME = "vapid_private.pem"
_TOKEN_LIFETIME_S = 12 * 3600
"""RFC 8292 caps ``exp`` at 24 hours ahead; push services reject a token too close to that."""


def b64url(data: bytes) -> str:
    """Base64url without padding, as Web Push writes keys."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode base64url with or without padding.

    Raises:
        ValueError: not base64url.
    """
    data = text.encode("ascii") if isinstance(text, str) else text
    return base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4))


def audience(endpoint: str) -> str:
    """The origin of a push endpoint (``https://push.example.net``): the JWT's audience."""
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True, slots=True)
class VapidKeys:
    """A P-256 key pair for VAPID.

    Attributes:
        private_key: signs the JWTs.
        subject: who runs this hub (``mailto:`` or ``https:``), for push services to reach.
    """

    private_key: ec.EllipticCurvePrivateKey
    subject: str = "mailto:admin@orbithub.invalid"

    @classmethod
    def generate(cls, subject: str = "mailto:admin@orbithub.invalid") -> VapidKeys:
        """A fresh key pair (tests; :meth:`load_or_create` for a hub)."""
        return cls(ec.generate_private_key(ec.SECP256R1()), subject)

    @classmethod
    def load_or_create(
        cls, data_dir: Path, subject: str = "mailto:admin@orbithub.invalid"
    ) -> VapidKeys:
        """Load the key pair from the data directory, creating it on first use.

        This is file I/O: call it through ``asyncio.to_thread`` from the loop.

        Raises:
            PushError: the file exists but is not a P-256 private key, or cannot be written.
        """
        path = data_dir / VAPID_FILENAME
        try:
            pem = path.read_bytes()
        except FileNotFoundError:
            return cls._create(path, subject)
        except OSError as exc:
            raise PushError(f"cannot read the VAPID key {path}: {exc}") from exc
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except ValueError as exc:
            raise PushError(
                f"{path} is not a PEM private key ({exc}); restore it from a backup, or delete "
                "it to make a new one (every phone then has to enable notifications again)"
            ) from exc
        if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
            raise PushError(f"{path} must hold a P-256 (secp256r1) key for Web Push")
        return cls(key, subject)

    @classmethod
    def _create(cls, path: Path, subject: str) -> VapidKeys:
        keys = cls.generate(subject)
        pem = keys.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # O_EXCL: when two processes start at once, one key wins and the other loads it.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return cls.load_or_create(path.parent, subject)
        except OSError as exc:
            raise PushError(f"cannot create the VAPID key {path}: {exc}") from exc
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        _LOGGER.info("created the Web Push (VAPID) key %s", path)
        return keys

    @property
    def public_key(self) -> str:
        """The public key as browsers want it (``applicationServerKey``).

        Base64url of the uncompressed P-256 point.
        """
        raw = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return b64url(raw)

    def authorization(self, endpoint: str, *, now: float | None = None) -> str:
        """The ``Authorization`` header for a push request to ``endpoint`` (RFC 8292 §3).

        ``now`` is wall-clock time: push services check ``exp`` against real time, whatever
        clock the hub's simulation runs on.
        """
        issued = time.time() if now is None else now
        claims = {
            "aud": audience(endpoint),
            "exp": int(issued) + _TOKEN_LIFETIME_S,
            "sub": self.subject,
        }
        token = jwt.encode(claims, self.private_key, algorithm="ES256")
        return f"vapid t={token}, k={self.public_key}"
