"""Escaping and layout of popup HTML built from untrusted article text."""

from __future__ import annotations

import pytest

from kharita.models import Count, EventDate
from kharita.render.popups import (
    base_popup_html,
    count_text,
    date_text,
    esc,
    incident_popup_html,
    safe_url,
    text_lang,
)
from kharita.render.types import IncidentStyle, unknown_style
from render_fixtures import HOSTILE, hostile_incident, sample_incidents

STYLE = IncidentStyle(
    "rocket_attack", "Rocket attack", "هجوم صاروخي", "#f08a1c", "rocket"
)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>", "&lt;script&gt;"),
        ("`x`", "&#96;x&#96;"),
        ("${alert(1)}", "&#36;{alert(1)}"),
        ("a\\b", "a&#92;b"),
        ("\"'", "&quot;&#x27;"),
    ],
)
def test_popups_esc(raw: str, escaped: str) -> None:
    assert esc(raw) == escaped


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//example.org/x", False),
        ('https://example.org/"onmouseover=', False),
        (None, False),
    ],
)
def test_popups_safe_url(url: str | None, kept: bool) -> None:
    assert (safe_url(url) is not None) is kept


def test_popups_hostile_incident_inert() -> None:
    html = incident_popup_html(hostile_incident(), STYLE, "ar")
    for bad in ("<script", "</script", "<img", "`", "$", "javascript:", "data:text"):
        assert bad not in html
    assert esc(HOSTILE) in html


def test_popups_excerpt_rtl_with_mark() -> None:
    html = incident_popup_html(sample_incidents()[0], STYLE, "ar")
    assert '<blockquote class="kh-excerpt" dir="rtl" lang="ar">' in html
    assert "<mark>معسكر كالسو</mark>" in html
    assert (
        '<blockquote class="kh-excerpt" dir="ltr" lang="en">' in html
    )  # the English second source


def test_popups_every_source_listed() -> None:
    incident = sample_incidents()[0]
    html = incident_popup_html(incident, STYLE, "en")
    assert html.count("<li>") == len(incident.sources) == 2
    assert 'rel="noopener noreferrer"' in html


@pytest.mark.parametrize(
    ("count", "lang", "text"),
    [
        (Count(None, None), "en", "unknown"),
        (Count(None), "ar", "غير معروف"),
        (Count(3, 3), "en", "3"),
        (Count(3, 5), "en", "3–5"),
        (Count(0, None), "en", "0"),
    ],
)
def test_popups_count_text(count: Count, lang: str, text: str) -> None:
    assert count_text(count, lang) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (EventDate("2024-04-20", "day"), "2024-04-20 (day)"),
        (EventDate("2024-04", "month"), "2024-04 (month)"),
        (EventDate(None, None), "unknown"),
    ],
)
def test_popups_date_text(date: EventDate, text: str) -> None:
    assert date_text(date, "en") == text


@pytest.mark.parametrize(
    ("text", "lang"), [("قاعدة عين الأسد", "ar"), ("Ain al-Asad", "en"), ("12", "en")]
)
def test_popups_text_lang(text: str, lang: str) -> None:
    assert text_lang(text) == lang


def test_popups_base_both_names() -> None:
    from render_fixtures import place

    html = base_popup_html(place("ainasad"), "en")
    assert '<div dir="rtl" lang="ar">قاعدة عين الأسد</div>' in html
    assert "Ain al-Asad Air Base" in html and "airbase" in html


def test_popups_unknown_type_is_grey() -> None:
    assert unknown_style("mystery").colour == "#6b7280"
