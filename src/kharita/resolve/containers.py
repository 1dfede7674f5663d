"""Unknown places named after a designator, placed in the known place that contains them.

«مجمع خانصور في ناحية سنون», «حي المعلمين» in an article about Kirkuk, "the village
of Alwamahmoud in Kirkuk province": the gazetteer does not know the place, but
the article says where it is.  The unknown place takes the point of

1. the known place linked right after it («X في Y», «X بناحية Y», "X in Y",
   "X, Y"), or else
2. the nearest (in the text) Iraqi place of the article, when the article is
   about Iraq and the designator names something small (village, quarter,
   mountain...), not a city or country that may well be abroad;

with a wide uncertainty (at least the container's own), a low confidence, and
evidence saying which place it was put in and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..doc import Doc
from ..models import Evidence, ResolvedPlace
from ..place_types import default_precision_m, is_admin_type, is_country
from .local import rejected

_LINK_GAP = 30  # characters between the unknown place and its linked container
_LINK_WORDS = 3
_MAYBE_FOREIGN = (
    "city",
    "country",
    "region",
    "island",
    "sea",
    "ocean",
    "gulf",
    "river",
)
_MIN_PRECISION_LINKED = 5_000.0
_MIN_PRECISION_NEAREST = 15_000.0
_CONF_LINKED = 0.35
_CONF_NEAREST = 0.25
_NON_SETTLEMENT_PENALTY = (
    300  # characters: prefer areas and towns over bases as containers
)


def place_open_mentions(
    doc: Doc, resolved: Sequence[ResolvedPlace], iraq_focus: bool
) -> list[ResolvedPlace]:
    """Give unresolved open-designator mentions the point of their container."""
    out = list(resolved)
    for i, rp in enumerate(out):
        if rp.lat is not None or not (rp.mention.kind == "fuzzy" or rejected(rp)):
            continue
        found = _linked(doc, i, out) or (
            _nearest(i, out) if iraq_focus and not _maybe_foreign(rp) else None
        )
        if found is None:
            continue
        box, rule, confidence, floor = found
        assert box.lat is not None and box.lon is not None and box.place is not None
        size = max(box.precision_m, floor, default_precision_m(_first_type(rp)))
        detail = f"unknown place put in {box.place.name_en} («{box.mention.text}»)"
        out[i] = replace(
            rp,
            lat=box.lat,
            lon=box.lon,
            confidence=confidence,
            precision_m=size,
            foreign=box.foreign,
            evidence=(
                *(rp.evidence if rejected(rp) else ()),
                Evidence(
                    "open_designator",
                    0.0,
                    f"«{rp.mention.designator or rp.mention.text}» names a place not in the gazetteer",
                ),
                Evidence(rule, confidence, detail),
            ),
        )
    return out


def _first_type(rp: ResolvedPlace) -> str:
    return (rp.mention.designator_type or "area").split("|")[0]


def _maybe_foreign(rp: ResolvedPlace) -> bool:
    types = (rp.mention.designator_type or "").split("|")
    return any(t in _MAYBE_FOREIGN for t in types)


def _usable(rp: ResolvedPlace) -> bool:
    return (
        rp.place is not None
        and rp.lat is not None
        and rp.lon is not None
        and not is_country(rp.place.type)
    )


def _linked(
    doc: Doc, i: int, places: Sequence[ResolvedPlace]
) -> tuple[ResolvedPlace, str, float, float] | None:
    end = places[i].end
    for rp in places[i + 1 :]:
        gap = doc.original_text[end : rp.start]
        if len(gap) > _LINK_GAP or not doc.same_sentence(end, rp.start):
            return None
        if len(gap.split()) <= _LINK_WORDS and _usable(rp):
            return rp, "container_linked", _CONF_LINKED, _MIN_PRECISION_LINKED
        end = rp.end
    return None


def _nearest(
    i: int, places: Sequence[ResolvedPlace]
) -> tuple[ResolvedPlace, str, float, float] | None:
    me = places[i]
    best: tuple[int, ResolvedPlace] | None = None
    for j, rp in enumerate(places):
        if j == i or not _usable(rp) or rp.foreign:
            continue
        assert rp.place is not None
        distance = rp.start - me.end if rp.start >= me.end else me.start - rp.end
        if not (is_admin_type(rp.place.type) or rp.place.type in ("city", "town")):
            distance += _NON_SETTLEMENT_PENALTY
        if best is None or distance < best[0]:
            best = (distance, rp)
    if best is None:
        return None
    return best[1], "container_nearest", _CONF_NEAREST, _MIN_PRECISION_NEAREST
