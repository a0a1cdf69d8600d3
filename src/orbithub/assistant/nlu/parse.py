"""Understand one sentence: its language, what it names, and what it asks (templates first).

Pure CPU work on immutable inputs, so it may run in a worker thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orbithub.assistant.model import Intent, Language
from orbithub.assistant.nlu.mentions import Entry, EntryKind, Lexicon, Mention
from orbithub.assistant.nlu.rules import Clues, Parsed, classify
from orbithub.assistant.nlu.templates import SlotLists, match_templates
from orbithub.assistant.nlu.text import detect_language, is_cjk, normalize, quantities

__all__ = ["Understanding", "understand"]

_BLANKED = (EntryKind.DEVICE, EntryKind.ROOM, EntryKind.SPACE, EntryKind.SCENE, EntryKind.PERSON)
_TEMPLATE_FEATURES = {
    "OrbitStartCharging": "charging",
    "OrbitStopCharging": "charging",
    "HassVacuumStart": "clean",
}


@dataclass(frozen=True, slots=True)
class Understanding:
    """What one sentence says, before it is resolved against the speaker's devices.

    Attributes:
        language: the sentence's language.
        normalized: the normalised sentence.
        mentions: what it names.
        parsed: what it asks.
        scene_id: the scene it names, for a scene request.
        matched_by: ``hassil`` when a sentence template matched, ``rules`` otherwise.
        rules_intent: what the keyword reading alone found (``unknown``: no verb, no question).
    """

    language: Language
    normalized: str
    mentions: tuple[Mention, ...]
    parsed: Parsed
    scene_id: str | None
    matched_by: str
    rules_intent: Intent = Intent.UNKNOWN


def _rest(normalized: str, mentions: list[Mention], language: Language) -> str:
    chars = list(normalized)
    for mention in mentions:
        blank = any(e.kind in _BLANKED for e in mention.entries) or (
            language is Language.ZH and is_cjk(mention.text) and len(mention.text) > 2
        )
        if blank:
            for i in range(mention.start, mention.end):
                chars[i] = " "
    return "".join(chars)


def _rules_win(template: Intent, rules: Intent, clues: Clues, *, both: bool = False) -> bool:
    """Whether the keyword reading overrides a template that matched.

    A template that saw a question where no question word was said ("所有窗帘都打开" fits a
    template for "are all curtains open") loses to the command; so does a template for
    something the home cannot do when the sentence names devices it has, and so does a template
    that read one of a mode and a temperature said together (``both``).
    """
    query = (Intent.QUERY_STATE, Intent.QUERY_HISTORY)
    if template in query and rules not in (*query, Intent.UNKNOWN):
        return True
    if both and template is not Intent.SET_MODE:
        return True  # a mode and a temperature: a template reads only one of them
    return template is Intent.UNKNOWN and rules is not Intent.UNKNOWN and clues.has_target


# The kind of device a template's own words named, for languages read by templates alone
# ("schalte das Licht in Kitchen aus" names the kitchen's light, not everything there).
_DOMAIN_KINDS = {
    "light": "light",
    "climate": "ac",
    "cover": "curtain",
    "lock": "lock",
    "fan": "purifier",
    "media_player": "tv",
    "vacuum": "vacuum",
}


# A question in the languages read by templates: it opens with the verb "to be" or ends with
# a question mark.
_QUESTION = re.compile(
    r"^(?:ist|sind|est|est-ce|está|están|esta|è|e|is|staat|zijn|är|er)\b|\?$"
    r"|\best-(?:il|elle)\b"
    r"|\best[aá]o?\s+(?:ligad|desligad|abert|fechad|trancad)"
)
_ASKED = {
    Intent.LOCK: "locked",
    Intent.UNLOCK: "locked",
    Intent.OPEN: "open",
    Intent.CLOSE: "open",
    Intent.TURN_ON: "on",
    Intent.TURN_OFF: "on",
}


def _captured(
    normalized: str, names: tuple[str, ...], areas: tuple[str, ...], lexicon: Lexicon
) -> list[Mention]:
    """Mentions of the names and rooms a template captured, at their place in the sentence."""
    found: list[Mention] = []
    for said, kind in [(n, EntryKind.DEVICE) for n in names] + [(a, EntryKind.ROOM) for a in areas]:
        phrase = normalize(said)
        entries = lexicon.exact(phrase, kind)
        if entries:
            start = max(normalized.find(phrase), 0)
            found.append(Mention(phrase, start, start + len(phrase), 100.0, entries))
    return found


def _templates_only(
    text: str,
    lang: Language,
    normalized: str,
    mentions: list[Mention],
    lexicon: Lexicon,
    lists: SlotLists,
) -> Understanding:
    """A sentence of a language understood by Home Assistant's templates alone."""
    template = match_templates(text, lang, lists)
    if template is not None and (template.names or template.areas):
        # The template captured the home's names exactly; the tolerant English reading of the
        # other words would find names in them ("Bedroom aus" is not "Bedroom AC").
        mentions = _captured(normalized, template.names, template.areas, lexicon)
    if template is None:
        return Understanding(
            lang, normalized, tuple(mentions), Parsed(Intent.UNKNOWN), None, "hassil"
        )
    kind = _DOMAIN_KINDS.get(template.domain or "")
    if kind is not None and not any(m.of(EntryKind.KIND) for m in mentions):
        mentions = [*mentions, Mention("", 0, 0, 100.0, (Entry(EntryKind.KIND, kind),))]
    feature = _TEMPLATE_FEATURES.get(template.template_intent)
    parsed = Parsed(template.intent, template.value, feature, template.attribute)
    asked = _ASKED.get(template.intent)
    if asked is not None and _QUESTION.search(normalized + ("?" if text.endswith("?") else "")):
        # "ist Front door lock verriegelt" fits a template for locking it: a question never acts.
        parsed = Parsed(Intent.QUERY_STATE, None, None, asked)
    return Understanding(
        lang, normalized, tuple(mentions), parsed, template.scene, "hassil", template.intent
    )


