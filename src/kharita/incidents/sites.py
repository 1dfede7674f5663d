"""Site choice for an event, and the role of every place mention.

* **Site**: the most specific resolved place in the event's own units that is
  not a reference point, an actor or a launch site (:func:`places.choose_site`:
  base > village > town > district > governorate > country, so a governorate
  or the country is the site only when nothing finer is named).  A place the
  text puts inside another («كويسنجق بأربيل») beats its container; a place
  described from another («ناحية العلم التي تبعد 20 كم شرق تكريت») beats the
  reference point, which is used only when nothing else is named (جنوب بغداد);
  so is a place that names a post («والي كركوك», "IS commander in Mosul").
* **Two listed sites**: a strong-trigger unit (or a headline with any
  trigger) naming two specific places far apart («3 مناطق في أربيل
  والسليمانية», "killed in Anbar, Salahuddin"; not «بين X وY») reports two
  events, and so do two places with a figure each ("5 in Baghdad and 3 in
  Kirkuk") and two named facilities under any trigger; the less reported
  place is split off with the units naming it.
* **Points**: a broad site the text puts "between X and Y" sits at their
  midpoint; a district or larger with one bearing-described reference inside
  it takes the reference's offset point.
* **Roles**: actor, site, prior, container, reference, other (see
  :mod:`kharita.incidents.places`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import Incident, ResolvedPlace
from ..text.wire import headline_at
from . import places as P
from ._doc import Doc
from .segments import (
    STRONG_TRIGGER,
    Cluster,
    Unit,
    compatible_site,
    eligible,
    km,
)

SPLIT_RANK = 3  # outside a headline, listed sites split at a town or finer
BETWEEN_RANK = 4  # an area or larger: "between X and Y" gives a better point
BETWEEN_KM = 80.0
OFFSET_RANK = 6  # a district or larger takes a reference's offset point
COUNTRY_RANK = 9  # a region or country: a reference with a distance is the site
HEADLINE_SPLIT_RANK = 8  # a governorate (place_specificity.tsv)
FACILITY_RANK = 0  # a base, airport...: named targets split under any trigger
BETWEEN_QUALIFIER = 30  # characters: "between X and Y (Z)" / "in Z province"
# «في أربيل والسليمانية», "in Kirkuk and Basra", and the wire headline's comma
# list "Car bombs in Kirkuk, Baghdad kill 33" (a comma between two places of one
# governorate is read as "place, container": "Qurna, Basra")
_AND_GAP = re.compile(r"^\s*(?:و|and\s|,|،)\s*$")
_BETWEEN = re.compile(r"(?:بين|between)\s+(?:\S+\s+)?$")
# construction coordinated_target: "... Ain al-Asad and a facility in Erbil",
# "a bomb in Kirkuk and another in Hawija": a second noun phrase (opened by a
# determiner, never a verb: "and buried in Najaf") placed by its own preposition
_AND_NOUN_GAP = re.compile(
    r"^\s*and\s+(?:a|an|another|the)(?:\s+[a-z-]+){0,2}\s+(?:in|at|near)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# construction distributive_figures: "5 in Baghdad and 3 in Kirkuk", «5 في بغداد
# و3 في كركوك»: a conjunction opens a clause with a figure of its own
_CLAUSE_OPEN = re.compile(r"\s*(?:[,،]|and\b|و)", re.IGNORECASE)


def _coordinated(
    doc: Doc, places: Sequence[ResolvedPlace], i: int, unit: Unit
) -> ResolvedPlace | None:
    """The mention that ``places[i]`` follows with «و»/"and" or a comma («في
    أربيل والسليمانية», "in Kirkuk, Basra"), outside a «بين X وY» / "between X
    and Y" phrase; or that the next clause of ``unit`` follows with a figure
    (or, in a headline, a trigger) of its own ("5 in Baghdad and 3 in Kirkuk",
    "kill 12 in Bayji, repel offensive in Kirkuk"); or a second target ("...
    and a facility in Erbil")."""
    rp = places[i]
    before = [p for p in places if p.end <= rp.start]
    if not before:
        return None
    prev = max(before, key=lambda p: p.end)
    gap = doc.original_text[prev.end : rp.start]
    if _next_clause(doc, gap, prev, rp, unit) is not None:
        return prev
    if _AND_NOUN_GAP.match(gap):
        return prev
    if not _AND_GAP.match(gap):
        return None
    if "," in gap or "،" in gap:  # "Qurna, Basra": a place then its governorate
        g0 = prev.place.governorate if prev.place else None
        g1 = rp.place.governorate if rp.place else None
        if g0 is None or g0 == g1:
            return None
    f0 = doc.folded(prev.start)
    return None if _BETWEEN.search(doc.text[max(0, f0 - 20) : f0]) else prev


def _next_clause(
    doc: Doc, gap: str, prev: ResolvedPlace, rp: ResolvedPlace, unit: Unit
) -> int | None:
    """constructions headline_clauses, distributive_figures: where ``gap``
    opens a new clause with a comma, «،», «و» or "and" holding a figure of its
    own before ``rp`` ("Bombs kill 5 in Kut, 2 in Hilla", "killed 5 in Baghdad
    and 3 in Kirkuk") or, in a headline, a trigger of its own ("kill 12 in
    Bayji, repel offensive in Kirkuk"): the folded offset of the opening
    word, else None."""
    comma = _CLAUSE_OPEN.match(gap)
    if comma is None or _AND_GAP.match(gap):
        return None
    lo, hi = doc.folded(prev.end + comma.end()), doc.folded(rp.start)
    spans = [(m.start, m.end) for m in unit.casualties if m.count.min]
    if headline_at(doc.text, unit.sentence.start):
        spans += [(t.start, t.end) for t in unit.triggers]
    if any(lo <= a and b <= hi for a, b in spans):
        return doc.folded(prev.end + comma.start())
    return None


def _apart(
    doc: Doc, s: Unit, a: ResolvedPlace, b: ResolvedPlace, finest: int
) -> int | None:
    """How coarse two listed places may be to be two events' sites (None:
    they are one event's).  Far apart, up to ``finest``; with a figure each
    ("5 in Karrada and 3 in Sadr City", «4 في قضاء بلد و2 في قضاء الدجيل»)
    when neither holds the other, up to governorates."""
    if _next_clause(doc, doc.original_text[a.end : b.start], a, b, s) is not None:
        held = P.same_place(a, b) or P.contains(a, b) or P.contains(b, a)
        return None if held else HEADLINE_SPLIT_RANK
    return None if compatible_site(a, b) else finest


def _support(c: Cluster, places: Sequence[ResolvedPlace], site: ResolvedPlace) -> int:
    """Sentences of ``c`` naming ``site`` or a place inside it."""
    return sum(
        any(
            P.same_place(places[j], site) or P.contains(site, places[j])
            for j in x.places
        )
        for x in c.sents
    )


def _listed_sites_rank(doc: Doc, s: Unit) -> int | None:
    """How coarse the listed sites of a unit may be to count as separate
    events (None: they don't).  A headline with any trigger lists events up to
    governorates ("Dozens of militants killed in Anbar, Salahuddin": a headline
    totals what it lists); elsewhere a strong trigger, or a figure for each
    place, lists towns or finer, and any trigger lists named facilities
    ("Drones attacked Ain al-Asad air base and Erbil airport")."""
    strongest = max((t.weight for t in s.triggers), default=0.0)
    if strongest > 0 and headline_at(doc.text, s.sentence.start):
        return HEADLINE_SPLIT_RANK
    if strongest >= STRONG_TRIGGER or len([m for m in s.casualties if m.count.min]) > 1:
        return SPLIT_RANK  # a strong trigger, or figures for each place
    return FACILITY_RANK if strongest > 0 else None


def _splittable(rp: ResolvedPlace, cue: str | None, finest: int = SPLIT_RANK) -> bool:
    return (
        cue is None and not rp.foreign and rp.lat is not None and P.rank(rp) <= finest
    )


def split_sites(
    doc: Doc, clusters: list[Cluster], places: Sequence[ResolvedPlace],
    cues: dict[int, str | None], inside: dict[str, set[str]],
) -> list[Cluster]:  # fmt: skip
    """A strong-trigger sentence listing two specific places far apart («3
    مناطق في أربيل والسليمانية») reports two incidents: the less reported place
    (counting places inside it: Koya for Erbil) is split off with the
    sentences naming it."""
    out = list(clusters)
    for c in clusters:
        derived = [c]  # c and the events split off it (for clause cuts)
        for s in c.sents:
            finest = _listed_sites_rank(doc, s)
            if finest is None:
                continue
            for i in s.places:
                a, b = _coordinated(doc, places, i, s), places[i]
                rank = None if a is None else _apart(doc, s, a, b, finest)
                if a is None or rank is None:
                    continue
                ia = places.index(a)
                if not (
                    _splittable(a, cues.get(ia), rank) and _splittable(b, cues[i], rank)
                ):
                    continue
                rp = a if _support(c, places, a) < _support(c, places, b) else b
                if any(
                    x.site and compatible_site(x.site, rp) for x in out if x is not c
                ):
                    continue
                c.exclude.update(j for j, p in enumerate(places) if P.same_place(p, rp))
                mine = [
                    x
                    for x in c.sents
                    if any(P.same_place(places[j], rp) for j in x.places)
                ]
                split = Cluster(mine, rp, forced=True, bounds=c.bounds)
                _clauses(doc, s, a, b, derived, split)
                derived.append(split)
                out.append(split)
        c.site = cluster_site(c, places, cues, inside)
    return out


def _clauses(
    doc: Doc, s: Unit, a: ResolvedPlace, b: ResolvedPlace, holders: list[Cluster],
    split: Cluster,
) -> None:  # fmt: skip
    """constructions headline_clauses, distributive_figures: each coordinated
    clause ("5 in Baghdad and 3 in Kirkuk", "kill 12 in Bayji, repel offensive
    in Kirkuk", "kill 12 in Baghdad, 5 in Kirkuk, 3 in Mosul") keeps its own
    figures: the clause holding the cut between ``a`` and ``b`` is cut in two,
    ``split`` (the event split off) takes its part."""
    cut = _next_clause(doc, doc.original_text[a.end : b.start], a, b, s)
    if cut is None:
        return
    span = (s.sentence.start, s.sentence.end)
    kept = next(
        (x for x in holders if (x.clause or span)[0] < cut < (x.clause or span)[1]),
        None,
    )
    if kept is None:
        return
    lo, hi = kept.clause or span
    first, second = (lo, cut), (cut, hi)
    later = P.same_place(split.site, b) if split.site is not None else True
    split.clause, kept.clause = (second, first) if later else (first, second)


def cluster_site(
    cluster: Cluster,
    places: Sequence[ResolvedPlace],
    cues: dict[int, str | None],
    inside: dict[str, set[str]],
) -> ResolvedPlace | None:
    if cluster.forced and cluster.site is not None:
        return cluster.site
    idx = [i for s in cluster.sents for i in s.places if i not in cluster.exclude]
    site = P.choose_site(eligible(places, cues, idx), inside)
    if site is None:  # only reference points or posts were named: use them
        fallback = [places[i] for i in idx if cues[i] in ("reference", "affiliation")]
        site = P.choose_site(fallback)  # «جنوب بغداد», «اغتيال والي كركوك»
    if site is None:  # «غربي العراق» alone: the named Iraqi area is the site
        areas = [_area(places[i]) for i in idx if cues[i] == "reference"]
        return P.choose_site([a for a in areas if a is not None])
    first = next(places[i] for i in sorted(idx) if P.same_place(places[i], site))
    return _between_point(first, [places[i] for i in sorted(idx)], cues, places)


def _area(rp: ResolvedPlace) -> ResolvedPlace | None:
    """An Iraqi area named with a bare bearing («غربي العراق», "northern
    Babil"): the text names no finer place.  The area's side is the site when
    its point lies inside Iraq (resolve places it in the area's outer third);
    an offset guess that fell across the border gives the area's own point."""
    gaz = rp.place
    if gaz is None or not gaz.in_iraq or rp.relative is None or rp.relative.distance_km:
        return None
    if not rp.foreign:
        return rp
    return replace(rp, lat=gaz.lat, lon=gaz.lon, foreign=False, relative=None)


def _between_point(
    site: ResolvedPlace, named: list[ResolvedPlace],
    cues: dict[int, str | None], places: Sequence[ResolvedPlace],
) -> ResolvedPlace:  # fmt: skip
    """A site less specific than a town, or named right after the pair, that
    the text puts "between X and Y" (two nearby reference points, "in orchards
    between X and Y (Z)") is placed at their midpoint."""
    refs = [p for p in named if cues[places.index(p)] == "reference" and not p.foreign]
    for a, b in zip(refs, refs[1:], strict=False):
        if a.place is None or b.place is None or not P.between_pair(a, b):
            continue
        qualifies = 0 < site.start - b.end <= BETWEEN_QUALIFIER  # "... and Y (Baghdad)"
        if P.rank(site) < BETWEEN_RANK and not qualifies:
            continue
        if km(a, b) > BETWEEN_KM:  # (a may already sit on the road's midpoint)
            continue
        lat, lon = (a.place.lat + b.place.lat) / 2, (a.place.lon + b.place.lon) / 2
        return replace(site, lat=lat, lon=lon)
    return _offset_point(site, refs)


def _offset_point(site: ResolvedPlace, refs: list[ResolvedPlace]) -> ResolvedPlace:
    """A district or larger site with one reference inside it described by a
    bearing ("in the desert south of Rutba (Anbar)") takes the reference's
    offset point: the best estimate of where in the area it happened."""
    if P.rank(site) < OFFSET_RANK:
        return site
    moved = [
        r for r in refs
        if r.relative is not None and r.relative.bearing_deg is not None
        and r.lat is not None and P.contains(site, r)
    ]  # fmt: skip
    if len(moved) != 1:
        return site
    rel = moved[0].relative
    if P.rank(site) >= COUNTRY_RANK and rel is not None and rel.distance_km:
        return moved[0]  # "40 km southwest of Kirkuk" names more than "Iraq"
    return replace(site, lat=moved[0].lat, lon=moved[0].lon)


def roles(
    doc: Doc, places: Sequence[ResolvedPlace], sents: list[Unit], clusters: list[Cluster],
    incidents: list[Incident], cues: dict[int, str | None],
) -> tuple[ResolvedPlace, ...]:  # fmt: skip
    in_cluster = {s.sentence.index for c in clusters for s in c.sents}
    sent_of = {i: s.sentence.index for s in sents for i in s.places}
    sites = [inc.place for inc in incidents if inc.place is not None]
    out = []
    for i, rp in enumerate(places):
        role: str
        if cues[i] == "person":  # «مقتدى الصدر»: a person's name, no place
            role = "other"
        elif cues[i] == "actor":  # incidents/extract.py::_names_an_actor
            role = "actor"
        elif any(P.same_place(rp, s) for s in sites) and not (
            sent_of.get(i) is not None and sents[sent_of[i]].prior
        ):
            role = "site"
        elif (
            sent_of.get(i) is not None
            and sents[sent_of[i]].prior
            and sent_of.get(i) not in in_cluster
        ):
            role = "prior"
        elif any(P.contains(rp, s) for s in sites):
            role = "container"
        elif cues[i] in ("reference", "launch"):
            role = "reference"
        else:
            role = "other"
        out.append(replace(rp, role=role))  # type: ignore[arg-type]
    return tuple(out)
