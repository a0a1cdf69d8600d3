"""Run by test_durability: record a long burst of changes and print each committed seq.

Usage: ``python _burst_writer.py DATA_DIR COUNT``. Prints ``committed <seq> <dropped>`` (flushed at
once) after every commit, so the test knows what the recorder has promised before it kills us.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from orbithub.core.bus import Bus
from orbithub.core.clock import SystemClock
from orbithub.core.context import DEVICE_CONTEXT
from orbithub.core.events import PropertyChanged
from orbithub.core.registry import Registry
from orbithub.storage import Database, Recorder


class _Reporter:
    """Prints ``committed <seq> <dropped>`` after each commit."""

    def __init__(self) -> None:
        self.recorder: Recorder | None = None

    def __call__(self, seq: int) -> None:
        dropped = self.recorder.dropped if self.recorder is not None else -1
        sys.stdout.write(f"committed {seq} {dropped}\n")
        sys.stdout.flush()


async def _main(data_dir: Path, count: int) -> None:
    db = await Database.open(data_dir=data_dir)
    bus = Bus()
    clock = SystemClock()
    report = _Reporter()
    recorder = Recorder(
        db, bus, Registry(), clock=clock, batch_size=500, flush_interval=0.02, on_commit=report
    )
    report.recorder = recorder
    async with asyncio.TaskGroup() as tasks:
        await recorder.start(tasks)
        sys.stdout.write("started\n")
        sys.stdout.flush()
        for _ in range(count):
            seq = bus.next_seq()
            bus.publish(
                PropertyChanged(
                    seq,
                    clock.now(),
                    "home",
                    f"dev{seq % 50}",
                    "sensor.value",
                    seq,
                    None,
                    DEVICE_CONTEXT,
                )
            )
            if seq % 250 == 0:
                # Give the flush task its turns, as a hub's loop would between messages, and
                # never outrun it so far that the buffer drops events (the test checks that
                # nothing was dropped, so every committed seq must be in the file).
                await asyncio.sleep(0 if recorder.pending < 20_000 else 0.01)
        await recorder.stop()
    await db.close()
    sys.stdout.write("done\n")
    sys.stdout.flush()


if __name__ == "__main__":
    asyncio.run(_main(Path(sys.argv[1]), int(sys.argv[2])))
