"""Incident extraction: type, date, casualties, attribution, site, dedup.

``extract_incidents(article, places)`` turns one article and its resolved
places into incidents and returns the places with their ``role`` set;
``merge_incidents(incidents)`` merges reports of the same event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..doc import Doc, make_doc
from ..models import Article, Incident, ResolvedPlace
from .dedup import merge_incidents
from .extract import extract
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
) -> tuple[tuple[Incident, ...], tuple[ResolvedPlace, ...]]:
    """Incidents reported by an article (its :class:`~kharita.doc.Doc`, or the
    Article itself) and its ``places`` with roles set.  ``today`` is the
    reference day for an undated article's relative dates."""
    doc = source if isinstance(source, Doc) else make_doc(source)
    return extract(doc.article, places, today=today, doc=doc)
