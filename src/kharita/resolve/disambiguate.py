"""Scoring rules and the final choice between the candidates of a mention.

Every rule is a small function ``(mention, place, context) -> Evidence | None``;
a candidate's score is the sum of the weights of the rules that fired, and the
winner keeps them (``ResolvedPlace.evidence``) so ``kharita explain`` can say
why it won.  Prominence (type and population) only breaks ties: its weight is
kept below every contextual rule, and a row with no point of its own (its
district's point stands in) has none.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..geo import approx_km
from ..models import IRAQ, Candidate, Evidence, GazetteerPlace, Mention
from ..place_types import (
    is_admin_type,
    is_country,
    norm_type,
    type_agrees,
    type_rank,
)
from .candidates import Context

Rule = Callable[[Mention, GazetteerPlace, Context, int], Evidence | None]

W_PROMINENCE = 0.4
W_COUNTRY_FOCUS = 1.0
W_COUNTRY_NAMED = 1.2
W_PARENT = 1.5
W_DESIGNATOR = 2.0
W_DESIGNATOR_CLASH = -0.7
W_NEAR = 1.0
W_REGION = 0.5


def prominence(
    mention: Mention, place: GazetteerPlace, ctx: Context, index: int
) -> Evidence:
    """Type and population; none for a row standing at another place's point (no
    point of its own known), so a real point of the same name wins the tie."""
    if place.point_of:
        return Evidence(
            "point_borrowed",
            0.0,
            f"no point of its own: at the point of {place.point_of}",
        )
    return _prominence(place.type, place.population)


@lru_cache(maxsize=4096)  # a function of the place alone: computed once per place
def _prominence(place_type: str, population: int | None) -> Evidence:
    pop = math.log10(population) / 8 if population and population > 1 else 0.0
    value = W_PROMINENCE * (0.6 * type_rank(place_type) + 0.4 * min(pop, 1.0))
    return Evidence(
        "prominence",
        round(value, 3),
        f"type {place_type}, population {population or '?'}",
    )


def country_focus(
    mention: Mention, place: GazetteerPlace, ctx: Context, index: int
) -> Evidence | None:
    if ctx.iraq_focus and place.in_iraq:
        return Evidence(
            "country_focus",
            W_COUNTRY_FOCUS,
            "article is about Iraq; Iraqi place preferred",
        )
    return None


def country_named(
    mention: Mention, place: GazetteerPlace, ctx: Context, index: int
) -> Evidence | None:
    if (
        place.country != IRAQ
        and place.country in ctx.countries
        and not is_country(place.type)
    ):
        return Evidence(
            "country_named",
            W_COUNTRY_NAMED * ctx.countries[place.country],
            f"article names country {place.country}",
        )
    return None


def parent_named(
    mention: Mention, place: GazetteerPlace, ctx: Context, index: int
) -> Evidence | None:
    if is_country(place.type) or norm_type(place.type) in ("governorate", "province"):
        return None
    for area in (place.district, place.governorate):
        weight = ctx.area_weight(area, index) if area else 0.0
        if weight > 0 and not (is_admin_type(place.type) and area == place.name_en):
            return Evidence(
                "parent_named",
                round(W_PARENT * weight, 3),
                f"article names its area {area}",
            )
    return None


def designator_type(
    mention: Mention, place: GazetteerPlace, ctx: Context, index: int
) -> Evidence | None:
    if not mention.designator_type:
        return None
    if type_agrees(place.type, mention.designator_type):
        return Evidence(
            "designator_type",
            W_DESIGNATOR,
            f"«{mention.designator}» implies {mention.designator_type}",
        )
    return Evidence(
        "designator_clash",
        W_DESIGNATOR_CLASH,
        f"«{mention.designator}» implies {mention.designator_type}, not {place.type}",
    )


def spatial_coherence(
    mention: Mention, place: GazetteerPlace, ctx: Context, index: int
) -> Evidence | None:
    best: tuple[float, GazetteerPlace] | None = None
    for other_index, anchor in ctx.anchors:
        if other_index == index or is_country(anchor.type):
            continue
        d = (
            approx_km((place.lat, place.lon), (anchor.lat, anchor.lon))
            - anchor.precision_m / 1000
        )
        if best is None or d < best[0]:
            best = (d, anchor)
    if best is None:
        return None
    d, anchor = best
    if d < 50:
        return Evidence(
            "spatial_coherence", W_NEAR, f"{max(d, 0):.0f} km from {anchor.name_en}"
        )
    if d < 150:
        return Evidence(
            "spatial_coherence", W_REGION, f"{d:.0f} km from {anchor.name_en}"
        )
    return None


RULES: tuple[Rule, ...] = (
    prominence,
    country_focus,
    country_named,
    parent_named,
    designator_type,
    spatial_coherence,
)


def score(
    mention: Mention, places: Sequence[GazetteerPlace], ctx: Context, index: int
) -> list[Candidate]:
    """Every candidate scored by every rule, best first."""
    out = []
    rules = (
        RULES if len(places) > 1 else RULES[:-1]
    )  # spatial coherence only decides between candidates
    for place in places:
        evidence = tuple(
            e for rule in rules if (e := rule(mention, place, ctx, index)) is not None
        )
        out.append(
            Candidate(place, round(sum(e.weight for e in evidence), 3), evidence)
        )
    out.sort(key=lambda c: (-c.score, c.place.id))
    return out


def confidence(ranked: Sequence[Candidate], needs_support: bool) -> float:
    """0-1: high when one candidate clearly beats the rest, lower for common-word names."""
    if not ranked:
        return 0.0
    base = (
        0.9
        if len(ranked) == 1
        else 0.45 + 0.5 * (1 - math.exp(-(ranked[0].score - ranked[1].score)))
    )
    if any(e.rule == "designator_type" for e in ranked[0].evidence):
        base += 0.05
    if needs_support:
        base -= 0.2
    return round(min(max(base, 0.05), 0.99), 3)
