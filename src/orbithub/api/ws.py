"""The live view: ``/api/ws`` streams changes of the devices a client watches and may see.

Protocol (JSON text frames):

1. Authenticate: ``?token=...`` in the URL, or a first message ``{"type": "auth", "token"}``.
   The server answers ``{"type": "authenticated", "epoch", "user": {...}}``, or an ``error``
   and closes with 4401. Only messages that carry data have a ``seq`` (snapshot, changes,
   ``resumed``), so a client may keep the highest ``seq`` it saw and resume from it. A later
   ``auth`` message with a fresh token keeps the connection going.
2. ``{"type": "subscribe", "spaces": [..], "rooms": [..], "devices": [..], "since_seq": n,
   "epoch": e}``: watch the union of those (all lists empty or missing: everything visible).
   The server answers ``{"type": "snapshot", "epoch", "seq", "devices": [Device]}``, or, when
   ``epoch`` is this hub's and ``since_seq`` is recent enough, ``{"type": "resumed", "epoch",
   "seq"}`` preceded by exactly the missed messages.
3. The server then streams ``changed``, ``online``, ``event``, ``registry`` messages, and
   ``{"type": <kind>, ...payload}`` for UserMessage events addressed to the user.
   A client that falls behind (its bounded queue overflows) gets ``{"type": "resync"}`` and a
   fresh snapshot. ``{"type": "ping"}`` is answered with ``{"type": "pong"}``.

The ``epoch`` names this run of the hub: sequence numbers start again from 0 when it restarts,
so a ``since_seq`` is only meaningful together with the epoch it was seen in. A subscribe with
another epoch, or with none (older clients), gets a snapshot, never a resume.

Only devices the user may see are ever sent: the subscription's filter asks the principal for
every event, and the principal is rebuilt when one of its grants expires.

The connection lives only as long as its token: when the token expires (send a fresh one with
``auth`` before that), its session is signed out, or the user's password changes, the server
sends an ``error`` with code ``unauthenticated`` and closes with 4401 within seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import Any

import orjson
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from orbithub.access import Approvals, Commands, Principal
from orbithub.api.auth import Accounts
from orbithub.api.errors import ApiError
from orbithub.api.live import LiveFeed
from orbithub.api.render import device_dict
from orbithub.api.settings import ApiSettings
from orbithub.core.bus import Overflow, Subscription
from orbithub.core.events import (
    DeviceEvent,
    DeviceOnline,
    HubEvent,
    PropertyChanged,
    RegistryChanged,
    UserMessage,
)
from orbithub.core.hub import Hub
from orbithub.core.registry import Device

__all__ = ["websocket_endpoint"]

_LOGGER = logging.getLogger(__name__)

AUTH_TIMEOUT_S = 10.0
_CLOSE_UNAUTHENTICATED = 4401
_MAX_MESSAGE = 65_536
_MAX_IDS = 2000
_MAX_EPOCH = 128


@dataclass(frozen=True, slots=True)
class _Watch:
    """What a client watches; all empty means everything it may see."""

    spaces: frozenset[str] = frozenset()
    rooms: frozenset[str] = frozenset()
    devices: frozenset[str] = frozenset()

    @property
    def everything(self) -> bool:
        return not (self.spaces or self.rooms or self.devices)

    def covers(self, device: Device) -> bool:
        return (
            self.everything
            or device.space_id in self.spaces
            or (device.room_id is not None and device.room_id in self.rooms)
            or device.id in self.devices
        )

    def covers_space(self, space_id: str) -> bool:
        return self.everything or space_id in self.spaces or bool(self.rooms or self.devices)


class _ClientError(Exception):
    """A message from the client that cannot be used; answered, the connection stays."""


def _dumps(message: dict[str, Any]) -> str:
    return orjson.dumps(message).decode()


def _ids(message: dict[str, Any], key: str) -> frozenset[str]:
    raw = message.get(key)
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or len(raw) > _MAX_IDS or not all(isinstance(i, str) for i in raw):
        raise _ClientError(f"{key!r} must be a list of ids (at most {_MAX_IDS})")
    return frozenset(raw)


class _Session:
    """One authenticated connection."""

    def __init__(
        self,
        socket: WebSocket,
        hub: Hub,
        accounts: Accounts,
        live: LiveFeed,
        principal: Principal,
        token: str,
        settings: ApiSettings,
        approvals: Approvals | None = None,
    ) -> None:
        self.socket = socket
        self.token = token
        self.recheck_s = settings.ws_recheck_s
        self.hub = hub
        self.accounts = accounts
        self.live = live
        self.principal = principal
        self.approvals = approvals
        self.watch: _Watch | None = None
        self.revision = accounts.revision
        self.covered_seq = 0
        """Events up to this seq are already in what the client got (snapshot or replay)."""
        self.lock = asyncio.Lock()
        self.sub: Subscription = hub.bus.subscribe(maxsize=settings.ws_queue, accept=self.accept)

    # -- filtering (loop only, runs inside publish) -------------------------------------------
    def accept(self, event: HubEvent) -> bool:
        if isinstance(event, UserMessage):
            return self.principal.username in event.recipients
        watch = self.watch
        if watch is None:
            return False
        if isinstance(event, PropertyChanged | DeviceOnline | DeviceEvent):
            device = self.hub.registry.find_device(event.device_id)
            return (
                device is not None
                and watch.covers(device)
                and self.principal.can_view_device(device)
            )
        if isinstance(event, RegistryChanged):
            return watch.covers_space(event.space_id) and self.principal.can_view_space(
                event.space_id
            )
        return False

    def render(self, event: HubEvent) -> dict[str, Any] | None:
        if isinstance(event, PropertyChanged):
            return {
                "type": "changed",
                "seq": event.seq,
                "time": event.time,
                "device_id": event.device_id,
                "path": event.path,
                "value": event.value,
            }
        if isinstance(event, DeviceOnline):
            return {
                "type": "online",
                "seq": event.seq,
                "time": event.time,
                "device_id": event.device_id,
                "online": event.online,
            }
        if isinstance(event, DeviceEvent):
            return {
                "type": "event",
                "seq": event.seq,
                "time": event.time,
                "device_id": event.device_id,
                "path": event.path,
                "arguments": dict(event.arguments),
            }
        if isinstance(event, RegistryChanged):
            return {
                "type": "registry",
                "seq": event.seq,
                "time": event.time,
                "space_id": event.space_id,
                "kind": str(event.kind),
                "id": event.record_id,
                "removed": event.removed,
            }
        if isinstance(event, UserMessage):
            return {**dict(event.payload), "type": event.kind}
        return None

    # -- sending ------------------------------------------------------------------------------
    async def send(self, message: dict[str, Any]) -> None:
        await self.socket.send_text(_dumps(message))

    def snapshot(self) -> dict[str, Any]:
        """Everything watched and visible, at the current seq (no await: one consistent cut)."""
        watch = self.watch or _Watch()
        devices = [
            device_dict(self.hub, d, self.principal, approvals=self.approvals)
            for d in self.hub.registry
            if watch.covers(d) and self.principal.can_view_device(d)
        ]
        self.covered_seq = self.hub.bus.seq
        return {
            "type": "snapshot",
            "epoch": self.live.epoch,
            "seq": self.covered_seq,
            "devices": devices,
        }

    async def send_snapshot(self, *, resync: bool = False) -> None:
        async with self.lock:
            if resync:
                await self.send({"type": "resync"})
            await self.send(self.snapshot())

    # -- the two halves -----------------------------------------------------------------------
    async def read(self) -> None:
        """Client messages until it disconnects."""
        try:
            while True:
                try:
                    await self.handle(await _receive_text(self.socket))
                except _ClientError as exc:
                    await self.send({"type": "error", "code": "bad_message", "message": str(exc)})
        except WebSocketDisconnect:
            pass
        finally:
            self.sub.close()

    async def handle(self, text: str) -> None:
        if len(text) > _MAX_MESSAGE:
            raise _ClientError(f"messages are limited to {_MAX_MESSAGE} characters")
        try:
            message = orjson.loads(text)
        except orjson.JSONDecodeError:
            raise _ClientError('send JSON objects such as {"type": "subscribe"}') from None
        if not isinstance(message, dict):
            raise _ClientError('send JSON objects such as {"type": "subscribe"}')
        kind = message.get("type")
        if kind == "ping":
            async with self.lock:
                await self.send({"type": "pong"})
        elif kind == "subscribe":
            await self.subscribe(message)
        elif kind == "auth":
            await self.reauthenticate(message)
        else:
            raise _ClientError(f"unknown message type {kind!r}; use subscribe, auth or ping")

    async def subscribe(self, message: dict[str, Any]) -> None:
        watch = _Watch(_ids(message, "spaces"), _ids(message, "rooms"), _ids(message, "devices"))
        raw_since = message.get("since_seq")
        if raw_since is not None and (
            not isinstance(raw_since, int) or isinstance(raw_since, bool)
        ):
            raise _ClientError("since_seq must be an integer or null")
        epoch = message.get("epoch")
        if epoch is not None and (not isinstance(epoch, str) or len(epoch) > _MAX_EPOCH):
            raise _ClientError("epoch must be the string the hub sent with the snapshot, or null")
        since: int | None = raw_since
        self.watch = watch
        missed = None if since is None else self.live.since(since, epoch)
        if missed is None or since is None:
            await self.send_snapshot()
            return
        async with self.lock:
            # Replay what the client missed, as the new filter would have let it through.
            for event in missed:
                if self.accept(event):
                    rendered = self.render(event)
                    if rendered is not None:
                        await self.send(rendered)
            self.covered_seq = max(self.covered_seq, missed[-1].seq if missed else since)
            await self.send({"type": "resumed", "epoch": self.live.epoch, "seq": self.covered_seq})

    async def reauthenticate(self, message: dict[str, Any]) -> None:
        token = message.get("token")
        if not isinstance(token, str):
            raise _ClientError("auth needs a token")
        try:
            principal = await self.accounts.authenticate(token)
        except ApiError as exc:
            raise _ClientError(exc.message) from None
        if principal.user_id != self.principal.user_id:
            raise _ClientError("a connection stays with one user; open a new one")
        self.principal = principal
        self.token = token
        await self.send_snapshot(resync=True)

    async def write(self) -> None:
        """Stream events until the subscription closes."""
        async for item in self.sub:
            if isinstance(item, Overflow):
                _LOGGER.info(
                    "live view of %s fell %d events behind; resyncing",
                    self.principal.username,
                    item.dropped,
                )
                await self.send_snapshot(resync=True)
                continue
            if await self.refresh_principal():
                continue
            async with self.lock:
                if item.seq <= self.covered_seq:
                    continue
                if not isinstance(item, UserMessage) and not self.accept(item):
                    continue  # access changed since the event was queued
                rendered = self.render(item)
                if rendered is not None:
                    await self.send(rendered)

    async def watch_token(self) -> None:
        """Close the connection once its token is refused (expired, signed out, new password).

        Account changes made through this hub's API wake it at once; the periodic check
        catches expiry and changes made elsewhere (the command line).
        """
        while True:
            changed = self.accounts.changed()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.recheck_s):
                    await changed.wait()
            try:
                await self.accounts.authenticate(self.token)
            except ApiError as exc:
                async with self.lock:
                    with contextlib.suppress(Exception):
                        await self.send(
                            {"type": "error", "code": "unauthenticated", "message": exc.message}
                        )
                    await self.socket.close(_CLOSE_UNAUTHENTICATED, "unauthenticated")
                self.sub.close()
                return

    async def refresh_principal(self) -> bool:
        """Rebuild the principal when a grant expired or accounts changed.

        Returns:
            True when the access changed and a resync (or a close) was sent instead.
        """
        until = self.principal.valid_until
        expired = until is not None and self.hub.now() >= until
        if not expired and self.revision == self.accounts.revision:
            return False
        self.revision = self.accounts.revision
        principal = await self.accounts.principal(
            self.principal.user_id,
            space_limit=self.principal.space_limit,
            token_kind=self.principal.token_kind,
        )
        if principal is None:
            await self.socket.close(_CLOSE_UNAUTHENTICATED, "account deleted")
            self.sub.close()
            return True
        changed = principal != self.principal
        self.principal = principal
        if changed:
            await self.send_snapshot(resync=True)
        return changed


async def _receive_text(socket: WebSocket) -> str:
    """The next text frame; a binary frame is the client's mistake, not a reason to crash."""
    message = await socket.receive()
    if message["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(message.get("code", 1000), message.get("reason"))
    text = message.get("text")
    if text is None:
        raise _ClientError("send JSON as text frames; binary frames are not understood")
    return str(text)


async def _token(socket: WebSocket) -> str:
    token = socket.query_params.get("token")
    if token:
        return token
    async with asyncio.timeout(AUTH_TIMEOUT_S):
        text = await _receive_text(socket)
    try:
        message = orjson.loads(text)
    except orjson.JSONDecodeError:
        message = None
    if not isinstance(message, dict) or message.get("type") != "auth":
        raise _ClientError('the first message must be {"type": "auth", "token": "..."}')
    token = message.get("token")
    if not isinstance(token, str) or not token:
        raise _ClientError("the auth message needs a token")
    return token


async def websocket_endpoint(websocket: WebSocket) -> None:
    """``/api/ws``: authenticate, then serve subscriptions until the client leaves."""
    await websocket.accept()
    state = websocket.app.state
    hub: Hub = state.hub
    accounts: Accounts = state.accounts
    live: LiveFeed = state.live
    settings: ApiSettings = state.settings
    try:
        token = await _token(websocket)
        principal = await accounts.authenticate(token)
    except (ApiError, _ClientError, TimeoutError) as exc:
        message = exc.message if isinstance(exc, ApiError) else str(exc) or "no auth in time"
        with contextlib.suppress(Exception):
            await websocket.send_text(
                _dumps({"type": "error", "code": "unauthenticated", "message": message})
            )
            await websocket.close(_CLOSE_UNAUTHENTICATED, "unauthenticated")
        return
    except WebSocketDisconnect:
        return
    commands: Commands = state.commands
    session = _Session(
        websocket, hub, accounts, live, principal, token, settings, commands.approvals
    )
    try:
        await session.send(
            {
                "type": "authenticated",
                "epoch": live.epoch,
                "user": {
                    "id": principal.user_id,
                    "username": principal.username,
                    "display_name": principal.display_name,
                    "role": str(principal.role),
                    "language": principal.language,
                },
            }
        )
        async with asyncio.TaskGroup() as tasks:
            watcher = tasks.create_task(session.watch_token(), name="ws-token")
            streams = {
                tasks.create_task(session.read(), name="ws-read"),
                tasks.create_task(session.write(), name="ws-write"),
            }
            await asyncio.wait(streams)
            watcher.cancel()
    except* (WebSocketDisconnect, RuntimeError, OSError):
        # The client went away mid-send (RuntimeError: the socket was already closed).
        pass
    finally:
        session.sub.close()
        if websocket.client_state is WebSocketState.CONNECTED:
            with contextlib.suppress(Exception):
                await websocket.close(1000)
