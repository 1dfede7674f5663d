"""The public Python API: what notebooks and other tools call.

>>> import kharita
>>> result = kharita.extract("قصف جوي استهدف قاعدة كالسو في محافظة بابل")
>>> [p.place.name_en for p in result.places if p.place]  # doctest: +SKIP
['Camp Kalsu', 'Babil']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .gazetteer import Gazetteer, load_gazetteer
from .ingest import article_from_record
from .models import Article, ArticleResult, RecordError, RunReport
from .pipeline import extract_article
from .render import render_map
from .run import process as _process

__all__ = ["extract", "load_gazetteer", "process", "render_map"]


def extract(
    text_or_article: str | Article | dict[str, object],
    *,
    gazetteer: Gazetteer | None = None,
) -> ArticleResult:
    """Places and incidents of one article given as text, an Article or a dict."""
    if isinstance(text_or_article, Article):
        article = text_or_article
    else:
        data = (
            {"text": text_or_article}
            if isinstance(text_or_article, str)
            else text_or_article
        )
        record = article_from_record(data, "<api>", "1")
        if isinstance(record, RecordError):
            raise ValueError(str(record))
        article = record
    return extract_article(article, gazetteer)


def process(
    paths: Iterable[str | Path] | str | Path,
    *,
    gazetteer: Gazetteer | None = None,
    workers: int = 1,
) -> RunReport:
    """Run over files/directories; ``.results``, ``.errors``, merged ``.incidents``."""
    inputs = [paths] if isinstance(paths, str | Path) else list(paths)
    return _process(inputs, gazetteer=gazetteer, workers=workers)
