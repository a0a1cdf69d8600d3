"""How far a relative request moves a value: "a bit", "by 20%", "2 degrees warmer", "再开20%".

A relative value is ``up``/``down`` (the device's usual step) or a signed amount (``+20``,
``-1``): that many units from where the device is. Execution reads it against the current value
and keeps the result in the spec's range. A value to reach ("to 20%", "调到20%", "调高到26度")
is not relative and is left to the caller.
"""

from __future__ import annotations

import re

from orbithub.assistant.nlu.text import Quantity

__all__ = [
    "A_BIT_EN",
    "amount_en",
    "fan_step_en",
    "fan_step_zh",
    "nudge_en",
    "nudge_zh",
    "signed",
    "step_zh",
]

A_BIT_EN = r"\ba (little )?(bit|touch|tad)\b|\ba little\b|\bslightly\b"
"""Words that make "open the curtains" a small move instead of all the way."""

_NUMBER = r"(\d+(?:\.\d+)?)"
_BY_EN = re.compile(rf"\bby {_NUMBER}")
# "20% brighter", "2 degrees warmer", "10 points louder", "20% more".
_COMPARED_EN = re.compile(
    rf"{_NUMBER}\s*(?:%|percent|per cent|degrees?|points?)?\s+"
    r"(?:more|less|further|brighter|dimmer|darker|warmer|cooler|colder|hotter|louder|quieter"
    r"|softer|higher|lower)\b"
)
# Verbs that say "more" or "less" by themselves: "调高10%", "降一度", "开大20%". 高/低 alone
# count too, as "高两度" always has.
_UP_ZH = ("调高", "调亮", "调大", "升高", "提高", "增加", "加大", "开大", "升", "加", "高")
_DOWN_ZH = ("调低", "调暗", "调小", "降低", "减少", "减小", "减低", "关小", "降", "减", "低")
# Verbs that say "more" or "less" only after 再 or 多: "再开20%" is 20 points more, while
# "开20%" and "亮50%" name where to go.
_AGAIN_UP_ZH = ("拉开", "打开", "开", "亮", "大")
_AGAIN_DOWN_ZH = ("拉上", "合上", "关上", "关", "暗", "小")
_VERBS_ZH = sorted((*_UP_ZH, *_DOWN_ZH, *_AGAIN_UP_ZH, *_AGAIN_DOWN_ZH), key=len, reverse=True)
_STEP_ZH = re.compile(rf"({'|'.join(_VERBS_ZH)})了?\s*{_NUMBER}")


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def signed(way: str | None, amount: str | None) -> str | None:
    """``up``/``down`` with an amount said as ``+20``/``-20``; without one, the way alone."""
    if way is None or amount is None:
        return way
    return f"{'+' if way == 'up' else '-'}{amount}"


def amount_en(t: str) -> str | None:
    """The amount of an English relative change: "by 20%", "2 degrees warmer" (``20``, ``2``)."""
    found = _BY_EN.search(t) or _COMPARED_EN.search(t)
    return found.group(1) if found else None


def step_zh(rest: str) -> str | None:
    """A Chinese change by an amount: "调亮20%" ``+20``, "再降1度" ``-1``, "再关10%" ``-10``.

    Args:
        rest: the normalised sentence with names blanked (numbers are digits by now).
    """
    for found in _STEP_ZH.finditer(rest):
        verb, amount = found.group(1), found.group(2)
        if verb in _AGAIN_UP_ZH or verb in _AGAIN_DOWN_ZH:
            # "再把窗帘开20%": 再 may come before the object, so look anywhere before the verb.
            if not _has(r"再|多", rest[: found.start()]):
                continue
            return signed("up" if verb in _AGAIN_UP_ZH else "down", amount)
        return signed("up" if verb in _UP_ZH else "down", amount)
    return None


def nudge_en(t: str, rest: str, qs: list[Quantity]) -> str | None:
    """A curtain moved a bit ("open the blinds a little": ``up``) or by an amount (``+10``)."""
    amount = amount_en(t)
    if amount is None and (qs or not _has(A_BIT_EN, t)):
        return None
    way = "up" if _has(r"\b(open|raise|lift|up)\b", rest) else None
    way = way or ("down" if _has(r"\b(close|shut|draw|lower|down)\b", rest) else None)
    return signed(way, amount)


def nudge_zh(rest: str, qs: list[Quantity]) -> str | None:
    """A curtain moved a bit: "把窗帘开一点" is ``up``, "窗帘稍微关一些" is ``down``."""
    if qs or not _has(r"一点|一些|稍微|稍稍|稍许|些许|点儿", rest):
        return None
    # Closing first: "开着的窗帘关一点" describes the curtain with 开 and moves it with 关.
    if _has(r"关|拉上|合上|放下|降", rest):
        return "down"
    return "up" if _has(r"开|拉起|升", rest) else None


# A fan step names its way and how far: "调高1档", "再低一级", "调大一点", "调小2档". A level to
# reach ("调到3档", "调成高档") is not a step.
_FAN_STEP_ZH = re.compile(
    r"(调高|调大|调快|加大|提高|升高|高|大|快|强|调低|调小|调慢|减小|降低|低|小|慢|弱)"
    r"(\d+)?\s*(档|级|一?点|一些|些)"
)
_FAN_TARGET_ZH = r"到|成|为"
_FAN_UP_EN = r"\b(up|higher|faster|raise|increase|stronger)\b"
_FAN_DOWN_EN = r"\b(down|lower|slower|reduce|decrease|weaker)\b"
_FAN_COUNT_EN = re.compile(r"\b(\d+) (?:levels|notches|steps|speeds)\b")


def fan_step_zh(rest: str, purifier: bool) -> str | None:
    """A Chinese fan step: "风速调高一档" ``up``, "风速再低一档" ``down``, "调高两档" ``+2``.

    Args:
        rest: the normalised sentence with names blanked.
        purifier: an air purifier was named (its 档 is its fan without saying 风).
    """
    if not (_has(r"风", rest) or (purifier and _has(r"档|级", rest))):
        return None
    found = _FAN_STEP_ZH.search(rest)
    if found is None or _has(_FAN_TARGET_ZH, rest):
        return None
    way = "up" if found.group(1) in _UP_ZH or found.group(1) in "大快强" else "down"
    count = found.group(2)
    return signed(way, count) if count not in (None, "1") else way


def fan_step_en(t: str, purifier: bool) -> str | None:
    """An English fan step: "turn the fan up a notch" ``up``, "fan speed down 2 levels" ``-2``.

    Args:
        t: the normalised sentence.
        purifier: an air purifier was named (its level or speed is its fan).
    """
    fan = r"\bfan\b|\bwind\b" + (r"|\blevel\b|\bspeed\b" if purifier else "")
    if not _has(fan, t) or _has(r"\bto\b", t):
        return None
    way = "up" if _has(_FAN_UP_EN, t) else "down" if _has(_FAN_DOWN_EN, t) else None
    count = _FAN_COUNT_EN.search(t)
    return signed(way, count.group(1) if count and count.group(1) != "1" else None)
