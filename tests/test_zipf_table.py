"""The compiled word-frequency table answers exactly what wordfreq answers."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from wordfreq import get_frequency_list, zipf_frequency

from kharita.gazetteer import load_gazetteer
from kharita.text import zipf_table as zt
from kharita.text.frequency import zipf


@pytest.fixture(scope="module")
def table() -> zt.ZipfTable:
    found = zt.zipf_table()
    assert found is not None
    return found


def _words() -> list[tuple[str, str]]:
    """Every gazetteer name, plus list words and pairs of them, both languages."""
    words: list[tuple[str, str]] = []
    for place in load_gazetteer().places:
        words += [(n, "ar") for n in (place.name_ar, *place.aliases_ar)]
        words += [(n, "en") for n in (place.name_en, *place.aliases_en)]
    rnd = random.Random(11)
    for lang in zt.LANGS:
        listed = list(itertools.chain(*get_frequency_list(lang)))
        words += [(w, lang) for w in rnd.sample(listed, 800)]
        words += [(" ".join(rnd.sample(listed, 2)), lang) for _ in range(150)]
    words += [("بَغْدَاد", "ar"), ("بغـداد", "ar"), ("Baghdad", "en"), ("zzqqx", "en")]
    return words


def test_zipf_table_equals_wordfreq_on_plain_words(table: zt.ZipfTable) -> None:
    checked = 0
    for word, lang in _words():
        value = table.zipf(word, lang)
        if value is None:
            continue
        assert value == zipf_frequency(word, lang), (word, lang)
        checked += 1
    assert checked > 3000


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("U.S.", "en"),
        ("Ain al-Asad", "en"),
        ("أربيل١", "ar"),
        ("ﺑﻐﺪاد", "ar"),
        ("", "ar"),
    ],
)
def test_zipf_table_leaves_other_strings_to_wordfreq(
    table: zt.ZipfTable, word: str, lang: str
) -> None:
    assert table.zipf(word, lang) is None
    assert zipf(word, lang) == zipf_frequency(word, lang)


def test_zipf_table_file_and_memory_agree(tmp_path: Path) -> None:
    small = zt.ZipfTable(words={"ar": {"بغداد": 250, "في": 150}, "en": {"iraq": 300}})
    path = tmp_path / "zipf"
    zt.dump(small, path)
    loaded = zt.load(path)
    for word, lang in [
        ("بغداد", "ar"),
        ("في بغداد", "ar"),
        ("iraq", "en"),
        ("x", "en"),
    ]:
        assert loaded.zipf(word, lang) == small.zipf(word, lang)
    assert small.zipf("بغداد", "ar") == zt.zipf_of_buckets([250]) == 6.5


def test_zipf_table_splits_hyphenated_names_and_initials_like_wordfreq(
    table: zt.ZipfTable,
) -> None:
    rnd = random.Random(5)
    listed = [w for w in itertools.chain(*get_frequency_list("en")) if w.isalpha()]
    words = [w for w, lang in _words() if lang == "en" and ("-" in w or "." in w)]
    words += ["-".join(rnd.sample(listed[:30000], 2)) for _ in range(300)]
    words += ["U.S.", "U.N.", "u.k", "D.C.", "e.g.", "Al-Asad Airbase", "zzq-qx"]
    checked = 0
    for word in words:
        value = table.zipf_split(word, "en")
        if value is None:
            continue
        assert value == zipf_frequency(word, "en"), word
        checked += 1
    assert checked > 500
    assert table.zipf_split("Ain al-Asad", "ar") is None
    assert table.zipf_split("U.S.A", "en") is not None
    assert table.zipf_split("St. Louis", "en") is None  # left to wordfreq
