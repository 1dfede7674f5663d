"""Relative locations: «30 كم شمال كركوك», «جنوبي بابل», "20 km south of Baghdad",
«الطريق الرابط بين بغداد والبصرة».

:func:`find_relative` looks at the words right before a mention for a compass
word (``directions.tsv``) and an optional distance (``distance_units.tsv``);
:func:`offset_point` turns that into a point and an uncertainty radius with
geodesic math.  :func:`find_road` finds "road between A and B" pairs.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc
from ..geo import (
    LatLon,
    destination,
    geodesic_km,
    initial_bearing,
    midpoint,
    side_point,
)
from ..lexicon import load_table
from ..models import GazetteerPlace, Mention, RelativeLocation
from ..place_types import is_admin_type
from ..text.normalize import normalize

WINDOW = 60  # characters looked at before a mention
_DIRECTION_HINT = re.compile(r"شم|جن|شر|غر|north|south|east|west", re.IGNORECASE)
# direction given without a distance: how far from the anchor the thing probably is
_UNSPECIFIED_CITY_KM = 20.0
_LATERAL = math.tan(math.radians(22.5))  # a compass word is good to about ±22.5°


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The compiled relative-location patterns and their tables."""

    relative: re.Pattern[str]
    bearings: dict[str, float]
    parts: frozenset[str]  # "northern": a part of the place itself
    units: dict[str, float]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    bearings = {
        normalize(r["word"]).text: float(r["bearing_deg"])
        for r in load_table("directions")
    }
    parts = frozenset(
        normalize(r["word"]).text
        for r in load_table("directions")
        if r["part"] == "yes"
    )
    units = {
        normalize(r["unit"]).text: float(r["km"]) for r in load_table("distance_units")
    }
    direction = _alternation(list(bearings))
    unit = _alternation(list(units))
    rx = re.compile(
        r"(?:(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>"
        + unit
        + r")(?:ا|ات|s)?\s*(?:\([^)]{0,25}\)\s*)?(?:الى\s+|إلى\s+|to the\s+)?)?"
        r"(?<![^\s\d(])(?:[وفب]|)(?P<dir>" + direction + r")(?:ي|ا)?"
        r"(?:\s+(?:of|من|مدينه|محافظه|قضاء|ناحيه|the))*\s*$"
    )
    return _Patterns(rx, bearings, parts, units)


def find_relative(
    doc: Doc, mention: Mention
) -> tuple[int, float, float | None, bool] | None:
    """``(phrase_start, bearing_deg, distance_km, part)`` when a relative phrase
    ends at the mention; ``part`` when it names a part of the place ("northern")."""
    text = doc.original_text
    lo = max(0, mention.start - WINDOW)
    if not _DIRECTION_HINT.search(text, lo, mention.start):
        return None
    f_lo, f_hi = doc.folded(lo), doc.folded(mention.start)
    pat = _patterns()
    m = pat.relative.search(doc.text[f_lo:f_hi])
    if m is None:
        return None
    direction = m.group("dir")
    bearing = pat.bearings.get(direction)
    if bearing is None:
        return None
    distance = None
    if m.group("num"):
        distance = float(m.group("num").replace(",", ".")) * pat.units.get(
            m.group("unit"), 1.0
        )
    start, _ = doc.original(f_lo + m.start(), f_lo + m.end())
    return start, bearing, distance, direction in pat.parts


def offset_point(
    anchor: GazetteerPlace,
    bearing: float,
    distance_km: float | None,
    part: bool = False,
) -> tuple[LatLon, float]:
    """Point and uncertainty (m) of "``distance_km`` along ``bearing`` from ``anchor``".

    Without a distance, "north of X" is the northern third of X's polygon
    when X is Iraq or a governorate («شمالي بابل», "northern Iraq": inside the
    area, never across its border), lands half its radius out for another
    admin area, and about 20 km out for a town ("northern Mosul", a ``part``
    of the town, half its radius out).
    """
    if distance_km is None:
        side = side_point(anchor.id, bearing)
        if side is not None:
            return side
    anchor_km = anchor.precision_m / 1000
    if distance_km is None:
        distance_km = (
            anchor_km * 0.5
            if part or is_admin_type(anchor.type)
            else max(_UNSPECIFIED_CITY_KM, anchor_km)
        )
        spread = distance_km * 0.8
    else:
        spread = distance_km * _LATERAL
    point = destination((anchor.lat, anchor.lon), bearing, distance_km)
    radius_km = math.hypot(anchor_km, spread)
    return point, radius_km * 1000


def relative_location(
    doc: Doc, mention: Mention, anchor: GazetteerPlace
) -> tuple[RelativeLocation, LatLon, float] | None:
    """The relative phrase ending at ``mention``, resolved against ``anchor``."""
    found = find_relative(doc, mention)
    if found is None:
        return None
    start, bearing, distance, part = found
    point, precision = offset_point(anchor, bearing, distance, part)
    rel = RelativeLocation(
        start,
        mention.end,
        doc.original_text[start : mention.end],
        anchor.id,
        bearing,
        distance,
    )
    return rel, point, precision


_ROAD = re.compile(
    r"(?:طريق|الطريق|road|highway|route)[^.\n,،]{0,30}?(?:بين|between|from)?\s*$"
)
_JOIN = re.compile(r"^\s*(?:و|and|to|-|–|الى|إلى)\s*$")


def find_road(doc: Doc, first: Mention, second: Mention) -> int | None:
    """Start of a «طريق ... بين A و B» / "road between A and B" phrase, or ``None``."""
    between = doc.text[doc.folded(first.end) : doc.folded(second.start)]
    if not _JOIN.match(between) and between.strip() != "":
        return None
    f_lo, f_hi = doc.folded(max(0, first.start - 40)), doc.folded(first.start)
    m = _ROAD.search(doc.text[f_lo:f_hi])
    if m is None:
        return None
    return doc.original(f_lo + m.start(), f_lo + m.end())[0]


def road_point(
    a: GazetteerPlace, b: GazetteerPlace
) -> tuple[LatLon, float, float, float]:
    """Midpoint of the A-B road, its radius (m), bearing and half-length (km)."""
    pa, pb = (a.lat, a.lon), (b.lat, b.lon)
    half = geodesic_km(pa, pb) / 2
    return midpoint(pa, pb), half * 1000, initial_bearing(pa, pb), half
