"""Durability seam: pending delays, waits, ``for`` holds and timer fire times, saved and resumed.

The engine saves a :class:`Pending` when it starts waiting and removes it when the wait ends; a
new engine with the same store loads them and carries on. :class:`JsonFileStore` keeps them in
one JSON file replaced atomically, so a crash mid-write leaves the previous file intact.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from orbithub.files import set_aside, write_atomically

_LOGGER = logging.getLogger(__name__)

__all__ = [
    "JsonFileStore",
    "MemoryStore",
    "Pending",
    "PendingKind",
    "PendingStore",
    "StoreWriter",
    "run_key",
]


class PendingKind(StrEnum):
    """What is pending."""

    DELAY = "delay"
    WAIT = "wait"
    AFTER = "after"
    """A run past the delay or wait at its cursor: a restart continues right after that step."""
    HOLD = "for"
    TIMER = "timer"


@dataclass(frozen=True, slots=True)
class Pending:
    """One piece of pending work.

    Attributes:
        key: unique key (a run's step, or an automation's trigger).
        kind: delay, wait, ``for`` hold or a time trigger's next fire.
        automation_id: whose.
        version: the automation's version when saved; another version drops it.
        due: when it is due (epoch seconds, hub clock).
        cursor: for delays and waits, where in the actions the run stands.
        trigger_index: for holds and timers, which trigger.
        run_id: for delays and waits, the run being resumed.
        trigger: the description of what started the run.
        data: what started the run, as its templates see it (JSON values).
    """

    key: str
    kind: PendingKind
    automation_id: str
    version: int
    due: float
    cursor: tuple[int, ...] = ()
    trigger_index: int = -1
    run_id: str = ""
    trigger: str = ""
    data: dict[str, object] = field(default_factory=dict)


def run_key(run_id: str) -> str:
    """The key of a run's checkpoint: one record per run, moved along as the run goes."""
    return f"run:{run_id}"


class PendingStore(Protocol):
    """Where pending work survives a restart."""

    async def save(self, pending: Pending) -> None:
        """Add or replace (by key) one pending record."""
        ...

    async def remove(self, key: str) -> None:
        """Forget one record (no error when absent)."""
        ...

    async def load(self) -> list[Pending]:
        """Every record saved and not removed."""
        ...


class MemoryStore:
    """Pending work kept in memory: survives an engine restart within one process (tests)."""

    def __init__(self) -> None:
        self.records: dict[str, Pending] = {}

    async def save(self, pending: Pending) -> None:
        """Add or replace one record."""
        self.records[pending.key] = pending

    async def remove(self, key: str) -> None:
        """Forget one record."""
        self.records.pop(key, None)

    async def load(self) -> list[Pending]:
        """Every record."""
        return list(self.records.values())


def _decode(raw: dict[str, object]) -> Pending:
    cursor = raw.get("cursor", [])
    return Pending(
        key=str(raw["key"]),
        kind=PendingKind(str(raw["kind"])),
        automation_id=str(raw["automation_id"]),
        version=int(str(raw["version"])),
        due=float(str(raw["due"])),
        cursor=tuple(int(c) for c in cursor) if isinstance(cursor, list) else (),
        trigger_index=int(str(raw.get("trigger_index", -1))),
        run_id=str(raw.get("run_id", "")),
        trigger=str(raw.get("trigger", "")),
        data=dict(data) if isinstance(data := raw.get("data"), dict) else {},
    )


