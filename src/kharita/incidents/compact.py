"""Compact incidents: what no output reads dropped, equal values held once.

:func:`stripped` drops a site's candidate list and scoring evidence (no output
of merged incidents reads them).  :class:`SharedValues` turns every value equal
to one it has already seen into that one object (sites, dates, figures,
attributions, excerpts, titles, outlets, type names): reports of one event, or
of one article, then hold what they share once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar, cast

from ..models import Count, Incident, Source

__all__ = ["SharedValues", "stripped"]

T = TypeVar("T")


def stripped(incident: Incident) -> Incident:
    """``incident`` without its site's candidate list and scoring evidence."""
    place = incident.place
    if place is None or not (place.evidence or place.alternatives):
        return incident
    return replace(incident, place=replace(place, evidence=(), alternatives=()))


# the fields of a report that repeat among reports, shared by SharedValues
_FIGURES = (
    "date", "killed", "wounded", "casualties", "killed_perpetrators", "attribution",
)  # fmt: skip
_VALUES = (
    "type", "place", "acled_event_type", "acled_sub_event_type", "trigger",
    "trigger_span", "confidence", "outcome",
)  # fmt: skip
_SOURCE_VALUES = (
    "outlet", "date", "excerpt", "excerpt_start", "highlight", "lang", "title",
    "casualty_sentence",
)  # fmt: skip


def _key(value: object) -> object:
    """What makes two values the same one: their type and their value, every
    field of a count (its ``vague`` flag is left out of ``==``)."""
    if isinstance(value, Count):
        return (Count, value.min, value.max, value.vague)
    return (type(value), value)  # 0 and 0.0 are equal, not the same value


class SharedValues:
    """One object per distinct value seen (as long as this table lives)."""

    def __init__(self) -> None:
        self._seen: dict[object, object] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def share(self, value: T) -> T:
        """The first value seen equal to ``value`` (``value`` itself if none)."""
        try:
            return cast(T, self._seen.setdefault(_key(value), value))
        except TypeError:  # an unhashable value: keep it as it is
            return value

    def incident(self, incident: Incident) -> Incident:
        """``incident`` with its values and its sources' values shared."""
        return replace(self.report(incident), **self._fields(incident, _FIGURES))

    def report(self, incident: Incident) -> Incident:
        """:meth:`incident` but for the counts, dates and attributions, for a
        report read back from a spill file (they come shared already)."""
        sources = tuple(self.source(s) for s in incident.sources)
        return replace(incident, sources=sources, **self._fields(incident, _VALUES))

    def source(self, source: Source) -> Source:
        """``source`` with its values shared (not its article id and URL)."""
        return replace(source, **self._fields(source, _SOURCE_VALUES))

    def _fields(self, record: object, names: tuple[str, ...]) -> dict[str, Any]:
        return {name: self.share(getattr(record, name)) for name in names}
