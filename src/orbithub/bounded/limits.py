"""The limits one evaluation of untrusted input runs under, and the budget that enforces them.

A template from a discovery message or an automation is written by someone else: it may loop,
multiply or format its way to minutes of CPU or gigabytes of text. Every expensive step of a
render (a loop iteration, a call, an operator, a filter) asks the render's :class:`Budget` first,
so a template that breaks a limit stops at that step, long before the event loop notices.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar, Token
from dataclasses import dataclass

from orbithub.errors import OrbitHubError

__all__ = ["Budget", "LimitExceeded", "Limits", "current_budget"]


class LimitExceeded(OrbitHubError):
    """A template (or document) broke one of its limits and was refused.

    Attributes:
        limit: which limit (``time``, ``iterations``, ``text``, ``work``, ``number``,
            ``source``, ``regex``).
    """

    def __init__(self, limit: str, message: str) -> None:
        self.limit = limit
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one template render may do.

    Attributes:
        time: seconds of CPU one render may use (checked as it runs, so the event loop is held
            at most about this long).
        iterations: loop iterations of one render, all loops together (also the longest
            ``range``).
        text: characters of one string (or items of one list) an operation may make, and of
            everything a render writes.
        work: characters all the strings a render makes may add up to.
        number_bits: bits of the largest integer a render may make (1024: about 308 digits).
        source: characters of a template's source.
        pattern: characters of a regular expression.
    """

    time: float = 0.005
    iterations: int = 10_000
    text: int = 65_536
    work: int = 1_048_576
    number_bits: int = 1024
    source: int = 16_384
    pattern: int = 1_000


_SIZED = (str, list, tuple, dict, bytes)  # a tuple: isinstance is faster than with a union
_CHECK_EVERY = 16  # steps between clock reads: a clock read costs as much as ~10 steps


class Budget:
    """What one render has used so far. Loop only (one per render, held in a context variable).

    The clock is read every few steps, not at every one: a normal render takes a handful of
    steps and never pays for a clock read at all.
    """

    __slots__ = ("_cpu_start", "_wall_start", "iterations", "limits", "steps", "work", "written")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.steps = 0
        self.iterations = 0
        self.work = 0
        self.written = 0
        self._wall_start = time.perf_counter()
        self._cpu_start: float | None = None

    def step(self) -> None:
        """Count one step; refuse the render once it has used its time."""
        self.steps += 1
        if self.steps % _CHECK_EVERY == 0:
            self._check_time()

    def _check_time(self) -> None:
        if self._cpu_start is None:
            # CPU time, not wall time, decides: a render the OS paused for other work did not
            # hold the loop. It is first read here, so short renders never pay for it.
            self._cpu_start = time.thread_time()
            return
        if time.perf_counter() - self._wall_start <= self.limits.time:
            return
        if time.thread_time() - self._cpu_start > self.limits.time / 2:
            raise LimitExceeded(
                "time",
                f"the template ran longer than {self.limits.time * 1000:g} ms and was stopped; "
                "make it do less (fewer loops, smaller data)",
            )

    def remaining(self) -> float:
        """Seconds of wall time left (at least a millisecond), for waits that take a timeout."""
        return max(0.001, self.limits.time - (time.perf_counter() - self._wall_start))

    def iterate(self, items: Iterable[object], literal: int = 0) -> Iterator[object]:
        """``items`` with each iteration counted, and charged ``literal`` characters written."""
        limit = self.limits.iterations
        for item in items:
            self.iterations += 1
            if self.iterations > limit:
                raise LimitExceeded(
                    "iterations",
                    f"the template's loops ran more than the limit of {limit} iterations; "
                    "loop over less",
                )
            self.step()
            if literal:
                self.wrote(literal)
            yield item

    def sized(self, size: int, what: str = "text") -> None:
        """Refuse, before it is made, a result of ``size`` characters or items."""
        if size > self.limits.text:
            raise LimitExceeded(
                "text",
                f"the template would make {what} of {size} characters or items, over the "
                f"limit of {self.limits.text}",
            )

    def bits(self, bits: float) -> None:
        """Refuse, before it is computed, an integer of about ``bits`` bits."""
        if bits > self.limits.number_bits:
            raise LimitExceeded(
                "number",
                f"the template would compute a number of about {math.ceil(bits)} bits, over "
                f"the limit of {self.limits.number_bits}",
            )

    def made(self, value: object) -> object:
        """Check and count a value an operation made; returns it."""
        if isinstance(value, _SIZED):
            size = len(value)
            self.sized(size)
            self._charge(size)
        elif isinstance(value, int) and not isinstance(value, bool):
            self.bits(value.bit_length())
        return value

    def wrote(self, size: int) -> None:
        """Count ``size`` characters written to the output (captured blocks included)."""
        self.written += size
        self.work += size
        if self.written > self.limits.text:
            raise LimitExceeded(
                "text",
                f"the template wrote more than the limit of {self.limits.text} characters; "
                "write less",
            )
        if self.work > self.limits.work:
            self._charge(0)

    def _charge(self, size: int) -> None:
        self.work += size
        if self.work > self.limits.work:
            raise LimitExceeded(
                "work",
                f"the template made more text than the limit of {self.limits.work} characters "
                "in all; make it do less",
            )


_CURRENT: ContextVar[Budget | None] = ContextVar("orbithub_template_budget", default=None)


def current_budget(limits: Limits | None = None) -> Budget:
    """The budget of the render running now (a fresh one outside a render)."""
    budget = _CURRENT.get()
    if budget is None:
        return Budget(limits or Limits())
    return budget


def enter(budget: Budget) -> Token[Budget | None]:
    """Make ``budget`` the current one; returns the token for :func:`leave`."""
    return _CURRENT.set(budget)


def leave(token: Token[Budget | None]) -> None:
    """Restore the budget that was current before :func:`enter`."""
    _CURRENT.reset(token)
