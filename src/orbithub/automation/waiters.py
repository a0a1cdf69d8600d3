"""Runs waiting in ``wait`` steps: futures keyed by device or space, resolved by events."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from orbithub.automation import triggers as trig
from orbithub.automation.model import (
    EventTrigger,
    OnlineTrigger,
    PresenceTrigger,
    PropertyTrigger,
    WaitTrigger,
    ZoneTrigger,
)
from orbithub.automation.triggers import event as event_trigger
from orbithub.automation.triggers import online as online_trigger
from orbithub.automation.triggers import presence as presence_trigger
from orbithub.automation.triggers import property as property_trigger
from orbithub.automation.triggers import zone as zone_trigger
from orbithub.core.events import (
    DeviceEvent,
    DeviceOnline,
    PresenceChanged,
    PropertyChanged,
    ZoneChanged,
)
from orbithub.core.hub import Hub

__all__ = ["WaitEvent", "Waiters"]

WaitEvent = PropertyChanged | DeviceEvent | DeviceOnline | ZoneChanged | PresenceChanged


@dataclass(slots=True)
class _Waiter:
    triggers: tuple[WaitTrigger, ...]
    future: asyncio.Future[str]


def _key(trigger: WaitTrigger) -> str:
    # Geofence and presence waits are keyed by space: those events name the space first.
    if isinstance(trigger, ZoneTrigger):
        return f"zone:{trigger.space}"
    if isinstance(trigger, PresenceTrigger):
        return f"presence:{trigger.space}"
    return trigger.device


def _event_key(event: WaitEvent) -> str:
    if isinstance(event, ZoneChanged):
        return f"zone:{event.space_id}"
    if isinstance(event, PresenceChanged):
        return f"presence:{event.space_id}"
    return event.device_id


class Waiters:
    """Pending ``wait`` steps. Loop only."""

    def __init__(self, hub: Hub) -> None:
        self._hub = hub
        self._by_key: dict[str, list[_Waiter]] = {}

    def add(self, triggers: Sequence[WaitTrigger]) -> asyncio.Future[str]:
        """A future resolved with the trigger's description when one of them fires."""
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        waiter = _Waiter(tuple(self._resolve(t) for t in triggers), future)
        keys = {_key(t) for t in waiter.triggers}
        for key in keys:
            self._by_key.setdefault(key, []).append(waiter)

        def drop(_: asyncio.Future[str]) -> None:
            for key in keys:
                waiters = self._by_key.get(key, [])
                with contextlib.suppress(ValueError):
                    waiters.remove(waiter)
                if not waiters:
                    self._by_key.pop(key, None)

        future.add_done_callback(drop)
        return future

    def _resolve(self, trigger: WaitTrigger) -> WaitTrigger:
        if not isinstance(trigger, PropertyTrigger):
            return trigger
        device = self._hub.registry.find_device(trigger.device)
        if device is not None:
            prop = device.spec.find_property(trigger.path)
            if prop is not None:
                return replace(trigger, path=prop.path)
        return trigger

    def offer(self, event: WaitEvent) -> None:
        """Resolve the waiters one of whose triggers this event fires."""
        waiting = self._by_key.get(_event_key(event))
        if not waiting:
            return
        for waiter in list(waiting):
            if waiter.future.done():
                continue
            for trigger in waiter.triggers:
                if self._fires(trigger, event):
                    waiter.future.set_result(trig.describe(trigger))
                    break

    def _fires(self, trigger: WaitTrigger, event: WaitEvent) -> bool:
        if isinstance(trigger, PropertyTrigger) and isinstance(event, PropertyChanged):
            return trigger.path == event.path and property_trigger.match(trigger, event) is None
        if isinstance(trigger, EventTrigger) and isinstance(event, DeviceEvent):
            return trigger.event == event.path and event_trigger.match(trigger, event) is None
        if isinstance(trigger, OnlineTrigger) and isinstance(event, DeviceOnline):
            return online_trigger.match(trigger, event) is None
        if isinstance(trigger, ZoneTrigger) and isinstance(event, ZoneChanged):
            device = self._hub.registry.find_device(event.device_id)
            owner = device.owner if device is not None else None
            return zone_trigger.match(trigger, event, owner) is None
        if isinstance(trigger, PresenceTrigger) and isinstance(event, PresenceChanged):
            return presence_trigger.match(trigger, event) is None
        return False
