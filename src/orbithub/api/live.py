"""The recent past of the bus, so a WebSocket client that reconnects can resume by ``seq``.

One loop-only listener appends each event to a bounded ring; a client that was away for fewer
events than the ring holds gets exactly what it missed instead of a full snapshot.

Sequence numbers start again from 0 when the hub restarts, so a ``seq`` alone cannot tell which
hub it came from. Each feed therefore has an ``epoch``, a random token made when it starts:
a client resumes only with the epoch it got along with its ``seq``.
"""

from __future__ import annotations

import secrets
from collections import deque

from orbithub.core.events import HubEvent
from orbithub.core.hub import Hub

__all__ = ["LiveFeed"]


class LiveFeed:
    """Keeps the last ``keep`` events published on the hub's bus. Loop only.

    Args:
        hub: the hub whose bus to follow.
        keep: how many events to keep.
        epoch: this feed's instance id (default: a fresh random token).
    """

    def __init__(self, hub: Hub, keep: int = 5000, epoch: str | None = None) -> None:
        self._epoch = epoch if epoch is not None else secrets.token_urlsafe(12)
        self._hub = hub
        self._recent: deque[HubEvent] = deque(maxlen=keep)
        self._start_seq = hub.bus.seq
        self._stop = hub.bus.listen(self._recent.append)

    @property
    def epoch(self) -> str:
        """Names this run of the hub: ``seq`` values of another epoch mean nothing here."""
        return self._epoch

    def since(self, seq: int, epoch: str | None) -> list[HubEvent] | None:
        """The events after ``seq`` of ``epoch``, or None when they cannot all be given.

        Args:
            seq: the last sequence number the client has.
            epoch: the epoch that ``seq`` belongs to; None (a client that does not send one)
                or another epoch's token means the client must start over from a snapshot.

        Returns:
            The missed events in order, or None when the epoch differs or some are no longer
            kept.
        """
        if epoch is None or epoch != self._epoch:
            return None
        current = self._hub.bus.seq
        if seq > current:
            # Not a seq this feed handed out: start over rather than trust it.
            return None
        if seq == current:
            return []
        oldest = self._recent[0].seq if self._recent else current + 1
        if seq < self._start_seq or seq + 1 < oldest:
            return None
        return [e for e in self._recent if e.seq > seq]

    def close(self) -> None:
        """Stop following the bus."""
        self._stop()
