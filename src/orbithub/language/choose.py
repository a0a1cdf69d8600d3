"""Choosing the language of an answer: a tag the app sends, or an ``Accept-Language`` header."""

from __future__ import annotations

from orbithub.language.texts import FALLBACK, LANGUAGES, Language

__all__ = ["best_language", "match_language"]

_MAX_HEADER = 500
"""Longer headers are cut: a browser's list is a few dozen characters."""
_MAX_ENTRIES = 20


def match_language(tag: str | None) -> Language | None:
    """The hub's language closest to ``tag`` (``de-AT`` -> ``de``, ``zh`` -> ``zh-CN``), or None."""
    if not tag:
        return None
    wanted = tag.strip().replace("_", "-").lower()
    if not wanted or wanted == "*":
        return None
    for code in LANGUAGES:
        if code.lower() == wanted:
            return code
    base = wanted.split("-")[0]
    for code in LANGUAGES:
        if code.lower().split("-")[0] == base:
            return code
    return None


def _quality(params: list[str]) -> float:
    for param in params:
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                q = float(value)
            except ValueError:
                return 0.0
            return q if 0.0 <= q <= 1.0 else 0.0
    return 1.0


def best_language(accept_language: str | None, *, default: Language = FALLBACK) -> Language:
    """The hub's language a client prefers most, from an ``Accept-Language`` value.

    ``zh-CN,zh;q=0.9,en;q=0.8`` gives ``zh-CN``; ``fr, de;q=0.5`` gives ``de`` (no French);
    nothing the hub speaks gives ``default``.
    """
    if not accept_language:
        return default
    ranked: list[tuple[float, int, Language]] = []
    entries = accept_language[:_MAX_HEADER].split(",")[:_MAX_ENTRIES]
    for index, entry in enumerate(entries):
        tag, *params = entry.split(";")
        code = match_language(tag)
        quality = _quality(params)
        if code is not None and quality > 0:
            ranked.append((-quality, index, code))
    return min(ranked)[2] if ranked else default
