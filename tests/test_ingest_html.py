"""Saved HTML pages read through trafilatura (a test page written for this repo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kharita.ingest import iter_articles
from kharita.ingest_html import article_from_html, read_html
from kharita.models import Article, RecordError

PAGE = Path(__file__).parent / "data" / "page_ar.html"


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "انفجار عبوة ناسفة قرب سوق شعبي"),
        ("date", "2023-05-14"),
        ("url", "https://news.example.org/ar/2023/05/ied-market"),
        ("outlet", "صحيفة الاختبار"),
        ("lang", "ar"),
    ],
)
def test_ingest_html_metadata(field: str, expected: str) -> None:
    article = read_html(PAGE)
    assert isinstance(article, Article)
    assert getattr(article, field) == expected


@pytest.mark.parametrize(
    ("kept", "dropped"),
    [
        ("قضاء المقدادية بمحافظة ديالى", "الأكثر قراءة"),
        ("إصابة ثلاثة مدنيين", "جميع الحقوق محفوظة"),
        ("لم تعلن أي جهة", "شارك على فيسبوك"),
    ],
)
def test_ingest_html_keeps_body_drops_boilerplate(kept: str, dropped: str) -> None:
    article = read_html(PAGE)
    assert isinstance(article, Article)
    assert kept in article.text
    assert dropped not in article.text


@pytest.mark.parametrize("raw", [b"", b"<html><body><nav>menu</nav></body></html>"])
def test_ingest_html_empty_page_is_record_error(raw: bytes) -> None:
    error = article_from_html(raw, "saved/x.html")
    assert isinstance(error, RecordError)
    assert str(error) == "saved/x.html:1: no article text found in the HTML page"


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_ingest_html_directory_of_pages(tmp_path: Path, suffix: str) -> None:
    (tmp_path / f"a{suffix}").write_bytes(PAGE.read_bytes())
    (tmp_path / f"b{suffix}").write_bytes(b"<html><body></body></html>")
    records = list(iter_articles([tmp_path]))
    assert [type(r).__name__ for r in records] == ["Article", "RecordError"]
    assert records[0].origin == f"{tmp_path / ('a' + suffix)}:1"


@pytest.mark.parametrize("name", ["missing.html"])
def test_ingest_html_missing_file(tmp_path: Path, name: str) -> None:
    error = read_html(tmp_path / name)
    assert isinstance(error, RecordError)
    assert "cannot read" in str(error)
