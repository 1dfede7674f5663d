"""Reading articles: every format, and one clear line per bad record."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kharita.ingest import detect_lang, iter_articles
from kharita.models import Article, RecordError


def _split(
    records: list[Article | RecordError],
) -> tuple[list[Article], list[RecordError]]:
    return (
        [r for r in records if isinstance(r, Article)],
        [r for r in records if isinstance(r, RecordError)],
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [("قصف جوي على قاعدة كالسو", "ar"), ("Rockets hit Ain al-Asad airbase", "en")],
)
def test_ingest_detects_language(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


def test_ingest_jsonl_defaults_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"text": "انفجار في بغداد"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "x", "title": "no text"}),
        json.dumps({"text": 42}),
        "",
        json.dumps(
            {"id": "b", "lang": "en", "text": "Blast in Basra", "date": "2024-05-01"}
        ),
    ]
    path.write_bytes("\n".join(lines).encode() + b"\n\xff\xfe\n")
    articles, errors = _split(list(iter_articles([path])))
    assert [a.id for a in articles] == [f"{path}:1", "b"]
    assert articles[0].lang == "ar" and articles[1].date == "2024-05-01"
    assert [str(e) for e in errors] == [
        f"{path}:2: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        f'{path}:3: missing field "text"',
        f'{path}:4: field "text" must be a string, got int',
        f"{path}:7: not UTF-8 (byte 0): invalid start byte",
    ]


@pytest.mark.parametrize(
    ("name", "content", "ids"),
    [
        ("one.json", json.dumps({"id": "a", "text": "t"}), ["a"]),
        (
            "many.json",
            json.dumps([{"id": "a", "text": "t"}, {"id": "b", "text": "u"}]),
            ["a", "b"],
        ),
        ("note.txt", "نص المقال", ["note"]),
        ("rows.csv", "id,text\nr1,first\nr2,second\n", ["r1", "r2"]),
    ],
)
def test_ingest_reads_each_format(
    tmp_path: Path, name: str, content: str, ids: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    articles, errors = _split(list(iter_articles([path])))
    assert errors == []
    assert [a.id for a in articles] == ids


def test_ingest_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,body\n1,x\n", encoding="utf-8")
    assert [str(r) for r in iter_articles([path])] == [
        f'{path}:1: no "text" column in the header'
    ]


def test_ingest_directory_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text('{"text": "two"}\n', encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00")
    records = list(iter_articles([tmp_path, tmp_path / "nope.jsonl"]))
    articles, errors = _split(records)
    assert [a.text for a in articles] == ["one", "two"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'nope.jsonl'}: no such file or directory"
    ]


@pytest.mark.parametrize(
    ("stdin", "texts"),
    [(b'{"text": "a"}\n{"text": "b"}\n', ["a", "b"]), ("نص".encode(), ["نص"])],
)
def test_ingest_stdin(
    monkeypatch: pytest.MonkeyPatch, stdin: bytes, texts: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    articles, errors = _split(list(iter_articles(["-"])))
    assert errors == [] and [a.text for a in articles] == texts


def test_ingest_reads_shared_samples(samples_path: Path) -> None:
    articles, errors = _split(list(iter_articles([samples_path])))
    assert errors == []
    assert len(articles) == 32
    assert articles[0].id == "seed-athr-kalsu" and articles[0].date == "2024-04-20"
