"""Local disambiguation: a resolution checked against what the text says around it.

Three constructions, each a rule here (applied after scoring, before unknown
places are put in their containers by :mod:`.containers`):

* **A designator decides the type.** «حي التأميم»: «حي» says neighbourhood,
  so the governorate once called al-Ta'mim (Kirkuk) is never what it names.
  When the designator implies settlement-level types only (``place_cues.tsv``:
  neighbourhood, village, town, sub-district) and the winner is a country,
  region or governorate, the best candidate of an agreeing type wins; with
  none, the mention names a place the gazetteer lacks (rule
  ``designator_rejects``).
* **A stated container beats a lone far candidate.** «حي الجمهورية في الموصل»:
  the gazetteer's only Jumhuriya is in Basra, 400 km from the Mosul the text
  puts it in.  A neighbourhood, village or town followed in the same sentence
  by its container («في X», «بX», "in X", «، X», «(X)») must lie within reach
  of it; else the nearest agreeing candidate wins or the mention is unresolved
  (rule ``container_conflict``).
* **A far match on weak evidence loses.** A name read a letter or two off
  (an open designator's fuzzy match), or a lone candidate whose type clashes
  with its designator («قرية الحمدانية» naming the Hamdaniya district), that
  lands more than :data:`FAR_KM` from every other place of the article:
  unresolved (rule ``far_on_weak_evidence``).  «هجوم على قرية الحمدانية قرب
  البصرة» is a village near Basra, not the district 700 km north.  A row with
  no point of its own (a sub-district standing at its district's point) must
  share a governorate with another place of the article, whatever the
  distance: «منطقة الموفقية» in a Basra report is no Wasit sub-district.

Unresolved mentions keep their candidates as alternatives for ``explain`` and
are then placed in their container, flagged low-confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..doc import Doc
from ..geo import haversine_km, km_apart
from ..models import Candidate, Evidence, GazetteerPlace, ResolvedPlace
from ..place_types import is_admin_type, is_country, norm_type, type_agrees

SETTLEMENT_TYPES = frozenset({"neighbourhood", "village", "town", "sub-district"})
_COARSE = ("country", "region", "governorate", "province")
_LOCAL_TYPES = ("neighbourhood", "village", "town")
CONTAINER_REACH_KM = 40.0  # beyond the container's own radius
FAR_KM = 150.0
_CONTAINER_GAP = re.compile(r"^\s*(?:[,،(]|في\s|in\s|of\s|ب)?\s*$")
_GAP_CHARS = 12


def apply_local_rules(doc: Doc, places: Sequence[ResolvedPlace]) -> list[ResolvedPlace]:
    """The three rules above, in order, over one article's resolved places."""
    out = [_designator_decides(rp) for rp in places]
    out = [_container_beats_far(doc, out, i) for i in range(len(out))]
    return [_far_on_weak_evidence(out, i) for i in range(len(out))]


def rejected(rp: ResolvedPlace) -> bool:
    """Did a local rule leave this mention unresolved (a place the gazetteer lacks)?"""
    return rp.place is None and any(
        e.rule in ("designator_rejects", "container_conflict", "far_on_weak_evidence")
        for e in rp.evidence
    )


def _designator_decides(rp: ResolvedPlace) -> ResolvedPlace:
    implied = rp.mention.designator_type
    if rp.place is None or not implied:
        return rp
    if not set(implied.split("|")) <= SETTLEMENT_TYPES:
        return rp
    if not any(c in norm_type(rp.place.type) for c in _COARSE):
        return rp
    agreeing = [c for c in rp.alternatives if type_agrees(c.place.type, implied)]
    detail = f"«{rp.mention.designator}» names a {implied}, not a {rp.place.type}"
    return _choose(rp, agreeing, Evidence("designator_rejects", 0.0, detail))


