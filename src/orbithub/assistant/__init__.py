"""The offline assistant: natural-language control and questions, in English and Chinese.

An :class:`Assistant` reads a sentence (Home Assistant's sentence templates matched by hassil,
OrbitHub's own templates, then a keyword fallback), resolves what it names against the home
(names, aliases, rooms and spaces in both languages, tolerant of typos and homophones), checks
the speaker's permissions, acts through the hub, and answers in the language of the request.
"""

from orbithub.assistant.model import (
    ActionTaken,
    Choice,
    Intent,
    Language,
    Permissions,
    Reply,
    SceneRef,
    Speaker,
)
from orbithub.assistant.service import MAX_TEXT, Assistant, Interpretation

__all__ = [
    "MAX_TEXT",
    "ActionTaken",
    "Assistant",
    "Choice",
    "Intent",
    "Interpretation",
    "Language",
    "Permissions",
    "Reply",
    "SceneRef",
    "Speaker",
]
