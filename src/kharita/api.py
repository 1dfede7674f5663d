"""The public Python API: what notebooks and other tools call.

>>> import kharita
>>> result = kharita.extract("قصف جوي استهدف قاعدة كالسو في محافظة بابل")
>>> [p.place.name_en for p in result.places if p.place]  # doctest: +SKIP
['Camp Kalsu', 'Babil']
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .errors import GazetteerError
from .gazetteer import Gazetteer, default_directory, load_gazetteer
from .incidents.types import registry
from .ingest import article_from_record
from .models import Article, ArticleResult, Incident, RecordError, RunReport
from .pipeline import extract_article
from .render import base_places, load_basemap, load_styles
from .render import render_map as _render_map
from .run import process as _process

__all__ = ["extract", "load_gazetteer", "map_inputs", "process", "render_map"]
GOVERNORATES = Path("boundaries") / "iraq_governorates.geojson"


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


def map_inputs(gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """``bases``, ``basemap`` and ``styles`` for :func:`kharita.render.render_map`.

    Read from the gazetteer (bases, place labels, governorate polygons) and the
    incident-type registry; a gazetteer that cannot be read gives a map without them.
    """
    places: Sequence[Any] = ()
    directory = default_directory()
    try:
        gaz = gazetteer or load_gazetteer()
        places, directory = gaz.places, gaz.directory or directory
    except GazetteerError as err:
        logging.getLogger("kharita").warning("map without gazetteer layers: %s", err)
    return {
        "bases": base_places(places),
        "basemap": load_basemap(directory / GOVERNORATES, places),
        "styles": load_styles(registry().values()),
    }


def render_map(incidents: Sequence[Incident], **options: Any) -> str:
    """The offline HTML map of ``incidents`` with the gazetteer's bases and labels.

    ``options`` are those of :func:`kharita.render.render_map` (``title``, ``lang``,
    ``tiles``...) and override :func:`map_inputs`.
    """
    return _render_map(incidents, **{**map_inputs(), **options})
