"""The hub's languages: one file each, every key of English, and choosing one from a request."""

from __future__ import annotations

import json
import re
import string
from importlib import resources

import pytest

from orbithub.language import LANGUAGES, best_language, match_language, text

_FILES = resources.files("orbithub.language.texts")


def _table(code: str) -> dict[str, str]:
    data: dict[str, str] = json.loads(_FILES.joinpath(f"{code}.json").read_text("utf-8"))
    return data


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_each_file_is_a_language_english_first() -> None:
    assert LANGUAGES[0] == "en"
    assert {"en", "zh-CN", "de"} <= set(LANGUAGES)


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_every_language_says_every_sentence_with_known_placeholders(code: str) -> None:
    english, other = _table("en"), _table(code)
    assert set(other) == set(english)
    for key, template in other.items():
        # A translation may leave a detail out, never ask for one the caller does not give.
        assert _placeholders(template) <= _placeholders(english[key]), key
        # The same as English only where there are no words to translate ("{value} °C").
        words = re.sub(r"\{[^}]*\}", "", template)
        assert template != english[key] or not re.search(r"[a-z]{4}", words), key


def test_a_sentence_in_each_language() -> None:
    assert text("en", "auth.rate_limited", seconds=4) == (
        "too many failed sign-ins; wait 4 s before trying again"
    )
    assert "4" in text("zh-CN", "auth.rate_limited", seconds=4)
    assert "秒" in text("zh-CN", "auth.rate_limited", seconds=4)
    assert text("de", "auth.rate_limited", seconds=4).startswith("Zu viele")
    # A language the hub does not speak says it in English.
    assert text("fr", "auth.wrong_login") == text("en", "auth.wrong_login")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"),
        ("zh", "zh-CN"),
        ("de-AT", "de"),
        ("fr, de;q=0.5, en;q=0.4", "de"),
        ("en;q=0.2, de;q=0.9", "de"),
        ("fr", "en"),
        ("", "en"),
        (None, "en"),
        ("de;q=nonsense, zh-CN;q=0.1", "zh-CN"),
        ("*", "en"),
        ("x" * 5000, "en"),
    ],
)
def test_accept_language(header: str | None, expected: str) -> None:
    assert best_language(header) == expected


def test_match_language() -> None:
    assert match_language("zh_CN") == "zh-CN"
    assert match_language("DE") == "de"
    assert match_language("ja") is None
    assert match_language(None) is None
