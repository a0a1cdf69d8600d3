"""Misspelt names still find their device.

One slip in a name of four letters or more, words run together or split apart, and Chinese
homophones or a slipped character.
"""

from __future__ import annotations

import pytest

from orbithub.assistant import Speaker

from .conftest import running_demo

ALEX = Speaker("alex")
MISSPELT = [
    # one letter wrong, missing, extra, or two swapped
    ("turn on the bedside lanp", "bedroom-lamp"),
    ("turn on the desk lamb", "desk-lamp"),
    ("turn off the kettl", "kettle"),
    ("switch off the kettle plz", "kettle"),
    ("turn on the kitchen ligt", "kitchen-light"),
    ("turn on the garage lightt", "garage-light"),
    ("turn off the compuetr", "computer"),
    ("turn on the telvision", "living-room-tv"),
    ("turn on the bedroom acc", "bedroom-ac"),
    ("turn on the water haeter", "water-heater"),
    ("close the livng room curtain", "living-room-curtain"),
    # run together and split apart
    ("turn on the bedroomlamp", "bedroom-lamp"),
    ("turn on the kitchenlight", "kitchen-light"),
    ("turn off the bed side lamp", "bedroom-lamp"),
    ("turn on the water heat er", "water-heater"),
    ("turn on the living room A C", "living-room-ac"),
    # Chinese: homophones (pinyin keyboards, speech input) and one slipped character
    ("打开床头等", "bedroom-lamp"),
    ("打开厨房登", "kitchen-light"),
    ("关掉客听空调", "living-room-ac"),
    ("打开卧是空调", "bedroom-ac"),
    ("关掉电恼", "computer"),
    ("打开热水汽", "water-heater"),
    ("打开车库等", "garage-light"),
    ("打开空气净话器", "living-room-purifier"),
]
NOT_NAMES = ["play some music", "come home now", "what time is it"]


@pytest.mark.parametrize(("text", "device"), MISSPELT)
async def test_a_misspelt_name_finds_its_device(text: str, device: str) -> None:
    async with running_demo() as (_, assistant):
        seen = await assistant.interpret(text, speaker=ALEX)
        assert seen.targets == (device,)


@pytest.mark.parametrize("text", NOT_NAMES)
async def test_ordinary_words_are_not_taken_for_names(text: str) -> None:
    async with running_demo() as (_, assistant):
        seen = await assistant.interpret(text, speaker=ALEX)
        assert seen.targets == ()
        assert not seen.choices
