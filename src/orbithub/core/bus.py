"""The in-process event bus: every change is published once, in order, to every subscriber.

Two ways to listen:

* :meth:`Bus.listen` registers a loop-only callback that runs inside ``publish``. It is for
  consumers that do O(1) work per event (the recorder appending to its batch, the state mirror
  of a view). It must not block or await.
* :meth:`Bus.subscribe` gives a bounded queue read as an async iterator, for consumers that may
  fall behind (a phone on a bad network). When its queue is full, events for it are dropped and
  counted, and the next thing it reads is an :class:`Overflow` telling it to resync; the hub never
  waits for a slow subscriber (the model is anyio's memory object streams).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Self

from orbithub.core.events import HubEvent

__all__ = ["Bus", "Overflow", "Subscription"]

_LOGGER = logging.getLogger(__name__)

Listener = Callable[[HubEvent], None]
Filter = Callable[[HubEvent], bool]


@dataclass(frozen=True, slots=True)
class Overflow:
    """Read from a subscription that fell behind: ``dropped`` events were lost; resync."""

    dropped: int


class Subscription:
    """A bounded queue of events for one consumer; iterate it with ``async for``."""

    def __init__(self, bus: Bus, maxsize: int, accept: Filter | None) -> None:
        if maxsize < 1:
            raise ValueError(f"a subscription needs room for at least one event, got {maxsize}")
        self._bus = bus
        self._maxsize = maxsize
        self._accept = accept
        self._items: deque[HubEvent] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._pending_drop = 0
        self.dropped = 0
        """Events dropped over the subscription's life because it fell behind."""
        self.closed = False

    def _offer(self, event: HubEvent) -> None:
        if self._accept is not None and not self._accept(event):
            return
        if len(self._items) >= self._maxsize:
            self.dropped += 1
            self._pending_drop += 1
            return
        self._items.append(event)
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def pending(self) -> int:
        """How many events wait to be read."""
        return len(self._items)

    async def get(self) -> HubEvent | Overflow:
        """The next event, or an :class:`Overflow` when events were dropped before it.

        Raises:
            StopAsyncIteration: the subscription is closed and drained.
        """
        while True:
            if self._pending_drop:
                dropped, self._pending_drop = self._pending_drop, 0
                return Overflow(dropped)
            if self._items:
                return self._items.popleft()
            if self.closed:
                raise StopAsyncIteration
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> HubEvent | Overflow:
        return await self.get()

    def close(self) -> None:
        """Stop receiving; a reader gets what is queued, then the iteration ends."""
        if self.closed:
            return
        self.closed = True
        self._bus._remove(self)
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Bus:
    """Publishes hub events in sequence order. Loop only."""

    def __init__(self) -> None:
        self._seq = 0
        self._listeners: list[Listener] = []
        self._subscriptions: list[Subscription] = []
        self.published = 0
        """Events published since start."""

    @property
    def seq(self) -> int:
        """The sequence number of the last event published."""
        return self._seq

    def next_seq(self) -> int:
        """Reserve the next sequence number (the caller builds the event with it)."""
        self._seq += 1
        return self._seq

    def publish(self, event: HubEvent) -> None:
        """Hand ``event`` to every listener and subscription, in registration order."""
        self.published += 1
        for listener in self._listeners:
            try:
                listener(event)
            except Exception:
                # A broken subscriber must not stop the hub or starve the others.
                _LOGGER.exception("bus listener %r failed on event %s", listener, event.seq)
        for sub in self._subscriptions:
            sub._offer(event)

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` synchronously for every event; returns a function that stops it."""
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    def subscribe(self, *, maxsize: int = 1000, accept: Filter | None = None) -> Subscription:
        """A bounded queue of the events ``accept`` lets through (all when None)."""
        sub = Subscription(self, maxsize, accept)
        self._subscriptions.append(sub)
        return sub

    def _remove(self, sub: Subscription) -> None:
        if sub in self._subscriptions:
            self._subscriptions.remove(sub)
