"""The notification centre for people: their notifications, read state, and Web Push.

* ``GET /api/notifications``: the caller's notifications, newest first, from spaces they may
  still see.
* ``POST /api/notifications/{id}/read``: mark one read (for the caller only).
* ``GET /api/push/key``: the hub's VAPID public key, for ``PushManager.subscribe``.
* ``POST /api/push/subscriptions``: store the browser's subscription for the caller;
  ``DELETE /api/push/subscriptions``: forget it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from orbithub.adapters.phone import (
    Companion,
    PushSubscription,
    SubscriptionRejected,
    check_subscription,
)
from orbithub.api.deps import CurrentPrincipal, DbDep, HubDep, audit
from orbithub.api.errors import retold, said
from orbithub.api.rights import Right, requires
from orbithub.api.services import services_of
from orbithub.storage import companion as store

__all__ = ["router"]

router = APIRouter(tags=["notifications"])


class _In(BaseModel):
    # Strict: "yes" is not a boolean and "12" not a number; a phone sending them has a bug.
    model_config = ConfigDict(extra="forbid", strict=True)


class NotificationOut(BaseModel):
    """A notification as the caller sees it."""

    id: int
    space_id: str
    title: str
    message: str
    severity: str
    tag: str
    time: float
    read: bool
    read_at: float | None


class ReadOut(BaseModel):
    """A notification marked read."""

    id: int
    read: bool


class PushKeyOut(BaseModel):
    """The key to subscribe with (``applicationServerKey``), base64url."""

    public_key: str


class SubscriptionKeysIn(_In):
    """The browser's keys for this subscription (base64url)."""

    p256dh: str = Field(min_length=1, max_length=200)
    auth: str = Field(min_length=1, max_length=100)


class SubscriptionIn(BaseModel):
    """A browser's ``PushSubscription.toJSON()``; ``expirationTime`` is accepted and ignored."""

    model_config = ConfigDict(extra="ignore")

    endpoint: str = Field(min_length=1, max_length=2048)
    keys: SubscriptionKeysIn


class SubscriptionOut(BaseModel):
    """The stored subscription's endpoint."""

    endpoint: str


class UnsubscribeIn(_In):
    """Which subscription to forget."""

    endpoint: str = Field(min_length=1, max_length=2048)


def _push(request: Request) -> Companion:
    companion = services_of(request).companion
    if companion is None or companion.vapid is None:
        raise said(503, "unavailable", "push.disabled")
    return companion


PushDep = Annotated[Companion, Depends(_push)]


@router.get("/api/notifications", openapi_extra=requires(Right.SIGNED_IN))
async def list_notifications(
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    unread: Annotated[bool, Query(description="only unread ones")] = False,
    since: Annotated[float | None, Query(ge=0, le=1e11)] = None,
    space_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[NotificationOut]:
    """The caller's notifications, newest first."""
    visible = principal.visible_space_ids(hub.registry)
    if space_id is not None:
        visible &= {space_id}
    found = await store.notifications_for(
        db, principal.username, space_ids=visible, unread_only=unread, since=since, limit=limit
    )
    return [
        NotificationOut(
            id=n.id,
            space_id=n.space_id,
            title=n.title,
            message=n.message,
            severity=n.severity,
            tag=n.tag,
            time=n.time,
            read=n.read_at is not None,
            read_at=n.read_at,
        )
        for n in found
    ]


@router.post("/api/notifications/{notification_id}/read", openapi_extra=requires(Right.SIGNED_IN))
async def mark_read(
    notification_id: Annotated[int, Path(ge=1, le=2**62)],
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
) -> ReadOut:
    """Mark one of the caller's notifications read (others' read state is untouched)."""
    if not await store.mark_read(db, notification_id, principal.username, now=hub.now()):
        raise said(404, "not_found", "notifications.not_found", notification=notification_id)
    return ReadOut(id=notification_id, read=True)


@router.get("/api/push/key", openapi_extra=requires(Right.SIGNED_IN))
async def push_key(principal: CurrentPrincipal, companion: PushDep) -> PushKeyOut:
    """The hub's VAPID public key."""
    keys = companion.vapid
    if keys is None:  # _push checked it; kept for the type checker
        raise said(503, "unavailable", "push.disabled")
    return PushKeyOut(public_key=keys.public_key)


@router.post("/api/push/subscriptions", status_code=201, openapi_extra=requires(Right.SIGNED_IN))
async def subscribe(
    body: SubscriptionIn,
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    companion: PushDep,
) -> SubscriptionOut:
    """Store this browser's push subscription for the caller."""
    wanted = PushSubscription(body.endpoint, body.keys.p256dh, body.keys.auth)
    try:
        sub = check_subscription(wanted, hosts=companion.push_hosts)
    except SubscriptionRejected as exc:
        raise retold(422, "invalid_subscription", "push.invalid_subscription", exc) from None
    await store.save_subscription(
        db,
        username=principal.username,
        endpoint=sub.endpoint,
        p256dh=sub.p256dh,
        auth=sub.auth,
        now=hub.now(),
    )
    await audit(request, principal, action="push.subscribe", target=_origin(sub.endpoint))
    return SubscriptionOut(endpoint=sub.endpoint)


@router.delete("/api/push/subscriptions", status_code=204, openapi_extra=requires(Right.SIGNED_IN))
async def unsubscribe(
    body: UnsubscribeIn, request: Request, principal: CurrentPrincipal, db: DbDep
) -> Response:
    """Forget one of the caller's push subscriptions."""
    if not await store.delete_subscription(db, body.endpoint, username=principal.username):
        raise said(404, "not_found", "push.no_subscription")
    await audit(request, principal, action="push.unsubscribe", target=_origin(body.endpoint))
    return Response(status_code=204)


def _origin(endpoint: str) -> str:
    # The endpoint's path is a capability for the push service; the log keeps only its origin.
    scheme, _, rest = endpoint.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"
