"""``orbithub devices`` (list, credentials) and ``orbithub mqtt acl``: the broker's logins.

Each OrbitHub-protocol device gets a broker login of its own; ``orbithub mqtt acl`` writes the
same accounts as Mosquitto's password and ACL files for a hub on an external broker.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

import typer
from rich.console import Console

from orbithub.adapters.mqtt.accounts import AccountsError, BrokerAccounts, DeviceCredentials
from orbithub.adapters.mqtt.mosquitto import write_files
from orbithub.adapters.mqtt.protocol_messages import DEFAULT_PREFIX
from orbithub.cli import queries
from orbithub.cli.options import DatabaseUrl, DataDir
from orbithub.cli.running import hub_settings
from orbithub.cli.settings import Settings
from orbithub.errors import OrbitHubError
from orbithub.storage import Database
from orbithub.storage.audit import write_audit

__all__ = ["devices_app", "issue_device_credentials", "mqtt_app"]

devices_app = typer.Typer(
    help="Devices: list them (with no command), or make a device's broker credentials.",
    invoke_without_command=True,
)
mqtt_app = typer.Typer(
    help="The MQTT broker: Mosquitto files for the hub's logins.", no_args_is_help=True
)
_console = Console()
_err_console = Console(stderr=True)


def _run(coro: object) -> None:
    try:
        asyncio.run(coro)  # type: ignore[arg-type]
    except OrbitHubError as exc:
        _err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
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

    async def go() -> None:
        await queries.list_devices(hub_settings(data_dir, database_url), space, _console)

    _run(go())


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
        _err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
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


@mqtt_app.command()
def acl(
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the two files (default: the data directory)."),
    ] = None,
    host: Annotated[str, typer.Option(help="The Mosquitto host, for the hub's URL.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The Mosquitto port, for the hub's URL.")] = 1883,
    data_dir: DataDir = None,
) -> None:
    """Write a Mosquitto password_file and acl_file for the hub and its devices' logins.

    The hub's login may use every topic; each device's (``orbithub devices credentials``) only
    its own. Write them again after making or removing a device login, then reload Mosquitto.
    """
    settings = Settings.resolve(data_dir)
    try:
        accounts = BrokerAccounts.in_data_dir(settings.data_dir)
        files = write_files(accounts, (out or settings.data_dir).expanduser())
    except (OrbitHubError, OSError) as exc:
        _err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    count = len(accounts.devices())
    _console.print(
        f"Wrote {files.password_file} and {files.acl_file} (the hub and {count} device "
        "login(s)), readable by you only: give them to the user Mosquitto runs as "
        "(chown mosquitto) if that is another.",
        highlight=False,
    )
    _console.print("Add to mosquitto.conf, then reload Mosquitto (kill -HUP, or restart):")
    _console.print(files.config(), highlight=False, end="", soft_wrap=True)
    login = f"{quote(accounts.hub_username)}:{quote(accounts.hub_password, safe='')}"
    url_host = f"[{host}]" if ":" in host else host
    _console.print("Then start the hub with its own login:", highlight=False)
    _console.print(
        f"  orbithub serve --mqtt-url 'mqtt://{login}@{url_host}:{port}'",
        highlight=False,
        soft_wrap=True,
    )
