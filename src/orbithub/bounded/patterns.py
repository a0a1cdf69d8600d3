"""Regular expressions from templates, matched with a time limit.

A pattern such as ``(a+)+$`` takes exponential time on a long non-matching text with Python's
``re``, and nothing can interrupt it. The ``regex`` package takes a ``timeout``; every match
here gets the render's remaining time, and a pattern or a replacement that grows too large is
refused like any other template limit.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from orbithub.bounded.limits import Budget, LimitExceeded, current_budget

__all__ = ["regex_findall", "regex_match", "regex_replace", "regex_search"]


@lru_cache(maxsize=256)
def _compiled(pattern: str, ignorecase: bool) -> regex.Pattern[str]:
    # VERSION0 keeps the ``re`` module's semantics, which template authors expect.
    flags = regex.VERSION0 | (regex.IGNORECASE if ignorecase else 0)
    try:
        return regex.compile(pattern, flags)
    except regex.error as exc:
        raise LimitExceeded("regex", f"{pattern!r} is not a regular expression: {exc}") from None


def _pattern(find: Any, ignorecase: bool) -> tuple[regex.Pattern[str], Budget]:
    budget = current_budget()
    budget.step()
    pattern = str(find)
    if len(pattern) > budget.limits.pattern:
        raise LimitExceeded(
            "regex",
            f"a regular expression of {len(pattern)} characters is over the limit of "
            f"{budget.limits.pattern}",
        )
    return _compiled(pattern, bool(ignorecase)), budget


def _timed_out(budget: Budget) -> LimitExceeded:
    return LimitExceeded(
        "regex",
        f"a regular expression ran out of the template's {budget.limits.time * 1000:g} ms; "
        "use a simpler pattern",
    )


def regex_match(value: Any, find: Any = "", ignorecase: bool = False) -> bool:
    """Whether ``find`` matches at the start of ``value``."""
    pattern, budget = _pattern(find, ignorecase)
    try:
        return pattern.match(str(value), timeout=budget.remaining()) is not None
    except TimeoutError:
        raise _timed_out(budget) from None


def regex_search(value: Any, find: Any = "", ignorecase: bool = False) -> bool:
    """Whether ``find`` matches anywhere in ``value``."""
    pattern, budget = _pattern(find, ignorecase)
    try:
        return pattern.search(str(value), timeout=budget.remaining()) is not None
    except TimeoutError:
        raise _timed_out(budget) from None


def regex_findall(value: Any, find: Any = "", ignorecase: bool = False) -> list[Any]:
    """Every match of ``find`` in ``value`` (groups as tuples, like ``re.findall``)."""
    pattern, budget = _pattern(find, ignorecase)
    try:
        found: list[Any] = pattern.findall(str(value), timeout=budget.remaining())
    except TimeoutError:
        raise _timed_out(budget) from None
    budget.made(found)
    return found


def regex_replace(value: Any, find: Any = "", replace: Any = "", ignorecase: bool = False) -> str:
    r"""``value`` with every match of ``find`` replaced (``\1`` names a group)."""
    pattern, budget = _pattern(find, ignorecase)
    text = str(value)
    template = str(replace)
    made = len(text)

    def expand(match: regex.Match[str]) -> str:
        # Counted as it goes: an empty pattern replaced by a long text on a long value would
        # otherwise build gigabytes before any check could see the result.
        nonlocal made
        piece = match.expand(template)
        made += len(piece)
        budget.sized(made)
        return piece

    try:
        result: str = pattern.sub(expand, text, timeout=budget.remaining())
    except TimeoutError:
        raise _timed_out(budget) from None
    budget.made(result)
    return result