def _container_beats_far(
    doc: Doc, places: Sequence[ResolvedPlace], i: int
) -> ResolvedPlace:
    rp = places[i]
    if rp.place is None or rp.relative is not None:
        return rp
    if not any(t in norm_type(rp.place.type) for t in _LOCAL_TYPES):
        return rp
    box = _stated_container(doc, places, i)
    if box is None or box.place is None:
        return rp
    reach = CONTAINER_REACH_KM + box.precision_m / 1000
    if km_apart(rp, box) <= reach or _inside(rp.place, box.place):
        return rp
    near = [
        c
        for c in rp.alternatives
        if box.lat is not None
        and box.lon is not None
        and (
            haversine_km((c.place.lat, c.place.lon), (box.lat, box.lon)) <= reach
            or _inside(c.place, box.place)
        )
    ]
    detail = (
        f"{rp.place.name_en} is {km_apart(rp, box):.0f} km from "
        f"{box.place.name_en}, which the text names as its container"
    )
    return _choose(rp, near, Evidence("container_conflict", 0.0, detail))


def _inside(place: GazetteerPlace, box: GazetteerPlace) -> bool:
    """Is ``place`` in the area ``box`` names?  A city that shares its
    governorate's name («أربيل», «البصرة») may stand for the governorate."""
    areas = {a for a in (place.governorate, place.district) if a}
    return box.name_en in areas or (
        box.governorate == box.name_en and box.governorate in areas
    )


def _stated_container(
    doc: Doc, places: Sequence[ResolvedPlace], i: int
) -> ResolvedPlace | None:
    """The place named right after mention ``i`` as its container, if any."""
    if i + 1 >= len(places):
        return None
    rp, nxt = places[i], places[i + 1]
    gap = doc.original_text[rp.end : nxt.start]
    if len(gap) > _GAP_CHARS or not _CONTAINER_GAP.match(gap):
        return None
    if nxt.place is None or nxt.foreign or nxt.lat is None or nxt.lon is None:
        return None
    if is_country(nxt.place.type):
        return None
    kind = norm_type(nxt.place.type)
    if not (is_admin_type(nxt.place.type) or "city" in kind or "town" in kind):
        return None
    return nxt


def _far_on_weak_evidence(places: Sequence[ResolvedPlace], i: int) -> ResolvedPlace:
    rp = places[i]
    if rp.place is None or rp.relative is not None:
        return rp
    clash = any(e.rule == "designator_clash" for e in rp.evidence)
    borrowed = rp.place.point_of is not None
    if rp.mention.kind != "fuzzy" and not clash and not borrowed:
        return rp
    others = [
        o
        for j, o in enumerate(places)
        if j != i
        and o.place is not None
        and not o.foreign
        and not is_country(o.place.type)
        and o.lat is not None
        and o.lon is not None
    ]
    if not others:
        return rp
    if borrowed:  # no point of its own: it must share a governorate with a place named
        gov = rp.place.governorate
        if any(o.place is not None and o.place.governorate == gov for o in others):
            return rp
        why = "no point of its own, outside the governorates named"
        where = f"none of them in {gov}"
    else:
        nearest = min(km_apart(rp, o) - o.precision_m / 1000 for o in others)
        if nearest <= FAR_KM:
            return rp
        why = (
            "a fuzzy match" if rp.mention.kind == "fuzzy" else "its designator clashes"
        )
        where = f"{nearest:.0f} km from every other place named"
    detail = f"«{rp.mention.text}» read as {rp.place.name_en} ({why}), {where}"
    return _choose(rp, [], Evidence("far_on_weak_evidence", 0.0, detail))


def _choose(
    rp: ResolvedPlace, allowed: Sequence[Candidate], why: Evidence
) -> ResolvedPlace:
    """The best allowed candidate, or the mention unresolved (``why`` recorded)."""
    if allowed:
        win = max(allowed, key=lambda c: (c.score, c.place.id))
        place = win.place
        return ResolvedPlace(
            rp.mention,
            place,
            place.lat,
            place.lon,
            round(min(rp.confidence, 0.7), 3),
            place.precision_m,
            not place.in_iraq,
            (*win.evidence, why),
            rp.alternatives,
            None,
            rp.role,
        )
    return ResolvedPlace(
        rp.mention, None, None, None, 0.0, 0.0, False, (why,), rp.alternatives
    )
