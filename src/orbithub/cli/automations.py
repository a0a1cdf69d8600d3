"""Automations in a running hub: start them from the data directory, and ``orbithub automations``.

:func:`start_automations` is what ``orbithub serve`` and ``orbithub demo`` call: it loads the
YAML files of ``<data_dir>/automations/`` (a file with a mistake is logged with its file and
line and skipped; the others load), keeps pending delays and timers in
``<data_dir>/automation-pending.json`` so they survive a restart, and runs the engine in the
caller's task group until it ends. The ``automations`` command group lists, checks and explains
them, talking to the running hub over its control socket where it needs the live engine.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from orbithub.access import StoredOwnerRights
from orbithub.automation import Engine, JsonFileStore, explain
from orbithub.automation import triggers as trig
from orbithub.automation.arrivals import EtaSource
from orbithub.automation.errors import AutomationIssue
from orbithub.automation.explain import Language
from orbithub.automation.library import AutomationLibrary
from orbithub.automation.owners import RightsOf
from orbithub.automation.validate import check_automations
from orbithub.cli.control import ControlError, ControlServer, Handler
from orbithub.cli.formatting import add_id_column, summarise_reasons
from orbithub.cli.options import DataDir
from orbithub.cli.running import ask_hub, hub_settings
from orbithub.cli.settings import Settings
from orbithub.core.commands import CommandPort
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.errors import OrbitHubError
from orbithub.language import match_language
from orbithub.mobility.presence import Presence
from orbithub.storage.db import Database

__all__ = [
    "AUTOMATIONS_DIR",
    "PENDING_FILE",
    "STATE_FILE",
    "app",
    "control_ops",
    "owner_rights",
    "start_automations",
]

_LOGGER = logging.getLogger(__name__)

AUTOMATIONS_DIR = "automations"
"""Under the data directory: the YAML files of automations and scenes."""
PENDING_FILE = "automation-pending.json"
"""Under the data directory: pending delays, waits, holds and timers."""
STATE_FILE = "automation-state.json"
"""Under the data directory: which automations were enabled or disabled by hand."""


class _PresenceView:
    """The presence tracker as the engine asks it (None until it runs)."""

    def __init__(self, presence: Presence) -> None:
        self._presence = presence

    def people_at(self, space_id: str) -> Sequence[str] | None:
        if not self._presence.running:
            return None
        return self._presence.people_present(space_id)


def owner_rights(db: Database, hub: Hub) -> RightsOf:
    """Looks up a user's rights as they are now (grants expire on the hub's clock)."""
    return StoredOwnerRights(db, hub)


def _yaml_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


async def start_automations(
    hub: Hub,
    data_dir: Path,
    tasks: asyncio.TaskGroup,
    *,
    extra_documents: Sequence[Path] = (),
    control: ControlServer | None = None,
    presence: Presence | None = None,
    tracks: EtaSource | None = None,
    db: Database | None = None,
    commands: CommandPort | None = None,
) -> Engine:
    """Load the data directory's automations and run them in ``tasks`` until it ends.

    Args:
        hub: the running hub.
        data_dir: the hub's data directory.
        tasks: the task group that owns the engine (cancelling it stops the engine, saving
            pending work for the next start).
        extra_documents: more YAML files, read-only (the demo's scenes).
        control: the control socket, to answer ``orbithub automations list/why/run``.
        presence: the presence tracker, so conditions know who was home before any event.
        tracks: arrival estimates to share (default: the engine follows positions itself).
        db: the accounts, so an automation saved by a user runs with that user's rights
            (without it such an automation is refused when it fires).
        commands: the hub's guarded command entry, which every command of a run goes
            through (default: the hub itself).

    Returns:
        The running engine; ``engine.library`` is its folder (the API edits through it).
    """
    folder = data_dir / AUTOMATIONS_DIR
    files = await asyncio.to_thread(_yaml_files, folder)
    view = _PresenceView(presence) if presence is not None else None
    store = JsonFileStore(data_dir / PENDING_FILE)
    engine = Engine(hub, store=store, presence=view, tracks=tracks, commands=commands)
    library = AutomationLibrary(engine, folder, state_path=data_dir / STATE_FILE)
    engine.library = library
    if db is not None:
        engine.rights = owner_rights(db, hub)
    issues = await library.load(files)
    issues += await library.load(list(extra_documents), read_only=True)
    for issue in issues:
        _LOGGER.error("automation skipped: %s", issue)
    _note_unknown_references(engine)
    started: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    tasks.create_task(_run(engine, started), name="automations")
    await started
    if control is not None:
        control.add_ops(control_ops(engine))
    _LOGGER.info(
        "automations running: %d automations, %d scenes from %s",
        len(engine.automations()),
        len(engine.scenes()),
        folder,
    )
    return engine


def _note_unknown_references(engine: Engine) -> None:
    # Devices discovered over MQTT appear after start, so a reference to one not known yet is
    # normal then; one line says which, `orbithub automations check` gives the details.
    scenes = engine.scenes()
    problems = check_automations(engine.automations(), engine.hub.registry, scenes=scenes)
    if problems:
        _LOGGER.info(
            "%d automation reference(s) point at nothing yet (devices may still be discovered); "
            "`orbithub automations check` lists them",
            len(problems),
        )


async def _run(engine: Engine, started: asyncio.Future[None]) -> None:
    try:
        async with engine:
            started.set_result(None)
            await asyncio.Event().wait()  # until the owner's task group cancels it
    except BaseException as exc:
        if not started.done():
            started.set_exception(exc)
            return
        raise


# -- control socket ops ---------------------------------------------------------------------------
def control_ops(engine: Engine) -> dict[str, Handler]:
    """The ``automations.*`` ops the control socket answers for ``orbithub automations``."""

    async def listing(req: Mapping[str, Any]) -> object:
        automations = engine.automations()
        owners = {a.runs_as for a in automations if a.runs_as is not None}
        names = {owner: await _owner_name(engine, owner) for owner in owners}
        return [
            {**_summary(engine, a.id), "runs_as": names.get(a.runs_as or "", "household")}
            for a in automations
        ]

    async def why(req: Mapping[str, Any]) -> object:
        automation_id = str(req["id"])
        asked = match_language(str(req.get("lang") or ""))
        lang: Language = "zh" if asked == "zh-CN" else "de" if asked == "de" else "en"
        automation = engine.automation(automation_id)
        place = engine.place(automation)
        at = _at(req.get("at"), place.local(engine.clock.now()))
        found = engine.why(automation_id, at=at, window=float(req.get("window") or 120.0))
        return [
            {
                "time": e.time,
                "local": place.local(e.time).strftime("%H:%M:%S"),
                "zone": place.local(e.time).strftime("%Z"),
                "text": explain(e, lang, engine.hub.registry),
            }
            for e in found
        ]

    async def run(req: Mapping[str, Any]) -> object:
        return {"run_id": engine.fire(str(req["id"]))}

    return {"automations.list": listing, "automations.why": why, "automations.run": run}


def _at(raw: object, now: datetime) -> float | None:
    """``"19:02"`` (today, the space's time; yesterday if still ahead) or epoch seconds."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    text = str(raw).strip()
    try:
        hour, minute = (int(part) for part in text.split(":")[:2])
        moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    except ValueError:
        raise ControlError("bad_request", f"--at {text!r}: write a local time like 19:02") from None
    if moment > now:
        moment -= timedelta(days=1)
    return moment.timestamp()


async def _owner_name(engine: Engine, owner: str) -> str:
    """How ``automations list`` names the user an automation runs as."""
    rights = await engine.rights(owner) if engine.rights is not None else None
    return rights.username if rights is not None else f"deleted user {owner}"


def _summary(engine: Engine, automation_id: str) -> dict[str, object]:
    automation = engine.automation(automation_id)
    runs = engine.runs(automation_id)
    last = runs[-1] if runs else None
    source = engine.library.source(automation_id) if engine.library is not None else None
    return {
        "id": automation.id,
        "name": automation.name,
        "enabled": automation.enabled,
        "triggers": [trig.describe(t) for t in automation.triggers],
        "source": str(source.path) if source is not None else None,
        "running": len(engine.running(automation_id)),
        "last_run": None
        if last is None
        else {"status": str(last.status), "started": last.started, "error": last.error},
    }


# -- the command group ----------------------------------------------------------------------------
app = typer.Typer(
    help="Automations: list them, check a file, ask why one did not run.", no_args_is_help=True
)
_console = Console()
_errors = Console(stderr=True)


def _settings(data_dir: Path | None) -> Settings:
    try:
        return hub_settings(data_dir)
    except OrbitHubError as exc:
        _errors.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None


def _go(coro: object) -> None:
    try:
        asyncio.run(coro)  # type: ignore[arg-type]
    except OrbitHubError as exc:
        _errors.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None


@app.command("list")
def list_(data_dir: DataDir = None) -> None:
    """List automations: live from the running hub, else from the files."""
    settings = _settings(data_dir)

    async def go() -> None:
        try:
            rows = await ask_hub(settings, {"op": "automations.list"})
            live = True
        except ControlError as exc:
            if exc.code != "not_running":
                raise
            rows = await asyncio.to_thread(_from_files, settings.data_dir / AUTOMATIONS_DIR)
            live = False
        _print_list(rows if isinstance(rows, list) else [], live)

    _go(go())


def _from_files(folder: Path) -> list[dict[str, object]]:
    from orbithub.automation import load_documents
    from orbithub.automation.errors import AutomationFileError

    rows: list[dict[str, object]] = []
    for path in _yaml_files(folder):
        try:
            automations, _ = load_documents(path)
        except AutomationFileError as exc:
            rows.append({"id": "-", "name": f"{len(exc.issues)} problem(s)", "source": str(path)})
            continue
        rows.extend(
            {
                "id": a.id,
                "name": a.name,
                "enabled": a.enabled,
                "triggers": [trig.describe(t) for t in a.triggers],
                "source": str(path),
                "runs_as": "household" if a.runs_as is None else f"user {a.runs_as}",
            }
            for a in automations
        )
    return rows


def _yes_no(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "?"


def _print_list(rows: list[object], live: bool) -> None:
    title = "Automations (running hub)" if live else "Automations (files; the hub is not running)"
    table = Table(title=title, header_style="bold")
    add_id_column(table, "id", [str(r.get("id")) for r in rows if isinstance(r, dict)])
    for column in ("name", "enabled", "runs as", "triggers", "last run", "source"):
        table.add_column(column)
    for row in rows:
        if not isinstance(row, dict):
            continue
        last = row.get("last_run")
        table.add_row(
            str(row.get("id")),
            str(row.get("name")),
            _yes_no(row.get("enabled")),
            str(row.get("runs_as") or ""),
            "; ".join(str(t) for t in row.get("triggers") or []),
            str(last.get("status")) if isinstance(last, dict) else "",
            str(row.get("source") or ""),
        )
    _console.print(table)
    if not rows:
        _console.print(f"no automations; put YAML files in <data dir>/{AUTOMATIONS_DIR}/")


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="YAML files of automations and scenes.")],
    data_dir: DataDir = None,
) -> None:
    """Check files: their shape, then their devices against the hub's stored devices."""
    settings = _settings(data_dir)

    async def go() -> bool:
        from orbithub.storage import Database

        engine = Engine(Hub())
        library = AutomationLibrary(engine)
        issues = await library.load(files)
        registry: Registry | None = None
        if (settings.data_dir / "orbithub.db").exists() or settings.database_url:
            db = await Database.open(settings.database_url, data_dir=settings.data_dir)
            try:
                registry = Registry()
                registry.load(*await db.load_registry())
            finally:
                await db.close()
        if registry is not None and len(registry):
            issues += _against(registry, engine, library, files)
        for issue in issues:
            _console.print(str(issue), highlight=False, soft_wrap=True)
        if issues:
            return False
        checked = "and its devices exist" if registry is not None and len(registry) else ""
        _console.print(
            f"ok: {len(engine.automations())} automation(s), {len(engine.scenes())} scene(s) "
            f"{checked}".rstrip(),
            highlight=False,
        )
        return True

    try:
        ok = asyncio.run(go())
    except OrbitHubError as exc:
        _errors.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    if not ok:
        raise typer.Exit(1)


