"""``orbithub users ...``: manage who may sign in, and seed the demo family's accounts.

The commands work on the data directory's database directly, so they also work while the hub
is stopped (the first owner of a headless hub, a forgotten password). A running hub sees the
changes within a few seconds (its account cache). Every change is written to the audit log
with the actor ``cli``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from orbithub.cli.formatting import add_id_column
from orbithub.cli.options import DatabaseUrl, DataDir
from orbithub.cli.settings import Settings
from orbithub.errors import OrbitHubError
from orbithub.storage import Database
from orbithub.storage import tokens as token_store
from orbithub.storage import users as user_store
from orbithub.storage.audit import write_audit
from orbithub.storage.users import Role, User, UsernameTakenError

if TYPE_CHECKING:
    # The API package loads the whole web stack: only imported when a password is hashed, so
    # every other command starts quickly.
    pass

__all__ = ["users_app"]

users_app = typer.Typer(
    help="Accounts: add users, list them, grant access to spaces, change passwords.",
    no_args_is_help=True,
)
_console = Console()
_err = Console(stderr=True)
_T = TypeVar("_T")

Password = Annotated[
    str,
    typer.Option(
        "--password",
        prompt=True,
        hide_input=True,
        confirmation_prompt=True,
        help="The password (asked for when not given; at least 8 characters).",
    ),
]

_ACTOR = "cli"
_MIN_PASSWORD = 8


class _Refused(OrbitHubError):
    """A command that cannot be done as asked; the message says why and what to do."""


def _run(settings: Settings, work: Callable[[Database], Awaitable[_T]]) -> _T:
    async def go() -> _T:
        db = await Database.open(settings.database_url, data_dir=settings.data_dir)
        try:
            return await work(db)
        finally:
            await db.close()

    try:
        return asyncio.run(go())
    except OrbitHubError as exc:
        _err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(1) from None


async def _hash(password: str) -> str:
    if len(password) < _MIN_PASSWORD:
        raise _Refused(f"a password needs at least {_MIN_PASSWORD} characters")
    from orbithub.api.auth import password_hasher
    from orbithub.api.settings import ApiSettings

    return await asyncio.to_thread(password_hasher(ApiSettings()).hash, password)


async def _find(db: Database, username: str) -> User:
    user = await user_store.get_user_by_username(db, username)
    if user is None:
        raise _Refused(f"no user {username!r}; `orbithub users list` shows them")
    return user


def _now() -> float:
    return datetime.now().timestamp()


@users_app.command("list")
def list_users(data_dir: DataDir = None, database_url: DatabaseUrl = None) -> None:
    """List users with their role and grants."""

    async def work(db: Database) -> list[tuple[User, list[user_store.Grant]]]:
        return [
            (u, await user_store.list_grants(db, u.id)) for u in await user_store.list_users(db)
        ]

    rows = _run(Settings.resolve(data_dir, database_url), work)
    if not rows:
        _console.print(
            "No users yet: open the web app to create the owner, or `orbithub users add`."
        )
        return
    table = Table()
    add_id_column(table, "user", [user.username for user, _ in rows])
    for column in ("name", "role", "grants"):
        table.add_column(column)
    for user, grants in rows:
        table.add_row(
            user.username,
            user.display_name,
            str(user.role),
            "; ".join(_describe(g) for g in grants)
            or ("everything" if user.role is Role.OWNER else "none"),
        )
    _console.print(table)


def _describe(grant: user_store.Grant) -> str:
    parts = [grant.space_id]
    if grant.room_ids:
        parts.append("rooms " + ",".join(grant.room_ids))
    if grant.device_ids:
        parts.append("devices " + ",".join(grant.device_ids))
    if grant.expires_at is not None:
        parts.append(
            "until " + datetime.fromtimestamp(grant.expires_at).isoformat(timespec="minutes")
        )
    return " ".join(parts)


@users_app.command("add")
def add_user(
    username: Annotated[str, typer.Argument(help="Sign-in name.")],
    password: Password,
    role: Annotated[Role, typer.Option(help="owner, adult, child or guest.")] = Role.ADULT,
    display_name: Annotated[str | None, typer.Option(help="Display name.")] = None,
    language: Annotated[str, typer.Option(help="Language tag (en, zh-CN).")] = "en",
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Add a user (then give them grants with `orbithub users grant`)."""

    async def work(db: Database) -> User:
        try:
            user = await user_store.create_user(
                db,
                username=username,
                display_name=display_name or username,
                role=role,
                language=language,
                password_hash=await _hash(password),
                now=_now(),
            )
        except UsernameTakenError as exc:
            raise _Refused(str(exc)) from None
        assert user is not None  # noqa: S101 - only onboarding asks for only_if_none
        await write_audit(
            db,
            actor=_ACTOR,
            action="user.create",
            target=username,
            detail={"role": str(role)},
            time=_now(),
        )
        return user

    user = _run(Settings.resolve(data_dir, database_url), work)
    _console.print(f"added {user.username} ({user.role})", highlight=False)


