"""Web Push end to end against a push service on loopback that verifies and decrypts."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from orbithub.adapters.phone import (
    BROWSER_PUSH_HOSTS,
    VAPID_FILENAME,
    PushError,
    PushOutcome,
    PushSubscription,
    SubscriptionRejected,
    Urgency,
    VapidKeys,
    WebPush,
    check_subscription,
)
from tests.adapters.phone.push_server import b64url, push_server


async def test_a_message_arrives_signed_and_decryptable() -> None:
    keys = VapidKeys.generate()
    async with push_server() as service:
        sub = service.subscribe("alex-phone")
        push = WebPush(keys)
        try:
            outcome = await push.send(
                sub, b'{"title": "Door open"}', ttl=60, urgency=Urgency.HIGH, topic="door-open"
            )
        finally:
            await push.aclose()
        assert outcome is PushOutcome.DELIVERED
        [got] = await service.wait_for(1)
    assert service.refused == []
    assert got.payload == {"title": "Door open"}
    assert got.vapid_key == keys.public_key
    assert got.claims["aud"] == service.origin
    assert (got.headers["ttl"], got.headers["urgency"], got.headers["topic"]) == (
        "60",
        "high",
        "door-open",
    )


async def test_a_gone_subscription_says_so() -> None:
    async with push_server() as service:
        push = WebPush(VapidKeys.generate())
        try:
            outcome = await push.send(service.subscribe("old", gone=True), b"{}")
        finally:
            await push.aclose()
    assert outcome is PushOutcome.GONE


async def test_an_unreachable_or_refusing_service_is_a_failure_not_a_crash() -> None:
    keys = VapidKeys.generate()
    async with push_server() as service:
        good = service.subscribe("x")
    # The server is closed now: nothing listens on its port.
    push = WebPush(keys, timeout=5)
    try:
        assert await push.send(good, b"{}") is PushOutcome.FAILED
        too_big = b"x" * 5000
        assert await push.send(good, too_big) is PushOutcome.FAILED
    finally:
        await push.aclose()

    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, text="slow down")

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as client:
        assert await WebPush(keys, client=client).send(good, b"{}") is PushOutcome.FAILED


def test_the_vapid_key_is_made_once_and_kept(tmp_path: Path) -> None:
    first = VapidKeys.load_or_create(tmp_path)
    path = tmp_path / VAPID_FILENAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = VapidKeys.load_or_create(tmp_path)
    assert again.public_key == first.public_key
    assert len(first.public_key) == 87  # base64url of a 65-byte uncompressed point


def test_a_damaged_vapid_key_file_is_reported_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / VAPID_FILENAME
    path.write_bytes(b"not a key")
    with pytest.raises(PushError, match="restore it from a backup, or delete it"):
        VapidKeys.load_or_create(tmp_path)
    assert path.read_bytes() == b"not a key"


def _sub(**kw: str) -> PushSubscription:
    point = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    fields = {
        "endpoint": "https://fcm.googleapis.com/fcm/send/abc",
        "p256dh": b64url(point),
        "auth": b64url(os.urandom(16)),
    }
    fields.update(kw)
    return PushSubscription(**fields)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"endpoint": "http://fcm.googleapis.com/x"}, "https:// URL"),
        ({"endpoint": "https://push.example.net/x"}, "not a push service this hub sends to"),
        ({"endpoint": "https://fcm.googleapis.com.example.net/x"}, "not a push service"),
        ({"endpoint": "https://notfcm.googleapis.com/x"}, "not a push service"),
        ({"endpoint": "https://192.168.1.1/x"}, "not a push service"),
        ({"endpoint": "http://127.0.0.1:8080/push/1"}, "not a push service"),
        ({"endpoint": "file:///etc/passwd"}, "https:// URL"),
        ({"endpoint": "https://" + "a" * 3000}, "at most 2048"),
        ({"p256dh": "not-a-key"}, "P-256 public key"),
        ({"p256dh": b64url(b"\x04" + b"\x01" * 64)}, "P-256 public key"),
        ({"auth": b64url(b"short")}, "16-byte secret"),
        ({"auth": "%%%"}, "16-byte secret"),
    ],
)
def test_malformed_subscriptions_are_refused(change: dict[str, str], message: str) -> None:
    with pytest.raises(SubscriptionRejected, match=message):
        check_subscription(_sub(**change))


def test_browser_push_services_pass_and_a_listed_loopback_server_is_allowed() -> None:
    sub = _sub()
    assert check_subscription(sub) is sub
    apple = _sub(endpoint="https://web.push.apple.com/QGx")
    assert check_subscription(apple) is apple
    local = _sub(endpoint="http://127.0.0.1:8080/push/1")
    assert check_subscription(local, hosts=BROWSER_PUSH_HOSTS | {"127.0.0.1"}) is local
