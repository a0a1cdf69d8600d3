"""Prepare a sentence for matching: pick its language, normalise it, read its numbers."""

# ruff: noqa: RUF001 - Chinese text uses Chinese punctuation

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from orbithub.assistant.model import Language
from orbithub.assistant.nlu.latin import detect_latin

__all__ = ["Quantity", "detect_language", "is_cjk", "normalize", "quantities"]

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?")
# Words that contain numerals but are not numbers ("一下", "一点" = a bit, "一半" = half).
_ZH_NOT_NUMBER = re.compile(r"一下|一点儿?|一些|一起|一会|一半|一个|一壶|一首|一次|十分钟")
_EN_NUMBERS = {
    "zero": 0,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
# "one" alone is left as a word: "the bedroom one" names a choice, not a number.
_EN_NUMBER = re.compile(
    r"\b(" + "|".join(_EN_NUMBERS) + r")(?:[ -](one|two|three|four|five|six|seven|eight|nine))?\b"
)


def is_cjk(text: str) -> bool:
    """Whether the text holds any CJK ideograph."""
    return _CJK.search(text) is not None


_LATIN_WORD = re.compile(r"[^\W\d_]+", re.ASCII)


def detect_language(text: str, hint: Language | None = None) -> Language:
    """The language of one sentence, by its script first.

    Ideographs make it Chinese unless English words outnumber them ("把客厅的 AC 调到 24 度"
    is Chinese, "turn on the 台灯" English); Latin script is told apart by its small words
    (:func:`~orbithub.assistant.nlu.latin.detect_latin`). A sentence of neither ("2", "?")
    is in ``hint`` (the language of the question it answers, or the app's), else English.
    """
    ideographs = len(_CJK.findall(text))
    words = len(_LATIN_WORD.findall(text))
    if not ideographs and not words:
        return hint or Language.EN
    if ideographs >= words:
        return Language.ZH
    return detect_latin(text, hint)


def _zh_value(word: str) -> float | None:
    whole, _, frac = word.partition("点")
    total = 0
    current = 0
    seen = False
    for ch in whole:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
            seen = True
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
            seen = True
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
            seen = True
    if not seen:
        return None
    value = float(total + current)
    if frac:
        value += float("0." + "".join(str(_ZH_DIGITS[c]) for c in frac))
    return value


def _zh_numbers(text: str) -> str:
    """Chinese numerals to digits: "二十二度半" -> "22.5度", "百分之十" -> "10%"."""

    def number(match: re.Match[str]) -> str:
        value = _zh_value(match.group(0))
        if value is None:
            return match.group(0)
        return f"{value:g}"

    # Protect idioms with numerals, convert the rest, then restore the idioms.
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = _ZH_NOT_NUMBER.sub(keep, text.replace("百分之", "\x01"))
    text = _ZH_NUMBER.sub(number, text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)
    text = re.sub(r"\x01\s*(\d+(?:\.\d+)?)", r"\1%", text).replace("\x01", "百分之")
    return re.sub(r"(\d+)(度|档|%)半", lambda m: f"{float(m.group(1)) + 0.5:g}{m.group(2)}", text)


def _en_numbers(text: str) -> str:
    def number(match: re.Match[str]) -> str:
        value = _EN_NUMBERS[match.group(1)] + (_EN_NUMBERS[match.group(2)] if match.group(2) else 0)
        return str(value)

    return _EN_NUMBER.sub(number, text)


def normalize(text: str) -> str:
    """Lower case, half-width, numbers as digits, punctuation as spaces (``%`` and ``.`` kept)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("°c", " degrees").replace("°", " degrees").replace("℃", "度")
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text).replace("'", "")
    text = _zh_numbers(text)
    text = _en_numbers(text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    text = re.sub(r"[^\w%'.\s]", " ", text)
    text = re.sub(r"(?<=\d)\s+%", "%", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a sentence with the unit written next to it (``%``, ``k``, ``degrees``)."""

    value: float
    unit: str


_QUANTITY = re.compile(
    r"(\d+(?:\.\d+)?)\s*(%|percent|per cent|kelvin|k\b|degrees?|度|摄氏度|档|级|amps?|km|公里)?"
)
_UNITS = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "kelvin": "k",
    "k": "k",
    "degree": "degrees",
    "degrees": "degrees",
    "度": "degrees",
    "摄氏度": "degrees",
    "档": "level",
    "级": "level",
}


def quantities(normalized: str) -> list[Quantity]:
    """The numbers of a normalised sentence, each with its unit ("" when none)."""
    return [
        Quantity(float(m.group(1)), _UNITS.get(m.group(2) or "", m.group(2) or ""))
        for m in _QUANTITY.finditer(normalized)
    ]
