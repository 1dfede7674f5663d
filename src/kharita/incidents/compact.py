"""Compact incidents: what no output reads dropped, equal values held once.

:func:`stripped` drops a site's candidate list and scoring evidence (no output
of merged incidents reads them).  :class:`SharedValues` turns every value equal
to one it has already seen into that one object (sites, dates, figures,
attributions, excerpts, titles, outlets, type names): reports of one event, or
of one article, then hold what they share once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar, cast

from ..models import Count, Incident, Source

__all__ = ["SharedValues", "stripped"]

T = TypeVar("T")


def stripped(incident: Incident) -> Incident:
    """``incident`` without its site's candidate list and scoring evidence."""
    place = incident.place
    if place is None or not (place.evidence or place.alternatives):
        return incident
    return replace(incident, place=replace(place, evidence=(), alternatives=()))


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
        share = self.share
        return replace(
            incident,
            type=share(incident.type),
            date=share(incident.date),
            killed=share(incident.killed),
            wounded=share(incident.wounded),
            casualties=share(incident.casualties),
            killed_perpetrators=share(incident.killed_perpetrators),
            place=share(incident.place),
            sources=tuple(self.source(s) for s in incident.sources),
            acled_event_type=share(incident.acled_event_type),
            acled_sub_event_type=share(incident.acled_sub_event_type),
            attribution=share(incident.attribution),
            trigger=share(incident.trigger),
            trigger_span=share(incident.trigger_span),
            confidence=share(incident.confidence),
            outcome=share(incident.outcome),
        )

    def report(self, incident: Incident) -> Incident:
        """:meth:`incident` for a report read back from a spill file, whose
        counts, dates and attributions come shared already: its site and its
        strings are shared (what repeats among the reports of one event)."""
        share = self.share
        return replace(
            incident,
            type=share(incident.type),
            place=share(incident.place),
            sources=tuple(
                replace(
                    s,
                    outlet=share(s.outlet),
                    date=share(s.date),
                    excerpt=share(s.excerpt),
                    excerpt_start=share(s.excerpt_start),
                    highlight=share(s.highlight),
                    lang=share(s.lang),
                    title=share(s.title),
                    casualty_sentence=share(s.casualty_sentence),
                )
                for s in incident.sources
            ),
            acled_event_type=share(incident.acled_event_type),
            acled_sub_event_type=share(incident.acled_sub_event_type),
            trigger=share(incident.trigger),
            trigger_span=share(incident.trigger_span),
            confidence=share(incident.confidence),
            outcome=share(incident.outcome),
        )

    def source(self, source: Source) -> Source:
        share = self.share
        return replace(
            source,
            outlet=share(source.outlet),
            date=share(source.date),
            excerpt=share(source.excerpt),
            excerpt_start=share(source.excerpt_start),
            highlight=share(source.highlight),
            lang=share(source.lang),
            title=share(source.title),
            casualty_sentence=share(source.casualty_sentence),
        )
