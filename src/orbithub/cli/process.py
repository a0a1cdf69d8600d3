"""Settings of the hub's Python process that no single part owns."""

from __future__ import annotations

import gc

__all__ = ["GC_THRESHOLD", "tune_gc"]

GC_THRESHOLD = (100_000, 50, 100)
"""Young-generation collections every 100k allocations instead of CPython's 700 (later: 2000).

A hub allocates many small, long-lived objects at start-up and discovery (device types,
registry records, state) and short-lived ones per message. With the default thresholds the
collector re-scans the long-lived ones constantly: about 30 % of discovery time at 10,000
devices. ``bench/bench_mqtt.py --tune-gc`` measures the difference.
"""


def tune_gc() -> None:
    """Apply :data:`GC_THRESHOLD` to this process (idempotent)."""
    gc.set_threshold(*GC_THRESHOLD)
