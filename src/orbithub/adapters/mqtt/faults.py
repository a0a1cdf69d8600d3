"""Bad input from the wire: counted by kind, logged once per (topic, kind), never raised.

A broken or hostile device can send thousands of bad messages a second on as many topics as it
likes; each new (topic, kind) is logged once at WARNING with the device and topic, repeats only
count. The table of what was already logged is bounded, like the core's reject log.
"""

from __future__ import annotations

import logging
from collections import Counter

__all__ = ["InputFaults"]

_MAX_KEYS = 10_000


class InputFaults:
    """Counts refused wire input by kind (``state``, ``discovery``, ``announce``...).

    Attributes:
        counts: refused messages by kind.
        total: every refused message.
    """

    def __init__(self, logger: logging.Logger) -> None:
        self._logger = logger
        self._logged: set[tuple[str, str]] = set()
        self.counts: Counter[str] = Counter()
        self.total = 0

    def note(self, kind: str, topic: str, device_id: str | None, reason: str) -> None:
        """Record one refused message; log it at WARNING if its (topic, kind) is new."""
        self.counts[kind] += 1
        self.total += 1
        key = (topic, kind)
        if key in self._logged:
            self._logger.debug("refused %s on %s (%s): %s", kind, topic, device_id, reason)
            return
        if len(self._logged) >= _MAX_KEYS:
            # Topics are chosen by whoever publishes; do not let them grow this set forever.
            key = ("*", kind)
            if key in self._logged:
                return
        self._logged.add(key)
        self._logger.warning(
            "refused %s message on %s (device %s): %s", kind, topic, device_id or "-", reason
        )
