"""Replay recorded weeks into a live hub, with anomalies injected, and collect the alerts.

The hub runs on a manual clock set to each recorded reading's time; every reading goes through
``hub.report`` (so the detector sees real ``PropertyChanged`` events and the hub's state moves),
the minute check runs on every minute of simulated time, and injected readings replace or
interrupt the recorded ones.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from orbithub.assistant.anomaly import AlertStore, AnomalySettings, Detector
from orbithub.core.clock import ManualClock
from orbithub.core.events import HubEvent, NotificationRequested
from orbithub.core.hub import Hub
from orbithub.spec.model import Value
from orbithub.storage import Database
from orbithub.storage.tables import ValueKind
from orbithub.storage.tables import history as history_table
from tests.assistant.suggest.weeks import demo_registry

TRAINING_DAYS = 21


@dataclass(frozen=True)
class Injection:
    """A reading a device did not send: ``value`` for ``device_id.path`` at ``time``."""

    time: float
    device_id: str
    path: str
    value: Value


@dataclass(frozen=True)
class Silence:
    """A device that sends nothing from ``start`` to ``end``."""

    device_id: str
    start: float
    end: float


@dataclass
class Replay:
    """A hub with a detector trained on the first three weeks, ready to replay the fourth."""

    hub: Hub
    clock: ManualClock
    detector: Detector
    notifications: list[NotificationRequested] = field(default_factory=list)

    def _collect(self, event: HubEvent) -> None:
        if isinstance(event, NotificationRequested):
            self.notifications.append(event)

    async def run(
        self,
        db: Database,
        start: float,
        end: float,
        *,
        inject: Sequence[Injection] = (),
        silences: Sequence[Silence] = (),
    ) -> None:
        """Replay ``[start, end)`` of the recorded history with changes, checking each minute."""
        unlisten = self.hub.bus.listen(self._collect)
        rows = await _readings(db, start, end)
        pending = sorted(inject, key=lambda i: i.time)
        next_check = start + 60.0
        try:
            for when, device_id, path, value in rows:
                while pending and pending[0].time <= when:
                    injected = pending.pop(0)
                    await self._until(injected.time, next_check)
                    next_check = max(next_check, self._next(injected.time))
                    self.hub.report(injected.device_id, injected.path, injected.value)
                while next_check <= when:
                    await self._tick(next_check)
                    next_check += 60.0
                if any(s.device_id == device_id and s.start <= when < s.end for s in silences):
                    continue
                await self._set(when)
                self.hub.report(device_id, path, value)
            while next_check < end:
                await self._tick(next_check)
                next_check += 60.0
            await asyncio.sleep(0)  # let the last notifications out
        finally:
            unlisten()

    @staticmethod
    def _next(t: float) -> float:
        return (t // 60.0 + 1) * 60.0

    async def _until(self, t: float, next_check: float) -> None:
        while next_check <= t:
            await self._tick(next_check)
            next_check += 60.0
        await self._set(t)

    async def _set(self, t: float) -> None:
        if t > self.clock.now():
            await self.clock.advance(t - self.clock.now())

    async def _tick(self, t: float) -> None:
        await self._set(t)
        self.detector.check()
        await asyncio.sleep(0)  # notifications go out on the loop's next turn


async def _readings(db: Database, start: float, end: float) -> list[tuple[float, str, str, Value]]:
    h = history_table
    stmt = (
        sa.select(h.c.time, h.c.device_id, h.c.path, h.c.kind, h.c.value_num, h.c.value_text)
        .where(h.c.time >= start, h.c.time < end)
        .order_by(h.c.time, h.c.seq)
    )
    async with db.engine.connect() as conn:
        rows = (await conn.execute(stmt)).all()
    out: list[tuple[float, str, str, Value]] = []
    for when, device_id, path, kind, num, text in rows:
        value: Value
        if kind == ValueKind.TEXT:
            value = text or ""
        elif kind == ValueKind.BOOL:
            value = bool(num)
        elif kind == ValueKind.INT:
            value = round(num or 0.0)
        else:
            value = float(num or 0.0)
        out.append((when, device_id, path, value))
    return out


async def trained(db: Database, start: float, folder: Path) -> Replay:
    """A hub on the demo registry whose detector learned from ``TRAINING_DAYS`` from ``start``."""
    training_end = start + TRAINING_DAYS * 86_400.0
    clock = ManualClock(training_end)
    hub = Hub(clock=clock, registry=demo_registry())
    detector = Detector(
        hub,
        db,
        store=AlertStore(folder / "alerts.json"),
        settings=AnomalySettings(history_days=TRAINING_DAYS),
    )
    await detector.refresh(end=training_end)
    detector.start()
    return Replay(hub, clock, detector)
