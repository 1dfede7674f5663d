"""A SQLite store of articles, places and incidents that grows run after run.

Plain tables with an explicit schema (:mod:`kharita.store.schema`), so
``datasette kharita.db`` or any SQLite client reads it with no custom
functions.  Full records travel in a ``data`` JSON column beside the flat,
indexed columns, so the store gives back the very
:class:`~kharita.models.Incident` objects that went in (``kharita map --db
FILE`` renders from it).

* **Idempotent.**  Articles are keyed by the SHA-256 of their normalised text
  (:func:`article_hash`); adding the same articles again adds nothing.
* **Re-merged.**  Each article's own incidents are kept (``article_incidents``);
  when new articles arrive the merged ``incidents`` table is rebuilt from all
  of them with :func:`kharita.incidents.merge_incidents` in one transaction.
* **Transactional and concurrent.**  Articles are written in batches, one
  transaction each; an interrupted run keeps every committed batch.  A
  ``dirty`` flag in ``meta`` makes the next run finish an interrupted re-merge.
  WAL mode, a 60 s busy timeout and retries let several runs write one store
  at once; every article of every run lands.
* **Careful with other files.**  A file that is not SQLite, a corrupt database
  or another application's database is refused with one line and left
  untouched; ``create=False`` refuses a missing file.
* **Searchable.**  ``articles_fts`` is an FTS5 index (``trigram`` tokenizer)
  over the folded text (:func:`kharita.text.normalize.fold`), so ``بغداد``
  finds ``وبغداد``; queries need at least 3 characters (shorter ones fall back
  to ``LIKE``).
"""

from __future__ import annotations

from .core import AddReport, Store, StoreSink, article_hash
from .filters import date_bounds, filter_incidents, incident_filter
from .schema import SCHEMA, SCHEMA_VERSION

__all__ = [
    "SCHEMA",
    "SCHEMA_VERSION",
    "AddReport",
    "Store",
    "StoreSink",
    "article_hash",
    "date_bounds",
    "filter_incidents",
    "incident_filter",
]