def understand(
    text: str, language: Language | None, lexicon: Lexicon, lists: SlotLists
) -> Understanding:
    """Read one sentence against the home's lexicon and sentence templates.

    ``language`` is only a hint for a sentence without words of either script ("2"): each
    sentence is read in its own language, whatever the app's.
    """
    normalized = normalize(text)
    mentions = lexicon.scan(normalized)
    # The home's names say nothing of the language ("ist Front door lock verriegelt").
    unnamed = list(normalized)
    for mention in mentions:
        unnamed[mention.start : mention.end] = " " * (mention.end - mention.start)
    rest = "".join(unnamed)
    lang = detect_language(rest if re.search(r"[^\W\d_]", rest) else normalized, language)
    if not lang.full:
        return _templates_only(text, lang, normalized, mentions, lexicon, lists)
    clues = Clues(
        types=lexicon.types(mentions),
        has_target=any(
            m.of(EntryKind.DEVICE)
            or m.of(EntryKind.ROOM)
            or m.of(EntryKind.KIND)
            or m.of(EntryKind.PERSON)
            for m in mentions
        ),
        has_scene=any(m.of(EntryKind.SCENE) for m in mentions),
        asked=text.rstrip().endswith(("?", "\uff1f")),  # or a full-width question mark
    )
    rules = classify(
        normalized, _rest(normalized, mentions, lang), lang, quantities(normalized), clues
    )
    scene = next((e.key for m in mentions for e in m.of(EntryKind.SCENE)), None)
    template = match_templates(text, lang, lists)
    both = rules.temperature is not None
    if template is None or _rules_win(template.intent, rules.intent, clues, both=both):
        return Understanding(lang, normalized, tuple(mentions), rules, scene, "rules", rules.intent)
    parsed = Parsed(
        template.intent,
        template.value if template.value is not None else rules.value,
        _TEMPLATE_FEATURES.get(template.template_intent, rules.feature),
        # The keywords say what is asked more precisely than a template's on/off state.
        rules.attribute or template.attribute,
        rules.temperature if template.intent is Intent.SET_MODE else None,
    )
    return Understanding(
        lang, normalized, tuple(mentions), parsed, template.scene or scene, "hassil", rules.intent
    )
