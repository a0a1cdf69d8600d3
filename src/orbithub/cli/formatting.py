"""How values, devices and times look in the terminal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from rich.table import Table

from orbithub.spec.model import Format, Property, Value

__all__ = ["UNIT_SYMBOLS", "add_id_column", "format_time", "format_value", "summarise_reasons"]

UNIT_SYMBOLS: dict[str, str] = {
    "celsius": "°C",
    "percentage": "%",
    "kelvin": "K",
    "watt": "W",
    "kWh": "kWh",
    "volt": "V",
    "ampere": "A",
    "lux": "lx",
    "km": "km",
    "km/h": "km/h",
    "meters": "m",
    "m": "m",
    "m2": "m²",
    "degree": "°",
    "seconds": "s",
    "minutes": "min",
    "hours": "h",
    "days": "d",
}


def add_id_column(table: Table, header: str, ids: Iterable[str]) -> None:
    """A column of ids printed whole however narrow the terminal: the other columns wrap.

    Ids are what the next command needs typed; a table cut at 80 columns (``living-ro…``)
    would print ids nobody can use.
    """
    table.add_column(header, no_wrap=True, min_width=max((len(i) for i in ids), default=2))


def format_value(prop: Property | None, value: Value | None) -> str:
    """A reading as a person reads it: ``on``, ``23.5 °C``, ``Cool``."""
    if value is None:
        return "—"
    if prop is None:
        return str(value)
    if prop.format is Format.BOOL:
        if prop.name == "on":
            return "on" if value else "off"
        return "yes" if value else "no"
    if prop.value_list and isinstance(value, int):
        described = prop.describe_value(value)
        if described is not None:
            return described
    text = f"{value:.6g}" if isinstance(value, float) else str(value)
    unit = UNIT_SYMBOLS.get(prop.unit or "", prop.unit or "")
    if unit in ("", "none"):
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def format_time(epoch: float, tz: dt.tzinfo | None = None) -> str:
    """Epoch seconds as ``YYYY-MM-DD HH:MM:SS ZONE`` in ``tz`` (this machine's zone by default).

    The zone is always named: a server's clock often runs on UTC while the home is elsewhere.
    """
    moment = (
        dt.datetime.fromtimestamp(epoch, tz)
        if tz
        else dt.datetime.fromtimestamp(epoch).astimezone()
    )
    return moment.strftime("%Y-%m-%d %H:%M:%S %Z")


def summarise_reasons(rows: Sequence[Mapping[str, object]]) -> list[str]:
    """Lines of ``local  text``, one per run of the same reason (a trigger re-evaluated often).

    A run of repeats reads ``first to last  evaluated N times, each time: text``, so 200
    identical evaluations are one line.
    """
    lines: list[str] = []
    index = 0
    while index < len(rows):
        text = rows[index].get("text")
        end = index
        while end + 1 < len(rows) and rows[end + 1].get("text") == text:
            end += 1
        first, last = rows[index].get("local"), rows[end].get("local")
        count = end - index + 1
        lines.append(
            f"{first}  {text}"
            if count == 1
            else f"{first} to {last}  evaluated {count} times, each time: {text}"
        )
        index = end + 1
    return lines
