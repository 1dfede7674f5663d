"""Another victim named by «آخر» right at a casualty cue (sentences written for
these tests), construction another_one:

* «قتل جندي وأصيب آخر» / «قتلت امرأة وأصيبت أخرى»: one more victim, of the
  cue's own kind (``number_words.tsv``: «آخر»/«أخرى» singular);
* «وأصيب آخران»: two (dual); «وأصيب آخرون»: others, uncounted (vague, at
  least two, flagged);
* «والآخر» ("and the other") is one of a group already counted, never a
  figure of its own («قتل جنديان أحدهما ضابط والآخر جندي» = 2).
"""

from __future__ import annotations

from factories import extract_text, incident_summary
from kharita.models import Count


def test_another_victim_after_a_cue_of_another_kind_is_one() -> None:
    result = extract_text("قتل جندي وأصيب آخر بانفجار عبوة ناسفة في قضاء الطارمية.")
    assert incident_summary(result) == [
        ("Tarmiyah District", "ied", Count(1, 1), Count(1, 1)),
    ]


def test_another_victim_in_the_feminine_is_one() -> None:
    result = extract_text("قتلت امرأة وأصيبت أخرى بانفجار عبوة ناسفة في قضاء الطارمية.")
    assert incident_summary(result) == [
        ("Tarmiyah District", "ied", Count(1, 1), Count(1, 1)),
    ]


def test_two_other_victims_in_the_dual_are_two() -> None:
    result = extract_text("قتل شرطي وأصيب آخران بانفجار عبوة ناسفة في قضاء الطارمية.")
    assert incident_summary(result) == [
        ("Tarmiyah District", "ied", Count(1, 1), Count(2, 2)),
    ]


def test_other_victims_uncounted_are_vague() -> None:
    (inc,) = extract_text(
        "قتل مدني وأصيب آخرون بانفجار عبوة ناسفة في قضاء الطارمية."
    ).incidents
    assert inc.killed == Count(1, 1)
    assert inc.wounded.min == 2 and inc.wounded.max is None and inc.wounded.vague


def test_the_other_of_a_counted_group_adds_nothing() -> None:
    result = extract_text(
        "قتل جنديان أحدهما ضابط والآخر جندي بانفجار عبوة في قضاء الطارمية."
    )
    assert incident_summary(result) == [
        ("Tarmiyah District", "ied", Count(2, 2), Count()),
    ]


def test_a_soldier_and_another_killed_are_two() -> None:
    result = extract_text(
        "قتل جندي وآخر من الشرطة بانفجار عبوة ناسفة في قضاء الطارمية."
    )
    assert incident_summary(result) == [
        ("Tarmiyah District", "ied", Count(2, 2), Count()),
    ]


def test_a_conjoined_cue_of_the_same_kind_still_adds_one() -> None:
    result = extract_text(
        "أسفر انفجار عبوة ناسفة عن إصابة جندي وإصابة آخر في قضاء الطارمية."
    )
    assert [c[2:] for c in incident_summary(result)] == [(Count(), Count(2, 2))]
