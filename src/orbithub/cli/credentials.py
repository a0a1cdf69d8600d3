"""``orbithub devices`` (list, credentials): each OrbitHub-protocol device's own broker login."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated

import typer
from rich.console import Console

from orbithub.adapters.mqtt.accounts import AccountsError, BrokerAccounts, DeviceCredentials
from orbithub.adapters.mqtt.protocol_messages import DEFAULT_PREFIX
from orbithub.cli import queries
from orbithub.cli.options import DatabaseUrl, DataDir
from orbithub.cli.settings import Settings
from orbithub.errors import OrbitHubError
from orbithub.storage import Database
from orbithub.storage.audit import write_audit

__all__ = ["devices_app", "issue_device_credentials"]

devices_app = typer.Typer(
    help="Devices: list them (with no command), or make a device's broker credentials.",
    invoke_without_command=True,
)
_console = Console()
_err_console = Console(stderr=True)


def _run(coro: object) -> None:
    try:
        asyncio.run(coro)  # type: ignore[arg-type]
    except OrbitHubError as exc:
        _err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None


@devices_app.callback()
def devices(
    ctx: typer.Context,
    space: Annotated[str | None, typer.Option(help="Only this space's devices.")] = None,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """List devices with their space, room, type and aliases."""
    if ctx.invoked_subcommand is not None:
        return
    _run(queries.list_devices(Settings.resolve(data_dir, database_url), space, _console))


@devices_app.command()
def credentials(
    device: Annotated[str, typer.Argument(help="The device id (its user name on the broker).")],
    space: Annotated[
        str | None,
        typer.Option(help="The device's space; default: the stored device's, else 'home'."),
    ] = None,
    prefix: Annotated[str, typer.Option(help="The hub's topic prefix.")] = DEFAULT_PREFIX,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Make (or replace) a device's login for the broker, and print it once.

    The device may then publish only its own announce, state, event, availability and reply
    topics, and receive only its own set and action requests. A running hub's embedded broker
    takes the new login at once; the old password stops working.
    """
    settings = Settings.resolve(data_dir, database_url)
    try:
        login, used_space = asyncio.run(
            issue_device_credentials(settings, device, space, prefix, actor="cli")
        )
    except OrbitHubError as exc:
        _err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    _console.print(
        f"Credentials for {device} (space {used_space}); shown only now, keep them with the "
        "device:",
        highlight=False,
    )
    _console.print(f"  username: {login.username}", highlight=False)
    _console.print(f"  password: {login.password}", highlight=False)
    _console.print(
        "The SDK takes them as Device(..., username=..., password=...); "
        "examples/smart_plug.py as --username and --password.",
        highlight=False,
    )


async def issue_device_credentials(
    settings: Settings, device: str, space: str | None, prefix: str, *, actor: str
) -> tuple[DeviceCredentials, str]:
    """Make ``device``'s login (audited); returns it and the space it was made for.

    Raises:
        AccountsError: an id is not valid in a topic, or the accounts file is damaged.
        OrbitHubError: the database cannot be opened.
    """
    db = await Database.open(settings.database_url, data_dir=settings.data_dir)
    try:
        _, _, stored = await db.load_registry()
        known = next((d for d in stored if d.id == device), None)
        if known is not None and space is not None and known.space_id != space:
            raise AccountsError(
                f"device {device!r} belongs to space {known.space_id!r}, not {space!r}; "
                "leave out --space"
            )
        used_space = space or (known.space_id if known is not None else "home")
        accounts = await asyncio.to_thread(BrokerAccounts.in_data_dir, settings.data_dir)
        login = await asyncio.to_thread(accounts.issue, device, used_space, prefix=prefix)
        await write_audit(
            db,
            actor=actor,
            action="device.credentials",
            target=device,
            space_id=used_space,
            time=time.time(),
        )
    finally:
        await db.close()
    return login, used_space
