"""Incident extraction: type, date, casualties, attribution, site, dedup.

``extract_incidents(article, places)`` turns one article and its resolved
places into incidents and returns the places with their ``role`` set;
``merge_incidents(incidents)`` merges reports of the same event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

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
    article: Article, places: Sequence[ResolvedPlace], *, today: date | None = None
) -> tuple[tuple[Incident, ...], tuple[ResolvedPlace, ...]]:
    """Incidents reported by ``article`` and its ``places`` with roles set
    (``today``: the run's clock, see :func:`kharita.incidents.extract.extract`)."""
    return extract(article, places, today=today)
