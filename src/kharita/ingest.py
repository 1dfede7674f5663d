"""Read articles from ``.jsonl``, ``.json``, ``.txt``, ``.csv``, ``.html`` files,
directories of them, and ``-`` (stdin).

:func:`iter_articles` yields :class:`~kharita.models.Article` records and, for
records that cannot be read, :class:`~kharita.models.RecordError` values
(``articles.jsonl:17: missing field "text"``) instead of raising, so one bad
record never stops a run.  Only ``text`` is required; ``id`` defaults to
``file:record`` and ``lang`` is detected when absent.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .models import Article, Lang, RecordError

SUFFIXES = (".jsonl", ".ndjson", ".json", ".txt", ".csv", ".html", ".htm")
STRING_FIELDS = ("id", "lang", "outlet", "url", "date", "title")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")

Record = Article | RecordError


def detect_lang(text: str) -> Lang:
    """``"ar"`` when Arabic letters outnumber Latin ones, else ``"en"``."""
    sample = text[:4000]
    return "ar" if len(_ARABIC.findall(sample)) >= len(_LATIN.findall(sample)) else "en"


def article_from_record(data: object, path: str, record: str) -> Record:
    """Validate one decoded record (a JSON object or CSV row) into an Article."""
    if not isinstance(data, dict):
        return RecordError(
            path, record, f"expected an object, got {type(data).__name__}"
        )
    if "text" not in data or data["text"] is None:
        return RecordError(path, record, 'missing field "text"')
    text = data["text"]
    if not isinstance(text, str):
        return RecordError(
            path, record, f'field "text" must be a string, got {type(text).__name__}'
        )
    if not text.strip():
        return RecordError(path, record, 'field "text" is empty')
    fields: dict[str, str | None] = {}
    for name in STRING_FIELDS:
        value = data.get(name)
        if value is None or value == "":
            fields[name] = None
        elif isinstance(value, str | int) and not isinstance(value, bool):
            fields[name] = str(value)
        else:
            return RecordError(
                path,
                record,
                f'field "{name}" must be a string, got {type(value).__name__}',
            )
    lang = fields["lang"]
    if lang not in (None, "ar", "en"):
        lang = None  # an unsupported language tag: detect instead
    return Article(
        id=fields["id"] or f"{path}:{record}",
        text=text,
        lang=lang or detect_lang(text),  # type: ignore[arg-type]
        outlet=fields["outlet"],
        url=fields["url"],
        date=fields["date"],
        title=fields["title"],
        origin=f"{path}:{record}",
    )


def _decode(raw: bytes, path: str, record: str) -> str | RecordError:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return RecordError(path, record, f"not UTF-8 (byte {exc.start}): {exc.reason}")


def read_jsonl(lines: Iterable[bytes], path: str) -> Iterator[Record]:
    for number, raw in enumerate(lines, start=1):
        line = _decode(raw, path, str(number))
        if isinstance(line, RecordError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            data: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(
                path, str(number), f"invalid JSON: {exc.msg} (column {exc.colno})"
            )
            continue
        yield article_from_record(data, path, str(number))


def read_json(raw: bytes, path: str) -> Iterator[Record]:
    content = _decode(raw, path, "1")
    if isinstance(content, RecordError):
        yield content
        return
    try:
        data: Any = json.loads(content)
    except json.JSONDecodeError as exc:
        yield RecordError(
            path, str(exc.lineno), f"invalid JSON: {exc.msg} (column {exc.colno})"
        )
        return
    if isinstance(data, list):
        for number, item in enumerate(data, start=1):
            yield article_from_record(item, path, f"[{number}]")
    else:
        yield article_from_record(data, path, "1")


def read_txt(raw: bytes, path: str) -> Iterator[Record]:
    content = _decode(raw, path, "1")
    if isinstance(content, RecordError):
        yield content
        return
    name = Path(path).stem
    yield article_from_record({"id": name, "text": content}, path, "1")


def read_csv(raw: bytes, path: str) -> Iterator[Record]:
    content = _decode(raw, path, "1")
    if isinstance(content, RecordError):
        yield content
        return
    reader = csv.DictReader(io.StringIO(content, newline=""))
    if "text" not in (reader.fieldnames or []):
        yield RecordError(path, "1", 'no "text" column in the header')
        return
    for row in reader:
        yield article_from_record(dict(row), path, str(reader.line_num))


def read_html(raw: bytes, path: str) -> Iterator[Record]:
    from .ingest_html import (
        article_from_html,
    )  # trafilatura is imported only when needed

    yield article_from_html(raw, path)


def read_file(path: Path) -> Iterator[Record]:
    """Records of one file, chosen by its suffix (``.txt`` for unknown ones)."""
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as handle:
                yield from read_jsonl(handle, name)
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield RecordError(name, "", f"cannot read: {exc.strerror or exc}")
        return
    readers = {
        ".json": read_json,
        ".csv": read_csv,
        ".html": read_html,
        ".htm": read_html,
    }
    yield from readers.get(suffix, read_txt)(raw, name)


def read_stdin() -> Iterator[Record]:
    """stdin is JSON Lines when its first non-blank character is ``{``, else one text."""
    raw = sys.stdin.buffer.read()
    head = raw.lstrip()[:1]
    if head == b"{":
        yield from read_jsonl(raw.splitlines(), "<stdin>")
    elif head == b"[":
        yield from read_json(raw, "<stdin>")
    else:
        yield from read_txt(raw, "<stdin>")


def iter_articles(inputs: Iterable[str | Path]) -> Iterator[Record]:
    """Articles (and per-record errors) from files, directories and ``-``."""
    for item in inputs:
        if str(item) == "-":
            yield from read_stdin()
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    yield from read_file(child)
        elif path.exists():
            yield from read_file(path)
        else:
            yield RecordError(str(path), "", "no such file or directory")
