"""Stopping a command on SIGTERM and SIGINT: cleanly on the first signal, at once on the second.

Python installs its Ctrl-C handler only when the process starts with SIGINT at its default;
scripts, job control and many tools start children with SIGINT ignored, and SIGTERM (what
``systemctl stop`` and ``docker stop`` send) ends an unprepared process without running any
``finally``. So the command's coroutine runs with both signals handled by the event loop itself:
the first cancels it, and its ``async with`` blocks unwind as on any stop (the recorder writes
the history it holds, automations save their pending work); the second exits at once. A
watchdog thread ends the process if the clean stop has not finished within
:data:`STOP_DEADLINE_S`, whatever the loop is doing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Coroutine
from typing import Any, Final, NoReturn, TypeVar

__all__ = ["STOP_DEADLINE_S", "STOP_SIGNALS", "Stopped", "exit_stopped", "run_until_signalled"]

T = TypeVar("T")

STOP_SIGNALS: Final = (signal.SIGINT, signal.SIGTERM)

STOP_DEADLINE_S: Final = 4.5
"""Seconds a clean stop may take before the process exits anyway (service managers wait 5+)."""


class Stopped:
    """The result of a command stopped by a signal: which one."""

    __slots__ = ("signum",)

    def __init__(self, signum: int) -> None:
        self.signum = signum

    @property
    def name(self) -> str:
        """The signal's name (``SIGTERM``)."""
        return signal.Signals(self.signum).name


def _say(text: str) -> None:
    # os.write: safe from any thread and right before os._exit, which flushes nothing.
    with contextlib.suppress(OSError, ValueError):
        os.write(sys.stderr.fileno(), (text + "\n").encode())


class _Stopper:
    """Turns the first stop signal into a cancellation of the main task, the second into exit."""

    def __init__(self, task: asyncio.Task[Any], deadline: float) -> None:
        self._task = task
        self._deadline = deadline
        self.signum: int | None = None

    def on_signal(self, signum: int) -> None:
        name = signal.Signals(signum).name
        if self.signum is not None:
            _say(f"{name} again: exiting now")
            os._exit(128 + signum)
        self.signum = signum
        _say(f"{name}: stopping (send it again to exit at once)")
        watchdog = threading.Timer(self._deadline, self._give_up)
        watchdog.daemon = True
        watchdog.start()
        self._task.cancel()

    def _give_up(self) -> None:
        _say(f"not stopped within {self._deadline:g} s: exiting now")
        os._exit(128 + (self.signum or signal.SIGTERM))


async def _guarded(main: Coroutine[Any, Any, T], deadline: float) -> T | Stopped:
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None  # noqa: S101 - always true inside a coroutine run by the loop
    stopper = _Stopper(task, deadline)
    for signum in STOP_SIGNALS:
        # Unlike signal.signal, this also replaces an inherited SIG_IGN, and the handler runs
        # on the loop between callbacks, never in the middle of one.
        loop.add_signal_handler(signum, stopper.on_signal, signum)
    try:
        result = await main
    except asyncio.CancelledError:
        if stopper.signum is None:
            raise
        return Stopped(stopper.signum)
    # A coroutine that ended its work on the cancellation and returned was stopped all the same.
    return result if stopper.signum is None else Stopped(stopper.signum)


def run_until_signalled(
    main: Coroutine[Any, Any, T], *, deadline: float = STOP_DEADLINE_S
) -> T | Stopped:
    """Run ``main`` on a new event loop until it returns or a stop signal ends it.

    Args:
        main: the command's coroutine.
        deadline: seconds the clean stop may take after the first signal.

    Returns:
        What ``main`` returned, or :class:`Stopped` when SIGINT or SIGTERM stopped it.
    """
    with asyncio.Runner() as runner:
        return runner.run(_guarded(main, deadline))


def exit_stopped() -> NoReturn:
    """End the process after a clean stop, without waiting for worker threads.

    Everything to keep was written before the command's coroutine returned. What may still run
    in a worker thread is computation nobody waits for any more (the assistant compiling its
    sentences just after start), and Python would join it before exiting, past the deadline.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(0)