def _against(
    registry: Registry, engine: Engine, library: AutomationLibrary, files: Sequence[Path]
) -> list[AutomationIssue]:
    issues: list[AutomationIssue] = []
    automations = engine.automations()
    scenes = engine.scenes()
    for issue in check_automations(automations, registry, scenes=scenes):
        index = int(issue.path.split("[", 1)[1].split("]", 1)[0])
        section = issue.path.split("[", 1)[0]
        item = automations[index] if section == "automations" else scenes[index]
        source = library.source(item.id) if section == "automations" else None
        where = str(source.path) if source is not None else ", ".join(map(str, files))
        issues.append(AutomationIssue(where, issue.path.split(".", 1)[-1], issue.message))
    return issues


@app.command()
def why(
    automation_id: Annotated[str, typer.Argument(metavar="ID", help="Automation id.")],
    at: Annotated[
        str | None, typer.Option("--at", help="Around this local time (19:02), within 2 min.")
    ] = None,
    lang: Annotated[str, typer.Option(help="en, zh or de.")] = "en",
    data_dir: DataDir = None,
) -> None:
    """Why an automation did not run: each trigger evaluation that did not fire, and its reason."""
    settings = _settings(data_dir)

    async def go() -> None:
        found = await ask_hub(
            settings, {"op": "automations.why", "id": automation_id, "at": at, "lang": lang}
        )
        rows = found if isinstance(found, list) else []
        zones = sorted({str(r["zone"]) for r in rows if isinstance(r, dict) and r.get("zone")})
        if zones:
            # The home's clock, which may not be this machine's.
            _console.print(f"times in the home's zone ({', '.join(zones)})", highlight=False)
        for line in summarise_reasons([row for row in rows if isinstance(row, dict)]):
            _console.print(line, highlight=False, soft_wrap=True)
        if not rows:
            when = f" around {at}" if at else ""
            _console.print(f"{automation_id}: no trigger evaluations that did not fire{when}")

    _go(go())
