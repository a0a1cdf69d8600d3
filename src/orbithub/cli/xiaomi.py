"""``orbithub xiaomi``: find Xiaomi devices on the network, add them with their token, list, remove.

Adding talks to the device (hello, then ``miIO.info`` with the token) and finds its model's
spec; the device and its token go into the data directory's private devices file, which a
running hub follows (the device joins within seconds) and ``orbithub serve`` loads. Tokens are
never printed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from orbithub.adapters.miio.adapter import MiioAdapter
from orbithub.adapters.miio.devices import XiaomiDevices
from orbithub.adapters.miio.discovery import discover
from orbithub.adapters.miio.specs import SpecResolver, spec_service_from_env
from orbithub.adapters.miio.tokens import (
    WHERE_TOKENS_COME_FROM,
    DeviceStoreError,
    XiaomiDeviceStore,
)
from orbithub.cli.control import ControlError, Handler, request, socket_path
from orbithub.cli.options import DatabaseUrl, DataDir
from orbithub.cli.running import hub_settings
from orbithub.cli.settings import Settings
from orbithub.errors import OrbitHubError
from orbithub.storage import Database
from orbithub.storage.db import DB_FILENAME

__all__ = ["xiaomi_app", "xiaomi_ops"]

xiaomi_app = typer.Typer(
    help="Xiaomi devices on the local network (miIO): discover, add with a token, list, remove.",
    no_args_is_help=True,
)
_NOW: dict[object, str] = {True: "answering", False: "[red]not answering[/red]", None: "starting"}
_console = Console()
_err_console = Console(stderr=True)


def _run(coro: object) -> None:
    try:
        asyncio.run(coro)  # type: ignore[arg-type]
    except (OrbitHubError, ValueError) as exc:
        _err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


def xiaomi_ops(adapter: MiioAdapter) -> dict[str, Handler]:
    """The control socket's ``xiaomi.states``: whether each device answers (no token)."""

    async def states(_request: Mapping[str, Any]) -> object:
        out: dict[str, object] = {}
        for entry in await adapter.devices.listed():
            state = adapter.link_state(entry.device.id)
            out[entry.device.id] = None if state is None else state.online
        return out

    return {"xiaomi.states": states}


async def _states(settings: Settings) -> dict[str, object] | None:
    """Each device's availability in the hub running on ``settings``, or None when none runs."""
    try:
        found = await request(socket_path(settings.data_dir), {"op": "xiaomi.states"}, timeout=3)
    except ControlError:
        return None
    return found if isinstance(found, dict) else None


def _devices(settings: Settings, *, offline: bool) -> XiaomiDevices:
    service = None if offline else spec_service_from_env()
    return XiaomiDevices(
        XiaomiDeviceStore.in_data_dir(settings.data_dir),
        SpecResolver(settings.data_dir, service_url=service),
    )


@xiaomi_app.command("discover")
def discover_(
    address: Annotated[
        list[str] | None,
        typer.Option("--address", help="Also ask this IP address (a device behind a router)."),
    ] = None,
    seconds: Annotated[float, typer.Option(min=0.5, max=30, help="How long to listen.")] = 3.0,
    no_broadcast: Annotated[
        bool, typer.Option("--no-broadcast", help="Ask only the --address ones.")
    ] = False,
    no_mdns: Annotated[bool, typer.Option("--no-mdns", help="Do not listen for mDNS.")] = False,
    port: Annotated[int, typer.Option(min=1, max=65535, help="The miIO port.")] = 54321,
) -> None:
    """Find Xiaomi devices: hello on the network (and to --address), and mDNS announcements."""

    async def go() -> None:
        result = await discover(
            within=seconds,
            broadcast=not no_broadcast,
            addresses=address or (),
            port=port,
            mdns=not no_mdns,
        )
        for problem in result.problems:
            _err_console.print(f"[yellow]note:[/yellow] {problem}", highlight=False)
        if not result.found:
            _console.print("No Xiaomi device answered.", highlight=False)
            return
        table = Table(header_style="bold")
        for column in ("address", "device id", "model", "token", "found by"):
            table.add_column(column)
        for found in result.found:
            where = found.address if found.port == 54321 else f"{found.address}:{found.port}"
            table.add_row(
                where,
                str(found.did),
                found.model or "(known once added)",
                "revealed: add it without --token" if found.token_revealed else "hidden",
                ", ".join(found.via),
            )
        _console.print(table)
        if any(not f.token_revealed for f in result.found):
            _console.print(f"\nTokens: {WHERE_TOKENS_COME_FROM}", highlight=False)
        _console.print(
            "\nAdd one with: orbithub xiaomi add ADDRESS --token TOKEN [--name NAME --room ROOM]",
            highlight=False,
        )

    _run(go())


