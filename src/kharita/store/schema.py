"""The store's tables, and opening a file as a kharita store, safely.

:func:`connect` refuses, with one line and without writing a byte, a file that
is not SQLite, a truncated or corrupt database (``PRAGMA quick_check``) and a
SQLite database of another application (tables but no kharita ``meta`` row).
A new store gets the schema in one transaction.  Connections use WAL (readers
never block the writer) and wait up to ``timeout`` seconds for a lock, so
several runs can write one store at once.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..errors import ConfigurationError, StoreError

__all__ = ["SCHEMA", "SCHEMA_VERSION", "TABLES", "connect", "retrying"]

SCHEMA_VERSION = "1"
BUSY_TIMEOUT_S = 60.0
_RETRIES = 5
_HEADER = b"SQLite format 3\x00"
T = TypeVar("T")

TABLES = (
    "articles",
    "places",
    "article_places",
    "article_incidents",
    "incidents",
    "incident_sources",
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    pk INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,       -- sha256 of the normalised text
    id TEXT NOT NULL, lang TEXT NOT NULL, outlet TEXT, url TEXT,
    date TEXT, title TEXT, origin TEXT,
    text TEXT NOT NULL,              -- as published
    text_folded TEXT NOT NULL,       -- kharita.text.normalize.fold(text)
    added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_id ON articles(id);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    text_folded, content="articles", content_rowid="pk", tokenize="trigram"
);
CREATE TABLE IF NOT EXISTS places (
    id TEXT PRIMARY KEY, type TEXT, name_en TEXT, name_ar TEXT,
    lat REAL, lon REAL, country TEXT, governorate TEXT, district TEXT,
    precision_m REAL, source TEXT
);
CREATE TABLE IF NOT EXISTS article_places (
    article_hash TEXT NOT NULL REFERENCES articles(hash),
    seq INTEGER NOT NULL,
    mention TEXT NOT NULL, start_offset INTEGER, end_offset INTEGER,
    place_id TEXT REFERENCES places(id), lat REAL, lon REAL,
    confidence REAL, precision_m REAL, is_foreign INTEGER, role TEXT,
    data TEXT NOT NULL,              -- the full ResolvedPlace as JSON
    PRIMARY KEY (article_hash, seq)
);
CREATE TABLE IF NOT EXISTS article_incidents (
    article_hash TEXT NOT NULL REFERENCES articles(hash),
    seq INTEGER NOT NULL,
    data TEXT NOT NULL,              -- the article's own Incident as JSON
    PRIMARY KEY (article_hash, seq)
);
CREATE TABLE IF NOT EXISTS incidents (
    id TEXT PRIMARY KEY, type TEXT NOT NULL,
    event_date TEXT, date_precision TEXT,
    date_start TEXT, date_end TEXT,  -- the period event_date covers
    killed_min INTEGER, killed_max INTEGER,
    wounded_min INTEGER, wounded_max INTEGER,
    confidence REAL, place_id TEXT, place_name_ar TEXT, place_name_en TEXT,
    governorate TEXT, district TEXT, lat REAL, lon REAL, precision_m REAL,
    report_count INTEGER, acled_event_type TEXT, acled_sub_event_type TEXT,
    perpetrator TEXT,
    data TEXT NOT NULL               -- the merged Incident as JSON
);
CREATE INDEX IF NOT EXISTS incidents_dates ON incidents(date_start, date_end);
CREATE INDEX IF NOT EXISTS incidents_type ON incidents(type);
CREATE INDEX IF NOT EXISTS incidents_governorate ON incidents(governorate);
CREATE TABLE IF NOT EXISTS incident_sources (
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    seq INTEGER NOT NULL,
    article_id TEXT, outlet TEXT, url TEXT, date TEXT, excerpt TEXT,
    PRIMARY KEY (incident_id, seq)
);
"""


def retrying(action: Callable[[], T], path: Path) -> T:
    """``action()``, tried again when another writer holds the lock past the timeout."""
    for attempt in range(_RETRIES):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == _RETRIES - 1:
                raise StoreError(
                    f"{path}: database is locked by another writer"
                ) from None
            time.sleep(0.1 * 2**attempt)
    raise AssertionError("unreachable")


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise ConfigurationError(f"{path}: is a folder, not a database file")
    if not path.exists():
        if not create:
            raise ConfigurationError(
                f"no such database: {path} (give INPUT files to create it)"
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"{path}: cannot create the folder: {exc.strerror}"
            ) from None
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror}") from None
    if head and (len(head) < 100 or not head.startswith(_HEADER)):
        raise StoreError(f"{path}: not a SQLite database; left untouched")


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
    return {name for (name,) in rows}


def _check_existing(conn: sqlite3.Connection, path: Path, tables: set[str]) -> None:
    version = None
    if "meta" in tables:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            version = row[0] if row else None
        except sqlite3.OperationalError:
            version = None
    if version is None:
        raise StoreError(
            f"{path}: a SQLite database of another application, not a kharita"
            " store; left untouched (use a new --db file)"
        )
    if version != SCHEMA_VERSION:
        raise ConfigurationError(
            f"{path}: schema version {version}, this kharita writes "
            f"{SCHEMA_VERSION}; use a new --db file"
        )
    problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise StoreError(f"{path}: database is corrupt ({problems[0]}); left untouched")


def _create(conn: sqlite3.Connection) -> None:
    conn.executescript(
        "BEGIN IMMEDIATE;"
        + SCHEMA
        + f"INSERT OR IGNORE INTO meta VALUES ('schema', '{SCHEMA_VERSION}');"
        + "COMMIT;"
    )


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    tables = retrying(lambda: _tables(conn), path)
    if tables:
        _check_existing(conn, path, tables)
    retrying(lambda: conn.execute("PRAGMA journal_mode=WAL"), path)
    conn.execute(
        "PRAGMA synchronous=NORMAL"
    )  # WAL: durable on crash, fsync per checkpoint
    conn.execute("PRAGMA foreign_keys=ON")
    if not tables:
        retrying(lambda: _create(conn), path)
        _check_existing(conn, path, retrying(lambda: _tables(conn), path))


def connect(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """An open connection to the kharita store at ``path`` (see the module doc)."""
    _check_file(path, create)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open: {exc}") from None
    try:
        _prepare(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a usable kharita store ({exc})") from None
    except BaseException:
        conn.close()
        raise
    return conn
