"""The anomaly detector: judges live readings against baselines, watches openings and silence.

The bus listener is the hot path: for a reading with a baseline it does a dictionary lookup,
an hour-of-week from a per-space cache, and a few comparisons (O(1), no await). Doors and
windows left open and devices gone silent are found by a check that runs once a minute off the
hot path, from the hub's current state; baselines are relearned from history once a day in a
worker thread. Each condition raises one alert while it lasts; a new alert asks for a phone
notification.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from orbithub.assistant.anomaly.baseline import Baseline, Baselines, build_baselines, hour_of_week
from orbithub.assistant.anomaly.model import Alert, AlertKind
from orbithub.assistant.anomaly.openings import is_window
from orbithub.assistant.anomaly.records import read_history
from orbithub.assistant.anomaly.store import AlertStore
from orbithub.assistant.anomaly.words import (
    door_texts,
    reading_texts,
    silent_texts,
    window_texts,
)
from orbithub.core.context import Context, Origin
from orbithub.core.errors import UnknownRoomError, UnknownSpaceError
from orbithub.core.events import HubEvent, NotificationRequested, PropertyChanged
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Room
from orbithub.core.state import PropertyState
from orbithub.errors import OrbitHubError
from orbithub.storage import Database

__all__ = ["AnomalySettings", "Detector", "UnknownAlertError"]

_LOGGER = logging.getLogger(__name__)
_CONTACT_PATH = "magnet-sensor.contact-state"
_UNIT_FLOOR = {"celsius": 0.5, "percentage": 3.0, "watt": 20.0, "ampere": 0.1, "volt": 3.0}
"""Smallest spread a reading is judged against: sensors quantise, and a property that never
moved in history (a kettle at 0 W all night) has a spread of zero."""
_OVERALL_SHARE = 0.5
_CONTEXT = Context(Origin.ASSISTANT, "anomaly")


class UnknownAlertError(OrbitHubError):
    """No alert has this id."""


@dataclass(frozen=True, slots=True)
class AnomalySettings:
    """How the detector judges.

    Attributes:
        z_threshold: robust z-score (distance from the median in robust standard deviations)
            a reading must reach to be unusual.
        door_open_limit: seconds a door may stand open.
        window_open_limit: seconds a window may stand open (airing a room takes a while).
        silent_factor: a device is silent after this many times the longest gap between its
            reports in history.
        min_silence: never call a device silent before this many seconds.
        check_interval: seconds between checks of doors and silence.
        refresh_interval: seconds between relearning baselines.
        history_days: days of history baselines are learned from.
        min_samples: fewest samples before an hour of the week is judged.
        min_weeks: fewest distinct weeks before an hour of the week is judged.
        keep_alerts: how many alerts are kept (oldest ended ones go first).
    """

    z_threshold: float = 6.0
    door_open_limit: float = 600.0
    window_open_limit: float = 7_200.0
    silent_factor: float = 2.0
    min_silence: float = 900.0
    check_interval: float = 60.0
    refresh_interval: float = 86_400.0
    history_days: float = 28.0
    min_samples: int = 24
    min_weeks: int = 2
    keep_alerts: int = 500


_READING = str(AlertKind.READING)
_OPENINGS = (str(AlertKind.DOOR_OPEN), str(AlertKind.WINDOW_OPEN))


@dataclass(frozen=True, slots=True)
class _Limits:
    """One hour's baseline turned into the bounds the hot path compares with."""

    lower: float
    upper: float
    distance: float
    base: Baseline


def _limits(base: Baseline, floor: float, z: float) -> _Limits:
    scale = max(base.spread, floor, abs(base.median) * 0.02, 1e-9)
    # Beyond the range seen at this hour by half its width: weather and habits shift a
    # reading from week to week, and a rare but normal value (a kettle boiling) is in range.
    margin = max(3.0 * scale, 0.5 * (base.high - base.low))
    return _Limits(base.low - margin, base.high + margin, z * scale, base)


