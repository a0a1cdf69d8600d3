"""Tell the owners when a guest or a child unlocks a lock or opens a way into the home.

Every command leaves a :class:`CommandSent` on the bus with who asked. When the asker is a
guest or a child and the command unlocks a lock or opens a garage door, gate, door or window,
each owner who keeps the setting on (``security_notices``, on by default) gets a notification
in their language (the sentences are the hub's texts, :mod:`orbithub.language`) through the
notification centre. Commands from automations, the system or
adults are not announced: the owner set those up or trusts those people.
"""

from __future__ import annotations

import logging

from orbithub.core.bus import Overflow
from orbithub.core.context import Context, Origin
from orbithub.core.events import CommandKind, CommandSent, HubEvent, NotificationRequested
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.language import match_language, text
from orbithub.storage.db import Database
from orbithub.storage.users import Role, User, get_user_by_username, list_users

__all__ = ["OPENERS", "SecurityNotices", "opening"]

_LOGGER = logging.getLogger(__name__)
_CONTEXT = Context(Origin.SYSTEM, "security-notices")
_QUEUE = 1000

OPENERS = ("garage-door", "window-opener", "gate", "door")
"""Services that open a way in (the HA cover classes garage, gate, door and window)."""
_OPEN = 1  # motor-control: 0 pause, 1 open, 2 close


def _service_is(name: str, base: str) -> bool:
    return name == base or name.startswith(base + "-")


def opening(device: Device, event: CommandSent) -> str | None:
    """``"unlock"`` or ``"open"`` when the command lets people in, else None."""
    service, _, member = event.path.partition(".")
    values = dict(event.arguments)
    if _service_is(service, "lock"):
        if event.kind is CommandKind.SET and member == "locked" and values.get("locked") is False:
            return "unlock"
        if event.kind is CommandKind.CALL and member in ("unlock", "open"):
            return "unlock"
        return None
    if not any(_service_is(service, base) for base in OPENERS):
        return None
    if event.kind is CommandKind.CALL:
        return "open" if member == "open" else None
    value = values.get(member)
    if member == "motor-control" and value == _OPEN:
        return "open"
    if member == "target-position" and isinstance(value, int | float) and value > 0:
        return "open"
    return None


def _accepts(event: HubEvent) -> bool:
    return type(event) is CommandSent and event.context.origin in (Origin.USER, Origin.ASSISTANT)


class SecurityNotices:
    """Follows the bus and asks for the notifications. Run :meth:`run` in a task group.

    Args:
        hub: the hub whose commands are watched and whose bus carries the requests.
        db: the accounts (who is a guest or a child, which owners want to be told).
    """

    def __init__(self, hub: Hub, db: Database) -> None:
        self._hub = hub
        self._db = db

    async def run(self) -> None:
        """Watch commands until cancelled."""
        with self._hub.bus.subscribe(maxsize=_QUEUE, accept=_accepts) as events:
            async for item in events:
                if isinstance(item, Overflow):
                    _LOGGER.warning("security notices fell %d commands behind", item.dropped)
                    continue
                if isinstance(item, CommandSent):
                    await self.handle(item)

    async def handle(self, event: CommandSent) -> None:
        """Ask for a notification when ``event`` is a guest or a child letting people in."""
        device = self._hub.registry.find_device(event.device_id)
        actor = event.context.actor
        if device is None or actor is None:
            return
        what = opening(device, event)
        if what is None:
            return
        who = await get_user_by_username(self._db, actor)
        if who is None or who.role not in (Role.GUEST, Role.CHILD):
            return
        owners = [
            u for u in await list_users(self._db) if u.role is Role.OWNER and u.security_notices
        ]
        by_language: dict[str, list[str]] = {}
        for owner in owners:
            lang = match_language(owner.language) or "en"
            by_language.setdefault(lang, []).append(owner.username)
        for lang, recipients in sorted(by_language.items()):
            self._publish(event, device, who, what, lang, tuple(recipients))

    def _publish(
        self,
        event: CommandSent,
        device: Device,
        who: User,
        what: str,
        lang: str,
        recipients: tuple[str, ...],
    ) -> None:
        name = who.display_name or who.username
        role = text(lang, f"role.{who.role}")
        title = text(
            lang,
            "notice.unlocked" if what == "unlock" else "notice.opened",
            who=name,
            device=device.name,
        )
        bus = self._hub.bus
        bus.publish(
            NotificationRequested(
                bus.next_seq(),
                self._hub.now(),
                device.space_id,
                recipients,
                title,
                text(lang, "notice.who_is", who=name, role=role),
                "warning",
                f"security:{device.id}:{event.seq}:{lang}",  # each opening kept, not replaced
                _CONTEXT,
            )
        )
