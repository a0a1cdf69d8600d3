"""Smart charging: plans each vehicle's charge and switches its home charger to follow the plan.

For every vehicle space the service keeps settings (target, departure, limit), builds a
:class:`~orbithub.mobility.charging.ChargePlan` from the car's state of charge, the home
charger's power and the home's tariff, and turns the charger's ``charger.on`` on and off at the
plan's edges through :meth:`Hub.set` (as an automation, so the audit says who did it). It plans
again when an input changes (state of charge, plug, charge limit, settings, the charger's own
switch) and every 15 minutes, and sleeps on the hub clock in between, so tests jump time
instead of waiting.

It decides from the charger's truth: the state the charger last reported, or what the service
asked for while the charger's report of it is still on its way
(:mod:`~orbithub.mobility.charger_commands`), and its status always shows what the charger
reported, never what the service asked. Anyone else switching the charger (a person in the
app, the assistant, their own automation, a hand on the charger itself) overrides the plan
until the car is unplugged: "charge now" must not be undone by the next re-plan, and the plan
picks up again with the next plug-in.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from orbithub.core.commands import CommandPort
from orbithub.core.context import Context, Origin
from orbithub.core.errors import CoreError
from orbithub.core.events import (
    CommandKind,
    CommandSent,
    HubEvent,
    PropertyChanged,
    RegistryChanged,
    RegistryKind,
)
from orbithub.core.hub import Hub
from orbithub.core.registry import Space
from orbithub.mobility.charge_settings import ChargeSettings
from orbithub.mobility.charger_commands import Cause, ChargerCommands
from orbithub.mobility.charging import ChargePlan, ChargeRequest, SolarWindow, plan_charging
from orbithub.mobility.charging_text import (
    NO_BATTERY_LEVEL,
    NO_CHARGER,
    NO_TARIFF,
    NO_TRACKER,
    NOT_PLUGGED,
    SMART_CHARGING_OFF,
    ChargeReason,
    planner_refused,
    switched_by_hand,
)
from orbithub.mobility.errors import MobilityError
from orbithub.mobility.tariff import Tariff, parse_clock
from orbithub.mobility.vehicles import (
    BATTERY,
    CHARGE_LIMIT,
    CHARGER_MAX_CURRENT,
    CHARGER_ON,
    CHARGER_PLUGGED,
    CHARGING_STATE,
    find_charger,
    home_of,
    number,
    tracker_of,
    vehicle_space,
    vehicle_spaces,
)
from orbithub.spec.errors import SpecError

__all__ = [
    "ChargeSettings",
    "ChargeStatus",
    "ChargingService",
    "SolarForecast",
]

_LOGGER = logging.getLogger(__name__)
_CONTEXT_ACTOR = "mobility.charging"
_REPLAN_S = 900.0
_MAINS_V = 220.0
"""Single-phase mains in China; the charger's current limit times this is its power."""
_SOC_STEP = 0.5
"""A state of charge this far from the planned one asks for a new plan."""
_TOP_UP_MARGIN = 2.0
"""Percentage points a car may sit below its target before a finished charge starts again."""
_PLUGGED_STATES = (1, 2, 3)  # vehicle charging-state: plugged, charging, complete


class SolarForecast(Protocol):
    """Expected solar surplus of a home (power it would otherwise export)."""

    def windows(self, home_id: str, start: float, end: float) -> Sequence[SolarWindow]:
        """Surplus windows between ``start`` and ``end``."""
        ...


@dataclass(frozen=True, slots=True)
class ChargeStatus:
    """Where one vehicle's smart charging stands.

    Attributes:
        space_id: the vehicle.
        settings: what the owner asked.
        home_id: the home whose charger is used, None when there is no home.
        charger_id: that charger, None when the home has none.
        plugged: whether the car is plugged in at that charger.
        charger_on: the charger switch's state as the charger last reported it, None when
            unknown.
        plan: the current plan, None when it cannot be made (see ``reason``).
        reason_text: why there is no plan, or why it is not being followed, in English and
            Chinese; None while the plan is followed.
        departure: the departure planned for.
    """

    space_id: str
    settings: ChargeSettings
    home_id: str | None
    charger_id: str | None
    plugged: bool
    charger_on: bool | None
    plan: ChargePlan | None
    reason_text: ChargeReason | None
    departure: float | None

    @property
    def reason(self) -> str | None:
        """The reason in English (see ``reason_text``), None while the plan is followed."""
        return None if self.reason_text is None else self.reason_text.en


@dataclass(frozen=True, slots=True)
class _Override:
    """A charger someone else switched: left as they set it until the car is unplugged."""

    on: bool
    since: float
    actor: str | None


