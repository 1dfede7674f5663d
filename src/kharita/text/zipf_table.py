"""wordfreq's Zipf frequencies without loading wordfreq: a table compiled once.

Loading ``wordfreq`` and its Arabic and English lists takes about a second per
process, most of a one-article run.  This module compiles the two lists once into
an SQLite file in the kharita cache (:mod:`kharita.cache`, keyed by wordfreq's
code and data files) and answers lookups from it.

Only words that wordfreq would tokenise to themselves are answered here ("plain"
words: basic Arabic letters with optional tashkeel/tatweel for ``ar``, ASCII letters
for ``en``, one or more separated by spaces); for them the result is computed with
wordfreq's own arithmetic (bucket -> frequency, several tokens combined as
``1/f = 1/f1 + 1/f2 ...``, rounded to 3 significant digits, Zipf rounded to 0.01),
so it equals ``wordfreq.zipf_frequency`` exactly (a test compares them).  Anything
else returns ``None`` and the caller asks wordfreq itself.

Two more English shapes are split the way wordfreq's tokenizer (Unicode word
boundaries) splits them, and answered by :meth:`ZipfTable.zipf_split`: ASCII words
joined by hyphens or spaces ("Ain al-Asad" -> ain, al, asad) and dotted initials
("U.S." -> u.s, a token the table keeps).  Place names of these shapes are asked
for on the first English articles of every process, and loading wordfreq for them
took about 0.4 s.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..cache import cached, content_hash

LANGS = ("ar", "en")
_MARKS = re.compile("[\u064b-\u0652\u0656-\u065f\u0670\u0640]")  # tashkeel, tatweel
_PLAIN = {
    "ar": re.compile(
        "[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*"
    ),
    "en": re.compile("[A-Za-z]+(?: [A-Za-z]+)*"),
}
_HYPHENATED = re.compile("[a-z]+(?:[ -][a-z]+)*")
_INITIALS = re.compile(r"[a-z](?:\.[a-z])+")
_MINIMUM = 1e-9  # wordfreq's zipf_to_freq(0.0): the frequency of an unknown word
_MEMO_SIZE = 100_000


def plain_tokens(word: str, lang: str) -> list[str] | None:
    """The tokens wordfreq would look up for ``word``, when they are plain; else None."""
    pattern = _PLAIN.get(lang)
    if pattern is None:
        return None
    text = _MARKS.sub("", word) if lang == "ar" else word.lower()
    if not pattern.fullmatch(text):
        return None
    return text.split(" ")


def split_tokens(word: str, lang: str) -> list[str] | None:
    """wordfreq's tokens of a hyphenated English name or of dotted initials, else None."""
    if lang != "en" or not word.isascii():
        return None
    text = word.lower()
    if _HYPHENATED.fullmatch(text):
        return text.replace("-", " ").split(" ")
    initials = text.removesuffix(".")
    return [initials] if _INITIALS.fullmatch(initials) else None


def zipf_of_buckets(buckets: list[int | None]) -> float:
    """wordfreq's Zipf value of a word whose tokens fall in ``buckets`` (None: unknown)."""
    if not buckets or any(b is None for b in buckets):
        freq = _MINIMUM
    else:
        one_over = 0.0
        for bucket in buckets:
            one_over += 1.0 / (10 ** (-(bucket or 0) / 100))
        unrounded = max(1.0 / one_over, _MINIMUM)
        freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


class ZipfTable:
    """Plain-word buckets of the wordfreq lists, in a dict or an SQLite file."""

    def __init__(
        self, words: dict[str, dict[str, int]] | None = None, path: Path | None = None
    ) -> None:
        self._words = words
        self._path = path
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._memo: dict[tuple[str, str], float] = {}

    def zipf(self, word: str, lang: str) -> float | None:
        """Zipf frequency of ``word``, or ``None`` when it is not a plain word."""
        memo = self._memo.get((word, lang))
        if memo is not None:
            return memo
        tokens = plain_tokens(word, lang)
        if tokens is None:
            return None
        value = zipf_of_buckets([self._bucket(t, lang) for t in tokens])
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[(word, lang)] = value
        return value

    def zipf_split(self, word: str, lang: str) -> float | None:
        """Zipf frequency of a shape :func:`split_tokens` splits, else ``None``."""
        tokens = split_tokens(word, lang)
        if tokens is None:
            return None
        return zipf_of_buckets([self._bucket(t, lang) for t in tokens])

    def _bucket(self, token: str, lang: str) -> int | None:
        if self._words is not None:
            return self._words[lang].get(token)
        row = (
            self._connection()
            .execute(
                "SELECT bucket FROM words WHERE lang = ? AND word = ?", (lang, token)
            )
            .fetchone()
        )
        return None if row is None else int(row[0])

    def _connection(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():  # never share across fork
            self._db = open_readonly(self._path)
            self._pid = os.getpid()
        return self._db


def open_readonly(path: Path | None) -> sqlite3.Connection:
    if path is None:
        raise ValueError("ZipfTable without words has no file")
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def build() -> ZipfTable:
    """The table, from wordfreq's own lists (slow: about a second)."""
    from wordfreq import get_frequency_list

    words: dict[str, dict[str, int]] = {}
    for lang in LANGS:
        plain = _PLAIN[lang]
        words[lang] = {
            word: index
            for index, bucket in enumerate(get_frequency_list(lang))
            for word in bucket
            if " " not in word
            and (plain.fullmatch(word) or (lang == "en" and _INITIALS.fullmatch(word)))
        }
    return ZipfTable(words=words)


def _rows(table: ZipfTable) -> Iterator[tuple[str, str, int]]:
    words = table._words or {}
    for lang, buckets in words.items():
        for word, bucket in buckets.items():
            yield lang, word, bucket


def dump(table: ZipfTable, path: Path) -> None:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.execute(
            "CREATE TABLE words (lang TEXT, word TEXT, bucket INTEGER,"
            " PRIMARY KEY (lang, word)) WITHOUT ROWID"
        )
        db.executemany("INSERT INTO words VALUES (?, ?, ?)", _rows(table))
        db.commit()
    finally:
        db.close()


def load(path: Path) -> ZipfTable:
    db = open_readonly(path)
    db.execute("SELECT bucket FROM words LIMIT 1").fetchone()  # fails if corrupt
    table = ZipfTable(path=path)
    table._db, table._pid = db, os.getpid()
    return table


def wordfreq_files() -> list[Path] | None:
    """wordfreq's code and the data files of :data:`LANGS` (without importing it)."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    data = [
        p for lang in LANGS for p in (package / "data").glob(f"*_{lang}.msgpack.gz")
    ]
    return [Path(spec.origin), *sorted(data)]


def zipf_table() -> ZipfTable | None:
    """The compiled table (cached on disk), or ``None`` without wordfreq."""
    files = wordfreq_files()
    if files is None:
        return None
    # wordfreq's code by content, its data files by name and size: not by path or
    # time, so every install of one wordfreq release shares one table
    code, *data = files
    stamps = [f"{p.name}:{p.stat().st_size}" for p in data]
    key = content_hash("zipf-table 2", code, *stamps)
    return cached("zipf", key, build, dump, load)
