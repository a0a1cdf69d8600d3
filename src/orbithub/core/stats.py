"""Counting refused input without flooding the log.

A broken device can send thousands of bad readings a second. Each distinct problem (device and
address) is logged once at WARNING; repeats are counted, and logged at DEBUG.
"""

from __future__ import annotations

import logging
from collections import Counter

__all__ = ["RejectLog"]

_MAX_KEYS = 10_000


class RejectLog:
    """Counts refused reports by device and address; logs each new kind once."""

    def __init__(self, logger: logging.Logger) -> None:
        self._logger = logger
        self.counts: Counter[tuple[str, str]] = Counter()
        self.total = 0
        self.last_reason: dict[tuple[str, str], str] = {}

    def note(self, device_id: str, address: str, reason: str) -> None:
        """Record one refused report."""
        key = (device_id, address)
        self.total += 1
        first = key not in self.counts
        if first and len(self.counts) >= _MAX_KEYS:
            # Unknown ids are attacker-controlled; keep the table bounded.
            key = ("*", "*")
            first = key not in self.counts
        self.counts[key] += 1
        self.last_reason[key] = reason
        if first:
            self._logger.warning("refused report from %s (%s): %s", device_id, address, reason)
        else:
            self._logger.debug("refused report from %s (%s): %s", device_id, address, reason)
