"""The per-article pipeline.

``Article -> recognise mentions -> resolve places -> extract incidents``, one
article at a time; a failure is recorded against its ``file:record`` and the
run goes on.  The run over many inputs is :mod:`kharita.run`.
"""

from __future__ import annotations

import logging

from .errors import KharitaError, OnlineGeocoderError
from .gazetteer import Gazetteer, load_gazetteer
from .incidents import extract_incidents
from .mentions import recognizer_for
from .models import Article, ArticleResult, RecordError
from .resolve import resolve_places
from .resolve.online import OnlineFallback, fill_unresolved

logger = logging.getLogger("kharita")


def extract_article(
    article: Article,
    gazetteer: Gazetteer | None = None,
    online: OnlineFallback | None = None,
) -> ArticleResult:
    """Places and incidents of one article. Pure apart from the cached gazetteer
    (and the opt-in online geocoder for places the gazetteer lacks)."""
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    mentions = recognizer_for(gaz)(article.text, article.lang)
    places = resolve_places(article, mentions, gaz)
    if online is not None:
        places = fill_unresolved(places, online)
    incidents, places_with_roles = extract_incidents(article, places)
    return ArticleResult(
        article=article, places=tuple(places_with_roles), incidents=incidents
    )


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
