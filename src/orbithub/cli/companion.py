"""Wiring of the phone companion: phones, geofences and presence, and the notification centre.

``start_companion`` is what ``orbithub serve`` and ``orbithub demo`` call once the hub and its
database are open. It connects the parts that may not know each other (the phone adapter and
the presence tracker know nothing of storage): the notification centre stores through
:class:`StoredNotices`, finds "everyone with access to a space" through :class:`SpaceAudience`
(the accounts and their grants; the owners of the space's devices while no account exists), and
the presence tracker gets the Wi-Fi networks kept in the database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from orbithub.adapters.phone import (
    BROWSER_PUSH_HOSTS,
    OFFLINE_AFTER_S,
    Companion,
    NewNotice,
    NotificationCentre,
    PhoneAdapter,
    PushError,
    PushSubscription,
    PushTarget,
    VapidKeys,
    WebPush,
)
from orbithub.core.hub import Hub
from orbithub.core.registry import SpaceKind
from orbithub.mobility.presence import Presence
from orbithub.mobility.zones import Zones, ZoneSettings
from orbithub.storage import EventKind, history
from orbithub.storage import companion as store
from orbithub.storage.db import Database
from orbithub.storage.users import Role, list_grants, list_users, uncounted_people

__all__ = [
    "CompanionServices",
    "SpaceAudience",
    "StoredNotices",
    "restore_presence",
    "start_companion",
]

_LOGGER = logging.getLogger(__name__)

NOTIFICATION_RETENTION_S = 30 * 86400
"""Notifications older than this are purged (checked as new ones arrive)."""
_PURGE_EVERY = 100


class StoredNotices:
    """The notification centre's store, in the hub's database."""

    def __init__(self, db: Database, *, retention_s: float = NOTIFICATION_RETENTION_S) -> None:
        self._db = db
        self._retention_s = retention_s
        self._stored = 0

    async def store_notice(self, notice: NewNotice) -> tuple[int, tuple[int, ...]]:
        """Store a notification for its recipients (a tag replaces the earlier one)."""
        result = await store.add_notification(
            self._db,
            space_id=notice.space_id,
            title=notice.title,
            message=notice.message,
            severity=notice.severity,
            tag=notice.tag,
            time=notice.time,
            recipients=notice.recipients,
        )
        self._stored += 1
        if self._stored % _PURGE_EVERY == 1:
            await store.purge_notifications(self._db, before=notice.time - self._retention_s)
        return result

    async def push_targets(self, usernames: Collection[str]) -> Sequence[PushTarget]:
        """Every push subscription of these people."""
        found = await store.subscriptions_of(self._db, usernames)
        return [
            PushTarget(s.username, PushSubscription(s.endpoint, s.p256dh, s.auth)) for s in found
        ]

    async def drop_push_target(self, endpoint: str) -> None:
        """Forget a subscription the push service says is gone."""
        await store.delete_subscription(self._db, endpoint)


class SpaceAudience:
    """The household of a space: owners, and users other than guests with an active grant.

    Guests do not get the home's notices (who came home, what happened in other rooms); a
    notification names them when it is for them. While the hub has no accounts yet, the
    owners of the space's devices (their phones).
    """

    def __init__(self, hub: Hub, db: Database) -> None:
        self._hub = hub
        self._db = db

    async def people(self, space_id: str) -> Collection[str]:
        """The user names of everyone who may see the space."""
        users = await list_users(self._db)
        if not users:
            return {d.owner for d in self._hub.registry.devices(space_id=space_id) if d.owner}
        now = self._hub.now()
        granted = {
            g.user_id
            for g in await list_grants(self._db)
            if g.space_id == space_id and g.active(now)
        }
        return {
            u.username
            for u in users
            if u.role is Role.OWNER or (u.id in granted and u.role is not Role.GUEST)
        }


_RESTORE_LIMIT = 5000
"""Activity-log rows read back at start; far more than the crossings of a household's day."""


