"""Who is where: presence per person per space, from all that person's devices, with hysteresis.

A person is the ``owner`` of their devices. They count as at a space (a home or an office) when
any of their devices says so:

* its location lies inside the space's geofence (decided by :class:`~orbithub.mobility.zones.
  Zones`, which has its own distance hysteresis);
* it is connected to one of the Wi-Fi networks configured for the space;
* it reports ``presence.at-home`` true and belongs to that space, which is a home.

People the owner did not count (a guest's phone, by default) are never present: their
devices are ignored, and one who was present leaves at once.

Arrival is published at once; departure only after ``leave_after_s`` of consistent absence on the
hub clock, so a phone that drops off Wi-Fi for a minute or loses its fix in a lift does not make
its owner leave and come back. Each change is one :class:`PresenceChanged` on the bus with
everyone present afterwards. Nobody is present before any of their devices has said so, unless
the wiring restores who was present from the activity log (:meth:`Presence.restore`), so a
restart does not announce everyone's arrival again.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from orbithub.core.bus import Overflow, Subscription
from orbithub.core.context import Context, Origin
from orbithub.core.events import (
    HubEvent,
    PresenceChanged,
    PropertyChanged,
    RegistryChanged,
    RegistryKind,
)
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.core.tasks import task_scope
from orbithub.mobility.zones import LOCATION_PATHS, Zones

__all__ = ["AT_HOME", "SSID", "Presence", "Stay"]

_LOGGER = logging.getLogger(__name__)

SSID = "wifi.ssid"
AT_HOME = "presence.at-home"
_PATHS = LOCATION_PATHS | {SSID, AT_HOME}
_CONTEXT = Context(Origin.SYSTEM, "presence")
_QUEUE = 10_000


@dataclass(frozen=True, slots=True)
class Stay:
    """A person present at a space since a time (hub clock, epoch seconds)."""

    person: str
    since: float


@dataclass(slots=True)
class _Status:
    present: bool = False
    since: float = 0.0
    absent_since: float | None = None
    timer: asyncio.Task[None] | None = field(default=None, repr=False)


def _relevant(event: HubEvent) -> bool:
    if type(event) is PropertyChanged:
        return event.path in _PATHS
    return type(event) is RegistryChanged and event.kind is not RegistryKind.ROOM


class Presence:
    """Tracks every person at every home and office. Run :meth:`run` in a task group.

    Args:
        hub: the hub whose devices, state and bus are used.
        zones: the geofence decisions (a new :class:`Zones` with default settings when None).
        leave_after_s: seconds of consistent absence before a departure is published.
        wifi: Wi-Fi network names (SSIDs) per space id that mean "at this space".
    """

    def __init__(
        self,
        hub: Hub,
        zones: Zones | None = None,
        *,
        leave_after_s: float = 300.0,
        wifi: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        if not (math.isfinite(leave_after_s) and leave_after_s >= 0):
            raise ValueError(f"leave_after_s must be >= 0 seconds, got {leave_after_s!r}")
        self._hub = hub
        self.zones = zones or Zones(hub)
        self.leave_after_s = leave_after_s
        self._wifi: dict[str, frozenset[str]] = {}
        self._tasks: asyncio.TaskGroup | None = None
        self._events: Subscription | None = None
        for space_id, ssids in (wifi or {}).items():
            self.set_wifi(space_id, ssids)
        self._status: dict[tuple[str, str], _Status] = {}
        self._owner_of: dict[str, str] = {}
        """device id -> owner, so a removed device's owner is still known."""
        self._devices: dict[str, set[str]] = {}
        """owner -> their device ids."""
        self._uncounted: frozenset[str] = frozenset()

    # -- configuration ------------------------------------------------------------------------
    def set_wifi(self, space_id: str, ssids: Iterable[str]) -> None:
        """Set the Wi-Fi networks (SSIDs) that mean "at this space"; empty to use none."""
        self._wifi[space_id] = frozenset(s for s in ssids if s)
        if not self._wifi[space_id]:
            del self._wifi[space_id]
        if self._tasks is not None:
            self.refresh()

    def set_uncounted(self, people: Iterable[str]) -> None:
        """Set the people whose devices do not count toward presence (guests, by default)."""
        uncounted = frozenset(people)
        if uncounted == self._uncounted:
            return
        self._uncounted = uncounted
        if self._tasks is not None:
            self.refresh()
        else:
            for person, space_id in list(self._status):
                if person in uncounted:
                    del self._status[(person, space_id)]  # restored, not yet announced

    def counts(self, person: str) -> bool:
        """Whether a person's devices count toward presence."""
        return person not in self._uncounted

    def wifi(self, space_id: str) -> frozenset[str]:
        """The Wi-Fi networks configured for a space."""
        return self._wifi.get(space_id, frozenset())

    def restore(self, person: str, space_id: str, since: float) -> None:
        """Start with a person present (from the activity log after a restart), silently.

        Call before :meth:`run`. Without fresh evidence they leave ``leave_after_s`` after the
        run starts, like anyone whose devices went quiet.
        """
        self._status[(person, space_id)] = _Status(present=True, since=since)

    # -- queries ------------------------------------------------------------------------------
    def present(self, space_id: str) -> list[Stay]:
        """Who is at a space and since when, by person."""
        return sorted(
            (
                Stay(person, status.since)
                for (person, space), status in self._status.items()
                if space == space_id and status.present
            ),
            key=lambda stay: stay.person,
        )

    def people_present(self, space_id: str) -> tuple[str, ...]:
        """The people at a space, sorted."""
        return tuple(stay.person for stay in self.present(space_id))

    def is_present(self, person: str, space_id: str) -> bool:
        """Whether a person is at a space (a pending departure still counts as present)."""
        status = self._status.get((person, space_id))
        return status is not None and status.present

    def evidence(self, person: str, space_id: str) -> list[str]:
        """Why a person counts as at a space right now: ``"<device>: <reason>"`` lines."""
        hub = self._hub
        space = hub.registry.space(space_id)
        reasons: list[str] = []
        for device in self._devices_of(person):
            if self.zones.inside(device.id, space_id):
                reasons.append(f"{device.id}: inside the {space.radius_m:g} m geofence")
            ssid = hub.state.value(device.id, SSID)
            if isinstance(ssid, str) and ssid in self.wifi(space_id):
                reasons.append(f"{device.id}: on Wi-Fi {ssid!r}")
            if (
                space.kind is SpaceKind.HOME
                and device.space_id == space_id
                and hub.state.value(device.id, AT_HOME) is True
            ):
                reasons.append(f"{device.id}: reports being at home")
        return reasons

    # -- running ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Whether :meth:`run` is following the bus."""
        return self._tasks is not None

    @property
    def pending(self) -> int:
        """Bus events received but not handled yet (0 when idle or not running)."""
        return self._events.pending() if self._events is not None else 0

    async def run(self) -> None:
        """Follow the bus until cancelled.

        Decides again on every location, Wi-Fi or registry change; departures wait on the hub
        clock. Events that queued up meanwhile are handled as one batch, so a device reporting
        latitude, longitude and accuracy together is decided once.
        """
        with self._hub.bus.subscribe(maxsize=_QUEUE, accept=_relevant) as events:
            async with task_scope() as tasks:
                self._tasks, self._events = tasks, events
                try:
                    self.refresh()
                    while True:
                        try:
                            batch = [await events.get()]
                            while events.pending():
                                batch.append(await events.get())
                        except StopAsyncIteration:
                            return
                        self._apply(batch)
                finally:
                    self._tasks = self._events = None

    def _apply(self, batch: list[HubEvent | Overflow]) -> None:
        moved: dict[str, bool] = {}
        """device id -> whether its location changed."""
        for item in batch:
            if isinstance(item, Overflow):
                _LOGGER.warning("presence fell %d events behind; resyncing", item.dropped)
                self.refresh()
                return
            if type(item) is PropertyChanged:
                moved[item.device_id] = moved.get(item.device_id, False) or (
                    item.path in LOCATION_PATHS
                )
            elif type(item) is RegistryChanged:
                if item.kind is not RegistryKind.DEVICE:
                    self.refresh()  # a place added, moved or removed: rare, decide everything
                    return
                moved[item.record_id] = True
        people: set[str] = set()
        for device_id, located in moved.items():
            people |= self._index(device_id)
            if located:
                self.zones.update(device_id)
        for person in sorted(people):
            self._decide_person(person)

    def refresh(self) -> None:
        """Decide again for every device, person and space (start-up, resync, config change)."""
        hub = self._hub
        for device_id in list(self._owner_of):
            if hub.registry.find_device(device_id) is None:
                self.zones.forget(device_id)
        people = set(self._devices) | {person for person, _ in self._status}
        self._owner_of.clear()
        self._devices.clear()
        for device in hub.registry:
            if device.owner:
                people |= self._index(device.id)
            self.zones.update(device.id)
        for person in sorted(people):
            self._decide_person(person)

    def _index(self, device_id: str) -> set[str]:
        """Record whose the device is now; returns its owners before and after."""
        device = self._hub.registry.find_device(device_id)
        owner = device.owner if device is not None else None
        before = self._owner_of.get(device_id)
        if before is not None and before != owner:
            devices = self._devices.get(before, set())
            devices.discard(device_id)
            if not devices:
                self._devices.pop(before, None)
        if owner:
            self._owner_of[device_id] = owner
            self._devices.setdefault(owner, set()).add(device_id)
        else:
            self._owner_of.pop(device_id, None)
        return {p for p in (before, owner) if p}

    def _devices_of(self, person: str) -> list[Device]:
        registry = self._hub.registry
        found = (registry.find_device(d) for d in sorted(self._devices.get(person, ())))
        return [d for d in found if d is not None]

    def _decide_person(self, person: str) -> None:
        if person in self._uncounted:
            for space in self._spaces():
                self._decide(person, space, False, at_once=True)
            return
        devices = self._devices_of(person)
        for space in self._spaces():
            self._decide(person, space, self._here(devices, space))

    def _here(self, devices: list[Device], space: Space) -> bool:
        state = self._hub.state
        ssids = self._wifi.get(space.id)
        for device in devices:
            if self.zones.inside(device.id, space.id):
                return True
            if ssids and state.value(device.id, SSID) in ssids:
                return True
            if (
                space.kind is SpaceKind.HOME
                and device.space_id == space.id
                and state.value(device.id, AT_HOME) is True
            ):
                return True
        return False

    def _spaces(self) -> list[Space]:
        return [s for s in self._hub.registry.spaces() if s.kind is not SpaceKind.VEHICLE]

    def _decide(self, person: str, space: Space, here: bool, *, at_once: bool = False) -> None:
        key = (person, space.id)
        status = self._status.get(key)
        now = self._hub.now()
        if here:
            if status is None:
                status = self._status[key] = _Status()
            status.absent_since = None
            _cancel(status)
            if not status.present:
                status.present, status.since = True, now
                self._publish(person, space.id, True)
            return
        if at_once and status is not None and status.present:
            _cancel(status)
            status.absent_since = now
            self._leave(person, space.id, now)
            return
        if status is None or not status.present or status.absent_since is not None:
            return
        status.absent_since = now
        if self.leave_after_s == 0 or self._tasks is None:
            self._leave(person, space.id, now)
            return
        status.timer = self._tasks.create_task(self._wait_and_leave(person, space.id, now))

    async def _wait_and_leave(self, person: str, space_id: str, since: float) -> None:
        # The deadline counts from when the absence began, not from when this task first runs.
        clock = self._hub.clock
        await clock.sleep(since + self.leave_after_s - clock.now())
        status = self._status.get((person, space_id))
        if status is not None:
            status.timer = None
        self._leave(person, space_id, since)

    def _leave(self, person: str, space_id: str, since: float) -> None:
        status = self._status.get((person, space_id))
        if status is None or not status.present or status.absent_since != since:
            return  # they came back meanwhile
        if space_id not in {s.id for s in self._spaces()}:
            del self._status[(person, space_id)]  # the space is gone: nobody leaves it
            return
        status.present, status.absent_since = False, None
        self._publish(person, space_id, False)

    def _publish(self, person: str, space_id: str, present: bool) -> None:
        hub = self._hub
        hub.bus.publish(
            PresenceChanged(
                hub.bus.next_seq(),
                hub.now(),
                space_id,
                person,
                present,
                self.people_present(space_id),
                _CONTEXT,
            )
        )


def _cancel(status: _Status) -> None:
    timer, status.timer = status.timer, None
    if timer is not None and not timer.done():
        timer.cancel()
