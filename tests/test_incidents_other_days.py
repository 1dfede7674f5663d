"""Sentences dated another day recall another event (sentences written for
these tests), construction other_days (``incidents/assemble.py::_drop_other_days``):
a sentence of an event's cluster whose explicit days all lie more than a day
from the event's day tells an earlier event; its figures stay out ("On
Tuesday, three soldiers were wounded..." after Thursday's bomb: 2, not 2-3)."""

from __future__ import annotations

import pytest

from kharita.models import Article, Count
from kharita.pipeline import extract_article


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
    article = Article(id="o", text=text, lang=lang, date="2031-05-02")  # type: ignore[arg-type]
    (inc,) = extract_article(article).incidents
    assert inc.date.iso == "2031-05-01"
    assert inc.wounded == Count(2, 2)
