"""kharita: an Arabic-first, offline geospatial incident mapper for Iraq.

Python API (no I/O or network at import)::

    import kharita
    result = kharita.extract("قصف جوي استهدف قاعدة كالسو في محافظة بابل")
    nlp = kharita.Pipeline()               # build once: gazetteer, automaton, lexicon
    doc = nlp(article)                     # a Doc with mentions, places, incidents
    run = kharita.process(["examples/"])
    html = kharita.render_map(run.incidents)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import (
    Article,
    ArticleResult,
    Count,
    EventDate,
    GazetteerPlace,
    Incident,
    Mention,
    RecordError,
    ResolvedPlace,
    RunReport,
    Source,
)

if TYPE_CHECKING:
    from .api import extract, process, render_map
    from .doc import Doc
    from .pipeline import Pipeline, Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleResult",
    "Count",
    "Doc",
    "EventDate",
    "GazetteerPlace",
    "Incident",
    "Mention",
    "Pipeline",
    "RecordError",
    "ResolvedPlace",
    "RunReport",
    "Settings",
    "Source",
    "__version__",
    "extract",
    "process",
    "render_map",
]


def __getattr__(name: str) -> Any:
    # The API pulls in folium, shapely and the gazetteer: import it lazily.
    if name in ("extract", "process", "render_map", "load_gazetteer"):
        from . import api

        return getattr(api, name)
    if name in ("Pipeline", "Settings"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Doc":
        from .doc import Doc

        return Doc
    raise AttributeError(f"module 'kharita' has no attribute {name!r}")
