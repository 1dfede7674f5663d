"""Read articles from ``.jsonl``, ``.json``, ``.txt``, ``.csv``, ``.html`` files,
directories of them, and ``-`` (stdin).

:func:`iter_articles` yields :class:`~kharita.models.Article` records and, for
records that cannot be read, :class:`~kharita.models.RecordError` values
(``articles.jsonl:17: missing field "text"``) instead of raising, so one bad
record never stops a run.  Only ``text`` is required; ``id`` defaults to
``file:record`` and ``lang`` is detected when absent.

Hostile input costs one line each: invalid or too deeply nested JSON, integers
too long to convert, unpaired surrogates, CSV cells of any size and an
unterminated CSV quote, unreadable files and folders, broken symbolic links,
a closed stdin.  A record over ``max_bytes`` (default 5 MB, see
:data:`~kharita.ingest_records.DEFAULT_MAX_RECORD_BYTES`) is refused before it
is parsed where its size is known up front (a JSON line, a text or HTML file).
JSON Lines, on disk or on stdin, are read line by line: memory does not grow
with the input.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Any

from .ingest_html import article_from_html
from .ingest_records import (
    DEFAULT_MAX_RECORD_BYTES,
    STRING_FIELDS,
    article_from_record,
    oversize,
)
from .lang import detect_lang
from .models import Article, RecordError

__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "STRING_FIELDS",
    "SUFFIXES",
    "article_from_record",
    "detect_lang",
    "iter_articles",
    "iter_files",
    "read_file",
]

SUFFIXES = (".jsonl", ".ndjson", ".json", ".txt", ".csv", ".html", ".htm")

Record = Article | RecordError


def _decode(raw: bytes, path: str, record: str) -> str | RecordError:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return RecordError(path, record, f"not UTF-8 (byte {exc.start}): {exc.reason}")


def _loads(content: str) -> tuple[Any, str | None, int]:
    """``(value, None, 0)`` or ``(None, why it is not JSON, line number)``."""
    try:
        return json.loads(content), None, 0
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON: {exc.msg} (column {exc.colno})", exc.lineno
    except RecursionError:
        return None, "invalid JSON: nested too deeply", 1
    except ValueError as exc:  # an integer over Python's 4300-digit limit
        if "digits" in str(exc):
            return None, "invalid JSON: an integer of more than 4300 digits", 1
        return None, f"invalid JSON: {str(exc).splitlines()[0]}", 1


def read_jsonl(
    lines: Iterable[bytes], path: str, max_bytes: int = DEFAULT_MAX_RECORD_BYTES
) -> Iterator[Record]:
    for number, raw in enumerate(lines, start=1):
        too_big = oversize(len(raw), max_bytes)
        if too_big:
            yield RecordError(path, str(number), too_big)
            continue
        line = _decode(raw, path, str(number))
        if isinstance(line, RecordError):
            yield line
            continue
        if not line.strip():
            continue
        data, problem, _ = _loads(line)
        if problem:
            yield RecordError(path, str(number), problem)
            continue
        yield article_from_record(data, path, str(number), max_bytes=max_bytes)


def read_json(
    raw: bytes, path: str, max_bytes: int = DEFAULT_MAX_RECORD_BYTES
) -> Iterator[Record]:
    content = _decode(raw, path, "1")
    if isinstance(content, RecordError):
        yield content
        return
    data, problem, line = _loads(content)
    if problem:
        yield RecordError(path, str(line), problem)
    elif isinstance(data, list):
        for number, item in enumerate(data, start=1):
            yield article_from_record(item, path, f"[{number}]", max_bytes=max_bytes)
    else:
        yield article_from_record(data, path, "1", max_bytes=max_bytes)


def read_txt(
    raw: bytes, path: str, max_bytes: int = DEFAULT_MAX_RECORD_BYTES
) -> Iterator[Record]:
    content = _decode(raw, path, "1")
    if isinstance(content, RecordError):
        yield content
        return
    name = Path(path).stem
    yield article_from_record(
        {"id": name, "text": content}, path, "1", max_bytes=max_bytes
    )


@contextlib.contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    """Let one CSV cell be as large as a record may be (the default is 128 KiB)."""
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, min(limit + 1, sys.maxsize)))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def read_csv(
    raw: bytes, path: str, max_bytes: int = DEFAULT_MAX_RECORD_BYTES
) -> Iterator[Record]:
    content = _decode(raw, path, "1")
    if isinstance(content, RecordError):
        yield content
        return
    with _csv_field_limit(max_bytes):
        reader = csv.DictReader(io.StringIO(content, newline=""), strict=True)
        try:
            header = reader.fieldnames or []
        except csv.Error as exc:
            yield RecordError(path, "1", f"invalid CSV header: {exc}")
            return
        if "text" not in header:
            yield RecordError(path, "1", 'no "text" column in the header')
            return
        yield from _csv_rows(reader, path, max_bytes)


def _csv_rows(
    reader: csv.DictReader[str], path: str, max_bytes: int
) -> Iterator[Record]:
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            message = str(exc)
            if "unexpected end of data" in message:
                message = "unterminated quoted field (it runs to the end of the file)"
            yield RecordError(path, str(start), f"invalid CSV: {message}")
            continue  # the reader goes on at the next line
        yield article_from_record(
            dict(row), path, str(reader.line_num), max_bytes=max_bytes
        )


def read_html(
    raw: bytes, path: str, max_bytes: int = DEFAULT_MAX_RECORD_BYTES
) -> Iterator[Record]:
    yield article_from_html(raw, path)


_READERS = {
    ".json": read_json,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}


def read_file(
    path: Path, max_bytes: int = DEFAULT_MAX_RECORD_BYTES
) -> Iterator[Record]:
    """Records of one file, chosen by its suffix (``.txt`` for unknown ones)."""
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as handle:
                yield from read_jsonl(handle, name, max_bytes)
            return
        reader = _READERS.get(suffix, read_txt)
        if reader in (read_txt, read_html):
            too_big = oversize(path.stat().st_size, max_bytes)
            if too_big:
                yield RecordError(name, "1", too_big)
                return
        raw = path.read_bytes()
    except OSError as exc:
        yield RecordError(name, "", f"cannot read: {exc.strerror or exc}")
        return
    yield from reader(raw, name, max_bytes)


def _stdin_bytes() -> IO[bytes] | None:
    stream = sys.stdin
    if stream is None or stream.closed:
        return None
    buffer: IO[bytes] | None = getattr(stream, "buffer", None)
    return buffer


def read_stdin(max_bytes: int = DEFAULT_MAX_RECORD_BYTES) -> Iterator[Record]:
    """stdin is JSON Lines when its first non-blank character is ``{``, else one text.

    JSON Lines are read line by line; anything else is read whole.
    """
    buffer = _stdin_bytes()
    if buffer is None:
        yield RecordError("<stdin>", "", "stdin is closed (nothing to read)")
        return
    try:
        blank: list[bytes] = []
        first = b""
        for line in buffer:
            if line.strip():
                first = line
                break
            blank.append(line)
        head = first.lstrip()[:1]
        if head == b"{":
            yield from read_jsonl(chain(blank, [first], buffer), "<stdin>", max_bytes)
            return
        raw = b"".join(blank) + first + buffer.read()
    except OSError as exc:
        yield RecordError("<stdin>", "", f"cannot read: {exc.strerror or exc}")
        return
    reader = read_json if head == b"[" else read_txt
    yield from reader(raw, "<stdin>", max_bytes)


def iter_files(folder: Path) -> Iterator[Path | RecordError]:
    """Files with a known suffix under ``folder`` in sorted order, and a RecordError
    for each folder that cannot be listed and each broken symbolic link."""
    errors: list[RecordError] = []

    def failed(exc: OSError) -> None:
        where = exc.filename or str(folder)
        errors.append(
            RecordError(str(where), "", f"cannot read folder: {exc.strerror or exc}")
        )

    files: list[Path] = []
    for root, _dirs, names in os.walk(folder, onerror=failed):
        for name in names:
            child = Path(root, name)
            if child.suffix.lower() not in SUFFIXES:
                continue
            if child.is_file():
                files.append(child)
            elif child.is_symlink():
                errors.append(RecordError(str(child), "", "broken symbolic link"))
    yield from errors
    yield from sorted(files)


def iter_articles(
    inputs: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_RECORD_BYTES
) -> Iterator[Record]:
    """Articles (and per-record errors) from files, directories and ``-``."""
    for item in inputs:
        if str(item) == "-":
            yield from read_stdin(max_bytes)
            continue
        path = Path(item)
        if path.is_dir():
            for child in iter_files(path):
                if isinstance(child, RecordError):
                    yield child
                else:
                    yield from read_file(child, max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes)
        elif path.is_symlink():
            yield RecordError(str(path), "", "broken symbolic link")
        else:
            yield RecordError(str(path), "", "no such file or directory")
