"""Find what a sentence names: devices, rooms, spaces, kinds of device, scenes and people.

Every name, alias and kind word of the home goes into one lexicon. A sentence is cut into units
(a Latin word, or one Chinese character) and every window of units is looked up: exactly,
then tolerantly. English windows are compared with rapidfuzz (a typo or a joined word:
"kichen", "livingroom"); Chinese windows by pinyin, because speech input and pinyin keyboards
err by homophones ("客听" for "客厅", "床头等" for "床头灯"), plus one slipped character in
names of four characters or more. Overlapping finds are settled longest first, exact first.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import orjson
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Hamming

from orbithub.assistant.model import SceneRef
from orbithub.assistant.nlu.text import is_cjk, normalize
from orbithub.assistant.nlu.vocabulary import ALL_WORDS, FLOOR_WORDS, KINDS, kind_matches
from orbithub.core.registry import Registry

__all__ = ["Entry", "EntryKind", "Lexicon", "Mention"]

_UNIT = re.compile(r"[a-z0-9%.']+|[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_CUTOFF = 84.0
_SLIP_MIN = 4
_SLIP_KINDS = frozenset({"device", "kind", "room"})
_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "on",
        "off",
        "in",
        "at",
        "to",
        "of",
        "my",
        "our",
        "is",
        "are",
        "it",
        "and",
        "please",
        "can",
        "you",
        "all",
        "both",
        "up",
        "down",
    ]
)
_SUFFIXES_ZH = ("的", "里", "里面")
_POSSESSIVE = re.compile(r"'s$|的$")


class EntryKind(StrEnum):
    """What a lexicon entry names."""

    DEVICE = "device"
    ROOM = "room"
    SPACE = "space"
    KIND = "kind"
    SCENE = "scene"
    PERSON = "person"
    ALL = "all"
    FLOOR = "floor"


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a phrase: a device (by its full name or a part of it), a room...

    Attributes:
        kind: what it names.
        key: the device, room, space, scene id, the kind key or the person's user name.
        full: True for a whole name or alias, False for a part ("front door" of
            "Front door lock").
    """

    kind: EntryKind
    key: str
    full: bool = True


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the sentence that names something.

    Attributes:
        text: the phrase of the lexicon it matched.
        start: first character in the normalised sentence.
        end: one past the last character.
        score: 100 for an exact match, less for a tolerant one.
        entries: every meaning of the phrase.
    """

    text: str
    start: int
    end: int
    score: float
    entries: tuple[Entry, ...]

    def of(self, kind: EntryKind) -> list[Entry]:
        """The meanings of one kind."""
        return [e for e in self.entries if e.kind is kind]


def _units(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _UNIT.finditer(text)]


def _join(units: Sequence[str]) -> str:
    out = ""
    for unit in units:
        if out and not is_cjk(unit) and not is_cjk(out[-1]):
            out += " "
        out += unit
    return out


@functools.lru_cache(maxsize=8192)
def _pinyin(char: str) -> str:
    """The toneless pinyin of a character (the character itself without pypinyin)."""
    if not is_cjk(char):
        return char
    table = _pinyin_table()
    if table is None:
        return char
    return table.get(ord(char), char)


@functools.cache
def _pinyin_table() -> dict[int, str] | None:
    """Each character's most common reading, from pypinyin's data, toneless (ü as v).

    Read from pypinyin's character table file rather than by importing pypinyin: the package
    loads its phrase dictionary for word segmentation on import (about 50 MiB resident), which
    matching single characters never uses; the character table alone is a few MiB.
    """
    spec = importlib.util.find_spec("pypinyin")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    try:
        raw = orjson.loads((Path(folders[0]) / "pinyin_dict.json").read_bytes())
    except (IndexError, OSError, orjson.JSONDecodeError) as exc:  # homophones then unmatched
        logging.getLogger(__name__).warning(
            "pypinyin's character table is not readable (%s): Chinese names misheard as "
            "homophones will not match; reinstall pypinyin",
            exc,
        )
        return None
    return {int(code): _toneless(str(readings).split(",")[0]) for code, readings in raw.items()}


def _toneless(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _pinyin_key(text: str) -> str:
    return " ".join(_pinyin(c) for c in text)


def _parts(name: str, words: frozenset[str], places: frozenset[str]) -> set[str]:
    """Shorter forms people use for a name: without its place, without its kind word."""
    parts: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        for place in places:
            for form in (place + " ", place + "的", place):
                if current.startswith(form) and len(current) > len(form):
                    todo.append(current[len(form) :].strip())
        for word in words:
            for form in (" " + word, word):
                if current.endswith(form) and len(current) > len(form):
                    todo.append(current[: -len(form)].strip())
        if current != name:
            stripped = _POSSESSIVE.sub("", current).strip()
            if stripped and stripped not in words and stripped not in places:
                parts.add(stripped)
    return parts


class Lexicon:
    """Every phrase of one home (or many) and what it names; rebuild when the registry changes.

    Args:
        registry: spaces, rooms and devices.
        scenes: scenes that may be activated by name.
    """

    def __init__(self, registry: Registry, scenes: Iterable[SceneRef] = ()) -> None:
        table: defaultdict[str, set[Entry]] = defaultdict(set)
        kind_words = frozenset(normalize(w) for k in KINDS for w in k.words)
        places: set[str] = set()
        for space in registry.spaces():
            for name in (space.name, *space.aliases, space.id.replace("-", " ")):
                table[normalize(name)].add(Entry(EntryKind.SPACE, space.id))
                places.add(normalize(name))
        for room in registry.rooms():
            for name in (room.name, *room.aliases):
                table[normalize(name)].add(Entry(EntryKind.ROOM, room.id))
                places.add(normalize(name))
        frozen_places = frozenset(places)
        for kind in KINDS:
            for word in kind.words:
                table[normalize(word)].add(Entry(EntryKind.KIND, kind.key))
        for word in ALL_WORDS:
            table[normalize(word)].add(Entry(EntryKind.ALL, "all"))
        for word, floor in FLOOR_WORDS.items():
            table[normalize(word)].add(Entry(EntryKind.FLOOR, floor))
        for device in registry:
            for name in (device.name, *device.aliases):
                norm = normalize(name)
                table[norm].add(Entry(EntryKind.DEVICE, device.id))
                for part in _parts(norm, kind_words, frozen_places):
                    # A one-character part only names a person ("梅" of "梅的手机").
                    if len(part) < (2 if is_cjk(part) else 3) and not device.owner:
                        continue
                    what = EntryKind.PERSON if device.owner else EntryKind.DEVICE
                    key = device.owner if device.owner else device.id
                    table[part].add(Entry(what, key, full=False))
            if device.owner:
                table[normalize(device.owner)].add(Entry(EntryKind.PERSON, device.owner))
        for scene in scenes:
            for name in (*scene.names, scene.id.replace("-", " ")):
                table[normalize(name)].add(Entry(EntryKind.SCENE, scene.id))
        self.device_types = {d.id: d.spec.name for d in registry}
        self.kind_types: dict[str, frozenset[str]] = {
            kind.key: frozenset(d.spec.name for d in registry if kind_matches(kind, d))
            for kind in KINDS
        }
        self._table = {
            phrase: tuple(sorted(entries, key=_order))
            for phrase, entries in table.items()
            if phrase
        }
        self._lengths = sorted({len(_units(p)) for p in self._table})
        self._latin = [p for p in self._table if not is_cjk(p) and len(p.replace(" ", "")) >= 5]
        self._latin_squeezed = [p.replace(" ", "") for p in self._latin]
        # One slip (a letter wrong, missing, extra or two swapped) in a name of four letters or
        # more: "lamb", "kettel". Names of places the speaker is in or of people, and words such
        # as "all", stay exact: "some" is not "home".
        self._slips = [
            p
            for p in self._table
            if not is_cjk(p)
            and len(p.replace(" ", "")) >= _SLIP_MIN
            and any(e.kind in _SLIP_KINDS for e in self._table[p])
        ]
        self._slips_squeezed = [p.replace(" ", "") for p in self._slips]
        by_pinyin: defaultdict[str, list[str]] = defaultdict(list)
        by_length: defaultdict[int, list[str]] = defaultdict(list)
        for phrase in self._table:
            if is_cjk(phrase) and re.fullmatch(r"[\u3400-\u9fff]+", phrase) and len(phrase) >= 2:
                by_pinyin[_pinyin_key(phrase)].append(phrase)
                if len(phrase) >= 4:
                    by_length[len(phrase)].append(phrase)
        self._by_pinyin = dict(by_pinyin)
        self._by_length = dict(by_length)

    def types(self, mentions: Iterable[Mention]) -> frozenset[str]:
        """The device types the mentions name (a kind names the types of its devices)."""
        found: set[str] = set()
        for mention in mentions:
            for entry in mention.entries:
                if entry.kind is EntryKind.DEVICE:
                    found.add(self.device_types.get(entry.key, ""))
                elif entry.kind is EntryKind.KIND and entry.key != "appliance":
                    found |= self.kind_types.get(entry.key, frozenset())
        found.discard("")
        return frozenset(found)

    def exact(self, phrase: str, kind: EntryKind) -> tuple[Entry, ...]:
        """The meanings of one kind of a normalised phrase, looked up exactly."""
        return tuple(e for e in self._table.get(phrase, ()) if e.kind is kind)

    def phrases(self, kind: EntryKind) -> dict[str, tuple[Entry, ...]]:
        """Every phrase with at least one meaning of ``kind`` (for sentence-template lists)."""
        return {p: e for p, e in self._table.items() if any(x.kind is kind for x in e)}

    def scan(self, normalized: str) -> list[Mention]:
        """The mentions in a normalised sentence, in sentence order, none overlapping."""
        units = _units(normalized)
        found: list[Mention] = []
        for size in self._lengths:
            for i in range(len(units) - size + 1):
                window = units[i : i + size]
                text = _join([u for u, _, _ in window])
                start, end = window[0][1], window[-1][2]
                mention = self._lookup(text, start, end)
                if mention is not None:
                    found.append(mention)
        # Joined or split English words ("livingroom" for "living room").
        for size in (1, 2, 3):
            for i in range(len(units) - size + 1):
                window = units[i : i + size]
                if any(is_cjk(u) or u[0].isdigit() for u, _, _ in window) or (
                    window[0][0] in _STOPWORDS or window[-1][0] in _STOPWORDS
                ):
                    continue
                squeezed = "".join(u for u, _, _ in window)
                best = process.extractOne(
                    squeezed, self._latin_squeezed, scorer=fuzz.ratio, score_cutoff=_LATIN_CUTOFF
                )
                # A window that holds the phrase exactly plus a neighbour word is the exact
                # find's ("bedroom ac fan" is "bedroom ac", then "fan").
                inner = {
                    "".join(u for u, _, _ in window[1:]),
                    "".join(u for u, _, _ in window[:-1]),
                }
                if best is not None and (size == 1 or best[0] not in inner):
                    phrase = self._latin[best[2]]
                    found.append(
                        Mention(phrase, window[0][1], window[-1][2], best[1], self._table[phrase])
                    )
                elif best is None and len(squeezed) >= _SLIP_MIN:
                    slip = self._slip(squeezed, inner)
                    if slip is not None:
                        found.append(
                            Mention(slip, window[0][1], window[-1][2], 82.0, self._table[slip])
                        )
        for unit, start, end in units:
            found.extend(self._run_together(unit, start, end))
        return _settle(found)

    def _run_together(self, unit: str, start: int, end: int) -> list[Mention]:
        """Two names written as one word ("bedroomlamp"): the room and the kind, each exact."""
        if len(unit) < 2 * _SLIP_MIN - 1 or is_cjk(unit) or unit in self._table:
            return []
        for cut in range(3, len(unit) - 2):
            left, right = unit[:cut], unit[cut:]
            if left in self._table and right in self._table and left not in _STOPWORDS:
                return [
                    Mention(left, start, start + cut, 90.0, self._table[left]),
                    Mention(right, start + cut, end, 90.0, self._table[right]),
                ]
        return []

    def _slip(self, squeezed: str, inner: set[str]) -> str | None:
        """The name one slip away from ``squeezed`` (same first letter), if exactly one is."""
        hits = [
            i
            for i, name in enumerate(self._slips_squeezed)
            if name[0] == squeezed[0]
            and abs(len(name) - len(squeezed)) <= 1
            and name not in inner
            and OSA.distance(squeezed, name, score_cutoff=1) <= 1
        ]
        names = {self._slips[i] for i in hits}
        return names.pop() if len(names) == 1 else None

    def _lookup(self, text: str, start: int, end: int) -> Mention | None:
        entries = self._table.get(text)
        if entries is not None:
            return Mention(text, start, end, 100.0, entries)
        if not re.fullmatch(r"[\u3400-\u9fff]{2,}", text):
            return None
        homophones = self._by_pinyin.get(_pinyin_key(text))
        if homophones:
            return Mention(homophones[0], start, end, 90.0, self._table[homophones[0]])
        candidates = self._by_length.get(len(text))
        if candidates:
            best = process.extractOne(text, candidates, scorer=Hamming.distance, score_cutoff=1)
            # A slip inside the name only: a window that differs at an edge is usually the
            # name's neighbour word ("办公室几度" is not "办公室台灯").
            if best is not None and text[0] == best[0][0] and text[-1] == best[0][-1]:
                return Mention(best[0], start, end, 80.0, self._table[best[0]])
        return None


def _order(entry: Entry) -> tuple[int, str, str]:
    return (0 if entry.full else 1, entry.kind.value, entry.key)


def _settle(found: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []

    # A tolerant find must cover clearly more of the sentence to beat an exact one.
    def rank(m: Mention) -> tuple[float, float, int]:
        return (-(m.end - m.start) * (1.0 if m.score >= 100 else 0.88), -m.score, m.start)

    for mention in sorted(found, key=rank):
        if any(mention.start < e and s < mention.end for s, e in taken):
            continue
        chosen.append(mention)
        taken.append((mention.start, mention.end))
    return sorted(chosen, key=lambda m: m.start)


def strip_particles(text: str) -> str:
    """Drop a trailing Chinese particle from a phrase ("客厅的" -> "客厅")."""
    for suffix in _SUFFIXES_ZH:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text
