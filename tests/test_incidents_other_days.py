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
