"""Whether a sentence answers the question asked back, and what it chooses.

A question back ("which one: the ceiling light or the bedside lamp?") is answered only by an
answer: a choice by name, room or number ("the bedroom one", "第二个", "2"), all of them
("both", "两个都要"), yes or no to a single offer, or "cancel". Anything else is a new request:
it cancels the question and is read afresh, so "turn off the kitchen light" said while "turn on
the light?" waits turns the kitchen light off, never on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from orbithub.assistant.model import Intent
from orbithub.assistant.nlu.mentions import EntryKind
from orbithub.assistant.nlu.parse import Understanding
from orbithub.assistant.resolve import pick
from orbithub.core.registry import Device

__all__ = ["Answer", "chosen", "classify_answer"]


class Answer(StrEnum):
    """What a sentence is, said while a question waits."""

    CANCEL = "cancel"
    YES = "yes"
    CHOICE = "choice"
    REQUEST = "request"
    """Not an answer: a request of its own."""


_CANCEL = re.compile(
    r"^(?:no|nope|no thanks|no thank you|cancel|cancel it|never ?mind|forget it|stop|"
    r"none|neither|none of them|neither of them|not that|"
    r"取消|算了|不用了?|不要了?|不了|没事了?|不是|都不要|都不是|不对|"
    # the languages read by templates: no, cancel
    r"nein|abbrechen|non|annule|annuler|cancela|cancelar|annulla|nee|annuleer|não|nao|"
    r"nej|avbryt|annuller)$"
)
_YES = re.compile(
    r"^(?:yes|yeah|yep|yup|sure|ok|okay|please|yes please|please do|do it|go ahead|correct|confirm|"
    r"right|that one|that's right|thats right|"
    r"好|好的|好吧|是|是的|对|对的|嗯|可以|行|就这个|就它|确定|确认|"
    r"ja|genau|oui|sí|si|sì|sim|claro|certo|d'accord)$"
)
# Words that carry no request of their own in an answer ("the bedroom one please", "客厅那个").
_FILLER = frozenset(
    (
        "the",
        "one",
        "ones",
        "please",
        "in",
        "at",
        "of",
        "them",
        "those",
        "that",
        "this",
        "a",
        "an",
        "and",
        "or",
        "both",
        "all",
        "i",
        "mean",
        "want",
        "just",
        "only",
        "thanks",
        "thank",
        "you",
        "it",
        "is",
        "number",
        "option",
        "lights",
        "light",
    )
)
_FILLER_ZH = re.compile(
    r"的|那个|这个|那|这|个|吧|啊|呀|要|都|两|和|跟|还有|就|是|请|谢谢|我|说|第|号"
)
_ORDINAL = re.compile(
    r"\b(?:first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\b|第\s*[1-9一二三四五]|最后"
)
# An answer's own marks: without a question waiting, "the bedroom one" asks for nothing.
_ANSWER_MARK = re.compile(r"\bones?\b|的$|那个|这个|^第\s*[1-9一二三四五]|^\d+$")
_SPANNED = (
    EntryKind.DEVICE,
    EntryKind.ROOM,
    EntryKind.SPACE,
    EntryKind.KIND,
    EntryKind.ALL,
    EntryKind.PERSON,
    EntryKind.FLOOR,
)


def _rest(heard: Understanding) -> str:
    """The sentence without its names, ordinals, numbers and filler words."""
    chars = list(heard.normalized)
    for mention in heard.mentions:
        if any(e.kind in _SPANNED for e in mention.entries):
            for i in range(mention.start, mention.end):
                chars[i] = " "
    text = _ORDINAL.sub(" ", "".join(chars))
    text = _FILLER_ZH.sub(" ", re.sub(r"\d+", " ", text))
    return " ".join(w for w in text.split() if w not in _FILLER)


def classify_answer(heard: Understanding) -> Answer:
    """What a sentence said while a question waits is."""
    text = heard.normalized.strip()
    if _CANCEL.match(text):
        return Answer.CANCEL
    if _YES.match(text):
        return Answer.YES
    if heard.rules_intent is not Intent.UNKNOWN:
        return Answer.REQUEST  # a verb or a question word of its own ("lock the front door")
    if heard.mentions or _ORDINAL.search(text) or text.isdigit() or re.search(r"\bboth\b", text):
        return Answer.CHOICE if not _rest(heard) else Answer.REQUEST
    return Answer.REQUEST


def looks_like_answer(heard: Understanding) -> bool:
    """Whether a sentence only makes sense as an answer ("the bedroom one", "第二个", "2")."""
    text = heard.normalized.strip()
    return (
        classify_answer(heard) is Answer.CHOICE and _ANSWER_MARK.search(text) is not None
    ) or bool(_CANCEL.match(text))


def chosen(choices: Sequence[Device], heard: Understanding) -> tuple[Device, ...]:
    """The choices an answer selects (nothing when it fits none, or fits all without saying so)."""
    text = heard.normalized.strip()
    if text.isdigit():
        index = int(text) - 1
        return (choices[index],) if 0 <= index < len(choices) else ()
    return pick(choices, heard)
