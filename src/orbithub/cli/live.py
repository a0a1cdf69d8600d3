"""The terminal live view of a running hub: every device with its key readings."""

from __future__ import annotations

import asyncio
import zoneinfo

from rich.console import Console, Group
from rich.live import Live
from rich.table import Table
from rich.text import Text

from orbithub.cli.formatting import format_time, format_value
from orbithub.cli.runtime import Runtime
from orbithub.core.registry import Device

__all__ = ["run_live_view", "summary_line"]

_SHOWN_PER_DEVICE = 4


def _readings(runtime: Runtime, device: Device) -> str:
    state = runtime.hub.state.device(device.id)
    parts: list[str] = []
    for prop in device.spec.properties():
        current = state.get(prop.path)
        if current is None or not prop.readable:
            continue
        text = format_value(prop, current.value)
        parts.append(text if prop.name == "on" else f"{prop.name} {text}")
        if len(parts) == _SHOWN_PER_DEVICE:
            break
    return ", ".join(parts) or "waiting for first report"


def _table(runtime: Runtime) -> Table:
    hub = runtime.hub
    table = Table(expand=True, show_lines=False, header_style="bold")
    table.add_column("Space")
    table.add_column("Room")
    table.add_column("Device")
    table.add_column("Readings", overflow="fold")
    rooms = {r.id: r.name for r in hub.registry.rooms()}
    for space in hub.registry.spaces():
        for device in hub.registry.devices(space_id=space.id):
            online = hub.state.is_online(device.id)
            name = Text(device.name, style="dim" if online is False else "")
            table.add_row(
                space.name, rooms.get(device.room_id or "", ""), name, _readings(runtime, device)
            )
    return table


def summary_line(runtime: Runtime) -> str:
    """One line: hub time, events so far, history rows stored, refused reports."""
    hub = runtime.hub
    home = next(iter(hub.registry.spaces()), None)
    tz = None
    if home is not None:
        try:
            tz = zoneinfo.ZoneInfo(home.timezone)
        except zoneinfo.ZoneInfoNotFoundError:
            tz = None
    return (
        f"{format_time(hub.now(), tz)}  events {hub.bus.published}  "
        f"history rows {runtime.recorder.rows_written}  refused {hub.rejected.total}"
    )


async def run_live_view(runtime: Runtime, console: Console, *, refresh: float = 1.0) -> None:
    """Redraw the device table until cancelled; plain status lines when not on a terminal."""
    if not console.is_terminal:
        while True:
            console.print(summary_line(runtime), highlight=False)
            await asyncio.sleep(max(refresh, 5.0))
    with Live(console=console, auto_refresh=False, screen=False) as live:
        while True:
            live.update(
                Group(Text(summary_line(runtime), style="bold"), _table(runtime)), refresh=True
            )
            await asyncio.sleep(refresh)
