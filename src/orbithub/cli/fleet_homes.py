"""``orbithub homes``: a fleet's homes in PostgreSQL: provision them, let people in, keep months."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console

from orbithub.errors import OrbitHubError
from orbithub.storage.users import Role

if TYPE_CHECKING:
    from orbithub.storage import Database
    from orbithub.storage.fleet import FleetStore

__all__ = ["homes_app"]

homes_app = typer.Typer(
    help="Fleet mode: provision homes, let people into them, create and detach history months.",
    no_args_is_help=True,
)
_console = Console()
_errors = Console(stderr=True)
_T = TypeVar("_T")

FleetDatabase = Annotated[
    str,
    typer.Option(
        "--database-url",
        envvar="ORBITHUB_DATABASE_URL",
        help="The fleet's PostgreSQL database (postgresql://user:pass@host:5432/db).",
    ),
]
FleetSchema = Annotated[
    str | None,
    typer.Option(
        "--database-schema",
        help="The PostgreSQL schema holding the fleet's tables (default: the search path).",
        show_default=False,
    ),
]


def _run(url: str, schema: str | None, work: Callable[[FleetStore, Database], Awaitable[_T]]) -> _T:
    # Loaded per command: the PostgreSQL driver is not needed by the rest of the CLI.
    from orbithub.storage import Database
    from orbithub.storage.fleet import FleetStore

    async def main() -> _T:
        store = await FleetStore.open(url, schema=schema, application_name="orbithub-homes")
        try:
            db = await Database.open(url, schema=schema)
            try:
                return await work(store, db)
            finally:
                await db.close()
        finally:
            await store.close()

    try:
        return asyncio.run(main())
    except (OrbitHubError, ValueError) as exc:
        _errors.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


@homes_app.command("add")
def add_home(
    home: Annotated[str, typer.Argument(help="The home's id: letters, digits, '_' or '-'.")],
    name: Annotated[str, typer.Argument(help="Its display name.")],
    database_url: FleetDatabase,
    database_schema: FleetSchema = None,
) -> None:
    """Provision a home (or rename one)."""

    async def work(store: FleetStore, _db: Database) -> None:
        await store.homes.put_home(home, name)

    _run(database_url, database_schema, work)
    _console.print(f"home {home} ({name})", highlight=False)


@homes_app.command("member")
def member(
    home: Annotated[str, typer.Argument(help="The home's id.")],
    username: Annotated[str, typer.Argument(help="The person's sign-in name.")],
    database_url: FleetDatabase,
    role: Annotated[Role, typer.Option(help="owner, adult, child or guest.")] = Role.ADULT,
    remove: Annotated[bool, typer.Option("--remove", help="Take them out of the home.")] = False,
    database_schema: FleetSchema = None,
) -> None:
    """Let a person into a home with a role, change their role, or take them out."""

    async def work(store: FleetStore, db: Database) -> str:
        from orbithub.storage import users as user_store

        user = await user_store.get_user_by_username(db, username)
        if user is None:
            raise ValueError(f"no user {username!r}; add them with `orbithub users add` first")
        if remove:
            left = await store.homes.remove_member(home, user.id)
            return f"{username} left {home}" if left else f"{username} was not in {home}"
        await store.homes.put_member(home, user.id, role)
        return f"{username} is {role} in {home}"

    _console.print(_run(database_url, database_schema, work), highlight=False)


@homes_app.command("months")
def months(
    database_url: FleetDatabase,
    ahead: Annotated[
        int, typer.Option(min=0, max=36, help="Create this many months after the current one.")
    ] = 2,
    detach_before: Annotated[
        str | None,
        typer.Option(
            help="Detach every month of history before this one (YYYY-MM); the tables stay "
            "for archiving until dropped.",
            show_default=False,
        ),
    ] = None,
    database_schema: FleetSchema = None,
) -> None:
    """Create history months ahead, detach old ones, and list the months attached."""
    cutoff = _month(detach_before) if detach_before is not None else None

    async def work(store: FleetStore, _db: Database) -> tuple[list[str], list[date]]:
        wanted = [date.today().replace(day=1)]
        for _ in range(ahead):
            last = wanted[-1]
            wanted.append(date(last.year + last.month // 12, last.month % 12 + 1, 1))
        await store.ensure_months(wanted)
        detached = [] if cutoff is None else await store.detach_months_before(cutoff)
        return detached, await store.months()

    detached, attached = _run(database_url, database_schema, work)
    for table in detached:
        _console.print(f"detached {table}", highlight=False)
    _console.print("attached: " + ", ".join(m.strftime("%Y-%m") for m in attached), highlight=False)


def _month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a month; write YYYY-MM") from None