class ChargingService:
    """Plans and runs smart charging for every vehicle of a hub.

    Args:
        hub: the hub.
        tariffs: the tariff of each home, by home id.
        default_tariff: for homes without their own; None: a home without its own tariff
            gets no plan (and says why) until one is set.
        settings: initial settings by vehicle space id.
        solar: an optional forecast of each home's solar surplus.
        on_settings_changed: called (loop only) after settings or tariffs change, to save them.
    """

    def __init__(
        self,
        hub: Hub,
        *,
        tariffs: Mapping[str, Tariff] | None = None,
        default_tariff: Tariff | None = None,
        settings: Mapping[str, ChargeSettings] | None = None,
        solar: SolarForecast | None = None,
        on_settings_changed: Callable[[], None] | None = None,
        commands: CommandPort | None = None,
    ) -> None:
        self._hub = hub
        # The running hub passes its guarded entry, so the charger switching is audited.
        self._commands: CommandPort = commands if commands is not None else hub
        self._tariffs: dict[str, Tariff] = dict(tariffs or {})
        self.default_tariff = default_tariff
        self._settings: dict[str, ChargeSettings] = dict(settings or {})
        self._solar = solar
        self._on_settings_changed = on_settings_changed
        self._status: dict[str, ChargeStatus] = {}
        self._dirty = True
        self._wake = asyncio.Event()
        self._stop_listening: Callable[[], None] | None = None
        self._failing: set[str] = set()
        self._overrides: dict[str, _Override] = {}
        self._asked = ChargerCommands(hub.echoes.window)

    # -- configuration ------------------------------------------------------------------------
    def tariff(self, home_id: str) -> Tariff | None:
        """The tariff of a home (its own, else the default; None when it has neither)."""
        return self._tariffs.get(home_id, self.default_tariff)

    def tariffs(self) -> dict[str, Tariff]:
        """The homes' own tariffs, by home id."""
        return dict(self._tariffs)

    def set_tariff(self, home_id: str, tariff: Tariff | None) -> None:
        """Give a home its own tariff (None: back to the default) and plan again. Loop only."""
        if tariff is None:
            self._tariffs.pop(home_id, None)
        else:
            self._tariffs[home_id] = tariff
        self._changed_settings()

    def settings(self, space_id: str) -> ChargeSettings:
        """A vehicle's settings (defaults until configured)."""
        return self._settings.get(space_id, ChargeSettings())

    def all_settings(self) -> dict[str, ChargeSettings]:
        """Every configured vehicle's settings."""
        return dict(self._settings)

    def configure(self, space_id: str, settings: ChargeSettings) -> ChargeStatus:
        """Change a vehicle's settings, plan again at once, and return the new status. Loop only.

        Raises:
            MobilityError: the space is not a vehicle.
        """
        if vehicle_space(self._hub, space_id) is None:
            raise MobilityError(f"{space_id!r} is not a vehicle space; list them with vehicles")
        self._settings[space_id] = settings
        self._changed_settings()
        return self.refresh(space_id)

    def _changed_settings(self) -> None:
        self._dirty = True
        self._wake.set()
        if self._on_settings_changed is not None:
            self._on_settings_changed()

    # -- reading ------------------------------------------------------------------------------
    def status(self, space_id: str) -> ChargeStatus | None:
        """The current status of a vehicle, planned now if it never was; None if no vehicle."""
        status = self._status.get(space_id)
        if status is None:
            return self.refresh(space_id) if vehicle_space(self._hub, space_id) else None
        return status

    def refresh(self, space_id: str) -> ChargeStatus:
        """Plan one vehicle again now. Loop only.

        Raises:
            MobilityError: the space is not a vehicle.
        """
        space = vehicle_space(self._hub, space_id)
        if space is None:
            raise MobilityError(f"{space_id!r} is not a vehicle space")
        status = self._plan(space, self._hub.now())
        self._status[space_id] = status
        return status

    def departure(self, settings: ChargeSettings, timezone: str, now: float) -> float:
        """The departure to plan for: the one-off if still ahead, else the next daily one."""
        if settings.departure is not None and settings.departure > now:
            return settings.departure
        zone = ZoneInfo(timezone)
        minutes = parse_clock(settings.departure_time) % (24 * 60)
        local = datetime.fromtimestamp(now, zone)
        when = datetime.combine(local.date(), time(minutes // 60, minutes % 60), zone)
        if when.timestamp() <= now:
            when = datetime.combine(
                local.date() + timedelta(days=1), time(minutes // 60, minutes % 60), zone
            )
        return when.timestamp()

    def _plan(self, space: Space, now: float) -> ChargeStatus:
        hub = self._hub
        settings = self.settings(space.id)
        home = home_of(hub, space, settings.home_id)
        charger = None if home is None else find_charger(hub, home.id)
        tracker = tracker_of(hub, space)

        def status(
            plan: ChargePlan | None, reason: ChargeReason | None, departure: float | None
        ) -> ChargeStatus:
            on = None if charger is None else hub.state.value(charger.id, CHARGER_ON)
            return ChargeStatus(
                space.id,
                settings,
                None if home is None else home.id,
                None if charger is None else charger.id,
                plugged,
                on if isinstance(on, bool) else None,
                plan,
                reason,
                departure,
            )

        plugged = self._plugged(tracker.id if tracker else None, charger.id if charger else None)
        if charger is not None and not plugged:
            self._overrides.pop(charger.id, None)
        if home is None or charger is None:
            return status(None, NO_CHARGER, None)
        if tracker is None:
            return status(None, NO_TRACKER, None)
        soc = number(hub, tracker.id, BATTERY)
        if soc is None:
            return status(None, NO_BATTERY_LEVEL, None)
        tariff = self.tariff(home.id)
        # Pre-conditioning follows the departure whether or not charging can be planned.
        departure = self.departure(settings, tariff.timezone if tariff else home.timezone, now)
        if tariff is None:
            return status(None, NO_TARIFF, departure)
        car_limit = number(hub, tracker.id, CHARGE_LIMIT)
        limit = min(settings.limit_soc, car_limit if car_limit is not None else 100.0)
        solar = () if self._solar is None else tuple(self._solar.windows(home.id, now, departure))
        soc = min(100.0, max(0.0, soc))
        target = settings.target_soc
        if hub.state.value(charger.id, CHARGER_ON) is not True and target - _TOP_UP_MARGIN <= soc:
            # A car a point short of its target is full enough. Topping it up would switch the
            # charger on and off every few minutes as cabin conditioning and the battery's own
            # drain pull it back under the target, which wears the contactor and the battery.
            target = min(target, soc)
        try:
            request = ChargeRequest(
                capacity_kwh=settings.capacity_kwh,
                soc=soc,
                target_soc=target,
                charger_kw=self._charger_kw(settings, charger.id),
                now=now,
                departure=departure,
                efficiency=settings.efficiency,
                limit_soc=limit,
                solar=solar,
            )
        except MobilityError as exc:
            return status(None, planner_refused(exc), departure)
        plan = plan_charging(request, tariff)
        reason: ChargeReason | None = None
        override = self._overrides.get(charger.id)
        if not settings.enabled:
            reason = SMART_CHARGING_OFF
        elif not plugged:
            reason = NOT_PLUGGED
        elif override is not None:
            since = datetime.fromtimestamp(override.since, ZoneInfo(tariff.timezone))
            reason = switched_by_hand(override.on, override.actor, since)
        return status(plan, reason, departure)

    def _charger_kw(self, settings: ChargeSettings, charger_id: str) -> float:
        if settings.charger_kw is not None:
            return settings.charger_kw
        amps = number(self._hub, charger_id, CHARGER_MAX_CURRENT)
        return amps * _MAINS_V / 1000 if amps else 7.0

    def _plugged(self, tracker_id: str | None, charger_id: str | None) -> bool:
        # The car's own word wins: a home charger with a cable in says nothing about *which*
        # car is on it, so a second car elsewhere must not take over the charger.
        if tracker_id is not None:
            state = self._hub.state.value(tracker_id, CHARGING_STATE)
            if isinstance(state, int) and not isinstance(state, bool):
                if state not in _PLUGGED_STATES:
                    return False
                if charger_id is None:
                    return True
        if charger_id is not None:
            plugged = self._hub.state.value(charger_id, CHARGER_PLUGGED)
            if isinstance(plugged, bool):
                return plugged
        return False

    # -- running ------------------------------------------------------------------------------
    def start(self) -> None:
        """Listen for changes of the plans' inputs (``run`` does this itself)."""
        if self._stop_listening is None:
            self._stop_listening = self._hub.bus.listen(self._on_event)

    def stop(self) -> None:
        """Stop listening."""
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None

    def _on_event(self, event: HubEvent) -> None:
        if isinstance(event, CommandSent):
            self._on_command(event)
            return
        if isinstance(event, RegistryChanged):
            if event.removed and event.kind is RegistryKind.DEVICE:
                self._asked.forget(event.record_id)
            self._dirty = True
            self._wake.set()
            return
        if not isinstance(event, PropertyChanged):
            return
        if event.path == CHARGER_ON:
            self._charger_reported(event)
        elif event.path in (CHARGING_STATE, CHARGE_LIMIT, CHARGER_PLUGGED, CHARGER_MAX_CURRENT):
            self._dirty = True
            self._wake.set()
        elif event.path == BATTERY:
            status = self._status.get(event.space_id)
            planned = None if status is None or status.plan is None else status.plan.request.soc
            value = event.value
            if (
                planned is None
                or not isinstance(value, int | float)
                or abs(float(value) - planned) >= _SOC_STEP
            ):
                self._dirty = True
                self._wake.set()

    def _on_command(self, event: CommandSent) -> None:
        if (
            event.kind is not CommandKind.SET
            or event.path != CHARGER_ON
            or event.context.actor == _CONTEXT_ACTOR
        ):
            return
        value = next((v for _, v in event.arguments), None)
        if isinstance(value, bool):
            self._overrides[event.device_id] = _Override(value, event.time, event.context.actor)
            _LOGGER.info(
                "charger %s switched %s by %s: smart charging waits until the car is unplugged",
                event.device_id,
                "on" if value else "off",
                event.context.actor or "hand",
            )
            self._dirty = True
            self._wake.set()

    def _charger_reported(self, event: PropertyChanged) -> None:
        on = event.value
        if not isinstance(on, bool):
            return
        charger_id = event.device_id
        for space_id, status in list(self._status.items()):
            if status.charger_id == charger_id:
                # The API shows the charger's report at once, not after the next plan.
                self._status[space_id] = dataclasses.replace(status, charger_on=on)
        cause = self._asked.reported(charger_id, on, event.context, event.time)
        if cause is Cause.HAND and event.old_value is not None:
            wanted = self._wanted(charger_id, event.time)
            if wanted is not None and wanted is not on:
                self._overrides[charger_id] = _Override(on, event.time, None)
                _LOGGER.info(
                    "charger %s switched %s on the charger itself: smart charging waits until "
                    "the car is unplugged",
                    charger_id,
                    "on" if on else "off",
                )
        self._dirty = True
        self._wake.set()

    def _wanted(self, charger_id: str, now: float) -> bool | None:
        """What a followed plan wants of this charger now; None when no plan is followed."""
        for status in self._status.values():
            followed = status.plan is not None and status.reason_text is None
            if status.charger_id == charger_id and followed and status.plan is not None:
                return status.plan.charging_at(now)
        return None

    async def run(self) -> None:
        """Plan and switch until cancelled."""
        self.start()
        try:
            while True:
                self._wake.clear()
                now = self._hub.now()
                self._replan_all(now)
                await self._apply(now)
                wake = self._next_wake(now)
                await self._sleep_or_wake(wake - self._hub.now())
        finally:
            self.stop()

    def _replan_all(self, now: float) -> None:
        self._dirty = False
        current = {s.id for s in vehicle_spaces(self._hub)}
        for space_id in [i for i in self._status if i not in current]:
            del self._status[space_id]
        for space in vehicle_spaces(self._hub):
            self._status[space.id] = self._plan(space, now)

    async def _apply(self, now: float) -> None:
        for status in list(self._status.values()):
            if status.plan is None or status.charger_id is None or status.reason_text is not None:
                continue
            wanted = status.plan.charging_at(now)
            charger_id = status.charger_id
            if self._asked.expected(charger_id, status.charger_on, now) is wanted:
                continue
            ctx = Context(Origin.AUTOMATION, _CONTEXT_ACTOR)
            self._asked.asked(charger_id, wanted, ctx, now)
            try:
                result = await self._commands.set(charger_id, CHARGER_ON, wanted, context=ctx)
            except (CoreError, SpecError) as exc:
                self._asked.failed(charger_id)
                # Logged once per failing charger: the loop retries on every change.
                level = logging.DEBUG if status.charger_id in self._failing else logging.WARNING
                self._failing.add(status.charger_id)
                _LOGGER.log(
                    level,
                    "could not switch charger %s %s for %s: %s; will retry",
                    status.charger_id,
                    "on" if wanted else "off",
                    status.space_id,
                    exc,
                )
                continue
            self._failing.discard(status.charger_id)
            _LOGGER.info(
                "charger %s switched %s for %s (%s)",
                status.charger_id,
                "on" if wanted else "off",
                status.space_id,
                "confirmed" if result.confirmed else result.message or "not confirmed",
            )

    def _next_wake(self, now: float) -> float:
        wake = now + _REPLAN_S
        for status in self._status.values():
            if status.plan is not None:
                edge = status.plan.next_change(now)
                if edge is not None:
                    wake = min(wake, edge)
            if status.departure is not None and status.departure > now:
                wake = min(wake, status.departure)
        expiry = self._asked.next_expiry()
        if expiry is not None:
            # A request whose report never came is decided again from the charger's state.
            wake = min(wake, max(now, expiry) + 0.001)
        return wake

    async def _sleep_or_wake(self, seconds: float) -> None:
        if self._dirty:
            return
        # Both helpers live only inside this await; whichever finishes first cancels the other.
        sleeper = asyncio.ensure_future(self._hub.clock.sleep(max(0.0, seconds)))
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, waker):
                task.cancel()
