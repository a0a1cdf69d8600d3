"""Writing a fresh demo's past takes a while on a small box: the log says so as it goes."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from orbithub.demo.history import seed_history
from orbithub.storage import Database


async def test_the_demos_past_is_announced_and_its_progress_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = await Database.open(data_dir=tmp_path)
    try:
        with caplog.at_level(logging.INFO, logger="orbithub.demo.history"):
            made = await seed_history(db, end=time.time(), days=1)
    finally:
        await db.close()
    assert made is not None
    assert made.rows > 0
    said = [r.getMessage() for r in caplog.records if r.name == "orbithub.demo.history"]
    assert said[0].startswith("writing 1 day of the demo family's history")
    assert [m for m in said if m.startswith("demo history:")] == [
        "demo history: 25% written",
        "demo history: 50% written",
        "demo history: 75% written",
    ]
    assert said[-1].startswith("wrote 1 day of")
