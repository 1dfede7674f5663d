"""Matching text keeps offsets into the original."""

from __future__ import annotations

import pytest

from kharita.lexicon import load_table
from kharita.text.tokens import match_text, strip_proclitic, words_after, words_before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("al-Anbar   province", "al anbar province"),
        ("بغـداد  – الحلة", "بغداد الحله"),
        ("مُعَسْكَر", "معسكر"),
    ],
)
def test_normalize_match_text_collapses_and_maps(text: str, expected: str) -> None:
    mt = match_text(text)
    assert mt.text == expected
    assert len(mt.index) == len(mt.text)
    start, end = mt.span(0, len(mt.text))
    assert (start, end) == (0, len(text))


@pytest.mark.parametrize(
    ("text", "pos", "before"),
    [("قرب محافظة, في بغداد", 15, ["في"]), ("one two three", 8, ["one", "two"])],
)
def test_normalize_words_before_stop_at_punctuation(
    text: str, pos: int, before: list[str]
) -> None:
    assert [w for _, w in words_before(text, pos, 3)] == before


@pytest.mark.parametrize(("text", "after"), [(" الجوية. ثم", ["الجوية"])])
def test_normalize_words_after(text: str, after: list[str]) -> None:
    assert [w for _, w in words_after(text, 0, 3)] == after


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("بمحافظة", ("ب", "محافظه")),
        ("وبالمحافظة", ("وبال", "محافظه")),
        ("محافظه", ("", "محافظه")),
    ],
)
def test_normalize_strip_proclitic(word: str, split: tuple[str, str]) -> None:
    assert strip_proclitic(word.replace("ة", "ه"), frozenset({"محافظه"})) == split


@pytest.mark.parametrize(
    "table",
    ["place_cues", "org_cues", "directions", "distance_units", "common_word_names"],
)
def test_normalize_lexicon_tables_have_sources(table: str) -> None:
    rows = load_table(table)
    assert rows and all(row["source"] for row in rows)
