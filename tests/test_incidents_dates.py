import re
from datetime import date
from pathlib import Path

import pytest

import kharita.incidents
from kharita.incidents.dates import (
    best_date,
    find_dates,
    parse_reference,
    resolve,
    text_reference,
)
from kharita.text.normalize import fold

TODAY = date(2026, 11, 25)


def _resolve(
    text: str, article_date: str | None
) -> list[tuple[str | None, str | None]]:
    ref = parse_reference(article_date)
    out = []
    for m in find_dates(fold(text)):
        d = resolve(m, ref, TODAY)
        out.append((d.iso, d.precision))
    return out


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        ("السبت 20 نيسان", "2024-04-20", ("2024-04-20", "day")),
        ("السبت 20 أبريل", "2024-04", ("2024-04-20", "day")),
        ("١٨ كانون الثاني ٢٠٢٤", None, ("2024-01-18", "day")),
        ("في شباط الفائت", "2024-04-20", ("2024-02", "month")),
        ("أمس", "2024-04-20", ("2024-04-19", "day")),
        ("اليوم", "2024-04", ("2024-04", "month")),
        ("مساء الاثنين", "2024-04-20", ("2024-04-15", "day")),
        ("yesterday", "2024-01-20", ("2024-01-19", "day")),
        ("on Saturday", "2024-01-20", ("2024-01-20", "day")),
        ("April 20, 2024", None, ("2024-04-20", "day")),
        ("20/4/2024", None, ("2024-04-20", "day")),
        ("سبتمبر 2024", None, ("2024-09", "month")),
        ("الأسبوع الماضي", "2024-04-20", ("2024-04", "month")),
        # the day before yesterday, either word order
        ("مساء أمس الأول", "2024-04-20", ("2024-04-18", "day")),
        ("أول أمس", "2024-04-20", ("2024-04-18", "day")),
        # construction ago
        ("قبل يومين", "2024-04-20", ("2024-04-18", "day")),
        ("a week ago", "2024-04-20", ("2024-04", "month")),
    ],
)
def test_dates_resolve(
    text: str, article_date: str | None, expected: tuple[str, str]
) -> None:
    assert _resolve(text, article_date)[-1] == expected


@pytest.mark.parametrize("text", ["أمس", "مساء الاثنين", "يوم 4 تشرين الاول"])
def test_dates_unknown_without_article_date(text: str) -> None:
    assert _resolve(text, None)[-1] == (None, None)


def test_dates_past_marker_flags_prior() -> None:
    (m,) = find_dates(fold("وفي إبريل الماضي ضربت طائرة"))
    assert m.past


def test_dates_weekday_kept_in_rule() -> None:
    (m,) = find_dates(fold("on Thursday evening"))
    assert resolve(m, None, TODAY).weekday == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 18 كانون الثاني الفائت 2024. وفجر السبت 20 نيسان", ("2024-04-20", "day")),
        ("اليوم الثلاثاء 19 تشرين الثاني", (None, None)),  # 2019 and 2024 both fit
        ("خلال العام 2025", ("2025", "year")),
    ],
)
def test_dates_stated_year_anchors_weekday_dates(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    mentions = find_dates(fold(text))
    ref = text_reference(mentions, TODAY)
    d = resolve(mentions[-1], ref, TODAY)
    assert (d.iso, d.precision) == expected


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        # a named weekday beats the relative word next to it: the most recent such
        # day on or before the publication date
        ("انفجرت عبوة اليوم الاثنين", "2024-03-13", "2024-03-11"),
        ("انفجرت عبوة أمس الأحد", "2023-05-09", "2023-05-07"),
        ("انفجرت عبوة مساء الجمعة", "2023-06-09", "2023-06-09"),
        ("انفجرت عبوة أمس", "2024-06-10", "2024-06-09"),
        ("a bomb exploded on Monday", "2024-03-13", "2024-03-11"),
        ("a bomb exploded yesterday", "2024-03-13", "2024-03-12"),
        ("a bomb exploded today, Monday", "2024-03-13", "2024-03-11"),
    ],
)
def test_dates_weekday_is_the_latest_on_or_before_publication(
    text: str, article_date: str, expected: str
) -> None:
    ref = parse_reference(article_date)
    found = [(m, resolve(m, ref)) for m in find_dates(fold(text))]
    best = best_date(found)
    assert best is not None and (best.iso, best.precision) == (expected, "day")


def test_dates_text_reference_without_a_clock() -> None:
    found = find_dates(fold("منذ عام 2014 وحتى عام 2031"))
    anchored = text_reference(found)
    bounded = text_reference(found, date(2026, 11, 25))
    assert anchored is not None and anchored.year == 2031
    assert bounded is not None and bounded.year == 2014


def test_dates_incidents_never_read_the_wall_clock() -> None:
    """The reference day is a parameter (``today``), injected by the pipeline."""
    source = Path(kharita.incidents.__file__).parent
    calls = re.compile(r"\b(?:date|datetime)\.(?:today|now|utcnow)\(|\btime\.time\(")
    offenders = [p.name for p in source.glob("*.py") if calls.search(p.read_text())]
    assert offenders == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # construction ordinal_day: «الخامس من تموز», «الحادي والعشرين من شهر آذار 2024»
        ("قتل جندي في الخامس من تموز الجاري", [("2031-07-05", "day")]),
        ("في الحادي والعشرين من شهر آذار 2024", [("2024-03-21", "day")]),
        ("الثاني من كانون الثاني", [("2031-01-02", "day")]),
        # «كانون الثاني» itself holds «الثاني»: no ordinal day without «من»
        ("كانون الثاني 2024", [("2024-01", "month")]),
    ],
)
def test_dates_ordinal_day(text: str, expected: list[tuple[str, str]]) -> None:
    assert _resolve(text, "2031-07-09") == expected
