"""How far a relative request moves a value: "open the curtains a bit", "by 10%", "开一点".

A relative value is ``up``/``down`` (the device's usual step) or a signed amount (``+10``,
``-10``): that many units from where the device is. Execution reads it against the current value
and keeps the result in the spec's range.
"""

from __future__ import annotations

import re

from orbithub.assistant.nlu.text import Quantity

__all__ = ["A_BIT_EN", "nudge_en", "nudge_zh"]

A_BIT_EN = r"\ba (little )?(bit|touch|tad)\b|\ba little\b|\bslightly\b"
"""Words that make "open the curtains" a small move instead of all the way."""


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def nudge_en(t: str, rest: str, qs: list[Quantity]) -> str | None:
    """A curtain moved a bit ("open the blinds a little": ``up``) or by an amount (``+10``)."""
    by = re.search(r"\bby (\d+(?:\.\d+)?)", t)
    if by is None and (qs or not _has(A_BIT_EN, t)):
        return None
    way = "up" if _has(r"\b(open|raise|lift|up)\b", rest) else None
    way = way or ("down" if _has(r"\b(close|shut|draw|lower|down)\b", rest) else None)
    if way is None or by is None:
        return way
    return f"{'+' if way == 'up' else '-'}{by.group(1)}"


def nudge_zh(rest: str, qs: list[Quantity]) -> str | None:
    """A curtain moved a bit: "把窗帘开一点" is ``up``, "窗帘稍微关一些" is ``down``."""
    if qs or not _has(r"一点|一些|稍微|稍稍|稍许|些许|点儿", rest):
        return None
    # Closing first: "开着的窗帘关一点" describes the curtain with 开 and moves it with 关.
    if _has(r"关|拉上|合上|放下|降", rest):
        return "down"
    return "up" if _has(r"开|拉起|升", rest) else None
