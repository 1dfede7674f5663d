"""Places listed in one sentence as separate events (sentences written for
these tests), one test per construction:

* distributive_figures: "killed 5 in Baghdad and 3 in Kirkuk", «قتل 5 أشخاص
  في بغداد و3 في كركوك»: a figure placed by its own preposition after one
  placed by another is the other place's toll (gapping with «و»/"and", not a
  conjunct of the first); two places with a figure each are two events even
  when near ("5 in Karrada and 3 in Sadr City"), and the figures add up when
  the second place is not a gazetteer place (one event: «2 في السوق و3 قرب
  المسجد»);
* coordinated_target: "Rockets hit Ain al-Asad air base and a facility in
  Erbil": a second noun phrase opened by a determiner and placed by its own
  preposition; a verb phrase ("and buried in Najaf") is not one;
* facility targets: two named facilities far apart («قاعدة عين الأسد ومطار
  أربيل») are two events under any trigger, strong or not.
"""

from __future__ import annotations

import pytest

from factories import extract_text, incident_summary
from kharita.models import ArticleResult, Count


def _sites_killed(result: ArticleResult) -> list[tuple[str | None, Count]]:
    return [
        (site, killed) for site, _type, killed, _wounded in incident_summary(result)
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Bombs killed 5 in Baghdad and 3 in Kirkuk on Monday.", "en"),
        ("Bombs killed 5 people in Baghdad and 3 in Kirkuk on Monday.", "en"),
        ("قتل 5 أشخاص بتفجيرات في بغداد و3 في كركوك.", "ar"),
    ],
)
def test_a_figure_per_place_is_an_event_per_place(text: str, lang: str) -> None:
    assert _sites_killed(extract_text(text, lang)) == [
        ("Baghdad", Count(5, 5)),
        ("Kirkuk", Count(3, 3)),
    ]


def test_a_figure_per_place_splits_even_nearby_places() -> None:
    result = extract_text(
        "Bombs killed 5 in Baghdad's Karrada and 3 in Sadr City on Monday.", "en"
    )
    assert _sites_killed(result) == [
        ("Karrada", Count(5, 5)),
        ("Sadr City", Count(3, 3)),
    ]


def test_figures_by_spot_inside_one_event_add_up() -> None:
    result = extract_text(
        "انفجرت عبوة في الطارمية ما أدى إلى مقتل 2 في السوق و3 قرب المسجد.", "ar"
    )
    assert _sites_killed(result) == [("Tarmiyah District", Count(5, 5))]


def test_a_figure_without_its_own_place_is_still_a_conjunct() -> None:
    result = extract_text(
        "A roadside bomb killed 2 soldiers and 3 civilians in Tarmiyah.", "en"
    )
    assert _sites_killed(result) == [("Tarmiyah", Count(5, 5))]


def test_a_second_target_opened_by_a_determiner_is_another_event() -> None:
    result = extract_text(
        "Rockets hit Ain al-Asad air base and a facility in Erbil on Tuesday.", "en"
    )
    assert [(s, t) for s, t, _k, _w in incident_summary(result)] == [
        ("Ain al-Asad Air Base", "rocket_attack"),
        ("Erbil", "rocket_attack"),
    ]


def test_a_verb_phrase_after_and_is_no_second_target() -> None:
    result = extract_text(
        "A soldier was shot dead in Baghdad and buried in Najaf on Friday.", "en"
    )
    assert [s for s, _t, _k, _w in incident_summary(result)] == ["Baghdad"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Drones attacked Ain al-Asad air base and Erbil airport overnight.", "en"),
        ("استهدفت طائرات مسيرة قاعدة عين الأسد ومطار أربيل فجر اليوم.", "ar"),
    ],
)
def test_two_named_facilities_are_two_events_under_a_weak_trigger(
    text: str, lang: str
) -> None:
    assert [s for s, _t, _k, _w in incident_summary(extract_text(text, lang))] == [
        "Ain al-Asad Air Base",
        "Erbil International Airport",
    ]


def test_a_figure_per_district_is_an_event_per_district() -> None:
    """Districts 25 km apart, each with its own toll: two events (the
    figures, not the distance, tell them apart)."""
    result = extract_text(
        "قتل 4 مدنيين في قضاء بلد و2 في قضاء الدجيل بهجوم مسلح.", "ar"
    )
    assert _sites_killed(result) == [
        ("Balad District", Count(4, 4)),
        ("Dujail District", Count(2, 2)),
    ]
