"""Incident extraction: type, date, casualties, attribution, site, dedup.

``extract_incidents(article, places)`` turns one article and its resolved
places into incidents and returns the places with their ``role`` set;
``merge_incidents(incidents)`` merges reports of the same event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..doc import Doc, make_doc
from ..models import Article, Incident, ResolvedPlace
from .dedup import merge_incidents
from .extract import extract
from .lexicon import IncidentLexicon
from .types import IncidentType, get_type, registry

__all__ = [
    "IncidentType",
    "extract_incidents",
    "get_type",
    "merge_incidents",
    "registry",
]


def extract_incidents(
    source: Doc | Article,
    places: Sequence[ResolvedPlace],
    *,
    today: date | None = None,
    lexicon: IncidentLexicon | None = None,
) -> tuple[tuple[Incident, ...], tuple[ResolvedPlace, ...]]:
    """Incidents reported by an article (its :class:`~kharita.doc.Doc`, or the
    Article itself) and its ``places`` with roles set.  ``today`` is the
    reference day for an undated article's relative dates.  A ``Doc`` made
    without phrase hits is read with ``lexicon`` (built here when not given:
    the pipeline builds one for all its articles)."""
    doc = source if isinstance(source, Doc) else make_doc(source)
    if doc.phrases is None:
        lex = lexicon if lexicon is not None else IncidentLexicon(registry())
        doc = replace(doc, phrases=lex.read(doc.text))
    return extract(doc, places, today=today)
