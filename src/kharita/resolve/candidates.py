"""Candidate places of each mention, and the article-wide context the rules read.

:class:`Context` is built once per article from all its mentions: which admin
areas and countries the article names (unambiguously or not), whether it is
about Iraq, and later the points already resolved with confidence (anchors for
spatial coherence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer
from ..models import IRAQ, GazetteerPlace, Mention
from ..place_types import is_admin_type, is_country


def candidates_for(mention: Mention, gazetteer: Gazetteer) -> list[GazetteerPlace]:
    """Gazetteer places a mention may name (unknown ids are skipped)."""
    return [gazetteer.by_id[i] for i in mention.candidates if i in gazetteer.by_id]


@dataclass(slots=True)
class Context:
    """What the whole article says, as seen by the disambiguation rules."""

    areas: dict[str, dict[int, float]] = field(
        default_factory=dict
    )  # area -> {mention index: weight}
    countries: dict[str, float] = field(default_factory=dict)  # ISO code -> weight
    iraq_focus: bool = True
    anchors: list[tuple[int, GazetteerPlace]] = field(
        default_factory=list
    )  # (mention index, place)
    lang: str = "ar"

    def area_weight(self, area: str, exclude: int) -> float:
        """How surely another mention (not ``exclude``) names ``area``."""
        return max(
            (w for i, w in self.areas.get(area, {}).items() if i != exclude),
            default=0.0,
        )


def _area_names(place: GazetteerPlace) -> tuple[str, ...]:
    if is_country(place.type) or not place.in_iraq:
        return ()
    if is_admin_type(place.type):
        return tuple(
            {n for n in (place.name_en, place.governorate, place.district) if n}
        )
    return ()


def build_context(
    mentions: Sequence[Mention],
    per_mention: Sequence[Sequence[GazetteerPlace]],
    lang: str,
) -> Context:
    """Areas and countries named by the article, weighted by how unambiguous each mention is."""
    ctx = Context(lang=lang)
    iraqi = foreign = 0.0
    for index, places in enumerate(per_mention):
        if not places:
            continue
        weight = 1.0 / len(places)
        for place in places:
            for name in _area_names(place):
                seen = ctx.areas.setdefault(name, {})
                seen[index] = max(seen.get(index, 0.0), weight)
            if is_country(place.type):
                ctx.countries[place.country] = max(
                    ctx.countries.get(place.country, 0.0), weight
                )
        if all(p.in_iraq for p in places):
            iraqi += 1
        elif not any(p.in_iraq for p in places):
            foreign += 1
        if len(places) == 1:
            ctx.anchors.append((index, places[0]))
    ctx.iraq_focus = iraqi > 0 or foreign == 0 or IRAQ in ctx.countries
    return ctx
