"""One way to start and stop a long-running part of the hub: the Service protocol.

A service starts its loops in a task group it is given and stops on request. Services are
started in order and stopped in reverse, each stop bounded in time, and every one is stopped
even when another fails or the whole run is being cancelled (SIGTERM): the recorder's last
write must never be skipped because the web server before it was slow to close.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Protocol

__all__ = ["STOP_TIMEOUT_S", "Service", "running"]

_LOGGER = logging.getLogger(__name__)

STOP_TIMEOUT_S = 3.0
"""Seconds one service may take to stop before the next one's stop goes ahead."""


class Service(Protocol):
    """A long-running part of the hub (the recorder, the control socket, simulated devices)."""

    @property
    def name(self) -> str:
        """A short name for log lines (``recorder``)."""
        ...

    async def start(self, tasks: asyncio.TaskGroup) -> None:
        """Start; long-lived loops go into ``tasks``, which outlives :meth:`stop`."""
        ...

    async def stop(self) -> None:
        """Stop and write what is pending; may be called once, after :meth:`start`."""
        ...


@asynccontextmanager
async def running(
    services: Sequence[Service], tasks: asyncio.TaskGroup, *, stop_timeout: float = STOP_TIMEOUT_S
) -> AsyncIterator[None]:
    """Start ``services`` in order; leaving the block stops the started ones in reverse.

    A service that fails to start stops those started before it, and its error goes on.
    """
    started: list[Service] = []
    try:
        for service in services:
            await service.start(tasks)
            started.append(service)
        yield
    finally:
        cancelled = False
        for service in reversed(started):
            cancelled |= await _stop(service, stop_timeout)
        if cancelled:
            # Cancelled while stopping: every service was still stopped; now go on cancelling.
            raise asyncio.CancelledError


async def _stop(service: Service, within: float) -> bool:
    """Stop one service within ``within`` s; returns whether the caller was cancelled meanwhile."""
    # Shielded: a cancellation arriving now (the run being torn down) must not cut a stop that
    # is writing to disk; the timeout bounds it instead.
    stopping = asyncio.ensure_future(service.stop())
    try:
        async with asyncio.timeout(within):
            await asyncio.shield(stopping)
    except TimeoutError:
        _LOGGER.error("%s did not stop within %g s; going on without it", service.name, within)
        stopping.cancel()
    except asyncio.CancelledError:
        await asyncio.wait({stopping}, timeout=within)
        return True
    except Exception:
        _LOGGER.exception("%s failed to stop cleanly", service.name)
    return False
