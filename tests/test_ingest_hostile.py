"""Hostile records cost one line each (``file:record: why``) and nothing else."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest

from kharita.ingest import iter_articles
from kharita.models import Article, RecordError

GOOD = json.dumps({"id": "good", "text": "انفجار في بغداد"}, ensure_ascii=False)


def _split(path: Path | str, **kw: int) -> tuple[list[str], list[str]]:
    records = list(iter_articles([path], **kw))
    return (
        [r.id for r in records if isinstance(r, Article)],
        [str(r) for r in records if isinstance(r, RecordError)],
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"text": "abc \\ud83d def"}',
            'field "text" has an unpaired surrogate \\ud83d at character 4',
        ),
        (
            '{"text": "ok", "outlet": "\\udfff"}',
            'field "outlet" has an unpaired surrogate \\udfff at character 0',
        ),
        (
            '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "invalid JSON: nested too deeply",
        ),
        (
            '{"id": ' + "7" * 5000 + ', "text": "t"}',
            "invalid JSON: an integer of more than 4300 digits",
        ),
        (
            '{"text": "t", "title": {"a": [1, 2]}}',
            'field "title" must be a string, got dict',
        ),
        ("[1, 2]", "expected an object, got list"),
    ],
)
def test_hostile_jsonl_record_is_one_line(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(f"{GOOD}\n{line}\n{GOOD}\n", encoding="utf-8")
    ids, errors = _split(path)
    assert ids == ["good", "good"]
    assert errors == [f"{path}:2: {message}"]


def test_hostile_record_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    big = json.dumps({"id": "big", "text": "ا" * 3000})
    path.write_text(f"{GOOD}\n{big}\n{GOOD}\n", encoding="utf-8")
    ids, errors = _split(path, max_bytes=2000)
    assert ids == ["good", "good"]
    assert len(errors) == 1 and errors[0].startswith(f"{path}:2: record is ")
    assert "MB limit" in errors[0]
    text = tmp_path / "big.txt"
    text.write_text("x" * 3000, encoding="utf-8")
    assert _split(text, max_bytes=2000)[1][0].startswith(f"{text}:1: record is ")
    assert _split(text, max_bytes=4000) == (["big"], [])


def test_hostile_csv_cell_larger_than_the_csv_default(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    long_text = "قال المتحدث إن الوضع هادئ " * 8000  # ~200,000 characters
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerows([["id", "text"], ["long", long_text], ["short", "قصف"]])
    before = csv.field_size_limit()
    assert _split(path) == (["long", "short"], [])
    assert csv.field_size_limit() == before  # not changed for the rest of the process


def test_hostile_csv_unterminated_quote(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,text\n1,"ok"\n2,"never closed\n3,swallowed\n', encoding="utf-8")
    ids, errors = _split(path)
    assert ids == ["1"]
    assert errors == [
        f"{path}:3: invalid CSV: unterminated quoted field (it runs to the end of the file)"
    ]


def test_hostile_csv_bad_quote_mid_file_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,text\n1,"ok"\n2,"bad"x\n3,"fine"\n', encoding="utf-8")
    ids, errors = _split(path)
    assert ids == ["1", "3"]
    assert errors == [f"{path}:3: invalid CSV: ',' expected after '\"'"]


def test_hostile_closed_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert _split("-") == ([], ["<stdin>: stdin is closed (nothing to read)"])


def test_hostile_stdin_json_lines_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = b"\n\n" + (GOOD + "\n{bad\n" + GOOD + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    ids, errors = _split("-")
    assert ids == ["good", "good"]
    assert errors == [
        "<stdin>:4: invalid JSON: Expecting property name enclosed in double quotes (column 2)"
    ]


def test_hostile_broken_symlinks(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(GOOD + "\n", encoding="utf-8")
    (folder / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    (folder / "ignored.bin").symlink_to(tmp_path / "nowhere.bin")
    assert _split(folder) == (
        ["good"],
        [f"{folder / 'gone.jsonl'}: broken symbolic link"],
    )
    assert _split(folder / "gone.jsonl") == (
        [],
        [f"{folder / 'gone.jsonl'}: broken symbolic link"],
    )


def test_hostile_unreadable_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.jsonl").write_text(GOOD + "\n", encoding="utf-8")
    (folder / "locked" / "b.jsonl").write_text(GOOD + "\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(
        path: str,
    ) -> object:  # what a chmod 000 folder does (tests may run as root)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    ids, errors = _split(folder)
    assert ids == ["good"]
    assert errors == [f"{folder / 'locked'}: cannot read folder: Permission denied"]


def test_hostile_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("نص", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert _split(path) == ([], [f"{path}: cannot read: Permission denied"])
