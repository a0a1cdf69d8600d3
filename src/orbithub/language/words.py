"""A property's state, label and value in words, as a person says them, in each language.

The assistant's answers and the automations' explanations both say "the lamp is off" and
"21 °C" from these texts (``words.*`` in ``texts/``), so the hub says a value one way only.
A property is named by its spec name (``on``, ``brightness``) and its unit as the spec spells
it (``celsius``, ``percentage``); this package knows nothing of specs.
"""

from __future__ import annotations

from orbithub.language.texts import Language, has_text, text

__all__ = ["compared", "label", "number", "of", "state"]


def state(lang: Language, name: str, value: bool) -> str:
    """``off`` for a lamp's ``on`` false, ``open`` for a door sensor's ``contact-state`` false."""
    key = f"words.state.{name}.{'true' if value else 'false'}"
    return text(lang, key if has_text(key) else f"words.state.{'true' if value else 'false'}")


def label(lang: Language, name: str, fallback: str = "") -> str:
    """The property's label (``brightness``, ``亮度``), else ``fallback`` or its spoken name."""
    key = f"words.property.{name}"
    if has_text(key):
        return text(lang, key)
    return (fallback or name.replace("-", " ")).lower()


def number(lang: Language, value: float, unit: str | None) -> str:
    """``21.5 °C``, ``40%``: at most one decimal, with the unit where the language puts it."""
    shown = f"{value:.1f}".rstrip("0").rstrip(".")
    key = f"words.unit.{unit}"
    if unit and has_text(key):
        return text(lang, key, value=shown)
    return f"{shown} {unit}" if unit and unit != "none" else shown


def of(lang: Language, device: str, label_text: str) -> str:
    """A device's property as a subject: ``Desk lamp brightness``, ``台灯的亮度``."""
    return text(lang, "words.of", device=device, label=label_text)


def compared(lang: Language, above: str | None, below: str | None) -> str:
    """``above 20 °C``, ``below 30%``, ``between 20 °C and 25 °C`` (values already in words)."""
    if above is not None and below is not None:
        return text(lang, "words.between", low=above, high=below)
    if above is not None:
        return text(lang, "words.above", value=above)
    return text(lang, "words.below", value=below or "")
