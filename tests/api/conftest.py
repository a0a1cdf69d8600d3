"""API fixtures: the app over a real SQLite database and a hub with the demo world.

``api`` is an :class:`ApiHarness`: an ``httpx.AsyncClient`` talking to the app in-process
(ASGITransport, same event loop as the hub), the hub on a ManualClock with the simulated demo
devices, the recorder, and helpers that create people with roles and grants and sign them in.

Other areas' route tests can use it as is::

    async def test_something(api: ApiHarness) -> None:
        owner = await api.owner()
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        answer = await api.client.get("/api/devices", headers=mei.headers)

To reach a service of your area, start it on the harness's hub and attach it:
``api.attach(automations=engine)``. ``served(app)`` runs the app on a real uvicorn server on
loopback (for WebSocket clients and benchmarks).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.api import ApiSettings, create_app, serve_api
from orbithub.api.services import app_services, set_services
from orbithub.core.adapter import Adapter
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry
from orbithub.storage import Database, Recorder
from orbithub.storage.audit import AuditTrail
from orbithub.storage.users import Role

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Friday 20 November 2026, 10:00 in Beijing: the weekend is ahead.
T0 = datetime(2026, 11, 20, 10, 0, tzinfo=SHANGHAI).timestamp()
PASSWORD = "correct horse battery"  # noqa: S105 - a test password

FAST_SETTINGS = ApiSettings(password_time_cost=1, password_memory_kib=1024)
"""Cheap argon2 parameters: the tests create many users."""


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> float:
    """Epoch seconds of a Beijing local time."""
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI).timestamp()


@dataclass(frozen=True)
class Scope:
    """A grant to give: a space, optionally only some rooms/devices, optionally until a time."""

    space_id: str
    room_ids: Sequence[str] | None = None
    device_ids: Sequence[str] | None = None
    expires_at: float | None = None

    def body(self) -> dict[str, object]:
        return {
            "space_id": self.space_id,
            "room_ids": None if self.room_ids is None else list(self.room_ids),
            "device_ids": None if self.device_ids is None else list(self.device_ids),
            "expires_at": self.expires_at,
        }


@dataclass
class Person:
    """A signed-in user: their id, tokens and the header that authenticates them."""

    id: str
    username: str
    role: Role
    access_token: str
    refresh_token: str
    password: str = PASSWORD
    grant_ids: list[str] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


class ApiHarness:
    """The app, its client, and the hub parts behind it."""

    def __init__(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        hub: Hub,
        db: Database,
        clock: ManualClock,
        token_clock: ManualClock,
        recorder: Recorder,
        sim: SimAdapter | None,
    ) -> None:
        self.app = app
        self.client = client
        self.hub = hub
        self.db = db
        self.clock = clock
        self.token_clock = token_clock
        self.recorder = recorder
        self.sim = sim
        self._owner: Person | None = None

    def attach(self, **services: Any) -> None:
        """Serve these services too (``automations=engine``; None removes one)."""
        set_services(self.app, replace(app_services(self.app), **services))

    async def owner(self, username: str = "alex") -> Person:
        """The owner, created through onboarding on first use."""
        if self._owner is None:
            answer = await self.client.post(
                "/api/onboarding",
                json={"username": username, "password": PASSWORD, "display_name": "Alex"},
            )
            assert answer.status_code == 200, answer.text
            body = answer.json()
            self._owner = Person(
                body["user"]["id"],
                username,
                Role.OWNER,
                body["access_token"],
                body["refresh_token"],
            )
        return self._owner

    async def login(self, username: str, password: str = PASSWORD) -> httpx.Response:
        """POST /api/auth/login."""
        return await self.client.post(
            "/api/auth/login", json={"username": username, "password": password}
        )

    async def person(
        self,
        username: str,
        role: Role,
        *,
        grants: Sequence[Scope] = (),
        password: str = PASSWORD,
    ) -> Person:
        """Create a user through the API (as the owner), give grants, and sign them in."""
        owner = await self.owner()
        created = await self.client.post(
            "/api/users",
            json={"username": username, "password": password, "role": str(role)},
            headers=owner.headers,
        )
        assert created.status_code == 201, created.text
        user_id = created.json()["id"]
        grant_ids = [await self.grant(user_id, scope) for scope in grants]
        signed_in = await self.login(username, password)
        assert signed_in.status_code == 200, signed_in.text
        body = signed_in.json()
        return Person(
            user_id,
            username,
            role,
            body["access_token"],
            body["refresh_token"],
            password,
            grant_ids,
        )

    async def grant(self, user_id: str, scope: Scope) -> str:
        """Give a grant as the owner; returns its id."""
        owner = await self.owner()
        answer = await self.client.post(
            f"/api/users/{user_id}/grants", json=scope.body(), headers=owner.headers
        )
        assert answer.status_code == 201, answer.text
        grant_id: str = answer.json()["id"]
        return grant_id

    async def flush(self) -> None:
        """Write everything the recorder holds (history, events) now."""
        assert await self.recorder.flush()


@contextlib.asynccontextmanager
async def open_api(
    data_dir: Path,
    *,
    with_sim: bool = True,
    settings: ApiSettings = FAST_SETTINGS,
    registry: Registry | None = None,
    start: float = T0,
    adapters: Sequence[Adapter] = (),
) -> AsyncIterator[ApiHarness]:
    """The API over the demo world (or ``registry``) and a SQLite file in ``data_dir``.

    Args:
        data_dir: where the database goes.
        with_sim: run the simulated devices (commands work); without, the hub has no adapter
            and tests report values themselves.
        settings: API settings (cheap password hashing by default); its token clock is
            replaced by the harness's ``token_clock``.
        registry: the records to serve (default: the demo world).
        start: the hub clock's start time.
        adapters: more adapters for the hub (the miio adapter, say).
    """
    clock = ManualClock(start)
    token_clock = ManualClock(start)
    if registry is None:
        world = demo_world()
        registry = Registry()
        registry.load(world.spaces, world.rooms, world.devices)
    db = await Database.open(data_dir=data_dir)
    try:
        hub = Hub(clock=clock, registry=registry)
        # A coarse tick: API tests jump days ahead and need no fine physics on the way.
        sim = SimAdapter(clock=clock, routines=False, tick=3600.0) if with_sim else None
        if sim is not None:
            hub.add_adapter(sim)
        for adapter in adapters:
            hub.add_adapter(adapter)
        recorder = Recorder(db, hub.bus, hub.registry, clock=clock, retention_days=None)
        trail = AuditTrail(db, hub.bus)
        async with asyncio.TaskGroup() as tasks:
            await recorder.start(tasks)
            await trail.start(tasks)
            try:
                async with hub:
                    app = create_app(
                        hub=hub,
                        db=db,
                        settings=_with_clock(settings, token_clock),
                        audit_trail=trail,
                    )
                    transport = httpx.ASGITransport(app=app, client=("192.0.2.10", 50000))
                    async with httpx.AsyncClient(
                        transport=transport, base_url="http://hub.test"
                    ) as client:
                        yield ApiHarness(app, client, hub, db, clock, token_clock, recorder, sim)
                    app.state.live.close()
            finally:
                await trail.stop()
                await recorder.stop()
    finally:
        await db.close()


def _with_clock(settings: ApiSettings, clock: ManualClock) -> ApiSettings:
    fields: dict[str, Any] = {
        name: getattr(settings, name) for name in settings.__dataclass_fields__
    }
    fields["token_clock"] = clock
    return ApiSettings(**fields)


_Entered = TypeVar("_Entered")


@contextlib.asynccontextmanager
async def in_own_task(
    scope: contextlib.AbstractAsyncContextManager[_Entered],
) -> AsyncIterator[_Entered]:
    """Enter and leave ``scope`` in one task of its own.

    pytest-asyncio runs a fixture's setup and teardown in different tasks, and the task groups
    inside the hub and the recorder must be entered and left by the same task.
    """
    entered: asyncio.Future[_Entered] = asyncio.get_running_loop().create_future()
    leave = asyncio.Event()

    async def hold() -> None:
        try:
            async with scope as value:
                entered.set_result(value)
                await leave.wait()
        except BaseException as exc:
            if not entered.done():
                entered.set_exception(exc)
            raise

    async with asyncio.TaskGroup() as tasks:
        holder = tasks.create_task(hold())
        try:
            yield await entered
        finally:
            leave.set()
            await holder


@contextlib.asynccontextmanager
async def served(app: FastAPI, host: str = "127.0.0.1") -> AsyncIterator[str]:
    """Run ``app`` on a real uvicorn server on a free loopback port; yields its base URL."""
    ready = asyncio.Event()
    async with asyncio.TaskGroup() as tasks:
        server = tasks.create_task(serve_api(app, host, 0, ready=ready))
        async with asyncio.timeout(10):
            waiter = tasks.create_task(ready.wait())
            done, _ = await asyncio.wait({server, waiter}, return_when=asyncio.FIRST_COMPLETED)
            if server in done:
                waiter.cancel()
                server.result()  # raises the server's error
        try:
            yield f"http://{host}:{app.state.bound_port}"
        finally:
            server.cancel()


@pytest.fixture
async def api(tmp_path: Path) -> AsyncIterator[ApiHarness]:
    """The API over the simulated demo world."""
    async with in_own_task(open_api(tmp_path)) as harness:
        yield harness