def _parse_until(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _Refused(
            f"cannot read the time {text!r}; write 2026-11-22T23:59 or epoch seconds"
        ) from None
    return moment.timestamp() if moment.tzinfo else moment.astimezone().timestamp()


@users_app.command("grant")
def grant(
    username: Annotated[str, typer.Argument(help="The user.")],
    space: Annotated[str, typer.Argument(help="The space id (home, office, car...).")],
    room: Annotated[
        list[str] | None, typer.Option("--room", help="Only this room (repeatable).")
    ] = None,
    device: Annotated[
        list[str] | None, typer.Option("--device", help="Only this device (repeatable).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Expiry, local ISO time (2026-11-22T23:59) or epoch.")
    ] = None,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Give a user access to a space (or some of its rooms or devices), optionally until a time."""

    async def work(db: Database) -> user_store.Grant:
        user = await _find(db, username)
        spaces, rooms, devices = await db.load_registry()
        if space not in {s.id for s in spaces}:
            known = ", ".join(s.id for s in spaces) or "none yet"
            raise _Refused(f"no space {space!r}; known spaces: {known}")
        _check_known("room", room, {r.id for r in rooms if r.space_id == space}, space)
        _check_known("device", device, {d.id for d in devices if d.space_id == space}, space)
        if user.role is Role.GUEST and not (room or device):
            raise _Refused("a guest's grant must name rooms (--room) or devices (--device)")
        expires_at = _parse_until(until)
        if expires_at is not None and expires_at <= _now():
            raise _Refused("--until is in the past; pick a later time")
        created = await user_store.add_grant(
            db,
            user_id=user.id,
            space_id=space,
            room_ids=room or None,
            device_ids=device or None,
            expires_at=expires_at,
            now=_now(),
        )
        await write_audit(
            db,
            actor=_ACTOR,
            action="grant.create",
            target=username,
            space_id=space,
            detail={
                "grant_id": created.id,
                "room_ids": room,
                "device_ids": device,
                "expires_at": expires_at,
            },
            time=_now(),
        )
        return created

    created = _run(Settings.resolve(data_dir, database_url), work)
    _console.print(f"granted {username}: {_describe(created)}", highlight=False)


def _check_known(kind: str, wanted: Sequence[str] | None, known: set[str], space: str) -> None:
    unknown = [w for w in wanted or () if w not in known]
    if unknown:
        raise _Refused(
            f"{kind}s {', '.join(unknown)} are not in space {space!r}; known: "
            f"{', '.join(sorted(known)) or 'none'}"
        )


@users_app.command("passwd")
def passwd(
    username: Annotated[str, typer.Argument(help="The user.")],
    password: Password,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Set a user's password; their other sessions are signed out."""

    async def work(db: Database) -> None:
        user = await _find(db, username)
        await user_store.update_user(db, user.id, password_hash=await _hash(password))
        await token_store.revoke_user_refresh_tokens(db, user.id, now=_now())
        await write_audit(db, actor=_ACTOR, action="user.passwd", target=username, time=_now())

    _run(Settings.resolve(data_dir, database_url), work)
    _console.print(f"password of {username} changed", highlight=False)
