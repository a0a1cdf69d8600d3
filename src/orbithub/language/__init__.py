"""One notion of language for every text the hub writes: codes, choosing one, and the texts.

The hub's own sentences (sign-in refusals, permission errors, notices) live in one JSON file
per language under ``texts/``: adding a language is adding a file. English has every key;
another language may miss some, and those fall back to English.
"""

from orbithub.language.choose import best_language, match_language
from orbithub.language.texts import LANGUAGES, Language, has_text, text

__all__ = ["LANGUAGES", "Language", "best_language", "has_text", "match_language", "text"]
