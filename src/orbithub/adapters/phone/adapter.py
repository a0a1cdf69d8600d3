"""The phone companion as an adapter: phones become devices of their owners and report through it.

A phone registers once, as a logged-in user: it becomes a device of type ``phone`` whose
``owner`` is that user, in one of the spaces they can see. Afterwards it reports location,
battery and Wi-Fi through :meth:`PhoneAdapter.report`, which checks the whole report first and
applies it in one ``report_many`` (so a report with one bad value changes nothing). Phones take
no commands: the phone device type has nothing writable.

A phone that has not reported for ``offline_after_s`` of hub time (its battery died, the app
was closed, it lost signal) is marked offline through the hub, and online again on its next
report. Being offline changes none of its values: presence keeps deciding from the last
location and Wi-Fi it reported, so a phone going quiet does not make its owner leave.
"""

from __future__ import annotations

import asyncio
import math
import re
import secrets

from orbithub.adapters.phone.errors import CompanionError
from orbithub.adapters.phone.report import PhoneReport, report_values
from orbithub.core.adapter import AdapterHost, Command, CommandResult
from orbithub.core.clock import Clock, SystemClock
from orbithub.core.context import Context, Origin
from orbithub.core.registry import Device
from orbithub.spec.library import device_type

__all__ = ["ADAPTER_NAME", "OFFLINE_AFTER_S", "PhoneAdapter"]

ADAPTER_NAME = "phone"
OFFLINE_AFTER_S = 30 * 60.0
"""A phone silent this long is offline: the app reports every few minutes while it runs."""
_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_NAME = 100


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")[:32] or "user"


