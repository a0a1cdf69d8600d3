"""Runs waiting for a trigger (``wait`` steps): futures indexed by device, resolved by events."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from orbithub.automation import triggers as trig
from orbithub.automation.model import EventTrigger, OnlineTrigger, PropertyTrigger
from orbithub.automation.triggers import event as event_trigger
from orbithub.automation.triggers import online as online_trigger
from orbithub.automation.triggers import property as property_trigger
from orbithub.core.events import DeviceEvent, DeviceOnline, PropertyChanged
from orbithub.core.hub import Hub

__all__ = ["Waiters"]

WaitTrigger = PropertyTrigger | EventTrigger | OnlineTrigger


@dataclass(slots=True)
class _Waiter:
    triggers: tuple[WaitTrigger, ...]
    future: asyncio.Future[str]


class Waiters:
    """Pending ``wait`` steps. Loop only."""

    def __init__(self, hub: Hub) -> None:
        self._hub = hub
        self._by_device: dict[str, list[_Waiter]] = {}

    def add(self, triggers: Sequence[WaitTrigger]) -> asyncio.Future[str]:
        """A future resolved with the trigger's description when one of them fires."""
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        waiter = _Waiter(tuple(self._resolve(t) for t in triggers), future)
        devices = {t.device for t in waiter.triggers}
        for device in devices:
            self._by_device.setdefault(device, []).append(waiter)

        def drop(_: asyncio.Future[str]) -> None:
            for device in devices:
                waiters = self._by_device.get(device, [])
                with contextlib.suppress(ValueError):
                    waiters.remove(waiter)
                if not waiters:
                    self._by_device.pop(device, None)

        future.add_done_callback(drop)
        return future

    def _resolve(self, trigger: WaitTrigger) -> WaitTrigger:
        device = self._hub.registry.find_device(trigger.device)
        if device is not None and isinstance(trigger, PropertyTrigger):
            prop = device.spec.find_property(trigger.path)
            if prop is not None:
                return replace(trigger, path=prop.path)
        return trigger

    def offer(self, event: PropertyChanged | DeviceEvent | DeviceOnline) -> None:
        """Resolve the waiters one of whose triggers this event fires."""
        for waiter in list(self._by_device.get(event.device_id, ())):
            if waiter.future.done():
                continue
            for trigger in waiter.triggers:
                if _fires(trigger, event):
                    waiter.future.set_result(trig.describe(trigger))
                    break


def _fires(trigger: WaitTrigger, event: PropertyChanged | DeviceEvent | DeviceOnline) -> bool:
    if isinstance(trigger, PropertyTrigger) and isinstance(event, PropertyChanged):
        return trigger.path == event.path and property_trigger.match(trigger, event) is None
    if isinstance(trigger, EventTrigger) and isinstance(event, DeviceEvent):
        return trigger.event == event.path and event_trigger.match(trigger, event) is None
    if isinstance(trigger, OnlineTrigger) and isinstance(event, DeviceOnline):
        return online_trigger.match(trigger, event) is None
    return False
