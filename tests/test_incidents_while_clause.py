"""The «فيما» ("while") clause and "a similar event", one test per construction
(sentences written for these tests).

* while_clause: «...، فيما أصيب ثلاثة بنزاع مماثل في ناحية الفهود» tells
  another event when the clause names its own site (or its own kind of
  event); a clause that only adds figures («فيما أصيب ثلاثة آخرون») or names
  a place inside the same event's site continues that event;
* similar_event: the later incident with no trigger of its own that the text
  calls «مماثل» / "similar" takes the earlier incident's type;
* the lead counts double for the type in every clause of the first sentence
  («هاجم مسلحون ...، فيما قتل 2 من المسلحين خلال الاشتباك» stays a clash).
"""

from __future__ import annotations

import pytest

from factories import extract_text, incident_summary
from kharita.models import Count


def test_while_clause_with_its_own_site_is_another_incident() -> None:
    result = extract_text(
        "قتل شخص وأصيب اثنان آخران بنزاع عشائري في قضاء الشطرة شمالي محافظة ذي قار، "
        "فيما أصيب ثلاثة أشخاص بنزاع مماثل في ناحية الفهود."
    )
    assert incident_summary(result) == [
        ("Shatra District", "armed_clash", Count(1, 1), Count(2, 2)),
        ("Al-Fuhud", "armed_clash", Count(), Count(3, 3)),
    ]


def test_while_clause_adding_figures_continues_the_event() -> None:
    result = extract_text(
        "انفجرت عبوة ناسفة على دورية للشرطة في قضاء الطارمية ما أدى إلى مقتل ضابطين، "
        "فيما أصيب ثلاثة آخرون بجروح."
    )
    assert incident_summary(result) == [
        ("Tarmiyah District", "ied", Count(2, 2), Count(3, 3))
    ]


def test_while_clause_with_another_kind_of_event_is_another_incident() -> None:
    result = extract_text(
        "اندلعت اشتباكات بين قوات البيشمركة ومسلحي داعش في قضاء مخمور، "
        "فيما قتل 4 مدنيين بقصف على قرية قريبة من ناحية الكوير."
    )
    kinds = [(site, kind) for site, kind, _, _ in incident_summary(result)]
    assert kinds == [("Makhmur District", "armed_clash"), ("Gwer", "shelling")]


def test_lead_sentence_clauses_count_double_for_the_type() -> None:
    result = extract_text(
        "هاجم مسلحون نقطة تفتيش للجيش في قضاء الطارمية، ما أسفر عن مقتل 3 جنود، "
        "فيما قُتل 2 من المسلحين خلال الاشتباك."
    )
    ((_, kind, killed, _),) = incident_summary(result)
    assert (kind, killed) == ("armed_clash", Count(5, 5))


def test_similar_needs_no_trigger_of_its_own() -> None:
    # the second clause has its own trigger: its own type, "similar" or not
    result = extract_text(
        "قتل شخص بنزاع عشائري في قضاء الشطرة، "
        "فيما أصيب جنديان بانفجار عبوة ناسفة مماثلة في قضاء الرفاعي."
    )
    assert [k for _, k, _, _ in incident_summary(result)] == ["armed_clash", "ied"]


def test_while_clause_that_tells_no_event_stays_in_excerpt_and_sentence() -> None:
    text = (
        "سقطت قذيفة هاون على مبنى في ناحية العظيم، ولم تسفر عن خسائر بشرية، "
        "فيما اقتصرت الأضرار على المبنى. وفرضت القوات الأمنية طوقاً حول المكان، "
        "فيما دانت الحكومة المحلية الهجوم."
    )
    (inc,) = extract_text(text).incidents
    (source,) = inc.sources
    assert source.excerpt == text
    assert source.casualty_sentence.endswith("فيما اقتصرت الأضرار على المبنى.")
    assert (inc.killed, inc.wounded) == (Count(0, 0), Count(0, 0))


def test_while_clause_of_another_event_stays_out_of_the_first() -> None:
    text = (
        "قتل شخص بنزاع عشائري في قضاء الشطرة، "
        "فيما أصيب ثلاثة أشخاص بنزاع مماثل في ناحية الفهود."
    )
    first, second = extract_text(text).incidents
    assert "الفهود" not in first.sources[0].casualty_sentence
    assert second.sources[0].casualty_sentence.startswith("فيما أصيب ثلاثة")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "قتل شخص بنزاع عشائري في قضاء الشطرة. وأصيب ثلاثة أشخاص بنزاع مماثل في ناحية الفهود.",
            "ar",
            [
                ("Shatra District", "armed_clash", Count(1, 1), Count()),
                ("Al-Fuhud", "armed_clash", Count(), Count(3, 3)),
            ],
        ),
        (
            "Gunmen killed a shopkeeper in Kut. Three were hurt in a similar attack in Hilla.",
            "en",
            [
                ("Kut", "armed_attack", Count(1, 1), Count()),
                ("Hillah", "armed_attack", Count(), Count(3, 3)),
            ],
        ),
    ],
)
def test_similar_event_in_its_own_sentence_is_another_incident(
    text: str, lang: str, expected: list[tuple[str, str, Count, Count]]
) -> None:
    """construction similar_event: a sentence with no strong trigger that calls
    its event a similar one, at a site of its own with a figure of its own, is
    another incident of the earlier one's kind (not more figures for it)."""
    result = extract_text(text, lang)
    assert incident_summary(result) == expected
