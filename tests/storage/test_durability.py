"""What the recorder reports as committed survives the process being killed with SIGKILL."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from orbithub.storage import Database
from orbithub.storage.tables import history

WRITER = Path(__file__).with_name("_burst_writer.py")


@pytest.mark.slow
async def test_committed_rows_survive_kill_9(tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(WRITER),
        str(tmp_path),
        "10000000",
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    last = 0
    commits = 0
    try:
        async with asyncio.timeout(60):
            # Kill mid-burst, once several batches are committed and more are in flight.
            while commits < 20 or last < 10_000:
                line = (await process.stdout.readline()).decode()
                assert line, "the writer exited before it was killed"
                if line.startswith("committed "):
                    _, seq, dropped = line.split()
                    assert dropped == "0", "the writer outran the recorder; nothing to check"
                    last = int(seq)
                    commits += 1
    finally:
        process.send_signal(signal.SIGKILL)
        await process.wait()
    assert process.returncode == -signal.SIGKILL

    db = await Database.open(data_dir=tmp_path)
    try:
        async with db.engine.connect() as conn:
            kept = await conn.scalar(
                sa.select(sa.func.count(sa.distinct(history.c.seq))).where(history.c.seq <= last)
            )
            newest = await conn.scalar(sa.select(sa.func.max(history.c.seq)))
    finally:
        await db.close()
    assert kept == last
    assert newest is not None
    assert newest >= last
