"""Eight more languages (German to Danish): basic control by Home Assistant's templates.

Each is answered in the sentence's language, whatever the app's.
"""

from __future__ import annotations

import pytest

from orbithub.assistant import Language, Speaker
from orbithub.assistant.nlu.latin import detect_latin

from .conftest import running_demo

ALEX = Speaker("alex")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("schalte das Licht in Kitchen aus", Language.DE),
        ("éteins la lumière dans Kitchen", Language.FR),
        ("apaga la luz de Kitchen", Language.ES),
        ("spegni la luce in Kitchen", Language.IT),
        ("zet het licht in Kitchen uit", Language.NL),
        ("desliga a luz da Kitchen", Language.PT),
        ("släck lampan i Kitchen", Language.SV),
        ("sluk lyset i Kitchen", Language.DA),
        ("turn off the light in the kitchen", Language.EN),
    ],
)
def test_small_words_tell_the_language(text: str, language: Language) -> None:
    assert detect_latin(text) is language


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("schalte Kitchen light ein", "Kitchen light eingeschaltet."),
        ("allume Kitchen light", "Kitchen light allumé."),
        ("enciende Kitchen light", "Kitchen light encendido."),
        ("accendi Kitchen light", "Kitchen light acceso."),
        ("zet Kitchen light aan", "Kitchen light aangezet."),
        ("liga Kitchen light", "Kitchen light ligado."),
        ("tänd Kitchen light", "Kitchen light är på."),
        ("tænd Kitchen light", "Kitchen light er tændt."),
    ],
)
async def test_a_command_is_done_and_answered_in_its_language(text: str, answer: str) -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("kitchen-light", "light.on", False)
        reply = await assistant.ask(text, speaker=ALEX, language=Language.ZH)
        assert reply.answer == answer
        assert hub.state.value("kitchen-light", "light.on") is True


async def test_limits_and_questions_in_german() -> None:
    async with running_demo() as (hub, assistant):
        refused = await assistant.ask("stelle die Temperatur in Bedroom auf 40 Grad", speaker=ALEX)
        assert refused.answer == "Bedroom AC geht nur von 16 bis 31; ich habe nichts geändert."
        assert refused.actions == ()
        await hub.set("desk-lamp", "light.on", False)
        asked = await assistant.ask("ist Desk lamp an", speaker=ALEX)
        assert asked.answer == "Nein — Desk lamp ist aus."
        # A question that fits a template for locking is answered, never acted on.
        locked = await assistant.ask("ist Front door lock verriegelt", speaker=ALEX)
        assert locked.actions == ()


async def test_other_words_are_not_read_as_english_names() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("bedroom-ac", "air-conditioner.on", True)
        await hub.set("bedroom-lamp", "light.on", True)
        # "Bedroom aus" is close to "Bedroom AC" by spelling; the template says what is named.
        reply = await assistant.ask("schalte die Lichter in Bedroom aus", speaker=ALEX)
        assert reply.targets == ("bedroom-lamp",)
        assert hub.state.value("bedroom-ac", "air-conditioner.on") is True


async def test_a_question_asked_in_german_is_answered_in_german() -> None:
    async with running_demo() as (hub, assistant):
        await hub.set("bedroom-lamp", "light.on", False)
        asked = await assistant.ask("schalte Desk lamp in Bedroom ein", speaker=ALEX)
        assert asked.answer == (
            "In Bedroom gibt es kein solches Gerät. Welches meinst du: Bedside lamp?"
        )
        declined = await assistant.ask("nein", speaker=ALEX)
        assert declined.answer == "Gut, abgebrochen: nichts geändert."
        assert declined.actions == ()
        await assistant.ask("schalte Desk lamp in Bedroom ein", speaker=ALEX)
        done = await assistant.ask("ja", speaker=ALEX)
        assert done.answer == "Bedside lamp eingeschaltet."
        assert hub.state.value("bedroom-lamp", "light.on") is True
        assert hub.state.value("desk-lamp", "light.on") is False
