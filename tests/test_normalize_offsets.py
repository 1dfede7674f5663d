"""Normalisation keeps an exact map back into the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kharita.text.normalize import _normalize_per_char, fold, normalize

ARABIC_AND_MARKS = st.text(
    alphabet=st.sampled_from(list("بغداد الموصل أإآىةؤئ«»“” ١٢٣ کگی ًٌٍَُِّْـ\u200f Ab İ")),
    max_size=60,
)


@given(ARABIC_AND_MARKS)
def test_normalize_fast_path_equals_per_character(text: str) -> None:
    assert normalize(text) == _normalize_per_char(text)


@pytest.mark.parametrize(
    ("text", "needle", "original"),
    [
        ("استهدف قاعدةُ عينِ الأسد", "قاعده عين الاسد", "قاعدةُ عينِ الأسد"),
        ("في «كالسو» اليوم", "كالسو", "كالسو"),
        ("قصف على بغـــداد", "بغداد", "بغـــداد"),
        ("٣٠ كم شمال كركوك", "30 كم", "٣٠ كم"),
    ],
)
def test_normalize_span_maps_back_to_original(
    text: str, needle: str, original: str
) -> None:
    norm = normalize(text)
    start = norm.text.index(needle)
    a, b = norm.span(start, start + len(needle))
    assert text[a:b] == original
    assert fold(original) == needle
