"""A place that names a post a person holds is not the incident site when the
sentence names another place (sentences written for these tests).

Construction affiliation (``place_role_cues.tsv``, kinds ``affiliation`` and
``affiliation_after``): «والي كركوك», «أمير الرطبة» (a construct
chain), "IS commander in Mosul", "leader for Anbar", "the Tal Afar emir".
The place is the site only when nothing else is named (then it is the best
guess); "leader killed in Mosul" is no affiliation (a verb stands between).

Construction facility_name: "the Bayji refinery" keeps Bayji as a place (the
refinery lies at the town): a facility word after a name no longer hides it.
"""

from __future__ import annotations

import pytest

from factories import extract_text
from kharita.incidents.places import cue_role
from kharita.models import Article, ArticleResult
from kharita.pipeline import pipeline_for


def _sites(result: ArticleResult) -> list[str | None]:
    return [
        i.place.place.name_en if i.place and i.place.place else None
        for i in result.incidents
    ]


def _role(result: ArticleResult, name: str) -> str:
    return next(p.role for p in result.places if p.place and p.place.name_en == name)


def test_english_post_in_a_city_is_not_the_site_beside_another_place() -> None:
    result = extract_text(
        "Islamic State commander in Mosul killed in clashes at Baiji refinery", "en"
    )
    assert _sites(result) == ["Baiji oil refinery"]
    assert _role(result, "Mosul") == "other"


def test_arabic_construct_post_is_not_the_site_beside_another_place() -> None:
    result = extract_text(
        "اغتيال والي كركوك في تنظيم داعش بغارة جوية قرب الحويجة", "ar"
    )
    assert _sites(result) == ["Hawija District"]
    assert _role(result, "Kirkuk") == "other"


def test_a_post_is_the_site_when_nothing_else_is_named() -> None:
    assert _sites(
        extract_text("Islamic State commander in Fallujah killed by air strike", "en")
    ) == ["Fallujah"]


def test_a_post_beats_a_bare_region() -> None:
    """ "northern Iraq" names less than the post's town."""
    result = extract_text(
        "The Islamic State's emir of Tal Afar was killed by an air strike in northern Iraq.",
        "en",
    )
    assert _sites(result) == ["Tal Afar"]


@pytest.mark.parametrize(
    ("text", "lang", "cue"),
    [
        ("An Islamic State leader in Mosul was shot dead.", "en", "affiliation"),
        ("An Islamic State leader was shot dead in Mosul.", "en", None),
        ("Mosul commander of the group was shot dead.", "en", "affiliation"),
        ("قتل والي نينوى في هجوم", "ar", "affiliation"),
        ("قتل قائد بارز في هجوم على نينوى", "ar", None),
    ],
)
def test_a_verb_or_preposition_between_the_post_and_the_place_is_no_affiliation(
    text: str, lang: str, cue: str | None
) -> None:
    doc = pipeline_for()(Article(id="c", text=text, lang=lang))  # type: ignore[arg-type]
    (rp,) = [p for p in doc.places if p.place is not None]
    assert cue_role(doc, rp) == cue


def test_a_refinery_named_for_its_town_keeps_the_town() -> None:
    assert _sites(
        extract_text("Militants attacked the Bayji refinery overnight.", "en")
    ) == ["Baiji"]


def test_an_english_post_after_the_name_is_an_affiliation() -> None:
    """ "the Kirkuk governor": the place is kept (no longer hidden as an
    organisation name) and is the site only when nothing finer is named."""
    alone = extract_text(
        "The Kirkuk governor survived a roadside bomb on Sunday.", "en"
    )
    assert _sites(alone) == ["Kirkuk"]
    beside = extract_text(
        "The Kirkuk governor survived a roadside bomb in Hawija on Sunday.", "en"
    )
    assert _sites(beside) == ["Hawija"]
    assert _role(beside, "Kirkuk") != "site"


def test_a_person_named_by_a_post_right_at_the_cue_is_one() -> None:
    """construction singular (``number_words.tsv``): «قتل والي كركوك» = one killed."""
    result = extract_text(
        "قتل والي كركوك في تنظيم داعش بضربة جوية على مخبأ في قضاء الحويجة.", "ar"
    )
    (inc,) = result.incidents
    assert (inc.killed.min, inc.killed.max) == (1, 1)
