"""Wire and headline furniture (``kharita.text.wire``): one test per construction,
offsets kept, body text untouched, results given back their original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kharita.lexicon import load_table
from kharita.models import Article
from kharita.pipeline import extract_article
from kharita.text.wire import clean, find_furniture, headline_at


def _blanked(text: str) -> list[str]:
    return [text[f.start : f.end].strip() for f in find_furniture(text)]


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        # prefix: a wire slug, with or without a number, before "-" or ":"
        ("UPDATE 3-Mortar shells hit Tuz market", ["UPDATE 3-"]),
        ("WRAPUP 1-Gunmen attack a convoy near Baiji", ["WRAPUP 1-"]),
        ("FACTBOX-Attacks on pipelines in Kirkuk", ["FACTBOX-"]),
        ("The Latest: Blast rocks a Basra port", ["The Latest:"]),
        # topic: the country tag keeps its name, loses its colon
        ("Iraq: Roadside bomb wounds two in Diyala", [":"]),
        # credit: " -police", " - medics", ": officials", "-sources", ", X say"
        ("Blast wounds six in Hilla -police", ["-police"]),
        ("Blast wounds six in Hilla - medics", ["- medics"]),
        ("Blast wounds six in Hilla: officials", [": officials"]),
        ("Blast wounds six in Hilla-sources", ["-sources"]),
        ("Blast wounds six in Hilla, police say", [", police say"]),
        (
            "Blast wounds six in Hilla - police and medical sources",
            ["- police and medical sources"],
        ),
        ("Blast wounds six in Hilla: Iraqi TV", [": Iraqi TV"]),
        # scare quotes around one word or figure
        ('Troops "kill" 14 militants near Rawa', ['"', '"']),
        # prefix, topic and credit together
        (
            "UPDATE 2-Iraq: Car bomb kills 5 in Kut -police",
            ["UPDATE 2-", ":", "-police"],
        ),
    ],
)
def test_wire_furniture_construction(text: str, furniture: list[str]) -> None:
    assert _blanked(text) == furniture


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded near the market. " * 8
        + "- police",  # a body line (> 200 chars)
        "Update on the Kirkuk oil talks expected",  # "Update" without a slug separator
        "Sources",  # a credit word alone is not a credit after a headline
        "Kirkuk police chief visits the wounded",  # a credit word inside the headline
        "A blast wounded six in Hilla on Monday, police said.",  # a body sentence
    ],
)
def test_wire_leaves_other_text(text: str) -> None:
    assert clean(text).text == text


def test_wire_keeps_offsets() -> None:
    text = "UPDATE 1-Car bomb kills 5 in Kirkuk -police\nBody sentence stays as it is."
    wire = clean(text)
    assert len(wire.text) == len(text)
    assert wire.text.index("Car bomb") == text.index("Car bomb")
    assert wire.text.splitlines()[1] == "Body sentence stays as it is."


@given(st.text(alphabet="ab -:1UPDATE\n,police", max_size=80))
def test_wire_same_length_and_only_blanks(text: str) -> None:
    wire = clean(text)
    assert len(wire.text) == len(text)
    assert all(a == b or a == " " for a, b in zip(wire.text, text, strict=True))


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("Five killed in Kut", 5, True),
        ("Two fighters were killed.", 5, False),  # a sentence, not a headline
        ("x" * 250, 3, False),  # too long for a headline
        ("Bomb kills 3 in Kut\nThe bomb killed three people.", 25, False),
    ],
)
def test_wire_headline_at(text: str, pos: int, expected: bool) -> None:
    assert headline_at(text, pos) is expected


def test_wire_result_keeps_original_text() -> None:
    text = "UPDATE 2-Roadside bomb kills four in Kirkuk -police"
    article = Article(id="w", text=text, lang="en", date="2031-03-02")
    result = extract_article(article)
    assert result.article is article
    (incident,) = result.incidents
    source = incident.sources[0]
    start = source.excerpt_start
    assert text[start : start + len(source.excerpt)] == source.excerpt
    assert incident.place is not None and incident.place.mention.text == "Kirkuk"
    assert (incident.killed.min, incident.killed.max) == (4, 4)


def test_wire_arabic_untouched() -> None:
    text = "UPDATE 2-قصف قاعدة كالسو -police"
    article = Article(id="w", text=text, lang="ar")
    assert extract_article(article).article.text == text


@pytest.mark.parametrize(
    ("table", "field", "kinds"),
    [
        ("wire_style", "kind", {"prefix", "topic", "credit", "say"}),
        ("ucdp_place_words", "kind", {"type", "article"}),
        ("incident_triggers", "scope", {"", "headline", "forces"}),
    ],
)
def test_wire_lexicon_rows_have_source_and_kind(
    table: str, field: str, kinds: set[str]
) -> None:
    rows = load_table(table)
    assert rows
    assert all(r["source"] for r in rows)
    assert {r[field] for r in rows} <= kinds
