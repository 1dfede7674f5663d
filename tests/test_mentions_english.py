"""English recognition: adjectives ("X-backed"), unit names, prefixed village names."""

import pytest

from kharita.gazetteer import load_gazetteer
from kharita.mentions import recognizer_for


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Officials blamed Iran-backed groups for the rockets.", "Iran"),
        ("A Turkey-backed faction was accused.", "Turkey"),
        ("Fighters of the Sinjar Resistance Units were killed.", "Sinjar"),
    ],
)
def test_mentions_english_not_a_place(text: str, absent: str) -> None:
    found = [m.text for m in recognizer_for(load_gazetteer())(text, "en")]
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Gunmen raided the village of Tal Jabir near Kirkuk.", "Tal Jabir"),
        ("Shells fell on the village of Albu Hassan in Diyala.", "Albu Hassan"),
        ("A mine exploded in the village of Umm Khanzir.", "Umm Khanzir"),
    ],
)
def test_mentions_english_prefixed_village(text: str, span: str) -> None:
    found = [m.text for m in recognizer_for(load_gazetteer())(text, "en")]
    assert span in found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # construction: a wire credit after the name is the report's source,
        # not an organisation ("Basra police")
        ("Roadside bomb kills 4 in Makhmur -police", "Makhmur"),
        ("Car bomb kills 3 in Kirkuk - medics", "Kirkuk"),
        ("Gunmen kill two in Iraq's Tuz Khurmatu -sources", "Tuz Khurmatu"),
    ],
)
def test_mentions_english_name_before_a_wire_credit(text: str, place: str) -> None:
    found = [m.text for m in recognizer_for(load_gazetteer())(text, "en")]
    assert place in found


def test_mentions_english_name_in_an_organisation_still_dropped() -> None:
    found = [
        m.text for m in recognizer_for(load_gazetteer())("Basra police said", "en")
    ]
    assert found == []


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # construction: given name + al-Family ("Moqtada al-Sadr" is a person,
        # not Sadr City); place words before a name do not make it a family name
        ("Cleric Moqtada al-Sadr condemned the attack in Najaf", "Sadr", "Najaf"),
        ("Nouri al-Maliki visited Basra", "Maliki", "Basra"),
        ("Western al-Anbar was hit by strikes", None, "al-Anbar"),
        ("Gunmen attacked Camp al-Taji", None, "Camp al-Taji"),
    ],
)
def test_mentions_english_family_name_is_not_a_place(
    text: str, absent: str | None, present: str
) -> None:
    found = [m.text for m in recognizer_for(load_gazetteer())(text, "en")]
    assert present in found
    if absent is not None:
        assert not any(absent in f for f in found)


@pytest.mark.parametrize(
    ("text", "spelling", "place"),
    [
        # construction: a capitalised name after a preposition of place, spelt
        # in a way no gazetteer row lists: matched by its Latin skeleton
        ("Clashes near Beygee refinery", "Beygee", "Baiji"),
        ("Attack in Hawiga kills 2", "Hawiga", "Hawija"),
    ],
)
def test_mentions_english_unlisted_spelling_by_skeleton(
    text: str, spelling: str, place: str
) -> None:
    from kharita.models import Article
    from kharita.pipeline import pipeline_for

    doc = pipeline_for()(Article(id="t", text=text, lang="en"))
    (rp,) = [p for p in doc.places if p.mention.text == spelling]
    assert rp.mention.kind == "fuzzy"
    assert rp.place is not None and rp.place.name_en == place
    # kharita geocode finds the same place for the same spelling
    from kharita.resolve.geocoders import LocalGeocoder

    location = LocalGeocoder().geocode(spelling)
    assert location is not None and location.raw["name_en"] == place


def test_mentions_english_skeleton_needs_a_preposition_of_place() -> None:
    found = [m.text for m in recognizer_for(load_gazetteer())("Hawiga said", "en")]
    assert found == []


def _found(text: str) -> list[str]:
    return [m.text for m in recognizer_for(load_gazetteer())(text, "en")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # construction preposition_article: "the" between the preposition and a
        # name that is also a common phrase
        ("Two rockets fell in the Green Zone late on Wednesday.", "Green Zone"),
        ("A rocket landed inside the International Zone.", "International Zone"),
    ],
)
def test_preposition_then_article_supports_a_common_phrase_name(
    text: str, place: str
) -> None:
    assert place in _found(text)


def test_article_before_a_country_makes_it_an_adjective() -> None:
    assert _found("Militias opposed to the U.S. military presence.") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # construction capitalised_name: capitals after a lowercase word of prose
        ("A rocket struck the Green Zone on Sunday.", "Green Zone"),
        ("Crowds filled Liberation Square on Friday.", "Liberation Square"),
        (
            "Gunmen attacked a checkpoint on the Right Bank of Mosul.",
            "Right Bank of Mosul",
        ),
    ],
)
def test_capitalised_name_in_prose_is_a_place(text: str, place: str) -> None:
    assert place in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rocket Hits Green Zone",  # a headline in title case
        "Green Zone residents were told to stay indoors.",  # opening a sentence
        "A rocket struck the green zone on Sunday.",  # no capitals
    ],
)
def test_capitals_outside_running_prose_are_no_support(text: str) -> None:
    assert "Green Zone" not in _found(text) and "green zone" not in _found(text)