async def restore_presence(db: Database, presence: Presence) -> None:
    """Seed geofence and presence decisions from the newest recorded ones.

    After a restart the people at home stay at home, and phones inside a fence stay inside,
    without announcing arrivals again; the hysteresis takes it from there.
    """
    recorded = await history.events(
        db, kinds=(EventKind.ZONE, EventKind.PRESENCE), limit=_RESTORE_LIMIT
    )
    seen: set[tuple[str, str, str]] = set()
    for record in recorded:  # newest first: the first of each key is its current state
        key = (str(record.kind), record.space_id, record.path or record.device_id)
        if key in seen:
            continue
        seen.add(key)
        if record.kind is EventKind.ZONE and record.payload.get("entered") is True:
            presence.zones.restore(record.device_id, record.space_id)
        elif record.kind is EventKind.PRESENCE and record.payload.get("present") is True:
            presence.restore(record.path, record.space_id, record.time)


@dataclass(frozen=True, slots=True)
class CompanionServices:
    """The running companion (the API serves both).

    Attributes:
        companion: phones and notifications.
        presence: geofences and presence.
    """

    companion: Companion
    presence: Presence

    async def aclose(self) -> None:
        """Close the push client (after the task group has ended)."""
        push = self.companion.centre.push
        if push is not None:
            await push.aclose()


async def start_companion(
    hub: Hub,
    db: Database,
    data_dir: Path | None,
    tasks: asyncio.TaskGroup,
    *,
    wifi: Mapping[str, Sequence[str]] | None = None,
    leave_after_s: float = 300.0,
    zone_settings: ZoneSettings | None = None,
    push_subject: str = "mailto:admin@orbithub.invalid",
    push_hosts: Collection[str] = (),
    phone_offline_after_s: float = OFFLINE_AFTER_S,
) -> CompanionServices:
    """Start zone and presence tracking and the notification centre in ``tasks``.

    Args:
        hub: the hub (running or about to run).
        db: its open database.
        data_dir: where the VAPID key is kept; None turns Web Push off.
        tasks: the task group that owns the loops.
        wifi: Wi-Fi networks per space to store when the space has none stored yet (the demo's
            home network); stored ones win.
        leave_after_s: seconds of absence before someone counts as gone.
        zone_settings: geofence margin and accuracy limit.
        push_subject: a contact for push services (``mailto:`` or ``https:``).
        push_hosts: push services to accept besides the browsers' own (a self-hosted
            UnifiedPush or ntfy server; a loopback host also allows plain http).
        phone_offline_after_s: a companion phone silent this long shows as offline until it
            reports again (presence keeps its last location and Wi-Fi).

    Returns:
        The services (the API serves both); call ``aclose`` after the task group ended.
    """
    stored = await store.wifi_networks(db)
    for space_id, ssids in (wifi or {}).items():
        if space_id not in stored and ssids:
            await store.set_wifi_networks(db, space_id, list(ssids))
            stored[space_id] = tuple(ssids)
    presence = Presence(hub, Zones(hub, zone_settings), leave_after_s=leave_after_s, wifi=stored)
    await restore_presence(db, presence)
    presence.set_uncounted(await uncounted_people(db))
    vapid: VapidKeys | None = None
    if data_dir is not None:
        try:
            vapid = await asyncio.to_thread(VapidKeys.load_or_create, data_dir, push_subject)
        except PushError as exc:
            _LOGGER.error("Web Push is off: %s", exc)
    centre = NotificationCentre(
        hub,
        store=StoredNotices(db),
        audience=SpaceAudience(hub, db),
        push=WebPush(vapid) if vapid is not None else None,
    )
    tasks.create_task(presence.run(), name="companion-presence")
    tasks.create_task(centre.run(), name="companion-notifications")
    places = [s.id for s in hub.registry.spaces() if s.kind is not SpaceKind.VEHICLE]
    _LOGGER.info(
        "companion running: presence at %s, Web Push %s",
        ", ".join(places) or "no place yet",
        "on" if vapid is not None else "off",
    )
    hosts = BROWSER_PUSH_HOSTS | {h.lower() for h in push_hosts}
    phones = PhoneAdapter(hub, clock=hub.clock, offline_after_s=phone_offline_after_s)
    tasks.create_task(phones.watch(), name="companion-phones")
    return CompanionServices(Companion(phones, centre, vapid, hosts), presence)
