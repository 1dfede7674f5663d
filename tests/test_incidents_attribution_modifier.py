"""An actor right beside an event noun is its perpetrator (sentences written for
these tests), construction actor_modifier (``attribution.find_attribution``,
actors from ``actors.tsv``): after the noun in Arabic («قصف جوي تركي»), before
it in English ("Turkish air strikes", "a PKK attack").  A headline's bare verb
is no event noun: in "strikes kill 8 PKK members" the PKK are the dead."""

from __future__ import annotations

import pytest

from factories import extract_text


@pytest.mark.parametrize(
    ("text", "lang", "perpetrator"),
    [
        ("Turkish air strikes kill 8 PKK members in Duhok", "en", "Turkey"),
        ("A PKK attack killed 3 soldiers in Duhok on Sunday.", "en", "PKK"),
        ("قتل 3 أشخاص بقصف جوي تركي استهدف قرية في قضاء العمادية.", "ar", "Turkey"),
        ("Two PKK fighters killed in clashes in Duhok", "en", None),
    ],
)
def test_an_actor_beside_the_event_noun_is_the_perpetrator(
    text: str, lang: str, perpetrator: str | None
) -> None:
    (inc,) = extract_text(text, lang).incidents
    assert inc.attribution.perpetrator == perpetrator


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # construction capitals_actor: "US" in capitals is the United States
        (
            "A US air strike killed five militants near al-Qaim on Tuesday.",
            "United States",
        ),
        ("US air strike kills 5 militants near Qaim", "United States"),
        # the pronoun is nobody's name
        ("A source told us an air strike killed five militants near al-Qaim.", None),
    ],
)
def test_us_in_capitals_names_the_united_states(
    text: str, perpetrator: str | None
) -> None:
    (inc,) = extract_text(text, "en").incidents
    assert inc.attribution.perpetrator == perpetrator
