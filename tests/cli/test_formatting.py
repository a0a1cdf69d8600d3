"""Times in the terminal always name their zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from orbithub.cli.formatting import format_time

MOMENT = 1_796_664_258.0  # 2026-12-07 17:24:18 UTC


def test_a_time_names_its_zone() -> None:
    assert format_time(MOMENT, ZoneInfo("Asia/Shanghai")) == "2026-12-08 01:24:18 CST"
    assert format_time(MOMENT, ZoneInfo("UTC")) == "2026-12-07 17:24:18 UTC"
    # Without a zone given: this machine's own, still named.
    assert format_time(MOMENT).rsplit(" ", 1)[1] != ""
