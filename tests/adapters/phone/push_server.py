"""A Web Push service on loopback for tests: checks VAPID and decrypts what it receives.

It plays both sides a browser and its push service play: :meth:`PushServer.subscribe` makes a
subscription with its own P-256 key and auth secret (as ``PushManager.subscribe`` would), and
the server accepts a POST to that endpoint only with a valid VAPID ``Authorization`` (an ES256
JWT verified with the ``k`` key, audience = the endpoint's origin) and an ``aes128gcm`` body it
can decrypt with the subscription's private key. Endpoints under ``/gone/`` answer 410.
"""

from __future__ import annotations

import asyncio
import base64
import os
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import http_ece  # type: ignore[import-untyped]
import jwt
import orjson
import uvicorn
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from orbithub.adapters.phone import PushSubscription


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Received:
    """One push message the service accepted, decrypted."""

    path: str
    payload: dict[str, object]
    headers: dict[str, str]
    vapid_key: str
    claims: dict[str, object]


@dataclass
class PushServer:
    origin: str = ""
    received: list[Received] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    _keys: dict[str, tuple[ec.EllipticCurvePrivateKey, bytes]] = field(default_factory=dict)
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)

    def subscribe(self, name: str, *, gone: bool = False) -> PushSubscription:
        """A new browser subscription whose endpoint is on this server."""
        key = ec.generate_private_key(ec.SECP256R1())
        auth = os.urandom(16)
        path = f"/{'gone' if gone else 'push'}/{name}"
        self._keys[path] = (key, auth)
        point = key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return PushSubscription(self.origin + path, b64url(point), b64url(auth))

    async def wait_for(self, count: int, within: float = 10.0) -> list[Received]:
        async with asyncio.timeout(within):
            while len(self.received) + len(self.refused) < count:
                self._arrived.clear()
                await self._arrived.wait()
        return self.received

    async def handle(self, request: Request) -> Response:
        path = request.url.path
        try:
            received = self._check(path, dict(request.headers), await request.body())
        except Exception as exc:  # any failure is a refusal the test reports
            self.refused.append(f"{path}: {exc!r}")
            self._arrived.set()
            return Response(status_code=400, content=str(exc))
        if path.startswith("/gone/"):
            self.refused.append(f"{path}: gone")
            self._arrived.set()
            return Response(status_code=410)
        self.received.append(received)
        self._arrived.set()
        return Response(status_code=201)

    def _check(self, path: str, headers: dict[str, str], body: bytes) -> Received:
        scheme, _, params = headers["authorization"].partition(" ")
        assert scheme == "vapid", scheme
        parts = dict(p.strip().split("=", 1) for p in params.split(","))
        public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(parts["k"]))
        claims = jwt.decode(parts["t"], public, algorithms=["ES256"], audience=self.origin)
        assert time.time() < float(claims["exp"]) <= time.time() + 24 * 3600, claims
        assert str(claims["sub"]).startswith(("mailto:", "https:")), claims
        assert headers["content-encoding"] == "aes128gcm"
        assert int(headers["ttl"]) >= 0
        key, auth = self._keys[path]
        plain = http_ece.decrypt(body, private_key=key, auth_secret=auth, version="aes128gcm")
        payload = orjson.loads(plain)
        assert isinstance(payload, dict)
        return Received(path, payload, headers, parts["k"], claims)


@asynccontextmanager
async def push_server() -> AsyncIterator[PushServer]:
    """A push service listening on a free loopback port."""
    state = PushServer()
    app = Starlette(routes=[Route("/{kind}/{name}", state.handle, methods=["POST"])])
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    # Bound before serving, so the port is known at once; early requests wait in the backlog.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    state.origin = f"http://127.0.0.1:{sock.getsockname()[1]}"
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        yield state
    finally:
        server.should_exit = True
        await task
        sock.close()
