"""The ``orbithub`` command: run the hub or the demo, look at devices, command them."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.markup import escape

from orbithub.cli import queries
from orbithub.cli.accounts import users_app
from orbithub.cli.ask import ask
from orbithub.cli.automations import app as automations_app
from orbithub.cli.credentials import devices_app, mqtt_app
from orbithub.cli.fleet_homes import homes_app
from orbithub.cli.fleet_missing import FLEET_EXTRA_MISSING, add_missing_fleet, fleet_installed
from orbithub.cli.gateway import NatsUrls
from orbithub.cli.options import DatabaseUrl, DataDir, Verbose
from orbithub.cli.process import tune_gc
from orbithub.cli.running import ask_hub, hub_settings
from orbithub.cli.settings import DEFAULT_HTTP_PORT, Settings, parse_trusted_proxies
from orbithub.cli.signals import Stopped, exit_stopped, run_until_signalled
from orbithub.cli.xiaomi import xiaomi_app
from orbithub.errors import OrbitHubError

__all__ = ["app", "main"]

app = typer.Typer(
    name="orbithub",
    help="OrbitHub: an open smart-living hub with the phone as control centre.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
spec_app = typer.Typer(
    help="Device specs: validate MIoT spec files, list built-in types.", no_args_is_help=True
)
app.add_typer(spec_app, name="spec")
app.add_typer(automations_app, name="automations")
app.add_typer(users_app, name="users")
app.add_typer(devices_app, name="devices")
app.add_typer(mqtt_app, name="mqtt")
app.add_typer(xiaomi_app, name="xiaomi")
app.add_typer(homes_app, name="homes")
app.command()(ask)


def _add_fleet(into: typer.Typer) -> None:
    """The fleet's commands, or an explanation where the fleet extra is not installed."""
    if not fleet_installed():
        add_missing_fleet(into)
        return
    from orbithub.cli.fleet import fleet_app, worker

    into.add_typer(fleet_app, name="fleet")
    into.command()(worker)


_add_fleet(app)

console = Console()
err_console = Console(stderr=True)

MqttUrl = Annotated[
    str | None,
    typer.Option(
        "--mqtt-url",
        envvar="ORBITHUB_MQTT_URL",
        show_default=False,
        help="An MQTT broker to use (mqtt://user:pass@host:1883, mqtts://...); "
        "default: the embedded broker on 127.0.0.1.",
    ),
]
PublishHa = Annotated[
    bool,
    typer.Option(
        "--publish-ha",
        help="Also publish the hub's devices to Home Assistant over "
        "MQTT discovery, and accept its commands.",
    ),
]
HttpHost = Annotated[
    str,
    typer.Option(
        "--http-host",
        envvar="ORBITHUB_HTTP_HOST",
        help="Address of the web app and API; 0.0.0.0 lets phones on your network reach it.",
    ),
]
HttpPort = Annotated[
    int,
    typer.Option("--http-port", envvar="ORBITHUB_HTTP_PORT", help="Port of the web app and API."),
]
TrustedProxies = Annotated[
    str,
    typer.Option(
        "--trusted-proxies",
        envvar="ORBITHUB_TRUSTED_PROXIES",
        help="Reverse proxies (addresses or networks, comma-separated) whose "
        "X-Forwarded-For names the real caller (login limits count per caller); "
        "default: none trusted.",
    ),
]
DemoHttpPort = Annotated[
    int | None,
    typer.Option(
        "--http-port",
        envvar="ORBITHUB_HTTP_PORT",
        show_default=False,
        help="Port of the web app and API (default 8420, or a free one when it is taken; a "
        "port asked for must be free).",
    ),
]
MaxDiscovered = Annotated[
    int,
    typer.Option(
        "--max-discovered-devices",
        min=1,
        help="Most devices Home Assistant discovery and zigbee2mqtt may add; more are refused "
        "and counted (GET /api/diagnostics/discovery).",
    ),
]
MqttPort = Annotated[
    int | None,
    typer.Option(
        "--mqtt-port", show_default=False, help="Port of the embedded broker (default 1883)."
    ),
]


def _logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # Library chatter (migrations, broker state machines, connection lines) is for whoever
    # debugs those parts, not for every start.
    for noisy in ("alembic", "amqtt", "transitions", "gmqtt", "aiosqlite", "orbithub.sdk"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)
    # gmqtt warns of a lost connection with a traceback; the hub's client says it in one line.
    logging.getLogger("gmqtt").setLevel(logging.DEBUG if verbose else logging.ERROR)


def _private_files() -> None:
    # The hub's data directory holds the home's secrets; every file and folder it creates
    # (database, keys, automations, insights) is for its own user only.
    os.umask(0o077)


