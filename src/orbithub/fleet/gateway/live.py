"""The gateway's live view: ``/api/homes/ws`` streams the changes of the homes a person may see.

Protocol (JSON text frames):

1. Authenticate: ``?token=...`` in the URL, or a first message ``{"type": "auth", "token"}``
   within 10 s. The server answers ``{"type": "authenticated", "user": {...}}``, or an
   ``error`` and closes with 4401.
2. The server sends ``{"type": "snapshot", "homes": [{"id", "name", "role", "devices"}]}``
   (devices as ``GET /api/homes/{home}/devices`` shows them), then one ``{"type": "changed",
   "home", "device", "prop", "value", "ts"}`` per change a worker committed, of a device the
   person may see.
3. A client that falls behind (its bounded queue overflows) gets ``{"type": "resync"}`` and a
   fresh snapshot. ``{"type": "ping"}`` is answered with ``{"type": "pong"}``.

Changes come from the workers on core NATS (``fleet.changes.<home>``, one subscription per
home the person belongs to); the database stays the record, so a snapshot is always read from
it after subscribing and nothing between the two is missed. Memberships and the token are
checked again every few seconds (``ApiSettings.ws_recheck_s``): a home the person left stops
at once (a fresh snapshot without it), and an expired or revoked token ends the connection
with 4401.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Final

import orjson
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription
from starlette.websockets import WebSocket, WebSocketDisconnect

from orbithub.access import Principal
from orbithub.api.auth import Accounts
from orbithub.api.errors import ApiError
from orbithub.api.settings import ApiSettings
from orbithub.fleet.changes import changes_subject, decode_changes
from orbithub.fleet.errors import FleetError
from orbithub.fleet.gateway.homes import HomeView, home_view
from orbithub.fleet.gateway.routes import by_device, device_out
from orbithub.storage.fleet import FleetChange, FleetStore
from orbithub.storage.users import Role

__all__ = ["live_endpoint"]

_LOGGER = logging.getLogger(__name__)

_CLOSE_UNAUTHENTICATED: Final = 4401
_AUTH_WITHIN_S: Final = 10.0
_MAX_FRAME: Final = 64 * 1024


async def live_endpoint(websocket: WebSocket) -> None:
    """Serve one live connection (see the module docstring for the protocol)."""
    app = websocket.app
    accounts: Accounts = app.state.accounts
    await websocket.accept()
    try:
        token = websocket.query_params.get("token") or await _auth_message(websocket)
        principal = await accounts.authenticate(token)
    except (ApiError, ValueError, TimeoutError) as exc:
        await _refuse(websocket, exc)
        return
    except WebSocketDisconnect:
        return
    session = _Session(websocket, accounts, app.state.fleet_store, app.state.nats, token)
    await session.send({"type": "authenticated", "user": _user(principal)})
    try:
        await session.run(principal, app.state.settings)
    except WebSocketDisconnect:
        pass
    finally:
        await session.close()


async def _auth_message(websocket: WebSocket) -> str:
    async with asyncio.timeout(_AUTH_WITHIN_S):
        raw = await websocket.receive_text()
    message = _parse(raw)
    token = message.get("token")
    if message.get("type") != "auth" or not isinstance(token, str):
        raise ValueError('send {"type": "auth", "token": "<access token>"} first')
    return token


async def _refuse(websocket: WebSocket, exc: BaseException) -> None:
    message = exc.message if isinstance(exc, ApiError) else str(exc) or "no token in time"
    with contextlib.suppress(Exception):
        await websocket.send_text(
            orjson.dumps({"type": "error", "code": "unauthenticated", "message": message}).decode()
        )
        await websocket.close(code=_CLOSE_UNAUTHENTICATED)


def _parse(raw: str) -> dict[str, Any]:
    if len(raw) > _MAX_FRAME:
        raise ValueError(f"a message is at most {_MAX_FRAME} bytes")
    try:
        message = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise ValueError("a message is a JSON object") from None
    if not isinstance(message, dict):
        raise ValueError("a message is a JSON object")
    return message


def _user(principal: Principal) -> dict[str, str]:
    return {
        "id": principal.user_id,
        "username": principal.username,
        "display_name": principal.display_name,
    }


class _Session:
    """One live connection: its homes, their subscriptions and the queue to the client."""

    def __init__(
        self, websocket: WebSocket, accounts: Accounts, store: FleetStore, nc: Client, token: str
    ) -> None:
        self._ws = websocket
        self._accounts = accounts
        self._store = store
        self._nc = nc
        self._token = token
        self._views: dict[str, HomeView] = {}
        self._roles: dict[str, Role] = {}
        self._subs: list[Subscription] = []
        self._queue: asyncio.Queue[FleetChange] = asyncio.Queue()
        self._limit = 256
        self._overflow = False
        self._wake = asyncio.Event()
        self._send_lock = asyncio.Lock()

    async def send(self, message: dict[str, Any]) -> None:
        async with self._send_lock:
            await self._ws.send_text(orjson.dumps(message).decode())

    async def run(self, principal: Principal, settings: ApiSettings) -> None:
        self._limit = settings.ws_queue
        await self._follow(principal)
        # The connection ends when any of the three ends: the client left, the token lapsed.
        parts = [
            asyncio.create_task(self._receiver()),
            asyncio.create_task(self._sender()),
            asyncio.create_task(self._recheck(settings.ws_recheck_s)),
        ]
        try:
            done, _ = await asyncio.wait(parts, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for part in parts:
                part.cancel()
            await asyncio.gather(*parts, return_exceptions=True)
        for part in done:
            failure = part.exception()
            if failure is not None and not isinstance(failure, WebSocketDisconnect):
                _LOGGER.warning("live connection ended by %r", failure)

    async def close(self) -> None:
        for sub in self._subs:
            with contextlib.suppress(Exception):
                await sub.unsubscribe()
        self._subs = []

    async def _follow(self, principal: Principal) -> None:
        """Subscribe to the person's homes, then send the snapshot read after subscribing."""
        await self.close()
        memberships = await self._store.homes.memberships(principal.user_id)
        limit = principal.space_limit
        self._roles = {h.id: r for h, r in memberships if limit is None or h.id in limit}
        views: dict[str, HomeView] = {}
        for home in self._roles:
            with contextlib.suppress(ApiError):  # left the home in between
                views[home] = await home_view(self._store, principal, home)
        self._views = views
        self._queue = asyncio.Queue()
        self._overflow = False
        for home in views:
            self._subs.append(await self._nc.subscribe(changes_subject(home), cb=self._on_changes))
        await self._snapshot()

    async def _snapshot(self) -> None:
        homes = []
        for home, view in self._views.items():
            values = by_device(await self._store.state(home))
            devices = [
                device_out(d, values.get(d.id, [])).model_dump(mode="json") for d in view.visible()
            ]
            homes.append(
                {
                    "id": home,
                    "name": view.home.name,
                    "role": str(self._roles[home]),
                    "devices": devices,
                }
            )
        await self.send({"type": "snapshot", "homes": homes})

    async def _on_changes(self, msg: Msg) -> None:
        try:
            changes = decode_changes(msg.data)
        except FleetError as exc:
            _LOGGER.warning("dropped a changes message on %s: %s", msg.subject, exc)
            return
        for change in changes:
            view = self._views.get(change.home)
            # The subject names the home; a payload naming another is not trusted.
            if view is None or msg.subject != changes_subject(change.home):
                continue
            if not view.may_see(change):
                continue
            if self._queue.qsize() >= self._limit:
                self._overflow = True
                break
            self._queue.put_nowait(change)
        self._wake.set()

    async def _sender(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            if self._overflow:
                self._queue = asyncio.Queue()
                self._overflow = False
                await self.send({"type": "resync"})
                await self._snapshot()
                continue
            while not self._queue.empty():
                change = self._queue.get_nowait()
                await self.send(
                    {
                        "type": "changed",
                        "home": change.home,
                        "device": change.device,
                        "prop": change.prop,
                        "value": change.value,
                        "ts": change.ts.isoformat(),
                    }
                )

    async def _receiver(self) -> None:
        while True:
            raw = await self._ws.receive_text()
            try:
                message = _parse(raw)
            except ValueError as exc:
                await self.send({"type": "error", "code": "bad_message", "message": str(exc)})
                continue
            kind = message.get("type")
            if kind == "ping":
                await self.send({"type": "pong"})
            elif kind == "auth" and isinstance(message.get("token"), str):
                try:
                    await self._accounts.authenticate(message["token"])
                except ApiError as exc:
                    await _refuse(self._ws, exc)
                    return
                self._token = message["token"]
            else:
                await self.send(
                    {"type": "error", "code": "bad_message", "message": f"unknown type {kind!r}"}
                )

    async def _recheck(self, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            try:
                principal = await self._accounts.authenticate(self._token)
            except ApiError as exc:
                await _refuse(self._ws, exc)
                return
            memberships = await self._store.homes.memberships(principal.user_id)
            limit = principal.space_limit
            roles = {h.id: r for h, r in memberships if limit is None or h.id in limit}
            if roles != self._roles:
                await self._follow(principal)
