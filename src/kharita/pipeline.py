"""The per-article pipeline and the run over many inputs.

``Article -> recognise mentions -> resolve places -> extract incidents``, one
article at a time; a failure is recorded against its ``file:record`` and the
run goes on.  :func:`process` streams results and merges incidents across
reports at the end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigurationError, KharitaError, OnlineGeocoderError
from .gazetteer import Gazetteer, load_gazetteer
from .incidents import extract_incidents, merge_incidents
from .ingest import iter_articles
from .mentions import recognizer_for
from .models import Article, ArticleResult, Incident, RecordError
from .resolve import resolve_places
from .resolve.online import OnlineFallback, fill_unresolved
from .text.wire import clean_article, restore

logger = logging.getLogger("kharita")

Progress = Callable[[int], None]


def extract_article(
    article: Article,
    gazetteer: Gazetteer | None = None,
    online: OnlineFallback | None = None,
) -> ArticleResult:
    """Places and incidents of one article. Pure apart from the cached gazetteer
    (and the opt-in online geocoder for places the gazetteer lacks)."""
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    view = clean_article(article)  # wire furniture blanked, offsets unchanged
    mentions = recognizer_for(gaz)(view.text, view.lang)
    places = resolve_places(view, mentions, gaz)
    if online is not None:
        places = fill_unresolved(places, online)
    incidents, places_with_roles = extract_incidents(view, places)
    result = ArticleResult(
        article=view, places=tuple(places_with_roles), incidents=incidents
    )
    return restore(result, article)


def safe_extract(
    article: Article,
    gazetteer: Gazetteer | None = None,
    online: OnlineFallback | None = None,
) -> ArticleResult | RecordError:
    """:func:`extract_article`, with an unexpected failure turned into a RecordError.

    An unreachable online geocoder is not the article's fault: it propagates.
    """
    try:
        return extract_article(article, gazetteer, online)
    except OnlineGeocoderError:
        raise
    except KharitaError as exc:
        return _record_error(article, str(exc))
    except Exception as exc:  # one bad article must not lose the run
        logger.debug("extraction failed for %s", article.origin, exc_info=True)
        return _record_error(article, f"extraction failed: {type(exc).__name__}: {exc}")


def _record_error(article: Article, message: str) -> RecordError:
    path, _, record = article.origin.rpartition(":")
    return RecordError(path or article.origin, record, message)


def iter_results(
    inputs: Iterable[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    workers: int = 1,
    online: OnlineFallback | None = None,
) -> Iterator[ArticleResult | RecordError]:
    """Stream per-article results (or errors) in input order."""
    records = iter_articles(inputs)
    if online is not None and workers > 1:
        raise ConfigurationError(
            "--online runs in one process (1 request/s); drop --workers"
        )
    if workers > 1:
        from .parallel import map_articles

        yield from map_articles(records, workers=workers, gazetteer=gazetteer)
        return
    for record in records:
        if isinstance(record, RecordError):
            yield record
        else:
            yield safe_extract(record, gazetteer, online)


@dataclass
class Collected:
    """Results of a run gathered in memory (for maps and small batches)."""

    results: list[ArticleResult] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)

    @property
    def incidents(self) -> list[Incident]:
        """Incidents of all articles, reports of the same event merged."""
        return merge_incidents(i for r in self.results for i in r.incidents)

    @property
    def place_count(self) -> int:
        return sum(len(r.places) for r in self.results)


def process(
    inputs: Iterable[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    workers: int = 1,
    on_error: Callable[[RecordError], None] | None = None,
    on_result: Callable[[ArticleResult], None] | None = None,
) -> Collected:
    """Run the pipeline over ``inputs`` and collect every result and error."""
    collected = Collected()
    for item in iter_results(inputs, gazetteer=gazetteer, workers=workers):
        if isinstance(item, RecordError):
            collected.errors.append(item)
            if on_error is not None:
                on_error(item)
        else:
            collected.results.append(item)
            if on_result is not None:
                on_result(item)
    return collected
