"""Commands that look at the hub's data: devices, current values, history, specs."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from pathlib import Path

from rich.console import Console
from rich.table import Table

from orbithub.cli.control import ControlError
from orbithub.cli.formatting import add_id_column, format_time, format_value
from orbithub.cli.running import ask_hub, where_looked
from orbithub.cli.settings import Settings
from orbithub.core.errors import UnknownDeviceError
from orbithub.core.registry import Device, Space
from orbithub.errors import OrbitHubError
from orbithub.spec.library import device_type, library_keys
from orbithub.spec.miot import validate_files
from orbithub.storage import Database, history

__all__ = [
    "get_values",
    "list_devices",
    "list_types",
    "parse_since",
    "show_history",
    "validate_specs",
]

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


class BadDurationError(OrbitHubError):
    """A duration flag is not of the form 30m, 6h, 7d."""


def parse_since(text: str) -> float:
    """``30m`` / ``6h`` / ``7d`` / ``2w`` / ``90s`` as seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", text)
    if match is None:
        raise BadDurationError(f"cannot read duration {text!r}; write it like 30m, 6h or 7d")
    return float(match.group(1)) * _UNITS[match.group(2)]


async def _stored_devices(
    settings: Settings,
) -> tuple[Database, list[Device], dict[str, Space], dict[str, str]]:
    db = await Database.open(settings.database_url, data_dir=settings.data_dir)
    spaces, rooms, devices = await db.load_registry()
    return db, devices, {s.id: s for s in spaces}, {r.id: r.name for r in rooms}


def _home_zone(spaces: dict[str, Space], device: Device) -> dt.tzinfo | None:
    """The zone of the device's home: times are read there, whatever the machine's clock."""
    space = spaces.get(device.space_id)
    if space is None:
        return None
    try:
        return zoneinfo.ZoneInfo(space.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def _device(settings: Settings, devices: list[Device], device_id: str) -> Device:
    device = next((d for d in devices if d.id == device_id), None)
    if device is not None:
        return device
    hint = where_looked(settings)
    if hint:
        # No directory named and no hub running: the device may well be in a hub elsewhere.
        raise UnknownDeviceError(f"no device {device_id!r} and no running hub found; {hint}")
    raise UnknownDeviceError(
        f"no device {device_id!r} in {settings.data_dir}; `orbithub devices` lists them"
    )


async def list_devices(settings: Settings, space: str | None, console: Console) -> None:
    """Print the stored devices as a table."""
    db, devices, spaces, rooms = await _stored_devices(settings)
    await db.close()
    table = Table(title=f"Devices in {settings.data_dir}", header_style="bold")
    shown = [d for d in devices if space is None or d.space_id == space]
    add_id_column(table, "id", [d.id for d in shown])
    for column in ("name", "type", "space", "room", "adapter", "aliases"):
        table.add_column(column)
    for d in shown:
        table.add_row(
            d.id,
            d.name,
            d.model or d.spec.name,
            spaces[d.space_id].name if d.space_id in spaces else d.space_id,
            rooms.get(d.room_id or "", ""),
            d.adapter,
            ", ".join(d.aliases),
        )
    console.print(table)
    if not shown:
        console.print("no devices stored here yet; run `orbithub demo` to create the demo home")


async def get_values(
    settings: Settings, device_id: str, prop: str | None, console: Console
) -> None:
    """Print current values from the running hub, or the last stored ones when it is down."""
    db, devices, spaces, _ = await _stored_devices(settings)
    try:
        device = _device(settings, devices, device_id)
        zone = _home_zone(spaces, device)
        path = device.spec.property(prop).path if prop else None
        table = Table(title=f"{device.name} ({device.id})", header_style="bold")
        for column in ("property", "value", "changed"):
            table.add_column(column)
        try:
            result = await ask_hub(settings, {"op": "get", "device": device_id, "property": path})
            source = "live"
            rows = {
                p: (v["value"], v["last_changed"])
                for p, v in (result.items() if isinstance(result, dict) else [])
            }
        except ControlError as exc:
            if exc.code != "not_running":
                raise
            source = "stored (the hub is not running)"
            latest = await history.latest_values(db, device_id)
            rows = {p: (pt.value, pt.time) for p, pt in latest.items() if path in (None, p)}
        for p in device.spec.properties():
            if p.path in rows:
                value, changed = rows[p.path]
                table.add_row(p.path, format_value(p, value), format_time(changed, zone))
        table.caption = source
        console.print(table)
    finally:
        await db.close()


async def show_history(
    settings: Settings, device_id: str, prop: str, since: str, buckets: int | None, console: Console
) -> None:
    """Print the history of one property, raw or down-sampled."""
    seconds = parse_since(since)
    db, devices, spaces, _ = await _stored_devices(settings)
    try:
        device = _device(settings, devices, device_id)
        zone = _home_zone(spaces, device)
        spec_prop = device.spec.property(prop)
        end = await history.last_time(db) or 0.0
        points = await history.history(
            db, device_id, spec_prop.path, end - seconds, end + 1, buckets=buckets
        )
        table = Table(title=f"{device.name}: {spec_prop.path}", header_style="bold")
        table.add_column("time")
        table.add_column("value")
        if buckets:
            table.add_column("min")
            table.add_column("max")
        for pt in points:
            cells = [format_time(pt.time, zone), format_value(spec_prop, pt.value)]
            if buckets:
                cells += [format_value(spec_prop, pt.min), format_value(spec_prop, pt.max)]
            table.add_row(*cells)
        console.print(table)
        if not points:
            console.print(f"no history for {spec_prop.path} in the last {since}")
    finally:
        await db.close()


def validate_specs(files: list[Path], console: Console) -> bool:
    """Validate spec files, printing each issue; returns whether all were valid."""
    ok = True
    for name, issues in validate_files(files):
        if not issues:
            console.print(f"[green]ok[/green]   {name}", highlight=False)
            continue
        ok = False
        console.print(f"[red]fail[/red] {name}: {len(issues)} issue(s)", highlight=False)
        for issue in issues:
            console.print(f"     {issue.path}: {issue.message}", highlight=False)
    return ok


def list_types(console: Console) -> None:
    """Print the built-in device types with their property counts."""
    table = Table(title="Built-in device types", header_style="bold")
    for column in ("key", "type", "properties", "actions", "events"):
        table.add_column(column)
    for key in library_keys():
        dt = device_type(key)
        table.add_row(
            key,
            str(dt.type),
            str(len(dt.properties())),
            str(sum(len(s.actions) for s in dt.services)),
            str(sum(len(s.events) for s in dt.services)),
        )
    console.print(table)
