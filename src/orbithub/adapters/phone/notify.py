"""The notification centre: turns notification requests into stored, live and pushed messages.

For every :class:`NotificationRequested` on the bus it

1. resolves the recipients (none named: everyone with access to the space, as the
   :class:`Audience` says);
2. stores the notification for them (a tag replaces the earlier notification with that tag in
   the space), through the :class:`NoticeStore` the wiring provides;
3. publishes a :class:`UserMessage` of kind ``notification`` for the live WebSocket;
4. sends a Web Push message to every push subscription of every recipient, in the background;
   a subscription the push service says is gone (404/410) is removed.

A store that fails (the database is down) is logged; the live message and the pushes still go
out, without an id the app could mark read.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import orjson

from orbithub.adapters.phone.webpush import (
    MAX_PAYLOAD,
    PushOutcome,
    PushSubscription,
    Urgency,
    WebPush,
)
from orbithub.core.bus import Overflow
from orbithub.core.context import Context, Origin
from orbithub.core.events import HubEvent, NotificationRequested, UserMessage
from orbithub.core.hub import Hub
from orbithub.core.tasks import task_scope

__all__ = [
    "SEVERITIES",
    "Audience",
    "Delivery",
    "DeviceOwners",
    "NewNotice",
    "NoticeStore",
    "NotificationCentre",
    "PushTarget",
]

_LOGGER = logging.getLogger(__name__)

SEVERITIES = ("info", "warning", "critical")
_URGENCY = {"info": Urgency.NORMAL, "warning": Urgency.HIGH, "critical": Urgency.HIGH}
_TTL = {"info": 3600, "warning": 6 * 3600, "critical": 24 * 3600}
_CONTEXT = Context(Origin.SYSTEM, "notifications")
_MAX_TITLE = 200
_MAX_MESSAGE = 2000
_MAX_PUSH_TEXT = 1000
"""A push payload must stay under ~3.8 kB; the app fetches the full text when opened."""


@dataclass(frozen=True, slots=True)
class NewNotice:
    """A notification to store, as requested (after recipients were resolved)."""

    space_id: str
    title: str
    message: str
    severity: str
    tag: str
    time: float
    recipients: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PushTarget:
    """One push subscription of one person."""

    username: str
    subscription: PushSubscription


@dataclass(frozen=True, slots=True)
class Delivery:
    """What happened to one notification.

    Attributes:
        id: its stored id (None when storing failed).
        replaced: ids of earlier notifications with the same tag that it replaced.
        recipients: who it was for.
        pushed: the outcome per push endpoint.
    """

    id: int | None
    replaced: tuple[int, ...]
    recipients: tuple[str, ...]
    pushed: tuple[tuple[str, PushOutcome], ...] = ()


class NoticeStore(Protocol):
    """Where notifications and push subscriptions are kept (the database, in the wiring)."""

    async def store_notice(self, notice: NewNotice) -> tuple[int, tuple[int, ...]]:
        """Store a notification; returns its id and the ids it replaced (same space and tag)."""
        ...

    async def push_targets(self, usernames: Collection[str]) -> Sequence[PushTarget]:
        """Every push subscription of these people."""
        ...

    async def drop_push_target(self, endpoint: str) -> None:
        """Forget a subscription the push service says is gone."""
        ...


class Audience(Protocol):
    """Who may see a space: the people a notification for everyone goes to."""

    async def people(self, space_id: str) -> Collection[str]:
        """The user names of everyone with access to the space."""
        ...


class DeviceOwners:
    """An audience from the registry alone: the owners of the space's devices (their phones).

    For a hub without accounts; with accounts the wiring gives an audience from the grants.
    """

    def __init__(self, hub: Hub) -> None:
        self._hub = hub

    async def people(self, space_id: str) -> Collection[str]:
        """The owners of devices in the space."""
        return {d.owner for d in self._hub.registry.devices(space_id=space_id) if d.owner}


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "\u2026" if limit > 1 else ""


def _push_payload(payload: Mapping[str, object], message: str, title: str) -> bytes:
    """The push message: the notification with its text shortened until it fits a push.

    Push services take 4 KiB; Chinese text is three bytes a character in UTF-8, so the limit
    is on bytes, not characters. The app shows the full text from the API when opened.
    """
    body: dict[str, object] = {
        **payload,
        "type": "notification",
        "title": title,
        "message": _clip(message, _MAX_PUSH_TEXT),
    }
    data = orjson.dumps(body)
    limit = _MAX_PUSH_TEXT
    while len(data) > MAX_PAYLOAD and limit > 0:
        limit //= 2
        body["message"] = _clip(message, limit)
        body["title"] = _clip(title, max(limit, 40))
        data = orjson.dumps(body)
    return data


class NotificationCentre:
    """Delivers every notification request on the hub's bus. Run :meth:`run` in a task group.

    Args:
        hub: the hub whose bus carries the requests and the live messages.
        store: where notifications and subscriptions are kept (None: live messages only).
        audience: who a notification for everyone goes to.
        push: the Web Push sender (None: no push).
        max_parallel: push requests in flight at once.
    """

    def __init__(
        self,
        hub: Hub,
        *,
        store: NoticeStore | None = None,
        audience: Audience | None = None,
        push: WebPush | None = None,
        max_parallel: int = 8,
    ) -> None:
        self._hub = hub
        self._store = store
        self._audience = audience or DeviceOwners(hub)
        self.push = push
        self._limit = asyncio.Semaphore(max_parallel)
        self._tasks: asyncio.TaskGroup | None = None
        self.outcomes: dict[PushOutcome, int] = dict.fromkeys(PushOutcome, 0)
        """Push messages by outcome since start."""

    @property
    def running(self) -> bool:
        """Whether :meth:`run` is following the bus."""
        return self._tasks is not None

    async def run(self) -> None:
        """Deliver each request on the bus until cancelled; pushes go out in the background."""

        def wanted(event: HubEvent) -> bool:
            return type(event) is NotificationRequested

        with self._hub.bus.subscribe(maxsize=1000, accept=wanted) as requests:
            async with task_scope() as tasks:
                self._tasks = tasks
                try:
                    async for item in requests:
                        if isinstance(item, Overflow):
                            _LOGGER.warning("%d notifications dropped: too many", item.dropped)
                        elif isinstance(item, NotificationRequested):
                            await self._handle(item, tasks)
                finally:
                    self._tasks = None

    async def _handle(self, request: NotificationRequested, tasks: asyncio.TaskGroup) -> None:
        try:
            _, targets, payload = await self._accept(request)
        except Exception:
            # One broken request (an audience lookup failing) must not end the centre.
            _LOGGER.exception("notification %r not delivered", request.title)
            return
        if targets:
            tasks.create_task(self._push_all(targets, payload, request))

    async def deliver(self, request: NotificationRequested) -> Delivery:
        """Store, publish and push one notification; returns once every push has an outcome."""
        delivery, targets, payload = await self._accept(request)
        pushed = await self._push_all(targets, payload, request) if targets else ()
        return Delivery(delivery.id, delivery.replaced, delivery.recipients, pushed)

    async def _accept(
        self, request: NotificationRequested
    ) -> tuple[Delivery, Sequence[PushTarget], bytes]:
        hub = self._hub
        recipients = tuple(sorted(set(request.recipients)))
        if not recipients:
            recipients = tuple(sorted(await self._audience.people(request.space_id)))
        if not recipients:
            _LOGGER.info("notification %r for %s: nobody to tell", request.title, request.space_id)
            return Delivery(None, (), ()), (), b""
        severity = request.severity if request.severity in SEVERITIES else "info"
        notice = NewNotice(
            request.space_id,
            _clip(request.title, _MAX_TITLE),
            _clip(request.message, _MAX_MESSAGE),
            severity,
            request.tag,
            request.time,
            recipients,
        )
        notice_id: int | None = None
        replaced: tuple[int, ...] = ()
        targets: Sequence[PushTarget] = ()
        if self._store is not None:
            try:
                notice_id, replaced = await self._store.store_notice(notice)
                if self.push is not None:
                    targets = await self._store.push_targets(recipients)
            except Exception:
                # The live message and the pushes matter more than the archive.
                _LOGGER.exception("could not store notification %r", notice.title)
        payload = {
            "id": notice_id,
            "space_id": notice.space_id,
            "title": notice.title,
            "message": notice.message,
            "severity": notice.severity,
            "tag": notice.tag,
            "time": notice.time,
            "replaces": list(replaced),
        }
        hub.bus.publish(
            UserMessage(
                hub.bus.next_seq(),
                hub.now(),
                notice.space_id,
                recipients,
                "notification",
                tuple(payload.items()),
                request.context.child(Origin.SYSTEM, "notifications"),
            )
        )
        pushed = _push_payload(payload, notice.message, notice.title)
        return Delivery(notice_id, replaced, recipients), targets, pushed

    async def _push_all(
        self, targets: Sequence[PushTarget], payload: bytes, request: NotificationRequested
    ) -> tuple[tuple[str, PushOutcome], ...]:
        results = await asyncio.gather(*(self._push(t, payload, request) for t in targets))
        return tuple(results)

    async def _push(
        self, target: PushTarget, payload: bytes, request: NotificationRequested
    ) -> tuple[str, PushOutcome]:
        push = self.push
        endpoint = target.subscription.endpoint
        if push is None:
            return endpoint, PushOutcome.FAILED
        severity = request.severity if request.severity in SEVERITIES else "info"
        async with self._limit:
            outcome = await push.send(
                target.subscription,
                payload,
                ttl=_TTL[severity],
                urgency=_URGENCY[severity],
                topic=_topic(request.tag),
            )
        if outcome is PushOutcome.GONE and self._store is not None:
            try:
                await self._store.drop_push_target(endpoint)
            except Exception:
                _LOGGER.exception("could not remove the gone push subscription")
        # Counted once handled, so whoever watches the count sees the removal done.
        self.outcomes[outcome] += 1
        return endpoint, outcome


def _topic(tag: str) -> str | None:
    # RFC 8030 §5.4: a topic is at most 32 characters of the base64url alphabet.
    cleaned = "".join(c for c in tag if c.isascii() and (c.isalnum() or c in "-_"))
    return cleaned[:32] or None
