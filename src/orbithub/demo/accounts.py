"""The demo family's accounts: an owner, an adult, a child and a weekend guest, with grants."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from orbithub.storage import Database
from orbithub.storage import users as user_store
from orbithub.storage.audit import write_audit
from orbithub.storage.users import Role

__all__ = ["DemoLogin", "seed_demo_accounts"]


@dataclass(frozen=True, slots=True)
class DemoLogin:
    """One demo account to show on the console."""

    username: str
    password: str
    role: Role
    access: str

    def line(self) -> str:
        """``alex / orbithub-alex (owner: everything)``."""
        return f"{self.username} / {self.password} ({self.role}: {self.access})"


_DEMO_SPACE = "home"


def _weekend_end(now: float, timezone: str) -> float:
    try:
        tz = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("UTC")
    local = datetime.fromtimestamp(now, tz)
    sunday = (local + timedelta(days=(6 - local.weekday()) % 7)).replace(
        hour=23, minute=59, second=0, microsecond=0
    )
    if sunday.timestamp() <= now:
        sunday = (sunday + timedelta(days=7, hours=3)).replace(hour=23, minute=59)
    return sunday.timestamp()


async def seed_demo_accounts(
    db: Database,
    *,
    now: float,
    hash_password: Callable[[str], str],
    timezone: str = "Asia/Shanghai",
) -> list[DemoLogin]:
    """Create the demo family's accounts when they do not exist; return their logins.

    alex (owner), mei (adult, the home and the car), leo (child: the living room and the study),
    and guest (the living room and the front-door lock until Sunday 23:59, hub time). Existing
    users are left as they are. The passwords are fixed and printed: demo data directories
    only.

    Args:
        db: the hub's database.
        now: hub time (the demo's scaled clock), for the guest's weekend.
        hash_password: how the hub hashes passwords (blocking; run in a worker thread).
        timezone: the home's time zone, for when the weekend ends.

    Returns:
        The four logins, in the order above.
    """
    weekend = _weekend_end(now, timezone)
    until = datetime.fromtimestamp(weekend, ZoneInfo(timezone) if timezone else None)
    family: list[tuple[str, str, Role, list[dict[str, object]], str]] = [
        ("alex", "Alex", Role.OWNER, [], "everything"),
        (
            "mei",
            "Mei",
            Role.ADULT,
            [{"space_id": _DEMO_SPACE}, {"space_id": "car"}],
            "the home and the car",
        ),
        (
            "leo",
            "Leo",
            Role.CHILD,
            [{"space_id": _DEMO_SPACE, "room_ids": ["living-room", "study"]}],
            "the living room and the study",
        ),
        (
            "guest",
            "Guest",
            Role.GUEST,
            [
                {
                    "space_id": _DEMO_SPACE,
                    "room_ids": ["living-room"],
                    "device_ids": ["front-door-lock"],
                    "expires_at": weekend,
                }
            ],
            f"the living room and the front door until {until:%a %d %b %H:%M}",
        ),
    ]
    spaces = {s.id for s in (await db.load_registry())[0]}
    logins: list[DemoLogin] = []
    for username, display, role, grants, access in family:
        password = f"orbithub-{username}"
        logins.append(DemoLogin(username, password, role, access))
        if await user_store.get_user_by_username(db, username) is not None:
            continue
        user = await user_store.create_user(
            db,
            username=username,
            display_name=display,
            role=role,
            language="zh-CN" if username in ("mei", "leo") else "en",
            password_hash=await asyncio.to_thread(hash_password, password),
            now=now,
        )
        assert user is not None  # noqa: S101 - only onboarding asks for only_if_none
        for scope in grants:
            space_id = str(scope["space_id"])
            if spaces and space_id not in spaces:
                continue  # a trimmed demo world without the car
            rooms = scope.get("room_ids")
            devices = scope.get("device_ids")
            expires = scope.get("expires_at")
            await user_store.add_grant(
                db,
                user_id=user.id,
                space_id=space_id,
                room_ids=list(rooms) if isinstance(rooms, list) else None,
                device_ids=list(devices) if isinstance(devices, list) else None,
                expires_at=float(expires) if isinstance(expires, int | float) else None,
                now=now,
            )
        await write_audit(
            db,
            actor="demo",
            action="user.create",
            target=username,
            detail={"role": str(role)},
            time=now,
        )
    return logins
