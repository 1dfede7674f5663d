"""The :class:`Store` (see :mod:`kharita.store`) and :class:`StoreSink`, its run sink."""

from __future__ import annotations

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

from ..errors import ConfigurationError, StoreError
from ..export.codec import from_dict
from ..models import Article, ArticleResult, Incident, ResolvedPlace
from ..text.normalize import fold
from .filters import where_clause
from .rows import (
    INSERT_INCIDENT,
    article_from_row,
    incident_columns,
    place_rows,
    record_json,
)
from .schema import TABLES, connect, retrying

__all__ = ["AddReport", "Store", "StoreSink", "article_hash"]

logger = logging.getLogger("kharita")

MergeFn = Callable[[Iterable[Incident]], list[Incident]]


@dataclass(frozen=True, slots=True)
class AddReport:
    """What :meth:`Store.add_results` did."""

    added: int
    skipped: int  # already in the store (same normalised text)
    incidents: int  # merged incidents in the store afterwards


def article_hash(text: str) -> str:
    """SHA-256 of the folded text with whitespace collapsed (the article key)."""
    return hashlib.sha256(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


def _default_merge() -> MergeFn:
    module = importlib.import_module("kharita.incidents")  # imported when needed
    merge: MergeFn = module.merge_incidents
    return merge


class Store:
    """The SQLite store at ``path`` (created unless ``create=False``).

    ``merge`` merges per-article incidents into events; it defaults to
    :func:`kharita.incidents.merge_incidents`.  Use as a context manager.
    SQLite errors surface as one-line :class:`~kharita.errors.StoreError`.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        merge: MergeFn | None = None,
    ) -> None:
        self.path = Path(path)
        self._merge = merge
        self.conn = connect(self.path, create=create)

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
    def _sql_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from None

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``: waits for other writers)."""
        with self._sql_errors():
            retrying(lambda: self.conn.execute("BEGIN IMMEDIATE"), self.path)
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        if table not in TABLES:
            raise ConfigurationError(
                f"unknown table {table!r}; options are: {', '.join(TABLES)}"
            )
        with self._sql_errors():
            row = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0])

    def check(self) -> list[str]:
        """``PRAGMA integrity_check``: ``["ok"]`` for a sound store."""
        with self._sql_errors():
            return [r[0] for r in self.conn.execute("PRAGMA integrity_check")]

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
            n = self.add_batch(batch)
            added, skipped = added + n, skipped + len(batch) - n
        incidents = self.finish()
        logger.info("store %s: %d added, %d already there", self.path, added, skipped)
        return AddReport(added=added, skipped=skipped, incidents=incidents)

    def add_batch(self, batch: Sequence[ArticleResult]) -> int:
        """Add ``batch`` in one transaction (no re-merge); return how many were new."""
        with self._transaction():
            n = sum(self._insert_result(r) for r in batch)
            if n:
                self._set_meta("dirty", "1")
        return n

    def finish(self) -> int:
        """Re-merge when articles were added since the last merge; the incident count."""
        return self.remerge() if self._dirty() else self.count("incidents")

    def _dirty(self) -> bool:
        with self._sql_errors():
            row = self.conn.execute(
                "SELECT value FROM meta WHERE key='dirty'"
            ).fetchone()
        return bool(row and row[0] == "1")

    def _insert_result(self, result: ArticleResult) -> bool:
        art = result.article
        digest = article_hash(art.text)
        folded = fold(art.text)
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles (hash, id, lang, outlet, url, date, title,"
            " origin, text, text_folded, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (digest, art.id, art.lang, art.outlet, art.url, art.date, art.title)
            + (art.origin, art.text, folded, datetime.now(UTC).isoformat()),
        )
        if cur.rowcount != 1:
            return False
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, text_folded) VALUES (?, ?)",
            (cur.lastrowid, folded),
        )
        for seq, rp in enumerate(result.places):
            place, mention = place_rows(digest, seq, rp)
            if place is not None:
                self.conn.execute(
                    "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place
                )
            self.conn.execute(
                "INSERT INTO article_places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", mention
            )
        self.conn.executemany(
            "INSERT INTO article_incidents VALUES (?, ?, ?)",
            [(digest, s, record_json(inc)) for s, inc in enumerate(result.incidents)],
        )
        return True

    def remerge(self) -> int:
        """Rebuild ``incidents`` from every article's incidents; return the count.

        Read, merge and rewrite happen in one write transaction, so concurrent
        runs re-merge one after the other and the last sees every article.
        """
        merge = self._merge or _default_merge()
        with self._transaction():
            raw = [
                from_dict(Incident, json.loads(data))
                for (data,) in self.conn.execute(
                    "SELECT i.data FROM article_incidents i"
                    " JOIN articles a ON a.hash = i.article_hash ORDER BY a.pk, i.seq"
                )
            ]
            merged = merge(raw)
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
        self.conn.execute(INSERT_INCIDENT, (iid, *incident_columns(incident)))
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
        where, params = where_clause(since, until, types, governorates)
        sql = "SELECT data FROM incidents" + where + " ORDER BY date_start, id"
        with self._sql_errors():
            rows = self.conn.execute(sql, params).fetchall()
        return [from_dict(Incident, json.loads(d)) for (d,) in rows]

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
        with self._sql_errors():
            cur = self.conn.execute(sql, params)
            names = [d[0] for d in cur.description]
            rows = cur.fetchall()
        return [article_from_row(dict(zip(names, row, strict=True))) for row in rows]

    def articles(self) -> Iterator[ArticleResult]:
        """Every stored article with its own places and incidents, in insertion order."""
        with self._sql_errors():
            pks = [
                pk for (pk,) in self.conn.execute("SELECT pk FROM articles ORDER BY pk")
            ]
        for pk in pks:  # one article at a time: memory stays flat
            with self._sql_errors():
                cur = self.conn.execute("SELECT * FROM articles WHERE pk = ?", (pk,))
                names = [d[0] for d in cur.description]
                rec = dict(zip(names, cur.fetchone(), strict=True))
                yield ArticleResult(
                    article=article_from_row(rec),
                    places=tuple(
                        self._children(ResolvedPlace, "article_places", rec["hash"])
                    ),
                    incidents=tuple(
                        self._children(Incident, "article_incidents", rec["hash"])
                    ),
                )

    def _children(self, cls: type[Any], table: str, digest: str) -> Iterator[Any]:
        sql = f"SELECT data FROM {table} WHERE article_hash = ? ORDER BY seq"
        for (data,) in self.conn.execute(sql, (digest,)).fetchall():
            yield from_dict(cls, json.loads(data))


class StoreSink:
    """A run sink adding results to a :class:`Store` in batches of ``batch_size``.

    Use as a context manager: on leaving it the last batch is written and the
    incidents re-merged; after an interruption the last batch is still written
    (no re-merge: the next run does it, see the ``dirty`` flag).
    """

    def __init__(self, store: Store, *, batch_size: int = 500) -> None:
        self.store = store
        self.batch_size = batch_size
        self.batch: list[ArticleResult] = []
        self.added = 0

    def add(self, result: ArticleResult) -> None:
        self.batch.append(result)
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.added += self.store.add_batch(self.batch)
            self.batch.clear()

    def __enter__(self) -> StoreSink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.flush()
        if exc_type is None:
            self.store.finish()
