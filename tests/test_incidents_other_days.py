"""Sentences dated another day recall another event (sentences written for
these tests), construction other_days (``incidents/assemble.py::_drop_other_days``):
a sentence of an event's cluster whose explicit days all lie more than a day
from the event's day tells an earlier event; its figures stay out ("On
Tuesday, three soldiers were wounded..." after Thursday's bomb: 2, not 2-3)."""

from __future__ import annotations

import pytest

from factories import extract_text
from kharita.models import Count


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A roadside bomb wounded two soldiers in Tarmiyah on Thursday. "
            "On Tuesday, three soldiers were wounded by a roadside bomb in Tarmiyah.",
            "en",
        ),
        (
            "أصيب جنديان بانفجار عبوة ناسفة في قضاء الطارمية يوم الخميس. "
            "ويوم الثلاثاء أصيب ثلاثة جنود بانفجار عبوة ناسفة في القضاء نفسه.",
            "ar",
        ),
    ],
)
def test_a_sentence_dated_another_day_adds_no_figure(text: str, lang: str) -> None:
    (inc,) = extract_text(text, lang).incidents
    assert inc.date.iso == "2031-05-01"
    assert inc.wounded == Count(2, 2)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A roadside bomb killed three soldiers in Balad on Sunday. Two soldiers were "
         "killed by a bomb in Dujail a week ago.", "en"),
        ("قتل ثلاثة جنود بانفجار عبوة ناسفة في قضاء بلد اليوم الأحد. وقتل جنديان "
         "بانفجار عبوة في قضاء الدجيل قبل أسبوع.", "ar"),
    ],
)  # fmt: skip
def test_an_event_a_week_ago_is_an_earlier_one(text: str, lang: str) -> None:
    """construction ago: "a week ago", «قبل أسبوع» date a sentence a week back
    (relative_dates.tsv): its toll is an earlier event's, not this one's."""
    result = extract_text(text, lang, date="2022-11-20")
    assert [(i.killed.min, i.killed.max) for i in result.incidents] == [(3, 3)]
