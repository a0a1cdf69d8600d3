"""Run the API app with uvicorn inside the caller's task structure, and stop it gracefully.

uvicorn normally owns the process (signal handlers, its own loop). Here it is one task among
the hub's: the caller's cancellation (Ctrl-C handled by the CLI, a TaskGroup unwinding) asks
uvicorn to finish open requests and close WebSockets, then returns.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Generator, Sequence

import uvicorn
from fastapi import FastAPI

__all__ = ["serve_api"]

_LOGGER = logging.getLogger(__name__)

GRACEFUL_STOP_S = 2
"""Seconds open connections get to finish when the server stops.

The whole hub stops within 5 s of SIGTERM (service managers kill soon after); the recorder and
automations need the rest after the API has stopped.
"""


class _Server(uvicorn.Server):
    """A uvicorn server that leaves signals to its owner and reports when it listens."""

    def __init__(self, config: uvicorn.Config, ready: asyncio.Event | None) -> None:
        super().__init__(config)
        self._ready = ready

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        # The CLI owns SIGINT/SIGTERM and stops the hub's task group; uvicorn must not
        # install its own handlers (they would swallow the first Ctrl-C and re-raise it late).
        yield

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            await super().startup(sockets=sockets)
        except SystemExit:
            # uvicorn exits the process when it cannot bind; here that is the caller's error.
            config = self.config
            raise OSError(
                f"the API could not listen on {config.host}:{config.port} (in use or not "
                "permitted); choose another port"
            ) from None
        if self.started:
            app = self.config.app
            if isinstance(app, FastAPI) and self.servers and self.servers[0].sockets:
                app.state.bound_port = self.servers[0].sockets[0].getsockname()[1]
            if self._ready is not None:
                self._ready.set()


async def serve_api(
    app: FastAPI,
    host: str,
    port: int,
    *,
    ready: asyncio.Event | None = None,
    log_level: str = "warning",
    trusted_proxies: Sequence[str] = (),
) -> None:
    """Serve ``app`` until cancelled, then stop gracefully.

    Args:
        app: the app from :func:`orbithub.api.app.create_app`.
        host: the address to listen on (``127.0.0.1``; ``0.0.0.0`` for the whole network).
        port: the TCP port (0 picks a free one; ``app.state.bound_port`` has it once ready).
        ready: set once the server accepts connections.
        log_level: uvicorn's log level.
        trusted_proxies: addresses or networks (``10.0.0.0/8``) of reverse proxies whose
            ``X-Forwarded-For`` names the real caller; none by default, since a program on the
            hub's own machine could otherwise pose as any address. Login limits count callers
            by address, so behind a named proxy every phone keeps its own limit. Requests from
            anywhere else keep their own address whatever they claim.

    Raises:
        OSError: the port cannot be bound (in use, not permitted).
    """
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        log_config=None,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=GRACEFUL_STOP_S,
        ws_max_size=1_048_576,
        server_header=False,
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=list(trusted_proxies),
    )
    server = _Server(config, ready)
    try:
        async with asyncio.TaskGroup() as tasks:
            serving = tasks.create_task(server.serve(), name="uvicorn")
            try:
                await asyncio.shield(serving)
            except asyncio.CancelledError:
                server.should_exit = True
                # Wait for the graceful stop (bounded by timeout_graceful_shutdown), then let
                # the cancellation go on.
                await asyncio.wait({serving})
                raise
    except BaseExceptionGroup as group:
        # The one task's error, not a group of one: callers catch OSError for a busy port.
        if len(group.exceptions) == 1 and isinstance(group.exceptions[0], Exception):
            raise group.exceptions[0] from None
        raise
    _LOGGER.debug("API server on %s:%s stopped", host, port)
