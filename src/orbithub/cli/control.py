"""The local control socket through which `orbithub get/set/call` reach a running hub.

A Unix socket in the data directory, readable and writable by its owner only, carrying one JSON
request and one JSON reply per line. Access to the socket file is the authorisation: whoever may
open the data directory may run the hub, so commands sent here carry an owner's rights (no
confirmation asked: the command line is the confirmation). They still go through the guarded
command entry, so each is audited under the local user's name. Remote clients use the HTTP API.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any, TypeAlias

import orjson

from orbithub.access import Actor, Commands
from orbithub.errors import OrbitHubError

__all__ = ["ControlError", "ControlServer", "Handler", "request", "socket_path"]

_LOGGER = logging.getLogger(__name__)
_MAX_LINE = 64 * 1024
_TIMEOUT = 15.0

Handler: TypeAlias = Callable[[Mapping[str, Any]], Awaitable[object]]
"""Answers one op of a part running in the hub (``automations.list``); may raise OrbitHubError."""


class ControlError(OrbitHubError):
    """The running hub refused a request, or no hub is running."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


def socket_path(data_dir: Path) -> Path:
    """Where a hub using ``data_dir`` listens."""
    return data_dir / "orbithub.sock"


def _code(exc: BaseException) -> str:
    """A stable machine code from the exception's class name (``OutOfRange`` -> out_of_range)."""
    name = type(exc).__name__.removesuffix("Error")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class ControlServer:
    """Answers control requests against one hub. Runs inside the hub's process."""

    def __init__(self, commands: Commands, path: Path) -> None:
        self._commands = commands
        self._hub = commands.hub
        self._path = path
        self._server: asyncio.Server | None = None
        self._ops: dict[str, Handler] = {}

    def add_ops(self, ops: Mapping[str, Handler]) -> None:
        """Answer more ops (a part of the hub started after the socket, such as automations)."""
        self._ops.update(ops)

    @property
    def name(self) -> str:
        """``control socket`` (a :class:`~orbithub.core.lifecycle.Service`)."""
        return "control socket"

    async def start(self, tasks: asyncio.TaskGroup | None = None) -> None:
        """Listen on the socket (replacing a stale one left by a killed hub).

        The server runs on the loop itself: ``tasks`` is not needed.
        """
        if self._path.exists():
            if await _answers(self._path):
                raise ControlError(
                    "already_running",
                    f"another hub is already running on {self._path.parent}; stop it or use "
                    "another --data-dir",
                )
            self._path.unlink()
        old_umask = os.umask(0o177)
        try:
            self._server = await asyncio.start_unix_server(
                self._handle, path=str(self._path), limit=_MAX_LINE
            )
        finally:
            os.umask(old_umask)

    async def stop(self) -> None:
        """Stop listening and remove the socket file."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        with contextlib.suppress(FileNotFoundError):
            self._path.unlink()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            line = await asyncio.wait_for(reader.readline(), _TIMEOUT)
            reply = await self._answer(line)
            writer.write(orjson.dumps(reply) + b"\n")
            await writer.drain()
        except (TimeoutError, ConnectionError, asyncio.LimitOverrunError, ValueError) as exc:
            _LOGGER.warning("control request failed: %s", exc)
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _answer(self, line: bytes) -> dict[str, object]:
        try:
            request = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            return _error("bad_request", f"the request is not JSON: {exc}")
        if not isinstance(request, dict):
            return _error("bad_request", "the request must be a JSON object")
        try:
            return {"ok": True, "result": await self._run(request)}
        except ControlError as exc:
            return _error(exc.code, str(exc))
        except OrbitHubError as exc:
            return _error(_code(exc), str(exc))
        except (KeyError, TypeError) as exc:
            return _error("bad_request", f"malformed request: {exc!r}")

    async def _run(self, req: Mapping[str, Any]) -> object:
        hub = self._hub
        op = req.get("op")
        actor = Actor.local(str(req.get("user") or os.environ.get("USER") or "local")[:100])
        if op == "ping":
            return {"devices": len(hub.registry), "seq": hub.bus.seq}
        if op == "get":
            device = hub.registry.device(str(req["device"]))
            return {
                path: {
                    "value": st.value,
                    "last_changed": st.last_changed,
                    "last_reported": st.last_reported,
                }
                for path, st in hub.state.device(device.id).items()
                if req.get("property") in (None, path)
            }
        if op == "set":
            result = await self._commands.set(
                actor, str(req["device"]), str(req["property"]), req["value"]
            )
            return {"confirmed": result.confirmed, "message": result.message}
        if op == "call":
            args = req.get("arguments") or {}
            if not isinstance(args, dict | list):
                raise TypeError("arguments must be a list or an object")
            result = await self._commands.call(actor, str(req["device"]), str(req["action"]), args)
            return {
                "confirmed": result.confirmed,
                "outputs": dict(result.outputs),
                "message": result.message,
            }
        handler = self._ops.get(str(op))
        if handler is not None:
            return await handler(req)
        return _raise_unknown_op(op, self._ops)


def _raise_unknown_op(op: object, extra: Mapping[str, Handler]) -> object:
    known = ", ".join(["ping", "get", "set", "call", *sorted(extra)])
    raise ControlError("bad_request", f"unknown op {op!r}; use one of {known}")


def _error(code: str, message: str) -> dict[str, object]:
    return {"ok": False, "error": {"code": code, "message": message}}


async def _answers(path: Path) -> bool:
    try:
        await request(path, {"op": "ping"}, timeout=2.0)
    except ControlError:
        return False
    return True


async def request(
    path: Path,
    body: Mapping[str, object],
    *,
    timeout: float = _TIMEOUT,  # noqa: ASYNC109 - one bound over connect, send and reply
) -> object:
    """Send one request to the hub listening at ``path`` and return its result.

    Raises:
        ControlError: no hub answers there, or it refused the request (``code`` says why).
    """
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_unix_connection(str(path), limit=_MAX_LINE)
            try:
                writer.write(orjson.dumps(dict(body)) + b"\n")
                await writer.drain()
                line = await reader.readline()
            finally:
                writer.close()
                with contextlib.suppress(ConnectionError):
                    await writer.wait_closed()
    except (FileNotFoundError, ConnectionRefusedError):
        raise ControlError(
            "not_running",
            f"no hub is running on {path.parent}; start one with `orbithub serve` or "
            "`orbithub demo` (and the same --data-dir)",
        ) from None
    except TimeoutError:
        raise ControlError("timeout", f"the hub on {path.parent} did not answer in time") from None
    if not line:
        raise ControlError("no_reply", "the hub closed the connection without answering")
    reply = orjson.loads(line)
    if not isinstance(reply, dict):
        raise ControlError("bad_reply", "the hub sent an unexpected reply")
    if not reply.get("ok"):
        err = reply.get("error") or {}
        raise ControlError(str(err.get("code", "error")), str(err.get("message", "refused")))
    return reply.get("result")