def _run(coro: Coroutine[Any, Any, None]) -> None:
    """Run a command's coroutine; OrbitHub errors become a red message and exit status 1.

    SIGTERM or one Ctrl-C stops it cleanly (exit status 0); a second one exits at once.
    """
    try:
        outcome = run_until_signalled(coro)
    except Exception as exc:  # whatever ends the command: one clear line
        err_console.print(f"[red]error:[/red] {_one_line(exc)}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if isinstance(outcome, Stopped):
        err_console.print("stopped", highlight=False)
        exit_stopped()


def _one_line(exc: BaseException) -> str:
    """What ended a command, in one line; the traceback of a bug goes to the debug log."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        # A task group ends on its first failure; the others are the cancellations it caused.
        exc = exc.exceptions[0]
    if isinstance(exc, OrbitHubError):
        return str(exc)
    logging.getLogger("orbithub").debug("the command failed", exc_info=exc)
    return (
        f"stopped by an unexpected error: {type(exc).__name__}: {exc}; please report it "
        "(`serve` and `demo` with --verbose log where it happened)"
    )


@app.command()
def demo(
    speed: Annotated[float, typer.Option(help="Simulated seconds per real second.")] = 60.0,
    seed: Annotated[int, typer.Option(help="Seed of the simulation (same seed, same day).")] = 0,
    duration: Annotated[
        float | None,
        typer.Option(help="Stop after this many real seconds (default: run until Ctrl-C)."),
    ] = None,
    history_days: Annotated[
        float,
        typer.Option(
            min=0,
            max=60,
            envvar="ORBITHUB_DEMO_HISTORY_DAYS",
            help="Days of the family's past written behind a fresh demo, for suggestions "
            "and alerts to learn from (0: none).",
        ),
    ] = 14.0,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
    mqtt_url: MqttUrl = None,
    mqtt_port: MqttPort = None,
    publish_ha: PublishHa = False,
    http_host: HttpHost = "127.0.0.1",
    http_port: DemoHttpPort = None,
    verbose: Verbose = False,
) -> None:
    """Run the demo world: a simulated home, office, car and two phones, over MQTT."""
    from orbithub.cli.demo import run_demo
    from orbithub.cli.services import HttpOptions

    _logging(verbose)
    _private_files()
    settings = Settings.resolve(data_dir or _demo_dir(), database_url)
    _run(
        run_demo(
            settings,
            speed=speed,
            seed=seed,
            duration=duration,
            console=console,
            mqtt_url=mqtt_url,
            mqtt_port=mqtt_port,
            publish_ha=publish_ha,
            http=HttpOptions(
                http_host,
                DEFAULT_HTTP_PORT if http_port is None else http_port,
                any_free_port=http_port is None,
            ),
            history_days=history_days,
        )
    )


def _demo_dir() -> Path:
    from orbithub.cli.settings import default_data_dir

    return default_data_dir() / "demo"


@app.command()
def gateway(
    database_url: Annotated[
        str,
        typer.Option(
            "--database-url",
            envvar="ORBITHUB_DATABASE_URL",
            help="The fleet's PostgreSQL database (postgresql://user:pass@host:5432/db).",
        ),
    ],
    nats_url: NatsUrls = "nats://127.0.0.1:4222",
    database_schema: Annotated[
        str | None,
        typer.Option(
            "--database-schema",
            help="The PostgreSQL schema holding the fleet's tables (default: the search path).",
            show_default=False,
        ),
    ] = None,
    http_host: HttpHost = "127.0.0.1",
    http_port: HttpPort = DEFAULT_HTTP_PORT,
    trusted_proxies: TrustedProxies = "none",
    verbose: Verbose = False,
) -> None:
    """Serve the fleet's API and live view for the homes a person may see (stateless)."""
    if not fleet_installed():
        err_console.print(f"[red]error:[/red] {escape(FLEET_EXTRA_MISSING)}", highlight=False)
        raise typer.Exit(1)
    from orbithub.cli.gateway import run_gateway

    try:
        proxies = parse_trusted_proxies(trusted_proxies)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--trusted-proxies") from None
    urls = [u.strip() for u in nats_url.split(",") if u.strip()]
    if not urls:
        raise typer.BadParameter("give at least one NATS URL", param_hint="--nats-url")
    _logging(verbose)
    _run(
        run_gateway(
            database_url,
            urls,
            http_host,
            http_port,
            schema=database_schema,
            trusted_proxies=proxies,
        )
    )


@app.command()
def serve(
    duration: Annotated[
        float | None, typer.Option(help="Stop after this many seconds (default: run until Ctrl-C).")
    ] = None,
    live: Annotated[bool, typer.Option(help="Show the live device table.")] = True,
    space: Annotated[
        str, typer.Option(help="The space discovered devices (Home Assistant, zigbee2mqtt) join.")
    ] = "home",
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
    mqtt_url: MqttUrl = None,
    mqtt_port: MqttPort = None,
    publish_ha: PublishHa = False,
    max_discovered_devices: MaxDiscovered = 1000,
    http_host: HttpHost = "127.0.0.1",
    http_port: HttpPort = DEFAULT_HTTP_PORT,
    trusted_proxies: TrustedProxies = "none",
    verbose: Verbose = False,
) -> None:
    """Run the hub with the spaces and devices stored in the data directory."""
    from orbithub.cli.demo import run_serve
    from orbithub.cli.services import HttpOptions

    try:
        proxies = parse_trusted_proxies(trusted_proxies)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--trusted-proxies") from None
    _logging(verbose)
    _private_files()
    settings = Settings.resolve(data_dir, database_url)
    _run(
        run_serve(
            settings,
            duration=duration,
            live=live,
            console=console,
            mqtt_url=mqtt_url,
            mqtt_port=mqtt_port,
            publish_ha=publish_ha,
            space=space,
            max_discovered=max_discovered_devices,
            http=HttpOptions(http_host, http_port, trusted_proxies=proxies),
        )
    )


@app.command()
def get(
    device: Annotated[str, typer.Argument(help="Device id.")],
    prop: Annotated[
        str | None, typer.Argument(metavar="PROPERTY", help="Property path or siid.piid.")
    ] = None,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Show a device's current values (from the running hub, else the last stored ones)."""

    async def go() -> None:
        await queries.get_values(hub_settings(data_dir, database_url), device, prop, console)

    _run(go())


def _parse_value(text: str) -> object:
    """``true``, ``23.5`` and ``"x"`` are JSON; anything else is taken as a plain string."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return text


@app.command(name="set")
def set_(
    device: Annotated[str, typer.Argument(help="Device id.")],
    prop: Annotated[str, typer.Argument(metavar="PROPERTY", help="Property path or siid.piid.")],
    value: Annotated[str, typer.Argument(help="New value: true, 23.5, 2, or text.")],
    data_dir: DataDir = None,
) -> None:
    """Write a property on a running hub (checked against the device's spec)."""

    async def go() -> None:
        result = await ask_hub(
            hub_settings(data_dir),
            {"op": "set", "device": device, "property": prop, "value": _parse_value(value)},
        )
        _print_command_result(result)

    _run(go())


@app.command()
def call(
    device: Annotated[str, typer.Argument(help="Device id.")],
    action: Annotated[str, typer.Argument(help="Action path or siid.aiid.")],
    arguments: Annotated[
        list[str] | None, typer.Argument(help="Inputs, positional (5) or named (duration=5).")
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Run a device action on a running hub."""
    raw = arguments or []
    named = all("=" in a for a in raw) and raw
    args: object = (
        {k: _parse_value(v) for k, v in (a.split("=", 1) for a in raw)}
        if named
        else [_parse_value(a) for a in raw]
    )

    async def go() -> None:
        result = await ask_hub(
            hub_settings(data_dir),
            {"op": "call", "device": device, "action": action, "arguments": args},
        )
        _print_command_result(result)

    _run(go())


def _print_command_result(result: object) -> None:
    if isinstance(result, dict) and result.get("confirmed"):
        console.print("[green]confirmed[/green] by the device", highlight=False)
        outputs = result.get("outputs")
        if outputs:
            console.print(outputs)
    else:
        message = result.get("message") if isinstance(result, dict) else None
        console.print(f"[yellow]sent, not confirmed[/yellow]{': ' + message if message else ''}")


@app.command()
def history(
    device: Annotated[str, typer.Argument(help="Device id.")],
    prop: Annotated[str, typer.Argument(metavar="PROPERTY", help="Property path.")],
    since: Annotated[str, typer.Option(help="How far back: 30m, 6h, 7d.")] = "24h",
    buckets: Annotated[
        int | None, typer.Option(help="Down-sample into this many buckets (avg/min/max).")
    ] = None,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Show the recorded history of one property."""

    async def go() -> None:
        settings = hub_settings(data_dir, database_url)
        await queries.show_history(settings, device, prop, since, buckets, console)

    _run(go())


@spec_app.command("validate")
def spec_validate(
    files: Annotated[list[Path], typer.Argument(help="MIoT spec v2 JSON files.")],
) -> None:
    """Check MIoT spec files; report every problem with its path in the file."""
    if not queries.validate_specs(files, console):
        raise typer.Exit(1)


@spec_app.command("types")
def spec_types() -> None:
    """List the built-in device types."""
    queries.list_types(console)


def main() -> None:
    """Entry point of the ``orbithub`` console script."""
    tune_gc()
    with contextlib.suppress(BrokenPipeError):
        app()
