"""A SQLite store of articles, places and incidents that grows run after run.

Plain tables with an explicit schema (below), so ``datasette kharita.db`` or any
SQLite client reads it with no custom functions.  Full records travel in a
``data`` JSON column beside the flat, indexed columns, so the store gives back
the very :class:`~kharita.models.Incident` objects that went in
(``kharita map --db FILE`` renders from it).

* **Idempotent.**  Articles are keyed by the SHA-256 of their normalised text
  (:func:`article_hash`); adding the same articles again adds nothing.
* **Re-merged.**  Each article's own incidents are kept (``article_incidents``);
  when new articles arrive the merged ``incidents`` table is rebuilt from all
  of them with :func:`kharita.incidents.merge_incidents` in one transaction.
* **Transactional.**  Articles are written in batches, one transaction each; an
  interrupted run keeps every committed batch.  A ``dirty`` flag in ``meta``
  makes the next run finish an interrupted re-merge.
* **Searchable.**  ``articles_fts`` is an FTS5 index (``trigram`` tokenizer)
  over the folded text (:func:`kharita.text.normalize.fold`), so ``بغداد``
  finds ``وبغداد``; queries need at least 3 characters (shorter ones fall back
  to ``LIKE``).
"""

from __future__ import annotations

import calendar
import contextlib
import hashlib
import importlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import ConfigurationError
from .export.codec import from_dict, to_dict
from .models import Article, ArticleResult, Incident, ResolvedPlace
from .text.normalize import fold

__all__ = ["AddReport", "Store", "article_hash", "date_bounds", "filter_incidents"]

logger = logging.getLogger("kharita")

SCHEMA_VERSION = "1"
MergeFn = Callable[[Iterable[Incident]], list[Incident]]

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


@dataclass(frozen=True, slots=True)
class AddReport:
    """What :meth:`Store.add_results` did."""

    added: int
    skipped: int  # already in the store (same normalised text)
    incidents: int  # merged incidents in the store afterwards