class PhoneAdapter:
    """The hub side of the companion app. Loop only.

    It works before the hub starts its adapters: registering and reporting need only the host,
    given here or by :meth:`start`.

    Args:
        host: the hub (or anything offering the adapter host methods).
        clock: the hub's clock, which :meth:`watch` sleeps on (wall-clock time when None).
        offline_after_s: seconds of hub time without a report before a phone is offline.

    Raises:
        ValueError: ``offline_after_s`` is not a positive number of seconds.
    """

    name = ADAPTER_NAME

    def __init__(
        self,
        host: AdapterHost,
        *,
        clock: Clock | None = None,
        offline_after_s: float = OFFLINE_AFTER_S,
    ) -> None:
        if not (math.isfinite(offline_after_s) and offline_after_s > 0):
            raise ValueError(f"offline_after_s must be > 0 seconds, got {offline_after_s!r}")
        self._host = host
        self._clock: Clock = clock or SystemClock()
        self.offline_after_s = offline_after_s
        self._seen: dict[str, float] = {}
        """phone id -> hub time of its last report (or registration, or the watch's start)."""
        self._online: dict[str, bool] = {}
        """phone id -> the availability last given to the hub."""
        self._watching = False

    # -- the Adapter protocol -------------------------------------------------------------------
    async def start(self, host: AdapterHost, tasks: asyncio.TaskGroup) -> None:
        """Nothing to connect (phones come to the hub over HTTP); start :meth:`watch`."""
        self._host = host
        if not self._watching:
            tasks.create_task(self.watch(), name="phone-watch")

    async def stop(self) -> None:
        """Nothing to close."""

    async def send(self, command: Command) -> CommandResult:
        """Phones take no commands.

        Raises:
            CompanionError: always; the phone device type has nothing writable or callable.
        """
        raise CompanionError(
            f"{command.device.id} is a phone, which takes no commands; send the person a "
            "notification instead"
        )

    # -- phones ---------------------------------------------------------------------------------
    def register(
        self, owner: str, space_id: str, *, name: str | None = None, device_id: str | None = None
    ) -> Device:
        """Add a phone of ``owner`` to ``space_id`` (or update the phone ``device_id``).

        Args:
            owner: the user name of the person carrying it.
            space_id: the space it belongs to (its home: ``presence.at-home`` refers to it).
            name: the display name (default: "<owner>'s phone").
            device_id: re-register this phone instead of adding a new one; it must be a phone
                of the same owner.

        Returns:
            The device record, as added to the hub.

        Raises:
            UnknownSpaceError: no such space.
            CompanionError: ``device_id`` is not a phone of ``owner``.
        """
        registry = self._host.registry
        registry.space(space_id)
        label = (name or f"{owner}'s phone").strip()[:_MAX_NAME] or f"{owner}'s phone"
        existing = registry.find_device(device_id) if device_id is not None else None
        if device_id is not None:
            if existing is None or existing.adapter != self.name or existing.owner != owner:
                raise CompanionError(
                    f"{device_id!r} is not a phone of {owner!r}; register without a device id "
                    "to add a new phone"
                )
        else:
            device_id = f"phone-{_slug(owner)}-{secrets.token_hex(3)}"
            while registry.find_device(device_id) is not None:
                device_id = f"phone-{_slug(owner)}-{secrets.token_hex(3)}"
        record = Device(
            device_id,
            label,
            device_type("phone"),
            space_id,
            self.name,
            model="phone",
            owner=owner,
            room_id=None,
            aliases=existing.aliases if existing is not None else (),
        )
        context = Context(Origin.USER, owner)
        self._host.add_device(record, replace=existing is not None, context=context)
        # Registering is contact too: the offline countdown starts now, not at the watch's start.
        self._seen[device_id] = self._host.now()
        return record

    def report(self, device_id: str, report: PhoneReport, *, timestamp: float | None = None) -> int:
        """Apply a phone's report; returns how many values the hub accepted.

        Raises:
            ReportRejected: a value is out of range or of the wrong kind (nothing applied).
            CompanionError: ``device_id`` is not a phone of this adapter.
        """
        device = self._host.registry.find_device(device_id)
        if device is None or device.adapter != self.name:
            raise CompanionError(f"{device_id!r} is not a registered phone; register it again")
        values = report_values(report)
        # Any valid report, even an empty one, shows the phone is there.
        self._seen[device_id] = self._host.now()
        accepted = self._host.report_many(device_id, values, timestamp=timestamp) if values else 0
        self._set_online(device_id, True)
        return accepted

    def remove(self, device_id: str, *, actor: str | None = None) -> Device:
        """Remove a phone from the hub (its stored token should be revoked with it).

        Raises:
            CompanionError: ``device_id`` is not a phone of this adapter.
        """
        device = self._host.registry.find_device(device_id)
        if device is None or device.adapter != self.name:
            raise CompanionError(f"{device_id!r} is not a registered phone")
        removed = self._host.remove_device(device_id, context=Context(Origin.USER, actor))
        self._seen.pop(device_id, None)
        self._online.pop(device_id, None)
        return removed

    # -- availability ---------------------------------------------------------------------------
    def last_seen(self, device_id: str) -> float | None:
        """Hub time of the phone's last report or registration (None: none since start)."""
        return self._seen.get(device_id)

    def _set_online(self, device_id: str, online: bool) -> None:
        self._online[device_id] = online
        self._host.set_online(device_id, online)

    def check(self) -> float:
        """Mark offline every phone silent for ``offline_after_s``; returns the next deadline.

        A phone the adapter has not heard from since it started (a restart) counts from now,
        so it gets the full grace period to report again.
        """
        now = self._host.now()
        phones = {d.id for d in self._host.registry if d.adapter == self.name}
        for gone in set(self._seen) - phones:
            del self._seen[gone]
            self._online.pop(gone, None)
        deadline = now + self.offline_after_s
        for device_id in sorted(phones):
            due = self._seen.setdefault(device_id, now) + self.offline_after_s
            if self._online.get(device_id) is False:
                continue
            if due <= now:
                self._set_online(device_id, False)
            else:
                deadline = min(deadline, due)
        return deadline

    async def watch(self) -> None:
        """Mark silent phones offline until cancelled; run it in the hub's task group.

        Raises:
            CompanionError: this adapter is already watching.
        """
        if self._watching:
            raise CompanionError("this phone adapter is already watching its phones")
        self._watching = True
        try:
            while True:
                deadline = self.check()
                # A report only moves a deadline later, and a new phone's deadline is at least
                # a full period away, so waking at the earliest known deadline is never late.
                await self._clock.sleep(deadline - self._host.now())
        finally:
            self._watching = False
