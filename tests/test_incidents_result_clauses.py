"""Result clauses and killing verbs, one test per construction (sentences
written for these tests).

* zero (negated result clause): «دون أن تسفر عن إصابات», «لم يسفر عن ضحايا»
  state that nobody was hurt: 0, not "not stated";
* an assassination is a killing: «اغتيل» (passive: the victim follows),
  "assassinate(s)" (object follows), "assassinated" (a headline's subject
  before it); the active Arabic «اغتال» is left out: its subject, the
  attackers, follows it (VSO) and would be read as the victims.
"""

from __future__ import annotations

import pytest

from kharita.models import Article, Count, Incident
from kharita.pipeline import extract_article


def _one(text: str, lang: str) -> Incident:
    art = Article(id="r", text=text, lang=lang, date="2031-04-14")
    (inc,) = extract_article(art).incidents
    return inc


@pytest.mark.parametrize(
    "text",
    [
        "سقط صاروخ كاتيوشا قرب قاعدة بلد الجوية فجر اليوم دون أن يسفر عن إصابات.",
        "استهدفت طائرة مسيرة مفخخة مطار أربيل الدولي دون أن تسفر عن خسائر بشرية.",
        "انفجرت عبوة ناسفة على طريق في قضاء الطارمية ولم يسفر الانفجار عن ضحايا.",
    ],
)
def test_negated_result_clause_is_zero(text: str) -> None:
    inc = _one(text, "ar")
    assert (inc.killed, inc.wounded) == (Count(0, 0), Count(0, 0))


def test_negated_result_clause_does_not_hide_a_figure() -> None:
    text = (
        "انفجرت عبوة ناسفة في قضاء الطارمية ما أدى إلى مقتل شخصين، "
        "فيما لم يسفر انفجار ثان عن إصابات."
    )
    assert _one(text, "ar").killed == Count(2, 2)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("اغتيل ضابط في الشرطة بإطلاق نار أمام منزله في قضاء الزبير.", "ar"),
        ("Gunmen assassinate a judge in Amara", "en"),
        ("Tribal sheikh assassinated in Hawija", "en"),
    ],
)
def test_assassination_kills_one(text: str, lang: str) -> None:
    assert _one(text, lang).killed == Count(1, 1)


def test_assassination_reads_a_stated_figure() -> None:
    assert _one("Gunmen assassinate two judges in Amara", "en").killed == Count(2, 2)


@pytest.mark.parametrize(
    "text",
    [
        "انفجرت عبوة ناسفة في قضاء الطارمية ما أدى إلى مقتل ضابطين.",
        "انفجرت عبوة ناسفة في قضاء الطارمية ما أدى إلى مقتل رجلين.",
        "انفجرت عبوة ناسفة في قضاء الطارمية ما أدى إلى مقتل شابين.",
    ],
)
def test_dual_of_a_noun_with_a_broken_plural_is_two(text: str) -> None:
    assert _one(text, "ar").killed == Count(2, 2)


@pytest.mark.parametrize(
    ("text", "lang", "killed"),
    [
        # «و»/"and" between two figures adds a group ...
        (
            "انفجرت عبوة ناسفة في قضاء الطارمية ما أدى إلى مقتل جنديين و3 مدنيين.",
            "ar",
            Count(5, 5),
        ),
        # ... and joins a range only after «بين»/"between"
        (
            "انفجرت عبوة ناسفة في قضاء الطارمية ما أدى إلى سقوط بين 3 و5 قتلى.",
            "ar",
            Count(3, 5),
        ),
        ("A car bomb in Kut killed between 3 and 5 people", "en", Count(3, 5)),
        ("A car bomb in Kut killed 3 to 5 people", "en", Count(3, 5)),
    ],
)
def test_and_joins_a_range_only_after_between(
    text: str, lang: str, killed: Count
) -> None:
    assert _one(text, lang).killed == killed


@pytest.mark.parametrize(
    ("text", "lang", "killed", "casualties"),
    [
        # combined: a verb pair "killed or wounded" is one combined figure
        ("قال مصدر أمني إن 12 من عناصر الشرطة قتلوا أو أصيبوا بانفجار في قضاء الطارمية.",
         "ar", Count(), Count(12, 12)),
        # background: a figure counted "since the start of" something is no toll
        ("انفجرت عبوة ناسفة في قضاء الطارمية، وقال مصدر إن 12 شرطياً قتلوا منذ بدء العمليات.",
         "ar", Count(), Count()),
        ("A bomb exploded in Tarmiya; more than 40 policemen have been killed there "
         "since the start of the year.", "en", Count(), Count()),
    ],
)  # fmt: skip
def test_verb_pair_and_since_the_start(
    text: str, lang: str, killed: Count, casualties: Count
) -> None:
    inc = _one(text, lang)
    assert (inc.killed, inc.casualties) == (killed, casualties)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # relative_one: a singular victim noun + «الذي/التي» + cue is one
        ("شيع الأهالي جثمان الشاب الذي قتل برصاص مجهولين في منطقة البلديات ببغداد.",
         Count(1, 1)),
        # a figure after the cue still wins («الهجوم الذي قتل فيه 5 أشخاص»)
        ("وقع الهجوم الذي قتل فيه 5 أشخاص في قضاء الطارمية.", Count(5, 5)),
    ],
)  # fmt: skip
def test_singular_relative_clause(text: str, killed: Count) -> None:
    assert _one(text, "ar").killed == killed


@pytest.mark.parametrize(
    ("text", "killed", "wounded", "casualties"),
    [
        # kin: «أب وابنه» = 2; a dual with a possessive: «امرأة وطفلاها» = 3
        ("قتل أب وابنه بانفجار عبوة ناسفة في قضاء الطارمية.", Count(2, 2), Count(), Count()),
        ("قتلت امرأة وطفلاها بقصف على قرية في قضاء مخمور.", Count(3, 3), Count(), Count()),
        # an ordinal victim: «وأصيب ثالث» = one more
        ("قتل جنديان وأصيب ثالث بانفجار عبوة ناسفة في قضاء الطارمية.",
         Count(2, 2), Count(1, 1), Count()),
        # combined: «مقتل وإصابة 7 أشخاص» is one toll for both
        ("أسفر الانفجار في قضاء الطارمية عن مقتل وإصابة 7 أشخاص.",
         Count(), Count(), Count(7, 7)),
    ],
)  # fmt: skip
def test_kin_dual_possessive_ordinal_and_combined_pair(
    text: str, killed: Count, wounded: Count, casualties: Count
) -> None:
    inc = _one(text, "ar")
    assert (inc.killed, inc.wounded, inc.casualties) == (killed, wounded, casualties)


@pytest.mark.parametrize(
    ("text", "wounded", "killed"),
    [
        # another_one: a conjoined cue whose figure is «آخر» adds one
        ("انفجرت عبوة ناسفة في قضاء الطارمية، ما أدى إلى إصابة جندي وإصابة آخر.",
         Count(2, 2), Count()),
        ("أصيبت امرأة وأصيبت أخرى بانفجار عبوة ناسفة في قضاء الطارمية.", Count(2, 2), Count()),
        # «والآخر» ("the other") is one of a group already counted
        ("قتل اثنان بانفجار في قضاء الطارمية، أحدهما قتل في الانفجار، والآخر قتل "
         "أثناء نقله إلى المستشفى.", Count(), Count(2, 2)),
    ],
)  # fmt: skip
def test_another_one_adds_the_other_does_not(
    text: str, wounded: Count, killed: Count
) -> None:
    inc = _one(text, "ar")
    assert (inc.wounded, inc.killed) == (wounded, killed)