def article_hash(text: str) -> str:
    """SHA-256 of the folded text with whitespace collapsed (the article key)."""
    return hashlib.sha256(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


def date_bounds(iso: str | date | None, *, end: bool = False) -> str | None:
    """First (or with ``end``, last) day of ``2024``, ``2024-04`` or ``2024-04-20``."""
    if iso is None:
        return None
    if isinstance(iso, date):
        return iso.isoformat()
    try:
        parts = [int(p) for p in iso.strip()[:10].split("-")]
        year = parts[0]
        month = parts[1] if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            day = parts[2]
        else:
            day = calendar.monthrange(year, month)[1] if end else 1
        return date(year, month, day).isoformat()
    except (ValueError, IndexError):
        return None


def _bound(value: str | date | None, *, end: bool = False) -> str | None:
    bound = date_bounds(value, end=end)
    if value is not None and bound is None:
        raise ConfigurationError(
            f"not a date: {value!r} (use 2024, 2024-04 or 2024-04-20)"
        )
    return bound


def filter_incidents(
    incidents: Iterable[Incident],
    since: str | date | None = None,
    until: str | date | None = None,
    types: Sequence[str] = (),
    governorates: Sequence[str] = (),
) -> list[Incident]:
    """In-memory twin of :meth:`Store.query_incidents`: the same filters, the same meaning."""
    low, high = _bound(since), _bound(until, end=True)
    wanted_types = set(types)
    wanted_govs = {g.lower() for g in governorates}
    out: list[Incident] = []
    for inc in incidents:
        start, stop = date_bounds(inc.date.iso), date_bounds(inc.date.iso, end=True)
        if (low or high) and start is None:
            continue
        if (low and stop is not None and stop < low) or (
            high and start is not None and start > high
        ):
            continue
        if wanted_types and inc.type not in wanted_types:
            continue
        gov = inc.place.place.governorate if inc.place and inc.place.place else None
        if wanted_govs and (gov or "").lower() not in wanted_govs:
            continue
        out.append(inc)
    return out


def _default_merge() -> MergeFn:
    module = importlib.import_module("kharita.incidents")  # imported when needed
    merge: MergeFn = module.merge_incidents
    return merge


class Store:
    """The SQLite store at ``path`` (created unless ``create=False``).

    ``merge`` merges per-article incidents into events; it defaults to
    :func:`kharita.incidents.merge_incidents`.  Use as a context manager.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        merge: MergeFn | None = None,
    ) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise ConfigurationError(f"no such database: {self.path}")
        self._merge = merge
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(SCHEMA)  # idempotent: IF NOT EXISTS everywhere
        with self._transaction():
            self._check_version()

    # -- plumbing ---------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _check_version(self) -> None:
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            self.conn.execute(
                "INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,)
            )
        elif row[0] != SCHEMA_VERSION:
            raise ConfigurationError(
                f"{self.path}: schema version {row[0]}, this kharita writes "
                f"{SCHEMA_VERSION}; use a new --db file"
            )

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        if table not in _TABLES:
            raise ConfigurationError(
                f"unknown table {table!r}; options are: {', '.join(_TABLES)}"
            )
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # -- writing ----------------------------------------------------------
    def add_results(
        self, results: Iterable[ArticleResult], *, batch_size: int = 500
    ) -> AddReport:
        """Add new articles with their places and incidents, then re-merge.

        Articles already stored (same normalised text) are skipped.  Each
        batch is one transaction; if ``results`` raises, committed batches stay.
        """
        if batch_size < 1:
            raise ConfigurationError("batch_size must be >= 1")
        added = skipped = 0
        iterator = iter(results)
        while batch := list(islice(iterator, batch_size)):
            with self._transaction():
                n = sum(self._insert_result(r) for r in batch)
                if n:
                    self._set_meta("dirty", "1")
            added, skipped = added + n, skipped + len(batch) - n
        incidents = self.remerge() if self._dirty() else self.count("incidents")
        logger.info("store %s: %d added, %d already there", self.path, added, skipped)
        return AddReport(added=added, skipped=skipped, incidents=incidents)

    def _dirty(self) -> bool:
        row = self.conn.execute("SELECT value FROM meta WHERE key='dirty'").fetchone()
        return bool(row and row[0] == "1")

    def _insert_result(self, result: ArticleResult) -> bool:
        art = result.article
        digest = article_hash(art.text)
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles (hash, id, lang, outlet, url, date, title,"
            " origin, text, text_folded, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                digest,
                art.id,
                art.lang,
                art.outlet,
                art.url,
                art.date,
                art.title,
                art.origin,
                art.text,
                fold(art.text),
                datetime.now(UTC).isoformat(),
            ),
        )
        if cur.rowcount != 1:
            return False
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, text_folded) VALUES (?, ?)",
            (cur.lastrowid, fold(art.text)),
        )
        for seq, rp in enumerate(result.places):
            self._insert_place(digest, seq, rp)
        self.conn.executemany(
            "INSERT INTO article_incidents VALUES (?, ?, ?)",
            [(digest, seq, _json(inc)) for seq, inc in enumerate(result.incidents)],
        )
        return True

    def _insert_place(self, digest: str, seq: int, rp: ResolvedPlace) -> None:
        gp = rp.place
        if gp is not None:
            self.conn.execute(
                "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    gp.id,
                    gp.type,
                    gp.name_en,
                    gp.name_ar,
                    gp.lat,
                    gp.lon,
                    gp.country,
                    gp.governorate,
                    gp.district,
                    gp.precision_m,
                    gp.source,
                ),
            )
        self.conn.execute(
            "INSERT INTO article_places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                digest,
                seq,
                rp.mention.text,
                rp.start,
                rp.end,
                gp.id if gp else None,
                rp.lat,
                rp.lon,
                rp.confidence,
                rp.precision_m,
                int(rp.foreign),
                rp.role,
                _json(rp),
            ),
        )

    def remerge(self) -> int:
        """Rebuild ``incidents`` from every article's incidents; return the count."""
        merge = self._merge or _default_merge()
        raw = [
            from_dict(Incident, json.loads(data))
            for (data,) in self.conn.execute(
                "SELECT i.data FROM article_incidents i"
                " JOIN articles a ON a.hash = i.article_hash ORDER BY a.pk, i.seq"
            )
        ]
        merged = merge(raw)
        with self._transaction():
            self.conn.execute("DELETE FROM incident_sources")
            self.conn.execute("DELETE FROM incidents")
            seen: set[str] = set()
            for incident in merged:
                self._insert_incident(incident, seen)
            self._set_meta("dirty", "0")
        return len(merged)

    def _insert_incident(self, incident: Incident, seen: set[str]) -> None:
        iid = incident.id
        n = 1
        while iid in seen:  # a merge that repeats ids must not abort the run
            n += 1
            iid = f"{incident.id}#{n}"
        if iid != incident.id:
            logger.warning("duplicate incident id %s stored as %s", incident.id, iid)
        seen.add(iid)
        self.conn.execute(_INSERT_INCIDENT, (iid, *_incident_columns(incident)))
        self.conn.executemany(
            "INSERT INTO incident_sources VALUES (?,?,?,?,?,?,?)",
            [
                (iid, seq, s.article_id, s.outlet, s.url, s.date, s.excerpt)
                for seq, s in enumerate(incident.sources)
            ],
        )

    # -- reading ----------------------------------------------------------
    def query_incidents(
        self,
        since: str | date | None = None,
        until: str | date | None = None,
        types: Sequence[str] = (),
        governorates: Sequence[str] = (),
    ) -> list[Incident]:
        """Merged incidents whose date period overlaps ``[since, until]``.

        ``since``/``until`` may be ``2024``, ``2024-04`` or ``2024-04-20``.
        Incidents with no known date are left out when either bound is given.
        ``types`` and ``governorates`` (English names, any case) filter too.
        """
        where: list[str] = []
        params: list[Any] = []
        for column, op, value in (
            ("date_end", ">=", date_bounds(since)),
            ("date_start", "<=", date_bounds(until, end=True)),
        ):
            if value is not None:
                where.append(f"{column} {op} ?")
                params.append(value)
            elif (since if op == ">=" else until) is not None:
                raise ConfigurationError(
                    f"not a date: {since if op == '>=' else until!r}"
                )
        if types:
            where.append(f"type IN ({','.join('?' * len(types))})")
            params.extend(types)
        if governorates:
            where.append(f"lower(governorate) IN ({','.join('?' * len(governorates))})")
            params.extend(g.lower() for g in governorates)
        sql = "SELECT data FROM incidents"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date_start, id"
        return [
            from_dict(Incident, json.loads(d))
            for (d,) in self.conn.execute(sql, params)
        ]

    def search_articles(self, query: str, *, limit: int = 100) -> list[Article]:
        """Articles whose folded text contains the folded ``query``."""
        needle = " ".join(fold(query).split())
        if not needle:
            return []
        if len(needle) >= 3:
            sql = (
                "SELECT a.* FROM articles_fts f JOIN articles a ON a.pk = f.rowid"
                " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
            )
            params: tuple[Any, ...] = ('"' + needle.replace('"', '""') + '"', limit)
        else:
            sql = "SELECT * FROM articles WHERE instr(text_folded, ?) > 0 LIMIT ?"
            params = (needle, limit)
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [_article(dict(zip(names, row, strict=True))) for row in cur]

    def articles(self) -> Iterator[ArticleResult]:
        """Every stored article with its own places and incidents, in insertion order."""
        rows = self.conn.execute("SELECT * FROM articles ORDER BY pk").fetchall()
        names = [d[1] for d in self.conn.execute("PRAGMA table_info(articles)")]
        for row in rows:
            rec = dict(zip(names, row, strict=True))
            yield ArticleResult(
                article=_article(rec),
                places=tuple(
                    self._children(ResolvedPlace, "article_places", rec["hash"])
                ),
                incidents=tuple(
                    self._children(Incident, "article_incidents", rec["hash"])
                ),
            )

    def _children(self, cls: type[Any], table: str, digest: str) -> Iterator[Any]:
        sql = f"SELECT data FROM {table} WHERE article_hash = ? ORDER BY seq"
        for (data,) in self.conn.execute(sql, (digest,)):
            yield from_dict(cls, json.loads(data))


_TABLES = (
    "articles",
    "places",
    "article_places",
    "article_incidents",
    "incidents",
    "incident_sources",
)

_INSERT_INCIDENT = (
    "INSERT INTO incidents (id, type, event_date, date_precision, date_start,"
    " date_end, killed_min, killed_max, wounded_min, wounded_max, confidence,"
    " place_id, place_name_ar, place_name_en, governorate, district, lat, lon,"
    " precision_m, report_count, acled_event_type, acled_sub_event_type,"
    " perpetrator, data) VALUES (" + ",".join("?" * 24) + ")"
)


def _incident_columns(inc: Incident) -> tuple[Any, ...]:
    rp = inc.place
    gp = rp.place if rp else None
    return (
        inc.type,
        inc.date.iso,
        inc.date.precision,
        date_bounds(inc.date.iso),
        date_bounds(inc.date.iso, end=True),
        inc.killed.min,
        inc.killed.max,
        inc.wounded.min,
        inc.wounded.max,
        inc.confidence,
        gp.id if gp else None,
        gp.name_ar if gp else (rp.mention.text if rp else None),
        gp.name_en if gp else None,
        gp.governorate if gp else None,
        gp.district if gp else None,
        inc.lat,
        inc.lon,
        rp.precision_m if rp else None,
        inc.report_count,
        inc.acled_event_type,
        inc.acled_sub_event_type,
        inc.attribution.perpetrator,
        _json(inc),
    )


def _json(record: Any) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))


def _article(rec: dict[str, Any]) -> Article:
    return Article(
        id=rec["id"],
        text=rec["text"],
        lang=rec["lang"],
        outlet=rec["outlet"],
        url=rec["url"],
        date=rec["date"],
        title=rec["title"],
        origin=rec["origin"] or "",
    )
