"""The hub's sentences in each language, one JSON file per language (``en.json``, ``de.json``).

Each file maps a key (``auth.wrong_password``) to a template with ``{name}`` placeholders.
"""

from __future__ import annotations

import functools
import json
import logging
from importlib import resources
from typing import TypeAlias

__all__ = ["LANGUAGES", "Language", "has_text", "text"]

_LOGGER = logging.getLogger(__name__)

Language: TypeAlias = str
"""A language code of the hub's texts: ``en``, ``zh-CN``, ``de``."""

FALLBACK: Language = "en"


def _load_all() -> dict[Language, dict[str, str]]:
    found: dict[Language, dict[str, str]] = {}
    for entry in resources.files(__package__).iterdir():
        name = entry.name
        if not name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise ValueError(f"language file {name} must map keys to strings")
        found[name.removesuffix(".json")] = data
    if FALLBACK not in found:
        raise ValueError(f"the language files lack {FALLBACK}.json, the fallback")
    return found


_TABLES = _load_all()

LANGUAGES: tuple[Language, ...] = (
    FALLBACK,
    *sorted(code for code in _TABLES if code != FALLBACK),
)
"""Every language the hub writes in, English first."""


def has_text(key: str) -> bool:
    """Whether ``key`` is one of the hub's sentences."""
    return key in _TABLES[FALLBACK]


@functools.lru_cache(maxsize=4096)
def _template(lang: Language, key: str) -> str:
    table = _TABLES.get(lang)
    if table is not None and key in table:
        return table[key]
    return _TABLES[FALLBACK][key]


def text(lang: Language, key: str, /, **params: object) -> str:
    """The sentence ``key`` in ``lang`` (English when that language lacks it), filled in.

    Raises:
        KeyError: no language has ``key`` (a programming error, caught by the tests).
    """
    template = _template(lang, key)
    try:
        return template.format_map(params)
    except (KeyError, IndexError, ValueError):
        # A translation naming a placeholder the caller does not give: say it in English
        # rather than fail the answer it belongs to.
        _LOGGER.warning("the %s text %r does not fit its parameters", lang, key)
        return _TABLES[FALLBACK][key].format_map(params)
