"""Times in the terminal always name their zone; ids are never cut."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from rich.console import Console
from rich.table import Table

from orbithub.cli.formatting import add_id_column, format_time

MOMENT = 1_796_664_258.0  # 2026-12-07 17:24:18 UTC


def test_a_time_names_its_zone() -> None:
    assert format_time(MOMENT, ZoneInfo("Asia/Shanghai")) == "2026-12-08 01:24:18 CST"
    assert format_time(MOMENT, ZoneInfo("UTC")) == "2026-12-07 17:24:18 UTC"
    # Without a zone given: this machine's own, still named.
    assert format_time(MOMENT).rsplit(" ", 1)[1] != ""


def test_an_id_column_is_printed_whole_in_a_narrow_terminal() -> None:
    ids = ["evening-lights-when-someone-arrives-home", "night"]
    table = Table()
    add_id_column(table, "id", ids)
    for column in ("name", "triggers", "source"):
        table.add_column(column)
    for automation_id in ids:
        table.add_row(automation_id, "Evening lights " * 3, "state of hallway motion " * 2, "file")
    console = Console(width=80, record=True, color_system=None)
    console.print(table)
    printed = console.export_text()
    assert all(len(line) <= 80 for line in printed.splitlines())
    assert ids[0] in printed  # whole, on one line; the other columns wrapped
