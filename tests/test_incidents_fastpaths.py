"""The speed-ups of incident extraction give the same answers as the plain paths.

* :func:`dates.dates_by_span` (the whole text's dates split by sentence) equals
  :func:`dates.find_dates` run on each sentence;
* a gated phrase set (:class:`_lex.Phrases`) finds what its bare regex finds.
"""

from __future__ import annotations

from typing import Any

import pytest

from kharita.incidents import attribution, types
from kharita.incidents._casualty_lex import casualty_lexicon
from kharita.incidents._doc import make_doc
from kharita.incidents._lex import Phrases, compile_phrases
from kharita.incidents.dates import dates_by_span, find_dates
from kharita.text.normalize import normalize

CRAFTED = [
    "قتل 3 أشخاص في 20\nنيسان 2024 في بغداد.",  # a date broken by a line break
    "وقع الهجوم يوم السبت 20 نيسان. وفي 21/4/2024 أعلنت الشرطة.",
    "The attack on Saturday, April 20.2024 killed two. Police said on 21 April.",
    "انفجار عبوة ناسفة في الموصل أمس\n\nوأصيب 5 مدنيين الأسبوع الماضي",
    "",
    "\n\n2024",
]


def _texts(samples: dict[str, dict[str, Any]]) -> list[str]:
    return [*CRAFTED, *(str(row["text"]) for row in samples.values())]


def test_incidents_dates_by_span_equals_per_sentence_search(
    samples: dict[str, dict[str, Any]],
) -> None:
    for text in _texts(samples):
        doc = make_doc(text)
        spans = [(s.start, s.end) for s in doc.sentences]
        expected = [find_dates(doc.text, s, e) for s, e in spans]
        assert dates_by_span(doc.text, spans, find_dates(doc.text)) == expected, text


def _all_phrases() -> list[Phrases]:
    actors, cues = attribution._patterns()
    found = [p for p, _ in actors] + [p for p, _ in cues]
    lex = casualty_lexicon()
    found += [p for p, _ in lex.zero] + list(lex.cue_heads) + list(lex.revision)
    found += [p for p, _ in types._triggers().values()]
    return found


def test_incidents_phrase_gate_never_hides_a_match(
    samples: dict[str, dict[str, Any]],
) -> None:
    phrases = _all_phrases()
    assert phrases
    for text in _texts(samples):
        folded = normalize(text).text
        for ph in phrases:
            gated = [m.span() for m in ph.finditer(folded)]
            assert gated == [m.span() for m in ph.pattern.finditer(folded)]
            assert (ph.search(folded) is None) == (not gated)


@pytest.mark.parametrize(
    ("lang", "text", "hit"),
    [
        ("en", "قتل شخصان في بغداد", False),  # Arabic text: the English gate skips it
        ("en", "two people were killed", True),
        ("ar", "two people were killed", False),
        ("ar", "وقتل شخصان", True),
    ],
)
def test_incidents_phrase_gate_by_script(lang: str, text: str, hit: bool) -> None:
    phrases = compile_phrases(["killed"] if lang == "en" else ["قتل"], lang)
    assert (phrases.search(text) is not None) is hit


def test_incidents_empty_phrase_set_matches_nothing() -> None:
    assert list(compile_phrases([], "ar").finditer("قتل killed")) == []