class Detector:
    """Raises alerts for unusual readings, doors left open and devices gone silent.

    Args:
        hub: the hub whose bus and state are watched.
        db: the database baselines are learned from.
        store: where alerts are kept.
        settings: thresholds.
    """

    def __init__(
        self,
        hub: Hub,
        db: Database,
        *,
        store: AlertStore,
        settings: AnomalySettings | None = None,
    ) -> None:
        self.hub = hub
        self.db = db
        self.store = store
        self.settings = settings or AnomalySettings()
        self.baselines = Baselines({}, {})
        self._table: dict[tuple[str, str], list[_Limits | None]] = {}
        self._reading_alerts: set[tuple[str, str]] = set()
        self._hours: dict[str, tuple[int, int]] = {}
        self._zones: dict[str, ZoneInfo] = {}
        self._alerts: OrderedDict[str, Alert] = OrderedDict()
        self._active: dict[tuple[str, str, str], Alert] = {}
        self._outbox: list[Alert] = []
        self._unlisten: Callable[[], None] | None = None
        self._dirty = False
        self.judged = 0
        """Readings compared with a baseline since start."""

    # -- lifecycle ----------------------------------------------------------------------------
    async def load(self) -> None:
        """Read the stored alerts; the active ones keep de-duplicating their conditions."""
        for alert in await self.store.load():
            self._alerts[alert.id] = alert
            if alert.active:
                self._active[alert.key] = alert
                if alert.kind is AlertKind.READING:
                    self._reading_alerts.add((alert.device_id, alert.path))

    def start(self) -> None:
        """Listen to the hub's bus. Loop only."""
        if self._unlisten is None:
            self._unlisten = self.hub.bus.listen(self._on_event)

    def stop(self) -> None:
        """Stop listening. Loop only."""
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None

    async def run(self) -> None:
        """Learn baselines, then check doors and silence every minute; relearn daily."""
        cfg = self.settings
        next_refresh = self.hub.now()
        while True:
            if self.hub.now() >= next_refresh:
                next_refresh = self.hub.now() + cfg.refresh_interval
                try:
                    await self.refresh()
                except Exception:
                    _LOGGER.exception("learning baselines failed; keeping the previous ones")
            self.check()
            await self.save_if_changed()
            await self.hub.clock.sleep(cfg.check_interval)

    async def save_if_changed(self) -> None:
        """Write the alerts file when alerts changed since the last write."""
        if self._dirty:
            self._dirty = False
            await self.store.save(list(self._alerts.values()))

    # -- baselines ----------------------------------------------------------------------------
    async def refresh(self, *, end: float | None = None) -> Baselines:
        """Learn baselines from the last ``history_days`` of history (up to ``end``)."""
        cfg = self.settings
        stop = self.hub.now() if end is None else end
        start = stop - cfg.history_days * 86_400.0
        registry = self.hub.registry
        series, reports = await read_history(self.db, registry, start, stop)
        zones = {d.id: self._zone(d.space_id) for d in registry}
        baselines = await asyncio.to_thread(
            build_baselines,
            series,
            zones,
            start,
            stop,
            min_samples=cfg.min_samples,
            min_weeks=cfg.min_weeks,
            report_gaps=reports,
        )
        self.use(baselines)
        _LOGGER.info(
            "learned baselines of %d properties and report intervals of %d devices",
            len(baselines),
            len(baselines.intervals),
        )
        return baselines

    def use(self, baselines: Baselines) -> None:
        """Judge from now on against these baselines. Loop only."""
        table: dict[tuple[str, str], list[_Limits | None]] = {}
        z = self.settings.z_threshold
        for device_id, path in baselines.properties():
            device = self.hub.registry.find_device(device_id)
            hourly = baselines.series(device_id, path)
            if device is None or hourly is None:
                continue
            prop = device.spec.find_property(path)
            unit = None if prop is None else prop.unit
            step = prop.value_range.step if prop is not None and prop.value_range else 0.0
            # Weather and habits move a reading from one week to the next by some share of
            # its overall spread; an hour that happened to be steady must not make that news.
            floor = max(
                _UNIT_FLOOR.get(unit or "", 0.0),
                step,
                _OVERALL_SHARE * baselines.overall.get((device_id, path), 0.0),
            )
            table[(device_id, path)] = [
                None if base is None else _limits(base, floor, z) for base in hourly
            ]
        self.baselines = baselines
        self._table = table

    def _zone(self, space_id: str) -> ZoneInfo:
        zone = self._zones.get(space_id)
        if zone is None:
            try:
                zone = ZoneInfo(self.hub.registry.space(space_id).timezone)
            except (UnknownSpaceError, ZoneInfoNotFoundError, ValueError):
                zone = ZoneInfo("UTC")
            self._zones[space_id] = zone
        return zone

    def _hour(self, space_id: str, t: float) -> int:
        # Half-hour keys, so zones offset by half an hour (India) stay right.
        key = int(t // 1800)
        cached = self._hours.get(space_id)
        if cached is not None and cached[0] == key:
            return cached[1]
        hour = hour_of_week(t, self._zone(space_id))
        self._hours[space_id] = (key, hour)
        return hour

    # -- hot path -----------------------------------------------------------------------------
    def _on_event(self, event: HubEvent) -> None:
        """Bus listener. Loop only, O(1): a lookup, an hour from a cache, four comparisons."""
        if type(event) is not PropertyChanged:
            return
        key = (event.device_id, event.path)
        hourly = self._table.get(key)
        if hourly is None:
            return
        value = event.value
        if type(value) is not float and type(value) is not int:
            return  # bools and text have no baseline
        limits = hourly[self._hour(event.space_id, event.time)]
        if limits is None:
            return
        self.judged += 1
        outside = value > limits.upper or value < limits.lower
        if not outside:
            if key in self._reading_alerts:
                active = self._active.get((_READING, event.device_id, event.path))
                if active is not None:
                    self._end(active, event.time)
            return
        if key not in self._reading_alerts and abs(value - limits.base.median) >= limits.distance:
            self._raise_reading(event, float(value), limits.base)

    def _raise_reading(self, event: PropertyChanged, value: float, base: Baseline) -> None:
        device = self.hub.registry.find_device(event.device_id)
        if device is None:
            return
        title_en, title_zh, en, zh = reading_texts(
            device,
            event.path,
            value,
            event.time,
            self._zone(event.space_id),
            base.median,
            base.spread,
            base.low,
            base.high,
        )
        self._raise(
            Alert(
                uuid.uuid4().hex[:12],
                AlertKind.READING,
                event.space_id,
                event.device_id,
                event.path,
                event.time,
                value,
                base.median,
                base.spread,
                title_en,
                title_zh,
                en,
                zh,
            )
        )

    # -- doors, windows and silence (once a minute) -------------------------------------------
    def check(self, now: float | None = None) -> list[Alert]:
        """Raise and end door, window and silence alerts from the hub's state. Loop only.

        Returns:
            The alerts raised by this check.
        """
        at = self.hub.now() if now is None else now
        raised: list[Alert] = []
        state = self.hub.state
        cfg = self.settings
        for device in self.hub.registry:
            contact = state.get(device.id, _CONTACT_PATH)
            opened = None if contact is None else self._check_opening(device, contact, at)
            if opened is not None:
                raised.append(opened)
            usual = self.baselines.intervals.get(device.id)
            if usual is None:
                continue
            props = state.device(device.id)
            if not props:
                continue
            last = max(p.last_reported for p in props.values())
            limit = max(cfg.silent_factor * usual, cfg.min_silence)
            key = (str(AlertKind.SILENT), device.id, "")
            active = self._active.get(key)
            if at - last >= limit and active is None:
                title_en, title_zh, en, zh = silent_texts(device, at - last, usual)
                alert = Alert(
                    uuid.uuid4().hex[:12],
                    AlertKind.SILENT,
                    device.space_id,
                    device.id,
                    "",
                    at,
                    at - last,
                    usual,
                    0.0,
                    title_en,
                    title_zh,
                    en,
                    zh,
                )
                self._raise(alert)
                raised.append(alert)
            elif at - last < limit and active is not None:
                self._end(active, last)
        return raised

    def _check_opening(self, device: Device, contact: PropertyState, at: float) -> Alert | None:
        """Raise an alert for a door or window open past its limit; end it once closed."""
        # Either kind may be active for the sensor: it may have been renamed since.
        active = [a for k in _OPENINGS if (a := self._active.get((k, device.id, _CONTACT_PATH)))]
        if contact.value is not False:
            for alert in active:
                self._end(alert, contact.last_changed)
            return None
        window = is_window(device, self._room(device))
        limit = self.settings.window_open_limit if window else self.settings.door_open_limit
        open_for = at - contact.last_changed
        if open_for < limit or active:
            return None
        texts = window_texts if window else door_texts
        title_en, title_zh, en, zh = texts(device, open_for, limit)
        alert = Alert(
            uuid.uuid4().hex[:12],
            AlertKind.WINDOW_OPEN if window else AlertKind.DOOR_OPEN,
            device.space_id,
            device.id,
            _CONTACT_PATH,
            at,
            open_for,
            limit,
            0.0,
            title_en,
            title_zh,
            en,
            zh,
        )
        self._raise(alert)
        return alert

    def _room(self, device: Device) -> Room | None:
        if device.room_id is None:
            return None
        try:
            return self.hub.registry.room(device.room_id)
        except UnknownRoomError:
            return None

    # -- alerts -------------------------------------------------------------------------------
    def _raise(self, alert: Alert) -> None:
        self._alerts[alert.id] = alert
        self._active[alert.key] = alert
        if alert.kind is AlertKind.READING:
            self._reading_alerts.add((alert.device_id, alert.path))
        self._dirty = True
        self._trim()
        _LOGGER.info("alert %s: %s", alert.id, alert.message_en)
        if not self._outbox:
            asyncio.get_running_loop().call_soon(self._notify)
        self._outbox.append(alert)

    def _notify(self) -> None:
        # Published from its own loop turn, not from inside the bus listener that saw the reading.
        outbox, self._outbox = self._outbox, []
        bus = self.hub.bus
        for alert in outbox:
            bus.publish(
                NotificationRequested(
                    bus.next_seq(),
                    self.hub.now(),
                    alert.space_id,
                    (),
                    f"{alert.title_en} / {alert.title_zh}",
                    f"{alert.message_en}\n{alert.message_zh}",
                    "warning",
                    f"alert:{alert.kind}:{alert.device_id}:{alert.path}",
                    _CONTEXT,
                )
            )

    def _end(self, alert: Alert, at: float) -> None:
        ended = replace(alert, active=False, ended_at=at)
        self._alerts[alert.id] = ended
        self._active.pop(alert.key, None)
        self._reading_alerts.discard((alert.device_id, alert.path))
        self._dirty = True

    def _trim(self) -> None:
        excess = len(self._alerts) - self.settings.keep_alerts
        if excess <= 0:
            return
        for alert_id in [i for i, a in self._alerts.items() if not a.active][:excess]:
            del self._alerts[alert_id]

    def alerts(self, *, include_dismissed: bool = False) -> list[Alert]:
        """Alerts, newest first."""
        found = [a for a in self._alerts.values() if include_dismissed or not a.dismissed]
        return sorted(found, key=lambda a: -a.time)

    def active(self) -> list[Alert]:
        """Alerts whose condition still lasts, newest first."""
        return sorted(self._active.values(), key=lambda a: -a.time)

    def get(self, alert_id: str) -> Alert:
        """One alert.

        Raises:
            UnknownAlertError: no alert has this id.
        """
        found = self._alerts.get(alert_id)
        if found is None:
            raise UnknownAlertError(f"no alert {alert_id!r}; list them with GET /api/alerts")
        return found

    async def dismiss(self, alert_id: str) -> Alert:
        """Hide an alert from the list; while its condition lasts no new alert is raised.

        Raises:
            UnknownAlertError: no alert has this id.
        """
        alert = replace(self.get(alert_id), dismissed=True)
        self._alerts[alert_id] = alert
        if alert.active:
            self._active[alert.key] = alert
        self._dirty = True
        await self.save_if_changed()
        return alert
