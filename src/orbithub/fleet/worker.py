"""A fleet worker: owns partitions of homes, applies their messages to PostgreSQL exactly once.

For every partition a loop pulls from the partition's pinned consumer. Owned partitions (by
rendezvous hashing over the live workers) are pulled at once; the others, after a delay, as a
standby, so a partition whose owner dies passes to a standby as soon as the server moves the
pin (the pin's timeout), before the membership has noticed. A worker that holds the pin of a
partition another live worker owns finishes its batch and hands the pin back.

On getting a pin the worker claims the partition's lease (a new epoch) and its cursor. Each
pulled batch: messages at or below the cursor are dropped (applied before a crash), the rest
decoded, committed with the batch's last stream sequence in one transaction, then acknowledged
(one ack for the batch: the consumers acknowledge all up to the one named) and the changes that
became current are published for the gateways. A commit refused for an old epoch means another
worker owns the partition now: this one drops it at once, acknowledging nothing. An unreachable
database pauses the partition, retried with backoff, and nothing is acknowledged meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import nats.errors
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription

from orbithub.fleet.changes import changes_subject, encode_changes
from orbithub.fleet.decode import DecodeError, Decoder
from orbithub.fleet.errors import JetStreamError
from orbithub.fleet.jetstream import (
    Stored,
    StreamSettings,
    ack_all,
    delivered,
    last_stored,
    next_stored,
    pull,
    unpin,
)
from orbithub.fleet.membership import Membership, owner_of
from orbithub.storage.errors import StorageError
from orbithub.storage.fleet import FencedError, FleetChange, FleetStore, Lease

__all__ = ["Worker", "WorkerSettings", "WorkerStats"]

_LOGGER = logging.getLogger(__name__)
_IDLE = 0.2
_RETRY_FIRST = 0.2
_RETRY_MAX = 5.0
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    """How a worker pulls, beats and stands by.

    Attributes:
        worker: this worker's id, unique in the fleet (letters, digits, ``-``, ``_``).
        stream: the stream's settings (the same for every worker of a fleet).
        batch: messages per pull, committed in one transaction.
        pull_wait: seconds a pull waits for a full batch before taking what came.
        heartbeat: seconds between heartbeats.
        member_ttl: seconds after its last heartbeat when a worker no longer counts.
        standby_delay: seconds after start before pulling other workers' partitions.
    """

    worker: str
    stream: StreamSettings = field(default_factory=StreamSettings)
    batch: int = 500
    pull_wait: float = 0.25
    heartbeat: float = 1.0
    member_ttl: float = 3.0
    standby_delay: float = 3.0


@dataclass(slots=True)
class WorkerStats:
    """Counters of one worker (read them for logs and benchmarks)."""

    received: int = 0
    applied: int = 0
    already_applied: int = 0
    bad: int = 0
    commits: int = 0
    claims: int = 0
    fenced: int = 0
    released: int = 0
    db_retries: int = 0
    filled: int = 0
    """Messages read from the stream because another worker had been given them."""
    active: set[int] = field(default_factory=set)


@dataclass(slots=True)
class _Hold:
    """One partition as this worker holds it."""

    pin: str | None = None
    lease: Lease | None = None
    last_cseq: int = 0
    """The delivery sequence of the last message committed under this lease (0 = none)."""
    rest_until: float = 0.0


class Worker:
    """Runs the partitions of a fleet on one process; see the module's description.

    Args:
        nc: a connection to the cluster (with every node's URL, so it fails over).
        store: the fleet's database.
        settings: the worker's settings.
    """

    def __init__(self, nc: Client, store: FleetStore, settings: WorkerSettings) -> None:
        self._nc = nc
        self._store = store
        self.settings = settings
        self.stats = WorkerStats()
        self._members: list[str] = []
        self._started = 0.0
        self._stop: asyncio.Event | None = None
        self._decoder = Decoder(self._bridge_devices)
        self._membership = Membership(
            nc, settings.worker, ttl=settings.member_ttl, replicas=settings.stream.replicas
        )

    @property
    def members(self) -> list[str]:
        """The live workers as this worker last saw them."""
        return list(self._members)

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set, then hand every held partition back and leave."""
        self._started = time.monotonic()
        self._stop = stop
        await self._beat()
        async with asyncio.TaskGroup() as tasks:
            tasks.create_task(self._heartbeats(stop))
            for partition in range(self.settings.stream.partitions):
                tasks.create_task(self._partition(partition, stop))
        with contextlib.suppress(nats.errors.Error, JetStreamError, TimeoutError):
            await self._membership.leave()

    # --- membership -----------------------------------------------------------------------

    async def _beat(self) -> None:
        try:
            await self._membership.beat()
            members = await self._membership.members()
        except (nats.errors.Error, JetStreamError, TimeoutError) as exc:
            _LOGGER.warning("heartbeat failed (%s); retrying", exc or type(exc).__name__)
            return
        if self.settings.worker not in members:
            members = sorted([*members, self.settings.worker])
        if members != self._members:
            _LOGGER.info("workers now: %s", ", ".join(members))
        self._members = members

    async def _heartbeats(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.settings.heartbeat)
            if not stop.is_set():
                await self._beat()

    def _owns(self, partition: int) -> bool:
        return owner_of(partition, self._members or [self.settings.worker]) == self.settings.worker

    # --- one partition --------------------------------------------------------------------

    async def _partition(self, partition: int, stop: asyncio.Event) -> None:
        inbox = await self._nc.subscribe(
            self._nc.new_inbox(), pending_msgs_limit=self.settings.batch * 4
        )
        hold = _Hold()
        try:
            while not stop.is_set():
                owned = self._owns(partition)
                standby_ok = time.monotonic() - self._started >= self.settings.standby_delay
                if time.monotonic() < hold.rest_until or not (owned or standby_ok):
                    await asyncio.sleep(_IDLE)
                    continue
                try:
                    await self._step(partition, inbox, hold)
                except (nats.errors.Error, JetStreamError, TimeoutError) as exc:
                    _LOGGER.warning("partition %d: %s; pulling again", partition, exc)
                    await asyncio.sleep(_IDLE)
                if hold.pin is not None and not self._owns(partition):
                    owner = owner_of(partition, self._members)
                    if owner is not None and await self._beating(owner):
                        _LOGGER.info("partition %d: handing it to %s", partition, owner)
                        await self._release(partition, hold, rest=True)
            if hold.pin is not None:
                await self._release(partition, hold, rest=False)
        finally:
            with contextlib.suppress(nats.errors.Error):
                await inbox.unsubscribe()

    async def _beating(self, worker: str) -> bool:
        """Whether ``worker`` beat recently.

        A worker that died (or is paused) still counts as a member until its entry expires,
        and must not be handed a partition it cannot pull.
        """
        try:
            age = await self._membership.silent_for(worker)
        except (nats.errors.Error, JetStreamError, TimeoutError):
            return False
        return age is not None and age < 2.5 * self.settings.heartbeat

    async def _release(self, partition: int, hold: _Hold, *, rest: bool) -> None:
        hold.pin, hold.lease, hold.last_cseq = None, None, 0
        self.stats.released += 1
        self.stats.active.discard(partition)
        self._decoder.forget(partition, self.settings.stream.partitions)
        with contextlib.suppress(nats.errors.Error, TimeoutError):
            await unpin(self._nc, self.settings.stream.name, partition)
        if rest:  # long enough for the owner's next pull to get the pin, not this one's
            hold.rest_until = time.monotonic() + 2 * self.settings.stream.pin_timeout

    async def _step(self, partition: int, inbox: Subscription, hold: _Hold) -> None:
        got = await pull(
            self._nc,
            inbox,
            self.settings.stream.name,
            partition,
            batch=self.settings.batch,
            expires=self.settings.pull_wait,
            pin=hold.pin,
        )
        if got.lost_pin:
            _LOGGER.info("partition %d: another worker holds it now", partition)
            hold.pin, hold.lease, hold.last_cseq = None, None, 0
            self.stats.active.discard(partition)
            return
        if not got.messages:
            return
        if got.pin != hold.pin or hold.lease is None:
            hold.pin, hold.last_cseq = got.pin, 0
            hold.lease = await self._retrying(partition, lambda: self._claim(partition))
            if hold.lease is None:
                return
        await self._apply(partition, hold, got.messages)

    async def _claim(self, partition: int) -> Lease:
        lease = await self._store.claim(partition, self.settings.worker)
        self.stats.claims += 1
        self.stats.active.add(partition)
        _LOGGER.info(
            "partition %d: taken (epoch %d, applied up to %d)", partition, lease.epoch, lease.cursor
        )
        return lease

    async def _in_order(self, partition: int, hold: _Hold, batch: list[Stored]) -> list[Stored]:
        """The batch's messages above the cursor, with every message of the partition between.

        The cursor may only move to a sequence once everything of the partition below it is
        applied. A consumer can deliver out of order: after a takeover the dead owner's
        unacknowledged messages come back only after ``ack_wait``, later than newer ones.
        Those are read from the stream here instead, so nothing is skipped and the batch's ack
        acknowledges only what is applied. Steady state costs nothing: a batch that follows the
        previous one without a gap in delivery sequence needs no read.
        """
        assert hold.lease is not None  # noqa: S101 - claimed before
        cursor = hold.lease.cursor
        fresh = sorted({m.seq: m for m in batch if m.seq > cursor}.values(), key=lambda m: m.seq)
        if not fresh:
            return []
        firsts = [m for m in batch if m.deliveries == 1]
        follows = (
            len(firsts) == len(batch)
            and hold.last_cseq > 0
            and [m.cseq for m in batch]
            == list(range(hold.last_cseq + 1, hold.last_cseq + 1 + len(batch)))
        )
        if follows:
            return fresh
        stream, subjects = self.settings.stream.name, f"part.{partition}.>"
        have = {m.seq: m for m in fresh}
        out: list[Stored] = []
        seq, top = cursor + 1, fresh[-1].seq
        while seq <= top:
            stored = await next_stored(self._nc, stream, subjects, seq)
            if stored is None or stored.seq > top:
                break
            out.append(have.get(stored.seq, stored))
            if stored.seq not in have:
                self.stats.filled += 1
            seq = stored.seq + 1
        return out

    async def _apply(self, partition: int, hold: _Hold, messages: Sequence[Msg]) -> None:
        assert hold.lease is not None  # noqa: S101 - _step claims before applying
        lease = hold.lease
        batch = [delivered(msg) for msg in messages]
        self.stats.received += len(batch)
        ordered = await self._in_order(partition, hold, batch)
        self.stats.already_applied += len(batch) - len([m for m in ordered if m.cseq])
        changes: list[FleetChange] = []
        last_seq = max([lease.cursor, *(m.seq for m in ordered)])
        for stored in ordered:
            try:
                changes.extend(await self._decoder.decode(stored))
            except (DecodeError, JetStreamError) as exc:
                self.stats.bad += 1
                _LOGGER.warning("partition %d: dropped seq %d: %s", partition, stored.seq, exc)
        try:
            applied = await self._retrying(
                partition, lambda: self._store.apply(lease, last_seq, changes)
            )
        except FencedError:
            self.stats.fenced += 1
            _LOGGER.warning("partition %d: another worker took it over; dropping it", partition)
            hold.pin, hold.lease, hold.last_cseq = None, None, 0
            self.stats.active.discard(partition)
            hold.rest_until = time.monotonic() + 2 * self.settings.stream.pin_timeout
            return
        if applied is None:
            return
        self.stats.commits += 1
        self.stats.applied += applied.taken
        hold.lease = Lease(partition, lease.epoch, last_seq)
        hold.last_cseq = max(m.cseq for m in batch)
        await ack_all(self._nc, messages[-1])
        by_home: dict[str, list[FleetChange]] = defaultdict(list)
        for change in applied.current:
            by_home[change.home].append(change)
        for home, current in by_home.items():
            await self._nc.publish(changes_subject(home), encode_changes(home, current))

    async def _retrying(self, partition: int, call: Callable[[], Awaitable[_T]]) -> _T | None:
        """``call()`` until the database answers; None if the worker stops first.

        A refused commit (:class:`FencedError`) is not retried: it is raised.
        """
        delay = _RETRY_FIRST
        while True:
            try:
                return await call()
            except FencedError:
                raise
            except StorageError as exc:
                # Unreachable (restart, network) or refused for another reason: nothing of the
                # transaction was kept and nothing was acknowledged, so the same call is safe
                # again; the partition waits meanwhile.
                self.stats.db_retries += 1
                _LOGGER.warning("partition %d: %s; retrying in %.1f s", partition, exc, delay)
            if self._stop is None or self._stop.is_set():
                return None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), delay * random.uniform(0.5, 1.0))  # noqa: S311
            delay = min(delay * 2, _RETRY_MAX)

    async def _bridge_devices(self, home: str, partition: int) -> bytes | None:
        subject = f"part.{partition}.orbit.{home}.z2m.bridge.devices"
        stored = await last_stored(self._nc, self.settings.stream.name, subject)
        return None if stored is None else stored.data
