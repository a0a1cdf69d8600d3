"""Reading a sentence: numbers in both languages, and names despite typos and homophones."""

from __future__ import annotations

import pytest

from orbithub.assistant import Language
from orbithub.assistant.nlu.mentions import EntryKind, Lexicon
from orbithub.assistant.nlu.text import Quantity, detect_language, normalize, quantities
from orbithub.core.clock import ManualClock

from .conftest import T0, demo_hub


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("客厅温度调到二十二度半", [Quantity(22.5, "degrees")]),
        ("床头灯亮度调到百分之十", [Quantity(10.0, "%")]),
        ("卧室空调调到二十五度", [Quantity(25.0, "degrees")]),
        ("把客厅窗帘开一半", []),
        ("净化器风量调到2档", [Quantity(2.0, "level")]),
        ("Set the AC to twenty-five°C!", [Quantity(25.0, "degrees")]),
        ("bedside lamp to 30 %", [Quantity(30.0, "%")]),
        ("set the desk lamp to 4000K", [Quantity(4000.0, "k")]),
    ],
)
def test_numbers_in_words_and_digits(text: str, expected: list[Quantity]) -> None:
    assert quantities(normalize(text)) == expected


def test_language_follows_the_script() -> None:
    assert detect_language("把客厅的 AC 调到 24 度") is Language.ZH
    assert detect_language("turn on the TV") is Language.EN


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("turn on the kitchn light", EntryKind.DEVICE, "kitchen-light"),
        ("turn of the livingroom light", EntryKind.ROOM, "living-room"),
        ("turn on the celing light", EntryKind.DEVICE, "living-room-light"),
        ("打开客听的灯", EntryKind.ROOM, "living-room"),
        ("关掉床头等", EntryKind.DEVICE, "bedroom-lamp"),
        ("打开卧式空调", EntryKind.DEVICE, "bedroom-ac"),
        ("梅在家吗", EntryKind.PERSON, "mei"),
        ("is Alex home", EntryKind.PERSON, "alex"),
    ],
)
def test_names_are_found_despite_typos_and_homophones(text: str, kind: EntryKind, key: str) -> None:
    lexicon = Lexicon(demo_hub(ManualClock(start=T0)).registry)
    found = {(e.kind, e.key) for m in lexicon.scan(normalize(text)) for e in m.entries}
    assert (kind, key) in found


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("办公室几度", "office-desk-lamp"),  # not "办公室台灯" with one character changed
        ("客厅空气质量怎么样", "living-room-ac"),  # not "客厅空调"
        ("set the bedroom AC fan to high", "bedroom-curtain"),
    ],
)
def test_neighbouring_words_are_not_read_as_a_name(text: str, wrong: str) -> None:
    lexicon = Lexicon(demo_hub(ManualClock(start=T0)).registry)
    found = {e.key for m in lexicon.scan(normalize(text)) for e in m.entries}
    assert wrong not in found
