"""Tell Latin-script languages apart by their small words: articles, verbs of control, "is".

A sentence to a home is short and full of names ("schalte Kitchen light ein"), so only words
that are never names count: each language's articles, prepositions and verbs of control. The
language with most of them wins; a sentence with none of them is English.
"""

from __future__ import annotations

import re

from orbithub.assistant.model import Language

__all__ = ["detect_latin"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORDS: dict[Language, frozenset[str]] = {
    Language.EN: _set(
        "the turn switch set make put please is are what how whats can you to off on "
        "and of my it up down open close lock unlock start stop dim brighten i im me we "
        "going leaving lets let good night when did does yes no ok okay cancel both sure "
        "nope yeah one"
    ),
    Language.DE: _set(
        "nein abbrechen ja genau "
        "schalte schalt mach mache stelle stell setze dimme öffne schließe schliesse das die "
        "der den dem ein eine aus an auf im in ist sind wie warm welche bitte licht lampe "
        "temperatur grad zu einschalten ausschalten"
    ),
    Language.FR: _set(
        "non oui annule annuler "
        "allume éteins eteins ouvre ferme règle regle mets met la le les du des de dans est "
        "sont quelle quel combien fait il température temperature lumière lumiere degrés "
        "degres à s'il plait baisse monte"
    ),
    Language.ES: _set(
        "sí si cancela cancelar claro "
        "enciende apaga abre cierra pon ajusta sube baja el la los las del de en está esta "
        "están cuál cual qué que grados temperatura luz luces por favor hace"
    ),
    Language.IT: _set(
        "sì annulla certo "
        "accendi spegni apri chiudi imposta metti alza abbassa il lo la gli le del della "
        "nel nella è sono qual quanti gradi temperatura luce luci per favore fa"
    ),
    Language.NL: _set(
        "nee annuleer "
        "zet doe schakel dim sluit het de een aan uit op naar van staat wat hoe welke "
        "graden temperatuur licht lichten lampen helderheid alsjeblieft wordt"
    ),
    Language.PT: _set(
        "sim não nao "
        "liga desliga acende apaga abre fecha coloca põe poe ajusta define o a os as da do "
        "das dos na no em para está estão qual quantos graus temperatura luz luzes brilho "
        "por favor"
    ),
    Language.SV: _set(
        "nej avbryt "
        "tänd släck slå på av stäng öppna sätt ändra ställ dimra in i till är vad hur vilken "
        "lampan lamporna ljuset ljusstyrkan temperaturen grader tack det"
    ),
    Language.DA: _set(
        "nej annuller "
        "tænd sluk luk åbn sæt indstil dæmp for i til er hvad hvor hvilken lyset lamperne "
        "lysstyrken temperaturen grader tak det"
    ),
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def detect_latin(text: str, hint: Language | None = None) -> Language:
    """The Latin-script language of ``text``: the one with most of its small words."""
    words = _WORD.findall(text.lower())
    scores = {lang: sum(w in table for w in words) for lang, table in _WORDS.items()}
    best = max(scores.values())
    if best == 0:
        return hint if hint in _WORDS else Language.EN
    leaders = [lang for lang, score in scores.items() if score == best]
    if Language.EN in leaders:
        return Language.EN
    if hint in leaders:
        return hint
    return leaders[0]
