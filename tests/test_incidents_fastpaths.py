"""The speed-ups of incident extraction give the same answers as the plain paths.

* :func:`dates.dates_by_span` (the whole text's dates split by sentence) equals
  :func:`dates.find_dates` run on each sentence;
* the one phrase matcher (:mod:`kharita.text.phrases`) finds, for every incident
  phrase set and any range, what that set's phrase regex finds with
  ``finditer(text, start, stop)`` (the regex is built here, from the same table).
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from kharita.incidents._doc import make_doc
from kharita.incidents._lex import trie_regex
from kharita.incidents.dates import dates_by_span, find_dates
from kharita.incidents.lexicon import phrase_sets
from kharita.incidents.types import registry
from kharita.text.clitics import STACK_PATTERN
from kharita.text.normalize import normalize
from kharita.text.phrases import AR_SUFFIXES, PhraseMatcher, PhraseSet, phrase_key

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


Row = dict[str, str]


def _regex(phrase_set: PhraseSet) -> re.Pattern[str]:
    """The phrase regex of a set: the reference the matcher must agree with."""
    body = trie_regex(
        phrase_set.rows, r"\s+(?:ال)?" if phrase_set.lang == "ar" else r"\s+"
    )
    if not phrase_set.rows:
        return re.compile(r"(?!x)x")
    if phrase_set.lang != "ar":
        return re.compile(rf"(?<![\w.-])(?P<p>{body})(?![\w-])")
    stack = STACK_PATTERN if phrase_set.clitics else ""
    ending = "(?:" + "|".join(AR_SUFFIXES) + ")?" if phrase_set.suffix else ""
    return re.compile(rf"(?<!\w){stack}(?P<p>{body}){ending}(?!\w)")


def _row(rows: Any, matched: str) -> Row:
    key = phrase_key(matched)
    if key in rows:
        return dict(rows[key])
    first, *rest = key.split(" ")
    return dict(
        rows[" ".join([first, *(w[2:] if w.startswith("ال") else w for w in rest)])]
    )


SETS = phrase_sets(registry())
MATCHER = PhraseMatcher(SETS)
REGEXES = [(s, _regex(s)) for s in SETS]


def _agree(folded: str, ranges: list[tuple[int, int]]) -> None:
    hits = MATCHER(folded)
    for phrase_set, regex in REGEXES:
        for a, b in ranges:
            expected = [
                (m.start(), m.end(), m.group(0), _row(phrase_set.rows, m.group("p")))
                for m in regex.finditer(folded, a, b)
            ]
            got = [
                (h.start, h.end, h.text, dict(h.row))
                for h in hits.finditer(phrase_set.name, a, b)
            ]
            assert got == expected, (phrase_set.name, a, b, folded[a:b])
            assert (hits.search(phrase_set.name, a, b) is None) == (not expected)


def test_incidents_phrase_matcher_equals_the_phrase_regexes(
    samples: dict[str, dict[str, Any]],
) -> None:
    for text in _texts(samples):
        doc = make_doc(text)
        ranges = [(0, len(doc.text)), *((s.start, s.end) for s in doc.sentences)]
        _agree(doc.text, ranges)


GLUE = [" ", "  ", "\n", "\n\n", ", ", ". ", "-", "", ".", " ال", "و", "وال", "بال",
        "لل", "ات", "ها", "x", "3", " - ", "; ", '"']  # fmt: skip


def test_incidents_phrase_matcher_equals_the_regexes_on_phrases_run_together() -> None:
    """Table phrases glued with proclitics, endings, spaces, line breaks and
    punctuation, cut at random places: the hard cases for the two to agree."""
    rng = random.Random(11)
    keys = [k for s in SETS for k in s.rows]
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 6)):
            key = rng.choice(keys)
            if rng.random() < 0.3:  # spaces as line breaks, runs, added articles
                key = key.replace(" ", rng.choice(["  ", "\n", " ال", "-"]))
            parts.append(rng.choice(GLUE) + key + rng.choice(GLUE))
        folded = normalize("".join(parts)).text
        cuts = sorted(
            {0, len(folded), *(rng.randint(0, len(folded)) for _ in range(3))}
        )
        _agree(folded, [(0, len(folded)), *zip(cuts, cuts[1:], strict=False)])


def test_incidents_phrase_matcher_prefers_as_the_regex_tries() -> None:
    """Longest proclitic stack first, then the longest phrase, then an ending."""
    rows = {k: {"k": k} for k in ("هجوم", "الهجوم", "عبوه", "عبوه ناسفه")}
    phrase_set = PhraseSet("t:ar", "ar", rows, suffix=True)
    text = "والهجوم بعبوه الناسفه وعبوات"
    hits = PhraseMatcher([phrase_set])(text)
    found = [(h.text, h.row["k"]) for h in hits.finditer("t:ar")]
    reference = _regex(phrase_set).finditer(text)
    assert found == [(m.group(0), _row(rows, m.group("p"))["k"]) for m in reference]
    assert found == [
        ("والهجوم", "هجوم"),  # stack «وال» before stack «و» + «الهجوم»
        ("بعبوه الناسفه", "عبوه ناسفه"),  # an article added to the second word
    ]


def test_incidents_phrase_matcher_range_ends_the_text() -> None:
    rows = {"killed": {"k": "killed"}}
    hits = PhraseMatcher([PhraseSet("t:en", "en", rows)])("killedx killed-in")
    assert hits.finditer("t:en") == []
    assert [h.text for h in hits.finditer("t:en", 0, 6)] == ["killed"]
    assert [h.text for h in hits.finditer("t:en", 8, 14)] == ["killed"]


def test_incidents_phrase_matcher_empty_set_and_unknown_name() -> None:
    hits = PhraseMatcher([PhraseSet("t:ar", "ar", {})])("قتل killed")
    assert hits.finditer("t:ar") == []
    with pytest.raises(KeyError, match="sets are: t:ar"):
        hits.finditer("nothing:ar")
