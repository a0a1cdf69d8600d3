"""The hub: owns the registry, the current state, the bus and the adapters' lifecycle.

One way in: adapters report values through :meth:`Hub.report`, which checks them against the
device's spec, updates the state and publishes one event per change. One way out: every command
goes through :meth:`Hub.set` / :meth:`Hub.call`, is checked against the same spec and leaves
through the adapter that owns the device.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Self

from orbithub.core.adapter import Adapter, CallAction, CommandResult, SetProperty
from orbithub.core.bus import Bus
from orbithub.core.clock import Clock, SystemClock
from orbithub.core.commands import build_call_arguments
from orbithub.core.context import DEVICE_CONTEXT, Context, Origin
from orbithub.core.echoes import ECHO_WINDOW, RecentCommands
from orbithub.core.errors import AdapterUnavailableError, CoreError
from orbithub.core.events import (
    CommandKind,
    CommandSent,
    DeviceEvent,
    DeviceOnline,
    PropertyChanged,
    RegistryChanged,
    RegistryKind,
)
from orbithub.core.registry import Device, Registry, Room, Space, SpaceKind
from orbithub.core.state import PropertyState, State
from orbithub.core.stats import RejectLog
from orbithub.core.tasks import task_scope
from orbithub.spec.errors import SpecError, ValueRejected
from orbithub.spec.formats import check_report, check_value, check_write
from orbithub.spec.model import Value

__all__ = ["Hub"]

_LOGGER = logging.getLogger(__name__)

_LATITUDE = "location.latitude"
_LONGITUDE = "location.longitude"


class Hub:
    """A running hub for one home or many.

    Use it as an async context manager: entering starts every adapter, leaving stops them.
    Records may be added before or after start.

    Args:
        clock: the time source for every timestamp (default: wall clock).
        registry: an already filled registry (from storage), or a new empty one.
        command_timeout: seconds an adapter may take to deliver a command.
        echo_window: seconds after a command during which a device's matching report is
            published as that command's effect (with its chain of automation runs).
    """

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        registry: Registry | None = None,
        command_timeout: float = 10.0,
        echo_window: float = ECHO_WINDOW,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        # A registry with spaces but no devices is falsy (its length counts devices).
        self.registry = registry if registry is not None else Registry()
        self.state = State()
        self.bus = Bus()
        self.rejected = RejectLog(_LOGGER)
        self.command_timeout = command_timeout
        self.echoes = RecentCommands(echo_window)
        self._adapters: dict[str, Adapter] = {}
        self._started: list[Adapter] = []
        self._tasks: asyncio.TaskGroup | None = None
        self._scope: contextlib.AsyncExitStack | None = None
        self._trackers: dict[str, str] = {}
        for space in self.registry.spaces():
            self._index_tracker(space)

    # -- lifecycle ----------------------------------------------------------------------------
    def add_adapter(self, adapter: Adapter) -> None:
        """Register an adapter; it is started when the hub starts (or at once if running)."""
        if adapter.name in self._adapters:
            raise CoreError(f"an adapter named {adapter.name!r} is already registered")
        self._adapters[adapter.name] = adapter

    def adapter(self, name: str) -> Adapter | None:
        """The registered adapter called ``name``, or None."""
        return self._adapters.get(name)

    @property
    def running(self) -> bool:
        """Whether the hub has started and not yet stopped."""
        return self._tasks is not None

    async def __aenter__(self) -> Self:
        scope = contextlib.AsyncExitStack()
        self._tasks = await scope.enter_async_context(task_scope())
        self._scope = scope
        try:
            for adapter in self._adapters.values():
                _LOGGER.info("starting adapter %s", adapter.name)
                await adapter.start(self, self._tasks)
                self._started.append(adapter)
        except BaseException as exc:
            await self._shutdown(type(exc), exc, exc.__traceback__)
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._shutdown(exc_type, exc, tb)

    async def _shutdown(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        scope, self._scope, self._tasks = self._scope, None, None
        if scope is None:
            return
        for adapter in reversed(self._started):
            try:
                await adapter.stop()
            except Exception:
                _LOGGER.exception("adapter %s failed to stop cleanly", adapter.name)
        self._started.clear()
        await scope.__aexit__(exc_type, exc, tb)

    # -- time ---------------------------------------------------------------------------------
    def now(self) -> float:
        """The hub clock's time, epoch seconds."""
        return self.clock.now()

    # -- registry changes ---------------------------------------------------------------------
    def add_space(
        self, space: Space, *, replace: bool = False, context: Context | None = None
    ) -> None:
        """Add (or replace) a space and announce it."""
        self.registry.add_space(space, replace=replace)
        self._index_tracker(space)
        self._registry_changed(space.id, RegistryKind.SPACE, space.id, False, context)

    def add_room(
        self, room: Room, *, replace: bool = False, context: Context | None = None
    ) -> None:
        """Add (or replace) a room and announce it."""
        self.registry.add_room(room, replace=replace)
        self._registry_changed(room.space_id, RegistryKind.ROOM, room.id, False, context)

    def add_device(
        self, device: Device, *, replace: bool = False, context: Context | None = None
    ) -> None:
        """Add (or replace) a device and announce it."""
        self.registry.add_device(device, replace=replace)
        self._registry_changed(device.space_id, RegistryKind.DEVICE, device.id, False, context)

    def remove_device(self, device_id: str, *, context: Context | None = None) -> Device:
        """Remove a device and its current state (history stays in storage)."""
        device = self.registry.remove_device(device_id)
        self.state._forget(device_id)
        self._registry_changed(device.space_id, RegistryKind.DEVICE, device.id, True, context)
        return device

    def _index_tracker(self, space: Space) -> None:
        if space.kind is SpaceKind.VEHICLE and space.tracker_device_id:
            self._trackers[space.tracker_device_id] = space.id

    def _registry_changed(
        self, space_id: str, kind: RegistryKind, record_id: str, removed: bool, ctx: Context | None
    ) -> None:
        self.bus.publish(
            RegistryChanged(
                self.bus.next_seq(),
                self.clock.now(),
                space_id,
                kind,
                record_id,
                removed,
                ctx or Context(Origin.SYSTEM),
            )
        )

    # -- reports from adapters (the hot path) -------------------------------------------------
    def report(
        self, device_id: str, address: str, value: object, *, timestamp: float | None = None
    ) -> bool:
        """A device reported one property. Loop only; never raises on bad input.

        Returns:
            True when the value was accepted (changed or confirmed), False when refused.
        """
        device = self.registry.find_device(device_id)
        if device is None:
            self.rejected.note(device_id, address, f"unknown device {device_id!r}")
            return False
        return self._report(device, address, value, timestamp)

    def report_many(
        self, device_id: str, values: Mapping[str, object], *, timestamp: float | None = None
    ) -> int:
        """A device reported several properties at once; returns how many were accepted."""
        device = self.registry.find_device(device_id)
        if device is None:
            self.rejected.note(device_id, "*", f"unknown device {device_id!r}")
            return 0
        accepted = 0
        for address, value in values.items():
            if self._report(device, address, value, timestamp):
                accepted += 1
        return accepted

    def _report(self, device: Device, address: str, value: object, timestamp: float | None) -> bool:
        prop = device.spec.find_property(address)
        if prop is None:
            self.rejected.note(device.id, address, f"{device.spec.name} has no such property")
            return False
        try:
            checked = check_report(prop, value)
        except ValueRejected as exc:
            self.rejected.note(device.id, address, str(exc))
            return False
        now = self.clock.now()
        props = self.state._props(device.id)
        current = props.get(prop.path)
        if current is None:
            props[prop.path] = PropertyState(checked, now, now, timestamp)
            old: Value | None = None
        else:
            if (
                timestamp is not None
                and current.device_time is not None
                and timestamp < current.device_time
            ):
                # At-least-once delivery and replays bring old readings back; the device's
                # own clock orders them, so a reading older than the applied one is dropped.
                return True
            current.last_reported = now
            if timestamp is not None:
                current.device_time = timestamp
            old = current.value
            if old == checked and type(old) is type(checked):
                if self.echoes:
                    self.echoes.cause(device.id, prop.path, checked, now)  # a confirmation
                return True
            current.value = checked
            current.last_changed = now
        cause = self.echoes.cause(device.id, prop.path, checked, now) if self.echoes else None
        self.bus.publish(
            PropertyChanged(
                self.bus.next_seq(),
                now,
                device.space_id,
                device.id,
                prop.path,
                checked,
                old,
                cause or DEVICE_CONTEXT,
            )
        )
        if device.id in self._trackers and prop.path in (_LATITUDE, _LONGITUDE):
            self._move_vehicle(device.id)
        return True

    def _move_vehicle(self, device_id: str) -> None:
        lat = self.state.value(device_id, _LATITUDE)
        lon = self.state.value(device_id, _LONGITUDE)
        if isinstance(lat, float | int) and isinstance(lon, float | int):
            self.registry.move_space(self._trackers[device_id], float(lat), float(lon))

    def report_event(self, device_id: str, address: str, arguments: Mapping[str, object]) -> bool:
        """A device reported an event of its spec. Loop only; never raises on bad input."""
        device = self.registry.find_device(device_id)
        if device is None:
            self.rejected.note(device_id, address, f"unknown device {device_id!r}")
            return False
        try:
            event = device.spec.event(address)
            service = device.spec.service(event.siid)
            checked: list[tuple[str, Value]] = []
            for key, raw in arguments.items():
                prop = device.spec.find_property(key) or device.spec.find_property(
                    f"{event.siid}.{key}"
                )
                if prop is None and service is not None:
                    prop = next((p for p in service.properties if p.name == key), None)
                if prop is None or prop.iid not in event.arguments or prop.siid != event.siid:
                    raise ValueRejected(event.path, raw, f"{key!r} is not an argument of it")
                checked.append((prop.name, check_value(prop, raw)))
        except SpecError as exc:
            self.rejected.note(device.id, address, str(exc))
            return False
        self.bus.publish(
            DeviceEvent(
                self.bus.next_seq(),
                self.clock.now(),
                device.space_id,
                device.id,
                event.path,
                tuple(checked),
                DEVICE_CONTEXT,
            )
        )
        return True

    def set_online(self, device_id: str, online: bool) -> None:
        """A device's availability changed. Loop only."""
        device = self.registry.find_device(device_id)
        if device is None:
            self.rejected.note(device_id, "availability", f"unknown device {device_id!r}")
            return
        if self.state._set_online(device_id, online):
            self.bus.publish(
                DeviceOnline(
                    self.bus.next_seq(),
                    self.clock.now(),
                    device.space_id,
                    device_id,
                    online,
                    DEVICE_CONTEXT,
                )
            )

    # -- commands -----------------------------------------------------------------------------
    async def set(
        self, device_id: str, address: str, value: object, *, context: Context | None = None
    ) -> CommandResult:
        """Write one property of a device.

        Raises:
            UnknownDeviceError: no such device.
            UnknownProperty: the device's spec has no such property.
            ValueRejected: the spec refuses the value (not writable, out of range, ...).
            AdapterUnavailableError: the owning adapter is not running or timed out.
        """
        device = self.registry.device(device_id)
        prop = device.spec.property(address)
        checked = check_write(prop, value)
        ctx = context or Context(Origin.SYSTEM)
        command = SetProperty(device, prop, checked, ctx)
        # Remembered before delivery: a device may report the new value before it replies.
        held = self.state.value(device.id, prop.path)
        self.echoes.set(device.id, prop.path, checked, held, ctx, self.clock.now())
        result = await self._deliver(device, command)
        self._command_sent(device, CommandKind.SET, prop.path, ((prop.name, checked),), result, ctx)
        return result

    async def call(
        self,
        device_id: str,
        address: str,
        arguments: Mapping[str, object] | Sequence[object] = (),
        *,
        context: Context | None = None,
    ) -> CommandResult:
        """Run one action of a device.

        ``arguments`` are the action's ``in`` values, either positional or by property
        name / piid / path.

        Raises:
            UnknownDeviceError: no such device.
            UnknownAction: the device's spec has no such action.
            ValueRejected: an argument is missing, unexpected, or refused by its property.
            AdapterUnavailableError: the owning adapter is not running or timed out.
        """
        device = self.registry.device(device_id)
        action = device.spec.action(address)
        args = build_call_arguments(device.spec, action, arguments)
        ctx = context or Context(Origin.SYSTEM)
        self.echoes.call(device.id, ctx, self.clock.now())
        result = await self._deliver(device, CallAction(device, action, args, ctx))
        named = tuple((prop.name, value) for prop, value in args)
        self._command_sent(device, CommandKind.CALL, action.path, named, result, ctx)
        return result

    async def _deliver(self, device: Device, command: SetProperty | CallAction) -> CommandResult:
        adapter = self._adapters.get(device.adapter)
        if adapter is None or adapter not in self._started:
            raise AdapterUnavailableError(
                f"device {device.id!r} belongs to adapter {device.adapter!r}, which is not "
                "running; start the hub with that adapter configured"
            )
        try:
            async with asyncio.timeout(self.command_timeout):
                return await adapter.send(command)
        except TimeoutError:
            raise AdapterUnavailableError(
                f"adapter {device.adapter!r} did not deliver the command to {device.id!r} within "
                f"{self.command_timeout:g} s; check that the device is connected"
            ) from None

    def _command_sent(
        self,
        device: Device,
        kind: CommandKind,
        path: str,
        arguments: tuple[tuple[str, Value], ...],
        result: CommandResult,
        ctx: Context,
    ) -> None:
        self.bus.publish(
            CommandSent(
                self.bus.next_seq(),
                self.clock.now(),
                device.space_id,
                device.id,
                kind,
                path,
                arguments,
                result.confirmed,
                result.message,
                ctx,
            )
        )