@xiaomi_app.command()
def add(
    host: Annotated[
        str, typer.Argument(help="The device's address (IP or name, :port if not 54321).")
    ],
    token: Annotated[
        str | None,
        typer.Option(
            envvar="ORBITHUB_XIAOMI_TOKEN",
            show_default=False,
            help="The device's token, 32 hexadecimal digits (or $ORBITHUB_XIAOMI_TOKEN, which "
            "other users cannot see in the process list). Without it, the token the device "
            "reveals in its hello answer, if it does.",
        ),
    ] = None,
    device_id: Annotated[
        str | None, typer.Option("--id", help="Its id in the hub (default: xiaomi-<device id>).")
    ] = None,
    name: Annotated[str | None, typer.Option(help="Its name (default: its spec's).")] = None,
    space: Annotated[str, typer.Option(help="Its space.")] = "home",
    room: Annotated[str | None, typer.Option(help="Its room id.")] = None,
    alias: Annotated[
        list[str] | None, typer.Option(help="Another name for it (repeat for more).")
    ] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Never ask the public spec service.")
    ] = False,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Add a device: check it answers with its token, learn its model, find its spec."""

    async def go() -> None:
        settings = hub_settings(data_dir, database_url)
        await _check_place(settings, space, room)
        added = await _devices(settings, offline=offline).add(
            host,
            token,
            device_id=device_id,
            name=name,
            space_id=space,
            room_id=room,
            aliases=tuple(alias or ()),
        )
        device = added.device
        _console.print(
            f"Added {device.id} ({device.name}): model {device.model}, device id {device.did}, "
            f"at {device.address}",
            highlight=False,
        )
        if added.spec is not None:
            _console.print(
                f"Spec: {added.spec.source} ({added.spec.where}). A running hub takes it within "
                "seconds; otherwise `orbithub serve` loads it.",
                highlight=False,
            )
        elif added.missing is not None:
            _console.print(f"[yellow]Waiting for its spec:[/yellow] {added.missing}")

    _run(go())


async def _check_place(settings: Settings, space: str, room: str | None) -> None:
    """Refuse a space or room the hub does not have (a fresh hub makes its first space)."""
    if not (settings.data_dir / DB_FILENAME).exists() and settings.database_url is None:
        return
    db = await Database.open(settings.database_url, data_dir=settings.data_dir)
    try:
        spaces, rooms, _ = await db.load_registry()
    finally:
        await db.close()
    if spaces and space not in {s.id for s in spaces}:
        known = ", ".join(sorted(s.id for s in spaces))
        raise DeviceStoreError(f"there is no space {space!r}; the hub's spaces: {known}")
    in_space = {r.id for r in rooms if r.space_id == space}
    if room is not None and rooms and room not in in_space:
        known = ", ".join(sorted(in_space)) or "none"
        raise DeviceStoreError(f"space {space!r} has no room {room!r}; its rooms: {known}")


@xiaomi_app.command("list")
def list_(data_dir: DataDir = None, database_url: DatabaseUrl = None) -> None:
    """List the added Xiaomi devices and their specs (never their tokens)."""

    async def go() -> None:
        settings = hub_settings(data_dir, database_url)
        listed = await _devices(settings, offline=True).listed()
        states = await _states(settings)
        if not listed:
            _console.print(
                "No Xiaomi device added yet: `orbithub xiaomi discover`, then "
                "`orbithub xiaomi add ADDRESS --token TOKEN`.",
                highlight=False,
            )
            return
        table = Table(header_style="bold")
        table.add_column("id", no_wrap=True, min_width=max(len(e.device.id) for e in listed))
        for column in ("name", "model", "address", "device id", "room", "spec", "now"):
            table.add_column(column)
        for entry in listed:
            d = entry.device
            spec = f"{entry.spec.source}" if entry.spec else f"[yellow]{entry.problem}[/yellow]"
            now = (
                _NOW.get((states or {}).get(d.id), "") if states is not None else "hub not running"
            )
            table.add_row(d.id, d.name, d.model, d.address, str(d.did), d.room_id or "", spec, now)
        _console.print(table)

    _run(go())


@xiaomi_app.command()
def remove(
    device_id: Annotated[str, typer.Argument(help="The device's id in the hub.")],
    data_dir: DataDir = None,
) -> None:
    """Remove a device and forget its token (a running hub drops it within seconds)."""

    async def go() -> None:
        settings = hub_settings(data_dir)
        gone = await _devices(settings, offline=True).remove(device_id)
        _console.print(f"Removed {gone.id} ({gone.name}) and its token.", highlight=False)

    _run(go())