class JsonFileStore:
    """Pending work in one JSON file, rewritten atomically on every change.

    Writes go through a worker thread so the loop never waits on the disk, and one lock keeps
    them in order. Pending work is small (a home has tens of timers), so rewriting the whole
    file is cheaper than any journal.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._records: dict[str, Pending] | None = None
        self._lock = asyncio.Lock()

    async def load(self) -> list[Pending]:
        """Every record in the file (none when the file does not exist yet)."""
        return list((await self._loaded()).values())

    async def save(self, pending: Pending) -> None:
        """Add or replace one record and rewrite the file."""
        async with self._lock:
            records = await self._loaded()
            records[pending.key] = pending
            await asyncio.to_thread(self._write, list(records.values()))

    async def remove(self, key: str) -> None:
        """Forget one record and rewrite the file."""
        async with self._lock:
            records = await self._loaded()
            if records.pop(key, None) is not None:
                await asyncio.to_thread(self._write, list(records.values()))

    async def apply(self, changes: dict[str, Pending | None]) -> None:
        """Save or (for None) remove several records with one rewrite of the file."""
        async with self._lock:
            records = await self._loaded()
            for key, change in changes.items():
                if change is None:
                    records.pop(key, None)
                else:
                    records[key] = change
            await asyncio.to_thread(self._write, list(records.values()))

    async def _loaded(self) -> dict[str, Pending]:
        if self._records is None:
            raw = await asyncio.to_thread(self._read)
            self._records = {}
            for record in raw:
                try:
                    pending = _decode(record)
                except (KeyError, TypeError, ValueError) as exc:
                    _LOGGER.error(
                        "%s: skipping a pending record that cannot be read (%r): %s",
                        self.path,
                        exc,
                        record,
                    )
                    continue
                self._records[pending.key] = pending
        return self._records

    def _read(self) -> list[dict[str, object]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (ValueError, OSError) as exc:
            # A damaged file must not keep the hub from starting; keep it for a look.
            kept = set_aside(self.path)
            _LOGGER.error(
                "%s cannot be read (%s); pending delays and timers start empty, the file is "
                "kept as %s",
                self.path,
                exc,
                kept,
            )
            return []
        records = data.get("pending", []) if isinstance(data, dict) else []
        return [r for r in records if isinstance(r, dict)]

    def _write(self, records: list[Pending]) -> None:
        # default=str: trigger data is JSON already; anything else is kept as its text.
        payload = json.dumps({"pending": [asdict(r) for r in records]}, indent=1, default=str)
        write_atomically(self.path, payload)


class StoreWriter:
    """Applies saves and removals to a store in order, coalescing what piles up.

    Loop-only code (bus listeners, timers) cannot await the store; it queues here and one task
    writes. Changes queued while a write is in flight are merged by key (the last one wins),
    so a start-up that schedules a thousand timers costs a few writes, not a thousand, and a
    removal never overtakes the save it undoes.
    """

    def __init__(self, store: PendingStore) -> None:
        self.store = store
        self._changes: dict[str, Pending | None] = {}
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()

    def save(self, pending: Pending) -> None:
        """Queue a save (loop only)."""
        self._queue(pending.key, pending)

    def remove(self, key: str) -> None:
        """Queue a removal (loop only)."""
        self._queue(key, None)

    def _queue(self, key: str, change: Pending | None) -> None:
        self._changes.pop(key, None)  # re-insert: the dict's order is the order of last change
        self._changes[key] = change
        self._idle.clear()
        self._wake.set()

    async def run(self) -> None:
        """Write queued changes until cancelled."""
        while True:
            await self._wake.wait()
            self._wake.clear()
            changes, self._changes = self._changes, {}
            try:
                await _apply(self.store, changes)
            except Exception:
                # Automations keep running without durability rather than stopping.
                _LOGGER.exception("could not write pending work to the store")
            if not self._changes:
                self._idle.set()

    async def flush(self, limit: float) -> bool:
        """Wait (at most ``limit`` seconds) until every queued change is written."""
        try:
            async with asyncio.timeout(limit):
                await self._idle.wait()
        except TimeoutError:
            return False
        return True


async def _apply(store: PendingStore, changes: dict[str, Pending | None]) -> None:
    if isinstance(store, JsonFileStore):
        await store.apply(changes)
        return
    for key, change in changes.items():
        if change is None:
            await store.remove(key)
        else:
            await store.save(change)
