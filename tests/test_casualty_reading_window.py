"""Figures read a few words from their cue (sentences written for these tests).

* reading_window: filler words (``casualty_words.tsv`` set ``skip``: "in",
  "the", "were", «بجروح», «بليغة»...) do not count against the few unknown
  words a figure may stand behind its cue ("Those killed in the attack were 7
  soldiers");
* minimum with ``approx`` and ``le`` (``number_words.tsv`` kind ``modifier``):
  "about 10", «نحو 10» are kept as 10; "up to 10" is 1 to 10.
"""

from __future__ import annotations

import pytest

from factories import extract_text
from kharita.models import Count


def _toll(text: str, lang: str) -> tuple[Count, Count]:
    (inc,) = extract_text(text, lang).incidents
    return inc.killed, inc.wounded


def test_filler_words_between_cue_and_figure() -> None:
    killed, _ = _toll(
        "Those killed in the attack were 7 soldiers, police said of the bombing in Tarmiyah.",
        "en",
    )
    assert killed == Count(7, 7)


@pytest.mark.parametrize(
    ("text", "lang", "killed", "wounded"),
    [
        ("A car bomb killed about 10 people in Hilla.", "en", Count(10, 10), Count()),
        (
            "انفجرت سيارة مفخخة في الحلة ما أدى إلى مقتل نحو 10 أشخاص.",
            "ar",
            Count(10, 10),
            Count(),
        ),
        ("A car bomb wounded up to 10 people in Hilla.", "en", Count(), Count(1, 10)),
    ],
)
def test_about_and_up_to(text: str, lang: str, killed: Count, wounded: Count) -> None:
    assert _toll(text, lang) == (killed, wounded)
