"""Round-ups whose items name districts and their governorates, one test per
construction (sentences written for these tests).

* container_not_site: the governorate an item names as its site's container
  («في ناحية الوجيهية بمحافظة ديالى») does not join the item to an earlier
  event near that governorate's point (Baqubah lies 24 km from Tarmiyah);
* district_item: an item at another district («في قضاء الدبس») with its own
  figure and a strong trigger is an incident of its own (in Iraqi reporting
  «قضاء X» usually names the town X itself);
* a sentence without a trigger (the wounded taken to a hospital elsewhere)
  still joins the event.
"""

from __future__ import annotations

import pytest

from factories import incident_summary
from kharita.models import Article, ArticleResult, Count
from kharita.pipeline import extract_article


def _run(text: str) -> ArticleResult:
    return extract_article(Article(id="d", text=text, lang="ar", date="2031-07-01"))


def test_container_of_the_next_item_does_not_join_it() -> None:
    result = _run(
        "انفجرت عبوة ناسفة على دورية للجيش في قضاء الطارمية شمالي بغداد، ما أدى إلى "
        "إصابة جنديين. كما انفجرت عبوة ناسفة ثانية في ناحية الوجيهية بمحافظة ديالى، "
        "أسفرت عن مقتل مدني."
    )
    assert incident_summary(result) == [
        ("Tarmiyah District", "ied", Count(), Count(2, 2)),
        ("Al-Wajihiya", "ied", Count(1, 1), Count()),
    ]


def test_item_at_another_district_is_another_incident() -> None:
    result = _run(
        "انفجرت عبوة ناسفة على دورية للجيش في قضاء الطارمية، ما أدى إلى إصابة جنديين. "
        "كما أصيب ثلاثة جنود بقصف بقذائف الهاون في قضاء الدبس بمحافظة كركوك."
    )
    assert incident_summary(result) == [
        ("Tarmiyah District", "ied", Count(), Count(2, 2)),
        ("Dibis District", "shelling", Count(), Count(3, 3)),
    ]


def test_sentence_without_trigger_at_another_district_joins() -> None:
    result = _run(
        "انفجرت عبوة ناسفة على دورية للجيش في قضاء الطارمية، ما أدى إلى إصابة جنديين. "
        "ونقل الجريحان إلى مستشفى في قضاء بعقوبة."
    )
    assert [s for s, *_ in incident_summary(result)] == ["Tarmiyah District"]


@pytest.mark.parametrize(
    ("text", "lang", "sites"),
    [
        # a stated zero is the item's own outcome
        ("انفجرت عبوة ناسفة على دورية للجيش في قضاء الطارمية، ما أدى إلى إصابة جنديين. "
         "كما انفجرت عبوة ناسفة ثانية في قضاء بلد دون وقوع إصابات.", "ar",
         ["Tarmiyah District", "Balad District"]),
        # a new kind of event at another district (a dual «قذيفتا هاون»)
        ("انفجرت عبوة ناسفة على دورية للجيش في قضاء الطارمية، ما أدى إلى إصابة جنديين. "
         "كما سقطت قذيفتا هاون على قرية في قضاء بلد.", "ar",
         ["Tarmiyah District", "Balad District"]),
        # another_event: «عبوة ثانية», "a second bomb" at another site
        ("انفجرت عبوة ناسفة على دورية للجيش في قضاء الطارمية، ما أدى إلى إصابة جنديين. "
         "وانفجرت عبوة ثانية في قضاء بلد.", "ar", ["Tarmiyah District", "Balad District"]),
        ("A roadside bomb wounded two soldiers in Tarmiya. A second bomb went off in Balad.",
         "en", ["Tarmiyah", "Balad"]),
        # a second device at the same place is the same event
        ("انفجرت عبوة ناسفة على دورية للجيش في قضاء الطارمية، ما أدى إلى إصابة جنديين. "
         "وانفجرت عبوة ثانية في المكان نفسه.", "ar", ["Tarmiyah District"]),
    ],
)  # fmt: skip
def test_item_with_its_own_outcome_or_called_another(
    text: str, lang: str, sites: list[str]
) -> None:
    art = Article(id="d", text=text, lang=lang, date="2031-07-01")
    got = [
        i.place.place.name_en if i.place and i.place.place else None
        for i in extract_article(art).incidents
    ]
    assert got == sites


def test_summary_lead_is_no_incident_when_items_follow() -> None:
    text = (
        "BAGHDAD (Kharita Wire) - Bombs and shootings killed at least 15 people across "
        "Iraq on Tuesday, police said.\n\nA car bomb exploded near a market in Tuz "
        "Khurmatu, killing eight people.\n\nIn Baquba, a roadside bomb killed three "
        "soldiers on patrol."
    )
    art = Article(id="d", text=text, lang="en", date="2031-07-01")
    got = [
        (i.place.place.name_en, i.killed)
        for i in extract_article(art).incidents
        if i.place and i.place.place
    ]
    assert got == [("Tuz Khurmatu", Count(8, 8)), ("Baqubah", Count(3, 3))]


def test_summary_lead_alone_is_kept() -> None:
    text = "قتل 12 شخصا وأصيب 30 آخرون بتفجيرات في مناطق متفرقة من العراق."
    (inc,) = _run(text).incidents
    assert inc.killed == Count(12, 12)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # told_late: the only event, dated «يوم الجمعة الماضي» (Friday before Wed 9)
        (
            "أصيب مدنيان بقصف مدفعي على قرية في قضاء مخمور يوم الجمعة الماضي.",
            "2031-07-04",
        ),
    ],
)
def test_event_told_late_is_reported(text: str, day: str) -> None:
    (inc,) = extract_article(
        Article(id="d", text=text, lang="ar", date="2031-07-09")
    ).incidents
    assert (inc.type, inc.date.iso) == ("shelling", day)


def test_recollection_beside_the_event_stays_out() -> None:
    text = (
        "أصيب مدنيان بقصف مدفعي على قرية في قضاء مخمور اليوم. وكان قصف مماثل قد "
        "استهدف القرية يوم الجمعة الماضي."
    )
    (inc,) = extract_article(
        Article(id="d", text=text, lang="ar", date="2031-07-09")
    ).incidents
    assert inc.date.iso == "2031-07-09"
